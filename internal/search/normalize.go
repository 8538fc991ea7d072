// Package search analyses Indonesian text for the full-text index: case and
// diacritic folding, stopwords, number tokens, affix stemming against a root-word
// list, compounds and synonyms. It does no I/O; the store keeps the postings.
package search

import (
	"strings"
	"unicode"
)

// fold lower-cases r and strips its diacritic ("É" → 'e').
func fold(r rune) rune {
	r = unicode.ToLower(r)
	if r < 0xC0 {
		return r
	}
	if f, ok := diacritics[r]; ok {
		return f
	}
	return r
}

var diacritics = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ā': 'a', 'ă': 'a',
	'ç': 'c', 'ć': 'c', 'č': 'c',
	'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'ě': 'e', 'ę': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ī': 'i',
	'ñ': 'n', 'ń': 'n', 'ň': 'n',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ø': 'o', 'ō': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u', 'ů': 'u',
	'ý': 'y', 'ÿ': 'y', 'š': 's', 'ś': 's', 'ž': 'z', 'ź': 'z', 'ż': 'z', 'ł': 'l', 'đ': 'd',
}

// Fold lower-cases s and strips diacritics.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(fold(r))
	}
	return b.String()
}

// rawToken is a run of letters and digits, possibly joined by . / - inside
// (an agreement number, a decimal code, a hyphenated word).
type rawToken struct {
	text       string
	pos        int // index among the raw tokens
	start, end int // rune offsets in the text
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isJoiner(r rune) bool { return r == '.' || r == '/' || r == '-' || r == '_' }

// split breaks folded text into raw tokens; joiners stay inside a token only
// between two word characters.
func split(s string) []rawToken {
	rs := []rune(s)
	var out []rawToken
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, rawToken{text: string(rs[start:end]), pos: len(out), start: start, end: end})
			start = -1
		}
	}
	for i, r := range rs {
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case isJoiner(r) && start >= 0 && i+1 < len(rs) && isWordRune(rs[i+1]):
			// stays inside the token
		default:
			flush(i)
		}
	}
	flush(len(rs))
	return out
}
