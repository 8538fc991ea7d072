package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sepakat/internal/i18n"
	"sepakat/internal/store"
)

func writeBook(t *testing.T, path string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func total(t *testing.T, db string) int {
	t.Helper()
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, _ := s.Total()
	return n
}

func TestImportSheet(t *testing.T) {
	dir, db := demoFile(t)
	book := filepath.Join(dir, "daftar lama.xlsx")
	writeBook(t, book, [][]any{
		{"No", "Nomor Surat", "Perihal", "Pihak Kedua", "Tgl", "Ket"},
		{1, "180/12/KSB/2018", "Pelayanan Publik", "Pemkab Lampung Selatan", "04-07-2018", "Kesepakatan Bersama"},
		{2, "180/13/PKS/2019", "Pariwisata", "Universitas Padjadjaran", "4 Juli 2019", "-"},
	})
	// A dry run shows the mapping and the plan and writes nothing.
	r := run(t, i18n.ID, "--db", db, "import-sheet", book, "--dry-run")
	if r.code != 0 || !strings.Contains(r.stdout, "B   Nomor Surat") || !strings.Contains(r.stdout, "→ Nomor") ||
		!strings.Contains(r.stdout, "instansi baru: Universitas Padjadjaran") || !strings.Contains(r.stderr, "Uji coba") {
		t.Fatalf("dry run: %+v", r)
	}
	if n := total(t, db); n != 3 {
		t.Fatalf("dry run wrote: %d agreements", n)
	}
	// A new instansi needs --yes.
	if r := run(t, i18n.ID, "--db", db, "import-sheet", book); r.code != ExitError || !strings.Contains(r.stderr, "1 instansi baru akan dibuat") {
		t.Fatalf("without --yes: %+v", r)
	}
	if n := total(t, db); n != 3 {
		t.Fatalf("refused import wrote: %d agreements", n)
	}
	// --map changes a column: "Ket" holds the kind here.
	r = run(t, i18n.ID, "--db", db, "import-sheet", book, "--yes", "--map", "Ket=jenis")
	if r.code != 0 || !strings.Contains(r.stderr, "Diimpor dari daftar lama.xlsx: 2 perjanjian, 1 instansi baru") {
		t.Fatalf("import: %+v", r)
	}
	if n := total(t, db); n != 5 {
		t.Fatalf("%d agreements after import", n)
	}
	// The mapping is remembered beside the data file for the same shape …
	saved, err := os.ReadFile(filepath.Join(dir, "pemetaan-impor.json"))
	if err != nil || !bytes.Contains(saved, []byte(`"jenis"`)) {
		t.Fatalf("mapping file: %s %v", saved, err)
	}
	// … and the same file again is refused whole: its numbers are taken.
	r = run(t, i18n.ID, "--db", db, "import-sheet", book, "--yes")
	if r.code != ExitError || !strings.Contains(r.stdout, "pemetaan tersimpan") || !strings.Contains(r.stdout, "sudah ada di daftar perjanjian") ||
		!strings.Contains(r.stderr, "Tidak ada yang diimpor: 2 baris bermasalah") {
		t.Fatalf("second import: %+v", r)
	}
	if n := total(t, db); n != 5 {
		t.Fatalf("second import wrote: %d agreements", n)
	}
	// A .xls is named for what it is, in English too.
	xls := filepath.Join(dir, "lama.xls")
	os.WriteFile(xls, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), 0o600)
	if r := run(t, i18n.EN, "--db", db, "import-sheet", xls); r.code != ExitError || !strings.Contains(r.stderr, "old Excel format (.xls)") {
		t.Fatalf(".xls: %+v", r)
	}
	if r := run(t, i18n.ID, "--db", db, "import-sheet", book, "--map", "Z=nomor"); r.code != ExitMisuse || !strings.Contains(r.stderr, "--map \"Z=nomor\" tidak dikenal") {
		t.Fatalf("bad map: %+v", r)
	}
}

func TestExportSheet(t *testing.T) {
	dir, db := demoFile(t)
	out := filepath.Join(dir, "daftar.xlsx")
	if r := run(t, i18n.ID, "--db", db, "export-sheet", out, "--kind", "ksb"); r.code != 0 || !strings.Contains(r.stderr, "2 perjanjian") {
		t.Fatalf("export: %+v", r)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Daftar")
	f.Close()
	if len(rows) != 3 || rows[0][0] != "Nomor" || rows[1][2] != "Kesepakatan Bersama" || rows[2][2] != "Kesepakatan Bersama" {
		t.Fatalf("rows %q", rows)
	}
	// Its date cells read back as dates in the mapping lines, not serials.
	r := run(t, i18n.ID, "--db", db, "import-sheet", out, "--dry-run")
	if !regexp.MustCompile(`→ Tanggal tanda tangan +\d{1,2} \p{L}+ \d{4}\n`).MatchString(r.stdout) {
		t.Errorf("mapping of the export:\n%s", r.stdout)
	}
	csvPath := filepath.Join(dir, "daftar.csv")
	if r := run(t, i18n.EN, "--db", db, "export-sheet", csvPath); r.code != 0 || !strings.Contains(r.stderr, "3 agreements") {
		t.Fatalf("csv: %+v", r)
	}
	b, _ := os.ReadFile(csvPath)
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBFNumber;Partner's number;Kind;Subject")) || bytes.Count(b, []byte("\r\n")) != 4 {
		t.Errorf("csv:\n%s", b)
	}
	if r := run(t, i18n.ID, "--db", db, "export-sheet", filepath.Join(dir, "x.pdf")); r.code != ExitMisuse {
		t.Errorf("pdf name: %+v", r)
	}
}

// An adendum names its parent in the dry run; one whose parent nobody has
// keeps the file out until --skip-bad, and the other goes in under its PKS.
func TestImportSheetAdendumParent(t *testing.T) {
	dir, db := demoFile(t)
	book := filepath.Join(dir, "adendum.xlsx")
	writeBook(t, book, [][]any{
		{"No", "Nomor", "Jenis", "Perihal", "Mitra", "Tanggal TTD", "Perjanjian yang diubah"},
		{1, "180/20/PKS/2021", "PKS", "Pengelolaan Sampah", "Pemkab Lampung Selatan", "05-01-2021", ""},
		{2, "180/21/ADD/2022", "Addendum", "Perubahan Jadwal", "Pemkab Lampung Selatan", "10-03-2022", "180/20/PKS/2021"},
		{3, "180/22/ADD/2022", "Adendum", "Perubahan Lokasi", "Pemkab Lampung Selatan", "11-03-2022", "999/X/2020"},
	})
	r := run(t, i18n.ID, "--db", db, "import-sheet", book, "--dry-run")
	if r.code != 0 || !strings.Contains(r.stdout, "→ Nomor induk") || !strings.Contains(r.stdout, "baris 3: Adendum di bawah perjanjian induk baris 2: PKS 180/20/PKS/2021") ||
		!strings.Contains(r.stdout, `baris 4: Perjanjian induk nomor "999/X/2020" tidak ditemukan`) {
		t.Fatalf("dry run: %+v", r)
	}
	if r := run(t, i18n.ID, "--db", db, "import-sheet", book, "--yes"); r.code != ExitError || total(t, db) != 3 {
		t.Fatalf("a row without its parent let the file in: %+v", r)
	}
	if r := run(t, i18n.ID, "--db", db, "import-sheet", book, "--yes", "--skip-bad"); r.code != 0 || total(t, db) != 5 {
		t.Fatalf("--skip-bad: %+v", r)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pks, _ := s.Agreement(4)
	add, _ := s.Agreement(5)
	if pks.OwnNumber() != "180/20/PKS/2021" || add.ParentID != pks.ID {
		t.Errorf("%s saved under %d, want %d", add.OwnNumber(), add.ParentID, pks.ID)
	}
}

// A CSV has no sheets: the tool names the file, and an empty one says so.
func TestImportSheetCSVNamesTheFile(t *testing.T) {
	dir, db := demoFile(t)
	path := filepath.Join(dir, "daftar.csv")
	os.WriteFile(path, []byte("No;Nomor;Tentang;Mitra;Tgl TTD;Jangka Waktu\r\n1;180/1/2024;Kerja Sama Pendidikan;Kab. Lampung Selatan;04-07-2024;5th\r\n"), 0o600)
	r := run(t, i18n.ID, "--db", db, "import-sheet", path, "--dry-run")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Berkas daftar.csv: judul kolom di baris 1, 1 baris data.") || strings.Contains(r.stdout+r.stderr, `Lembar ""`) {
		t.Fatalf("csv dry run: %+v", r)
	}
	empty := filepath.Join(dir, "kosong.csv")
	os.WriteFile(empty, nil, 0o600)
	r = run(t, i18n.EN, "--db", db, "import-sheet", empty)
	if r.code != ExitError || !strings.Contains(r.stderr, "File kosong.csv is empty: not one row holds anything.") || strings.Contains(r.stderr, `Sheet ""`) {
		t.Fatalf("empty csv: %+v", r)
	}
}
