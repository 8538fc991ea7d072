package wilayah

import "testing"

func TestShippedList(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Provinces) != 38 || len(l.Regencies) != 514 {
		t.Fatalf("got %d provinces and %d regencies, want 38 and 514", len(l.Provinces), len(l.Regencies))
	}
	s, ok := l.Get("32.11")
	if !ok || s.GovernmentName() != "Pemerintah Kabupaten Sumedang" || s.HeadTitle() != "Bupati Sumedang" || s.PlaceName() != "Sumedang" {
		t.Fatalf("Sumedang: %+v", s)
	}
	p, ok := l.Province(s)
	if !ok || p.Name != "Jawa Barat" || p.GovernmentName() != "Pemerintah Provinsi Jawa Barat" || p.HeadTitle() != "Gubernur Jawa Barat" {
		t.Fatalf("province of Sumedang: %+v", p)
	}
	for _, r := range l.Regencies {
		if r.IsCity() && r.HeadTitle()[:9] != "Wali Kota" {
			t.Fatalf("city head: %q", r.HeadTitle())
		}
		if _, ok := l.Get(r.ProvinceCode); !ok {
			t.Fatalf("%s has unknown province %s", r.Code, r.ProvinceCode)
		}
	}
	if _, ok := l.Name("99.99"); ok {
		t.Fatal("unknown code found")
	}
}
