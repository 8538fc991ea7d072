package report

import (
	"strconv"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
	"sepakat/internal/i18n"
	"sepakat/internal/pdf"
)

// Table is one table of the report, the same in the PDF, the workbook and
// the screen. A cell is a string, an int or an agreement.Date.
type Table struct {
	// Sheet is the table's short name (a workbook sheet's name).
	Sheet  string
	Title  string
	Header []string
	// Widths are the columns' relative widths; Align "L", "C" or "R" each.
	Widths []float64
	Align  []string
	// Rows are a count table's rows; a list's rows are made one at a time
	// when read (Row), so that 30 000 agreements in force are never held
	// as cells.
	Rows [][]any
	// Total is a last row in bold; nil: none.
	Total []any
	// IDs are the agreements of a list's rows, in order; nil for counts.
	IDs []agreement.ID

	n   int
	row func(i int) []any
}

// Len is the number of rows (without the total).
func (t *Table) Len() int {
	if t.row != nil {
		return t.n
	}
	return len(t.Rows)
}

// Row is row i, 0 ≤ i < Len().
func (t *Table) Row(i int) []any {
	if t.row != nil {
		return t.row(i)
	}
	return t.Rows[i]
}

// list makes t a list of the rows of rs, each made by cells when read.
func (t *Table) list(rs []Row, cells func(i int, r *Row) []any) {
	t.n = len(rs)
	t.row = func(i int) []any { return cells(i, &rs[i]) }
	t.IDs = make([]agreement.ID, len(rs))
	for i := range rs {
		t.IDs[i] = rs[i].ID
	}
}

// KindColor and StatusColor are the charts' colours, shared by the PDF and
// the screens.
var (
	KindColor = map[agreement.Kind][3]uint8{
		agreement.KindKSB: {46, 94, 170}, agreement.KindPKS: {60, 150, 90}, agreement.KindNK: {230, 140, 40},
		agreement.KindAdendum: {140, 90, 170}, agreement.KindPerpanjangan: {40, 160, 170},
	}
	StatusColor = map[agreement.Status][3]uint8{
		agreement.StatusKonsep: {150, 150, 150}, agreement.StatusTelaah: {230, 170, 40}, agreement.StatusSiapTTD: {70, 140, 210},
		agreement.StatusDitandatangani: {60, 150, 90}, agreement.StatusDibatalkan: {200, 70, 60},
	}
)

// DateText writes a day as "4 Juli 2025" (or "4 July 2025"); "" for no day.
func DateText(d agreement.Date, l i18n.Lang) string {
	if !d.Valid() {
		return ""
	}
	if l == i18n.EN {
		return d.Time().Format("2 January 2006")
	}
	return bahasa.ShortDate(d.Time())
}

// Term writes a term in figures: "01-01-2025 s.d. 31-12-2029".
func Term(start, end agreement.Date, l i18n.Lang) string {
	to := TUntil.In(l)
	if end.IsZero() {
		return numeric(start) + " " + to + " " + TOpenEnded.In(l)
	}
	return numeric(start) + " " + to + " " + numeric(end)
}

func numeric(d agreement.Date) string {
	if !d.Valid() {
		return "…"
	}
	return d.Time().Format("02-01-2006")
}

func numbers(r *Row) string {
	var parts []string
	for _, n := range []string{r.OwnNumber, r.PartnerNumber} {
		if n = strings.TrimSpace(n); n != "" && strings.Trim(n, ".… ") != "" {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, "\n")
}

// Tables returns the report's tables in l, in the order they print.
func (r *Report) Tables(l i18n.Lang) []Table {
	asOf := DateText(r.AsOf, l)
	summary := Table{Sheet: "Ringkasan", Title: TSummary.In(l), Header: []string{TColWhat.In(l), TColCount.In(l)},
		Widths: []float64{5, 1}, Align: []string{"L", "R"}, Rows: [][]any{
			{TTotal.In(l), r.Total},
			{TSignedTotal.In(l), r.SignedTotal},
			{TInForceTotal.In(l, asOf), len(r.InForce)},
			{TEnding90.In(l), r.Ending90},
			{TEnding180.In(l), r.Ending180},
			{TSleepingTotal.In(l), len(r.Sleeping)},
			{TMonDone.In(l), Thousands(r.MonitoringDone, l) + " / " + Thousands(r.MonitoringAgreements, l)},
			{TMonOverdue.In(l), Thousands(r.MonitoringOverdue, l) + " / " + Thousands(r.OverdueAgreements, l)},
		}}
	kinds := Table{Sheet: "Jenis", Title: TByKind.In(l), Header: []string{TColKind.In(l), TColCount.In(l), TColSigned.In(l)},
		Widths: []float64{4, 1, 1.4}, Align: []string{"L", "R", "R"}}
	for i, c := range Labelled(r.ByKind, "kind", l) {
		kinds.Rows = append(kinds.Rows, []any{c.Label, c.N, r.Signed[i].N})
	}
	kinds.Total = []any{TTotalRow.In(l), r.Total, r.SignedTotal}
	tables := []Table{summary, kinds,
		countTable("Status", TByStatus.In(l), TColStatus.In(l), Labelled(r.ByStatus, "status", l), l, false),
		countTable("Kategori", TByCategory.In(l), TColCategory.In(l), Labelled(r.ByCategory, "category", l), l, false),
		countTable("Mitra", TByPartner.In(l), TColPartner.In(l), Labelled(r.ByPartner, "partner", l), l, true),
		countTable("Provinsi", TByProvince.In(l), TColProvince.In(l), Labelled(r.ByProvince, "province", l), l, true),
		countTable("Perangkat Daerah", TByImplementer.In(l), TColImplementer.In(l), r.ByImplementer, l, true),
	}

	ending := Table{Sheet: "Segera Berakhir", Title: TEnding.In(l),
		Header: []string{TColNo.In(l), TColKind.In(l), TColNumbers.In(l), TColSubject.In(l), TColPartner.In(l), TColTerm.In(l), TColDaysLeft.In(l)},
		Widths: []float64{0.7, 0.9, 2.8, 3, 2.2, 1.9, 0.9}, Align: []string{"R", "L", "L", "L", "L", "L", "R"}}
	ending.list(r.Ending, func(i int, row *Row) []any {
		return []any{i + 1, string(row.Kind), numbers(row), row.Subject, row.Partner, Term(row.Start, row.End, l), row.DaysLeft}
	})
	sleeping := Table{Sheet: "KSB Tidur", Title: TSleeping.In(l),
		Header: []string{TColNo.In(l), TColNumbers.In(l), TColSubject.In(l), TColPartner.In(l), TColSigned.In(l)},
		Widths: []float64{0.7, 2.8, 3.4, 2.6, 1.6}, Align: []string{"R", "L", "L", "L", "L"}}
	sleeping.list(r.Sleeping, func(i int, row *Row) []any {
		return []any{i + 1, numbers(row), row.Subject, row.Partner, row.Signed}
	})
	inForce := Table{Sheet: "Berlaku", Title: TInForce.In(l) + " (" + asOf + ")",
		Header: []string{TColNo.In(l), TColKind.In(l), TColNumbers.In(l), TColSubject.In(l), TColPartner.In(l), TColTerm.In(l), TColStatus.In(l)},
		Widths: []float64{0.8, 0.9, 2.8, 3, 2.2, 1.9, 1.2}, Align: []string{"R", "L", "L", "L", "L", "L", "L"}}
	inForce.list(r.InForce, func(i int, row *Row) []any {
		return []any{i + 1, string(row.Kind), numbers(row), row.Subject, row.Partner, Term(row.Start, row.End, l), PhaseLabel(row.Phase, l)}
	})
	perYear := Table{Sheet: "Per Tahun", Title: TPerYear.In(l), Header: []string{TColYear.In(l)}, Align: []string{"L"}, Widths: []float64{1}}
	for _, k := range agreement.Kinds {
		perYear.Header = append(perYear.Header, string(k))
		perYear.Align = append(perYear.Align, "R")
		perYear.Widths = append(perYear.Widths, 1)
	}
	years, byYear := r.Years()
	for _, y := range years {
		row := []any{r.YearLabel(y, l)}
		for _, k := range agreement.Kinds {
			row = append(row, byYear[y][k])
		}
		perYear.Rows = append(perYear.Rows, row)
	}
	return append(tables, perYear, ending, sleeping, inForce)
}

// YearLabel names year y on the per-year chart and table: "2025", or, for a
// year the period covers only in part, "2025 (Jan–Jun)".
func (r *Report) YearLabel(y int, l i18n.Lang) string {
	from, to, partial := r.Period.Partial(y)
	if !partial {
		return strconv.Itoa(y)
	}
	whole := from.Day == 1 && to.AddDate(0, 0, 1).Day == 1
	var span string
	switch {
	case whole && from.Month == to.Month:
		span = shortMonth(from.Month, l)
	case whole:
		span = shortMonth(from.Month, l) + "–" + shortMonth(to.Month, l)
	case from == to:
		span = strconv.Itoa(from.Day) + " " + shortMonth(from.Month, l)
	default:
		span = strconv.Itoa(from.Day) + " " + shortMonth(from.Month, l) + "–" + strconv.Itoa(to.Day) + " " + shortMonth(to.Month, l)
	}
	return strconv.Itoa(y) + " (" + span + ")"
}

func shortMonth(m time.Month, l i18n.Lang) string {
	if l == i18n.EN {
		return m.String()[:3]
	}
	return [...]string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}[m-1]
}

// Years lists the years of PerYear, oldest first, with their counts per kind.
func (r *Report) Years() ([]int, map[int]map[agreement.Kind]int) {
	var years []int
	by := map[int]map[agreement.Kind]int{}
	for _, yc := range r.PerYear {
		if by[yc.Year] == nil {
			by[yc.Year] = map[agreement.Kind]int{}
			years = append(years, yc.Year)
		}
		by[yc.Year][yc.Kind] += yc.Count
	}
	return years, by
}

func countTable(sheet, title, col string, cs []Count, l i18n.Lang, numbered bool) Table {
	t := Table{Sheet: sheet, Title: title, Header: []string{col, TColCount.In(l)}, Widths: []float64{5, 1}, Align: []string{"L", "R"}}
	if numbered {
		t.Header = []string{TColNo.In(l), col, TColCount.In(l)}
		t.Widths = []float64{0.6, 5, 1}
		t.Align = []string{"R", "L", "R"}
	}
	sum := 0
	for i, c := range cs {
		if numbered {
			t.Rows = append(t.Rows, []any{i + 1, c.Label, c.N})
		} else {
			t.Rows = append(t.Rows, []any{c.Label, c.N})
			sum += c.N
		}
	}
	if !numbered {
		t.Total = []any{TTotalRow.In(l), sum}
	}
	return t
}

// Thousands writes n with its thousands marked: 2.094 (2,094 in English).
func Thousands(n int, l i18n.Lang) string {
	sep := "."
	if l == i18n.EN {
		sep = ","
	}
	s := strconv.Itoa(max(n, -n))
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	if n < 0 {
		s = "-" + s
	}
	return s
}

// CellText writes a cell as the PDF and the screen show it.
func CellText(v any, l i18n.Lang) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return Thousands(v, l)
	case agreement.Date:
		return DateText(v, l)
	case time.Time:
		return DateText(agreement.DateOf(v), l)
	}
	return ""
}

// AxisTicks is a chart's count axis for counts up to most: a whole step (1,
// 2, 5, 10, …) and the top it reaches, as the PDF draws it.
func AxisTicks(most int) (step, top int) { return pdf.AxisTicks(most) }
