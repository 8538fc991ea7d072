package sheet_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/sheet"
	"sepakat/internal/store"
)

var today = time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)

// openStore is a real data file with the three examples: our office is
// Kabupaten Sumedang, Lampung Selatan and Lampung Timur are in the registry.
func openStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{Now: func() time.Time { return today }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	return s
}

// book makes a workbook: sheets of rows (nil cells stay empty), then edit.
func book(t testing.TB, sheets map[string][][]any, order []string, edit func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	for i, name := range order {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if edit != nil {
		edit(f)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// dateCell writes a real date cell (a serial with a date format).
func dateCell(t testing.TB, f *excelize.File, sheetName, cell string, d time.Time) {
	t.Helper()
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err := f.SetCellValue(sheetName, cell, d); err != nil {
		t.Fatal(err)
	}
	f.SetCellStyle(sheetName, cell, cell, style)
}

var cleanHeader = []any{"No", "Nomor", "Nomor Mitra", "Jenis", "Tentang", "Mitra", "Tanggal TTD", "Mulai", "Berakhir", "Jangka Waktu", "Status", "Perangkat Daerah", "Penandatangan", "Keterangan"}

func cleanRows() [][]any {
	return [][]any{
		{"DAFTAR KERJA SAMA PEMERINTAH KABUPATEN SUMEDANG"},
		{"Tahun 2018–2020"},
		cleanHeader,
		{1, "180/12/KSB/2018", "415.4/07/2018", "MoU", "Penyelenggaraan Pelayanan Publik", "Pemkab Lampung Selatan", "04-07-2018", "04-07-2018", "", "5 tahun", "Berakhir", "Bagian Pemerintahan", "Bupati Sumedang; Bupati Lampung Selatan", "arsip lemari 2"},
		{2, "180/13/PKS/2019", "", "PKS", "Pengembangan Pariwisata", "KAB. LAMSEL", "Jumat, 4 Juli 2019", "", "3 Juli 2022", "", "Aktif", "Dinas Pariwisata", "", ""},
		{3, "180/14/KSB/2020", "", "Kesepakatan Bersama", "Pembangunan Infrastruktur Jalan", "Pemprov Jabar", "", "1 Maret 2020", "", "60 bulan", "", "Dinas PUPR", "", ""},
		{4, "180/15/PKS/2020", "", "Perjanjian Kerja Sama", "Magang Mahasiswa", "Universitas Padjadjaran", nil, "2020", "", "2 th", "", "", "", ""},
	}
}

func read(t testing.TB, name string, data []byte, sheetName string) *sheet.Table {
	t.Helper()
	tb, err := sheet.Read(name, data, sheetName)
	if err != nil {
		t.Fatalf("read %s: %v", name, service.Message(err, i18n.ID))
	}
	return tb
}

func plan(t testing.TB, s *store.Store, tb *sheet.Table) *sheet.Plan {
	t.Helper()
	env, err := sheet.NewEnv(s, s, s, today)
	if err != nil {
		t.Fatal(err)
	}
	return sheet.NewPlan(tb, sheet.Propose(tb), env)
}

func TestCleanSheetImports(t *testing.T) {
	s := openStore(t)
	data := book(t, map[string][][]any{"2018-2020": cleanRows()}, []string{"2018-2020"}, func(f *excelize.File) {
		// The title above the table may be merged: it is not part of the table.
		f.MergeCell("2018-2020", "A1", "N1")
		dateCell(t, f, "2018-2020", "G6", time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC))
	})
	tb := read(t, "daftar lama.xlsx", data, "")
	if tb.HeaderLine != 3 || len(tb.Rows) != 4 || tb.Sheet != "2018-2020" {
		t.Fatalf("header at %d, %d rows, sheet %q", tb.HeaderLine, len(tb.Rows), tb.Sheet)
	}
	m := sheet.Propose(tb)
	want := sheet.Mapping{sheet.Skip, sheet.Number, sheet.PartnerNumber, sheet.Kind, sheet.Subject, sheet.Partner, sheet.Signed, sheet.Start, sheet.End, sheet.Term, sheet.Status, sheet.Implementer, sheet.Signer, sheet.Notes}
	if len(m) != len(want) {
		t.Fatalf("mapping %v", m)
	}
	for i := range want {
		if m[i] != want[i] {
			t.Errorf("column %s (%s) proposed %q, want %q", sheet.ColumnName(i), tb.Header[i], m[i], want[i])
		}
	}
	p := plan(t, s, tb)
	for _, r := range p.Rows {
		if len(r.Problems) > 0 {
			t.Errorf("row %d: %v", r.Line, r.Problems)
		}
	}
	before, _ := s.Total()
	c, err := sheet.Apply(context.Background(), s, p)
	if err != nil {
		t.Fatalf("apply: %v", service.Message(err, i18n.ID))
	}
	if c.Accepted != 4 || c.NewParties != 2 {
		t.Errorf("counts %+v, want 4 accepted, 2 new instansi (Jawa Barat, Unpad)", c)
	}
	after, _ := s.Total()
	if after != before+4 {
		t.Fatalf("total %d → %d", before, after)
	}
	// Read the records back from the data file.
	byNumber := map[string]agreement.Agreement{}
	off, _ := s.Offsets()
	for id := agreement.ID(4); id <= off.Agreement; id++ {
		a, err := s.Agreement(id)
		if err != nil {
			t.Fatal(err)
		}
		byNumber[a.OwnNumber()] = a
	}
	a := byNumber["180/12/KSB/2018"]
	if a.Kind != agreement.KindKSB || a.Status != agreement.StatusDitandatangani || a.Signing == nil || a.Signing.Date != agreement.NewDate(2018, 7, 4) ||
		a.Term.End != agreement.NewDate(2023, 7, 3) || a.Parties[1].PartyID != 2 || a.PartnerNumber() != "415.4/07/2018" ||
		len(a.Signing.Signers) != 2 || a.Signing.Signers[1].Name != "Bupati Lampung Selatan" || a.Notes != "arsip lemari 2" ||
		a.Imported == nil || a.Imported.Row != 4 || a.Imported.Source != "daftar lama.xlsx, lembar 2018-2020" || a.Category != agreement.CatKSDD {
		t.Errorf("row 4 saved as %+v", a)
	}
	if ph := a.PhaseAt(today, 90); ph != agreement.PhaseBerakhir {
		t.Errorf("2018 MoU of five years is %s, want berakhir", ph)
	}
	a = byNumber["180/13/PKS/2019"]
	if a.Kind != agreement.KindPKS || a.Signing.Date != agreement.NewDate(2019, 7, 4) || a.Term.End != agreement.NewDate(2022, 7, 3) || a.Parties[1].PartyID != 2 {
		t.Errorf("KAB. LAMSEL row saved as %+v", a)
	}
	a = byNumber["180/14/KSB/2020"]
	p3, _ := s.Party(a.Parties[1].PartyID)
	if p3.RegionCode != "32" || p3.Kind != agreement.PartyPemprov || a.Signing.Date != agreement.NewDate(2020, 3, 1) || a.Term.End != agreement.NewDate(2025, 2, 28) {
		t.Errorf("Pemprov Jabar row saved as %+v with partner %+v", a, p3)
	}
	a = byNumber["180/15/PKS/2020"]
	p4, _ := s.Party(a.Parties[1].PartyID)
	if p4.Name != "Universitas Padjadjaran" || p4.Kind != agreement.PartyPT || a.Term.Start != agreement.NewDate(2020, 1, 1) {
		t.Errorf("Unpad row saved as %+v with partner %+v", a, p4)
	}
	if len(p.Rows[3].Warnings) == 0 {
		t.Error("a year alone gives no warning")
	}
	// 4 July 2019 was a Thursday: the register's "Jumat" is a slip the row
	// goes in with, said beside it; row 1 names no day and gets no such word.
	weekday := func(r sheet.PlanRow) string {
		for _, w := range r.Warnings {
			if strings.Contains(w.ID, "jatuh pada hari") {
				return w.ID
			}
		}
		return ""
	}
	if got := weekday(p.Rows[1]); !strings.Contains(got, "4 Juli 2019 jatuh pada hari Kamis, bukan Jumat") {
		t.Errorf("row with Jumat, 4 Juli 2019: weekday warning %q", got)
	}
	if got := weekday(p.Rows[0]); got != "" {
		t.Errorf("row without a day name: %q", got)
	}
}

// refusal asserts that reading data is refused with words containing want,
// in Indonesian, and that the data file did not change.
func refusal(t *testing.T, s *store.Store, name string, data []byte, sheetName, want string) {
	t.Helper()
	before, _ := s.Total()
	_, err := sheet.Read(name, data, sheetName)
	var se *sheet.Error
	if !errors.As(err, &se) {
		t.Fatalf("%s: %v, want a refusal", name, err)
	}
	if msg := service.Message(err, i18n.ID); !strings.Contains(msg, want) {
		t.Errorf("%s: %q, want %q", name, msg, want)
	}
	if msg := service.Message(err, i18n.EN); msg == "" || strings.Contains(msg, "%!") {
		t.Errorf("%s: English %q", name, msg)
	}
	if after, _ := s.Total(); after != before {
		t.Errorf("%s: total %d → %d", name, before, after)
	}
}

func TestMessySheetsAreRefusedInWords(t *testing.T) {
	s := openStore(t)
	one := func(rows [][]any, edit func(f *excelize.File)) []byte {
		return book(t, map[string][][]any{"Daftar": rows}, []string{"Daftar"}, edit)
	}
	// Merged header cells: "Tanggal" over two columns.
	refusal(t, s, "gabung.xlsx", one(cleanRows(), func(f *excelize.File) { f.MergeCell("Daftar", "G3", "H3") }), "", "sel gabungan G3:H3")
	// A formula in the data.
	refusal(t, s, "rumus.xlsx", one(cleanRows(), func(f *excelize.File) { f.SetCellFormula("Daftar", "I4", "G4+1825") }), "", "Sel I4 di lembar \"Daftar\" berisi rumus (=G4+1825)")
	// No header row.
	refusal(t, s, "tanpajudul.xlsx", one(cleanRows()[3:], nil), "", "tidak mempunyai baris judul kolom")
	// A header repeated inside the table (two years pasted one under the other).
	rows := append(cleanRows(), cleanHeader, cleanRows()[4])
	refusal(t, s, "ulang.xlsx", one(rows, nil), "", "Baris judul kolom terulang di baris 8")
	// A column of data without a header.
	rows = cleanRows()
	rows[2] = append([]any{}, cleanHeader...)
	rows[2][4] = ""
	refusal(t, s, "judulkosong.xlsx", one(rows, nil), "", "kosong pada kolom E")
	// An empty sheet.
	refusal(t, s, "kosong.xlsx", one(nil, nil), "", "kosong")
	// A hidden sheet: named when chosen; the visible one is read.
	two := book(t, map[string][][]any{"2019": cleanRows(), "Rahasia": cleanRows()}, []string{"2019", "Rahasia"}, func(f *excelize.File) {
		f.SetSheetVisible("Rahasia", false)
	})
	refusal(t, s, "tersembunyi.xlsx", two, "Rahasia", "Lembar \"Rahasia\" tersembunyi")
	tb := read(t, "tersembunyi.xlsx", two, "")
	if tb.Sheet != "2019" || len(tb.Hidden) != 1 || tb.Hidden[0] != "Rahasia" {
		t.Errorf("read %q, hidden %v", tb.Sheet, tb.Hidden)
	}
	refusal(t, s, "tersembunyi.xlsx", two, "2021", "Lembar \"2021\" tidak ada")
	// The old binary format, by its signature whatever the name says.
	xls := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	xls = append(xls, []byte("W\x00o\x00r\x00k\x00b\x00o\x00o\x00k\x00")...)
	refusal(t, s, "daftar.xls", xls, "", "format Excel lama (.xls)")
	refusal(t, s, "daftar.xlsx", xls, "", "Simpan Sebagai")
	// A password-protected workbook is an OLE file with an EncryptionInfo stream.
	enc := append(append([]byte{}, xls[:512]...), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...)
	refusal(t, s, "sandi.xlsx", enc, "", "dilindungi kata sandi")
	// A damaged file: a workbook cut in half.
	good := one(cleanRows(), nil)
	refusal(t, s, "rusak.xlsx", good[:len(good)/2], "", "rusak")
	refusal(t, s, "foto.png", []byte("\x89PNG\r\n"), "", "bukan lembar kerja yang dikenal")
}

func TestTooManyRowsRefused(t *testing.T) {
	s := openStore(t)
	var b strings.Builder
	b.WriteString("Nomor;Tentang;Mitra;Tanggal\n")
	for i := 0; i < sheet.MaxRows+1; i++ {
		b.WriteString("1/" + strings.Repeat("x", 1) + ";Kerja sama;Kab. Lampung Timur;04-07-2019\n")
	}
	refusal(t, s, "besar.csv", []byte(b.String()), "", "10001 baris data; satu impor paling banyak 10000")
	for i := 0; i < 40000; i++ {
		b.WriteString("2/x;Kerja sama;Kab. Lampung Timur;04-07-2019\n")
	}
	refusal(t, s, "sangatbesar.csv", []byte(b.String()), "", "50001 baris data")
	rows := [][]any{{"Nomor", "Tentang", "Mitra", "Tanggal"}}
	for i := 0; i < sheet.MaxRows+1; i++ {
		rows = append(rows, []any{i, "Kerja sama", "Kab. Lampung Timur", "04-07-2019"})
	}
	refusal(t, s, "besar.xlsx", book(t, map[string][][]any{"A": rows}, []string{"A"}, nil), "", "10001 baris data")
}

// Duplicate numbers, within the file or against the register, keep their
// rows out; a plan whose every row has a problem writes nothing.
func TestDuplicateNumbers(t *testing.T) {
	s := openStore(t)
	rows := cleanRows()
	rows[4][1] = "180/12/KSB/2018"    // same as row 4
	rows[5][1] = "61/KSB.05-Huk/2025" // our number of example 2
	tb := read(t, "ganda.xlsx", book(t, map[string][][]any{"D": rows}, []string{"D"}, nil), "")
	p := plan(t, s, tb)
	has := func(i int, want string) {
		t.Helper()
		for _, pr := range p.Rows[i].Problems {
			if strings.Contains(pr.ID, want) {
				return
			}
		}
		t.Errorf("row %d problems %v, want %q", p.Rows[i].Line, p.Rows[i].Problems, want)
	}
	has(1, "sama dengan baris 4")
	has(2, "sudah ada di daftar perjanjian")
	if c := p.Counts(); c.Accepted != 2 || c.Refused != 2 {
		t.Errorf("counts %+v", c)
	}
	// Leave out the good rows too: nothing to write, and nothing written.
	p.Rows[0].Skip, p.Rows[3].Skip = true, true
	before, _ := s.Total()
	if _, err := sheet.Apply(context.Background(), s, p); err == nil || !strings.Contains(service.Message(err, i18n.ID), "Tidak ada yang disimpan") {
		t.Errorf("apply of nothing: %v", err)
	}
	if after, _ := s.Total(); after != before {
		t.Errorf("total %d → %d", before, after)
	}
}

// A plan whose rows pass on their own but that the store refuses (a number
// another import took in between) writes nothing at all.
func TestRefusedImportChangesNothing(t *testing.T) {
	s := openStore(t)
	tb := read(t, "a.xlsx", book(t, map[string][][]any{"D": cleanRows()}, []string{"D"}, nil), "")
	p := plan(t, s, tb)
	// Another window saves an agreement carrying row 6's number meanwhile.
	a, _ := s.Agreement(2)
	a.ID, a.Rev = 0, 0
	a.Status, a.Signing = agreement.StatusKonsep, nil
	for i := range a.Parties {
		if a.Parties[i].Own {
			a.Parties[i].Number = "180/14/KSB/2020"
		}
	}
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Total()
	parties, _ := s.Parties()
	if _, err := sheet.Apply(context.Background(), s, p); err == nil {
		t.Fatal("import over a taken number and IDs accepted")
	}
	after, _ := s.Total()
	parties2, _ := s.Parties()
	if after != before || len(parties2) != len(parties) {
		t.Errorf("refused import changed the file: %d → %d agreements, %d → %d parties", before, after, len(parties), len(parties2))
	}
}
