// Package searchtest holds MemIndex, the in-memory reference implementation of
// search.Source, for tests only: the stored index must answer every query as it does.
package searchtest

import (
	"sort"
	"strings"

	"sepakat/internal/search"
)

// MemIndex is an in-memory index, for small sets of documents.
type MemIndex struct {
	postings map[string][]search.Posting
	lens     map[uint64][2]uint32
	total    [2]uint64
	maxDoc   uint64
	sorted   []string // terms and derived words, sorted, for prefix expansion
	surfaces map[string]string
	worker   *search.Worker
	an       *search.Analyzer
}

// NewMemIndex returns an empty index.
func NewMemIndex() *MemIndex {
	return &MemIndex{postings: map[string][]search.Posting{}, lens: map[uint64][2]uint32{}, surfaces: map[string]string{}}
}

// Add indexes a document's fields (documents must be added in increasing ID order).
func (m *MemIndex) Add(a *search.Analyzer, doc uint64, text [2]string) {
	if m.worker == nil || m.an != a {
		m.worker, m.an = a.NewWorker(), a
		m.worker.Surfaces = m.surfaces
	}
	terms, l := m.worker.Document(text)
	norms := search.Norms(l)
	for term, tf := range terms {
		p := search.Posting{Doc: doc, TF: tf}
		for f := range tf {
			if tf[f] > 0 {
				p.Norm[f] = norms[f]
			}
		}
		m.postings[term] = append(m.postings[term], p)
	}
	m.lens[doc] = l
	for f := range l {
		m.total[f] += uint64(l[f])
	}
	m.maxDoc = max(m.maxDoc, doc)
	m.sorted = nil
}

// Stats implements search.Source.
func (m *MemIndex) Stats() search.Stats {
	st := search.Stats{Docs: len(m.lens), MaxDoc: m.maxDoc}
	if n := len(m.lens); n > 0 {
		for f := range st.AvgLen {
			st.AvgLen[f] = float64(m.total[f]) / float64(n)
		}
	}
	return st
}

// DF implements search.Source.
func (m *MemIndex) DF(term string) int { return len(m.postings[term]) }

// Scan implements search.Source.
func (m *MemIndex) Scan(term string, fn func([]search.Posting)) {
	if ps := m.postings[term]; len(ps) > 0 {
		fn(ps)
	}
}

// Probe implements search.Source.
func (m *MemIndex) Probe(term string, docs []uint64, fn func(int, search.Posting)) {
	ps, i := m.postings[term], 0
	for _, p := range ps {
		for i < len(docs) && docs[i] < p.Doc {
			i++
		}
		if i == len(docs) {
			return
		}
		if docs[i] == p.Doc {
			fn(i, p)
		}
	}
}

// Derived implements search.Source.
func (m *MemIndex) Derived(words []string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words {
		if _, ok := m.surfaces[w]; ok {
			out[w] = true
		}
	}
	return out
}

// Expand implements search.Source.
func (m *MemIndex) Expand(prefix string, limit int) []string {
	if m.sorted == nil {
		for t := range m.postings {
			m.sorted = append(m.sorted, t)
		}
		for w := range m.surfaces {
			m.sorted = append(m.sorted, w)
		}
		sort.Strings(m.sorted)
	}
	seen := map[string]bool{}
	var out []string
	for i := sort.SearchStrings(m.sorted, prefix); i < len(m.sorted) && strings.HasPrefix(m.sorted[i], prefix); i++ {
		t := m.sorted[i]
		if stem, ok := m.surfaces[t]; ok {
			t = stem
		}
		if !seen[t] && len(m.postings[t]) > 0 {
			seen[t] = true
			out = append(out, t)
		}
	}
	// Most frequent first, then in term order, as the stored index lists them.
	sort.Slice(out, func(x, y int) bool {
		if dx, dy := len(m.postings[out[x]]), len(m.postings[out[y]]); dx != dy {
			return dx > dy
		}
		return out[x] < out[y]
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}
