package sheet

import (
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/wilayah"
)

func TestParseDateEveryOfficeForm(t *testing.T) {
	d := agreement.NewDate
	cases := []struct {
		in   string
		want agreement.Date
		p    Precision
	}{
		{"45842", d(2025, 7, 4), FullDate},      // Excel serial (a date cell read raw)
		{"45842.5", d(2025, 7, 4), FullDate},    // with a time of day
		{"04-07-2025", d(2025, 7, 4), FullDate}, // day first
		{"4/7/2025", d(2025, 7, 4), FullDate},
		{"4.7.2025", d(2025, 7, 4), FullDate},
		{"04/07/25", d(2025, 7, 4), FullDate},
		{"2025-07-04", d(2025, 7, 4), FullDate},
		{"2025-07-04 00:00:00", d(2025, 7, 4), FullDate},
		{"4 Juli 2025", d(2025, 7, 4), FullDate},
		{"04 Jul 2025", d(2025, 7, 4), FullDate},
		{"Jumat, 4 Juli 2025", d(2025, 7, 4), FullDate},
		{"Jum'at, 4 Juli 2025", d(2025, 7, 4), FullDate},
		{"4 Agustus 2019", d(2019, 8, 4), FullDate},
		{"12 Nopember 2018", d(2018, 11, 12), FullDate},
		{"4-Jul-2025", d(2025, 7, 4), FullDate},
		{"4 Mrt 2019", d(2019, 3, 4), FullDate},
		{"Senin, 4 Maret 2019", d(2019, 3, 4), FullDate},
		{"Minggu, 3 Maret 2019", d(2019, 3, 3), FullDate},
		{"Selasa tanggal 4 Maret 2019", d(2019, 3, 4), FullDate}, // a wrong day name still reads (StatedWeekday tells)
		{"Juli 2025", d(2025, 7, 1), MonthOnly},
		{"2019", d(2019, 1, 1), YearOnly},
	}
	for _, c := range cases {
		got, p := ParseDatePrecision(c.in, false)
		if got != c.want || p != c.p {
			t.Errorf("%q: %v (%d), want %v (%d)", c.in, got, p, c.want, c.p)
		}
	}
	// The 1904 date system counts from 1904: 1462 days fewer for the same day.
	if got, _ := ParseDate("44380", true); got != d(2025, 7, 4) {
		t.Errorf("1904 serial: %v", got)
	}
	for _, bad := range []string{"", "31-02-2025", "kemarin", "4 Juli", "13/13/2025", "180/12/2019", "5 tahun", "123"} {
		if got, ok := ParseDate(bad, false); ok {
			t.Errorf("%q read as %v", bad, got)
		}
	}
}

func TestParseTerm(t *testing.T) {
	cases := []struct {
		in string
		n  int
		u  agreement.TermUnit
	}{
		{"5 tahun", 5, agreement.UnitTahun}, {"5 th", 5, agreement.UnitTahun}, {"5 thn", 5, agreement.UnitTahun},
		{"5 (lima) tahun", 5, agreement.UnitTahun}, {"lima tahun", 5, agreement.UnitTahun}, {"60 bulan", 60, agreement.UnitBulan},
		{"6 bln", 6, agreement.UnitBulan}, {"dua puluh empat bulan", 24, agreement.UnitBulan}, {"3", 3, agreement.UnitTahun},
		{"2 tahun 6 bulan", 30, agreement.UnitBulan}, {"1 th 3 bln", 15, agreement.UnitBulan},
	}
	for _, c := range cases {
		n, u, ok := ParseTerm(c.in)
		if !ok || n != c.n || u != c.u {
			t.Errorf("%q: %d %s %v", c.in, n, u, ok)
		}
	}
	for _, bad := range []string{"", "selamanya", "0 tahun", "5 minggu", "45842", "2 tahun 14 bulan", "6 bulan 2 tahun"} {
		if n, u, ok := ParseTerm(bad); ok {
			t.Errorf("%q read as %d %s", bad, n, u)
		}
	}
}

func TestStatedWeekday(t *testing.T) {
	cases := map[string]time.Weekday{"Senin, 4 Maret 2019": time.Monday, "Jum'at, 4 Juli 2025": time.Friday,
		"JUMAT 4-7-2025": time.Friday, "Ahad, 3 Maret 2019": time.Sunday, "tanggal 4 Maret 2019, Senin": -1,
		"4 Maret 2019": -1, "Monday 4 March 2019": time.Monday}
	for in, want := range cases {
		got, ok := StatedWeekday(in)
		if want < 0 && ok || want >= 0 && (!ok || got != want) {
			t.Errorf("%q: %v %v, want %v", in, got, ok, want)
		}
	}
}

func TestParseKindAndStatus(t *testing.T) {
	kinds := map[string]agreement.Kind{"MoU": agreement.KindKSB, "Kesepakatan Bersama": agreement.KindKSB, "Nota Kesepahaman": agreement.KindKSB,
		"PKS": agreement.KindPKS, "Perjanjian Kerja Sama": agreement.KindPKS, "Nota Kesepakatan": agreement.KindNK,
		"Adendum": agreement.KindAdendum, "Addendum PKS": agreement.KindAdendum, "Perpanjangan": agreement.KindPerpanjangan,
		"KB": agreement.KindKSB, "Naskah Kesepakatan Kerja Bersama": agreement.KindKSB}
	for in, want := range kinds {
		if got, ok := ParseKind(in); !ok || got != want {
			t.Errorf("kind %q: %s", in, got)
		}
	}
	if k, ok := ParseKind("Surat biasa"); ok {
		t.Errorf("kind of a letter: %s", k)
	}
	statuses := map[string]agreement.Status{"Aktif": agreement.StatusDitandatangani, "Berakhir": agreement.StatusDitandatangani,
		"Masih berlaku": agreement.StatusDitandatangani, "Dibatalkan": agreement.StatusDibatalkan, "Draft": agreement.StatusKonsep,
		"Belum ditandatangani": agreement.StatusKonsep, "Akan Berakhir": agreement.StatusDitandatangani}
	for in, want := range statuses {
		if got, ok := ParseStatus(in); !ok || got != want {
			t.Errorf("status %q: %s", in, got)
		}
	}
}

func TestMatchPartnersAsStaffWriteThem(t *testing.T) {
	regions := wilayah.MustLoad()
	registry := []agreement.Party{
		{ID: 1, Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Sumedang", RegionCode: "32.11", Own: true},
		{ID: 2, Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Lampung Selatan", ShortName: "Pemkab Lampung Selatan", RegionCode: "18.01"},
		{ID: 5, Kind: agreement.PartyPT, Name: "Universitas Padjadjaran", ShortName: "Unpad"},
	}
	m := NewMatcher(registry, regions)
	for _, c := range []struct {
		text string
		id   agreement.ID
		how  How
	}{
		{"Pemkab Lampung Selatan", 2, Exact},
		{"Kab. Lampung Selatan", 2, Exact},
		{"Lampung Selatan", 2, Exact},
		{"KAB. LAMSEL", 2, Approximate},
		{"Pemerintah Kabupaten Lampung Selatan", 2, Exact},
		{"UNPAD", 5, Exact},
	} {
		got := m.Find(c.text)
		if got.PartyID != c.id || got.How != c.how {
			t.Errorf("%q: party %d how %d (%s), want %d how %d", c.text, got.PartyID, got.How, got.Name, c.id, c.how)
		}
	}
	// Regions not in the registry become new instansi of the region list.
	for text, code := range map[string]string{"Pemprov Jabar": "32", "Pemkot Bandung": "32.73", "Kota Bandung": "32.73", "Provinsi Jawa Barat": "32", "kab. sumedang": "32.11"} {
		got := m.Find(text)
		if text == "kab. sumedang" {
			// Our own office is never a partner: the region is offered as new.
			if got.Party == nil || got.Party.RegionCode != code {
				t.Errorf("%q: %+v", text, got)
			}
			continue
		}
		if got.Party == nil || got.Party.RegionCode != code || got.PartyID != 0 {
			t.Errorf("%q: %+v, want new party of region %s", text, got, code)
		}
	}
	if got := m.Find("Bandung"); got.How != Ambiguous || got.Party.RegionCode != "32.04" || len(got.Others) == 0 {
		t.Errorf("Bandung: %+v (want Kabupaten Bandung, ambiguous with Kota Bandung)", got)
	}
	got := m.Find("PT Bank Pembangunan Daerah Jawa Barat dan Banten")
	if got.How != New || got.Party == nil || got.Party.Kind != agreement.PartyBUMD {
		t.Errorf("bank: %+v", got)
	}
	if got := m.Find("Universitas Lampung"); got.How != New || got.Party.Kind != agreement.PartyPT {
		t.Errorf("university: %+v", got)
	}
}

// A "Keterangan" column that holds statuses is proposed as the status; a
// running number is left out; a date column without a known header is a date.
func TestProposeFromContents(t *testing.T) {
	tb := &Table{Header: []string{"No", "Nomor", "Perihal", "Mitra", "Kolom 5", "Keterangan"}}
	for i, r := range [][]string{
		{"1", "180/1/2019", "Pariwisata", "Kab. Lampung Selatan", "4 Juli 2019", "Aktif"},
		{"2", "180/2/2019", "Sampah", "Kota Bandung", "12-08-2019", "Berakhir"},
		{"3", "180/3/2019", "Jalan", "Pemprov Jabar", "45842", "Dibatalkan"},
	} {
		tb.Rows = append(tb.Rows, Row{Line: i + 2, Cells: r})
	}
	got := Propose(tb)
	want := Mapping{Skip, Number, Subject, Partner, Signed, Status}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("column %s: %q, want %q", tb.Header[i], got[i], want[i])
		}
	}
}
