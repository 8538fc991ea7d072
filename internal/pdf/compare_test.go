package pdf

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestComparisonTable prints a comparison of 60 changes, one of them longer
// than a page, and reads every row back.
func TestComparisonTable(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	c := Comparison{Title: "Perbandingan naskah dengan mitra", Lines: []string{"PKS-3 · berkas mitra.docx"},
		Headings: [4]string{"Pasal", "Naskah kita", "Naskah mitra", "Keputusan"}, Footer: "Halaman %d dari %s"}
	for i := 1; i <= 60; i++ {
		ours := Words(fmt.Sprintf("Biaya yang timbul sebagai akibat pelaksanaan nomor %d dibebankan pada APBD.", i))
		ours[2].Marked = true
		theirs := Words(fmt.Sprintf("Biaya yang muncul sebagai akibat pelaksanaan nomor %d dibebankan pada APBD.", i))
		theirs[2].Marked = true
		c.Rows = append(c.Rows, ComparisonRow{Where: fmt.Sprintf("Pasal %d (1)", i), Kind: "diubah", Ours: ours, Theirs: theirs, Decision: "Diterima"})
	}
	long := Words(strings.Repeat("kalimat panjang yang ditambahkan mitra ", 400) + "AKHIR-PANJANG")
	c.Rows = append(c.Rows, ComparisonRow{Where: "Pasal 61", Kind: "ditambah", Theirs: long, Decision: "Ditolak"})
	var buf bytes.Buffer
	if err := r.RenderComparison(context.Background(), &buf, c, fixed); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("COMPARE_KEEP"); dir != "" {
		os.WriteFile(filepath.Join(dir, "perbandingan.pdf"), buf.Bytes(), 0o644)
	}
	pp := pages(t, buf.Bytes())
	text := flat(pp)
	for i := 1; i <= 60; i++ {
		if !strings.Contains(text, fmt.Sprintf("Pasal %d (1)", i)) {
			t.Errorf("row %d missing", i)
		}
	}
	for _, want := range []string{"Naskah kita", "Naskah mitra", "Keputusan", "timbul", "muncul", "Diterima", "Ditolak", "AKHIR-PANJANG", "Halaman 1 dari"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing", want)
		}
	}
	if len(pp) < 5 || !strings.Contains(pp[1], "Naskah mitra") {
		t.Errorf("%d pages; the header is not repeated", len(pp))
	}
	// A cancelled export writes nothing.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var none bytes.Buffer
	if err := r.RenderComparison(ctx, &none, c, fixed); err == nil || none.Len() != 0 {
		t.Errorf("cancelled: %v, %d bytes", err, none.Len())
	}
}
