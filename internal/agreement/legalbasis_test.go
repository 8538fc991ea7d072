package agreement

import "testing"

func TestLegalBasisReadsBackAsWritten(t *testing.T) {
	for _, c := range []struct {
		line string
		want LegalBasis
	}{
		{"Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah dengan Undang-Undang Nomor 6 Tahun 2023 tentang Cipta Kerja;",
			LegalBasis{Kind: "Undang-Undang", Number: "23", Year: 2014, About: "Pemerintahan Daerah sebagaimana telah diubah dengan Undang-Undang Nomor 6 Tahun 2023 tentang Cipta Kerja"}},
		{"Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020", LegalBasis{Kind: "Peraturan Menteri Dalam Negeri", Number: "22", Year: 2020}},
		{"  Peraturan Daerah  Nomor 5/PD Tahun 2019 tentang  Kerja Sama.", LegalBasis{Kind: "Peraturan Daerah", Number: "5/PD", Year: 2019, About: "Kerja Sama"}},
		{"Keputusan Bersama para Bupati", LegalBasis{Kind: "Keputusan Bersama para Bupati"}},
	} {
		got := ParseLegalBasis(c.line)
		if got != c.want {
			t.Errorf("%q:\n got %+v\nwant %+v", c.line, got, c.want)
		}
		if again := ParseLegalBasis(got.String()); again != got {
			t.Errorf("%q does not read back: %+v", got.String(), again)
		}
	}
}
