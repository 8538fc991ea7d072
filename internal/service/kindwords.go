package service

import (
	"slices"
	"strings"
	"unicode"

	"sepakat/internal/agreement"
)

// kindBoost weighs up a hit whose kind the query names ("ksb sinjai
// sampah"): the KSB holds that word as what it is, a PKS under it only in
// the KSB's number it cites.
const kindBoost = 1.25

// kindWords are the words and phrases that name a kind, as staff type them
// (the shipped synonym list groups the same names).
var kindWords = []struct {
	words []string
	kind  agreement.Kind
}{
	{[]string{"ksb"}, agreement.KindKSB},
	{[]string{"mou"}, agreement.KindKSB},
	{[]string{"kesepakatan", "bersama"}, agreement.KindKSB},
	{[]string{"nota", "kesepahaman"}, agreement.KindKSB},
	{[]string{"pks"}, agreement.KindPKS},
	{[]string{"perjanjian", "kerja", "sama"}, agreement.KindPKS},
	{[]string{"perjanjian", "kerjasama"}, agreement.KindPKS},
	{[]string{"nk"}, agreement.KindNK},
	{[]string{"nota", "kesepakatan"}, agreement.KindNK},
	{[]string{"adendum"}, agreement.KindAdendum},
	{[]string{"addendum"}, agreement.KindAdendum},
	{[]string{"perpanjangan"}, agreement.KindPerpanjangan},
}

// KindsNamed are the kinds of agreement a query names by one of their names.
func KindsNamed(text string) []agreement.Kind {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var out []agreement.Kind
	for i := range words {
		for _, kw := range kindWords {
			if i+len(kw.words) <= len(words) && slices.Equal(words[i:i+len(kw.words)], kw.words) && !slices.Contains(out, kw.kind) {
				out = append(out, kw.kind)
			}
		}
	}
	return out
}
