package naskah

import (
	"slices"
	"strings"
	"testing"

	"sepakat/internal/agreement"
)

// The paraf comes from the office's choices: the officials as the registry
// names them (one no longer found is left out), the agreement's units only
// when the office prints a paraf koordinasi; it is never part of the text.
func TestParafFromTheOfficesChoices(t *testing.T) {
	s := examples(t)
	o := agreement.Official{PartyID: 1, Name: "Hendra Gunawan", BackTitle: "S.H., M.H.", Jabatan: "Kepala Bagian Hukum", Role: agreement.RoleLain, Status: agreement.StatusPlh}
	if err := s.SaveOfficial(&o); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Agreement(2)
	plain, err := Build(&a, s, library(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !plain.Paraf.Empty() || plain.Paraf.Lines() != nil {
		t.Fatalf("a paraf the office did not choose: %+v", plain.Paraf)
	}
	d, err := Build(&a, s, library(t), Options{ParafHierarki: []agreement.ID{999, o.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []ParafEntry{{Jabatan: "Plh. Kepala Bagian Hukum", Name: "Hendra Gunawan, S.H., M.H."}}; !slices.Equal(d.Paraf.Hierarki, want) || d.Paraf.Koordinasi != nil {
		t.Fatalf("paraf %+v, want hierarki %+v and no koordinasi", d.Paraf, want)
	}
	a.ParafUnits = []string{"Bagian Hukum", "Dinas Kesehatan"}
	d, err = Build(&a, s, library(t), Options{ParafHierarki: []agreement.ID{o.ID}, ParafKoordinasi: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Paraf.Lines(); !slices.Equal(got, []string{"Paraf Hierarki:", "1. Plh. Kepala Bagian Hukum (Hendra Gunawan, S.H., M.H.) ……",
		"Paraf Koordinasi:", "1. Bagian Hukum ……", "2. Dinas Kesehatan ……"}) {
		t.Errorf("lines %q", got)
	}
	if d.Text() != plain.Text() || strings.Contains(d.Text(), "Hendra") {
		t.Error("the paraf entered the text")
	}
	own := 0
	for _, sg := range d.Signatures {
		if sg.Own {
			own++
			if !strings.Contains(sg.Jabatan, "SUMEDANG") {
				t.Errorf("our signature is %q", sg.Jabatan)
			}
		}
	}
	if own != 1 {
		t.Errorf("%d signatures marked ours", own)
	}
}
