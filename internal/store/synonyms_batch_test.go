package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"sepakat/internal/service"
)

// stepsCtx is cancelled once the store has run `after` rebuild steps.
type stepsCtx struct {
	context.Context
	s     *Store
	after int64
}

func (c stepsCtx) Err() error {
	if c.s.rebuildSteps.Load() >= c.after {
		return context.Canceled
	}
	return nil
}

// A new synonym list rebuilds the search index a batch per transaction. A
// cancel in the middle keeps the list, searches say the index is being
// rebuilt, and the next open finishes it: the synonym then finds what its
// words find.
func TestSynonymsRebuildInBatchesAndResume(t *testing.T) {
	path := generatedFile(t, 300)
	s := openAt(t, path)
	words := ids(t, s, "reformasi birokrasi ")
	if len(words) == 0 {
		t.Fatal("the corpus has no reformasi birokrasi")
	}
	if got := ids(t, s, "rbx "); len(got) != 0 {
		t.Fatalf("rbx found %v before it is a synonym", got)
	}
	s.fts.SetBatch(40, 0)
	const list = "RBX, Reformasi Birokrasi"
	err := s.SetSynonyms(stepsCtx{context.Background(), s, 2}, list)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled after two steps: %v", err)
	}
	if _, own, _ := s.Synonyms(); own != list {
		t.Fatalf("the list was not kept: %q", own)
	}
	if _, err := s.Search(service.SearchQuery{Text: "rbx "}); !errors.Is(err, service.ErrRebuilding) {
		t.Fatalf("search during the rebuild: %v", err)
	}
	mustSave(t, s.Close())

	s = openAt(t, path)
	if got := ids(t, s, "rbx "); !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(words))) {
		t.Errorf("rbx after the resumed rebuild finds %v, reformasi birokrasi %v", got, words)
	}
	steps := s.rebuildSteps.Load()
	// Set again on an open store, it runs to the end in several steps.
	mustSave(t, s.SetSynonyms(context.Background(), ""))
	if n := s.rebuildSteps.Load() - steps; n < 2 {
		t.Errorf("the rebuild ran in %d steps", n)
	}
	if got := ids(t, s, "rbx "); len(got) != 0 {
		t.Errorf("rbx after clearing the list: %v", got)
	}
}

// ids searches s for text: agreement IDs, best first.
func ids(t *testing.T, s *Store, text string) []uint64 {
	t.Helper()
	res, err := s.Search(service.SearchQuery{Text: text, Limit: 500})
	mustSave(t, err)
	var out []uint64
	for _, h := range res.Hits {
		out = append(out, uint64(h.Summary.ID))
	}
	return out
}
