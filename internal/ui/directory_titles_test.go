package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// An official's academic titles have their own fields; titles typed into the
// name field are moved to them.
func TestOfficialTitlesApartFromTheName(t *testing.T) {
	u, s, l := withExamples(t)
	d := showDirectory(t, u, l)
	o := d.officials
	test.Tap(o.md.newBtn)
	choose(t, u.win, o.party, "Pemerintah Kabupaten Sumedang")
	test.Type(o.front, "Dr. Ir.")
	test.Type(o.name, "Tuti Ruswati")
	test.Type(o.back, "M.Si.")
	test.Type(o.jabatan, "Bupati Sumedang")
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
	choose(t, u.win, o.party, "Pemerintah Kabupaten Sumedang")
	test.Type(o.name, "H. Asep Sudrajat, S.H., M.H.")
	test.Type(o.jabatan, "Sekretaris Daerah Kabupaten Sumedang")
	saveAndReload(t, d, l, o.md)
	got, err = s.Official(o.official.ID)
	if err != nil || got.FrontTitle != "H." || got.Name != "Asep Sudrajat" || got.BackTitle != "S.H., M.H." {
		t.Errorf("titles typed into the name: %+v %v", got, err)
	}
	if o.front.Text != "H." || o.name.Text != "Asep Sudrajat" || o.back.Text != "S.H., M.H." {
		t.Errorf("form after saving: %q %q %q", o.front.Text, o.name.Text, o.back.Text)
	}
}
