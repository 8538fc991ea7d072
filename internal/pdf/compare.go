package pdf

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// Mark is a word of a comparison cell; Marked words (inserted in their text,
// deleted from ours) print bold and in colour.
type Mark struct {
	Text   string
	Marked bool
}

// ComparisonRow is one change: where, our text, their text, the decision.
type ComparisonRow struct {
	Where    string // "Pasal 6 (1)"
	Kind     string // "diubah", "ditambah", …
	Ours     []Mark
	Theirs   []Mark
	Decision string // "Diterima", "Ditolak", "Belum diputuskan"
}

// Comparison is the table Bagian Hukum reviews on paper.
type Comparison struct {
	Title    string   // "Perbandingan naskah dengan mitra"
	Lines    []string // under the title: the agreement, the file, the date
	Headings [4]string
	Rows     []ComparisonRow
	Footer   string // "Halaman %d dari %s"
}

// Words splits text into unmarked words.
func Words(text string) []Mark {
	var out []Mark
	for _, w := range strings.Fields(text) {
		out = append(out, Mark{Text: w})
	}
	return out
}

// RenderComparison writes the comparison as a table on landscape A4.
func (r *Renderer) RenderComparison(ctx context.Context, w io.Writer, c Comparison, created time.Time) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("PDF tidak dapat dibuat: %v", v)
		}
	}()
	f := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "mm", Size: gofpdf.SizeType{Wd: 297, Ht: 210}})
	f.AddUTF8FontFromBytes("serif", "", r.fonts["serif"])
	f.AddUTF8FontFromBytes("serif", "B", r.fonts["serifB"])
	if created.IsZero() {
		created = time.Now()
	}
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetCatalogSort(true)
	f.SetTitle(c.Title, true)
	f.SetCreator("Sepakat", true)
	f.SetMargins(15, 15, 15)
	f.SetAutoPageBreak(false, 15)
	f.AliasNbPages("{nb}")
	t := &table{f: f, c: c, widths: [4]float64{38, 104, 104, 21}, size: 9.5}
	t.lineH = t.size * 1.25 * 25.4 / 72
	f.SetFooterFunc(func() {
		f.SetFont("serif", "", 8)
		f.SetXY(15, 200)
		f.CellFormat(267, 4, fmt.Sprintf(c.Footer, f.PageNo(), "{nb}"), "", 0, "R", false, 0, "")
	})
	f.AddPage()
	f.SetFont("serif", "B", 13)
	f.SetXY(15, 15)
	f.CellFormat(267, 7, c.Title, "", 1, "C", false, 0, "")
	f.SetFont("serif", "", 10)
	for _, l := range c.Lines {
		f.SetX(15)
		f.CellFormat(267, 5, l, "", 1, "C", false, 0, "")
	}
	t.y = f.GetY() + 4
	t.header()
	for _, row := range c.Rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		t.row(row)
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("PDF tidak dapat dibuat: %w", err)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("PDF tidak dapat dibuat: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

type table struct {
	f      *gofpdf.Fpdf
	c      Comparison
	widths [4]float64
	size   float64
	lineH  float64
	y      float64
}

const (
	tableLeft   = 15.0
	tableBottom = 195.0
	cellPad     = 1.5
)

func (t *table) header() {
	t.f.SetFont("serif", "B", t.size)
	t.f.SetFillColor(230, 230, 230)
	x := tableLeft
	for i, h := range t.c.Headings {
		t.f.SetXY(x, t.y)
		t.f.CellFormat(t.widths[i], t.lineH+2*cellPad, h, "1", 0, "C", true, 0, "")
		x += t.widths[i]
	}
	t.y += t.lineH + 2*cellPad
}

// cellLine is one line of a cell: its words.
type cellLine []Mark

// wrap lays marked words into lines of width w.
func (t *table) wrap(words []Mark, w float64) []cellLine {
	var lines []cellLine
	var cur cellLine
	used := 0.0
	for _, m := range words {
		t.style(m.Marked)
		ww := t.f.GetStringWidth(m.Text)
		sp := t.f.GetStringWidth(" ")
		if len(cur) > 0 && used+sp+ww > w {
			lines = append(lines, cur)
			cur, used = nil, 0
		}
		if len(cur) > 0 {
			used += sp
		}
		cur = append(cur, m)
		used += ww
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

func (t *table) style(marked bool) {
	if marked {
		t.f.SetFont("serif", "B", t.size)
	} else {
		t.f.SetFont("serif", "", t.size)
	}
}

// row draws one change, across pages when it is taller than what is left.
func (t *table) row(r ComparisonRow) {
	where := append(Words(r.Where), Words("("+r.Kind+")")...)
	cells := [4][]cellLine{
		t.wrap(where, t.widths[0]-2*cellPad),
		t.wrap(r.Ours, t.widths[1]-2*cellPad),
		t.wrap(r.Theirs, t.widths[2]-2*cellPad),
		t.wrap(Words(r.Decision), t.widths[3]-2*cellPad),
	}
	total := 1
	for _, c := range cells {
		total = max(total, len(c))
	}
	for start := 0; start < total; {
		room := int((tableBottom - t.y - 2*cellPad) / t.lineH)
		left := total - start
		if room < min(left, 2) {
			t.f.AddPage()
			t.y = 15
			t.header()
			continue
		}
		take := min(left, room)
		h := float64(take)*t.lineH + 2*cellPad
		x := tableLeft
		for i, c := range cells {
			t.f.Rect(x, t.y, t.widths[i], h, "D")
			for k := 0; k < take && start+k < len(c); k++ {
				t.drawLine(c[start+k], x+cellPad, t.y+cellPad+float64(k)*t.lineH, i == 1)
			}
			x += t.widths[i]
		}
		t.y += h
		start += take
	}
}

// drawLine writes a line's words; marked words in ours are deletions (red),
// in theirs insertions (blue).
func (t *table) drawLine(l cellLine, x, y float64, ours bool) {
	for i, m := range l {
		if i > 0 {
			t.style(false)
			x += t.f.GetStringWidth(" ")
		}
		t.style(m.Marked)
		switch {
		case m.Marked && ours:
			t.f.SetTextColor(180, 0, 0)
		case m.Marked:
			t.f.SetTextColor(0, 70, 170)
		}
		t.f.Text(x, y+t.lineH*0.78, m.Text)
		t.f.SetTextColor(0, 0, 0)
		x += t.f.GetStringWidth(m.Text)
	}
}
