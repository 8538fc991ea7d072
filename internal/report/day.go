package report

import (
	"regexp"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/sheet"
)

// DayFault is what is wrong with a day typed for a period.
type DayFault int

const (
	DayOK DayFault = iota
	// DayEmpty: nothing written.
	DayEmpty
	// DayUnreadable: not a date in any form staff write.
	DayUnreadable
	// DayMissing: a date's form, but no such day (31/02/2025).
	DayMissing
)

var (
	numericDay = regexp.MustCompile(`^(\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$`)
	wordDay    = regexp.MustCompile(`^\d{1,2}\s+(\pL+)\s+\d{4}$`)
	digits     = regexp.MustCompile(`^\d+$`)
)

// ParseDay reads a period's end as staff write it: "01/07/2025",
// "01-07-2025", "1.7.2025", "2025-07-01", "1 Juli 2025", "Selasa, 1 Juli
// 2025", a month ("Juli 2025") or a year alone ("2025"). A month or a year
// stands for its first day, or its last when end is set.
func ParseDay(s string, end bool) (agreement.Date, DayFault) {
	s = strings.TrimSpace(s)
	if s == "" {
		return agreement.Date{}, DayEmpty
	}
	if digits.MatchString(s) && len(s) != 4 {
		return agreement.Date{}, DayUnreadable // an Excel serial is no way to type a day
	}
	d, p := sheet.ParseDatePrecision(s, false)
	switch p {
	case sheet.FullDate:
		return d, DayOK
	case sheet.MonthOnly:
		if end {
			d = d.AddDate(0, 1, -1)
		}
		return d, DayOK
	case sheet.YearOnly:
		if end {
			d = agreement.NewDate(d.Year, time.December, 31)
		}
		return d, DayOK
	}
	if numericDay.MatchString(s) {
		return agreement.Date{}, DayMissing
	}
	if m := wordDay.FindStringSubmatch(s); m != nil {
		if _, ok := sheet.ParseDate("1 "+m[1]+" 2000", false); ok {
			return agreement.Date{}, DayMissing
		}
	}
	return agreement.Date{}, DayUnreadable
}

// The words of a period's days.
var (
	TStartDay   = i18n.Text{ID: "Tanggal awal", EN: "The start date"}
	TEndDay     = i18n.Text{ID: "Tanggal akhir", EN: "The end date"}
	TDayEmpty   = i18n.Text{ID: "%s periode belum ditulis, misalnya 01/01/2025 atau 1 Januari 2025.", EN: "%s of the period is missing: write e.g. 01/01/2025 or 1 January 2025."}
	TDayBad     = i18n.Text{ID: "%s \"%s\" tidak terbaca sebagai tanggal: tulis misalnya 01/07/2025, 1 Juli 2025 atau 2025-07-01.", EN: "%s \"%s\" is not a date: write e.g. 01/07/2025, 1 Juli 2025 or 2025-07-01."}
	TDayMissing = i18n.Text{ID: "%s %s tidak ada.", EN: "%s %s does not exist."}
)

// DayProblem says what is wrong with the day text typed as field ("Tanggal
// awal"); "" when nothing is.
func DayProblem(field, text string, f DayFault, l i18n.Lang) string {
	switch f {
	case DayEmpty:
		return TDayEmpty.In(l, field)
	case DayUnreadable:
		return TDayBad.In(l, field, strings.TrimSpace(text))
	case DayMissing:
		return TDayMissing.In(l, field, strings.TrimSpace(text))
	}
	return ""
}
