package search

import (
	"reflect"
	"testing"
)

func TestAgencyShortForms(t *testing.T) {
	for _, c := range []struct {
		name string
		want []string
	}{
		{"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", []string{"DPMPTSP", "PMPTSP"}},
		{"Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Sumedang", []string{"DPMPTSP", "PMPTSP"}},
		{"Dinas Pekerjaan Umum dan Penataan Ruang Kota Bandung", []string{"DPUPR", "PUPR"}},
		{"Badan Penanggulangan Bencana Daerah", []string{"BPBD"}},
		{"Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", []string{"BKPSDM"}},
		{"Dinas Lingkungan Hidup Kabupaten Garut", nil}, // three words: DLH is listed, not derived
		{"Dinas Komunikasi dan Informatika", nil},       // DKI would be Jakarta
		{"Pemerintah Kabupaten Sumedang", nil},          // not an agency
		{"Bupati Sumedang", nil},
	} {
		if got := AgencyShortForms(c.name); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: %q, want %q", c.name, got, c.want)
		}
	}
}

// Staff write agencies the short way; every form must meet the full name.
func TestAgencyShortFormsMatch(t *testing.T) {
	a, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ short, full string }{
		{"Diskominfo", "Dinas Komunikasi dan Informatika"},
		{"Dinas Kominfo", "Dinas Komunikasi dan Informatika"},
		{"Kominfo", "Diskominfo"},
		{"Dukcapil", "Dinas Kependudukan dan Pencatatan Sipil"},
		{"Dinas Dukcapil", "Disdukcapil"},
		{"Dinas PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"},
		{"PUPR", "DPUPR"},
		{"PMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"},
		{"Dinas PMPTSP", "DPMPTSP"},
		{"Kesbangpol", "Badan Kesatuan Bangsa dan Politik"},
		{"Badan Kesbangpol", "Bakesbangpol"},
		{"Satpol PP", "Satuan Polisi Pamong Praja"},
		{"BPBD", "Badan Penanggulangan Bencana Daerah"},
		{"BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"},
		{"DLH", "Dinas Lingkungan Hidup"},
		{"Perkim", "Dinas Perumahan dan Kawasan Permukiman"},
		{"Dinas Perkim", "Disperkim"},
		{"Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"},
		{"DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"},
		{"Bappeda", "Badan Perencanaan Pembangunan Daerah"},
		{"Dinkes", "Dinas Kesehatan"},
		{"Disdik", "Dinas Pendidikan"},
		{"Naker", "Dinas Tenaga Kerja"},
	} {
		q := ParseQuery(a, c.short+" ")
		if len(q.Terms) != 1 {
			t.Errorf("%q: %d query terms, want the one group", c.short, len(q.Terms))
			continue
		}
		found := false
		for _, term := range a.Analyze(c.full) {
			found = found || term.Text == q.Terms[0].Text
		}
		if !found {
			t.Errorf("%q does not find %q", c.short, c.full)
		}
	}
	// The rules add no bare word of three letters ("kes" of Dinkes).
	if q := ParseQuery(a, "kes "); len(q.Terms) != 1 || q.Terms[0].Text != "kes" {
		t.Errorf("kes: %+v", q.Terms)
	}
}
