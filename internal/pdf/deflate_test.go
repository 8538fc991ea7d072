package pdf

import (
	"bytes"
	"context"
	"fmt"
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

// Rows written by rowWriter are the bytes gofpdf's Rect, CellFormat and
// SplitText make of them: text in and out of ASCII (a rune first met in a
// row, then again), escaped characters, every align, wrapped and empty
// cells, a bold total, over several pages, in another text colour too.
func TestFastRowsAsGofpdf(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"Kerja sama (bidang) pendidikan", `a\b`, "Dinas Penanaman Modal – PTSP", "Kab. Lampung Selatan’s", "",
		"Pemerintah Provinsi Jawa Barat dan Pemerintah Kabupaten Sumedang tentang penyelenggaraan pelayanan perizinan berusaha terintegrasi secara elektronik",
		"Ñandú ĳ €", "tab\there", "line\nbreak", "kiri\n\nkanan", "akhir\n", "04-09-2025 s.d.\n03-09-2030",
		"Pemerintah Provinsi Jawa Barat dan Pemerintah Kabupaten Sumedang\n1234/PKS.05-KS/2025", "Jalan (lama)\nNo. 5", "a\rb", "日本", string([]byte{0xff, 'x'}), "((()))"}
	doc := func() *ReportDoc {
		d := reportDoc(t, 0)
		tb := &ReportTable{Header: []string{"No.", "Nomor", "Tentang", "Jumlah", "Status"}, Widths: []float64{1, 3, 6, 2, 2},
			Align: []string{"R", "L", "", "R", "C"}, Total: []string{"", "Jumlah (semua)", "", "1.234", "–"}}
		for i := range 260 {
			tb.Rows = append(tb.Rows, []string{fmt.Sprint(i + 1), fmt.Sprintf("%d/PKS/%d", i, 2000+i%30), texts[i%len(texts)],
				texts[(i*7+3)%len(texts)], []string{"Berlaku", "Konsep", "Berakhir (lalu)", "Ditandatangani"}[i%4]})
		}
		narrow := &ReportTable{Header: []string{"Jenis", "Jumlah"}, Rows: [][]string{{"KSB", "12"}, {"Ü", "3"}}, Width: 0.4, Align: []string{"", "R"}}
		d.Blocks = append(d.Blocks, ReportBlock{Heading: "Daftar", Table: tb}, ReportBlock{Heading: "Jenis", Table: narrow})
		return d
	}
	for _, compress := range []bool{false, true} {
		o := Options{Compress: compress, Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
		render := func(slow bool) []byte {
			t.Helper()
			slowRows = slow
			defer func() { slowRows = false }()
			var buf bytes.Buffer
			if err := r.RenderReport(context.Background(), &buf, doc(), DefaultProfile(), o); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
		theirs, ours := render(true), render(false)
		if !bytes.Equal(ours, theirs) {
			i := 0
			for i < min(len(ours), len(theirs)) && ours[i] == theirs[i] {
				i++
			}
			t.Fatalf("compress %v: %d bytes, gofpdf's %d; first difference at %d: %q, gofpdf %q", compress, len(ours), len(theirs), i,
				ours[max(0, i-80):min(len(ours), i+80)], theirs[max(0, i-80):min(len(theirs), i+80)])
		}
		if !compress && !bytes.Contains(ours, []byte("q 0.000 g BT")) {
			t.Error("no text drawn in another colour than the fill")
		}
	}
	// The TKKSD's sheet, portrait, with its tables of reviews.
	a := &TelaahDoc{Title: "LEMBAR TELAAH DAN DISPOSISI", Fields: [][2]string{{"Perihal", "Kerja sama perizinan"}},
		Blocks: []ReportBlock{{Heading: "Telaah", Table: &ReportTable{Header: []string{"Anggota", "Tanggal", "Hasil", "Paraf"}, Widths: []float64{3, 2, 4, 1},
			Rows: [][]string{{"Kabag Hukum", "4 Juli 2025", "Setuju (dengan catatan: pasal 5 diperbaiki)", ""}, {"Inspektorat", "", "Belum", ""}, {"Bappeda – Bidang Ekonomi", "5 Juli 2025", "Setuju", ""}}}}},
		Disposisi: Disposisi{Heading: "DISPOSISI", Lines: []string{"Diteruskan kepada"}, Signer: "Sekretaris Daerah"}}
	sheet := func(slow bool) []byte {
		slowRows = slow
		defer func() { slowRows = false }()
		var buf bytes.Buffer
		if err := r.RenderTelaah(context.Background(), &buf, a, DefaultProfile(), Options{Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if ours, theirs := sheet(false), sheet(true); !bytes.Equal(ours, theirs) {
		t.Errorf("telaah: %d bytes, gofpdf's %d", len(ours), len(theirs))
	}
}

// The sink compresses a whole file handed over at once; a file in pieces is
// kept as it came; more after a whole file is refused.
func TestDeflateSink(t *testing.T) {
	r, _ := NewRenderer()
	var buf bytes.Buffer
	if err := r.RenderReport(context.Background(), &buf, reportDoc(t, 50), DefaultProfile(), Options{}); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	want, err := deflatePages(raw)
	if err != nil {
		t.Fatal(err)
	}
	var whole deflateSink
	if n, err := whole.Write(raw); err != nil || n != len(raw) || !bytes.Equal(whole.out, want) {
		t.Errorf("whole: %d, %v, %d bytes", n, err, len(whole.out))
	}
	if _, err := whole.Write([]byte("x")); err == nil {
		t.Error("more after the end taken")
	}
	var pieces deflateSink
	for _, p := range [][]byte{raw[:1000], raw[1000:]} {
		if _, err := pieces.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(pieces.out, raw) {
		t.Errorf("pieces: %d bytes, %d written", len(pieces.out), len(raw))
	}
}
