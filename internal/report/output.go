package report

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/pdf"
)

// Office is our office as the letterhead shows it.
type Office struct {
	Party   agreement.Party
	Lambang []byte
}

// OfficeOf finds our own office among parties and reads its lambang through
// file; ok is false when no office is set up.
func OfficeOf(parties []agreement.Party, file func(sha string) ([]byte, error)) (Office, bool) {
	for _, p := range parties {
		if !p.Own {
			continue
		}
		o := Office{Party: p}
		if p.Lambang != nil && file != nil {
			o.Lambang, _ = file(p.Lambang.SHA256) // a missing image leaves the place empty
		}
		return o, true
	}
	return Office{}, false
}

// Letterhead is the kop surat of the office.
func (o Office) Letterhead() pdf.Letterhead {
	lh := pdf.Letterhead{Lambang: o.Lambang}
	if o.Party.Name != "" {
		lh.Bold = []string{strings.ToUpper(o.Party.Name)}
	}
	var addr []string
	for _, s := range []string{o.Party.Address, o.Party.Seat} {
		if s = strings.TrimSpace(s); s != "" && !strings.Contains(strings.Join(addr, " "), s) {
			addr = append(addr, s)
		}
	}
	if len(addr) > 0 {
		lh.Lines = []string{strings.Join(addr, ", ")}
	}
	return lh
}

// Profile is the office's paper for the report; the rest of the page is the report's own.
func (o Office) Profile() pdf.Profile {
	p := pdf.DefaultProfile()
	if o.Party.Page != nil && strings.EqualFold(strings.TrimSpace(o.Party.Page.Paper), "F4") {
		p.Paper = "F4"
	}
	return p
}

// Title is the report's title line and the lines under it.
func (r *Report) Title(l i18n.Lang) (string, []string) {
	return TTitle.In(l), []string{
		TPeriod.In(l, DateText(r.Period.From, l), DateText(r.Period.To, l)),
		TAsOf.In(l, DateText(r.AsOf, l)),
	}
}

// Charts are the report's two pictures: signed per year by kind, and the
// period's status breakdown.
func (r *Report) Charts(l i18n.Lang) (perYear, status pdf.BarChart) {
	years, by := r.Years()
	for _, y := range years {
		perYear.Categories = append(perYear.Categories, r.YearLabel(y, l))
	}
	for _, k := range agreement.Kinds {
		s := pdf.Series{Name: KindLabel(k, l), Color: KindColor[k]}
		for _, y := range years {
			s.Values = append(s.Values, float64(by[y][k]))
		}
		perYear.Series = append(perYear.Series, s)
	}
	number := func(n int) string { return Thousands(n, l) }
	perYear.Number, status.Number = number, number
	status.Horizontal = true
	for _, c := range Labelled(r.ByStatus, "status", l) {
		status.Categories = append(status.Categories, c.Label)
	}
	for i, c := range r.ByStatus {
		s := pdf.Series{Name: status.Categories[i], Color: StatusColor[agreement.Status(c.Key)], Values: make([]float64, len(r.ByStatus))}
		s.Values[i] = float64(c.N)
		status.Series = append(status.Series, s)
	}
	return perYear, status
}

// Document lays the report out for the PDF: title, summary, the charts, then
// every table.
func (r *Report) Document(o Office, l i18n.Lang, made time.Time) *pdf.ReportDoc {
	title, lines := r.Title(l)
	d := &pdf.ReportDoc{Letterhead: o.Letterhead(), Title: title, Lines: lines,
		PageLabel: TPage.In(l), Footer: TFooter.In(l, DateText(agreement.DateOf(made), l)),
		Meta: pdf.ReportMeta{Title: title + " " + lines[0], Author: o.Party.Name, Creator: "Sepakat"}}
	if len(r.Damaged) > 0 {
		d.Blocks = append(d.Blocks, pdf.ReportBlock{Note: TDamaged.In(l, len(r.Damaged))})
	}
	tables := r.Tables(l)
	perYear, status := r.Charts(l)
	for i := range tables {
		t := &tables[i]
		if t.Sheet == "Per Tahun" {
			continue // the workbook's; the page shows the picture, after the summary
		}
		b := pdf.ReportBlock{Heading: t.Title, Table: pdfTable(t, l)}
		if t.Len() == 0 {
			b.Table, b.Note = nil, TNone.In(l)
		}
		d.Blocks = append(d.Blocks, b)
		switch t.Sheet {
		case "Ringkasan":
			b := pdf.ReportBlock{Heading: TPerYear.In(l), Chart: &perYear}
			if len(perYear.Categories) == 0 {
				b.Chart, b.Note = nil, TNone.In(l)
			}
			d.Blocks = append(d.Blocks, b)
		case "Status":
			d.Blocks = append(d.Blocks, pdf.ReportBlock{Heading: TByStatusChart.In(l), Chart: &status})
		}
	}
	return d
}

func pdfTable(t *Table, l i18n.Lang) *pdf.ReportTable {
	out := &pdf.ReportTable{Header: t.Header, Widths: t.Widths, Align: t.Align}
	if t.IDs == nil {
		out.Width = 0.6 // counts read better narrow
	}
	if t.row != nil {
		out.N, out.Row = t.Len(), func(i int) []string { return cellTexts(t.Row(i), l) }
	} else {
		for _, row := range t.Rows {
			out.Rows = append(out.Rows, cellTexts(row, l))
		}
	}
	if t.Total != nil {
		out.Total = cellTexts(t.Total, l)
	}
	return out
}

func cellTexts(row []any, l i18n.Lang) []string {
	out := make([]string, len(row))
	for i, v := range row {
		out[i] = CellText(v, l)
	}
	return out
}

// WritePDF writes the report as a PDF on the office's letterhead; nothing is
// written to w unless the whole PDF is made (RenderReport).
func (r *Report) WritePDF(ctx context.Context, w io.Writer, o Office, l i18n.Lang, made time.Time) error {
	rd, err := pdf.NewRenderer()
	if err != nil {
		return err
	}
	return rd.RenderReport(ctx, w, r.Document(o, l, made), o.Profile(), pdf.Options{Compress: true, Created: made})
}

// WriteXLSX writes the report as a workbook: a sheet per table, with a bold
// frozen header row, column widths, an autofilter, numbers as numbers and
// dates as dates. Each sheet is streamed (excelize's StreamWriter, which
// keeps what it wrote in a temporary file past 16 MB), so a list of 30 000
// agreements in force is never held as cells.
func (r *Report) WriteXLSX(ctx context.Context, w io.Writer, o Office, l i18n.Lang, made time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E1E6EE"}}})
	if err != nil {
		return err
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	wrap, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	// Month names in the report's language whatever Excel's own: 421 is
	// Indonesian, 409 English (United States).
	dateFmt := "[$-421]d mmmm yyyy"
	if l == i18n.EN {
		dateFmt = "[$-409]d mmmm yyyy"
	}
	date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Vertical: "top"}})
	boldDate, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Font: &excelize.Font{Bold: true}})
	title, lines := r.Title(l)
	// cell turns a table's value into what the stream writes.
	cell := func(v any, total bool) any {
		switch v := v.(type) {
		case int:
			if total {
				return excelize.Cell{StyleID: bold, Value: v}
			}
			return v
		case agreement.Date:
			if !v.Valid() {
				return nil
			}
			if total {
				return excelize.Cell{StyleID: boldDate, Value: v.Time()}
			}
			return excelize.Cell{StyleID: date, Value: v.Time()}
		}
		text := CellText(v, l)
		switch s, _ := v.(string); {
		case total:
			return excelize.Cell{StyleID: bold, Value: text}
		case strings.Contains(s, "\n") || len(s) > 40:
			return excelize.Cell{StyleID: wrap, Value: text}
		}
		return text
	}
	for i, t := range r.Tables(l) {
		if err := ctx.Err(); err != nil {
			return err
		}
		sheet := t.Sheet
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		// Rows 1–3: office, title and period; row 5 the header, frozen.
		const headRow = 5
		n := t.Len()
		if n > 0 {
			// Set before the stream starts: it writes the sheet's settings first.
			end, _ := excelize.CoordinatesToCellName(len(t.Header), headRow+n)
			if err := f.AutoFilter(sheet, "A5:"+end, nil); err != nil {
				return err
			}
		}
		sw, err := f.NewStreamWriter(sheet)
		if err != nil {
			return err
		}
		// Set from the last column: excelize puts each new one first, and
		// Excel wants them in order.
		for c := len(t.Header) - 1; c >= 0; c-- {
			width := 10.0
			if c < len(t.Widths) {
				width = max(6, min(60, t.Widths[c]*12))
			}
			if err := sw.SetColWidth(c+1, c+1, width); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: "A6", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		top := [][]any{{o.Party.Name}, {excelize.Cell{StyleID: bold, Value: title + " – " + t.Title}}, {strings.Join(lines, "; ")}}
		for j, row := range top {
			if err := sw.SetRow(cellName(1, j+1), row); err != nil {
				return err
			}
		}
		header := make([]any, len(t.Header))
		for c, h := range t.Header {
			header[c] = excelize.Cell{StyleID: head, Value: h}
		}
		if err := sw.SetRow(cellName(1, headRow), header); err != nil {
			return err
		}
		values := make([]any, len(t.Header))
		put := func(at int, row []any, total bool) error {
			clear(values)
			for c, v := range row {
				if c < len(values) {
					values[c] = cell(v, total)
				}
			}
			return sw.SetRow(cellName(1, at), values)
		}
		for ri := range n {
			if ri%1000 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if err := put(headRow+1+ri, t.Row(ri), false); err != nil {
				return err
			}
		}
		if t.Total != nil {
			if err := put(headRow+1+n, t.Total, true); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "Sepakat", Created: made.UTC().Format(time.RFC3339)})
	_, err = f.WriteTo(w)
	return err
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}
