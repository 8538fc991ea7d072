// Package search analyses Indonesian text for the full-text index: case and
// diacritic folding, stopwords, number tokens, affix stemming against a root-word
// list, compounds and synonyms. It does no I/O; the store keeps the postings.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
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

// split breaks folded text into raw tokens; joiners stay inside a token only
// between two word characters. Tokens are substrings of s.
func split(s string) []rawToken {
	var out []rawToken
	start, startRune := -1, 0
	runeAt := 0
	flush := func(end, endRune int) {
		if start >= 0 {
			out = append(out, rawToken{text: s[start:end], pos: len(out), start: startRune, end: endRune})
			start = -1
		}
	}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWordRune(r):
			if start < 0 {
				start, startRune = i, runeAt
			}
		case isJoiner(r) && start >= 0 && i+size < len(s) && isWordRuneAt(s, i+size):
			// stays inside the token
		default:
			flush(i, runeAt)
		}
		i += size
		runeAt++
	}
	flush(len(s), runeAt)
	return out
}

// eachToken calls fn with the raw tokens of folded text, as split finds them,
// without keeping their offsets.
func eachToken(s string, fn func(string)) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
				if start < 0 {
					start = i
				}
			case (c == '.' || c == '/' || c == '-' || c == '_') && start >= 0 && i+1 < len(s) && isWordRuneAt(s, i+1):
			default:
				if start >= 0 {
					fn(s[start:i])
					start = -1
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			fn(s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(s[start:])
	}
}

func isWordRuneAt(s string, i int) bool {
	r := rune(s[i])
	if r >= utf8.RuneSelf {
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isJoiner(r rune) bool { return r == '.' || r == '/' || r == '-' || r == '_' }
