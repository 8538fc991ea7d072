package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"sepakat/internal/i18n"
	"sepakat/internal/pick"
)

// Row is one data row of a sheet: its number in the sheet (counted from 1,
// as the spreadsheet shows it) and its cells, one per column of the table.
type Row struct {
	Line  int
	Cells []string
}

// Table is the register read from one sheet: the header row and the data
// rows under it. Cells hold the raw value: a date cell of .xlsx is its serial
// number ("45842"), a text date its text.
type Table struct {
	// File is the file's base name; Sheet the sheet's name ("" for CSV).
	File, Sheet string
	HeaderLine  int
	Header      []string
	Rows        []Row
	// Date1904 is the workbook's date system (serials counted from 1904).
	Date1904 bool
	// Hidden names hidden sheets of the workbook, which were not read.
	Hidden []string
	// dates are the cells (row index, column) of .xlsx formatted as dates.
	dates map[[2]int]bool
}

// Shown is cell c of row i as a person reads it: a date cell as "4 Juli
// 2025", anything else as it is.
func (t *Table) Shown(i, c int) string {
	v := t.Rows[i].Cells[c]
	if t.dates[[2]int{i, c}] {
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			if d, ok := ParseDate(v, t.Date1904); ok {
				return longDate(d)
			}
		}
	}
	return v
}

// Samples are the first n filled cells of column c, as shown.
func (t *Table) Samples(c, n int) []string {
	var out []string
	for i := range t.Rows {
		if c < len(t.Rows[i].Cells) && t.Rows[i].Cells[c] != "" {
			out = append(out, t.Shown(i, c))
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// markDates finds the numeric cells of the table whose format is a date.
func (t *Table) markDates(f *excelize.File) {
	isDate := map[int]bool{}
	for i, r := range t.Rows {
		for c, v := range r.Cells {
			if v == "" {
				continue
			}
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r.Line)
			idx, err := f.GetCellStyle(t.Sheet, cell)
			if err != nil || idx == 0 {
				continue
			}
			d, seen := isDate[idx]
			if !seen {
				d = dateStyle(f, idx)
				isDate[idx] = d
			}
			if d {
				if t.dates == nil {
					t.dates = map[[2]int]bool{}
				}
				t.dates[[2]int{i, c}] = true
			}
		}
	}
}

// dateStyle reports whether style idx shows a number as a date: a built-in
// date format, or a custom one with day, month or year codes.
func dateStyle(f *excelize.File, idx int) bool {
	st, err := f.GetStyle(idx)
	if err != nil || st == nil {
		return false
	}
	if st.CustomNumFmt != nil {
		// Codes outside quotes and brackets: [Red], "text" are not dates.
		fm := quotedOrBracketed.ReplaceAllString(strings.ToLower(*st.CustomNumFmt), "")
		return strings.ContainsAny(fm, "dy") || (strings.Contains(fm, "m") && !strings.ContainsAny(fm, "hs"))
	}
	n := st.NumFmt
	return (n >= 14 && n <= 17) || n == 22 || (n >= 27 && n <= 36) || (n >= 50 && n <= 58)
}

var quotedOrBracketed = regexp.MustCompile(`"[^"]*"|\[[^\]]*\]|\\.`)

// Source names the table for an imported record: "daftar.xlsx, lembar 2019".
func (t *Table) Source() string {
	if t.Sheet == "" {
		return t.File
	}
	return t.File + ", lembar " + t.Sheet
}

// SheetInfo is one sheet of a workbook.
type SheetInfo struct {
	Name   string
	Hidden bool
	// Default is the sheet read when none is chosen.
	Default bool
}

// defaultSheet is the sheet read when none is chosen: the active one (the
// sheet the workbook opens at) when it is visible and has a header row,
// else the first visible; a cover sheet first ("Rekap") is passed over.
func defaultSheet(f *excelize.File, visible []string) string {
	active := f.GetSheetName(f.GetActiveSheetIndex())
	if active == "" || active == visible[0] || !contains(visible, active) {
		return visible[0]
	}
	rows, err := f.GetRows(active, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) > MaxRows+200 {
		return visible[0]
	}
	t := &Table{Sheet: active}
	for i, r := range rows {
		t.Rows = append(t.Rows, Row{Line: i + 1, Cells: r})
	}
	var se *Error
	if err := t.settle(); errors.As(err, &se) && (se.Text == msgNoHeader || se.Text == msgEmpty || se.Text == msgNoData) {
		return visible[0]
	}
	return active
}

// without1 is list less s.
func without1(list []string, s string) []string {
	var out []string
	for _, v := range list {
		if v != s {
			out = append(out, v)
		}
	}
	return out
}

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic = []byte("PK\x03\x04")
	// An encrypted .xlsx is an OLE file with an EncryptionInfo stream (its
	// name in UTF-16LE in the directory).
	encryptionInfo = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")
)

// IsCSV reports whether the file is read as CSV (by its content and name).
func IsCSV(name string, data []byte) bool {
	if bytes.HasPrefix(data, zipMagic) || bytes.HasPrefix(data, oleMagic) {
		return false
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".txt", ".tsv":
		return true
	}
	return false
}

// checkKind refuses what is neither .xlsx nor CSV, naming the old .xls and
// password-protected workbooks.
func checkKind(name string, data []byte) error {
	base := filepath.Base(name)
	switch {
	case bytes.HasPrefix(data, oleMagic):
		if bytes.Contains(data, encryptionInfo) {
			return refuse(msgPassword, base)
		}
		return refuse(msgXLS, base)
	case bytes.HasPrefix(data, zipMagic), IsCSV(name, data):
		return nil
	case strings.EqualFold(filepath.Ext(name), ".xls"):
		return refuse(msgXLS, base)
	case strings.EqualFold(filepath.Ext(name), ".xlsx"):
		return refuse(msgCorrupt, base)
	}
	return refuse(msgKind, base)
}

func openBook(name string, data []byte) (*excelize.File, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookPassword) {
			return nil, refuse(msgPassword, filepath.Base(name))
		}
		return nil, refuse(msgCorrupt, filepath.Base(name))
	}
	return f, nil
}

// Sheets lists the sheets of a workbook, in order; a CSV file has one sheet
// without a name.
func Sheets(name string, data []byte) ([]SheetInfo, error) {
	if err := checkKind(name, data); err != nil {
		return nil, err
	}
	if IsCSV(name, data) {
		return []SheetInfo{{}}, nil
	}
	f, err := openBook(name, data)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []SheetInfo
	for _, s := range f.GetSheetList() {
		vis, err := f.GetSheetVisible(s)
		if err != nil {
			return nil, refuse(msgCorrupt, filepath.Base(name))
		}
		out = append(out, SheetInfo{Name: s, Hidden: !vis})
	}
	var visible []string
	for _, s := range out {
		if !s.Hidden {
			visible = append(visible, s.Name)
		}
	}
	if len(visible) > 0 {
		d := defaultSheet(f, visible)
		for i := range out {
			out[i].Default = out[i].Name == d
		}
	}
	return out, nil
}

// Read reads the table of one sheet of the file name holding data; sheet ""
// is the first visible sheet (and the only sheet of a CSV file). It refuses
// merged cells and formulas in the table, a missing, empty or repeated
// header row, a hidden sheet, more than MaxRows rows, and files that are not
// .xlsx or CSV, with words that say what to do.
func Read(name string, data []byte, sheet string) (*Table, error) {
	if err := checkKind(name, data); err != nil {
		return nil, err
	}
	if IsCSV(name, data) {
		t, err := readCSV(filepath.Base(name), data)
		var se *Error
		if errors.As(err, &se) {
			return nil, err
		}
		if err != nil {
			return nil, refuse(msgCorrupt, filepath.Base(name))
		}
		t.File = filepath.Base(name)
		return t, t.settle()
	}
	f, err := openBook(name, data)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t := &Table{File: filepath.Base(name)}
	list := f.GetSheetList()
	var visible []string
	for _, s := range list {
		if vis, _ := f.GetSheetVisible(s); vis {
			visible = append(visible, s)
		} else {
			t.Hidden = append(t.Hidden, s)
		}
	}
	switch {
	case sheet == "" && len(visible) == 0:
		return nil, refuse(msgNoVisible)
	case sheet == "":
		sheet = defaultSheet(f, visible)
	case !contains(list, sheet):
		return nil, refuse(msgNoSheet, sheet, strings.Join(list, ", "))
	case contains(t.Hidden, sheet):
		return nil, refuse(msgHidden, sheet)
	}
	t.Sheet = sheet
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		t.Date1904 = *p.Date1904
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, refuse(msgCorrupt, t.File)
	}
	if len(rows) > MaxRows+200 {
		// Far too many rows whatever the header: stop before the checks.
		return nil, refuse(msgTooMany, t.where(true), len(rows)-1, MaxRows)
	}
	for i, r := range rows {
		t.Rows = append(t.Rows, Row{Line: i + 1, Cells: r})
	}
	// Merged cells: only a title above the table may be merged (one row,
	// one value); anything else hides values under the merge.
	merged, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, refuse(msgCorrupt, t.File)
	}
	var bad []string
	for _, m := range merged {
		_, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		_, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		if r1 == r2 && r1 <= len(rows) && filled(rows[r1-1]) <= 1 {
			continue
		}
		bad = append(bad, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if len(bad) > 0 {
		// All of them at once: one round in Excel, not one per attempt.
		return nil, refuse(msgMerged, sheet, strings.Join(bad, ", "))
	}
	if err := t.settle(); err != nil {
		var se *Error
		if errors.As(err, &se) && (se.Text == msgNoHeader || se.Text == msgNoData) {
			if others := without1(visible, sheet); len(others) > 0 {
				// Perhaps the wrong sheet: say which others there are.
				return nil, refuse(i18n.Text{ID: se.Text.ID + " " + msgOtherSheets.ID, EN: se.Text.EN + " " + msgOtherSheets.EN},
					append(se.Args, strings.Join(others, ", "))...)
			}
		}
		return nil, err
	}
	t.markDates(f)
	// Formulas: any cell of the table, empty or not, that holds one.
	lines := append([]int{t.HeaderLine}, lineNumbers(t.Rows)...)
	for _, line := range lines {
		for c := 1; c <= len(t.Header); c++ {
			cell, _ := excelize.CoordinatesToCellName(c, line)
			if fx, err := f.GetCellFormula(sheet, cell); err == nil && fx != "" {
				return nil, refuse(msgFormula, cell, sheet, fx)
			}
		}
	}
	return t, nil
}

func lineNumbers(rows []Row) []int {
	out := make([]int, len(rows))
	for i, r := range rows {
		out[i] = r.Line
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// readCSV reads a CSV file: UTF-8 with or without a byte-order mark, or
// Windows-1252 when it is not UTF-8; fields separated by commas, semicolons
// (Excel in Indonesian) or tabs, whichever the first line uses most.
func readCSV(file string, data []byte) (*Table, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		d, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, err
		}
		data = d
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	sep := ','
	best := bytes.Count(first, []byte(","))
	for _, c := range []rune{';', '\t'} {
		if n := bytes.Count(first, []byte(string(c))); n > best {
			sep, best = c, n
		}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes, r.ReuseRecord = sep, -1, true, false
	t := &Table{File: file}
	n := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		if len(t.Rows) <= MaxRows+200 {
			t.Rows = append(t.Rows, Row{Line: line, Cells: rec})
		}
		n++
	}
	if n > MaxRows+200 {
		// Far too many rows whatever the header: counted, not kept.
		return nil, refuse(msgTooMany, t.where(true), n-1, MaxRows)
	}
	return t, nil
}

// settle finds the header row among t.Rows (all the sheet's rows), keeps the
// data rows under it, and refuses a table without a usable header.
func (t *Table) settle() error {
	all := t.Rows
	t.Rows = nil
	for i := range all {
		for j := range all[i].Cells {
			all[i].Cells[j] = strings.TrimSpace(all[i].Cells[j])
		}
	}
	h := -1
	firstFilled := -1
	for i, r := range all {
		n := filled(r.Cells)
		if n == 0 {
			continue
		}
		if firstFilled < 0 {
			firstFilled = i
		}
		if n >= 2 && headerScore(r.Cells) >= 2 {
			h = i
			break
		}
		if i-firstFilled > 30 {
			break
		}
	}
	if firstFilled < 0 {
		return refuse(msgEmpty, t.where(true))
	}
	if h < 0 {
		// No known header words: the first filled row of two or more cells
		// is the header when none of them reads as data.
		for i := firstFilled; i < len(all) && i < firstFilled+5; i++ {
			if filled(all[i].Cells) >= 2 {
				if looksLikeData(all[i].Cells) {
					return refuse(msgNoHeader, t.where(true))
				}
				h = i
				break
			}
		}
		if h < 0 {
			return refuse(msgNoHeader, t.where(true))
		}
	}
	t.HeaderLine = all[h].Line
	width := 0
	for _, r := range all[h:] {
		if w := lastFilled(r.Cells); w > width {
			width = w
		}
	}
	t.Header = pad(all[h].Cells, width)
	key := foldRow(t.Header)
	for _, r := range all[h+1:] {
		if filled(r.Cells) == 0 {
			continue
		}
		cells := pad(r.Cells, width)
		if foldRow(cells) == key {
			return refuse(msgRepeatedHeader, r.Line, t.where(false), t.HeaderLine)
		}
		t.Rows = append(t.Rows, Row{Line: r.Line, Cells: cells})
	}
	for c, name := range t.Header {
		if name != "" {
			continue
		}
		for _, r := range t.Rows {
			if r.Cells[c] != "" {
				return refuse(msgEmptyHeader, t.HeaderLine, t.where(false), ColumnName(c))
			}
		}
	}
	switch {
	case len(t.Rows) == 0:
		return refuse(msgNoData, t.where(true))
	case len(t.Rows) > MaxRows:
		return refuse(msgTooMany, t.where(true), len(t.Rows), MaxRows)
	}
	return nil
}

// ColumnName is the spreadsheet's name of column c counted from 0: A, B, … AA.
func ColumnName(c int) string {
	n, _ := excelize.ColumnNumberToName(c + 1)
	return n
}

func filled(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n
}

func lastFilled(cells []string) int {
	for i := len(cells) - 1; i >= 0; i-- {
		if cells[i] != "" {
			return i + 1
		}
	}
	return 0
}

func pad(cells []string, width int) []string {
	out := make([]string, width)
	copy(out, cells)
	return out
}

func foldRow(cells []string) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(pick.Fold(c))
		b.WriteByte(0)
	}
	return b.String()
}

// looksLikeData reports a row with a date, a number or a long sentence: a
// data row, not a header.
func looksLikeData(cells []string) bool {
	for _, c := range cells {
		if c == "" {
			continue
		}
		if _, ok := ParseDate(c, false); ok && !isSmallInt(c) {
			return true
		}
		if len([]rune(c)) > 60 {
			return true
		}
	}
	return false
}
