package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sepakat/internal/i18n"
)

func TestMonevCommand(t *testing.T) {
	dir, db := demoFile(t)
	pdf := filepath.Join(dir, "monev.pdf")
	r := run(t, i18n.ID, "--db", db, "monev", "2", "-o", pdf)
	if r.code != 0 || !strings.Contains(r.stderr, "Laporan monev perjanjian 2 ditulis ke "+pdf+": 0 catatan monev") {
		t.Fatalf("%+v", r)
	}
	out, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil || !strings.Contains(string(out), "LAPORAN MONITORING DAN EVALUASI KERJA SAMA DAERAH") || !strings.Contains(string(out), "Monev yang terlambat") {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	en := filepath.Join(dir, "monev-en.pdf")
	if r := run(t, i18n.EN, "--db", db, "monev", "2", "-o", en); r.code != 0 || !strings.Contains(r.stderr, "Monitoring report of agreement 2 written to") {
		t.Fatalf("%+v", r)
	}
	if out, err := exec.Command("pdftotext", en, "-").Output(); err != nil || !strings.Contains(string(out), "MONITORING AND EVALUATION REPORT") {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	// Misuse: exit 2, nothing written; an unknown agreement is an error.
	for _, args := range [][]string{{"monev", "2"}, {"monev", "-o", filepath.Join(dir, "x.pdf")}, {"monev", "2", "-o", filepath.Join(dir, "x.doc")}} {
		if r := run(t, i18n.ID, append([]string{"--db", db}, args...)...); r.code != ExitMisuse || r.stderr == "" {
			t.Errorf("%v: %+v", args, r)
		}
	}
	if r := run(t, i18n.ID, "--db", db, "monev", "99", "-o", filepath.Join(dir, "x.pdf")); r.code == 0 || r.stderr == "" {
		t.Errorf("unknown agreement: %+v", r)
	}
	for _, name := range []string{"x.pdf", "x.doc"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s written", name)
		}
	}
}
