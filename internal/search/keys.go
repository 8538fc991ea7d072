package search

import "strings"

// SortKeyLen bounds the text a sort key keeps: enough to order a list.
const SortKeyLen = 48

// SortKey is text folded for ordering (case and diacritics), cut on a rune,
// without NUL bytes (they separate a key from the ID after it).
func SortKey(s string) []byte {
	k := Fold(strings.TrimSpace(s))
	if len(k) > SortKeyLen {
		k = strings.ToValidUTF8(k[:SortKeyLen], "")
	}
	return []byte(strings.ReplaceAll(k, "\x00", ""))
}

// ImplementerKey is a perangkat daerah's name as the register's filter matches
// it: spaces collapsed, folded, cut on a rune, without NUL bytes.
func ImplementerKey(name string) []byte {
	k := strings.ReplaceAll(Fold(strings.Join(strings.Fields(name), " ")), "\x00", "")
	if len(k) > 4*SortKeyLen {
		k = strings.ToValidUTF8(k[:4*SortKeyLen], "")
	}
	return []byte(k)
}
