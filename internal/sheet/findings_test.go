package sheet_test

import (
	"slices"
	"strings"
	"testing"

	"sepakat/internal/i18n"
	"sepakat/internal/sheet"
)

// A row's findings carry the check that found them: the parent or a number
// changed in the preview takes out exactly that check's earlier finding and
// keeps the others, whatever their words (here a cell that reads like a
// parent's problem).
func TestRecheckDropsOnlyItsOwnFindings(t *testing.T) {
	s := openStore(t)
	rows := [][]any{
		{"No", "Nomor", "Jenis", "Tentang", "Mitra", "Tanggal TTD", "Berakhir", "Nomor Induk"},
		{1, "180/20/PKS/2021", "PKS", "Pengelolaan Sampah Regional", "Pemkab Lampung Selatan", "05-01-2021", "04-01-2026", ""},
		{2, "180/21/ADD/2022", "MoU", "Kerja Sama Pendidikan", "Pemkab Lampung Selatan", "01-02-2022", "31-01-2027", ""},
		{3, "180/21/ADD/2022", "Adendum", "Perubahan Jadwal", "Pemkab Lampung Selatan", "01-06-2023", "Perjanjian induk lama", "999/XYZ/2020"},
	}
	tb := read(t, "temuan.xlsx", book(t, map[string][][]any{"Daftar": rows}, []string{"Daftar"}, nil), "")
	p := plan(t, s, tb)
	type seen struct {
		check sheet.Check
		words string
	}
	findings := func(i int) []seen {
		var out []seen
		for _, f := range p.Rows[i].Problems {
			out = append(out, seen{f.Check, f.In(i18n.ID)})
		}
		return out
	}
	got := findings(2)
	if len(got) != 3 || got[0].check != sheet.CheckCells || !strings.Contains(got[0].words, "Perjanjian induk lama") ||
		got[1].check != sheet.CheckNumber || !strings.Contains(got[1].words, "sama dengan baris 3") ||
		got[2].check != sheet.CheckParent || !strings.Contains(got[2].words, `"999/XYZ/2020" tidak ditemukan`) {
		t.Fatalf("row 4 at first: %q", got)
	}
	cells, number := got[0], got[1]

	// The parent named again, one that is found: its problem goes, the cell's
	// and the number's stay as they were.
	p.SetParent(2, "180/20/PKS/2021")
	if lk := p.Rows[2].Parent; lk.Row != 0 {
		t.Errorf("row 4's parent %+v, want row 2", lk)
	}
	if got := findings(2); !slices.Equal(got, []seen{cells, number}) {
		t.Errorf("row 4 after its parent changed: %q", got)
	}
	// The other row's number changed: the duplicate goes, the rest stays.
	nomor := slices.Index(tb.Header, "Nomor")
	p.SetCell(1, nomor, "180/30/KSB/2022")
	if got := findings(2); !slices.Equal(got, []seen{cells}) {
		t.Errorf("row 4 after row 3's number changed: %q", got)
	}
	// And back: the duplicate again, once.
	p.SetCell(1, nomor, "180/21/ADD/2022")
	if got := findings(2); !slices.Equal(got, []seen{cells, number}) {
		t.Errorf("row 4 after row 3's number came back: %q", got)
	}
	// Row 3 left out: row 4 keeps its number's problem (the file carries the
	// number twice all the same) and its own; nothing of the parent's.
	p.SetSkip(1, true)
	if got := findings(2); !slices.Equal(got, []seen{cells, number}) || len(p.Rows[2].Warnings) != 0 {
		t.Errorf("row 4 with row 3 left out: %q, warnings %v", got, p.Rows[2].Warnings)
	}
	// Its own cell fixed: only the number's problem is left.
	p.SetCell(2, slices.Index(tb.Header, "Berakhir"), "31-05-2024")
	if got := findings(2); !slices.Equal(got, []seen{number}) {
		t.Errorf("row 4 with its end date fixed: %q", got)
	}
}
