package search

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Term is one indexed or searched word, at its position in the text.
type Term struct {
	Text string
	Pos  int
}

// Analyzer turns text into terms: the same code analyses documents and queries.
type Analyzer struct {
	stem      *Stemmer
	compounds map[string][]string
	// compoundWords are the compounds' keys, sorted, for compoundsFrom.
	compoundWords []string
	synonyms      []synonymGroup
	// byFirst finds the synonym phrases that start with a stem.
	byFirst map[string][]phraseRef

	fingerprint string

	mu       sync.RWMutex
	memo     map[string]wordInfo // texts repeat their words
	lineMemo map[string][]string // and snippets their lines
}

type phraseRef struct {
	group  int
	phrase int
}

type synonymGroup struct {
	canonical string
	phrases   [][]Term // each analysed, positions relative to its first word
}

// NewAnalyzer builds an analyzer from a root list, compounds ("kerjasama" =
// "kerja sama") and synonym groups (each a list of phrases that mean the same);
// a group that names an agency also holds the short forms its names imply
// (withAgencyForms).
func NewAnalyzer(roots Roots, compounds []string, synonyms [][]string) *Analyzer {
	a := &Analyzer{stem: NewStemmer(roots), compounds: map[string][]string{},
		byFirst: map[string][]phraseRef{}, memo: map[string]wordInfo{}}
	for _, c := range compounds {
		parts := strings.Fields(Fold(c))
		if len(parts) > 1 {
			a.compounds[strings.Join(parts, "")] = parts
		}
	}
	for w := range a.compounds {
		a.compoundWords = append(a.compoundWords, w)
	}
	sort.Strings(a.compoundWords)
	for i, group := range synonyms {
		g := synonymGroup{canonical: "=" + string(rune('a'+i%26)) + strings.Repeat("_", i/26)}
		for _, phrase := range withAgencyForms(group) {
			ts := a.words(phrase)
			if len(ts) == 0 {
				continue
			}
			first := ts[0].Pos
			for i := range ts {
				ts[i].Pos -= first
			}
			g.phrases = append(g.phrases, ts)
		}
		if len(g.phrases) > 1 {
			for j, ph := range g.phrases {
				a.byFirst[ph[0].Text] = append(a.byFirst[ph[0].Text], phraseRef{len(a.synonyms), j})
			}
			a.synonyms = append(a.synonyms, g)
		}
	}
	return a
}

// wordInfo is what a plain word (not a number) analyses to.
type wordInfo struct {
	stop  bool
	terms []string // the stem, or a compound's parts
}

// wordOf analyses one folded word.
func (a *Analyzer) wordOf(t string) wordInfo {
	if stopwords[t] {
		return wordInfo{stop: true}
	}
	if parts, ok := a.compounds[t]; ok {
		terms := make([]string, len(parts))
		for i, p := range parts {
			terms[i] = a.stem.Stem(p)
		}
		return wordInfo{terms: terms}
	}
	stem := a.stem.Stem(t)
	if parts, ok := a.compounds[stem]; ok { // "ditandatangani" → tanda tangan
		return wordInfo{terms: parts}
	}
	return wordInfo{terms: []string{stem}}
}

const memoMax = 200_000

// lookup is wordOf with the analyzer's shared memo.
func (a *Analyzer) lookup(t string) wordInfo {
	a.mu.RLock()
	w, ok := a.memo[t]
	a.mu.RUnlock()
	if ok {
		return w
	}
	w = a.wordOf(t)
	a.mu.Lock()
	if len(a.memo) >= memoMax {
		clear(a.memo)
	}
	a.memo[strings.Clone(t)] = w
	a.mu.Unlock()
	return w
}

// stemOf is the first term a word analyses to ("" for a stopword).
func (a *Analyzer) stemOf(w string) string {
	if info := a.lookup(w); len(info.terms) > 0 {
		return info.terms[0]
	}
	return ""
}

// compoundsFrom lists the terms of the compounds that prefix starts beyond
// their first part ("nontun": non, tunai of "nontunai"; not "per" of
// "perangkatdaerah"), of at most limit compounds. An index holds a compound
// as its parts, so completing a prefix from the index alone would not reach
// it.
func (a *Analyzer) compoundsFrom(prefix string, limit int) []string {
	var out []string
	i := sort.SearchStrings(a.compoundWords, prefix)
	for n := 0; i < len(a.compoundWords) && n < limit && strings.HasPrefix(a.compoundWords[i], prefix); i++ {
		if w := a.compoundWords[i]; w != prefix && len(prefix) > len(a.compounds[w][0]) {
			out = append(out, a.lookup(w).terms...)
			n++
		}
	}
	return out
}

// stemWord is the first term w analyses to ("" for a stopword), and whether
// w is stemmed: analysed to one term other than itself, as the derived words
// an index records (Worker.Surfaces) are.
func (a *Analyzer) stemWord(w string) (stem string, stemmed bool) {
	info := a.lookup(w)
	if len(info.terms) == 0 {
		return "", false
	}
	return info.terms[0], len(info.terms) == 1 && info.terms[0] != w
}

// Worker analyses text on one goroutine, with a memo of its own; the Analyzer's
// methods are safe for concurrent use but share one memo behind a lock.
type Worker struct {
	a    *Analyzer
	memo map[string]wordInfo
	// lines and older memoise analysed lines in two generations: a full
	// generation becomes the older one, so lines met often stay.
	lines, older map[string]*lineInfo
	scan         map[string][fields]uint16 // Scan's, reused
	// Surfaces, when not nil, gathers the derived words met and their stems
	// ("pelayanan" → "layan"), so completions of a typed word can reach its stem.
	Surfaces map[string]string
}

// NewWorker returns a Worker.
func (a *Analyzer) NewWorker() *Worker { return &Worker{a: a, memo: map[string]wordInfo{}} }

// SharedWorker returns a Worker that uses the analyzer's shared memo, for a
// document analysed now and then.
func (a *Analyzer) SharedWorker() *Worker { return &Worker{a: a} }

func (w *Worker) lookup(t string) wordInfo {
	var info wordInfo
	if w.memo == nil {
		info = w.a.lookup(t)
	} else if memo, ok := w.memo[t]; ok {
		info = memo
	} else {
		info = w.a.wordOf(t)
		if len(w.memo) >= memoMax {
			clear(w.memo)
		}
		w.memo[strings.Clone(t)] = info
	}
	if w.Surfaces != nil && len(info.terms) == 1 && info.terms[0] != t {
		if _, seen := w.Surfaces[t]; !seen {
			w.Surfaces[strings.Clone(t)] = info.terms[0]
		}
	}
	return info
}

// Analyze is Analyzer.Analyze.
func (w *Worker) Analyze(text string) []Term {
	return w.a.withSynonyms(w.a.tokens(text, w.lookup))
}

// Analyze returns the terms of text: stems of words without stopwords, whole and
// partial number tokens, compound parts, and synonym-group terms.
func (a *Analyzer) Analyze(text string) []Term {
	return a.withSynonyms(a.words(text))
}

// words is Analyze without synonyms.
func (a *Analyzer) words(text string) []Term { return a.tokens(text, a.lookup) }

func (a *Analyzer) tokens(text string, lookup func(string) wordInfo) []Term {
	var out []Term
	pos := 0
	eachToken(Fold(text), func(t string) {
		if strings.ContainsAny(t, "./-_") && !isHyphenatedWord(t) {
			for _, part := range codeParts(t) {
				out = append(out, Term{Text: part, Pos: pos})
			}
			pos++
			return
		}
		info := lookup(t)
		if info.stop {
			pos++
			return
		}
		for _, term := range info.terms {
			out = append(out, Term{Text: term, Pos: pos})
			pos++
		}
	})
	return out
}

// isHyphenatedWord is a word such as "kerja-kerja" or "masing-masing": letters
// joined by hyphens, no digits.
func isHyphenatedWord(t string) bool {
	for _, r := range t {
		if !(unicode.IsLetter(r) || r == '-') {
			return false
		}
	}
	return strings.Contains(t, "-")
}

// codeParts keeps a number such as "03/mou/tkksd-ls/1.04/vii/2025" searchable whole,
// by each "/" segment ("tkksd-ls", "1.04") and by every alphanumeric piece.
func codeParts(t string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		s = strings.Trim(s, "./-_")
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	add(t)
	for _, seg := range strings.Split(t, "/") {
		add(seg)
		for _, p := range strings.FieldsFunc(seg, isJoiner) {
			add(p)
		}
	}
	return out
}

// withSynonyms adds the group term where a synonym phrase occurs.
func (a *Analyzer) withSynonyms(terms []Term) []Term {
	if len(a.synonyms) == 0 {
		return terms
	}
	out := terms
	for i := range terms {
		for _, ref := range a.byFirst[terms[i].Text] {
			g := a.synonyms[ref.group]
			if matchAt(terms, i, g.phrases[ref.phrase]) {
				out = append(out, Term{Text: g.canonical, Pos: terms[i].Pos})
			}
		}
	}
	return out
}

// oneWordSynonym reports whether the stem word alone is a name of the synonym
// group canonical ("kominfo" of Kominfo's group; not "pemerintah" of Pemkab's).
func (a *Analyzer) oneWordSynonym(word, canonical string) bool {
	for _, ref := range a.byFirst[word] {
		g := a.synonyms[ref.group]
		if g.canonical == canonical && len(g.phrases[ref.phrase]) == 1 {
			return true
		}
	}
	return false
}

// matchAt reports whether phrase occurs with its first word at terms[i]'s position.
func matchAt(terms []Term, i int, phrase []Term) bool {
	base := terms[i].Pos
	j := i
	for _, want := range phrase {
		pos := base + want.Pos
		for j < len(terms) && terms[j].Pos < pos {
			j++
		}
		ok := false
		for k := j; k < len(terms) && terms[k].Pos == pos; k++ {
			if terms[k].Text == want.Text {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// pairSep joins the two words of a pair term; no other term holds a space.
const pairSep = " "

// Pairs lists the adjacent word pairs of words (as words or tokens return them),
// each word standing for its synonym group when a one-word synonym names it, and
// each multi-word synonym paired with the word after it: "Pemerintah Kabupaten
// Banjar" gives "pemerintah =k", "=k banjar" and "=p banjar" (=p for Pemkab).
// Ranking uses them to prefer documents where the query's words stand together.
func (a *Analyzer) Pairs(words []Term) []string {
	if len(words) < 2 {
		return nil
	}
	rep := map[int]string{}
	type multi struct {
		group     string
		pos, span int
	}
	var multis []multi
	for i, t := range words {
		if i > 0 && words[i-1].Pos == t.Pos {
			continue // the parts of a code: its whole form stands for it
		}
		rep[t.Pos] = t.Text
		for _, ref := range a.byFirst[t.Text] {
			g := a.synonyms[ref.group]
			ph := g.phrases[ref.phrase]
			if !matchAt(words, i, ph) {
				continue
			}
			if span := ph[len(ph)-1].Pos + 1; span == 1 {
				rep[t.Pos] = g.canonical
			} else {
				multis = append(multis, multi{g.canonical, t.Pos, span})
			}
		}
	}
	var out []string
	seen := map[string]bool{}
	add := func(x, y string) {
		p := x + pairSep + y
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for i, t := range words {
		if i > 0 && words[i-1].Pos == t.Pos {
			continue
		}
		if next, ok := rep[t.Pos+1]; ok {
			add(rep[t.Pos], next)
		}
	}
	for _, m := range multis {
		if next, ok := rep[m.pos+m.span]; ok {
			add(m.group, next)
		}
	}
	return out
}

// Words is tokens without synonyms, for Pairs.
func (w *Worker) Words(text string) []Term { return w.a.tokens(text, w.lookup) }

// lineInfo is the analysis of one line of a field: its terms with counts, its
// length in words, and its word pairs.
type lineInfo struct {
	terms  []string
	counts []uint16
	words  uint32
	pairs  []string
}

// lineMemoMax bounds each generation of a Worker's memo of analysed lines.
const lineMemoMax = 16_384

// line analyses one line, remembering it: agreements drafted from the same
// templates share most of their paragraphs.
func (w *Worker) line(text string) *lineInfo {
	if li, ok := w.lines[text]; ok {
		return li
	}
	if li, ok := w.older[text]; ok {
		w.remember(strings.Clone(text), li)
		return li
	}
	// Its terms may point into text, which the memo keeps: a copy of the line,
	// not the document it was cut from.
	text = strings.Clone(text)
	words := w.Words(text)
	li := &lineInfo{words: uint32(len(words)), pairs: w.a.Pairs(words)}
	at := map[string]int{}
	for _, t := range w.a.withSynonyms(words) {
		if i, ok := at[t.Text]; ok {
			li.counts[i]++
			continue
		}
		at[t.Text] = len(li.terms)
		li.terms = append(li.terms, t.Text)
		li.counts = append(li.counts, 1)
	}
	w.remember(text, li)
	return li
}

func (w *Worker) remember(text string, li *lineInfo) {
	if w.lines == nil || len(w.lines) >= lineMemoMax {
		w.older, w.lines = w.lines, make(map[string]*lineInfo, 1024)
	}
	w.lines[text] = li
}

// Document analyses a document's field groups, line by line: each term's count
// per group and each group's length in words. The high group also counts its
// word pairs (which do not add to its length).
func (w *Worker) Document(text [fields]string) (map[string][fields]uint16, [fields]uint32) {
	terms := make(map[string][fields]uint16, 256)
	lens := w.count(text, terms)
	return terms, lens
}

// Scan is Document into a map the Worker reuses: it is valid until the next
// Scan, so a caller that keeps the terms copies them out first.
func (w *Worker) Scan(text [fields]string) (map[string][fields]uint16, [fields]uint32) {
	if w.scan == nil {
		w.scan = make(map[string][fields]uint16, 512)
	}
	clear(w.scan)
	return w.scan, w.count(text, w.scan)
}

func (w *Worker) count(text [fields]string, terms map[string][fields]uint16) [fields]uint32 {
	var lens [fields]uint32
	count := func(f int, t string, n uint16) {
		tf := terms[t]
		tf[f] = uint16(min(int(tf[f])+int(n), 65535))
		terms[t] = tf
	}
	for f := 0; f < fields; f++ {
		rest := text[f]
		for rest != "" {
			line, after, _ := strings.Cut(rest, "\n")
			rest = after
			if line == "" {
				continue
			}
			li := w.line(line)
			for i, t := range li.terms {
				count(f, t, li.counts[i])
			}
			lens[f] += li.words
			if f == FieldHigh {
				for _, p := range li.pairs {
					count(f, p, 1)
				}
			}
		}
	}
	return lens
}
