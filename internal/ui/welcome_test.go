package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/ui/kit"
	"sepakat/internal/ui/kit/kittest"
)

func TestFirstStartOffersExamplesAndListsThem(t *testing.T) {
	a, s := newTestApp(t)
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1280, 720))
	u.Window().Show()
	u.Start()

	if u.Window().Canvas().Overlays().Top() == nil || u.welcome == nil {
		t.Fatal("no welcome dialog on an empty data file")
	}
	test.Tap(u.welcome.examples)

	if rows, cols := u.list.size(); rows != 3 || cols != 7 {
		t.Fatalf("register %d×%d, want 3×7", rows, cols)
	}
	if got := cellText(u.list, 2, 1); got != "Berbagi Informasi dan Inovasi Daerah" {
		t.Errorf("oldest row subject %q", got)
	}
	if got := cellText(u.list, 2, 2); got != "Pemkab Lampung Selatan" {
		t.Errorf("partner %q", got)
	}
	if got := cellText(u.list, 2, 3); got != "61/KSB.05-Huk/2025" {
		t.Errorf("our number %q", got)
	}
	if got := cellText(u.list, 2, 4); got == "" || got == cellText(u.list, 2, 3) {
		t.Errorf("partner's number %q", got)
	}
	if got := cellText(u.list, 2, 6); got != "3 Juli 2030" {
		t.Errorf("end date %q", got)
	}
	if got := u.status.Text; got != "3 perjanjian" {
		t.Errorf("status line %q", got)
	}
	// A second start on the same file does not offer the examples again.
	u2 := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u2)
	u2.Window().Show()
	u2.Start()
	if u2.Window().Canvas().Overlays().Top() != nil {
		t.Error("examples offered again")
	}
}

func TestFirstStartSetsUpOurOffice(t *testing.T) {
	a, s := newTestApp(t)
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u)
	u.Window().Show()
	u.Start()
	w := u.welcome
	if w == nil {
		t.Fatal("no welcome")
	}
	test.Type(w.region, "Pemerintah Kabupaten Atlantis")
	test.Tap(w.setup)
	if !w.problem.Visible() || w.problem.Text != tr("Pilih kantor kita dari daftar wilayah, mis. Pemerintah Kabupaten Sumedang.") {
		t.Errorf("an office outside the region list: %q", w.problem.Text)
	}
	w.region.SetText("")
	test.Type(w.region, "Pemerintah Kota Bandung")
	w.unit.SetText("")
	test.Tap(w.setup)
	if w.problem.Text != tr("Isi kode unit yang tertulis pada nomor, mis. Huk.") {
		t.Errorf("no unit code: %q", w.problem.Text)
	}
	if parties, _ := s.Parties(); len(parties) != 0 {
		t.Fatal("an office without a unit code was saved")
	}
	test.Type(w.unit, "Kerjasama")
	test.Tap(w.setup)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the welcome stays open after setting up")
	}
	parties, _ := s.Parties()
	if len(parties) != 1 || !parties[0].Own || parties[0].Kind != agreement.PartyPemkot || parties[0].Numbering.UnitCode != "Kerjasama" || parties[0].Seat != "Bandung" {
		t.Fatalf("office %+v", parties)
	}
	n, err := s.ReserveNumber(parties[0].ID, agreement.KindKSB, agreement.NewDate(2026, 11, 22), 0)
	if err != nil || n != "1/KSB.05-Kerjasama/2026" {
		t.Errorf("first number %q, %v", n, err)
	}
	// Started again, the office is set up: no welcome.
	u2 := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u2)
	u2.Start()
	if u2.welcome != nil {
		t.Error("welcome shown again")
	}
}

// Our office is found by typing the short name staff use, and picked with
// Enter, without the mouse.
func TestWelcomePicksOurOfficeByTyping(t *testing.T) {
	a, s := newTestApp(t)
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.Window().Show()
	u.Start()
	w := u.welcome
	if w == nil {
		t.Fatal("no welcome")
	}
	c := u.Window().Canvas()
	c.Focus(w.region)
	for _, r := range "lamsel" {
		c.Focused().TypedRune(r)
	}
	if got := w.region.Matches(); len(got) != 1 || got[0] != "Pemerintah Kabupaten Lampung Selatan" {
		t.Fatalf("lamsel offers %q", got)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.region.Text != "Pemerintah Kabupaten Lampung Selatan" || w.region.PopUpShown() {
		t.Fatalf("after Enter the field reads %q, drop-down open %v", w.region.Text, w.region.PopUpShown())
	}
	test.Type(w.seat, "Kalianda")
	test.Tap(w.setup)
	parties, _ := s.Parties()
	if len(parties) != 1 || !parties[0].Own || parties[0].RegionCode != "18.01" || parties[0].Name != "Pemerintah Kabupaten Lampung Selatan" {
		t.Fatalf("office %+v", parties)
	}
}

// The seat of government is asked in the welcome. The region list has no
// capitals: for a kabupaten its name shows only as a guess in the empty field
// (Kabupaten Tegal sits in Slawi), and the office is not set up without a
// seat (QA 12); a city's seat is the city.
func TestWelcomeAsksTheSeatOfGovernment(t *testing.T) {
	a, s := newTestApp(t)
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.Window().Show()
	u.Start()
	w := u.welcome
	c := u.Window().Canvas()
	c.Focus(w.region)
	for _, r := range "lamsel" {
		c.Focused().TypedRune(r)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.seat.Text != "" || w.seat.PlaceHolder != lang.L("tebakan: {{.Guess}} — tulis ibu kota {{.Region}}", map[string]any{"Guess": "Lampung Selatan", "Region": "Kabupaten Lampung Selatan"}) {
		t.Fatalf("seat %q, placeholder %q", w.seat.Text, w.seat.PlaceHolder)
	}
	test.Tap(w.setup)
	if parties, _ := s.Parties(); len(parties) != 0 || w.problem.Text != tr("Tulis tempat kedudukan pemerintah daerah ini (ibu kota), mis. Purwokerto untuk Kabupaten Banyumas.") {
		t.Fatalf("set up without a seat: %+v, problem %q", parties, w.problem.Text)
	}
	test.Type(w.seat, "Kalianda")
	test.Tap(w.setup)
	parties, _ := s.Parties()
	if len(parties) != 1 || parties[0].Seat != "Kalianda" {
		t.Fatalf("office %+v", parties)
	}
}

// A city's seat is its own name, filled; typed text is never replaced.
func TestWelcomeFillsACitysSeat(t *testing.T) {
	a, s := newTestApp(t)
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.Window().Show()
	u.Start()
	w := u.welcome
	w.region.SetSelected("Pemerintah Kota Tegal")
	if w.seat.Text != "Tegal" {
		t.Fatalf("Kota Tegal: seat %q", w.seat.Text)
	}
	w.region.SetSelected("Pemerintah Kabupaten Tegal")
	if w.seat.Text != "" || !strings.Contains(w.seat.PlaceHolder, "Tegal") {
		t.Fatalf("Kabupaten Tegal: seat %q (the city's name is not its seat), placeholder %q", w.seat.Text, w.seat.PlaceHolder)
	}
	test.Type(w.seat, "Slawi")
	w.region.SetSelected("Pemerintah Kota Tegal")
	if w.seat.Text != "Slawi" {
		t.Fatalf("a typed seat replaced: %q", w.seat.Text)
	}
}

// On first start the office is picked with the mouse: a click on the
// suggestion, a click into the seat, typing there (QA 10: both fields were
// emptied, what was typed having gone into the picker).
func TestWelcomePicksOurOfficeWithTheMouse(t *testing.T) {
	a, s := newTestApp(t)
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.Window().Show()
	u.Start()
	w := u.welcome
	c := u.Window().Canvas()
	kittest.ClickObject(w.region)
	for _, r := range "banyumas" {
		c.Focused().TypedRune(r)
	}
	clickSuggestion(t, w.region, "Pemerintah Kabupaten Banyumas")
	if w.region.Selected() != "Pemerintah Kabupaten Banyumas" || w.region.PopUpShown() {
		t.Fatalf("after the click: chosen %q, open %v", w.region.Selected(), w.region.PopUpShown())
	}
	kittest.ClickObject(w.seat)
	for _, r := range "Purwokerto" {
		c.Focused().TypedRune(r)
	}
	kittest.ClickObject(w.unit)
	w.unit.TypedShortcut(&fyne.ShortcutSelectAll{})
	for _, r := range "Setda.KS" {
		c.Focused().TypedRune(r)
	}
	if w.region.Text != "Pemerintah Kabupaten Banyumas" || w.seat.Text != "Purwokerto" || w.unit.Text != "Setda.KS" {
		t.Fatalf("fields: %q, %q, %q", w.region.Text, w.seat.Text, w.unit.Text)
	}
	kittest.ClickObject(w.setup)
	parties, _ := s.Parties()
	if len(parties) != 1 || parties[0].Name != "Pemerintah Kabupaten Banyumas" || parties[0].Seat != "Purwokerto" || parties[0].Numbering.UnitCode != "Setda.KS" {
		t.Fatalf("office %+v (%q)", parties, w.problem.Text)
	}
}

// clickSuggestion clicks option in p's open drop-down, as the mouse does.
func clickSuggestion(t *testing.T, p *kit.Picker, option string) {
	t.Helper()
	i := slices.Index(p.Matches(), option)
	if !p.PopUpShown() || i < 0 {
		t.Fatalf("%q is not offered: open %v, %q", option, p.PopUpShown(), p.Matches())
	}
	d := fyne.CurrentApp().Driver()
	rowH := kit.NewFitLabel("Ag").MinSize().Height + theme.Padding()
	at := d.AbsolutePositionForObject(p).Add(fyne.NewPos(p.Size().Width/2, p.Size().Height+theme.Padding()+rowH*float32(i)+rowH/2))
	kittest.Click(d.CanvasForObject(p), at)
}
