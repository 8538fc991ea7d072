package service

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
)

// snippetWidth is the longest snippet, in bytes, a hit shows.
const snippetWidth = 180

// SearchBackend is what RunSearch reads of a backend, as one snapshot.
type SearchBackend struct {
	// Analyzer analyses the query as the index was built.
	Analyzer *search.Analyzer
	// Find matches a parsed query against the index; a backend may narrow the
	// match to what a filter can pass (Match.Restrict) before it is ranked.
	Find func(q search.Query, f agreement.Filter) (*search.Match, error)
	// Summary is an agreement's list row; false when there is none.
	Summary func(agreement.ID) (agreement.Summary, bool, error)
	// Text is what an agreement indexes (fields.Text).
	Text func(agreement.ID) ([2]string, error)
}

// RunSearch finds agreements matching what a person typed, best first, within
// the filters, on the day of now: a hit must pass the filter and contain every
// quoted phrase. The first q.Snippets hits (all when 0) get a snippet: from the
// list row when it shows every word searched for, else from the whole text. An
// empty or stopword-only query gives no results and says why. A query that
// names a kind of agreement (KindsNamed) weighs up agreements of that kind.
func RunSearch(b SearchBackend, q SearchQuery, now time.Time) (SearchResult, error) {
	var res SearchResult
	an := b.Analyzer
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
	m, err := b.Find(parsed, q.Filter)
	if err != nil {
		return res, err
	}
	texts := map[uint64][2]string{}
	textOf := func(doc uint64) ([2]string, error) {
		if t, ok := texts[doc]; ok {
			return t, nil
		}
		t, err := b.Text(agreement.ID(doc))
		if err != nil {
			return t, err
		}
		texts[doc] = t
		return t, nil
	}
	var failed error
	var hits []search.Hit
	accept := func(doc uint64) bool {
		sum, ok, err := b.Summary(agreement.ID(doc))
		if err != nil {
			failed = err
		}
		if err != nil || !ok || !q.Filter.Match(sum, now) {
			return false
		}
		for _, ph := range m.Phrases() {
			t, err := textOf(doc)
			if err != nil {
				failed = err
				return false
			}
			if !an.ContainsPhrase(t[0], ph) && !an.ContainsPhrase(t[1], ph) {
				return false
			}
		}
		return true
	}
	kinds := KindsNamed(q.Text)
	if len(kinds) == 0 {
		hits = m.Top(limit, accept)
	} else {
		// The kind named weighs up its agreements, among three times as
		// many of the best as are shown.
		hits = m.Top(3*limit, accept)
		for i := range hits {
			sum, _, err := b.Summary(agreement.ID(hits[i].Doc))
			if err != nil {
				return res, err
			}
			if slices.Contains(kinds, sum.Kind) {
				hits[i].Score *= kindBoost
			}
		}
		slices.SortStableFunc(hits, func(a, b search.Hit) int { return cmp.Compare(b.Score, a.Score) })
		hits = hits[:min(limit, len(hits))]
	}
	for i, h := range hits {
		sum, _, err := b.Summary(agreement.ID(h.Doc))
		if err != nil {
			return res, err
		}
		if q.Snippets > 0 && i >= q.Snippets {
			res.Hits = append(res.Hits, SearchHit{Summary: sum, Score: h.Score})
			continue
		}
		lines := sum.Lines()
		t := [2]string{strings.Join(lines, "\n"), ""}
		if _, decoded := texts[h.Doc]; decoded || !an.Covers(lines, m.Groups()) {
			if t, err = textOf(h.Doc); err != nil {
				return res, err
			}
		}
		res.Hits = append(res.Hits, SearchHit{Summary: sum, Score: h.Score, Snippet: search.Snippet(an, t, h.Matched, snippetWidth)})
	}
	return res, failed
}

// RunSnippet is the snippet of one agreement for what a person typed: the
// line that best shows the match, the matched words in [brackets]; "" when
// the agreement does not match.
func RunSnippet(b SearchBackend, id agreement.ID, text string) (string, error) {
	parsed := search.ParseQuery(b.Analyzer, text)
	if parsed.Empty() {
		return "", nil
	}
	m, err := b.Find(parsed, agreement.Filter{})
	if err != nil {
		return "", err
	}
	m.Restrict([]uint64{uint64(id)})
	hits := m.Top(1, nil)
	if len(hits) == 0 {
		return "", nil
	}
	t, err := b.Text(id)
	if err != nil {
		return "", err
	}
	return search.Snippet(b.Analyzer, t, hits[0].Matched, snippetWidth), nil
}

// MaxSynonymsBytes bounds an office's own synonym list.
const MaxSynonymsBytes = 64 << 10

// SynonymsAnalyzer checks an office's own synonym list (one group per line,
// names separated by commas) and returns the analysis that uses it, or a
// SynonymsError that names what is wrong.
func SynonymsAnalyzer(text string) (*search.Analyzer, error) {
	if len(text) > MaxSynonymsBytes {
		return nil, &SynonymsError{TooLarge: true, Limit: MaxSynonymsBytes}
	}
	if problems := search.CheckSynonyms(text); len(problems) > 0 {
		se := &SynonymsError{}
		for _, p := range problems {
			se.Problems = append(se.Problems, SynonymLine{Line: p.Line, Text: p.Text})
		}
		return nil, se
	}
	return search.WithUserSynonyms(text)
}
