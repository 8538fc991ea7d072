package fake

import (
	"strings"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/search/fields"
	"sepakat/internal/search/searchtest"
	"sepakat/internal/service"
)

// searchIndex returns the full-text index, rebuilt after a write.
func (f *Fake) searchIndex() *searchtest.MemIndex {
	if f.index != nil {
		return f.index
	}
	idx := searchtest.NewMemIndex()
	for _, id := range sortedIDs(f.st.recs[kAgreement]) {
		if a, ok := get[agreement.Agreement](&f.st, kAgreement, id); ok {
			idx.Add(f.an, uint64(id), fields.Text(dir{f}, &a))
		}
	}
	f.index = idx
	return idx
}

func (f *Fake) textOf(id agreement.ID) [2]string {
	a, _ := get[agreement.Agreement](&f.st, kAgreement, id)
	return fields.Text(dir{f}, &a)
}

// Search finds agreements matching what a person typed, best first, within the
// filters. An empty or stopword-only query gives no results and says why.
func (f *Fake) Search(q service.SearchQuery) (service.SearchResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var res service.SearchResult
	an := f.an
	parsed := search.ParseQuery(an, q.Text)
	res.Truncated = parsed.Truncated
	res.OnlyStopwords = parsed.OnlyStopwords
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	if parsed.Empty() {
		return res, nil
	}
	now := f.now()
	m := search.Find(f.searchIndex(), an, parsed)
	texts := map[uint64][2]string{}
	textOf := func(doc uint64) [2]string {
		t, ok := texts[doc]
		if !ok {
			t = f.textOf(agreement.ID(doc))
			texts[doc] = t
		}
		return t
	}
	accept := func(doc uint64) bool {
		sum, ok := f.summaryOf(agreement.ID(doc))
		if !ok || !q.Filter.Match(sum, now) {
			return false
		}
		for _, ph := range m.Phrases() {
			t := textOf(doc)
			if !an.ContainsPhrase(t[0], ph) && !an.ContainsPhrase(t[1], ph) {
				return false
			}
		}
		return true
	}
	for i, h := range m.Top(limit, accept) {
		sum, _ := f.summaryOf(agreement.ID(h.Doc))
		if q.Snippets > 0 && i >= q.Snippets {
			res.Hits = append(res.Hits, service.SearchHit{Summary: sum, Score: h.Score})
			continue
		}
		// When the list row shows every word searched for, the snippet comes
		// from it; otherwise from the whole text.
		lines := sum.Lines()
		t := [2]string{strings.Join(lines, "\n"), ""}
		if _, decoded := texts[h.Doc]; decoded || !an.Covers(lines, m.Groups()) {
			t = textOf(h.Doc)
		}
		res.Hits = append(res.Hits, service.SearchHit{Summary: sum, Score: h.Score, Snippet: search.Snippet(an, t, h.Matched, 180)})
	}
	return res, nil
}

// Snippet shows where one agreement matches what a person typed; "" when it
// does not match.
func (f *Fake) Snippet(id agreement.ID, text string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	parsed := search.ParseQuery(f.an, text)
	if parsed.Empty() {
		return "", nil
	}
	m := search.Find(f.searchIndex(), f.an, parsed)
	m.Restrict([]uint64{uint64(id)})
	hits := m.Top(1, nil)
	if len(hits) == 0 {
		return "", nil
	}
	return search.Snippet(f.an, f.textOf(id), hits[0].Matched, 180), nil
}

// Synonyms returns the shipped synonym list and the office's own.
func (f *Fake) Synonyms() (shipped, own string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return search.ShippedSynonyms(), f.st.synonyms, nil
}

// maxSynonymsBytes bounds the office's synonym list, as in the store.
const maxSynonymsBytes = 64 << 10

// SetSynonyms replaces the office's own synonym list and rebuilds the search
// index with it, or refuses the list and changes nothing.
func (f *Fake) SetSynonyms(text string) error {
	if len(text) > maxSynonymsBytes {
		return &service.SynonymsError{TooLarge: true, Limit: maxSynonymsBytes}
	}
	if problems := search.CheckSynonyms(text); len(problems) > 0 {
		se := &service.SynonymsError{}
		for _, p := range problems {
			se.Problems = append(se.Problems, service.SynonymLine{Line: p.Line, Text: p.Text})
		}
		return se
	}
	an, err := search.WithUserSynonyms(text)
	if err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.st.synonyms = text
	f.an = an
	f.index = nil
	return nil
}
