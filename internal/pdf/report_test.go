package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func lambangPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 40, 48))
	for y := range 48 {
		for x := range 40 {
			img.Set(x, y, color.NRGBA{0, 100, uint8(4 * x), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func reportDoc(t *testing.T, rows int) *ReportDoc {
	d := &ReportDoc{
		Letterhead: Letterhead{Lambang: lambangPNG(t), Bold: []string{"PEMERINTAH KABUPATEN SUMEDANG"}, Lines: []string{"Jalan Prabu Gejayan 1, Sumedang"}},
		Title:      "LAPORAN KERJA SAMA DAERAH", Lines: []string{"Periode 1 Januari 2025 s.d. 31 Desember 2025"},
		PageLabel: "Halaman %d dari {nb}", Footer: "Dibuat dengan Sepakat",
	}
	chart := &BarChart{Categories: []string{"2024", "2025"}, Series: []Series{
		{Name: "KSB", Color: [3]uint8{46, 94, 170}, Values: []float64{3, 5}},
		{Name: "PKS", Color: [3]uint8{60, 150, 90}, Values: []float64{1, 2}}}}
	table := &ReportTable{Header: []string{"No.", "Nomor", "Tentang"}, Widths: []float64{1, 3, 6}, Align: []string{"R"}}
	for i := range rows {
		table.Rows = append(table.Rows, []string{fmt.Sprint(i + 1), fmt.Sprintf("%d/PKS/2025", i+1), strings.Repeat("kerja sama daerah ", 1+i%5)})
	}
	d.Blocks = []ReportBlock{{Heading: "Per tahun", Chart: chart}, {Heading: "Daftar", Table: table}}
	return d
}

func readBack(t *testing.T, data []byte, tool string, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	args = append(args, path)
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	return string(out)
}

// A report prints landscape on the office's paper, with the lambang in the
// kop surat, a long table over several pages with its header on each.
func TestReportLayout(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	for _, paper := range []string{"A4", "F4"} {
		p := DefaultProfile()
		p.Paper = paper
		var buf bytes.Buffer
		if err := r.RenderReport(context.Background(), &buf, reportDoc(t, 120), p, Options{Created: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		in := info(t, buf.Bytes())
		want := map[string]string{"A4": "841.89 x 595.28", "F4": "935.43 x 609.45"}[paper]
		if !strings.Contains(in, want) {
			t.Errorf("%s: %s", paper, in)
		}
		if imgs := readBack(t, buf.Bytes(), "pdfimages", "-list"); strings.Count(imgs, "\n") != 3 { // two header lines, one image
			t.Errorf("%s: images %s", paper, imgs)
		}
		text := readBack(t, buf.Bytes(), "pdftotext", "-layout")
		pages := strings.Split(strings.TrimRight(text, "\f\n"), "\f")
		if len(pages) < 3 {
			t.Fatalf("%s: %d pages", paper, len(pages))
		}
		for i, pg := range pages {
			if i > 0 && !strings.Contains(pg, "Nomor") {
				t.Errorf("%s page %d has no header row", paper, i+1)
			}
			if i > 0 && !strings.Contains(pg, fmt.Sprintf("Halaman %d dari %d", i+1, len(pages))) {
				t.Errorf("%s page %d unnumbered", paper, i+1)
			}
		}
		if !strings.Contains(pages[0], "PEMERINTAH KABUPATEN SUMEDANG") || !strings.Contains(pages[len(pages)-1], "120/PKS/2025") {
			t.Errorf("%s: first page %q", paper, pages[0])
		}
		// Every row once.
		if n := strings.Count(text, "/PKS/2025"); n != 120 {
			t.Errorf("%s: %d rows printed", paper, n)
		}
	}
}

func TestReportCancelled(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	if err := r.RenderReport(ctx, &buf, reportDoc(t, 500), DefaultProfile(), Options{}); !errors.Is(err, context.Canceled) || buf.Len() != 0 {
		t.Errorf("cancelled: %v, %d bytes", err, buf.Len())
	}
}

// A long list made one row at a time (ReportTable.Row) prints exactly as
// the same rows held whole, each row asked for once, in order.
func TestReportRowsOnDemand(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	made := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	render := func(d *ReportDoc) []byte {
		var buf bytes.Buffer
		if err := r.RenderReport(context.Background(), &buf, d, DefaultProfile(), Options{Created: made}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	held := render(reportDoc(t, 300))
	lazy := reportDoc(t, 300)
	tb := lazy.Blocks[1].Table
	rows := tb.Rows
	var asked []int
	tb.Rows, tb.N = nil, len(rows)
	tb.Row = func(i int) []string {
		asked = append(asked, i)
		return rows[i]
	}
	if got := render(lazy); !bytes.Equal(got, held) {
		t.Errorf("rows made on demand print %d bytes, held %d", len(got), len(held))
	}
	if len(asked) != 300 || asked[0] != 0 || asked[299] != 299 {
		t.Errorf("rows asked %d times, first %v", len(asked), asked[:min(3, len(asked))])
	}
}

// Pages for leadership: the chart after a summary shrinks to stay on page 1
// rather than leave it half empty; a table that fits on a page is never split;
// a long one starts with its heading, header and at least three rows, and
// repeats its header on every page.
func TestReportKeepTogether(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	d := reportDoc(t, 0)
	summary := &ReportTable{Header: []string{"Uraian", "Jumlah"}, Widths: []float64{5, 1}, Width: 0.6}
	for i := range 8 {
		summary.Rows = append(summary.Rows, []string{fmt.Sprintf("Uraian ringkasan %d", i+1), fmt.Sprint(i)})
	}
	d.Blocks = []ReportBlock{{Heading: "Ringkasan", Table: summary}, d.Blocks[0]}
	for n := range 12 {
		tb := &ReportTable{Header: []string{"Status", "Jumlah"}, Widths: []float64{5, 1}, Width: 0.6, Total: []string{fmt.Sprintf("Jumlah T%02d", n), "9"}}
		for i := range 5 + n%2 {
			tb.Rows = append(tb.Rows, []string{fmt.Sprintf("T%02dR%d", n, i), "1"})
		}
		d.Blocks = append(d.Blocks, ReportBlock{Heading: fmt.Sprintf("Tabel T%02d", n), Table: tb})
	}
	long := &ReportTable{Header: []string{"No.", "Isi"}, Widths: []float64{1, 8}}
	for i := range 90 {
		long.Rows = append(long.Rows, []string{fmt.Sprintf("L%03d", i), "baris panjang"})
	}
	for _, lead := range []int{0, 1, 2, 3, 4, 5} { // the long table starts at several heights
		doc := *d
		doc.Blocks = append(slices.Clone(d.Blocks[:2+lead]), ReportBlock{Heading: "Daftar panjang", Table: long})
		doc.Blocks = append(doc.Blocks, d.Blocks[2+lead:]...)
		var buf bytes.Buffer
		if err := r.RenderReport(context.Background(), &buf, &doc, DefaultProfile(), Options{Created: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(readBack(t, buf.Bytes(), "pdftotext", "-layout"), "\f")
		if !strings.Contains(pages[0], "Per tahun") || !strings.Contains(pages[0], "KSB") {
			t.Errorf("lead %d: the chart left page 1:\n%s", lead, pages[0])
		}
		pageOf := func(s string) int {
			for i, p := range pages {
				if strings.Contains(p, s) {
					return i
				}
			}
			t.Fatalf("lead %d: %q not printed", lead, s)
			return -1
		}
		for n := range 12 {
			p := pageOf(fmt.Sprintf("Tabel T%02d", n))
			for _, s := range []string{fmt.Sprintf("T%02dR0", n), fmt.Sprintf("T%02dR4", n), fmt.Sprintf("Jumlah T%02d", n)} {
				if pageOf(s) != p {
					t.Errorf("lead %d: table T%02d split: heading on page %d, %s on %d", lead, n, p+1, s, pageOf(s)+1)
				}
			}
		}
		head := pageOf("Daftar panjang")
		if pageOf("L002") != head {
			t.Errorf("lead %d: the long table's heading on page %d, its third row on %d", lead, head+1, pageOf("L002")+1)
		}
		for i := head; i <= pageOf("L089"); i++ {
			if !strings.Contains(pages[i], "Isi") {
				t.Errorf("lead %d: page %d of the long table lacks its header", lead, i+1)
			}
		}
	}
}

// Counts on a chart are whole: ticks 1, 2, 5, 10, … apart, thousands with ".".
func TestReportChartWholeTicks(t *testing.T) {
	for _, c := range []struct{ most, step, top int }{
		{0, 1, 1}, {1, 1, 1}, {3, 1, 3}, {5, 1, 5}, {6, 2, 6}, {7, 2, 8}, {11, 5, 15}, {25, 5, 25}, {26, 10, 30}, {12345, 5000, 15000}, {100000, 20000, 100000},
	} {
		if step, top := AxisTicks(c.most); step != c.step || top != c.top {
			t.Errorf("AxisTicks(%d) = %d, %d; want %d, %d", c.most, step, top, c.step, c.top)
		}
	}
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	d := reportDoc(t, 0)
	d.Blocks = append(d.Blocks[:1], ReportBlock{Heading: "Status", Chart: &BarChart{Horizontal: true, Categories: []string{"Berlaku"},
		Series: []Series{{Name: "Berlaku", Values: []float64{12345}}}}})
	var buf bytes.Buffer
	if err := r.RenderReport(context.Background(), &buf, d, DefaultProfile(), Options{Created: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	text := readBack(t, buf.Bytes(), "pdftotext", "-layout")
	var ticks []string
	for _, l := range strings.Split(text, "\n") {
		if f := strings.Fields(l); len(f) == 1 && strings.Trim(f[0], "0123456789.,") == "" {
			ticks = append(ticks, f[0])
		}
	}
	// The per-year bars reach 7: ticks 8, 6, 4, 2, 0 down the axis.
	if got := strings.Join(ticks, " "); !strings.Contains(got, "8 6 4 2 0") || strings.ContainsAny(got, ",") || strings.Contains(got, "2.5") {
		t.Errorf("axis ticks %q", got)
	}
	if !strings.Contains(text, "12.345") {
		t.Errorf("the status bar's count is not written 12.345:\n%s", text)
	}
}
