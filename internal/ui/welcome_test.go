package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
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
	test.Tap(w.setup)
	parties, _ := s.Parties()
	if len(parties) != 1 || !parties[0].Own || parties[0].RegionCode != "18.01" || parties[0].Name != "Pemerintah Kabupaten Lampung Selatan" {
		t.Fatalf("office %+v", parties)
	}
}

// The seat of government is asked in the welcome: filled with the region's
// name (the region list has no capitals) and corrected to the capital.
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
	if w.seat.Text != "Lampung Selatan" {
		t.Fatalf("seat prefilled %q", w.seat.Text)
	}
	c.Focus(w.seat)
	w.seat.TypedShortcut(&fyne.ShortcutSelectAll{})
	w.seat.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	test.Type(w.seat, "Kalianda")
	test.Tap(w.setup)
	parties, _ := s.Parties()
	if len(parties) != 1 || parties[0].Seat != "Kalianda" {
		t.Fatalf("office %+v", parties)
	}
}
