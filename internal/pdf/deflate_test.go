package pdf

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// The report's pages, compressed after gofpdf wrote them, make the same
// file, byte for byte, as gofpdf compressing them itself: in a report over
// several pages, with the lambang, on both papers, and in a portrait sheet.
func TestDeflatePagesAsGofpdf(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Compress: true, Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	render := func(gofpdf bool, paper string, rows int) []byte {
		t.Helper()
		gofpdfDeflate = gofpdf
		defer func() { gofpdfDeflate = false }()
		p := DefaultProfile()
		p.Paper = paper
		var buf bytes.Buffer
		if err := r.RenderReport(context.Background(), &buf, reportDoc(t, rows), p, o); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	for _, c := range []struct {
		paper string
		rows  int
	}{{"A4", 1}, {"A4", 400}, {"F4", 130}} {
		theirs, ours := render(true, c.paper, c.rows), render(false, c.paper, c.rows)
		if !bytes.Equal(ours, theirs) {
			t.Errorf("%s, %d rows: %d bytes, gofpdf's %d", c.paper, c.rows, len(ours), len(theirs))
		}
		if !strings.Contains(string(ours), "/FlateDecode") {
			t.Errorf("%s, %d rows: nothing compressed", c.paper, c.rows)
		}
		if c.rows == 400 {
			pages := strings.Split(strings.TrimRight(readBack(t, ours, "pdftotext", "-layout"), "\f\n"), "\f")
			if len(pages) < 5 || !strings.Contains(pages[len(pages)-1], "400/PKS/2025") {
				t.Errorf("read back: %d pages", len(pages))
			}
		}
	}
	// The TKKSD's sheet, portrait, goes the same way.
	a := &TelaahDoc{Letterhead: Letterhead{Lambang: lambangPNG(t), Bold: []string{"PEMERINTAH KABUPATEN SUMEDANG"}},
		Title: "LEMBAR TELAAH DAN DISPOSISI", Fields: [][2]string{{"Perihal", "Kerja sama perizinan"}},
		Blocks:    []ReportBlock{{Heading: "Telaah", Table: &ReportTable{Header: []string{"Anggota", "Hasil"}, Rows: [][]string{{"Kabag Hukum", "Setuju"}}}}},
		Disposisi: Disposisi{Heading: "DISPOSISI", Lines: []string{"Diteruskan kepada"}, Signer: "Sekretaris Daerah"}, PageLabel: "Halaman %d dari {nb}"}
	sheet := func(gofpdf bool) []byte {
		gofpdfDeflate = gofpdf
		defer func() { gofpdfDeflate = false }()
		var buf bytes.Buffer
		if err := r.RenderTelaah(context.Background(), &buf, a, DefaultProfile(), o); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if ours, theirs := sheet(false), sheet(true); !bytes.Equal(ours, theirs) {
		t.Errorf("telaah: %d bytes, gofpdf's %d", len(ours), len(theirs))
	}
}

// What is not gofpdf's layout is refused, never half rewritten.
func TestDeflatePagesRefuses(t *testing.T) {
	r, _ := NewRenderer()
	var buf bytes.Buffer
	if err := r.RenderReport(context.Background(), &buf, reportDoc(t, 50), DefaultProfile(), Options{}); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	if _, err := deflatePages(good); err != nil {
		t.Fatalf("gofpdf's own file refused: %v", err)
	}
	xref := bytes.LastIndex(good, []byte("\nxref\n")) + 1
	for name, in := range map[string][]byte{
		"empty":          nil,
		"no trailer":     good[:len(good)-10],
		"cut in a page":  append(append([]byte{}, good[:len(good)/2]...), good[xref:]...),
		"wrong length":   bytes.Replace(good, []byte("<</Length "), []byte("<</Length 9"), 1),
		"no page object": bytes.ReplaceAll(good, []byte("<</Type /Page\n"), []byte("<</Type /Pagx\n")),
	} {
		if out, err := deflatePages(in); err == nil {
			t.Errorf("%s: rewritten to %d bytes", name, len(out))
		}
	}
}
