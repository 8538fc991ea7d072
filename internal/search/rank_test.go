package search

import "testing"

func TestRank(t *testing.T) {
	a, _ := Shipped()
	m := NewMemIndex()
	docs := map[uint64][fields]string{
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
		for _, h := range Rank(m, a, ParseQuery(a, query), 10, nil) {
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
	if got := Rank(m, a, ParseQuery(a, "sumedang"), 10, func(d uint64) bool { return d != 1 }); len(got) != 2 {
		t.Errorf("filter: %v", got)
	}
	if got := top("yang dan di"); len(got) != 0 {
		t.Errorf("stopwords found %v", got)
	}
}
