// Package pick finds the entries of a pick list (regions, instansi, pejabat,
// surat kuasa) that match what a person typed, best first. It is pure: the
// kit's Picker widget asks it.
//
// A query matches an entry when every typed word matches some word of the
// entry: the start of the word, ignoring case and diacritics ("sumedang",
// "kab", "prov"); an abbreviation staff use ("pemkab" for Kabupaten,
// "pemkot", "pemprov", "dki"); or a short name made of the first syllables of
// the entry's own words, after Pemerintah/Kabupaten/Kota/Provinsi
// ("lamsel" for Lampung Selatan, "jakbar", "tanjabbar", "oki").
package pick

import (
	"sort"
	"strings"
	"unicode"
)

// abbreviations are words staff type for the words of an official name.
var abbreviations = map[string][]string{
	"pemkab":  {"kabupaten"},
	"pemkot":  {"kota"},
	"pemprov": {"provinsi"},
	"pemda":   {"pemerintah"},
	"dki":     {"daerah", "khusus"},
}

// kindWords open a region's name before its own words.
var kindWords = map[string]bool{"pemerintah": true, "kabupaten": true, "kota": true, "provinsi": true, "administrasi": true}

// How an entry matched, best first.
const (
	tierStart = iota // the entry, or its name after the kind words, starts with the query
	tierWords        // every typed word starts a word of the entry, in order
	tierAny          // every typed word matches, in any order or by abbreviation
	tierNone
)

type entry struct {
	folded string   // the whole text, folded, words joined by one space
	words  []string // folded words
	starts []string // the folded text from each of its kind words and from its own name
	coreWs []string // folded words after the kind words
	also   []entry  // other names of the same entry (Also)
}

// Index is a pick list prepared for matching.
type Index struct{ entries []entry }

// New prepares texts for matching; Match answers with indexes into texts.
func New(texts []string) *Index {
	ix := &Index{entries: make([]entry, len(texts))}
	for i, t := range texts {
		ix.entries[i] = newEntry(t)
	}
	return ix
}

func newEntry(t string) entry {
	ws := Words(t)
	core := ws
	for len(core) > 1 && kindWords[core[0]] {
		core = core[1:]
	}
	e := entry{folded: strings.Join(ws, " "), words: ws, coreWs: core}
	for k := 1; k <= len(ws)-len(core); k++ {
		e.starts = append(e.starts, strings.Join(ws[k:], " "))
	}
	return e
}

// Also gives entry i other names it is found by, such as an instansi's short
// name ("Kemendagri" for Kementerian Dalam Negeri); it ranks by the name that
// matches best.
func (ix *Index) Also(i int, names ...string) {
	for _, n := range names {
		if strings.TrimSpace(n) != "" {
			ix.entries[i].also = append(ix.entries[i].also, newEntry(n))
		}
	}
}

// Len is the number of entries.
func (ix *Index) Len() int { return len(ix.entries) }

// Match returns the indexes of the entries that match query, best first: those
// that start with it, then those whose words start with the typed words in
// order, then the rest; within each, those with more typed words found whole
// ("kota" before "kotawaringin"), then in list order. An empty query matches
// every entry, in list order. limit > 0 caps the answer.
func (ix *Index) Match(query string, limit int) []int {
	q := Words(query)
	type hit struct{ i, tier, whole int }
	var hits []hit
	for i := range ix.entries {
		e := &ix.entries[i]
		t, whole := e.tier(q), e.whole(q)
		for k := range e.also {
			if at := e.also[k].tier(q); at < t || (at == t && at != tierNone && e.also[k].whole(q) > whole) {
				t, whole = at, e.also[k].whole(q)
			}
		}
		if t != tierNone {
			hits = append(hits, hit{i, t, whole})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].tier != hits[b].tier {
			return hits[a].tier < hits[b].tier
		}
		return hits[a].whole > hits[b].whole
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]int, len(hits))
	for k, h := range hits {
		out[k] = h.i
	}
	return out
}

// Matches reports whether query matches text.
func Matches(text, query string) bool {
	return New([]string{text}).entries[0].tier(Words(query)) != tierNone
}

func (e *entry) tier(q []string) int {
	if len(q) == 0 {
		return tierStart
	}
	joined := strings.Join(q, " ")
	if strings.HasPrefix(e.folded, joined) {
		return tierStart
	}
	for _, s := range e.starts {
		if strings.HasPrefix(s, joined) {
			return tierStart
		}
	}
	// In order: each typed word starts a later word than the one before.
	at := 0
	inOrder := true
	for _, w := range q {
		found := false
		for at < len(e.words) {
			at++
			if strings.HasPrefix(e.words[at-1], w) {
				found = true
				break
			}
		}
		if !found {
			inOrder = false
			break
		}
	}
	if inOrder {
		return tierWords
	}
	for _, w := range q {
		if !e.matchWord(w) {
			return tierNone
		}
	}
	return tierAny
}

// whole counts the typed words that are whole words of the entry.
func (e *entry) whole(q []string) int {
	n := 0
	for _, w := range q {
		if e.hasWord(w) {
			n++
		}
	}
	return n
}

// matchWord reports whether one typed word matches the entry anywhere.
func (e *entry) matchWord(w string) bool {
	for _, x := range e.words {
		if strings.HasPrefix(x, w) {
			return true
		}
	}
	if full, ok := abbreviations[w]; ok {
		all := true
		for _, f := range full {
			if !e.hasWord(f) {
				all = false
			}
		}
		if all {
			return true
		}
	}
	if len(e.coreWs) < 2 {
		return false
	}
	if len(w) >= 3 && len(w) == len(e.coreWs) && acronym(w, e.coreWs) {
		return true
	}
	// Shorter words would make short names of too many entries.
	return len(w) >= 5 && shortName(w, e.coreWs)
}

// acronym reports whether w is the initials of words ("ntb", "oki").
func acronym(w string, words []string) bool {
	for i, x := range words {
		if x[0] != w[i] {
			return false
		}
	}
	return true
}

func (e *entry) hasWord(w string) bool {
	for _, x := range e.words {
		if x == w {
			return true
		}
	}
	return false
}

// shortName reports whether w is made of a piece of each of words, in order:
// the word's first syllable with or without the consonants after it ("lam",
// "sel", "ja", "teng"), or its initial alone ("oki").
func shortName(w string, words []string) bool {
	if len(words) == 0 {
		return w == ""
	}
	for _, p := range pieces(words[0]) {
		if strings.HasPrefix(w, p) && shortName(w[len(p):], words[1:]) {
			return true
		}
	}
	return false
}

// pieces are the starts of a word that may stand for it in a short name.
func pieces(word string) []string {
	if word == "" {
		return nil
	}
	out := []string{word[:1]}
	i := 0
	for i < len(word) && !isVowel(word[i]) {
		i++
	}
	for i < len(word) && isVowel(word[i]) {
		i++
	}
	if i <= 1 {
		// A word that opens with a vowel: "utara" gives "u", "ut".
		i = 1
	}
	for ; i <= len(word); i++ {
		if i > 1 {
			out = append(out, word[:i])
		}
		if i < len(word) && isVowel(word[i]) {
			break
		}
	}
	return out
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// Words splits s into its words, folded: lower case, without diacritics; any
// other character (a space, ".", ",", "-") separates words.
func Words(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Fold lowers s and takes the diacritics off its Latin letters ("é" → "e").
func Fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := folds[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var folds = func() map[rune]string {
	m := map[rune]string{}
	for base, marked := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ďđ", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏő",
		"r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range marked {
			m[r] = base
		}
	}
	m['ß'], m['æ'], m['œ'] = "ss", "ae", "oe"
	return m
}()
