package gen

import (
	"strings"
	"testing"

	"sepakat/internal/dataset"
	"sepakat/internal/search/fields"
)

// fairN is how many agreements the fairness test generates.
const fairN = 6000

// TestCorpusLeavesTheExamplesTheirOwn: a generated corpus holds none of the
// examples' distinctive strings (their subjects, venues, numbers, signers and
// the names of their mandates' grantors, their innovations), so that the
// examples inside a generated corpus can be found by what is theirs alone.
func TestCorpusLeavesTheExamplesTheirOwn(t *testing.T) {
	ex, err := dataset.Examples()
	if err != nil {
		t.Fatal(err)
	}
	distinctive := []string{"PENA EMAS", "Gedung Command Center", "Kompleks Pemerintahan Kabupaten Sumedang",
		"Aula Kantor Bupati Sumedang", "Pengembangan Mal Pelayanan Publik", "Berbagi Informasi dan Inovasi Daerah",
		"Transformasi Pelayanan Publik Berbasis Digital", "Nonperizinan Berbasis Digital", "05-Huk/"}
	for _, a := range ex.Agreements {
		distinctive = append(distinctive, a.Subject)
		for _, ap := range a.Parties {
			distinctive = append(distinctive, ap.Number)
		}
		if s := a.Signing; s != nil {
			distinctive = append(distinctive, s.Venue)
		}
	}
	for _, o := range ex.Officials {
		distinctive = append(distinctive, o.Name)
	}
	for _, m := range ex.Mandates {
		distinctive = append(distinctive, m.Number)
	}

	g := newGen(t, 1, dataset.Offsets{Party: 3, Official: 5, Mandate: 2, Agreement: 3})
	d := g.Directory()
	dir := fields.NewDirectory()
	for _, p := range d.Parties {
		dir.Parties[p.ID] = p
	}
	for _, o := range d.Officials {
		dir.Officials[o.ID] = o
	}
	for _, m := range d.Mandates {
		dir.Mandates[m.ID] = m
	}
	found := map[string]int{}
	for _, a := range g.Agreements(0, fairN) {
		text := fields.Text(dir, &a)
		all := strings.ToLower(text[0] + text[1])
		for _, s := range distinctive {
			if s != "" && strings.Contains(all, strings.ToLower(s)) {
				if found[s]++; found[s] == 1 {
					t.Errorf("agreement %d holds the examples' %q", a.ID, s)
				}
			}
		}
	}
	if len(distinctive) < 20 {
		t.Errorf("only %d distinctive strings taken from the examples", len(distinctive))
	}
}
