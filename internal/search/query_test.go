package search

import (
	"strings"
	"testing"
	"time"
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

func TestCompoundsFromAPrefix(t *testing.T) {
	an, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"nontun":   "non tunai", // beyond "non"
		"kerjas":   "kerja sama",
		"tandat":   "tanda tangan",
		"non":      "", // the first part alone is a word of its own
		"per":      "", // "perangkat daerah" is far from begun
		"nontuna":  "non tunai",
		"nontunai": "", // the whole compound is no prefix of it
	}
	for prefix, want := range cases {
		if got := strings.Join(an.compoundsFrom(prefix, 6), " "); got != want {
			t.Errorf("%q: %q, want %q", prefix, got, want)
		}
	}
}
