package search

import (
	"sort"
	"strings"
)

// MemIndex is an in-memory index: for building, and for small sets of documents.
type MemIndex struct {
	postings map[string][]Posting
	lens     map[uint64][fields]uint32
	total    [fields]uint64
	sorted   []string // terms, sorted, for prefix expansion
}

// NewMemIndex returns an empty index.
func NewMemIndex() *MemIndex {
	return &MemIndex{postings: map[string][]Posting{}, lens: map[uint64][fields]uint32{}}
}

// Add indexes a document's fields (documents must be added in increasing ID order).
func (m *MemIndex) Add(a *Analyzer, doc uint64, text [fields]string) {
	tf := map[string]*Posting{}
	var l [fields]uint32
	for f := 0; f < fields; f++ {
		for _, t := range a.Analyze(text[f]) {
			p := tf[t.Text]
			if p == nil {
				p = &Posting{Doc: doc}
				tf[t.Text] = p
			}
			if p.TF[f] < 65535 {
				p.TF[f]++
			}
			l[f]++
		}
	}
	for term, p := range tf {
		m.postings[term] = append(m.postings[term], *p)
	}
	m.lens[doc] = l
	for f := range l {
		m.total[f] += uint64(l[f])
	}
	m.sorted = nil
}

// Postings implements Source.
func (m *MemIndex) Postings(term string) []Posting { return m.postings[term] }

// Has implements Source.
func (m *MemIndex) Has(term string) bool { return len(m.postings[term]) > 0 }

// Stats implements Source.
func (m *MemIndex) Stats() (int, [fields]float64) {
	var avg [fields]float64
	if n := len(m.lens); n > 0 {
		for f := range avg {
			avg[f] = float64(m.total[f]) / float64(n)
		}
	}
	return len(m.lens), avg
}

// Len implements Source.
func (m *MemIndex) Len(doc uint64) [fields]uint32 { return m.lens[doc] }

// Expand implements Source.
func (m *MemIndex) Expand(prefix string, limit int) []string {
	if m.sorted == nil {
		for t := range m.postings {
			m.sorted = append(m.sorted, t)
		}
		sort.Strings(m.sorted)
	}
	i := sort.SearchStrings(m.sorted, prefix)
	var out []string
	for ; i < len(m.sorted) && strings.HasPrefix(m.sorted[i], prefix); i++ {
		out = append(out, m.sorted[i])
	}
	sort.SliceStable(out, func(x, y int) bool { return len(m.postings[out[x]]) > len(m.postings[out[y]]) })
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}
