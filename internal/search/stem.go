package search

import "strings"

// Roots is a list of Indonesian root words (kata dasar).
type Roots interface {
	Has(word string) bool
}

// RootSet is Roots in memory.
type RootSet map[string]bool

// Has reports whether w is a root word.
func (s RootSet) Has(w string) bool { return s[w] }

// Stemmer reduces Indonesian words to their root, in the manner of the
// Nazief–Adriani / Sastrawi confix-stripping algorithm: inflectional and
// derivational suffixes, up to three derivational prefixes with their sound
// changes (meny- → s, mem- → p, men- → t, meng- → k, pe-/per-/pem-/pen-/peng-/peny-,
// ber-, ter-, di-, ke-, se-), confixes (ke-…-an, pe-…-an, per-…-an) and
// reduplication. Every candidate is checked against the root list; the root found
// with the fewest prefixes removed wins, and a word with no root found is kept.
type Stemmer struct {
	roots Roots
}

// NewStemmer returns a stemmer over roots.
func NewStemmer(roots Roots) *Stemmer { return &Stemmer{roots: roots} }

// Stem returns the root of a folded word.
func (s *Stemmer) Stem(w string) string {
	if len(w) < 4 || s.roots.Has(w) {
		return w
	}
	if a, b, ok := strings.Cut(w, "-"); ok {
		// Reduplication: "kerja-kerja", "anak-anaknya", "sayur-mayur".
		sa, sb := s.Stem(a), s.Stem(b)
		if sa == sb || strings.HasPrefix(b, a) || s.roots.Has(sa) {
			return sa
		}
		return w
	}
	// The root reached with the fewest prefixes removed wins, the shorter on a tie:
	// "kesepakatan" is ke-sepakat-an, not ke-se-pakat-an; "perubahan" is per-ubah-an.
	best, bestDepth := "", 99
	for _, base := range inflections(w) {
		for _, d := range derivations(base) {
			s.prefixes(d, 0, func(root string, depth int) {
				if depth < bestDepth || (depth == bestDepth && len(root) < len(best)) {
					best, bestDepth = root, depth
				}
			})
		}
	}
	if best == "" {
		return w
	}
	return best
}

// inflections removes particles (-lah, -kah, -tah, -pun) and possessives (-ku, -mu, -nya).
func inflections(w string) []string {
	out := []string{w}
	for _, p := range []string{"lah", "kah", "tah", "pun"} {
		if strings.HasSuffix(w, p) && len(w)-len(p) >= 3 {
			out = append(out, w[:len(w)-len(p)])
		}
	}
	for _, base := range append([]string(nil), out...) {
		for _, p := range []string{"nya", "ku", "mu"} {
			if strings.HasSuffix(base, p) && len(base)-len(p) >= 3 {
				out = append(out, base[:len(base)-len(p)])
			}
		}
	}
	return out
}

// derivations removes the derivational suffixes -i, -kan and -an.
func derivations(w string) []string {
	out := []string{w}
	for _, p := range []string{"kan", "an", "i"} {
		if strings.HasSuffix(w, p) && len(w)-len(p) >= 3 {
			out = append(out, w[:len(w)-len(p)])
		}
	}
	return out
}

// prefixes tries every prefix reading of w, up to three deep, reporting roots found.
func (s *Stemmer) prefixes(w string, depth int, found func(root string, depth int)) {
	if s.roots.Has(w) {
		found(w, depth)
	}
	if depth == 3 || len(w) < 4 {
		return
	}
	for _, c := range prefixCandidates(w) {
		if len(c) >= 2 {
			s.prefixes(c, depth+1, found)
		}
	}
}

func isVowel(b byte) bool { return b == 'a' || b == 'i' || b == 'u' || b == 'e' || b == 'o' }

// prefixCandidates lists what w may be with one prefix removed, with the sound
// the prefix swallowed put back.
func prefixCandidates(w string) []string {
	var out []string
	add := func(s ...string) { out = append(out, s...) }
	after := func(p string) (string, bool) {
		if strings.HasPrefix(w, p) && len(w) > len(p) {
			return w[len(p):], true
		}
		return "", false
	}
	for _, p := range []string{"di", "ke", "se"} {
		if r, ok := after(p); ok {
			add(r)
		}
	}
	// meng-/peng- before vowels and g, h, k; meny-/peny- before s; mem-/pem- before
	// b, f, p, v; men-/pen- before c, d, j, s, t, z; me-/pe- before l, m, n, r, w, y.
	for _, m := range []string{"me", "pe"} {
		if r, ok := after(m + "ng"); ok {
			add(r)
			if isVowel(r[0]) {
				add("k" + r)
			}
		}
		if r, ok := after(m + "ny"); ok && len(r) > 0 && isVowel(r[0]) {
			add("s"+r, "ny"+r)
		}
		if r, ok := after(m + "m"); ok {
			add(r)
			if isVowel(r[0]) {
				add("p"+r, "m"+r)
			}
		}
		if r, ok := after(m + "n"); ok {
			add(r)
			if isVowel(r[0]) {
				add("t"+r, "n"+r)
			}
		}
		if r, ok := after(m); ok && strings.IndexByte("lrwymn", r[0]) >= 0 {
			add(r)
		}
	}
	for _, p := range []string{"ber", "ter", "per"} {
		if r, ok := after(p); ok {
			add(r)
		}
	}
	// be-/te-/pe- before a consonant + "er" (bekerja, pekerja), and bel-/pel-ajar.
	for _, p := range []string{"be", "te", "pe"} {
		if r, ok := after(p); ok && len(r) > 3 && !isVowel(r[0]) && r[1:3] == "er" {
			add(r)
		}
	}
	for _, p := range []string{"bel", "pel"} {
		if r, ok := after(p); ok && strings.HasPrefix(r, "ajar") {
			add(r)
		}
	}
	return out
}
