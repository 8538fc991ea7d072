package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sepakat/internal/i18n"
)

func TestLaporanCommand(t *testing.T) {
	dir, db := demoFile(t)
	pdf := filepath.Join(dir, "laporan.pdf")
	r := run(t, i18n.ID, "--db", db, "laporan", "--from", "2025-01-01", "--to", "2025-12-31", "-o", pdf)
	if r.code != 0 || !strings.Contains(r.stderr, "3 perjanjian dalam periode, 3 berlaku") {
		t.Fatalf("%+v", r)
	}
	out, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil || !strings.Contains(string(out), "LAPORAN KERJA SAMA DAERAH") || !strings.Contains(string(out), "Periode 1 Januari 2025 s.d. 31 Desember 2025") {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	// A semester, as a workbook, in English.
	xlsx := filepath.Join(dir, "laporan.xlsx")
	if r := run(t, i18n.EN, "--db", db, "laporan", "--year", "2026", "--semester", "1", "-o", xlsx); r.code != 0 || !strings.Contains(r.stderr, "Report 1 January 2026 to 30 June 2026") {
		t.Fatalf("%+v", r)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Berlaku")
	if err != nil || len(rows) != 8 || rows[4][0] != "No." {
		t.Errorf("in-force sheet %q %v", rows, err)
	}

	// Misuse: exit 2, nothing written.
	for _, args := range [][]string{
		{"laporan", "-o", filepath.Join(dir, "x.pdf")},
		{"laporan", "--year", "2025"},
		{"laporan", "--year", "2025", "-o", filepath.Join(dir, "x.doc")},
		{"laporan", "--from", "2025-13-01", "--to", "2025-12-31", "-o", filepath.Join(dir, "x.pdf")},
		{"laporan", "--from", "2025-12-31", "--to", "2025-01-01", "-o", filepath.Join(dir, "x.pdf")},
		{"laporan", "--year", "2025", "--semester", "3", "-o", filepath.Join(dir, "x.pdf")},
	} {
		r := run(t, i18n.ID, append([]string{"--db", db}, args...)...)
		if r.code != ExitMisuse || r.stderr == "" {
			t.Errorf("%v: %+v", args, r)
		}
	}
	// Days as staff write them, day first; a day that does not exist named.
	if r := run(t, i18n.ID, "--db", db, "laporan", "--from", "01-01-2019", "--to", "31 Desember 2025", "-o", pdf); r.code != 0 ||
		!strings.Contains(r.stderr, "Laporan 1 Januari 2019 s.d. 31 Desember 2025") {
		t.Errorf("day-first dates: %+v", r)
	}
	if r := run(t, i18n.ID, "--db", db, "laporan", "--from", "31/02/2025", "--to", "2025", "-o", filepath.Join(dir, "x.pdf")); r.code != ExitMisuse ||
		!strings.Contains(r.stderr, "Tanggal awal (--from) 31/02/2025 tidak ada.") {
		t.Errorf("31 February: %+v", r)
	}
	for _, name := range []string{"x.pdf", "x.doc"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s written on misuse", name)
		}
	}
}
