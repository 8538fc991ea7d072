package store

import (
	"context"
	"slices"
	"testing"

	"sepakat/internal/agreement"
)

// A PKS signed by kepala dinas under surat kuasa is found by the names of the
// Bupati who gave the mandates, merged or rebuilt, and follows a grantor's new
// name.
func TestSearchFindsMandateGrantor(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	// Example 3 is signed by Rio Gismara and Kemal Idris under the mandates of
	// the Bupati of Lampung Selatan (Radityo Egi Pratama) and of Sumedang.
	for _, state := range []string{"pending", "rebuilt"} {
		if state == "rebuilt" {
			mustSave(t, s.Reindex(context.Background()))
		}
		if got := searchIDs(t, s, "radityo egi pratama", agreement.Filter{}); !slices.Contains(got, 3) || !slices.Contains(got, 2) {
			t.Errorf("%s: radityo egi pratama: %v, want the KSB he signed (2) and the PKS under his surat kuasa (3)", state, got)
		}
		if got := searchIDs(t, s, "100.3.4/072/Huk/2025", agreement.Filter{}); !slices.Equal(got, []agreement.ID{3}) {
			t.Errorf("%s: the surat kuasa's number: %v", state, got)
		}
	}
	o, err := s.Official(2)
	if err != nil {
		t.Fatal(err)
	}
	o.Name = "Wahyu Hidayat Saputra"
	mustSave(t, s.SaveOfficial(&o))
	if got := searchIDs(t, s, "wahyu hidayat saputra", agreement.Filter{}); !slices.Contains(got, 3) {
		t.Errorf("the grantor renamed: %v, want the PKS under his surat kuasa (3)", got)
	}
}
