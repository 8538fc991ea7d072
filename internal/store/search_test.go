package store

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
)

func searchIDs(t *testing.T, s *Store, text string, f service.SearchFilter) []agreement.ID {
	t.Helper()
	res, err := s.Search(service.SearchQuery{Text: text, Filter: f, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var ids []agreement.ID
	for _, h := range res.Hits {
		ids = append(ids, h.Summary.ID)
	}
	return ids
}

func TestSearchExamples(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	check := func(label string) {
		t.Helper()
		for _, c := range []struct {
			q    string
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
			got := searchIDs(t, s, c.q, service.SearchFilter{})
			if len(got) == 0 || got[0] != c.want {
				t.Errorf("%s: %q → %v, want %d first", label, c.q, got, c.want)
			}
		}
		// Lampung Selatan's unit code is in the numbers of both of its agreements.
		if got := searchIDs(t, s, "TKKSD-LS", service.SearchFilter{}); len(got) != 2 || got[0]+got[1] != 5 {
			t.Errorf("%s: TKKSD-LS: %v", label, got)
		}
		if got := searchIDs(t, s, "sumedang", service.SearchFilter{Kind: agreement.KindPKS}); len(got) != 1 || got[0] != 3 {
			t.Errorf("%s: filter by kind: %v", label, got)
		}
	}
	check("pending")
	mustSave(t, s.merge())
	check("merged")
	mustSave(t, s.Reindex())
	check("rebuilt")

	res, _ := s.Search(service.SearchQuery{Text: "perizinan lampung"})
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Snippet, "[") {
		t.Errorf("snippet without marks: %+v", res.Hits)
	}
	if res, _ := s.Search(service.SearchQuery{Text: "yang dan di"}); len(res.Hits) != 0 || !res.OnlyStopwords {
		t.Errorf("stopwords: %+v", res)
	}
}

func TestSearchFollowsSaves(t *testing.T) {
	s, _ := openTemp(t)
	w := seedWorld(t, s)
	var ids []agreement.ID
	for i := 0; i < mergeEvery+10; i++ { // crosses a merge
		a := w.ksb(fmt.Sprintf("Kerja sama nomor %d tentang persampahan", i))
		mustSave(t, s.SaveAgreement(&a))
		ids = append(ids, a.ID)
	}
	a, _ := s.Agreement(ids[3])
	a.Subject = "Pengelolaan air minum lintas daerah"
	mustSave(t, s.SaveAgreement(&a))
	if got := searchIDs(t, s, "air minum", service.SearchFilter{}); len(got) != 1 || got[0] != ids[3] {
		t.Errorf("new subject not found: %v", got)
	}
	got := searchIDs(t, s, "persampahan", service.SearchFilter{})
	for _, id := range got {
		if id == ids[3] {
			t.Error("old subject still found")
		}
	}
	mustSave(t, s.merge())
	if got := searchIDs(t, s, "air minum", service.SearchFilter{}); len(got) != 1 || got[0] != ids[3] {
		t.Errorf("after merge: %v", got)
	}
	// Filters: ends within N days, year.
	f := service.SearchFilter{EndsWithin: 30}
	if !f.Match(service.Summary{Status: agreement.StatusDitandatangani, End: agreement.NewDate(2026, 12, 1)}, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)) {
		t.Error("ends within 30 days")
	}
	if f.Match(service.Summary{Status: agreement.StatusKonsep, End: agreement.NewDate(2026, 12, 1)}, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)) {
		t.Error("a draft does not end")
	}
}

func TestOfficialRenameReachesSearch(t *testing.T) {
	s, _ := openTemp(t)
	w := seedWorld(t, s)
	a := w.ksb("Kerja sama persampahan")
	mustSave(t, s.SaveAgreement(&a))
	w.bupatiLs.Name = "Hendra Wijayakusuma"
	mustSave(t, s.SaveOfficial(&w.bupatiLs))
	if got := searchIDs(t, s, "wijayakusuma", service.SearchFilter{}); len(got) != 1 {
		t.Errorf("new name not found: %v", got)
	}
	if got := searchIDs(t, s, "radityo", service.SearchFilter{}); len(got) != 0 {
		t.Errorf("old name still found: %v", got)
	}
}

func TestImportRejectsOrphanHistory(t *testing.T) {
	src, _ := openTemp(t)
	w := seedWorld(t, src)
	a := w.ksb("Asli")
	mustSave(t, src.SaveAgreement(&a))
	d, _ := src.Export()
	d.History = append(d.History, dataset.HistoryEntry{Type: dataset.TypeAgreement, ID: 99, Rev: 1, Action: "buat"})
	dst, _ := openTemp(t)
	if err := dst.Import(d); err == nil || !strings.Contains(err.Error(), "history[") {
		t.Fatalf("orphan history accepted: %v", err)
	}
	d.History = d.History[:len(d.History)-1]
	d.History[0].Rev = 50
	if err := dst.Import(d); err == nil {
		t.Fatal("history beyond the record's revision accepted")
	}
}
