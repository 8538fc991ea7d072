package bahasa

import (
	"strings"
	"testing"
	"time"
)

func TestTerbilangBoundaries(t *testing.T) {
	cases := []struct {
		n    uint64
		want string
	}{
		{0, "nol"}, {1, "satu"}, {9, "sembilan"},
		{10, "sepuluh"}, {11, "sebelas"}, {12, "dua belas"},
		{19, "sembilan belas"}, {20, "dua puluh"}, {21, "dua puluh satu"},
		{99, "sembilan puluh sembilan"}, {100, "seratus"}, {101, "seratus satu"},
		{110, "seratus sepuluh"}, {111, "seratus sebelas"}, {112, "seratus dua belas"},
		{200, "dua ratus"}, {999, "sembilan ratus sembilan puluh sembilan"},
		{1000, "seribu"}, {1001, "seribu satu"}, {1100, "seribu seratus"},
		{2000, "dua ribu"}, {2025, "dua ribu dua puluh lima"},
		{10_000, "sepuluh ribu"}, {11_000, "sebelas ribu"}, {100_000, "seratus ribu"},
		{101_000, "seratus satu ribu"}, {999_999, "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan"},
		{1_000_000, "sejuta"}, {1_000_001, "sejuta satu"}, {2_000_000, "dua juta"},
		{1_001_000, "sejuta seribu"}, {1_000_000_000, "satu miliar"},
		{1_000_000_000_000, "satu triliun"}, {1_000_000_000_000_000, "seribu triliun"},
		{999_000_000_000_000_000, "sembilan ratus sembilan puluh sembilan ribu triliun"},
	}
	for _, c := range cases {
		got := Terbilang(c.n)
		if got != c.want {
			t.Errorf("Terbilang(%d) = %q, want %q", c.n, got, c.want)
		}
		if strings.Contains(got, "  ") || strings.TrimSpace(got) != got {
			t.Errorf("Terbilang(%d) has stray spaces: %q", c.n, got)
		}
		if back, ok := ParseTerbilang(got); !ok || back != c.n {
			t.Errorf("ParseTerbilang(%q) = %d, %v", got, back, ok)
		}
	}
	if _, err := TerbilangErr(MaxTerbilang + 1); err == nil {
		t.Error("beyond 999 999 triliun accepted")
	}
	if got := TitleCase(Terbilang(2025)); got != "Dua Ribu Dua Puluh Lima" {
		t.Errorf("title case %q", got)
	}
}

func FuzzTerbilangRoundTrip(f *testing.F) {
	for _, n := range []uint64{0, 1, 11, 19, 100, 111, 1000, 1001, 2025, 1_000_000, 1_000_001, MaxTerbilang} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n uint64) {
		n %= MaxTerbilang + 1
		s := Terbilang(n)
		if strings.Contains(s, "  ") || strings.TrimSpace(s) != s || s == "" {
			t.Fatalf("%d: %q", n, s)
		}
		back, ok := ParseTerbilang(s)
		if !ok || back != n {
			t.Fatalf("%d → %q → %d (%v)", n, s, back, ok)
		}
	})
}

func TestFixedForms(t *testing.T) {
	if got := Quantity(5, "tahun"); got != "5 (lima) tahun" {
		t.Error(got)
	}
	if got := Rangkap(2); got != "rangkap 2 (dua)" {
		t.Error(got)
	}
	if got := Rupiah(10_000); got != "Rp10.000,00 (sepuluh ribu rupiah)" {
		t.Error(got)
	}
	if got := Rupiah(1_250_000_000); got != "Rp1.250.000.000,00 (satu miliar dua ratus lima puluh juta rupiah)" {
		t.Error(got)
	}
	if got := Rupiah(0); got != "Rp0,00 (nol rupiah)" {
		t.Error(got)
	}
}

func TestDatePhrases(t *testing.T) {
	d := time.Date(2025, time.July, 4, 0, 0, 0, 0, time.UTC)
	if got := OpeningDate(d, OpeningOptions{}); got != "Pada hari ini Jumat tanggal empat bulan Juli tahun dua ribu dua puluh lima" {
		t.Error(got)
	}
	if got := OpeningDate(d, OpeningOptions{Numeric: true, TitleCase: true}); got != "Pada hari ini Jumat tanggal Empat bulan Juli tahun Dua Ribu Dua Puluh Lima (04-07-2025)" {
		t.Error(got)
	}
	sep := time.Date(2025, time.September, 15, 0, 0, 0, 0, time.UTC)
	if got := OpeningDate(sep, OpeningOptions{}); got != "Pada hari ini Senin tanggal lima belas bulan September tahun dua ribu dua puluh lima" {
		t.Error(got)
	}
	if got := ShortDate(d); got != "4 Juli 2025" {
		t.Error(got)
	}
	// Every day of a year gets the day name of its weekday.
	want := []string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
	for day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() == 2024; day = day.AddDate(0, 0, 1) {
		if !strings.Contains(OpeningDate(day, OpeningOptions{}), "hari ini "+want[day.Weekday()]+" tanggal") {
			t.Fatalf("%v", day)
		}
	}
}
