package report

import (
	"bytes"
	"context"
	"fmt"
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
		perYear.Categories = append(perYear.Categories, fmt.Sprint(y))
	}
	for _, k := range agreement.Kinds {
		s := pdf.Series{Name: KindLabel(k, l), Color: KindColor[k]}
		for _, y := range years {
			s.Values = append(s.Values, float64(by[y][k]))
		}
		perYear.Series = append(perYear.Series, s)
	}
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
		if len(t.Rows) == 0 {
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
	for _, row := range t.Rows {
		out.Rows = append(out.Rows, cellTexts(row, l))
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
// written to w unless the whole PDF is made.
func (r *Report) WritePDF(ctx context.Context, w io.Writer, o Office, l i18n.Lang, made time.Time) error {
	rd, err := pdf.NewRenderer()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := rd.RenderReport(ctx, &buf, r.Document(o, l, made), o.Profile(), pdf.Options{Compress: true, Created: made}); err != nil {
		return err
	}
	_, err = buf.WriteTo(w)
	return err
}

// WriteXLSX writes the report as a workbook: a sheet per table, with a bold
// frozen header row, column widths, numbers as numbers and dates as dates.
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
	dateFmt := "d mmmm yyyy"
	date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Vertical: "top"}})
	title, lines := r.Title(l)
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
		top := []string{o.Party.Name, title + " – " + t.Title, strings.Join(lines, "; ")}
		for j, s := range top {
			cell, _ := excelize.CoordinatesToCellName(1, j+1)
			if err := f.SetCellStr(sheet, cell, s); err != nil {
				return err
			}
		}
		f.SetCellStyle(sheet, "A2", "A2", bold)
		const headRow = 5
		for c, h := range t.Header {
			cell, _ := excelize.CoordinatesToCellName(c+1, headRow)
			f.SetCellStr(sheet, cell, h)
			col, _ := excelize.ColumnNumberToName(c + 1)
			width := 10.0
			if c < len(t.Widths) {
				width = max(6, min(60, t.Widths[c]*12))
			}
			f.SetColWidth(sheet, col, col, width)
		}
		last, _ := excelize.CoordinatesToCellName(len(t.Header), headRow)
		f.SetCellStyle(sheet, "A5", last, head)
		rows := t.Rows
		if t.Total != nil {
			rows = append(rows[:len(rows):len(rows)], t.Total)
		}
		for ri, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, headRow+1+ri)
				switch v := v.(type) {
				case int:
					err = f.SetCellInt(sheet, cell, int64(v))
				case agreement.Date:
					if v.Valid() {
						err = f.SetCellValue(sheet, cell, v.Time())
						f.SetCellStyle(sheet, cell, cell, date)
					}
				default:
					err = f.SetCellStr(sheet, cell, CellText(v, l))
					if s, ok := v.(string); ok && (strings.Contains(s, "\n") || len(s) > 40) {
						f.SetCellStyle(sheet, cell, cell, wrap)
					}
				}
				if err != nil {
					return err
				}
			}
		}
		if t.Total != nil {
			a, _ := excelize.CoordinatesToCellName(1, headRow+len(rows))
			b, _ := excelize.CoordinatesToCellName(len(t.Header), headRow+len(rows))
			f.SetCellStyle(sheet, a, b, bold)
		}
		if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: "A6", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		if len(t.Rows) > 0 {
			end, _ := excelize.CoordinatesToCellName(len(t.Header), headRow+len(t.Rows))
			if err := f.AutoFilter(sheet, "A5:"+end, nil); err != nil {
				return err
			}
		}
	}
	f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "Sepakat", Created: made.UTC().Format(time.RFC3339)})
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	_, err = buf.WriteTo(w)
	return err
}
