package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSortKey(t *testing.T) {
	if a, b := string(SortKey("  Éducation Daerah ")), string(SortKey("education daerah")); a != b {
		t.Errorf("case, accents and spaces at the ends matter: %q vs %q", a, b)
	}
	if k := SortKey("a\x00b"); strings.ContainsRune(string(k), 0) {
		t.Errorf("NUL kept: %q", k)
	}
	long := strings.Repeat("é", 40) // 80 bytes folded to 40, then cut
	if k := SortKey(long + "xyz" + long); len(k) > SortKeyLen || !utf8.Valid(k) {
		t.Errorf("long key %d bytes, valid %v", len(k), utf8.Valid(k))
	}
	// A cut inside a rune drops the rune: 1 + 15*3 bytes stay of 1 + 20*3.
	if k := SortKey("a" + strings.Repeat("中", 20)); len(k) != 46 || !utf8.Valid(k) {
		t.Errorf("key %q (%d bytes)", k, len(k))
	}
}

func TestImplementerKey(t *testing.T) {
	if a, b := string(ImplementerKey("Dinas  Pendidikan\n")), string(ImplementerKey("dinas pendidikan")); a != b {
		t.Errorf("inner spaces or case matter: %q vs %q", a, b)
	}
	long := strings.Repeat("Badan Perencanaan ", 20)
	if k := string(ImplementerKey(long)); len(k) != 4*SortKeyLen || !strings.HasPrefix(k, "badan perencanaan badan") {
		t.Errorf("long key %q (%d bytes)", k, len(k))
	}
}
