package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// An official's academic titles have their own fields; titles typed into the
// name field are moved to them.
func TestOfficialTitlesApartFromTheName(t *testing.T) {
	u, s, l := withExamples(t)
	d := showDirectory(t, u, l)
	d.tabs.SelectIndex(1)
	o := d.officials
	test.Tap(o.md.newBtn)
	pickOption(t, u.win, o.party, "Pemerintah Kabupaten Sumedang")
	test.Type(o.front, "Dr. Ir.")
	test.Type(o.name, "Tuti Ruswati")
	test.Type(o.back, "M.Si.")
	test.Type(o.jabatan, "Bupati Sumedang")
	choose(t, u.win, o.role, tr("Kepala daerah"))
	choose(t, u.win, o.status, tr("Definitif"))
	test.Type(o.from, "01/01/2026")
	saveAndReload(t, d, l, o.md)
	if o.official.ID == 0 {
		t.Fatalf("not saved: %q", o.md.message.Text)
	}
	got, err := s.Official(o.official.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.FrontTitle != "Dr. Ir." || got.Name != "Tuti Ruswati" || got.BackTitle != "M.Si." || got.FullName() != "Dr. Ir. Tuti Ruswati, M.Si." {
		t.Errorf("stored %+v", got)
	}

	test.Tap(o.md.newBtn)
	if o.front.Text != "" || o.back.Text != "" {
		t.Errorf("New kept the titles %q %q", o.front.Text, o.back.Text)
	}
	pickOption(t, u.win, o.party, "Pemerintah Kabupaten Sumedang")
	test.Type(o.name, "H. Asep Sudrajat, S.H., M.H.")
	test.Type(o.jabatan, "Sekretaris Daerah Kabupaten Sumedang")
	choose(t, u.win, o.role, tr("Sekretaris daerah"))
	choose(t, u.win, o.status, tr("Definitif"))
	saveAndReload(t, d, l, o.md)
	got, err = s.Official(o.official.ID)
	if err != nil || got.FrontTitle != "H." || got.Name != "Asep Sudrajat" || got.BackTitle != "S.H., M.H." {
		t.Errorf("titles typed into the name: %+v %v", got, err)
	}
	if o.front.Text != "H." || o.name.Text != "Asep Sudrajat" || o.back.Text != "S.H., M.H." {
		t.Errorf("form after saving: %q %q %q", o.front.Text, o.name.Text, o.back.Text)
	}
}

// A surat kuasa dated after its grantor left office is refused, the problem
// beside its date, in words.
func TestMandateOutsideTheGrantorsTermIsRefusedAtItsDate(t *testing.T) {
	u, s, l := withExamples(t)
	officials, _ := s.Officials()
	var bupati, kadis agreement.Official
	for _, o := range officials {
		if o.Jabatan == "Bupati Lampung Selatan" {
			bupati = o
		}
		if o.Role == agreement.RoleKepalaPD && strings.Contains(o.Jabatan, "Lampung Selatan") {
			kadis = o
		}
	}
	if bupati.ID == 0 || kadis.ID == 0 {
		t.Fatal("the example officials of Lampung Selatan are missing")
	}
	bupati.From, bupati.To = agreement.NewDate(2021, 2, 26), agreement.NewDate(2023, 5, 22)
	if err := s.SaveOfficial(&bupati); err != nil {
		t.Fatal(err)
	}
	d := showDirectory(t, u, l)
	d.tabs.SelectIndex(2)
	m := d.mandates
	test.Tap(m.md.newBtn)
	pickOption(t, u.win, m.party, "Pemerintah Kabupaten Lampung Selatan")
	pickOption(t, u.win, m.grantor, kit.OfficialLabel(bupati))
	pickOption(t, u.win, m.grantee, kit.OfficialLabel(kadis))
	test.Type(m.number, "100.3.4/200/IV.02/2025")
	test.Type(m.date, "01/07/2025")
	saveAndReload(t, d, l, m.md)
	if m.mandate.ID != 0 || !m.md.problems["date"].Visible() {
		t.Fatalf("saved %d, date problem %q", m.mandate.ID, m.md.problems["date"].Text)
	}
	if got := m.md.problems["date"].Text; !strings.Contains(got, "tidak menjabat pada tanggal surat kuasa") || !strings.Contains(got, "2021-02-26 – 2023-05-22") {
		t.Errorf("date problem %q", got)
	}
	m.date.SetText("")
	test.Type(m.date, "01/03/2023")
	saveAndReload(t, d, l, m.md)
	if m.mandate.ID == 0 || m.md.problems["date"].Visible() {
		t.Errorf("a mandate within the term refused: %q", m.md.problems["date"].Text)
	}
}
