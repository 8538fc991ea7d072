package sheet

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
)

// Export is one agreement as the register's export writes it, a value per
// field of Fields; dates are kept as dates.
type Export struct {
	Text  map[Field]string
	Dates map[Field]agreement.Date
}

// ExportOf is an agreement's row; names gives a party's name by ID.
func ExportOf(a *agreement.Agreement, names func(agreement.ID) string, now time.Time) Export {
	e := Export{Text: map[Field]string{}, Dates: map[Field]agreement.Date{}}
	e.Text[Number] = a.OwnNumber()
	e.Text[PartnerNumber] = a.PartnerNumber()
	e.Text[Kind] = a.Kind.Title()
	// The parent's number as the child cites it; WriteRegister puts the
	// parent's own number as it stands now.
	if a.Parent != nil && len(a.Parent.Numbers) > 0 {
		e.Text[ParentNumber] = a.Parent.Numbers[0]
	}
	e.Text[Subject] = a.Subject
	var partners []string
	for _, id := range a.PartnerIDs() {
		partners = append(partners, names(id))
	}
	e.Text[Partner] = strings.Join(partners, "; ")
	if a.Signing != nil {
		e.Dates[Signed] = a.Signing.Date
		var signers []string
		for _, s := range a.Signing.Signers {
			signers = append(signers, s.Name)
		}
		e.Text[Signer] = strings.Join(signers, "; ")
	}
	e.Dates[Start] = a.Term.Start
	e.Dates[End] = a.EffectiveEnd()
	if a.Term.Length > 0 {
		e.Text[Term] = strconv.Itoa(a.Term.Length) + " " + string(a.Term.Unit)
	}
	e.Text[Status] = a.PhaseAt(now, agreement.DefaultSoonDays).Label()
	e.Text[Implementer] = strings.Join(a.Implementers, "; ")
	e.Text[Notes] = a.Notes
	return e
}

func boolPtr(b bool) *bool { return &b }

func isDate(f Field) bool { return f == Signed || f == Start || f == End }

// columnWidths are the export's column widths, in characters, per field.
var columnWidths = map[Field]float64{Number: 26, PartnerNumber: 26, Kind: 20, ParentNumber: 26, Subject: 60, Partner: 36, Signed: 14, Start: 14, End: 14,
	Term: 12, Status: 16, Implementer: 30, Signer: 30, Notes: 40}

// XLSXWriter writes the register as a workbook: one sheet "Daftar" with a
// bold header row, frozen, with an autofilter, set column widths, and dates
// as date cells.
type XLSXWriter struct {
	f    *excelize.File
	sw   *excelize.StreamWriter
	date int
	wrap int
	row  int
}

// SheetName is the export's sheet.
const SheetName = "Daftar"

// NewXLSX starts a register workbook of rows agreements with its header in
// lang; the autofilter covers the header and those rows.
func NewXLSX(lang i18n.Lang, rows int) (*XLSXWriter, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", SheetName); err != nil {
		return nil, err
	}
	// Set before the stream starts: the stream keeps what the sheet has
	// beside its rows.
	last, _ := excelize.CoordinatesToCellName(len(Fields), max(rows+1, 2))
	if err := f.AutoFilter(SheetName, "A1:"+last, nil); err != nil {
		return nil, err
	}
	// Printed: landscape, one page wide, the header on every page.
	landscape, one, tall := "landscape", 1, 0
	if err := f.SetPageLayout(SheetName, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return nil, err
	}
	if err := f.SetSheetProps(SheetName, &excelize.SheetPropsOptions{FitToPage: boolPtr(true)}); err != nil {
		return nil, err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: SheetName + "!$1:$1", Scope: SheetName}); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(SheetName)
	if err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return nil, err
	}
	custom := "dd-mm-yyyy"
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &custom, Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return nil, err
	}
	// Long text wraps inside its column instead of running over the next.
	wrap, err := f.NewStyle(&excelize.Style{Alignment: top})
	if err != nil {
		return nil, err
	}
	for c, fl := range Fields {
		if err := sw.SetColWidth(c+1, c+1, columnWidths[fl]); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	head := make([]any, len(Fields))
	for c, fl := range Fields {
		head[c] = excelize.Cell{StyleID: bold, Value: fl.Label(lang)}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return nil, err
	}
	return &XLSXWriter{f: f, sw: sw, date: date, wrap: wrap, row: 1}, nil
}

// Add writes one agreement's row.
func (w *XLSXWriter) Add(e Export) error {
	w.row++
	vals := make([]any, len(Fields))
	for c, fl := range Fields {
		switch {
		case isDate(fl):
			if d := e.Dates[fl]; !d.IsZero() {
				vals[c] = excelize.Cell{StyleID: w.date, Value: d.Time()}
			}
		default:
			if v := e.Text[fl]; v != "" {
				vals[c] = excelize.Cell{StyleID: w.wrap, Value: v}
			}
		}
	}
	cell, _ := excelize.CoordinatesToCellName(1, w.row)
	return w.sw.SetRow(cell, vals, excelize.RowOpts{Height: rowHeight(e)})
}

// rowHeight is the height, in points, that shows a row's wrapped text whole:
// spreadsheets do not always grow a streamed row to fit.
func rowHeight(e Export) float64 {
	lines := 1
	for _, fl := range Fields {
		v := e.Text[fl]
		if v == "" || isDate(fl) {
			continue
		}
		n := 0
		for _, para := range strings.Split(v, "\n") {
			// About one character per unit of width, less the padding.
			per := int(columnWidths[fl]) - 1
			n += max(1, (len([]rune(para))+per-1)/per)
		}
		lines = max(lines, n)
	}
	return float64(min(lines, 20)) * 15
}

// Finish writes the workbook to out.
func (w *XLSXWriter) Finish(out io.Writer) error {
	if err := w.sw.Flush(); err != nil {
		return err
	}
	_, err := w.f.WriteTo(out)
	w.f.Close()
	return err
}

// CSVWriter writes the register as CSV: UTF-8 with a byte-order mark (so
// Excel reads it as UTF-8), semicolons (Excel in Indonesian), dates
// dd-mm-yyyy.
type CSVWriter struct{ w *csv.Writer }

// NewCSV starts a register CSV with its header in lang.
func NewCSV(out io.Writer, lang i18n.Lang) (*CSVWriter, error) {
	if _, err := io.WriteString(out, "\xEF\xBB\xBF"); err != nil {
		return nil, err
	}
	w := csv.NewWriter(out)
	w.Comma = ';'
	w.UseCRLF = true
	head := make([]string, len(Fields))
	for c, fl := range Fields {
		head[c] = fl.Label(lang)
	}
	return &CSVWriter{w}, w.Write(head)
}

// Add writes one agreement's row.
func (c *CSVWriter) Add(e Export) error {
	rec := make([]string, len(Fields))
	for i, fl := range Fields {
		if isDate(fl) {
			if d := e.Dates[fl]; !d.IsZero() {
				rec[i] = d.Time().Format("02-01-2006")
			}
			continue
		}
		rec[i] = e.Text[fl]
	}
	return c.w.Write(rec)
}

// Finish flushes the rows.
func (c *CSVWriter) Finish() error {
	c.w.Flush()
	return c.w.Error()
}
