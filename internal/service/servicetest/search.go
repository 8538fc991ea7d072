package servicetest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

func searchIDs(t *testing.T, s service.Register, text string, f agreement.Filter) []agreement.ID {
	t.Helper()
	res, err := s.Search(service.SearchQuery{Text: text, Filter: f, Limit: 10})
	must(t, err)
	var out []agreement.ID
	for _, h := range res.Hits {
		out = append(out, h.Summary.ID)
	}
	return out
}

func testSearch(t *testing.T, c Config) {
	t.Run("Examples", func(t *testing.T) {
		s := withExamples(t, c)
		check := func(label string) {
			t.Helper()
			for _, q := range []struct {
				text string
				want agreement.ID
			}{
				{"yang dengan Lampung soal perizinan", 3},
				{"setda.lt", 1},
				{"03/MoU/TKKSD-LS/1.04/VII/2025", 2},
				{"rio gismara", 3},
				{"lampung timur", 1},
				{"MoU lampung timur", 1},
				{"Diskominfo magang", 1},
				{"PENA EMAS", 3},
				{"mal pelayanan publik", 3},
			} {
				got := searchIDs(t, s, q.text, agreement.Filter{})
				if len(got) == 0 || got[0] != q.want {
					t.Errorf("%s: %q → %v, want %d first", label, q.text, got, q.want)
				}
			}
			// Lampung Selatan's unit code is in the numbers of both of its agreements.
			if got := searchIDs(t, s, "TKKSD-LS", agreement.Filter{}); len(got) != 2 || got[0]+got[1] != 5 {
				t.Errorf("%s: TKKSD-LS: %v", label, got)
			}
			if got := searchIDs(t, s, "sumedang", agreement.Filter{Kind: agreement.KindPKS}); !slices.Equal(got, []agreement.ID{3}) {
				t.Errorf("%s: filter by kind: %v", label, got)
			}
		}
		check("loaded")
		must(t, s.Reindex(context.Background()))
		check("reindexed")
	})

	t.Run("StemmingFiltersLimit", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		layanan := w.KSB("Layanan Kesehatan Lintas Daerah")
		must(t, s.SaveAgreement(&layanan))
		pelayanan := w.KSB("Peningkatan Pelayanan Administrasi Kependudukan")
		pelayanan.Term = agreement.Term{Length: 2, Unit: agreement.UnitTahun, Start: agreement.NewDate(2027, 1, 1), End: agreement.NewDate(2028, 12, 31)}
		must(t, s.SaveAgreement(&pelayanan))
		other := w.KSB("Pengelolaan Sampah Regional")
		must(t, s.SaveAgreement(&other))
		// "pelayanan" and "layanan" share their stem.
		for _, q := range []string{"pelayanan", "layanan", "PELAYANAN"} {
			got := searchIDs(t, s, q, agreement.Filter{})
			if len(got) != 2 || !slices.Contains(got, layanan.ID) || !slices.Contains(got, pelayanan.ID) {
				t.Errorf("%q → %v, want %d and %d", q, got, layanan.ID, pelayanan.ID)
			}
		}
		if got := searchIDs(t, s, "kesehatan", agreement.Filter{}); !slices.Equal(got, []agreement.ID{layanan.ID}) {
			t.Errorf("kesehatan → %v", got)
		}
		if got := searchIDs(t, s, "sampah", agreement.Filter{}); !slices.Equal(got, []agreement.ID{other.ID}) {
			t.Errorf("sampah → %v", got)
		}
		res, err := s.Search(service.SearchQuery{Text: "pelayanan", Limit: 1})
		must(t, err)
		if len(res.Hits) != 1 {
			t.Errorf("limit 1: %d hits", len(res.Hits))
		}
		// Filters: year (2027 from the term's start), term range, party, status.
		if got := searchIDs(t, s, "pelayanan", agreement.Filter{Year: 2027}); !slices.Equal(got, []agreement.ID{pelayanan.ID}) {
			t.Errorf("year 2027: %v", got)
		}
		if got := searchIDs(t, s, "pelayanan", agreement.Filter{From: agreement.NewDate(2029, 1, 1)}); !slices.Equal(got, []agreement.ID{layanan.ID}) {
			t.Errorf("in force from 2029: %v", got)
		}
		if got := searchIDs(t, s, "pelayanan", agreement.Filter{To: agreement.NewDate(2026, 1, 1)}); !slices.Equal(got, []agreement.ID{layanan.ID}) {
			t.Errorf("started by 2026: %v", got)
		}
		if got := searchIDs(t, s, "pelayanan", agreement.Filter{Status: agreement.StatusDitandatangani}); len(got) != 0 {
			t.Errorf("signed only: %v", got)
		}
		if got := searchIDs(t, s, "pelayanan", agreement.Filter{Party: w.Lamsel.ID}); len(got) != 2 {
			t.Errorf("party: %v", got)
		}
		if got := searchIDs(t, s, "pelayanan", agreement.Filter{Party: 999}); len(got) != 0 {
			t.Errorf("unknown party: %v", got)
		}
		for _, h := range mustSearch(t, s, service.SearchQuery{Text: "pelayanan"}).Hits {
			if !strings.Contains(h.Snippet, "[") || !strings.Contains(h.Snippet, "]") || h.Score <= 0 {
				t.Errorf("hit %d: snippet %q score %v", h.Summary.ID, h.Snippet, h.Score)
			}
		}
	})

	t.Run("FollowsSaves", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		all := w.SaveKSBs(t, s, 40, "Kerja sama nomor %d tentang persampahan")
		a, _ := s.Agreement(all[3])
		a.Subject = "Pengelolaan air minum lintas daerah"
		must(t, s.SaveAgreement(&a))
		if got := searchIDs(t, s, "air minum", agreement.Filter{}); !slices.Equal(got, []agreement.ID{all[3]}) {
			t.Errorf("new subject not found: %v", got)
		}
		res := mustSearch(t, s, service.SearchQuery{Text: "persampahan", Limit: 100})
		if len(res.Hits) != 39 {
			t.Errorf("persampahan: %d hits, want 39", len(res.Hits))
		}
		for _, h := range res.Hits {
			if h.Summary.ID == all[3] {
				t.Error("old subject still found")
			}
		}
		if res.Hits[0].Summary.Subject == "" || res.Hits[0].Summary.Rev == 0 {
			t.Errorf("hit without its summary: %+v", res.Hits[0].Summary)
		}
		must(t, s.Reindex(context.Background()))
		if got := searchIDs(t, s, "air minum", agreement.Filter{}); !slices.Equal(got, []agreement.ID{all[3]}) {
			t.Errorf("after reindex: %v", got)
		}
	})

	t.Run("OddInput", func(t *testing.T) {
		s := withExamples(t, c)
		for _, q := range []string{"", "   ", "yang dan di", strings.Repeat("izin lampung ", 1000), `"kerja sama`, `.*[a-z]+(\d)?$^`, "😀🎉", "\x00\xff", `"""`, "---///..."} {
			res, err := s.Search(service.SearchQuery{Text: q, Limit: 10})
			if err != nil {
				t.Errorf("%.20q: %v", q, err)
			}
			if strings.TrimSpace(q) == "" && len(res.Hits) != 0 {
				t.Errorf("empty query found %d", len(res.Hits))
			}
			if len(q) > 10000 && (!res.Truncated || len(res.Hits) == 0) {
				t.Errorf("long query: truncated=%v, %d hits", res.Truncated, len(res.Hits))
			}
		}
		res := mustSearch(t, s, service.SearchQuery{Text: "yang dan di"})
		if len(res.Hits) != 0 || !res.OnlyStopwords {
			t.Errorf("stopwords only: %+v", res)
		}
		if res := mustSearch(t, s, service.SearchQuery{Text: "lampung"}); res.OnlyStopwords || res.Truncated {
			t.Errorf("an ordinary query flagged: %+v", res)
		}
		if got := searchIDs(t, s, "zzzqqqxxx", agreement.Filter{}); len(got) != 0 {
			t.Errorf("nonsense found %v", got)
		}
	})

	t.Run("Snippets", func(t *testing.T) {
		s := withExamples(t, c)
		res := mustSearch(t, s, service.SearchQuery{Text: "perizinan lampung"})
		if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Snippet, "[") {
			t.Errorf("snippet without marks: %+v", res.Hits)
		}
		res = mustSearch(t, s, service.SearchQuery{Text: "lampung", Limit: 10, Snippets: 1})
		if len(res.Hits) < 2 {
			t.Fatalf("%d hits", len(res.Hits))
		}
		if res.Hits[0].Snippet == "" || res.Hits[1].Snippet != "" {
			t.Errorf("snippets beyond the first: %q, %q", res.Hits[0].Snippet, res.Hits[1].Snippet)
		}
		sn, err := s.Snippet(res.Hits[1].Summary.ID, "lampung")
		if err != nil || !strings.Contains(sn, "[Lampung]") {
			t.Errorf("on demand: %q, %v", sn, err)
		}
		if sn, err := s.Snippet(1, "perizinan berusaha mal"); err != nil || sn != "" {
			t.Errorf("an agreement that does not match: %q, %v", sn, err)
		}
		if sn, err := s.Snippet(1, "yang dan"); err != nil || sn != "" {
			t.Errorf("stopwords: %q, %v", sn, err)
		}
	})
}

func mustSearch(t *testing.T, s service.Register, q service.SearchQuery) service.SearchResult {
	t.Helper()
	res, err := s.Search(q)
	must(t, err)
	return res
}
