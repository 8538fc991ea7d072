package pdf

import (
	"slices"
	"testing"
)

// Words break after a hyphen between letters; numbers and codes never break.
func TestHyphenPartsKeepNumbersWhole(t *testing.T) {
	for w, want := range map[string][]string{
		"perundang-undangan":            {"perundang-", "undangan"},
		"masing-masing,":                {"masing-", "masing,"},
		"04/PKS/TKKSD-LS/1.04/VII/2025": {"04/PKS/TKKSD-LS/1.04/VII/2025"},
		"PKS-3":                         {"PKS-3"},
		"-":                             {"-"},
		"kerja":                         {"kerja"},
	} {
		if got := hyphenParts(w); !slices.Equal(got, want) {
			t.Errorf("hyphenParts(%q) = %q, want %q", w, got, want)
		}
	}
}
