package bahasa

import (
	"errors"
	"strings"
	"unicode"
)

var ones = [...]string{"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
	"sepuluh", "sebelas"}

var scales = []struct {
	value uint64
	word  string
}{
	{1_000_000_000_000, "triliun"},
	{1_000_000_000, "miliar"},
	{1_000_000, "juta"},
	{1_000, "ribu"},
}

// MaxTerbilang is the largest number Terbilang spells: 999 999 triliun and up.
const MaxTerbilang = 999_999_999_999_999_999

// ErrTooLarge is returned for numbers beyond MaxTerbilang.
var ErrTooLarge = errors.New("bahasa: number too large to spell")

// Terbilang spells n in lower-case Indonesian words: 2025 → "dua ribu dua puluh lima".
// Numbers beyond MaxTerbilang give an empty string; use TerbilangErr to tell.
func Terbilang(n uint64) string {
	s, _ := TerbilangErr(n)
	return s
}

// TerbilangErr is Terbilang with an error for numbers beyond MaxTerbilang.
func TerbilangErr(n uint64) (string, error) {
	if n > MaxTerbilang {
		return "", ErrTooLarge
	}
	if n == 0 {
		return "nol", nil
	}
	var words []string
	for _, s := range scales {
		if n < s.value {
			continue
		}
		q := n / s.value
		n %= s.value
		if q == 1 && s.word == "ribu" {
			words = append(words, "seribu")
			continue
		}
		if q == 1 && s.word == "juta" {
			words = append(words, "sejuta")
			continue
		}
		words = append(words, below1000(q)...)
		words = append(words, s.word)
	}
	if n > 0 {
		words = append(words, below1000(n)...)
	}
	return strings.Join(words, " "), nil
}

// below1000 spells 1..999 (for a scale's multiplier up to 999 999 when the scale is triliun).
func below1000(n uint64) []string {
	if n >= 1000 {
		// Only reached for the triliun multiplier: spell it with the smaller scales.
		s, _ := TerbilangErr(n)
		return []string{s}
	}
	var w []string
	h, rest := n/100, n%100
	switch {
	case h == 1:
		w = append(w, "seratus")
	case h > 1:
		w = append(w, ones[h], "ratus")
	}
	switch {
	case rest == 0:
	case rest < 12:
		w = append(w, ones[rest])
	case rest < 20:
		w = append(w, ones[rest-10], "belas")
	default:
		w = append(w, ones[rest/10], "puluh")
		if rest%10 != 0 {
			w = append(w, ones[rest%10])
		}
	}
	return w
}

// TitleCase capitalises the first letter of every word: "Dua Ribu Dua Puluh Lima".
func TitleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// ParseTerbilang reads words written by Terbilang back into a number.
func ParseTerbilang(s string) (uint64, bool) {
	words := strings.Fields(strings.ToLower(s))
	if len(words) == 0 {
		return 0, false
	}
	if len(words) == 1 && words[0] == "nol" {
		return 0, true
	}
	var total, group, small uint64
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch w {
		case "seratus":
			small += 100
		case "sepuluh":
			small += 10
		case "sebelas":
			small += 11
		case "seribu":
			group += (small + 1) * 1000
			small = 0
		case "sejuta":
			total += (group + small + 1) * 1_000_000
			group, small = 0, 0
		case "ratus":
			if small == 0 || small > 9 {
				return 0, false
			}
			small *= 100
		case "puluh":
			d := small % 100
			if d == 0 || d > 9 {
				return 0, false
			}
			small = small - d + d*10
		case "belas":
			d := small % 100
			if d == 0 || d > 9 {
				return 0, false
			}
			small = small - d + d + 10
		case "ribu":
			group += small * 1000
			small = 0
		case "juta", "miliar", "triliun":
			scale := map[string]uint64{"juta": 1_000_000, "miliar": 1_000_000_000, "triliun": 1_000_000_000_000}[w]
			total += (group + small) * scale
			group, small = 0, 0
		default:
			d := -1
			for k := 1; k <= 9; k++ {
				if ones[k] == w {
					d = k
				}
			}
			if d < 0 {
				return 0, false
			}
			small += uint64(d)
		}
	}
	return total + group + small, true
}
