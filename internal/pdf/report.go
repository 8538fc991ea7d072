package pdf

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// ReportDoc is a report on the office letterhead: a title, then blocks of
// tables and bar charts.
type ReportDoc struct {
	Letterhead Letterhead
	Title      string
	// Lines are centred under the title (period, date of the state).
	Lines  []string
	Blocks []ReportBlock
	// PageLabel formats the page number from page 2 on, with %d for the page
	// and {nb} for the count ("Halaman %d dari {nb}").
	PageLabel string
	// Footer is printed small at the foot of every page.
	Footer string
	Meta   ReportMeta
}

// ReportMeta fills the PDF's document properties.
type ReportMeta struct{ Title, Author, Creator string }

// Letterhead is the kop surat: the lambang at the left, centred lines (the
// first ones bold and larger), then a double rule.
type Letterhead struct {
	Lambang []byte // PNG or JPEG; nil or unreadable: no image
	Bold    []string
	Lines   []string
}

// ReportBlock is a heading with a table, a chart or a note under it.
type ReportBlock struct {
	Heading string
	Note    string
	Table   *ReportTable
	Chart   *BarChart
}

// ReportTable is a table whose rows break across pages; the header row is
// repeated on every page it continues on.
type ReportTable struct {
	Header []string
	// Widths are the columns' shares of the width (any unit).
	Widths []float64
	// Align per column: "L", "C" or "R"; missing: "L".
	Align []string
	Rows  [][]string
	// Row, when set, gives the N rows one at a time instead of Rows: a long
	// list is laid out without being held as cells.
	N   int
	Row func(i int) []string
	// Total is a last row in bold; nil: none.
	Total []string
	// Width is the table's share of the page's width; 0: all of it.
	Width float64
}

// BarChart is a bar chart drawn as vector shapes: per category one bar, its
// series stacked; horizontal bars when Horizontal.
type BarChart struct {
	Categories []string
	Series     []Series
	Horizontal bool
	// Number writes a count on the axis and by the bars; nil: with "." for
	// thousands, the Indonesian way.
	Number func(int) string
}

func (c *BarChart) number(v float64) string {
	n := int(math.Round(v))
	if c.Number != nil {
		return c.Number(n)
	}
	s := strconv.Itoa(max(n, -n))
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	if n < 0 {
		s = "-" + s
	}
	return s
}

// Series is one coloured part of every bar.
type Series struct {
	Name   string
	Color  [3]uint8
	Values []float64
}

// RenderReport writes d as a PDF to w in profile p's paper and margins; nothing
// is written unless the whole report renders. A cancelled ctx stops it at
// the next page.
func (r *Renderer) RenderReport(ctx context.Context, w io.Writer, d *ReportDoc, p Profile, o Options) (err error) {
	return r.renderReport(ctx, w, d, p, o, nil)
}

// renderReport is RenderReport with end drawn after the blocks (monev.go).
func (r *Renderer) renderReport(ctx context.Context, w io.Writer, d *ReportDoc, p Profile, o Options, end func(*reportRender)) error {
	// Landscape: the lists of agreements need the width.
	return r.renderSheet(ctx, w, d, p, o, true, func(rr *reportRender) {
		rr.letterhead()
		rr.title()
		for i := range d.Blocks {
			rr.block(&d.Blocks[i])
		}
		if end != nil {
			end(rr)
		}
	})
}

// renderSheet makes a page on the office's letterhead (landscape or
// portrait) with its header and footer, lets body lay it out, and writes it
// to w once the whole of it rendered.
func (r *Renderer) renderSheet(ctx context.Context, w io.Writer, d *ReportDoc, p Profile, o Options, landscape bool, body func(*reportRender)) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("PDF tidak dapat dibuat: %v", v)
			if cerr := ctx.Err(); cerr != nil {
				err = cerr // drawing on after a cancelled page
			}
		}
	}()
	if err := p.check(); err != nil {
		return err
	}
	pageW, pageH, _ := p.size()
	if landscape {
		pageW, pageH = pageH, pageW
	}
	f := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "mm", Size: gofpdf.SizeType{Wd: pageW, Ht: pageH}})
	f.AddUTF8FontFromBytes("sans", "", r.fonts["sans"])
	f.AddUTF8FontFromBytes("sans", "B", r.fonts["sansB"])
	created := o.Created
	if created.IsZero() {
		created = time.Now()
	}
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetCatalogSort(true)
	// The pages are compressed after gofpdf wrote them (deflatePages), with
	// one zlib writer instead of gofpdf's one per page.
	f.SetCompression(o.Compress && gofpdfDeflate)
	f.SetTitle(d.Meta.Title, true)
	f.SetAuthor(d.Meta.Author, true)
	f.SetCreator(d.Meta.Creator, true)
	// A report is read, not signed: narrower margins than a naskah.
	left, right := min(p.MarginLeft, 25), min(p.MarginRight, 20)
	top, bot := min(p.MarginTop, 20), min(p.MarginBot, 20)
	f.SetMargins(left, top, right)
	f.SetAutoPageBreak(false, bot)
	f.AliasNbPages("{nb}")
	rr := &reportRender{ctx: ctx, f: f, d: d, left: left, width: pageW - left - right, top: top,
		bottom: pageH - bot, pageH: pageH, rows: newRowWriter(f)}
	f.SetHeaderFuncMode(rr.header, false)
	f.SetFooterFunc(rr.footer)
	rr.newPage()
	body(rr)
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("PDF tidak dapat dibuat: %w", err)
	}
	var out []byte
	if o.Compress && !gofpdfDeflate {
		var sink deflateSink
		err = f.Output(&sink)
		out = sink.out
	} else {
		var buf bytes.Buffer
		err = f.Output(&buf)
		out = buf.Bytes()
	}
	if err != nil {
		return fmt.Errorf("PDF tidak dapat dibuat: %w", err)
	}
	_, err = w.Write(out)
	return err
}

// gofpdfDeflate lets gofpdf compress the pages itself; tests set it to
// compare the two.
var gofpdfDeflate = false

type reportRender struct {
	ctx                         context.Context
	f                           *gofpdf.Fpdf
	d                           *ReportDoc
	left, width, top, bottom, y float64
	pageH                       float64
	rows                        *rowWriter
	// barsH is the height of the current vertical chart's bars.
	barsH float64
	// ahead holds the first rows of the next on-demand table, read to
	// measure it.
	ahead [][]string
}

const (
	repFont  = 9.0 // points, tables
	repLineH = 4.2 // mm per table line
	repPad   = 1.0 // mm cell padding
)

func (r *reportRender) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	r.f.SetFont("sans", style, size)
}

func (r *reportRender) newPage() {
	if err := r.ctx.Err(); err != nil {
		r.f.SetError(err)
		return
	}
	r.f.AddPage()
	r.y = r.top + 4
}

func (r *reportRender) ensure(h float64) {
	if r.y+h > r.bottom {
		r.newPage()
	}
}

func (r *reportRender) header() {
	n := r.f.PageNo()
	if n < 2 || r.d.PageLabel == "" {
		return
	}
	r.font(false, 8)
	r.f.SetTextColor(60, 60, 60)
	r.f.SetXY(r.left, r.top-6)
	r.f.CellFormat(r.width, 4, fmt.Sprintf(r.d.PageLabel, n), "", 0, "C", false, 0, "")
	r.f.SetTextColor(0, 0, 0)
}

func (r *reportRender) footer() {
	if r.d.Footer == "" {
		return
	}
	r.font(false, 7)
	r.f.SetTextColor(90, 90, 90)
	r.f.SetXY(r.left, r.bottom+5)
	r.f.CellFormat(r.width, 4, r.d.Footer, "", 0, "L", false, 0, "")
	r.f.SetTextColor(0, 0, 0)
}

// letterhead draws the kop surat: lambang left, lines centred in the rest,
// a thick and a thin rule under them.
func (r *reportRender) letterhead() {
	lh := r.d.Letterhead
	const imgH = 22.0
	top := r.y - 4
	textX, textW, bottom := r.left, r.width, top
	if data, ok := normalizeImage(lh.Lambang); ok {
		info := r.f.RegisterImageOptionsReader("kop-lambang", gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(data))
		if info != nil && !r.f.Err() {
			w := min(imgH*info.Width()/info.Height(), imgH*1.2)
			r.f.ImageOptions("kop-lambang", r.left, top, w, imgH, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
			textX, textW, bottom = r.left+imgH+2, r.width-2*(imgH+2), top+imgH
		} else {
			r.f.ClearError()
		}
	}
	y := top
	for i, line := range lh.Bold {
		size := 13.0
		if i > 0 {
			size = 15
		}
		r.font(true, size)
		r.f.SetXY(textX, y)
		r.f.CellFormat(textW, size*0.45, line, "", 0, "C", false, 0, "")
		y += size * 0.45
	}
	r.font(false, 9)
	for _, line := range lh.Lines {
		for _, l := range r.f.SplitText(line, textW) {
			r.f.SetXY(textX, y)
			r.f.CellFormat(textW, 4, l, "", 0, "C", false, 0, "")
			y += 4
		}
	}
	y = math.Max(y, bottom) + 2
	r.f.SetDrawColor(0, 0, 0)
	r.f.SetLineWidth(0.8)
	r.f.Line(r.left, y, r.left+r.width, y)
	r.f.SetLineWidth(0.25)
	r.f.Line(r.left, y+1.2, r.left+r.width, y+1.2)
	r.y = y + 6
}

func (r *reportRender) title() {
	r.font(true, 12)
	for _, l := range r.f.SplitText(r.d.Title, r.width) {
		r.f.SetXY(r.left, r.y)
		r.f.CellFormat(r.width, 6, l, "", 0, "C", false, 0, "")
		r.y += 6
	}
	r.font(false, 10)
	for _, line := range r.d.Lines {
		r.f.SetXY(r.left, r.y)
		r.f.CellFormat(r.width, 5, line, "", 0, "C", false, 0, "")
		r.y += 5
	}
	r.y += 4
}

func (r *reportRender) block(b *ReportBlock) {
	const headH = 7.0
	// A heading never stands alone at the foot of a page.
	need := headH + 3*repLineH + 4*repPad
	r.barsH = chartBarsH
	switch {
	case b.Chart != nil && !b.Chart.Horizontal:
		// Shorter bars rather than a page left half empty.
		rest := r.bottom - r.y - headH - (r.chartHeight(b.Chart) - chartBarsH)
		if rest >= chartMinBarsH {
			r.barsH = min(chartBarsH, rest)
		}
		need = headH + r.chartHeight(b.Chart)
	case b.Chart != nil:
		need = headH + r.chartHeight(b.Chart)
	case b.Table != nil:
		need = headH + r.tableNeed(b.Table)
	}
	r.ensure(need)
	if b.Heading != "" {
		r.font(true, 10.5)
		r.f.SetXY(r.left, r.y)
		r.f.CellFormat(r.width, 6, b.Heading, "", 0, "L", false, 0, "")
		r.y += 7
	}
	if b.Note != "" {
		r.font(false, repFont)
		for _, l := range r.f.SplitText(b.Note, r.width) {
			r.ensure(repLineH)
			r.f.SetXY(r.left, r.y)
			r.f.CellFormat(r.width, repLineH, l, "", 0, "L", false, 0, "")
			r.y += repLineH
		}
		r.y += 2
	}
	if b.Table != nil {
		r.table(b.Table)
	}
	if b.Chart != nil {
		r.chart(b.Chart)
	}
	r.y += 5
}

// table draws t; a row that does not fit starts a new page, which repeats the header.
func (r *reportRender) table(t *ReportTable) {
	widths := r.columnWidths(t)
	head := r.lines(t.Header, widths, true)
	r.row(t, widths, head, true, true)
	put := func(cells []string, bold bool) {
		lines := r.lines(cells, widths, bold)
		if r.y+rowHeight(lines) > r.bottom {
			r.newPage()
			r.row(t, widths, head, true, true)
		}
		r.row(t, widths, lines, bold, false)
	}
	n := len(t.Rows)
	if t.Row != nil {
		n = t.N
	}
	for i := range n {
		if r.ctx.Err() != nil {
			r.f.SetError(r.ctx.Err())
			return
		}
		if t.Row != nil && i < len(r.ahead) {
			put(r.ahead[i], false)
		} else if t.Row != nil {
			put(t.Row(i), false)
		} else {
			put(t.Rows[i], false)
		}
	}
	if t.Total != nil {
		put(t.Total, true)
	}
	r.ahead = r.ahead[:0]
}

// tableNeed is the room a table asks for before it starts: all of it when
// it fits on a page of its own, so a small table is never split; else its
// header and first three rows, so a split leaves no heading or lone rows at
// a page's foot.
func (r *reportRender) tableNeed(t *ReportTable) float64 {
	widths := r.columnWidths(t)
	n := len(t.Rows)
	r.ahead = r.ahead[:0]
	row := func(i int) float64 { return rowHeight(r.lines(t.Rows[i], widths, false)) }
	if t.Row != nil {
		// Rows made on demand are made once: those read here wait in ahead.
		n = t.N
		row = func(i int) float64 {
			r.ahead = append(r.ahead, t.Row(i))
			return rowHeight(r.lines(r.ahead[i], widths, false))
		}
	}
	page := r.bottom - (r.top + 4) - 7
	h := rowHeight(r.lines(t.Header, widths, true))
	minimum := h
	for i := range n {
		h += row(i)
		if i == min(n, 3)-1 {
			minimum = h
		}
		if h > page {
			return minimum
		}
	}
	if t.Total != nil {
		h += rowHeight(r.lines(t.Total, widths, true))
		if n < 3 {
			minimum = h
		}
	}
	if h > page {
		return minimum
	}
	return h
}

func (r *reportRender) columnWidths(t *ReportTable) []float64 {
	sum := 0.0
	for i := range t.Header {
		sum += r.share(t, i)
	}
	width := r.width
	if t.Width > 0 && t.Width < 1 {
		width *= t.Width
	}
	out := make([]float64, len(t.Header))
	for i := range out {
		out[i] = width * r.share(t, i) / sum
	}
	return out
}

func (r *reportRender) share(t *ReportTable, i int) float64 {
	if i < len(t.Widths) && t.Widths[i] > 0 {
		return t.Widths[i]
	}
	return 1
}

func (r *reportRender) lines(cells []string, widths []float64, bold bool) [][]string {
	r.font(bold, repFont)
	out := make([][]string, len(widths))
	for i, w := range widths {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		switch {
		case text == "":
			out[i] = []string{""}
		case !slowRows && r.rows.fits(text, w-2*repPad, bold):
			out[i] = []string{text} // as SplitText would, without its work
		case !slowRows && r.rows.fitsLines(text, w-2*repPad, bold):
			out[i] = strings.Split(text, "\n")
		default:
			out[i] = r.f.SplitText(text, w-2*repPad)
		}
	}
	return out
}

// rowHeight is the height of a row whose cells wrap into lines.
func rowHeight(lines [][]string) float64 {
	n := 1
	for _, l := range lines {
		n = max(n, len(l))
	}
	return float64(n)*repLineH + 2*repPad
}

func (r *reportRender) row(t *ReportTable, widths []float64, lines [][]string, bold, head bool) {
	h := rowHeight(lines)
	r.font(bold, repFont)
	r.f.SetDrawColor(80, 80, 80)
	r.f.SetLineWidth(0.2)
	if !head && !slowRows {
		r.fastRow(t, widths, lines, bold, h)
		return
	}
	x := r.left
	for i, w := range widths {
		style := "D"
		if head {
			r.f.SetFillColor(225, 230, 238)
			style = "FD"
		}
		r.f.Rect(x, r.y, w, h, style)
		align := "L"
		if i < len(t.Align) && t.Align[i] != "" {
			align = t.Align[i]
		}
		if head {
			align = "C"
		}
		for j, l := range lines[i] {
			r.f.SetXY(x+repPad, r.y+repPad+float64(j)*repLineH)
			r.f.CellFormat(w-2*repPad, repLineH, l, "", 0, align, false, 0, "")
			r.rows.shown(l, bold)
		}
		x += w
	}
	r.y += h
}

// fastRow is row's body for a row that is not the header: the same bytes
// through rowWriter.
func (r *reportRender) fastRow(t *ReportTable, widths []float64, lines [][]string, bold bool, h float64) {
	w := r.rows
	w.begin()
	x := r.left
	for i, cw := range widths {
		w.rect(x, r.y, cw, h)
		align := "L"
		if i < len(t.Align) && t.Align[i] != "" {
			align = t.Align[i]
		}
		for j, l := range lines[i] {
			if l == "" {
				continue // CellFormat writes nothing
			}
			lx, ly := x+repPad, r.y+repPad+float64(j)*repLineH
			if !w.text(lx, ly, cw-2*repPad, repLineH, l, align, bold) {
				w.flush()
				r.f.SetXY(lx, ly)
				r.f.CellFormat(cw-2*repPad, repLineH, l, "", 0, align, false, 0, "")
				w.shown(l, bold)
			}
		}
		x += cw
	}
	w.flush()
	r.y += h
}

// slowRows draws every row through gofpdf's calls; tests set it to compare.
var slowRows = false

// Chart geometry, mm.
const (
	chartBarsH    = 45.0 // vertical chart: the bars' area
	chartMinBarsH = 28.0 // ... at least, where the page's rest is short
	chartLabelsH  = 10.0
	chartLegendH  = 6.0
	chartRowH     = 6.0 // horizontal chart: one bar
)

func (r *reportRender) chartHeight(c *BarChart) float64 {
	if c.Horizontal {
		return float64(len(c.Categories))*chartRowH + 3
	}
	return r.barsH + chartLabelsH + chartLegendH + 2
}

func total(c *BarChart, i int) float64 {
	t := 0.0
	for _, s := range c.Series {
		if i < len(s.Values) {
			t += s.Values[i]
		}
	}
	return t
}

// AxisTicks is a count axis for counts up to most: a whole step of 1, 2 or 5
// times a power of ten, and the top, a multiple of step at or above most,
// reached in at most five steps.
func AxisTicks(most int) (step, top int) {
	most = max(most, 1)
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if step = m * p; (most+step-1)/step <= 5 {
				return step, (most + step - 1) / step * step
			}
		}
	}
}

func (r *reportRender) chart(c *BarChart) {
	if len(c.Categories) == 0 {
		return
	}
	r.ensure(r.chartHeight(c))
	most := 0.0
	for i := range c.Categories {
		most = math.Max(most, total(c, i))
	}
	step, top := AxisTicks(int(math.Ceil(most)))
	if c.Horizontal {
		r.hbars(c, float64(top))
	} else {
		r.vbars(c, step, top)
	}
	r.legend(c)
}

func (r *reportRender) vbars(c *BarChart, step, topN int) {
	top := float64(topN)
	axisX := r.left + 12
	plotW := r.width - 12
	barsH := r.barsH
	base := r.y + barsH
	r.font(false, 7)
	r.f.SetDrawColor(170, 170, 170)
	r.f.SetLineWidth(0.1)
	for tick := 0; tick <= topN; tick += step {
		y := base - float64(tick)/top*barsH
		r.f.Line(axisX, y, axisX+plotW, y)
		r.f.SetXY(r.left, y-2)
		r.f.CellFormat(11, 4, c.number(float64(tick)), "", 0, "R", false, 0, "")
	}
	slot := plotW / float64(len(c.Categories))
	barW := math.Min(slot*0.7, 14)
	every := max(1, int(math.Ceil(8/slot))) // a label every few bars where they crowd
	for i, cat := range c.Categories {
		x := axisX + slot*float64(i) + (slot-barW)/2
		y := base
		for _, s := range c.Series {
			if i >= len(s.Values) || s.Values[i] <= 0 {
				continue
			}
			h := s.Values[i] / top * barsH
			r.f.SetFillColor(int(s.Color[0]), int(s.Color[1]), int(s.Color[2]))
			r.f.Rect(x, y-h, barW, h, "F")
			y -= h
		}
		if i%every == 0 {
			r.f.SetXY(axisX+slot*float64(i)-4, base+1)
			r.f.CellFormat(slot+8, 4, cat, "", 0, "C", false, 0, "")
		}
	}
	r.f.SetDrawColor(0, 0, 0)
	r.f.SetLineWidth(0.3)
	r.f.Line(axisX, base, axisX+plotW, base)
	r.y = base + chartLabelsH
}

func (r *reportRender) hbars(c *BarChart, top float64) {
	labelW := 45.0
	plotX := r.left + labelW
	plotW := r.width - labelW - 14
	r.font(false, 8)
	for i, cat := range c.Categories {
		y := r.y + float64(i)*chartRowH
		r.f.SetXY(r.left, y+0.5)
		r.f.CellFormat(labelW-2, chartRowH-1, cat, "", 0, "R", false, 0, "")
		x := plotX
		for _, s := range c.Series {
			if i >= len(s.Values) || s.Values[i] <= 0 {
				continue
			}
			w := s.Values[i] / top * plotW
			r.f.SetFillColor(int(s.Color[0]), int(s.Color[1]), int(s.Color[2]))
			r.f.Rect(x, y+0.8, w, chartRowH-1.6, "F")
			x += w
		}
		r.f.SetXY(x+1, y+0.5)
		r.f.CellFormat(13, chartRowH-1, c.number(total(c, i)), "", 0, "L", false, 0, "")
	}
	r.f.SetDrawColor(0, 0, 0)
	r.f.SetLineWidth(0.3)
	r.f.Line(plotX, r.y, plotX, r.y+float64(len(c.Categories))*chartRowH)
	r.y += float64(len(c.Categories))*chartRowH + 1
}

func (r *reportRender) legend(c *BarChart) {
	if len(c.Series) < 2 || c.Horizontal {
		r.y += 1
		return
	}
	r.font(false, 8)
	x := r.left + 12
	for _, s := range c.Series {
		w := r.f.GetStringWidth(s.Name)
		if x+5+w > r.left+r.width {
			x = r.left + 12
			r.y += chartLegendH - 1
		}
		r.f.SetFillColor(int(s.Color[0]), int(s.Color[1]), int(s.Color[2]))
		r.f.Rect(x, r.y+1, 3.5, 3.5, "F")
		r.f.SetXY(x+4.5, r.y+0.7)
		r.f.CellFormat(w+1, 4, s.Name, "", 0, "L", false, 0, "")
		x += 4.5 + w + 6
	}
	r.y += chartLegendH
}
