package search

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseQuery(t *testing.T) {
	a, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	q := ParseQuery(a, "yang dengan Lampung soal perizinan")
	if len(q.Terms) != 2 || q.Terms[0].Text != "lampung" || q.Terms[1].Text != "izin" || !q.Terms[1].Prefix {
		t.Errorf("%+v", q.Terms)
	}
	q = ParseQuery(a, "kerjasama pelayanan publik 2025 ")
	var got []string
	for _, t := range q.Terms {
		got = append(got, t.Text)
	}
	if strings.Join(got, " ") != "kerja sama layan publik 2025" || q.Terms[len(q.Terms)-1].Prefix {
		t.Errorf("%v prefix=%v", got, q.Terms[len(q.Terms)-1].Prefix)
	}
	q = ParseQuery(a, "TKKSD-LS")
	if len(q.Terms) != 1 || q.Terms[0].Text != "tkksd-ls" {
		t.Errorf("code: %+v", q.Terms)
	}
	q = ParseQuery(a, `"kerja sama daerah" sumedang`)
	if len(q.Terms) != 2 || phraseText(q.Terms[0].Phrase) != "kerja sama daerah" {
		t.Errorf("phrase: %+v", q.Terms)
	}
	if q := ParseQuery(a, "yang dan di"); !q.Empty() || !q.OnlyStopwords {
		t.Errorf("stopwords only: %+v", q)
	}
	if q := ParseQuery(a, "   "); !q.Empty() || q.OnlyStopwords {
		t.Errorf("blank: %+v", q)
	}
	for _, odd := range []string{`"tanpa tutup kutip`, `.*[a-z]+(\d)?$^`, "😀🎉 izin", "\x00\x01\xff", strings.Repeat("perizinan daerah ", 700)} {
		start := time.Now()
		q := ParseQuery(a, odd)
		if time.Since(start) > 2*time.Second {
			t.Errorf("%.20q took %v", odd, time.Since(start))
		}
		if len(q.Terms) > MaxQueryTerms {
			t.Errorf("%.20q: %d terms", odd, len(q.Terms))
		}
	}
	if q := ParseQuery(a, strings.Repeat("x", 10_000)); !q.Truncated {
		t.Error("10 000 characters not truncated")
	}
}

func FuzzParseQuery(f *testing.F) {
	a, err := Shipped()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"yang dengan Lampung soal perizinan", "03/MoU/TKKSD-LS/1.04/VII/2025", `"kerja sama`, "kerjasama pelayanan publik 2025", "", "😀", `\"\"\"`, "a-b-c-", "---///..."} {
		f.Add(s)
	}
	idx := NewMemIndex()
	idx.Add(a, 1, [2]string{"Kesepakatan Bersama Pemerintah Kabupaten Lampung Selatan 03/MoU/TKKSD-LS/1.04/VII/2025", "Pelayanan perizinan terpadu"})
	idx.Add(a, 2, [2]string{"Perjanjian Kerja Sama DPMPTSP Sumedang", "Mal Pelayanan Publik, kerjasama daerah"})
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(a, s)
		for _, h := range Rank(idx, a, q, 5, nil) {
			if h.Doc != 1 && h.Doc != 2 {
				t.Fatalf("hit %d from %q", h.Doc, s)
			}
			Snippet(a, [2]string{"Pemerintah Kabupaten Lampung Selatan", "Pelayanan publik"}, h.Matched, 180)
		}
		if len(q.Terms) > MaxQueryTerms {
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
