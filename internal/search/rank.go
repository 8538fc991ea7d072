package search

import (
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
var fieldWeight = [fields]float32{3, 1}

// Posting is one document's occurrences of a term, per field group, with the
// lengths of those fields as norms.
type Posting struct {
	Doc  uint64
	TF   [fields]uint16
	Norm [fields]uint8
}

// Stats describe the whole index.
type Stats struct {
	Docs   int
	AvgLen [fields]float64
	// MaxDoc is the highest document number.
	MaxDoc uint64
}

// Source is what matching reads.
type Source interface {
	Stats() Stats
	// DF returns how many documents hold term.
	DF(term string) int
	// Expand lists up to limit indexed terms that start with prefix, most frequent first.
	Expand(prefix string, limit int) []string
	// Scan calls fn with every posting of term, in document order, a run at a
	// time (fn must not keep the slice).
	Scan(term string, fn func([]Posting))
	// Probe calls fn with the postings of term for the documents in docs (in
	// increasing order), with each one's index in docs.
	Probe(term string, docs []uint64, fn func(i int, p Posting))
	// Derived returns those of words that the index met as derived words:
	// words the analyser takes to a stem other than themselves ("pendidikan"
	// → didik).
	Derived(words []string) map[string]bool
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
	// denseFrom is the number of postings from which a term's variants are
	// combined in an array over all documents rather than a map.
	denseFrom = 4096
)

// Match is the set of documents that match every term of a query, with scores.
type Match struct {
	docs    []uint64 // increasing
	scores  []float32
	matched []string
	groups  [][]string
	phrases [][]Term
}

// Groups are the index terms that stand for each required query term.
func (m *Match) Groups() [][]string { return m.groups }

// Len is the number of matching documents.
func (m *Match) Len() int { return len(m.docs) }

// Phrases are the quoted phrases of the query, which matching checked only word
// by word; a caller that has the text confirms them with ContainsPhrase.
func (m *Match) Phrases() [][]Term { return m.phrases }

// Restrict keeps only the documents in allowed (increasing).
func (m *Match) Restrict(allowed []uint64) {
	n, j := 0, 0
	for i, d := range m.docs {
		for j < len(allowed) && allowed[j] < d {
			j++
		}
		if j < len(allowed) && allowed[j] == d {
			m.docs[n], m.scores[n] = d, m.scores[i]
			n++
		}
	}
	m.docs, m.scores = m.docs[:n], m.scores[:n]
}

// Top returns up to limit documents, best first; accept, when not nil, is asked
// about documents in that order until limit are accepted, so an expensive check
// runs for few documents.
func (m *Match) Top(limit int, accept func(doc uint64) bool) []Hit {
	if limit <= 0 || len(m.docs) == 0 {
		return nil
	}
	h := scoreHeap{m: m, idx: make([]int32, len(m.docs))}
	for i := range h.idx {
		h.idx[i] = int32(i)
	}
	h.init()
	var out []Hit
	for len(h.idx) > 0 && len(out) < limit {
		i := h.pop()
		if accept != nil && !accept(m.docs[i]) {
			continue
		}
		out = append(out, Hit{Doc: m.docs[i], Score: float64(m.scores[i]), Matched: m.matched})
	}
	return out
}

// Rank is Find then Top.
func Rank(src Source, an *Analyzer, q Query, limit int, accept func(doc uint64) bool) []Hit {
	return Find(src, an, q).Top(limit, accept)
}

// scorer computes BM25 per field group, each saturating on its own and weighted,
// so that words repeated in a long body do not outweigh one match in the subject.
type scorer struct {
	norm [fields][256]float32 // k1 × length normalisation, by norm byte
}

func newScorer(st Stats) *scorer {
	s := &scorer{}
	for f := 0; f < fields; f++ {
		avg := math.Max(st.AvgLen[f], 1)
		for n := range s.norm[f] {
			s.norm[f][n] = float32(k1 * (1 - b + b*float64(NormLen(uint8(n)))/avg))
		}
	}
	return s
}

func (s *scorer) score(p Posting, weight float32) float32 {
	var sum float32
	for f := 0; f < fields; f++ {
		if tf := float32(p.TF[f]); tf != 0 {
			sum += fieldWeight[f] * tf * (k1 + 1) / (tf + s.norm[f][p.Norm[f]])
		}
	}
	return weight * sum
}

// termPlan is one query term as the index terms that stand for it.
type termPlan struct {
	variants []variant
	cost     int // postings to read
	// twoLetters marks the completions of a word typed so far as two letters.
	twoLetters bool
}

// Find matches q against src: every query term must match (AND), through its stem,
// a synonym group, a completion of the last word typed, or a one-letter typo. A
// document's score adds, for each query term, the BM25F score of its best variant.
func Find(src Source, an *Analyzer, q Query) *Match {
	m := &Match{}
	if q.Empty() {
		return m
	}
	st := src.Stats()
	if st.Docs == 0 {
		return m
	}
	var plans []termPlan
	seen := map[string]bool{}
	for _, qt := range q.Terms {
		if parts := codeFallback(src, qt); parts != nil {
			// A piece of a number that is not indexed whole ("207/NK/SEK"): its
			// segments, each required.
			for _, part := range parts {
				plans = append(plans, planOf(src, an, QueryTerm{Text: part, Raw: part}, st.Docs, true))
			}
			continue
		}
		if len(qt.Phrase) > 0 {
			m.phrases = append(m.phrases, qt.Phrase)
			for _, w := range qt.Phrase {
				if !seen[w.Text] {
					seen[w.Text] = true
					plans = append(plans, planOf(src, an, QueryTerm{Text: w.Text, Raw: w.Text}, st.Docs, true))
				}
			}
			continue
		}
		p := planOf(src, an, qt, st.Docs, false)
		if len(p.variants) == 0 && qt.Prefix && len([]rune(qt.Raw)) < 2 {
			continue // one letter typed of the next word: not yet a word to require
		}
		plans = append(plans, p)
	}
	if len(plans) == 0 {
		return m
	}
	for _, p := range plans {
		if len(p.variants) == 0 {
			return m // AND: a term that matches nothing
		}
		var g []string
		for _, v := range p.variants {
			g = append(g, v.term)
		}
		m.matched = append(m.matched, g...)
		m.groups = append(m.groups, g)
	}
	sort.SliceStable(plans, func(i, j int) bool { return plans[i].cost < plans[j].cost })
	// A term every document holds ("kabupaten" where every agreement names the
	// own Pemerintah Kabupaten) neither narrows the match nor moves the ranking
	// (its IDF is nearly zero). A plan with such a variant is not read as a
	// requirement; its other variants (completions of the word being typed)
	// only add to the scores of the documents that hold them.
	kept := plans[:1]
	var bonus []termPlan
	for _, p := range plans[1:] {
		if !everywhere(p, st.Docs) {
			kept = append(kept, p)
			continue
		}
		var rest termPlan
		for _, v := range p.variants {
			if v.df < st.Docs {
				rest.variants = append(rest.variants, v)
				rest.cost += v.df
			}
		}
		// The few commonest completions of two letters ("sa" → sampai, satu)
		// tell little of what is meant: not worth reading.
		if len(rest.variants) > 0 && !p.twoLetters {
			bonus = append(bonus, rest)
		}
	}
	plans = kept
	sc := newScorer(st)
	m.docs, m.scores = firstTerm(src, sc, plans[0], st.MaxDoc)
	best := make([]float32, len(m.docs)) // the matches only shrink
	for _, p := range plans[1:] {
		if len(m.docs) == 0 {
			break
		}
		best = best[:len(m.docs)]
		clear(best)
		for _, v := range p.variants {
			src.Probe(v.term, m.docs, func(i int, ps Posting) {
				if s := sc.score(ps, v.weight); s > best[i] {
					best[i] = s
				}
			})
		}
		n := 0
		for i, d := range m.docs {
			if best[i] > 0 {
				m.docs[n], m.scores[n] = d, m.scores[i]+best[i]
				n++
			}
		}
		m.docs, m.scores = m.docs[:n], m.scores[:n]
	}
	for _, p := range bonus {
		if len(m.docs) == 0 {
			break
		}
		best := make([]float32, len(m.docs))
		for _, v := range p.variants {
			src.Probe(v.term, m.docs, func(i int, ps Posting) {
				best[i] = max(best[i], sc.score(ps, v.weight))
			})
		}
		for i := range m.scores {
			m.scores[i] += best[i]
		}
	}
	for _, pair := range q.Pairs {
		if len(m.docs) == 0 {
			break
		}
		p := planOf(src, an, QueryTerm{Text: pair, Raw: pair}, st.Docs, true)
		if p.cost > st.Docs/4 {
			continue // a pair most documents hold ("kerja sama") tells nothing
		}
		for _, v := range p.variants {
			src.Probe(v.term, m.docs, func(i int, ps Posting) {
				m.scores[i] += sc.score(ps, v.weight*pairWeight)
			})
		}
	}
	return m
}

// pairWeight scales the bonus of a document that holds two query words side by side.
const pairWeight = 1

// codeFallback splits a number-like query term that is not indexed whole into
// the segments it is indexed by: its "/" segments where those are indexed, else
// its letter and digit runs. It returns nil for any other term.
func codeFallback(src Source, qt QueryTerm) []string {
	if len(qt.Phrase) > 0 || strings.HasPrefix(qt.Text, "=") || strings.IndexFunc(qt.Text, isJoiner) < 0 || isHyphenatedWord(qt.Text) || src.DF(qt.Text) > 0 {
		return nil
	}
	var parts []string
	for _, seg := range strings.Split(qt.Text, "/") {
		seg = strings.Trim(seg, "./-_")
		if seg == "" {
			continue
		}
		if src.DF(seg) > 0 {
			parts = append(parts, seg)
			continue
		}
		parts = append(parts, strings.FieldsFunc(seg, isJoiner)...)
	}
	if len(parts) < 2 {
		return nil
	}
	return parts
}

// everywhere reports whether every document matches p through a variant that
// every document holds, in an index large enough that such a variant's IDF
// (about 0.5/docs) is nothing beside other terms'. The plan's other variants
// are then completions or typo guesses, which may go unscored.
func everywhere(p termPlan, docs int) bool {
	if docs < 1000 {
		return false
	}
	for _, v := range p.variants {
		if v.df >= docs {
			return true
		}
	}
	return false
}

// firstTerm reads every posting of the cheapest term's variants.
func firstTerm(src Source, sc *scorer, p termPlan, maxDoc uint64) ([]uint64, []float32) {
	if len(p.variants) == 1 {
		v := p.variants[0]
		docs := make([]uint64, 0, p.cost)
		scores := make([]float32, 0, p.cost)
		src.Scan(v.term, func(ps []Posting) {
			for _, p := range ps {
				docs = append(docs, p.Doc)
				scores = append(scores, sc.score(p, v.weight))
			}
		})
		return docs, scores
	}
	if p.cost >= denseFrom && maxDoc < 1<<26 {
		dense := make([]float32, maxDoc+1)
		for _, v := range p.variants {
			src.Scan(v.term, func(ps []Posting) {
				for _, p := range ps {
					if p.Doc <= maxDoc {
						if s := sc.score(p, v.weight); s > dense[p.Doc] {
							dense[p.Doc] = s
						}
					}
				}
			})
		}
		var docs []uint64
		var scores []float32
		for d, s := range dense {
			if s > 0 {
				docs = append(docs, uint64(d))
				scores = append(scores, s)
			}
		}
		return docs, scores
	}
	acc := map[uint64]float32{}
	for _, v := range p.variants {
		src.Scan(v.term, func(ps []Posting) {
			for _, p := range ps {
				acc[p.Doc] = max(acc[p.Doc], sc.score(p, v.weight))
			}
		})
	}
	docs := make([]uint64, 0, len(acc))
	for d := range acc {
		docs = append(docs, d)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i] < docs[j] })
	scores := make([]float32, len(docs))
	for i, d := range docs {
		scores[i] = acc[d]
	}
	return docs, scores
}

type variant struct {
	term   string
	weight float32
	df     int
}

// planOf lists the index terms a query term stands for, with their weights: the
// term itself; for a synonym typed as one word, that word as typed; for the last
// word typed, its completions; and for a word of five letters or more that is
// not indexed and has no completions, the stems of the words one edit away.
// Each variant's weight includes its IDF. A variant other than the term as
// typed never weighs more than the term itself would: a rare completion
// ("20255" for a year typed "2025") or a rare synonym must not outrank the
// words typed.
func planOf(src Source, an *Analyzer, qt QueryTerm, n int, exact bool) termPlan {
	var p termPlan
	seen := map[string]bool{}
	idfOf := func(df int) float64 {
		return math.Log(1 + (float64(n)-float64(min(df, n))+0.5)/(float64(min(df, n))+0.5))
	}
	// capIDF bounds the IDF of the variants other than the term as typed.
	capIDF := math.Inf(1)
	add := func(term string, w float64) bool {
		if seen[term] {
			return false
		}
		seen[term] = true
		df := src.DF(term)
		if df == 0 {
			return false
		}
		idf := math.Min(idfOf(df), capIDF)
		p.variants = append(p.variants, variant{term: term, weight: float32(w * idf), df: df})
		p.cost += df
		return true
	}
	synonym := strings.HasPrefix(qt.Text, "=")
	typedIDF := 0.0
	if add(qt.Text, 1) {
		typedIDF = idfOf(p.variants[0].df)
		if numeric(qt.Raw) || len([]rune(qt.Raw)) >= capFrom {
			capIDF = typedIDF
		}
	}
	if exact {
		return p
	}
	if synonym && len(p.variants) == 1 && an.oneWordSynonym(qt.Raw, qt.Text) {
		// "Kominfo" typed: a record that says Kominfo ranks a little above one
		// that says Dinas Komunikasi dan Informatika.
		if df := src.DF(qt.Raw); df > 0 && !seen[qt.Raw] {
			seen[qt.Raw] = true
			p.variants = append(p.variants, variant{term: qt.Raw, weight: float32(literalBonus * typedIDF), df: df})
			p.cost += df
		}
	}
	// The last word typed is a prefix; so is any other word of three letters or
	// more that is not indexed as it stands ("sumed lampung tim").
	if (qt.Prefix && len(qt.Raw) >= 2) || (len(p.variants) == 0 && len(qt.Raw) >= 3 && !strings.ContainsAny(qt.Raw, "/.-=")) {
		limit := prefixLimit
		switch len(qt.Raw) {
		case 2:
			limit = 1 // "pe": only the commonest word; the next letter narrows it
			p.twoLetters = true
		case 3, 4:
			limit = 6
		}
		w := completionWeight
		if numeric(qt.Raw) && len(p.variants) > 0 {
			// "2025" typed last is the year (or a number) as typed; a number
			// that begins with it comes after every exact match.
			w = numberCompletionWeight
		}
		for _, t := range src.Expand(qt.Raw, limit) {
			add(t, w)
		}
		if len(qt.Raw) >= 3 {
			for _, t := range an.compoundsFrom(qt.Raw, limit) {
				add(t, w)
			}
		}
	}
	if len(p.variants) == 0 && !strings.ContainsAny(qt.Raw, "/.-=") && len([]rune(qt.Raw)) >= typoMinLen {
		for _, t := range typoTerms(src, an, qt.Raw) {
			add(t, typoWeight)
		}
	}
	return p
}

// Weights of the variants of a query term, against 1 for the term as typed.
const (
	// capFrom is the length from which a word typed is taken as meant: its
	// completions weigh no more than it. Shorter ("tim" of "timur") it is more
	// likely a word being typed, and a rare completion tells more.
	capFrom                = 4
	completionWeight       = 0.8
	numberCompletionWeight = 0.25
	typoWeight             = 0.6
	// literalBonus lifts the word typed above its synonyms (a share of the group's IDF).
	literalBonus = 1.15
)

// numeric reports whether s is all digits.
func numeric(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
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

// scoreHeap is a max-heap of match indices by score, newer documents first on a tie.
type scoreHeap struct {
	m   *Match
	idx []int32
}

func (h *scoreHeap) above(i, j int32) bool {
	if h.m.scores[i] != h.m.scores[j] {
		return h.m.scores[i] > h.m.scores[j]
	}
	return h.m.docs[i] > h.m.docs[j]
}

func (h *scoreHeap) init() {
	for i := len(h.idx)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h *scoreHeap) down(i int) {
	n := len(h.idx)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		c := l
		if r := l + 1; r < n && h.above(h.idx[r], h.idx[l]) {
			c = r
		}
		if !h.above(h.idx[c], h.idx[i]) {
			return
		}
		h.idx[i], h.idx[c] = h.idx[c], h.idx[i]
		i = c
	}
}

func (h *scoreHeap) pop() int32 {
	top := h.idx[0]
	last := len(h.idx) - 1
	h.idx[0] = h.idx[last]
	h.idx = h.idx[:last]
	if last > 0 {
		h.down(0)
	}
	return top
}
