package search_test

import (
	"fmt"
	"testing"

	"sepakat/internal/search"
	"sepakat/internal/search/searchtest"
)

// exactIndex holds a register where the words as typed are common and their
// completions or synonyms rare: a rare variant must not outrank the words typed.
func exactIndex(t *testing.T) (*search.Analyzer, *searchtest.MemIndex) {
	t.Helper()
	a, err := search.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	m := searchtest.NewMemIndex()
	id := uint64(0)
	add := func(high, body string) {
		id++
		m.Add(a, id, [2]string{high, body})
	}
	for i := 0; i < 300; i++ { // docs 1..300: other years, other regions
		add(fmt.Sprintf("Perjanjian Kerja Sama Pemerintah Kabupaten Garut %d/PKS/Huk/2024", i+1), "pengelolaan sampah dan tinja")
	}
	for i := 0; i < 40; i++ { // 301..340: Banyuwangi in 2025
		add(fmt.Sprintf("Perjanjian Kerja Sama Pemerintah Kabupaten Banyuwangi %d/PKS/Huk/2025", 500+i), "layanan air minum")
	}
	for i := 0; i < 6; i++ { // 341..346: Banyuwangi, 2024, numbers that begin with 2025
		add(fmt.Sprintf("Perjanjian Kerja Sama Pemerintah Kabupaten Banyuwangi %d/PKS/Huk/2024", 20251+i), "layanan air minum")
	}
	add("Kesepakatan Bersama Pemerintah Kabupaten Banyuwangi 7/KSB/2023", "Diskominfo melaksanakan") // 347
	for i := 0; i < 5; i++ {                                                                         // 348..352
		add("Kesepakatan Bersama Pemerintah Kabupaten Banyuwangi 8/KSB/2023", "Dinas Komunikasi dan Informatika melaksanakan")
	}
	add("Perjanjian Kerja Sama Kota Cimahi", "tinjauan lapangan") // 353: "tinja" completes to tinjau
	return a, m
}

func TestYearTypedLastIsTheYear(t *testing.T) {
	a, m := exactIndex(t)
	for _, q := range []string{"banyuwangi 2025", "banyuwangi 2025 ", "pks banyuwangi 2025"} {
		hits := search.Rank(m, a, search.ParseQuery(a, q), 40, nil)
		if len(hits) < 40 {
			t.Fatalf("%q: %d hits", q, len(hits))
		}
		for i, h := range hits {
			if h.Doc < 301 || h.Doc > 340 {
				t.Errorf("%q: hit %d is %d, not a 2025 Banyuwangi agreement", q, i+1, h.Doc)
				break
			}
		}
	}
	// Still a prefix: a number begun is completed when nothing holds it whole.
	if hits := search.Rank(m, a, search.ParseQuery(a, "banyuwangi 2025"), 50, nil); len(hits) <= 40 {
		t.Errorf("banyuwangi 2025: %d hits, want the 40 of 2025 and some numbered 2025x", len(hits))
	}
	if hits := search.Rank(m, a, search.ParseQuery(a, "2025"), 10, nil); len(hits) == 0 || hits[0].Doc < 301 || hits[0].Doc > 340 {
		t.Errorf("2025: %v", hits)
	}
}

func TestWordsAsTypedRankFirst(t *testing.T) {
	a, m := exactIndex(t)
	// Completion: "tinja" typed last also finds "tinjauan", after every tinja.
	hits := search.Rank(m, a, search.ParseQuery(a, "tinja"), 400, nil)
	if len(hits) != 301 || hits[len(hits)-1].Doc != 353 {
		t.Errorf("tinja: %d hits, the completion ranked %v", len(hits), hits[len(hits)-1])
	}
	// Synonym: "diskominfo" finds both forms, the one that says Diskominfo first.
	hits = search.Rank(m, a, search.ParseQuery(a, "diskominfo banyuwangi "), 10, nil)
	if len(hits) != 6 || hits[0].Doc != 347 {
		t.Errorf("diskominfo banyuwangi: %v", hits)
	}
	// And the other way round.
	hits = search.Rank(m, a, search.ParseQuery(a, "dinas komunikasi dan informatika banyuwangi "), 10, nil)
	if len(hits) != 6 {
		t.Errorf("dinas komunikasi dan informatika banyuwangi: %v", hits)
	}
}
