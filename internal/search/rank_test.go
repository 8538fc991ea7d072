package search_test

import (
	"testing"
	"unicode/utf8"

	"sepakat/internal/search"
	"sepakat/internal/search/searchtest"
)

func TestRank(t *testing.T) {
	a, _ := search.Shipped()
	m := searchtest.NewMemIndex()
	docs := map[uint64][2]string{
		1: {"Kesepakatan Bersama Pemerintah Kabupaten Lampung Timur dan Pemerintah Kabupaten Sumedang tentang Reformasi Birokrasi", "Pelayanan publik berbasis digital"},
		2: {"Kesepakatan Bersama Pemerintah Kabupaten Lampung Selatan dan Sumedang tentang Berbagi Informasi dan Inovasi Daerah 03/MoU/TKKSD-LS/1.04/VII/2025", "Pertukaran data dan informasi"},
		3: {"Perjanjian Kerja Sama DPMPTSP Lampung Selatan dan DPMPTSP Sumedang tentang Perizinan Berusaha", "Mal Pelayanan Publik, studi tiru PENA EMAS"},
		4: {"Perjanjian Kerja Sama Pemerintah Kota Bandung tentang Pengelolaan Sampah", "Perizinan disebut sekali dalam isi naskah pelayanan"},
	}
	for id := uint64(1); id <= 4; id++ {
		m.Add(a, id, docs[id])
	}
	top := func(query string) []uint64 {
		var ids []uint64
		for _, h := range search.Rank(m, a, search.ParseQuery(a, query), 10, nil) {
			ids = append(ids, h.Doc)
		}
		return ids
	}
	cases := []struct {
		q    string
		want uint64
	}{
		{"yang dengan Lampung soal perizinan", 3},
		{"TKKSD-LS", 2},
		{"1.04", 2},
		{"MoU lampung timur", 1},
		{"kerjasama pelayanan publik ", 3},
		{"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 3},
		{"perizinn", 3}, // typo
		{"reformas", 1}, // prefix while typing
		{"sampah bandung", 4},
	}
	for _, c := range cases {
		got := top(c.q)
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%q: got %v, want %d first", c.q, got, c.want)
		}
	}
	if got := top("perizinan"); len(got) != 2 || got[0] != 3 {
		t.Errorf("subject match should outrank body: %v", got)
	}
	if got := search.Rank(m, a, search.ParseQuery(a, "sumedang"), 10, func(d uint64) bool { return d != 1 }); len(got) != 2 {
		t.Errorf("filter: %v", got)
	}
	if got := top("yang dan di"); len(got) != 0 {
		t.Errorf("stopwords found %v", got)
	}
}

func TestSnippetMarksSynonymsAndStems(t *testing.T) {
	a, err := search.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	q := search.ParseQuery(a, "kab banjar pelayanan ")
	m := search.Find(func() *searchtest.MemIndex {
		x := searchtest.NewMemIndex()
		x.Add(a, 1, [2]string{"Pemerintah Kabupaten Banjar", "Layanan publik"})
		return x
	}(), a, q)
	hits := m.Top(1, nil)
	if len(hits) != 1 {
		t.Fatalf("hits %v", hits)
	}
	got := search.Snippet(a, [2]string{"Pemerintah Kabupaten Banjar", "Layanan publik"}, hits[0].Matched, 180)
	if got != "Pemerintah [Kabupaten] [Banjar]" {
		t.Errorf("snippet %q", got)
	}
}

func FuzzParseQuery(f *testing.F) {
	a, err := search.Shipped()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"yang dengan Lampung soal perizinan", "03/MoU/TKKSD-LS/1.04/VII/2025", `"kerja sama`, "kerjasama pelayanan publik 2025", "", "😀", `\"\"\"`, "a-b-c-", "---///..."} {
		f.Add(s)
	}
	idx := searchtest.NewMemIndex()
	idx.Add(a, 1, [2]string{"Kesepakatan Bersama Pemerintah Kabupaten Lampung Selatan 03/MoU/TKKSD-LS/1.04/VII/2025", "Pelayanan perizinan terpadu"})
	idx.Add(a, 2, [2]string{"Perjanjian Kerja Sama DPMPTSP Sumedang", "Mal Pelayanan Publik, kerjasama daerah"})
	f.Fuzz(func(t *testing.T, s string) {
		q := search.ParseQuery(a, s)
		for _, h := range search.Rank(idx, a, q, 5, nil) {
			if h.Doc != 1 && h.Doc != 2 {
				t.Fatalf("hit %d from %q", h.Doc, s)
			}
			search.Snippet(a, [2]string{"Pemerintah Kabupaten Lampung Selatan", "Pelayanan publik"}, h.Matched, 180)
		}
		if len(q.Terms) > search.MaxQueryTerms {
			t.Fatalf("%d terms", len(q.Terms))
		}
		for _, term := range q.Terms {
			if term.Text == "" || !utf8.ValidString(term.Text) {
				t.Fatalf("bad term %+v from %q", term, s)
			}
			if len(term.Phrase) > 0 && term.Phrase[len(term.Phrase)-1].Pos == 0 {
				t.Fatalf("one-word phrase %+v", term)
			}
		}
	})
}

// TestTypoStandsForWordsTheRegisterHas: an edit of a typo that the stemmer
// cuts to a root ("pendidan" → dan, "pendiikan" → ikan) is no word of the
// register and must not bring its root's documents in.
func TestTypoStandsForWordsTheRegisterHas(t *testing.T) {
	a, _ := search.Shipped()
	m := searchtest.NewMemIndex()
	m.Add(a, 1, [2]string{"Perjanjian Kerja Sama tentang Pengembangan Perikanan Tangkap", "ikan dan nelayan"})
	m.Add(a, 2, [2]string{"Perjanjian Kerja Sama tentang Peningkatan Mutu Pendidikan", "sekolah"})
	m.Add(a, 3, [2]string{"Kesepakatan Bersama tentang Pembayaran Nontunai", "pajak daerah"})
	for q, want := range map[string][]uint64{"pendidkan": {2}, "nontun": {3}, "perikann": {1}} {
		var got []uint64
		for _, h := range search.Rank(m, a, search.ParseQuery(a, q), 10, nil) {
			got = append(got, h.Doc)
		}
		if len(got) != len(want) || got[0] != want[0] {
			t.Errorf("%q: %v, want %v", q, got, want)
		}
	}
}
