package sheet_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/sheet"
)

// csvPlan reads a semicolon CSV made of lines and plans it against s.
func csvPlan(t *testing.T, lines ...string) *sheet.Plan {
	t.Helper()
	s := openStore(t)
	tb := read(t, "daftar.csv", []byte(strings.Join(lines, "\r\n")+"\r\n"), "")
	return plan(t, s, tb)
}

func warnings(r *sheet.PlanRow) string {
	var out []string
	for _, w := range r.Warnings {
		out = append(out, w.In(i18n.ID))
	}
	return strings.Join(out, " | ")
}

// An Adendum citing its parent's number in plain words ("Adendum PKS …
// tentang …") hangs under it and lives as long as it; one with no parent
// and no end is flagged.
func TestAdendumCitingNumberInWords(t *testing.T) {
	p := csvPlan(t,
		"No;Nomor Perjanjian;Jenis;Tentang;Mitra;Tgl TTD;Jangka Waktu;Keterangan",
		"1;180/02/PKS/2019;PKS;Pengelolaan Sampah Regional;Kab. Lampung Selatan;04/03/2019;60 bulan;",
		"2;180/05/ADD/2022;Adendum;Adendum PKS 180 / 02 / PKS / 2019 tentang Pengelolaan Sampah Regional;Kabupaten Lampung Selatan;Rabu, 12 Januari 2022;;",
		"3;180/06/ADD/2022;Adendum;Perubahan Jadwal Kegiatan;Kabupaten Lampung Selatan;12-01-2022;;lihat juga 999/1/2019",
	)
	r := &p.Rows[1]
	if r.Parent.Row != 0 || problems(r) != "" {
		t.Fatalf("row 2: parent %+v, problems %q", r.Parent, problems(r))
	}
	// It keeps no copy of the parent's end: in the register it ends with
	// its parent, and follows the parent's extensions.
	if got, want := r.End(), agreement.NewDate(2024, 3, 3); got != want || !r.Agreement.Term.End.IsZero() {
		t.Errorf("row 2 ends %v (its own end %v), want its parent's end %v", got, r.Agreement.Term.End, want)
	}
	if got := r.Phase(time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)); got != agreement.PhaseBerakhir {
		t.Errorf("row 2 after its parent's end is %s", got)
	}
	if w := warnings(r); strings.Contains(w, "tidak punya tanggal berakhir") {
		t.Errorf("linked adendum warned: %q", w)
	}
	u := &p.Rows[2]
	if u.Parent.Found() || problems(u) != "" {
		t.Fatalf("row 3: parent %+v, problems %q", u.Parent, problems(u))
	}
	if w := warnings(u); !strings.Contains(w, "Adendum ini tidak punya tanggal berakhir") || !strings.Contains(w, "dihitung berlaku sampai tanggal berakhirnya diisi") {
		t.Errorf("row 3 warnings %q", w)
	}
	// Unlinked by hand: the inherited end goes, the warning comes.
	p.SetParent(1, "")
	if !p.Rows[1].End().IsZero() || !strings.Contains(warnings(&p.Rows[1]), "tidak punya tanggal berakhir") {
		t.Errorf("row 2 unlinked: end %v, warnings %q", p.Rows[1].End(), warnings(&p.Rows[1]))
	}
}

// A row naming our own office as the partner is refused, and no instansi
// of our office is made.
func TestPartnerIsOwnOffice(t *testing.T) {
	p := csvPlan(t,
		"No;Nomor;Tentang;Mitra;Tgl TTD;Jangka Waktu",
		"1;180/1/2024;Kerja Sama Pendidikan;Pemkab Sumedang;04-07-2024;5 tahun",
		"2;180/2/2024;Kerja Sama Kesehatan;Kabupaten Sumedang;04-07-2024;5 tahun",
		"3;180/3/2024;Kerja Sama Sampah;Kab. Lampung Selatan;04-07-2024;5 tahun",
	)
	for i := 0; i < 2; i++ {
		if got := problems(&p.Rows[i]); !strings.Contains(got, "adalah instansi kita sendiri (Pemerintah Kabupaten Sumedang); tulis nama mitranya") || p.Rows[i].OK() {
			t.Errorf("row %d: problems %q", i+2, got)
		}
	}
	if !p.Rows[2].OK() {
		t.Errorf("row 4: %q", problems(&p.Rows[2]))
	}
	if np := p.NewParties(); len(np) != 0 {
		t.Errorf("new instansi %+v", np)
	}
}

// "Aktif" on the sheet while the dates say it ended (and the reverse) is
// worth a look; it is imported as the dates say.
func TestStatusAgainstDates(t *testing.T) {
	p := csvPlan(t,
		"No;Nomor;Tentang;Mitra;Tgl TTD;Jangka Waktu;Keterangan",
		"1;180/1/2019;Pengelolaan Sampah;Kab. Lampung Selatan;04/03/2019;60 bulan;Aktif",
		"2;180/2/2024;Kerja Sama Pendidikan;Kab. Lampung Selatan;04-07-2024;5 tahun;Sudah berakhir",
		"3;180/3/2024;Kerja Sama Kesehatan;Kab. Lampung Selatan;04-07-2024;5 tahun;Aktif",
	)
	if p.Mapping[6] != sheet.Status {
		t.Fatalf("mapping %v", p.Mapping)
	}
	r := &p.Rows[0]
	if w := warnings(r); !strings.Contains(w, `Di daftar lama statusnya "Aktif", tetapi menurut tanggalnya perjanjian ini berakhir 3 Maret 2024; diimpor sebagai Berakhir. Bila sudah diperpanjang, impor atau catat perpanjangannya`) || !r.OK() {
		t.Errorf("row 2: warnings %q problems %q", w, problems(r))
	}
	if w := warnings(&p.Rows[1]); !strings.Contains(w, "berlaku sampai 3 Juli 2029") {
		t.Errorf("row 3: warnings %q", w)
	}
	if w := warnings(&p.Rows[2]); strings.Contains(w, "Di daftar lama statusnya") {
		t.Errorf("row 4: warnings %q", w)
	}
}

// A signed agreement dated after today is refused; a draft's date is kept
// as the planned one.
func TestSigningDateInFuture(t *testing.T) {
	p := csvPlan(t,
		"No;Nomor;Tentang;Mitra;Tgl TTD;Jangka Waktu;Status",
		"1;180/1/2030;Pengelolaan Sampah;Kab. Lampung Selatan;4 Maret 2030;5 tahun;",
		"2;180/2/2030;Kerja Sama Pendidikan;Kab. Lampung Selatan;4 Maret 2030;5 tahun;Konsep",
	)
	r := &p.Rows[0]
	if got := problems(r); !strings.Contains(got, "Tanggal tanda tangan 4 Maret 2030 belum tiba (hari ini 30 November 2026)") || r.OK() {
		t.Errorf("row 2: problems %q", got)
	}
	d := &p.Rows[1]
	if !d.OK() || d.Agreement.Status != agreement.StatusKonsep || !strings.Contains(warnings(d), "dicatat sebagai rencana") ||
		!strings.Contains(d.Agreement.Notes, "Rencana tanggal tanda tangan: 4 Maret 2030") {
		t.Errorf("row 3: problems %q warnings %q notes %q", problems(d), warnings(d), d.Agreement.Notes)
	}
}

// The mapping step shows date cells as dates, not as serial numbers; a
// number that is not a date stays a number.
func TestSamplesShowDateCells(t *testing.T) {
	rows := [][]any{
		{"No", "Nomor", "Tentang", "Mitra", "Tgl TTD", "Berakhir"},
		{1, "180/1/2025", "Pengelolaan Sampah", "Kab. Lampung Selatan", nil, nil},
		{2, "180/2/2025", "Pendidikan", "Kab. Lampung Selatan", "5 Juli 2025", nil},
	}
	data := book(t, map[string][][]any{"Daftar": rows}, []string{"Daftar"}, func(f *excelize.File) {
		dateCell(t, f, "Daftar", "E2", time.Date(2025, 7, 4, 0, 0, 0, 0, time.UTC))
		custom := `d mmmm yyyy;@`
		style, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
		f.SetCellValue("Daftar", "F2", time.Date(2030, 7, 3, 0, 0, 0, 0, time.UTC))
		f.SetCellStyle("Daftar", "F2", "F2", style)
	})
	tb := read(t, "daftar.xlsx", data, "")
	if tb.Rows[0].Cells[4] != "45842" {
		t.Fatalf("raw cell %q", tb.Rows[0].Cells[4])
	}
	if got := strings.Join(tb.Samples(4, 3), " · "); got != "4 Juli 2025 · 5 Juli 2025" {
		t.Errorf("Tgl TTD samples %q", got)
	}
	if got := strings.Join(tb.Samples(5, 3), " · "); got != "3 Juli 2030" {
		t.Errorf("Berakhir samples %q", got)
	}
	if got := strings.Join(tb.Samples(0, 3), " · "); got != "1 · 2" {
		t.Errorf("No samples %q", got)
	}
}

// The words of the QA tester's findings: a date that does not exist, what
// to do with a duplicate number, which dates a term that does not fit gives
// way to, "5th", and a CSV named as a file, not as a sheet.
func TestMessagesSayWhatIsWrongAndWhatToDo(t *testing.T) {
	p := csvPlan(t,
		"No;Nomor;Tentang;Mitra;Tgl TTD;Mulai;Berakhir;Jangka Waktu",
		"1;180/1/2020;Pengelolaan Sampah;Kab. Lampung Selatan;31/04/2020;;;5 tahun",
		"2;180/2/2019;Pendidikan;Kab. Lampung Selatan;29 Februari 2019;;;5 tahun",
		"3;180/3/2020;Kesehatan;Kab. Lampung Selatan;01-01-2020;01-01-2020;30-06-2022;5 tahun",
		"4;180/3/2020;Kesehatan (salinan);Kab. Lampung Selatan;01-01-2020;;;5th",
	)
	if got := problems(&p.Rows[0]); got != `Tanggal tanda tangan "31/04/2020": tanggal itu tidak ada (April 2020 hanya sampai tanggal 30); perbaiki tanggalnya` {
		t.Errorf("row 2: %q", got)
	}
	if got := problems(&p.Rows[1]); got != `Tanggal tanda tangan "29 Februari 2019": tanggal itu tidak ada (Februari 2019 hanya sampai tanggal 28); perbaiki tanggalnya` {
		t.Errorf("row 3: %q", got)
	}
	if got := warnings(&p.Rows[2]); !strings.Contains(got, `Jangka waktu "5 tahun" tidak cocok dengan tanggalnya; yang dipakai tanggal mulai dan berakhir: 1 Januari 2020 s.d. 30 Juni 2022`) {
		t.Errorf("row 4: %q", got)
	}
	r := &p.Rows[3]
	if got := problems(r); got != `Nomor "180/3/2020" sama dengan baris 4; ubah nomor salah satunya, atau jangan ikutkan salah satu baris` {
		t.Errorf("row 5: %q", got)
	}
	if r.Agreement.Term.Length != 5 || r.Agreement.Term.Unit != agreement.UnitTahun {
		t.Errorf("5th read as %+v", r.Agreement.Term)
	}

	for body, want := range map[string]string{
		"":                     "Berkas kosong.csv kosong: tidak ada satu baris pun yang berisi. Pilih berkas atau lembar yang memuat daftar perjanjian",
		";;\r\n;;\r\n":         "Berkas kosong.csv kosong",
		"No;Nomor;Tentang\r\n": "Berkas kosong.csv hanya berisi baris judul, tanpa data.",
	} {
		_, err := sheet.Read("kosong.csv", []byte(body), "")
		got := service.Message(err, i18n.ID)
		if !strings.HasPrefix(got, want) || strings.Contains(got, `Lembar ""`) {
			t.Errorf("%q: %q", body, got)
		}
	}
}

// A cover sheet first ("Rekap") with the table on the sheet the workbook
// opens at: that sheet is read; a chosen sheet without a header names the
// others and how to choose one; merged cells are named all at once.
func TestCoverSheetAndMergedRanges(t *testing.T) {
	s := openStore(t)
	cover := [][]any{{"REKAPITULASI KERJA SAMA"}, {"Jumlah perjanjian", 9}}
	sheets := map[string][][]any{"Rekap": cover, "Daftar": cleanRows()}
	activeDaftar := book(t, sheets, []string{"Rekap", "Daftar"}, func(f *excelize.File) { f.SetActiveSheet(1) })
	tb := read(t, "rekap.xlsx", activeDaftar, "")
	if tb.Sheet != "Daftar" || len(tb.Rows) == 0 {
		t.Fatalf("read sheet %q, %d rows", tb.Sheet, len(tb.Rows))
	}
	infos, err := sheet.Sheets("rekap.xlsx", activeDaftar)
	if err != nil || len(infos) != 2 || infos[0].Default || !infos[1].Default {
		t.Fatalf("sheets %+v %v", infos, err)
	}
	// The cover is active and has no header: the refusal names the others.
	activeRekap := book(t, sheets, []string{"Rekap", "Daftar"}, nil)
	refusal(t, s, "rekap.xlsx", activeRekap, "", `Lembar "Rekap" hanya berisi baris judul, tanpa data. Lembar lain`)
	refusal(t, s, "rekap.xlsx", activeRekap, "", `Lembar lain di berkas ini: Daftar. Bila daftarnya ada di lembar lain, pilih lembar itu: di jendela impor pada pilihan Lembar, atau dengan --sheet NAMA pada sepakat-cli.`)
	if tb := read(t, "rekap.xlsx", activeRekap, "Daftar"); tb.Sheet != "Daftar" {
		t.Errorf("chosen sheet %q", tb.Sheet)
	}
	// Two merges in the table: both named in one refusal.
	merged := book(t, map[string][][]any{"Daftar": cleanRows()}, []string{"Daftar"}, func(f *excelize.File) {
		f.MergeCell("Daftar", "G3", "H3")
		f.MergeCell("Daftar", "K4", "L4")
	})
	refusal(t, s, "gabung.xlsx", merged, "", "sel gabungan G3:H3, K4:L4")
}

// A title alone on the first sheet: no header, and the others named.
func TestTitleOnlySheetNamesTheOthers(t *testing.T) {
	s := openStore(t)
	data := book(t, map[string][][]any{"Sampul": {{"DAFTAR KERJA SAMA 2019"}}, "2019": cleanRows()}, []string{"Sampul", "2019"}, nil)
	refusal(t, s, "sampul.xlsx", data, "", `Lembar lain di berkas ini: 2019.`)
}

// An Adendum imported without a term ends with its parent in the register
// and follows the parent's later Perpanjangan, as a hand-made one does.
func TestImportedAdendumEndsWithParent(t *testing.T) {
	s := openStore(t)
	tb := read(t, "daftar.csv", []byte(strings.Join([]string{
		"No;Nomor Perjanjian;Jenis;Tentang;Mitra;Tgl TTD;Jangka Waktu;Nomor Induk",
		"1;180/02/PKS/2024;PKS;Pengelolaan Sampah Regional;Kab. Lampung Selatan;04/03/2024;2 tahun;",
		"2;180/05/ADD/2025;Adendum;Perubahan Jadwal;Kabupaten Lampung Selatan;12-01-2025;;180/02/PKS/2024",
	}, "\r\n")+"\r\n"), "")
	p := plan(t, s, tb)
	if w := warnings(&p.Rows[1]); w != "" || problems(&p.Rows[1]) != "" {
		t.Fatalf("the Adendum's row: warnings %q, problems %q", w, problems(&p.Rows[1]))
	}
	if _, err := sheet.Apply(context.Background(), s, p); err != nil {
		t.Fatal(err)
	}
	page, err := s.List(service.Query{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var pksID, addID agreement.ID
	for _, r := range page.Items {
		switch r.OwnNumber {
		case "180/02/PKS/2024":
			pksID = r.ID
		case "180/05/ADD/2025":
			addID = r.ID
		}
	}
	row := func() agreement.Summary {
		t.Helper()
		rows, err := s.Summaries([]agreement.ID{addID})
		if err != nil || len(rows) != 1 {
			t.Fatalf("the Adendum's row: %v %v", rows, err)
		}
		return rows[0]
	}
	if r := row(); r.End != agreement.NewDate(2026, 3, 3) || r.Phase(today, agreement.DefaultSoonDays) != agreement.PhaseBerakhir {
		t.Fatalf("the imported Adendum ends %v, %s; want its parent's 3 Maret 2026, Berakhir", r.End, r.Phase(today, agreement.DefaultSoonDays))
	}
	pks, err := s.Agreement(pksID)
	if err != nil {
		t.Fatal(err)
	}
	ppj, err := agreement.NewChild(&pks, agreement.KindPerpanjangan, today)
	if err != nil {
		t.Fatal(err)
	}
	// Brought in signed, as a later import would.
	ppj.Status, ppj.Signing = agreement.StatusDitandatangani, &agreement.Signing{Date: agreement.NewDate(2026, 3, 1)}
	ppj.Imported = &agreement.Imported{Source: "daftar 2026.csv", Row: 2, At: agreement.DateOf(today)}
	if err := s.SaveAgreement(&ppj); err != nil {
		t.Fatal(err)
	}
	if r := row(); r.End != agreement.NewDate(2028, 3, 3) || r.Phase(today, agreement.DefaultSoonDays) != agreement.PhaseBerlaku {
		t.Errorf("after the parent's Perpanjangan the Adendum ends %v, %s; want 3 Maret 2028, Berlaku", r.End, r.Phase(today, agreement.DefaultSoonDays))
	}
	// The register written out says so too, for the PKS and its Adendum.
	var buf bytes.Buffer
	if err := sheet.WriteFile(context.Background(), &buf, sheet.CSV, s, s, []agreement.ID{pksID, addID}, i18n.ID, today); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 || !strings.Contains(lines[1], "03-03-2028") || !strings.Contains(lines[2], "03-03-2028") || !strings.Contains(lines[2], "Berlaku") {
		t.Errorf("the register written out:\n%s", buf.String())
	}
}
