package store

import (
	"testing"
	"time"

	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
)

// Opening, saving, listing and reading do not build the search analysis (about
// 30 000 root words); a query does, once, and so does the merge that follows
// every mergeEvery saves.
func TestOnlySearchBuildsTheAnalysis(t *testing.T) {
	s, path := openTemp(t)
	w := servicetest.SeedWorld(t, s)
	a := w.KSB("Pelayanan Perizinan Terpadu")
	mustSave(t, s.SaveAgreement(&a))
	a.Notes = "Telaah bagian hukum selesai."
	mustSave(t, s.SaveAgreement(&a))
	if _, err := s.List(service.Query{Limit: 10}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Agreement(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Dashboard(time.Date(2025, 7, 2, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Choices(); err != nil {
		t.Fatal(err)
	}
	if n := s.fts.Loads(); n != 0 {
		t.Fatalf("saving and listing built the analysis %d times", n)
	}
	mustSave(t, s.Close())

	// Reopening compares the index's fingerprint without building the analysis.
	s = openAt(t, path)
	if n := s.fts.Loads(); n != 0 {
		t.Fatalf("opening built the analysis %d times", n)
	}
	for range 2 {
		res, err := s.Search(service.SearchQuery{Text: "perizinan", Limit: 5})
		if err != nil || len(res.Hits) != 1 || res.Hits[0].Summary.ID != a.ID {
			t.Fatalf("search: %v, %+v", err, res.Hits)
		}
	}
	if n := s.fts.Loads(); n != 1 {
		t.Fatalf("two searches built the analysis %d times, want once", n)
	}
	mustSave(t, s.Close())

	// The save that makes mergeEvery pending starts a merge, which analyses.
	s = openAt(t, path)
	for i := 0; i < mergeEvery; i++ {
		b := w.KSB("Pengelolaan Sampah Terpadu")
		mustSave(t, s.SaveAgreement(&b))
		if i < mergeEvery-3 && s.fts.Loads() != 0 {
			t.Fatalf("save %d built the analysis", i+1)
		}
	}
	s.background.Wait()
	if n := s.fts.Loads(); n != 1 {
		t.Errorf("the merge built the analysis %d times, want once", n)
	}
	res, err := s.Search(service.SearchQuery{Text: "sampah", Limit: 100})
	if err != nil || len(res.Hits) != mergeEvery {
		t.Errorf("after the merge: %v, %d hits, want %d", err, len(res.Hits), mergeEvery)
	}
}
