package search

import (
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
	synonyms  []synonymGroup
	// byFirst finds the synonym phrases that start with a stem.
	byFirst map[string][]phraseRef

	mu    sync.RWMutex
	stems map[string]string // memo of stem results: texts repeat their words
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
// "kerja sama") and synonym groups (each a list of phrases that mean the same).
func NewAnalyzer(roots Roots, compounds []string, synonyms [][]string) *Analyzer {
	a := &Analyzer{stem: NewStemmer(roots), compounds: map[string][]string{},
		byFirst: map[string][]phraseRef{}, stems: map[string]string{}}
	for _, c := range compounds {
		parts := strings.Fields(Fold(c))
		if len(parts) > 1 {
			a.compounds[strings.Join(parts, "")] = parts
		}
	}
	for i, group := range synonyms {
		g := synonymGroup{canonical: "=" + string(rune('a'+i%26)) + strings.Repeat("_", i/26)}
		for _, phrase := range group {
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

const stemMemoMax = 200_000

// stemOf is Stem with a memo.
func (a *Analyzer) stemOf(w string) string {
	a.mu.RLock()
	s, ok := a.stems[w]
	a.mu.RUnlock()
	if ok {
		return s
	}
	s = a.stem.Stem(w)
	a.mu.Lock()
	if len(a.stems) >= stemMemoMax {
		clear(a.stems)
	}
	a.stems[w] = s
	a.mu.Unlock()
	return s
}

// Analyze returns the terms of text: stems of words without stopwords, whole and
// partial number tokens, compound parts, and synonym-group terms.
func (a *Analyzer) Analyze(text string) []Term {
	terms := a.words(text)
	return a.withSynonyms(terms)
}

// words is Analyze without synonyms.
func (a *Analyzer) words(text string) []Term {
	var out []Term
	pos := 0
	for _, raw := range split(Fold(text)) {
		t := raw.text
		if strings.IndexFunc(t, isJoiner) >= 0 && !isHyphenatedWord(t) {
			for _, part := range codeParts(t) {
				out = append(out, Term{Text: part, Pos: pos})
			}
			pos++
			continue
		}
		if stopwords[t] {
			pos++
			continue
		}
		if parts, ok := a.compounds[t]; ok {
			for _, p := range parts {
				out = append(out, Term{Text: a.stemOf(p), Pos: pos})
				pos++
			}
			continue
		}
		stem := a.stemOf(t)
		if parts, ok := a.compounds[stem]; ok { // "ditandatangani" → tanda tangan
			for _, p := range parts {
				out = append(out, Term{Text: p, Pos: pos})
				pos++
			}
			continue
		}
		out = append(out, Term{Text: stem, Pos: pos})
		pos++
	}
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
