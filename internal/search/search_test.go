package search

import (
	"strings"
	"testing"
)

var testRoots = RootSet{"layan": true, "izin": true, "kerja": true, "sama": true, "perintah": true,
	"bangun": true, "tulis": true, "ambil": true, "kirim": true, "susun": true, "pakai": true,
	"baca": true, "sepakat": true, "paham": true, "informasi": true, "inovasi": true, "daerah": true,
	"bagi": true, "ajar": true, "anak": true, "tanda": true, "tangan": true, "tiru": true, "laksana": true,
	"modal": true, "pintu": true, "terpadu": true, "padu": true, "nota": true}

func analyzer() *Analyzer {
	return NewAnalyzer(testRoots, []string{"kerja sama", "tanda tangan"}, [][]string{
		{"MoU", "Nota Kesepahaman", "Kesepakatan Bersama", "KSB"},
		{"DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"},
	})
}

func texts(ts []Term) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Text)
	}
	return strings.Join(out, " ")
}

func TestStem(t *testing.T) {
	s := NewStemmer(testRoots)
	for in, want := range map[string]string{
		"pelayanan": "layan", "layanan": "layan", "perizinan": "izin", "pekerjaan": "kerja",
		"pemerintahan": "perintah", "membangun": "bangun", "menulis": "tulis", "mengambil": "ambil",
		"mengirimkan": "kirim", "menyusun": "susun", "memakai": "pakai", "dibaca": "baca",
		"kesepakatan": "sepakat", "kesepahaman": "paham", "bekerja": "kerja", "belajar": "ajar",
		"anak-anak": "anak", "kerja-kerja": "kerja", "ditandatangani": "ditandatangani",
		"pelaksanaannya": "laksana", "meniru": "tiru", "qwerty": "qwerty",
	} {
		if got := s.Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAnalyze(t *testing.T) {
	a := analyzer()
	if got := texts(a.Analyze("yang dengan Lampung soal perizinan")); got != "lampung izin" {
		t.Errorf("stopwords and stems: %q", got)
	}
	if got, want := texts(a.Analyze("kerjasama")), texts(a.Analyze("kerja sama")); got != want || got != "kerja sama" {
		t.Errorf("compound: %q vs %q", got, want)
	}
	num := texts(a.Analyze("Nomor 03/MoU/TKKSD-LS/1.04/VII/2025."))
	for _, want := range []string{"03/mou/tkksd-ls/1.04/vii/2025", "tkksd-ls", "1.04", "tkksd", "vii", "2025"} {
		if !strings.Contains(" "+num+" ", " "+want+" ") {
			t.Errorf("number token %q missing from %q", want, num)
		}
	}
	if got := texts(a.Analyze("Élan, MÜLLER")); got != "elan muller" {
		t.Errorf("folding: %q", got)
	}
	mou := a.Analyze("MoU")
	ksb := a.Analyze("Kesepakatan Bersama antara dua daerah")
	if !shares(mou, ksb) {
		t.Errorf("MoU and Kesepakatan Bersama share no term: %q / %q", texts(mou), texts(ksb))
	}
	if !shares(a.Analyze("DPMPTSP"), a.Analyze("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Sumedang")) {
		t.Error("DPMPTSP synonym")
	}
}

func shares(a, b []Term) bool {
	for _, x := range a {
		if strings.HasPrefix(x.Text, "=") {
			for _, y := range b {
				if y.Text == x.Text {
					return true
				}
			}
		}
	}
	return false
}

func TestEachTokenMatchesSplit(t *testing.T) {
	for _, s := range []string{"", "a", "03/mou/tkksd-ls/1.04/vii/2025.", "kerja-kerja, anak-anaknya", "élan -x- a.b. /c/ d_e", "ñandú 1.2.3 ..a..b", "x\u00a0y", "ab/"} {
		var got []string
		eachToken(s, func(tok string) { got = append(got, tok) })
		var want []string
		for _, r := range split(s) {
			want = append(want, r.text)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q: eachToken %q, split %q", s, got, want)
		}
	}
}
