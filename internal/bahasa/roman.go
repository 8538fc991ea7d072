// Package bahasa holds Indonesian language conventions used in agreements:
// Roman numerals, month and day names and, later, numbers in words.
package bahasa

import "strings"

var romanTable = []struct {
	value  int
	symbol string
}{
	{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
	{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"},
	{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
}

// Roman returns n in upper-case Roman numerals; n outside 1..3999 gives "".
func Roman(n int) string {
	if n < 1 || n > 3999 {
		return ""
	}
	var b strings.Builder
	for _, r := range romanTable {
		for n >= r.value {
			b.WriteString(r.symbol)
			n -= r.value
		}
	}
	return b.String()
}

// ParseRoman reads an upper- or lower-case Roman numeral; ok is false when s is not one.
func ParseRoman(s string) (n int, ok bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" {
		return 0, false
	}
	rest := s
	for _, r := range romanTable {
		for strings.HasPrefix(rest, r.symbol) {
			n += r.value
			rest = rest[len(r.symbol):]
		}
	}
	if rest != "" || Roman(n) != s {
		return 0, false
	}
	return n, true
}
