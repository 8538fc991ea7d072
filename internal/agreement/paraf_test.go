package agreement

import (
	"slices"
	"strings"
	"testing"
	"time"

	"sepakat/internal/i18n"
)

func TestParafHierarkiIsOurOwnOfficialsUpToThree(t *testing.T) {
	dir := fixture()
	dir.officials[17] = Official{ID: 17, PartyID: 1, Name: "Asep", Jabatan: "Asisten Pemerintahan", Role: RoleLain}
	dir.officials[18] = Official{ID: 18, PartyID: 1, Name: "Budi", Jabatan: "Kepala Bagian Hukum", Role: RoleLain}
	dir.officials[19] = Official{ID: 19, PartyID: 1, Name: "Cici", Jabatan: "Kepala Bagian Kerja Sama", Role: RoleLain}
	own := dir.parties[1]
	pg := DefaultPageProfile()
	own.Page = &pg
	for _, c := range []struct {
		name  string
		ids   []ID
		field string
		code  string
	}{
		{"three of ours", []ID{19, 18, 17}, "", ""},
		{"none", nil, "", ""},
		{"four", []ID{19, 18, 17, 12}, "page.paraf_hierarki", "paraf_max"},
		{"a partner's official", []ID{19, 11}, "page.paraf_hierarki[1]", "paraf_other_party"},
		{"twice", []ID{19, 19}, "page.paraf_hierarki[1]", "paraf_duplicate"},
		{"unknown", []ID{99}, "page.paraf_hierarki[0]", "not_found"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := own
			page := pg
			page.ParafHierarki = c.ids
			p.Page = &page
			es := p.Validate(dir)
			if c.code == "" {
				if len(es) != 0 {
					t.Fatalf("refused: %v", es)
				}
				return
			}
			if got := codes(es, c.field); !slices.Contains(got, c.code) {
				t.Fatalf("%s: %v, want %s (all: %v)", c.field, got, c.code, es)
			}
			for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
				if m := es.For(c.field)[0].Message(l); strings.Contains(m, "Isian tidak valid") || strings.Contains(m, "Invalid value (") {
					t.Fatalf("%s has no words in %v: %q", c.code, l, m)
				}
			}
		})
	}
	if m := (FieldError{Code: "paraf_other_party", Args: []any{"Rio"}}).Message(i18n.EN); !strings.Contains(m, "Rio is not an official of our office") {
		t.Fatalf("English: %q", m)
	}
}

func TestParafUnitsDefaultToTheImplementers(t *testing.T) {
	a := ksb()
	a.Implementers = []string{"Dinas Kesehatan", "dinas  kesehatan", "Bappeda", " "}
	if got := a.CoordinationUnits(); !slices.Equal(got, []string{"Dinas Kesehatan", "Bappeda"}) {
		t.Fatalf("default units: %q", got)
	}
	a.Implementers = []string{"A", "B", "C", "D", "E", "F", "G", "H", "I"}
	if got := a.CoordinationUnits(); len(got) != MaxParafUnits || got[0] != "A" {
		t.Fatalf("a long list of pelaksana: %q", got)
	}
	a.ParafUnits = []string{"Bagian Hukum"}
	if got := a.CoordinationUnits(); !slices.Equal(got, []string{"Bagian Hukum"}) {
		t.Fatalf("named units: %q", got)
	}
	if es := a.Validate(fixture()); len(es) != 0 {
		t.Fatalf("refused: %v", es)
	}
	a.ParafUnits = []string{"Bagian Hukum", "BAGIAN HUKUM", ""}
	es := a.Validate(fixture())
	if !slices.Contains(codes(es, "paraf_units[1]"), "paraf_duplicate") || !slices.Contains(codes(es, "paraf_units[2]"), "required") {
		t.Fatalf("bad units passed: %v", es)
	}
	a.ParafUnits = make([]string, MaxParafUnits+1)
	for i := range a.ParafUnits {
		a.ParafUnits[i] = "Unit " + string(rune('A'+i))
	}
	if !slices.Contains(codes(a.Validate(fixture()), "paraf_units"), "paraf_max") {
		t.Fatalf("%d units passed", len(a.ParafUnits))
	}
}

func TestParafUnitsAreLockedAtSigningAndPassToTheChild(t *testing.T) {
	a := ksb()
	a.ID, a.Status = 40, StatusDitandatangani
	a.ParafUnits = []string{"Bagian Hukum"}
	next := a
	next.ParafUnits = []string{"Bagian Umum"}
	if !slices.Contains(codes(CheckLocked(&a, &next), "paraf_units"), "locked") {
		t.Fatal("the paraf units of a signed agreement changed")
	}
	c, err := NewChild(&a, KindAdendum, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.ParafUnits, a.ParafUnits) {
		t.Fatalf("child's units: %q", c.ParafUnits)
	}
}
