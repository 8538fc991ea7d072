package export

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/store"
)

// TestTelaahSheetReadsBack prints the review of a draft KSB (a perbaikan
// then setuju, one reviewer pending, the DPRD's approval recorded) on our
// office's letterhead, in both languages, and reads it back.
func TestTelaahSheetReadsBack(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	a, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	// A new draft from the example: no numbers, not signed.
	a.ID, a.Rev, a.Status, a.Signing = 0, 0, agreement.StatusKonsep, nil
	for i := range a.Parties {
		a.Parties[i].Number = ""
	}
	a.Subject = "Pengembangan Ekonomi Kreatif Daerah"
	a.DPRD = agreement.DPRDApproval{Burdens: agreement.AnswerNo, OutsideBudget: agreement.AnswerYes, Number: "172/45/DPRD/2026", Date: agreement.NewDate(2026, 11, 10)}
	a.Reviews = []agreement.Review{
		{Reviewer: "Kepala Bagian Kerja Sama", Name: "Drs. Asep Sutisna", Date: agreement.NewDate(2026, 11, 2), Outcome: agreement.ReviewSetuju},
		{Reviewer: "Kepala Bagian Hukum", Date: agreement.NewDate(2026, 11, 3), Outcome: agreement.ReviewPerbaikan, Note: "Pasal 5 tentang pembiayaan diperjelas sumbernya."},
		{Reviewer: "Kepala Bagian Hukum", Date: agreement.NewDate(2026, 11, 9), Outcome: agreement.ReviewSetuju, Note: "Sudah diperbaiki."},
	}
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	made := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	if err := Telaah(context.Background(), s, a.ID, &buf, i18n.ID, made); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("SEPAKAT_SHOTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, "gate-telaah.pdf"), buf.Bytes(), 0o644)
	}
	got := layoutText(t, buf.Bytes())
	for _, want := range []string{
		"PEMERINTAH KABUPATEN SUMEDANG",
		"LEMBAR TELAAH DAN DISPOSISI", "Rancangan Kesepakatan Bersama",
		"Perihal : Kesepakatan Bersama Pengembangan Ekonomi Kreatif Daerah",
		"Para pihak : Pemerintah Kabupaten Lampung Selatan dengan Pemerintah Kabupaten Sumedang",
		"Nomor : belum diberi nomor",
		"Persetujuan DPRD : Diperlukan; Nomor 172/45/DPRD/2026 tanggal 10 November 2026",
		"1 Kepala Bagian Kerja Sama * 02-11-2026 Setuju",
		"2 Kepala Bagian Hukum * 09-11-2026 Setuju Sudah diperbaiki.",
		"3 Asisten Pemerintahan – Belum",
		"4 Sekretaris Daerah * – Belum", "Drs. Asep Sutisna", "* wajib menyetujui sebelum Siap Tanda Tangan.",
		"Belum menyetujui: Sekretaris Daerah.",
		"Riwayat telaah", "2 Kepala Bagian Hukum 03-11-2026 Perbaikan Pasal 5 tentang pembiayaan diperjelas",
		"DISPOSISI", "Kepada", "Isi disposisi", "Sekretaris Daerah,",
		"Dibuat dengan Sepakat pada 22 November 2026",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the sheet lacks %q\n%s", want, got)
		}
	}
	info, err := exec.Command("pdfinfo", writeTemp(t, buf.Bytes())).Output()
	if flat := strings.Join(strings.Fields(string(info)), " "); err != nil || !strings.Contains(flat, "Pages: 1 ") || !strings.Contains(flat, "595.28 x 841.89") {
		t.Errorf("not one portrait A4 page:\n%s", info)
	}

	// In English, and once every reviewer agreed.
	a.Reviews = append(a.Reviews, agreement.Review{Reviewer: "Sekretaris Daerah", Date: agreement.NewDate(2026, 11, 12), Outcome: agreement.ReviewSetuju})
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := (Printer{Src: s}).ExportTelaah(context.Background(), a.ID, &buf, i18n.EN); err != nil {
		t.Fatal(err)
	}
	got = layoutText(t, buf.Bytes())
	for _, want := range []string{"REVIEW AND DISPOSITION SHEET", "Every required reviewer has agreed.", "4 Sekretaris Daerah * 12-11-2026 Agreed", "DISPOSITION"} {
		if !strings.Contains(got, want) {
			t.Errorf("the English sheet lacks %q\n%s", want, got)
		}
	}
	// Cancelled: nothing written.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	buf.Reset()
	if err := Telaah(ctx, s, a.ID, &buf, i18n.ID, made); !errors.Is(err, context.Canceled) || buf.Len() != 0 {
		t.Errorf("cancelled: %v, %d bytes", err, buf.Len())
	}
}

// layoutText reads a PDF back as pdftotext -layout places it, line by line
// as printed, its spaces collapsed.
func layoutText(t *testing.T, pdf []byte) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", writeTemp(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func writeTemp(t *testing.T, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "telaah.pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
