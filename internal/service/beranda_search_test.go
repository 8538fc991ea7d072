package service

import (
	"errors"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/search/searchtest"
)

func TestDashboardAddEnding(t *testing.T) {
	var d Dashboard
	for _, c := range []struct{ days, window int }{{0, 0}, {30, 0}, {31, 1}, {90, 1}, {91, 2}, {180, 2}, {181, -1}, {-1, -1}} {
		w, show := d.AddEnding(c.days)
		if w != c.window || show != (c.window >= 0) {
			t.Errorf("AddEnding(%d) = %d, %v; want window %d", c.days, w, show, c.window)
		}
	}
	// Each end counts in its window and every wider one.
	if d.EndingCount != [3]int{2, 4, 6} {
		t.Errorf("counts %v", d.EndingCount)
	}
	// A full list takes no more rows, but counts go on.
	for range agreement.DashboardRows {
		d.Ending[0] = append(d.Ending[0], agreement.Summary{})
	}
	if w, show := d.AddEnding(3); w != 0 || show || d.EndingCount[0] != 3 {
		t.Errorf("full window: %d %v, count %d", w, show, d.EndingCount[0])
	}
}

func TestDashboardAddSleeping(t *testing.T) {
	var d Dashboard
	for i := range agreement.DashboardRows + 2 {
		if show := d.AddSleeping(); show != (i < agreement.DashboardRows) {
			t.Errorf("sleeping %d shown %v", i, show)
		}
		if len(d.Sleeping) < agreement.DashboardRows {
			d.Sleeping = append(d.Sleeping, agreement.Summary{})
		}
	}
	if d.SleepingCount != agreement.DashboardRows+2 {
		t.Errorf("count %d", d.SleepingCount)
	}
}

func TestDashboardAddLists(t *testing.T) {
	var d Dashboard
	var asked []Query
	list := func(q Query) (Page, error) {
		asked = append(asked, q)
		return Page{Items: []agreement.Summary{{ID: agreement.ID(len(asked))}}}, nil
	}
	if err := d.AddLists(list); err != nil {
		t.Fatal(err)
	}
	if len(asked) != 2 || asked[0].Order != ByStatus || asked[0].Status != agreement.StatusTelaah ||
		asked[0].Limit != agreement.DashboardRows || asked[1].Order != ByChanged || asked[1].Limit != 10 {
		t.Errorf("queries %+v", asked)
	}
	if d.Review[0].ID != 1 || d.Recent[0].ID != 2 {
		t.Errorf("review %v recent %v", d.Review, d.Recent)
	}
	failed := errors.New("unreadable")
	if err := d.AddLists(func(Query) (Page, error) { return Page{}, failed }); !errors.Is(err, failed) {
		t.Errorf("a list failure was lost: %v", err)
	}
}

// memSearch is a search backend over a few agreements in a MemIndex.
func memSearch(t *testing.T, rows map[agreement.ID]agreement.Summary, texts map[agreement.ID][2]string) SearchBackend {
	t.Helper()
	an, err := search.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	idx := searchtest.NewMemIndex()
	for id := agreement.ID(1); int(id) <= len(texts); id++ {
		idx.Add(an, uint64(id), texts[id])
	}
	return SearchBackend{
		Analyzer: an,
		Find: func(q search.Query, _ agreement.Filter) (*search.Match, error) {
			return search.Find(idx, an, q), nil
		},
		Summary: func(id agreement.ID) (agreement.Summary, bool, error) { s, ok := rows[id]; return s, ok, nil },
		Text:    func(id agreement.ID) ([2]string, error) { return texts[id], nil },
	}
}

func TestRunSearch(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	rows := map[agreement.ID]agreement.Summary{
		1: {ID: 1, Kind: agreement.KindKSB, Status: agreement.StatusKonsep, Subject: "Pengelolaan sampah terpadu"},
		2: {ID: 2, Kind: agreement.KindPKS, Status: agreement.StatusKonsep, Subject: "Kerja sama pendidikan"},
		3: {ID: 3, Kind: agreement.KindPKS, Status: agreement.StatusTelaah, Subject: "Bantuan teknis"},
	}
	texts := map[agreement.ID][2]string{
		1: {"Pengelolaan sampah terpadu", "Para pihak mengelola sampah rumah tangga bersama."},
		2: {"Kerja sama pendidikan", "Beasiswa dan pengelolaan sampah sekolah."},
		3: {"Bantuan teknis", "Pelatihan pengelolaan sampah untuk desa."},
	}
	b := memSearch(t, rows, texts)
	ids := func(r SearchResult) []agreement.ID {
		var out []agreement.ID
		for _, h := range r.Hits {
			out = append(out, h.Summary.ID)
		}
		return out
	}
	res, err := RunSearch(b, SearchQuery{Text: "sampah"}, now)
	if err != nil || len(res.Hits) != 3 {
		t.Fatalf("sampah: %v, %v", ids(res), err)
	}
	// The row shows the word for 1: its snippet comes from the row; 2 and 3
	// show it only in the text.
	for _, h := range res.Hits {
		if !strings.Contains(h.Snippet, "[") {
			t.Errorf("hit %d snippet %q marks nothing", h.Summary.ID, h.Snippet)
		}
		if h.Summary.ID == 1 && strings.Contains(h.Snippet, "rumah tangga") {
			t.Errorf("row-covered hit snippet from the text: %q", h.Snippet)
		}
		if h.Summary.ID == 3 && !strings.Contains(h.Snippet, "desa") {
			t.Errorf("hit 3 snippet not from the text: %q", h.Snippet)
		}
	}
	// A phrase must stand as written.
	res, _ = RunSearch(b, SearchQuery{Text: `"sampah sekolah"`}, now)
	if got := ids(res); len(got) != 1 || got[0] != 2 {
		t.Errorf(`"sampah sekolah": %v`, got)
	}
	// The filter holds, and only the first Snippets hits get a snippet.
	res, _ = RunSearch(b, SearchQuery{Text: "sampah", Filter: agreement.Filter{Kind: agreement.KindPKS}, Snippets: 1}, now)
	if got := ids(res); len(got) != 2 || res.Hits[0].Snippet == "" || res.Hits[1].Snippet != "" {
		t.Errorf("PKS with one snippet: %v %+v", got, res.Hits)
	}
	res, _ = RunSearch(b, SearchQuery{Text: "sampah", Limit: 1}, now)
	if len(res.Hits) != 1 {
		t.Errorf("limit 1: %v", ids(res))
	}
	res, err = RunSearch(b, SearchQuery{Text: "yang dan"}, now)
	if err != nil || !res.OnlyStopwords || res.Hits != nil {
		t.Errorf("stopwords: %+v %v", res, err)
	}
	// A summary that cannot be read fails the search.
	failed := errors.New("unreadable")
	b.Summary = func(agreement.ID) (agreement.Summary, bool, error) { return agreement.Summary{}, false, failed }
	if _, err := RunSearch(b, SearchQuery{Text: "sampah"}, now); !errors.Is(err, failed) {
		t.Errorf("summary failure lost: %v", err)
	}
}

func TestRunSnippet(t *testing.T) {
	texts := map[agreement.ID][2]string{1: {"Pengelolaan sampah", ""}, 2: {"Kerja sama pendidikan", "Beasiswa sekolah."}}
	b := memSearch(t, nil, texts)
	if s, err := RunSnippet(b, 2, "beasiswa"); err != nil || !strings.Contains(s, "[Beasiswa]") {
		t.Errorf("snippet %q, %v", s, err)
	}
	if s, err := RunSnippet(b, 1, "beasiswa"); err != nil || s != "" {
		t.Errorf("no match gives %q, %v", s, err)
	}
	if s, err := RunSnippet(b, 1, "   "); err != nil || s != "" {
		t.Errorf("empty query gives %q, %v", s, err)
	}
}

func TestSynonymsAnalyzer(t *testing.T) {
	var se *SynonymsError
	if _, err := SynonymsAnalyzer(strings.Repeat("a, b\n", MaxSynonymsBytes/5+1)); !errors.As(err, &se) || !se.TooLarge || se.Limit != MaxSynonymsBytes {
		t.Errorf("too large: %v", err)
	}
	if _, err := SynonymsAnalyzer("pemda, pemerintah daerah\n\nsendiri\n"); !errors.As(err, &se) || len(se.Problems) != 1 || se.Problems[0].Line != 3 || se.Problems[0].Text != "sendiri" {
		t.Errorf("lone name: %v", err)
	}
	an, err := SynonymsAnalyzer("dinkes, dinas kesehatan")
	if err != nil {
		t.Fatal(err)
	}
	shipped, _ := search.Shipped()
	if an.Fingerprint() == shipped.Fingerprint() {
		t.Error("the office's synonyms did not change the analysis")
	}
}
