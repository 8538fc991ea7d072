package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

func searchIDs(t *testing.T, s *Store, text string, f agreement.Filter) []agreement.ID {
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
			got := searchIDs(t, s, c.q, agreement.Filter{})
			if len(got) == 0 || got[0] != c.want {
				t.Errorf("%s: %q → %v, want %d first", label, c.q, got, c.want)
			}
		}
		// Lampung Selatan's unit code is in the numbers of both of its agreements.
		if got := searchIDs(t, s, "TKKSD-LS", agreement.Filter{}); len(got) != 2 || got[0]+got[1] != 5 {
			t.Errorf("%s: TKKSD-LS: %v", label, got)
		}
		if got := searchIDs(t, s, "sumedang", agreement.Filter{Kind: agreement.KindPKS}); len(got) != 1 || got[0] != 3 {
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
	if got := searchIDs(t, s, "air minum", agreement.Filter{}); len(got) != 1 || got[0] != ids[3] {
		t.Errorf("new subject not found: %v", got)
	}
	got := searchIDs(t, s, "persampahan", agreement.Filter{})
	for _, id := range got {
		if id == ids[3] {
			t.Error("old subject still found")
		}
	}
	mustSave(t, s.merge())
	if got := searchIDs(t, s, "air minum", agreement.Filter{}); len(got) != 1 || got[0] != ids[3] {
		t.Errorf("after merge: %v", got)
	}
	// Filters: ends within N days, year.
	f := agreement.Filter{EndsWithin: 30}
	if !f.Match(agreement.Summary{Status: agreement.StatusDitandatangani, End: agreement.NewDate(2026, 12, 1)}, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)) {
		t.Error("ends within 30 days")
	}
	if f.Match(agreement.Summary{Status: agreement.StatusKonsep, End: agreement.NewDate(2026, 12, 1)}, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)) {
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
	if got := searchIDs(t, s, "wijayakusuma", agreement.Filter{}); len(got) != 1 {
		t.Errorf("new name not found: %v", got)
	}
	if got := searchIDs(t, s, "radityo", agreement.Filter{}); len(got) != 0 {
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

func TestOwnSynonymsRebuildTheIndex(t *testing.T) {
	s, path := openTemp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	if got := searchIDs(t, s, "RB ", agreement.Filter{}); len(got) != 0 {
		t.Fatalf("RB found %v before it is a synonym", got)
	}
	err := s.SetSynonyms("# singkatan kantor kami\nRB\n\nRB, Reformasi Birokrasi\nSTT, , ")
	var se *service.SynonymsError
	if !errors.As(err, &se) || len(se.Problems) != 2 || se.Problems[0].Line != 2 || se.Problems[1].Line != 5 {
		t.Fatalf("bad list: %v", err)
	}
	if _, own, _ := s.Synonyms(); own != "" {
		t.Fatalf("a rejected list was kept: %q", own)
	}
	if err := s.SetSynonyms("RB, Reformasi Birokrasi"); err != nil {
		t.Fatal(err)
	}
	if got := searchIDs(t, s, "RB ", agreement.Filter{}); len(got) == 0 || got[0] != 1 {
		t.Fatalf("RB after the synonym: %v", got)
	}
	s.Close()

	// Reopened, the list still applies; an index built with other lists is rebuilt.
	s = openAt(t, path)
	if got := searchIDs(t, s, "RB ", agreement.Filter{}); len(got) == 0 || got[0] != 1 {
		t.Fatalf("RB after reopening: %v", got)
	}
	mustSave(t, s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(schema.Meta).Put(schema.KeySearchAnalyzer, []byte("an older version"))
	}))
	s.Close()
	s = openAt(t, path)
	defer s.Close()
	mustSave(t, s.db.View(func(tx *bolt.Tx) error {
		an, err := s.fts.Analyzer(tx)
		if err != nil {
			return err
		}
		if got := string(tx.Bucket(schema.Meta).Get(schema.KeySearchAnalyzer)); got != an.Fingerprint() {
			t.Errorf("index analysis %q, analyzer %q", got, an.Fingerprint())
		}
		return nil
	}))
	if got := searchIDs(t, s, "reformasi RB ", agreement.Filter{}); len(got) == 0 || got[0] != 1 {
		t.Fatalf("after the rebuild: %v", got)
	}
}

func TestSearchOddInput(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"", "   ", "yang dan di", strings.Repeat("izin lampung ", 1000), `"kerja sama`, `.*[a-z]+(\d)?$^`, "😀🎉", "\x00\xff", `"""`, "---///..."} {
		res, err := s.Search(service.SearchQuery{Text: q, Limit: 10})
		if err != nil {
			t.Errorf("%.20q: %v", q, err)
		}
		if strings.TrimSpace(q) == "yang dan di" && !res.OnlyStopwords {
			t.Errorf("stopwords only not reported")
		}
		if len(q) > 10000 && (!res.Truncated || len(res.Hits) == 0) {
			t.Errorf("long query: truncated=%v, %d hits", res.Truncated, len(res.Hits))
		}
	}
}

func TestSnippetsOnDemand(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(service.SearchQuery{Text: "lampung", Limit: 10, Snippets: 1})
	if err != nil || len(res.Hits) < 2 {
		t.Fatalf("%v, %d hits", err, len(res.Hits))
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
}
