package search

import (
	"container/heap"
	"math"
	"sort"
	"strings"
)

// Field groups weigh differently: a match in the subject, the parties or the
// numbers counts more than one in the body.
const (
	FieldHigh = 0
	FieldBody = 1
	fields    = 2
)

// fieldWeight boosts the high fields over body text.
var fieldWeight = [fields]float64{3, 1}

// Posting is one document's occurrences of a term, per field group.
type Posting struct {
	Doc uint64
	TF  [fields]uint16
}

// Source is what ranking reads: postings by term and document lengths.
type Source interface {
	// Postings returns the postings of term, in document order.
	Postings(term string) []Posting
	// Expand lists up to limit indexed terms that start with prefix, most frequent first.
	Expand(prefix string, limit int) []string
	// Has reports whether term is indexed.
	Has(term string) bool
	// Stats returns the number of documents and the average length of each field group.
	Stats() (docs int, avgLen [fields]float64)
	// Len returns a document's length per field group.
	Len(doc uint64) [fields]uint32
}

// Hit is a ranked document.
type Hit struct {
	Doc   uint64
	Score float64
	// Matched are the index terms that matched, for snippets.
	Matched []string
}

const (
	k1          = 1.2
	b           = 0.75
	prefixLimit = 40
	typoMinLen  = 5
)

// Rank scores documents for q with BM25F and returns the best limit hits; allow,
// when not nil, keeps only the documents it accepts (filters). Every query term
// must match (AND), through its stem, a prefix completion or a one-letter typo.
func Rank(src Source, an *Analyzer, q Query, limit int, allow func(doc uint64) bool) []Hit {
	if q.Empty() || limit <= 0 {
		return nil
	}
	n, avg := src.Stats()
	if n == 0 {
		return nil
	}
	type acc struct {
		score   float64
		matched []string
		terms   int
	}
	docs := map[uint64]*acc{}
	for i, qt := range q.Terms {
		variants := variantsOf(src, an, qt)
		seen := map[uint64]bool{}
		for _, v := range variants {
			ps := src.Postings(v.term)
			if len(ps) == 0 {
				continue
			}
			idf := math.Log(1 + (float64(n)-float64(len(ps))+0.5)/(float64(len(ps))+0.5))
			for _, p := range ps {
				if i > 0 {
					if a, ok := docs[p.Doc]; !ok || a.terms < i {
						continue // AND: it missed an earlier term
					}
				}
				l := src.Len(p.Doc)
				tf := 0.0
				for f := 0; f < fields; f++ {
					if p.TF[f] == 0 {
						continue
					}
					norm := 1 - b + b*float64(l[f])/math.Max(avg[f], 1)
					tf += fieldWeight[f] * float64(p.TF[f]) / norm
				}
				s := v.weight * idf * tf * (k1 + 1) / (tf + k1)
				a := docs[p.Doc]
				if a == nil {
					a = &acc{}
					docs[p.Doc] = a
				}
				a.score += s
				a.matched = append(a.matched, v.term)
				if !seen[p.Doc] {
					seen[p.Doc] = true
					a.terms = i + 1
				}
			}
		}
	}
	// Filters are checked only for documents that would enter the top list.
	h := &hitHeap{}
	for doc, a := range docs {
		if a.terms != len(q.Terms) {
			continue
		}
		hit := Hit{Doc: doc, Score: a.score, Matched: a.matched}
		if len(*h) == limit && !(*h)[0].less(hit) {
			continue
		}
		if allow != nil && !allow(doc) {
			continue
		}
		if len(*h) < limit {
			heap.Push(h, hit)
		} else {
			(*h)[0] = hit
			heap.Fix(h, 0)
		}
	}
	out := make([]Hit, len(*h))
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(h).(Hit)
	}
	return out
}

type variant struct {
	term   string
	weight float64
}

// variantsOf lists the index terms a query term stands for: itself, for the last
// word typed its completions, and for a word of five letters or more that is not
// indexed and has no completions, the stems of the words one edit away.
func variantsOf(src Source, an *Analyzer, qt QueryTerm) []variant {
	out := []variant{{qt.Text, 1}}
	if qt.Prefix {
		raw := qt.Raw
		for _, t := range src.Expand(raw, prefixLimit) {
			if t != qt.Text {
				out = append(out, variant{t, 0.8})
			}
		}
	}
	if !src.Has(qt.Text) && len(out) == 1 && !strings.ContainsAny(qt.Raw, "/.-=") && len([]rune(qt.Raw)) >= typoMinLen {
		seen := map[string]bool{qt.Text: true}
		for _, e := range edits1(qt.Raw) {
			t := an.stemOf(e)
			if !seen[t] && src.Has(t) {
				seen[t] = true
				out = append(out, variant{t, 0.6})
			}
		}
	}
	return out
}

const alphabet = "abcdefghijklmnopqrstuvwxyz"

// edits1 lists the strings one deletion, transposition, substitution or insertion away.
func edits1(w string) []string {
	seen := map[string]bool{w: true}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for i := 0; i <= len(w); i++ {
		l, r := w[:i], w[i:]
		if len(r) > 0 {
			add(l + r[1:])
		}
		if len(r) > 1 {
			add(l + string(r[1]) + string(r[0]) + r[2:])
		}
		for _, c := range alphabet {
			if len(r) > 0 {
				add(l + string(c) + r[1:])
			}
			add(l + string(c) + r)
		}
	}
	sort.Strings(out)
	return out
}

type hitHeap []Hit

func (h Hit) less(o Hit) bool {
	if h.Score != o.Score {
		return h.Score < o.Score
	}
	return h.Doc < o.Doc
}

func (h hitHeap) Len() int           { return len(h) }
func (h hitHeap) Less(i, j int) bool { return h[i].less(h[j]) }
func (h hitHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *hitHeap) Push(x any)        { *h = append(*h, x.(Hit)) }
func (h *hitHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
