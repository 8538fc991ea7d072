package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store/fts"
	"sepakat/internal/store/schema"
)

func searchIDs(t *testing.T, s *Store, text string, f agreement.Filter) []agreement.ID {
	t.Helper()
	res, err := s.Search(service.SearchQuery{Text: text, Filter: f, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var ids []agreement.ID
	for _, h := range res.Hits {
		ids = append(ids, h.Summary.ID)
	}
	return ids
}

// TestSearchSameWhetherPendingMergedOrRebuilt: entries saved since the last
// merge, merged postings and a rebuilt index answer alike (what they answer is
// the conformance suite's business).
func TestSearchSameWhetherPendingMergedOrRebuilt(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	answers := func() string {
		t.Helper()
		var b strings.Builder
		for _, q := range []string{"yang dengan Lampung soal perizinan", "setda.lt", "03/MoU/TKKSD-LS/1.04/VII/2025",
			"rio gismara", "MoU lampung timur", "Diskominfo magang", "PENA EMAS", "TKKSD-LS", "\"pelayanan publik\"", "lampung"} {
			res, err := s.Search(service.SearchQuery{Text: q, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s:", q)
			for _, h := range res.Hits {
				fmt.Fprintf(&b, " %d %.4f %q", h.Summary.ID, h.Score, h.Snippet)
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	pending := 0
	mustSave(t, s.db.View(func(tx *bolt.Tx) error { pending = fts.Pending(tx); return nil }))
	if pending == 0 {
		t.Fatal("the examples were merged at once: nothing pending to compare")
	}
	before := answers()
	if !strings.Contains(before, "[") {
		t.Fatalf("no hits with marks:\n%s", before)
	}
	mustSave(t, s.merge())
	if merged := answers(); merged != before {
		t.Errorf("pending:\n%s\nmerged:\n%s", before, merged)
	}
	mustSave(t, s.Reindex(context.Background()))
	if rebuilt := answers(); rebuilt != before {
		t.Errorf("pending:\n%s\nrebuilt:\n%s", before, rebuilt)
	}
}

// TestSearchFollowsSaves: a change is found at once, across a merge.
func TestSearchFollowsSaves(t *testing.T) {
	s, _ := openTemp(t)
	w := servicetest.SeedWorld(t, s)
	ids := w.SaveKSBs(t, s, mergeEvery+10, "Kerja sama nomor %d tentang persampahan") // crosses a merge
	a, _ := s.Agreement(ids[3])
	a.Subject = "Pengelolaan air minum lintas daerah"
	mustSave(t, s.SaveAgreement(&a))
	if got := searchIDs(t, s, "air minum", agreement.Filter{}); len(got) != 1 || got[0] != ids[3] {
		t.Errorf("new subject not found: %v", got)
	}
	got := searchIDs(t, s, "persampahan", agreement.Filter{})
	for _, id := range got {
		if id == ids[3] {
			t.Error("old subject still found")
		}
	}
	mustSave(t, s.merge())
	if got := searchIDs(t, s, "air minum", agreement.Filter{}); len(got) != 1 || got[0] != ids[3] {
		t.Errorf("after merge: %v", got)
	}
}

// TestOwnSynonymsRebuildTheIndex: the office's list outlives the process, and
// an index built with other lists is rebuilt on opening.
func TestOwnSynonymsRebuildTheIndex(t *testing.T) {
	s, path := openTemp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSynonyms(context.Background(), "RB, Reformasi Birokrasi"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// Reopened, the list still applies; an index built with other lists is rebuilt.
	s = openAt(t, path)
	if got := searchIDs(t, s, "RB ", agreement.Filter{}); len(got) == 0 || got[0] != 1 {
		t.Fatalf("RB after reopening: %v", got)
	}
	mustSave(t, s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(schema.Meta).Put(schema.KeySearchAnalyzer, []byte("an older version"))
	}))
	s.Close()
	s = openAt(t, path)
	defer s.Close()
	mustSave(t, s.db.View(func(tx *bolt.Tx) error {
		an, err := s.fts.Analyzer(tx)
		if err != nil {
			return err
		}
		if got := string(tx.Bucket(schema.Meta).Get(schema.KeySearchAnalyzer)); got != an.Fingerprint() {
			t.Errorf("index analysis %q, analyzer %q", got, an.Fingerprint())
		}
		return nil
	}))
	if got := searchIDs(t, s, "reformasi RB ", agreement.Filter{}); len(got) == 0 || got[0] != 1 {
		t.Fatalf("after the rebuild: %v", got)
	}
}
