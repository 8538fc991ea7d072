package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
	"sepakat/internal/ui/kit/kittest"
)

// Pejabat baru as a newcomer does it (QA 10 and 24): the Instansi picked
// with a click on its suggestion, a click into Gelar depan, typing there.
// Peran and status are not assumed: saved without them, the form says so
// under each and stores nothing.
func TestNewOfficialByMouseChoosesRoleAndStatus(t *testing.T) {
	u, s, l := withExamples(t)
	u.win.Resize(fyne.NewSize(1366, 768))
	d := showDirectory(t, u, l)
	d.tabs.SelectIndex(1)
	o := d.officials
	test.Tap(o.md.newBtn)
	if o.role.SelectedIndex() != -1 || o.status.SelectedIndex() != -1 {
		t.Fatalf("Pejabat baru comes with Peran %q, status %q", o.role.Selected, o.status.Selected)
	}
	c := u.win.Canvas()
	kittest.ClickObject(o.party)
	for _, r := range "timur" {
		c.Focused().TypedRune(r)
	}
	clickSuggestion(t, o.party, "Pemerintah Kabupaten Lampung Timur")
	kittest.ClickObject(o.front)
	for _, r := range "Ir." {
		c.Focused().TypedRune(r)
	}
	if o.party.Selected() != "Pemerintah Kabupaten Lampung Timur" || o.front.Text != "Ir." {
		t.Fatalf("Instansi %q (text %q), Gelar depan %q", o.party.Selected(), o.party.Text, o.front.Text)
	}
	before, _ := s.Officials()
	saveAndReload(t, d, l, o.md)
	if !o.md.problems["name"].Visible() || !o.md.problems["jabatan"].Visible() || o.md.problems["party_id"].Visible() {
		t.Errorf("the empty name and jabatan are not marked with the missing role")
	}
	test.Type(o.name, "Bambang Sutrisno")
	test.Type(o.jabatan, "Kepala Dinas Komunikasi dan Informatika")
	saveAndReload(t, d, l, o.md)
	if o.md.problems["role"].Text != tr("Pilih peran pejabat ini.") || !o.md.problems["role"].Visible() ||
		!o.md.problems["status"].Visible() || o.md.message.Importance != widget.DangerImportance {
		t.Fatalf("saved without a role: role problem %q, status problem %q, message %q",
			o.md.problems["role"].Text, o.md.problems["status"].Text, o.md.message.Text)
	}
	if after, _ := s.Officials(); len(after) != len(before) {
		t.Fatal("an official without a role was stored")
	}
	choose(t, u.win, o.role, tr("Kepala perangkat daerah"))
	choose(t, u.win, o.status, tr("Definitif"))
	saveAndReload(t, d, l, o.md)
	got, err := s.Official(o.official.ID)
	if err != nil || got.Role != agreement.RoleKepalaPD || got.Status != agreement.StatusDefinitif || got.FrontTitle != "Ir." || got.PartyID != d.data.parties[d.partyIndex(got.PartyID)].ID {
		t.Fatalf("stored %+v, %v (%q)", got, err, o.md.message.Text)
	}
}

// Typed changes in a form are not thrown away when another row is clicked
// (QA 11): the question comes; Batal keeps the form and its row, Buang
// perubahan shows the other row, Simpan saves and then shows it.
func TestDirectoryAsksBeforeLeavingTypedChanges(t *testing.T) {
	u, s, l := withExamples(t)
	d := showDirectory(t, u, l)
	p := d.parties
	pr := &person{t: t, l: l}
	row := func(name string) int {
		return slices.IndexFunc(p.shown, func(x agreement.Party) bool { return x.Name == name })
	}
	timur, selatan := row("Pemerintah Kabupaten Lampung Timur"), row("Pemerintah Kabupaten Lampung Selatan")
	p.md.list.Select(timur)
	address := p.address.Text
	test.Type(p.address, " (Gedung Sekretariat Daerah, lantai 2)")
	typed := p.address.Text

	p.md.list.Select(selatan)
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("another row shown without asking; the typed text is gone")
	}
	pr.click(u.win, tr("Batal"), 0)
	if p.address.Text != typed || p.party.Name != "Pemerintah Kabupaten Lampung Timur" || p.md.selected != p.shown[timur].ID {
		t.Fatalf("after Batal: form of %q, address %q, selected %d", p.party.Name, p.address.Text, p.md.selected)
	}

	// New asks too; Buang perubahan shows the new, empty form.
	test.Tap(p.md.newBtn)
	pr.click(u.win, tr("Buang perubahan"), 0)
	if p.name.Text != "" || p.md.selected != 0 {
		t.Fatalf("after discarding: name %q, selected %d", p.name.Text, p.md.selected)
	}
	stored, _ := s.Party(p.shown[timur].ID)
	if stored.Address != address {
		t.Fatalf("discarded text stored: %q", stored.Address)
	}

	// Simpan saves the change, then shows the row clicked.
	p.md.list.Select(timur)
	test.Type(p.address, " (lantai 2)")
	want := strings.TrimSpace(p.address.Text)
	reads := 0
	d.loaded = func() { reads++ }
	p.md.list.Select(selatan)
	pr.click(u.win, tr("Simpan"), 0)
	l.until("the directory read again", func() bool { return reads > 0 })
	if stored, _ = s.Party(p.shown[row("Pemerintah Kabupaten Lampung Timur")].ID); stored.Address != want {
		t.Fatalf("Simpan stored %q, want %q", stored.Address, want)
	}
	if p.party.Name != "Pemerintah Kabupaten Lampung Selatan" || p.name.Text != p.party.Name {
		t.Fatalf("after Simpan the form shows %q", p.name.Text)
	}
	// Nothing typed: rows change without a question.
	p.md.list.Select(row("Pemerintah Kabupaten Lampung Timur"))
	if u.win.Canvas().Overlays().Top() != nil || p.party.Name != "Pemerintah Kabupaten Lampung Timur" {
		t.Fatalf("an unchanged form asked, or did not follow: %q", p.party.Name)
	}

	// The same holds for officials and mandates.
	d.tabs.SelectIndex(1)
	o := d.officials
	o.md.list.Select(0)
	test.Type(o.pangkat, "Pembina Utama")
	o.md.list.Select(1)
	if u.win.Canvas().Overlays().Top() == nil || o.pangkat.Text == "" {
		t.Fatal("an official's typed pangkat thrown away without asking")
	}
	pr.click(u.win, tr("Batal"), 0)
	d.tabs.SelectIndex(2)
	m := d.mandates
	m.md.list.Select(0)
	test.Type(m.scope, " dan perubahannya")
	test.Tap(m.md.newBtn)
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("a mandate's typed scope thrown away without asking")
	}
}

// An instansi's seat (QA 12): the region list has no capitals, so for a
// kabupaten the form leaves Kedudukan empty with the region's name as a
// visible guess and the reason under the field, and a regional government is
// not saved without a seat; a city's seat is the city.
func TestInstansiSeatIsWrittenNotGuessed(t *testing.T) {
	u, s, l := withExamples(t)
	d := showDirectory(t, u, l)
	p := d.parties
	test.Tap(p.md.newBtn)
	if p.kind.SelectedIndex() != -1 {
		t.Fatalf("Instansi baru comes with Jenis %q", p.kind.Selected)
	}
	pickOption(t, u.win, p.region, "Pemerintah Kabupaten Tegal")
	if p.seat.Text != "" || !strings.Contains(p.seat.PlaceHolder, "Tegal") {
		t.Fatalf("Kabupaten Tegal: seat %q, placeholder %q", p.seat.Text, p.seat.PlaceHolder)
	}
	if !slices.Contains(texts(p.md.content), seatHint()) {
		t.Error("no hint under Kedudukan")
	}
	saveAndReload(t, d, l, p.md)
	if !p.md.problems["seat"].Visible() || p.md.problems["seat"].Text != tr("Tulis tempat kedudukannya (ibu kota), mis. Slawi untuk Kabupaten Tegal.") {
		t.Fatalf("saved without a seat: problem %q, message %q", p.md.problems["seat"].Text, p.md.message.Text)
	}
	parties, _ := s.Parties()
	if slices.ContainsFunc(parties, func(x agreement.Party) bool { return x.Name == "Pemerintah Kabupaten Tegal" }) {
		t.Fatal("a kabupaten without its seat was stored")
	}
	test.Type(p.seat, "Slawi")
	saveAndReload(t, d, l, p.md)
	parties, _ = s.Parties()
	if i := slices.IndexFunc(parties, func(x agreement.Party) bool { return x.Name == "Pemerintah Kabupaten Tegal" }); i < 0 || parties[i].Seat != "Slawi" {
		t.Fatalf("stored %+v (%q)", parties, p.md.message.Text)
	}
	test.Tap(p.md.newBtn)
	pickOption(t, u.win, p.region, "Pemerintah Kota Tegal")
	if p.seat.Text != "Tegal" {
		t.Fatalf("Kota Tegal: seat %q", p.seat.Text)
	}
	// A party added from the region list elsewhere carries no guessed seat.
	_, regions := kit.Governments()
	if g := kit.RegionParty(regions["Pemerintah Kabupaten Banyumas"]); g.Seat != "" {
		t.Errorf("Kabupaten Banyumas registered with seat %q (it sits in Purwokerto)", g.Seat)
	}
}
