package search

import (
	"strings"
	"unicode"
)

// Staff write a perangkat daerah the short way, with or without its Dinas/Badan
// part and with or without its region: "Diskominfo", "Dinas Kominfo", "Kominfo
// Sumedang", "DPMPTSP", "Dinas PMPTSP", "PUPR". The rules below derive these
// forms from the names, so neither the synonym list nor the directory has to
// spell out every one.

// agencyHeads are the words an agency's name starts with, by the letter its
// acronym starts with.
var agencyHeads = map[string]bool{"dinas": true, "badan": true, "satuan": true, "kantor": true, "lembaga": true}

// agencyFiller are the words an acronym leaves out.
var agencyFiller = map[string]bool{"dan": true, "serta": true, "&": true, "atau": true}

// regionWords end an agency's own name: "Dinas Kesehatan Kabupaten Garut".
var regionWords = map[string]bool{"kabupaten": true, "kab": true, "kota": true, "provinsi": true, "prov": true, "kecamatan": true}

// agencyAcronymMin is the fewest words (the head included) whose initials make
// an acronym: "Dinas Komunikasi dan Informatika" would give DKI, which is Jakarta.
const agencyAcronymMin = 4

// AgencyShortForms lists the short forms of the agency named in name (which may
// carry a jabatan before it and a region after it: "Kepala Dinas Penanaman Modal
// dan Pelayanan Terpadu Satu Pintu Kabupaten Sumedang"): the initials of a name
// of four words or more ("DPMPTSP", "BPBD") and, for a Dinas, the initials
// without its D ("PMPTSP", "PUPR"). Nil when name names no agency.
func AgencyShortForms(name string) []string {
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '.' })
	start := -1
	for i, w := range words {
		if agencyHeads[strings.ToLower(w)] {
			start = i
			break
		}
	}
	if start < 0 {
		return nil
	}
	var initials []rune
	for _, w := range words[start:] {
		lw := strings.ToLower(w)
		if regionWords[lw] && len(initials) > 0 {
			break
		}
		if agencyFiller[lw] {
			continue
		}
		r := []rune(w)[0]
		if !unicode.IsLetter(r) {
			break
		}
		initials = append(initials, unicode.ToUpper(r))
	}
	if len(initials) < agencyAcronymMin {
		return nil
	}
	out := []string{string(initials)}
	if strings.EqualFold(words[start], "dinas") && len(initials) > agencyAcronymMin {
		out = append(out, string(initials[1:])) // DPUPR → PUPR (four letters or more)
	}
	return out
}

// withAgencyForms adds to a synonym group the short forms its names imply, when
// the group names an agency by a long form that starts with Dinas or Badan:
//   - every one-word short form also with the head word: "Dinas Kominfo", "Badan Kesbangpol";
//   - a Dis-/Din- form also without it: Disdukcapil → "Dukcapil", "Dinas Dukcapil";
//   - a D- acronym of a Dinas without its D: DPMPTSP → "PMPTSP", "Dinas PMPTSP";
//   - the long form's initials (AgencyShortForms).
func withAgencyForms(group []string) []string {
	head := ""
	for _, p := range group {
		f := strings.Fields(p)
		if len(f) > 1 && (strings.EqualFold(f[0], "dinas") || strings.EqualFold(f[0], "badan")) {
			head = strings.ToLower(f[0])
			break
		}
	}
	if head == "" {
		return group
	}
	out := append([]string{}, group...)
	have := map[string]bool{}
	for _, p := range group {
		have[Fold(strings.Join(strings.Fields(p), " "))] = true
	}
	add := func(s string) {
		if k := Fold(s); !have[k] {
			have[k] = true
			out = append(out, s)
		}
	}
	Head := strings.ToUpper(head[:1]) + head[1:]
	for _, p := range group {
		if len(strings.Fields(p)) == 1 {
			short := strings.TrimSpace(p)
			add(Head + " " + short)
			lower := Fold(short)
			switch {
			case head == "dinas" && (strings.HasPrefix(lower, "dis") || strings.HasPrefix(lower, "din")) && len(lower) >= 6 && !isUpper(short):
				rest := short[3:]
				if len(rest) >= 4 { // "kes" alone is not yet a name
					add(rest)
				}
				add(Head + " " + rest)
			case head == "dinas" && isUpper(short) && strings.HasPrefix(short, "D") && len(short) >= 5:
				add(short[1:])
				add(Head + " " + short[1:])
			}
			continue
		}
		for _, f := range AgencyShortForms(p) {
			add(f)
		}
	}
	return out
}

// isUpper reports whether s has letters and all of them are capitals.
func isUpper(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters = true
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters
}
