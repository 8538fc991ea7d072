package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sepakat/internal/i18n"
)

func TestTelaahCommand(t *testing.T) {
	dir, db := demoFile(t)
	out := filepath.Join(dir, "telaah.pdf")
	r := run(t, i18n.ID, "--db", db, "telaah", "2", "-o", out)
	if r.code != 0 || !strings.Contains(r.stderr, "Lembar telaah ditulis ke") {
		t.Fatalf("telaah: %+v", r)
	}
	text, err := exec.Command("pdftotext", "-layout", out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	got := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"PEMERINTAH KABUPATEN SUMEDANG", "LEMBAR TELAAH DAN DISPOSISI",
		"Perihal : Kesepakatan Bersama Berbagi Informasi dan Inovasi Daerah", "Nomor : 61/KSB.05-Huk/2025",
		"Persetujuan DPRD : Tidak diperlukan", "4 Sekretaris Daerah * – Belum", "Dibuat dengan Sepakat pada 22 November 2026"} {
		if !strings.Contains(got, want) {
			t.Errorf("the sheet lacks %q\n%s", want, got)
		}
	}
	r = run(t, i18n.EN, "--db", db, "telaah", "99", "-o", filepath.Join(dir, "none.pdf"))
	if r.code != 1 || !strings.HasPrefix(r.stderr, "Record not found.") {
		t.Errorf("an unknown agreement: %+v", r)
	}
	for _, bad := range [][]string{{"telaah", "2"}, {"telaah", "-o", out}, {"telaah", "x", "-o", out}} {
		if r := run(t, i18n.ID, append([]string{"--db", db}, bad...)...); r.code != 2 {
			t.Errorf("%v: %+v", bad, r)
		}
	}
}
