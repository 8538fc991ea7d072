package servicetest

import (
	"context"
	"testing"

	"sepakat/internal/service"
)

// testSearchIndex: a data file just opened holds no rebuild; finishing one
// that is not under way returns at once without progress; a reindex leaves
// none under way and search finds what it found before.
func testSearchIndex(t *testing.T, c Config) {
	s := fresh(t, c)
	w := SeedWorld(t, s)
	for _, subject := range []string{"Pengelolaan sampah terpadu", "Bank sampah desa", "Pendidikan vokasi"} {
		a := w.KSB(subject)
		must(t, s.SaveAgreement(&a))
	}
	st, err := s.SearchIndexState()
	must(t, err)
	if st.Rebuilding {
		t.Fatalf("fresh data file: %+v", st)
	}
	calls := 0
	must(t, s.FinishRebuild(context.Background(), func(service.IndexState) { calls++ }))
	if calls != 0 {
		t.Errorf("no rebuild under way, yet %d progress calls", calls)
	}
	q := service.SearchQuery{Text: "sampah", Limit: 20}
	before, err := s.Search(q)
	must(t, err)
	if len(before.Hits) == 0 {
		t.Fatal("seed world: nothing found for sampah")
	}
	must(t, s.Reindex(service.WithoutBackup(context.Background())))
	st, err = s.SearchIndexState()
	must(t, err)
	if st.Rebuilding {
		t.Errorf("after reindex: %+v", st)
	}
	after, err := s.Search(q)
	must(t, err)
	if len(after.Hits) != len(before.Hits) {
		t.Fatalf("after reindex %d hits, before %d", len(after.Hits), len(before.Hits))
	}
	for i := range after.Hits {
		if after.Hits[i].Summary.ID != before.Hits[i].Summary.ID {
			t.Errorf("hit %d: %d after reindex, %d before", i, after.Hits[i].Summary.ID, before.Hits[i].Summary.ID)
		}
	}
}
