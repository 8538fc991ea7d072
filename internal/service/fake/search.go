package fake

import (
	"context"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/search/fields"
	"sepakat/internal/search/searchtest"
	"sepakat/internal/service"
)

// searchIndex returns the full-text index, rebuilt after a write.
func (f *Fake) searchIndex() *searchtest.MemIndex {
	if f.index == nil {
		f.index, _ = f.buildIndex(context.Background(), f.an) // fails only on a cancel
	}
	return f.index
}

// buildIndex analyses every agreement with an, checking ctx before each.
func (f *Fake) buildIndex(ctx context.Context, an *search.Analyzer) (*searchtest.MemIndex, error) {
	idx := searchtest.NewMemIndex()
	for _, id := range sortedIDs(f.st.recs[kAgreement]) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if a, ok := get[agreement.Agreement](&f.st, kAgreement, id); ok {
			idx.Add(an, uint64(id), fields.Text(dir{f}, &a))
		}
	}
	return idx, nil
}

func (f *Fake) textOf(id agreement.ID) [2]string {
	a, _ := get[agreement.Agreement](&f.st, kAgreement, id)
	return fields.Text(dir{f}, &a)
}

// backend is the fake's index and records for service.RunSearch.
func (f *Fake) backend() service.SearchBackend {
	return service.SearchBackend{
		Analyzer: f.an,
		Find: func(q search.Query, _ agreement.Filter) (*search.Match, error) {
			return search.Find(f.searchIndex(), f.an, q), nil
		},
		Summary: func(id agreement.ID) (agreement.Summary, bool, error) {
			sum, ok := f.summaryOf(id)
			return sum, ok, nil
		},
		Text: func(id agreement.ID) ([2]string, error) { return f.textOf(id), nil },
	}
}

// Search finds agreements matching what a person typed, best first, within the
// filters (service.RunSearch).
func (f *Fake) Search(q service.SearchQuery) (service.SearchResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return service.RunSearch(f.backend(), q, f.now())
}

// Snippet shows where one agreement matches what a person typed; "" when it
// does not match.
func (f *Fake) Snippet(id agreement.ID, text string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return service.RunSnippet(f.backend(), id, text)
}

// Synonyms returns the shipped synonym list and the office's own.
func (f *Fake) Synonyms() (shipped, own string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return search.ShippedSynonyms(), f.st.synonyms, nil
}

// SetSynonyms replaces the office's own synonym list and rebuilds the search
// index with it, or refuses the list (or is cancelled) and changes nothing.
func (f *Fake) SetSynonyms(ctx context.Context, text string) error {
	an, err := service.SynonymsAnalyzer(text)
	if err != nil {
		return err
	}
	if err := f.backupBefore(ctx, service.ReasonSynonyms); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	idx, err := f.buildIndex(ctx, an)
	if err != nil {
		return err
	}
	f.st.synonyms = text
	f.an = an
	f.index = idx
	return nil
}
