package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
)

// A Nota Kesepakatan prints its rencana aksi as the lampiran after the
// signatures; a long table goes on over pages, its header on each.
func TestRencanaAksiPrintsAsTheLampiran(t *testing.T) {
	s := examples(t)
	a, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	a.Kind = agreement.KindNK
	for i := 1; i <= 30; i++ {
		a.ActionPlan = append(a.ActionPlan, agreement.ActionItem{
			Activity: fmt.Sprintf("Kegiatan %d: penyusunan dan pelaksanaan pertukaran data perizinan berusaha antardaerah tahap %d", i, i),
			Unit:     "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
			Time:     fmt.Sprintf("Triwulan %d 2026", (i-1)%4+1)})
	}
	d := build(t, s, &a, naskah.Options{})
	if len(d.Lampiran) != 1 || len(d.Lampiran[0].Rows) != 30 {
		t.Fatalf("lampiran %+v", d.Lampiran)
	}
	if !strings.Contains(d.Text(), "RENCANA AKSI") || !strings.Contains(d.Text(), "Kegiatan 30: penyusunan") {
		t.Error("the canonical text (and its fingerprint) leaves out the rencana aksi")
	}
	out := render(t, d, DefaultProfile())
	if dir := os.Getenv("SEPAKAT_SHOTS"); dir != "" { // to look at its pages
		_ = os.WriteFile(filepath.Join(dir, "copies-rencana-aksi.pdf"), out, 0o644)
	}
	pp := pages(t, out)
	first := -1
	for i, p := range pp {
		if strings.Contains(p, "RENCANA AKSI") {
			first = i
			break
		}
	}
	if first < 1 {
		t.Fatalf("no lampiran page in %d pages", len(pp))
	}
	if !strings.Contains(flat(pp[:first]), "PIHAK PERTAMA") || strings.Contains(flat(pp[:first]), "Kegiatan 1:") {
		t.Error("the lampiran does not follow the signatures on a page of its own")
	}
	if len(pp)-first < 2 {
		t.Fatalf("30 rows fit on %d page(s)", len(pp)-first)
	}
	lamp := flat(pp[first:])
	for i := 1; i <= 30; i++ {
		if !strings.Contains(lamp, fmt.Sprintf("Kegiatan %d:", i)) {
			t.Errorf("row %d missing", i)
		}
	}
	for i, p := range pp[first:] {
		if !strings.Contains(p, "KEGIATAN") || !strings.Contains(p, "UNIT PELAKSANA") {
			t.Errorf("lampiran page %d has no header row", i+1)
		}
	}
	if !strings.Contains(flat(pp[first:first+1]), "LAMPIRAN NOTA KESEPAKATAN") {
		t.Error("no lampiran heading")
	}
}
