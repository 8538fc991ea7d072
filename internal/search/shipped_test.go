package search

import "testing"

func TestShippedAnalyzer(t *testing.T) {
	a, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	same := func(x, y string) {
		t.Helper()
		if tx, ty := texts(a.Analyze(x)), texts(a.Analyze(y)); tx != ty {
			t.Errorf("%q → %q, %q → %q", x, tx, y, ty)
		}
	}
	same("pelayanan", "layanan")
	same("perizinan", "izin")
	same("kerjasama", "kerja sama")
	same("pemerintahan", "perintah")
	same("penyelenggaraan", "selenggara")
	same("kependudukan", "penduduk")
	same("pembangunan", "bangun")
	same("kesepakatan", "sepakat")
	same("pendidikan", "didik")
	same("perubahan", "ubah")
	same("ditandatangani", "tanda tangan")
	for _, c := range []struct{ a, b string }{
		{"MoU", "Kesepakatan Bersama"}, {"Kominfo", "Dinas Komunikasi dan Informatika"},
		{"Diskominfo", "Kominfo"}, {"Pemkab Sumedang", "Pemerintah Kabupaten Sumedang"},
		{"DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"},
	} {
		if !shares(a.Analyze(c.a), a.Analyze(c.b)) {
			t.Errorf("%q and %q are not synonyms", c.a, c.b)
		}
	}
	if got := texts(a.Analyze("yang dengan Lampung soal perizinan")); got != "lampung izin" {
		t.Errorf("%q", got)
	}
}

func TestFingerprintForNeedsNoAnalyzer(t *testing.T) {
	for _, own := range []string{"", "bappeda, badan perencanaan pembangunan daerah\n"} {
		a, err := WithUserSynonyms(own)
		if err != nil {
			t.Fatal(err)
		}
		fp, err := FingerprintFor(own)
		if err != nil {
			t.Fatal(err)
		}
		if fp != a.Fingerprint() {
			t.Errorf("synonyms %q: FingerprintFor %q, analyzer %q", own, fp, a.Fingerprint())
		}
	}
	a, _ := FingerprintFor("")
	b, _ := FingerprintFor("x, y")
	if a == b {
		t.Error("the office's synonyms do not change the fingerprint")
	}
}
