package sheet

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
	"sepakat/internal/pick"
)

// Precision is how much of a date a cell gave.
type Precision int

const (
	NoDate Precision = iota
	YearOnly
	MonthOnly
	FullDate
)

var months = map[string]time.Month{
	"januari": 1, "jan": 1, "january": 1,
	"februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
	"maret": 3, "mar": 3, "mrt": 3, "march": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "jun": 6, "june": 6,
	"juli": 7, "jul": 7, "july": 7,
	"agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8, "agust": 8,
	"september": 9, "sep": 9, "sept": 9, "sepember": 9,
	"oktober": 10, "okt": 10, "oct": 10, "october": 10,
	"november": 11, "nopember": 11, "nov": 11, "nop": 11,
	"desember": 12, "des": 12, "dec": 12, "december": 12,
}

// dayWords are the words a date cell may start with: day names ("Jum'at"
// reads as "jum" "at") and "tanggal".
var dayWords = map[string]bool{"jum": true, "at": true, "tanggal": true, "tgl": true}

// weekdays are the day names offices write, in Bahasa Indonesia and English.
var weekdays = map[string]time.Weekday{
	"minggu": time.Sunday, "ahad": time.Sunday, "senin": time.Monday, "selasa": time.Tuesday, "rabu": time.Wednesday,
	"kamis": time.Thursday, "jumat": time.Friday, "jum": time.Friday, "sabtu": time.Saturday,
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// StatedWeekday is the day a date cell names before its date ("Jumat, 4
// Juli 2025": Friday), if it names one.
func StatedWeekday(s string) (time.Weekday, bool) {
	for _, w := range pick.Words(s) {
		if wd, ok := weekdays[w]; ok {
			return wd, true
		}
		if !dayWords[w] {
			break
		}
	}
	return 0, false
}

func isDayWord(w string) bool {
	_, day := weekdays[w]
	return day || dayWords[w]
}

// ParseDate reads a date as offices write it: an Excel serial number (a date
// cell), "04-07-2025", "4/7/2025" and "4.7.2025" (day first), "2025-07-04",
// "4 Juli 2025", "Jumat, 4 Juli 2025", "Juli 2025" (the 1st) or a year alone
// (1 January). date1904 is the workbook's date system.
func ParseDate(s string, date1904 bool) (agreement.Date, bool) {
	d, p := ParseDatePrecision(s, date1904)
	return d, p != NoDate
}

// ParseDatePrecision is ParseDate that says how much of the date was given.
func ParseDatePrecision(s string, date1904 bool) (agreement.Date, Precision) {
	s = strings.TrimSpace(s)
	if s == "" {
		return agreement.Date{}, NoDate
	}
	// A date and time ("2025-07-04 00:00:00", "2025-07-04T00:00:00Z").
	if i := strings.IndexAny(s, " T"); i == 10 && len(s) > 10 && (s[4] == '-' || s[4] == '/') {
		s = s[:10]
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "-/") {
		switch {
		case v == math.Trunc(v) && v >= 1900 && v <= 2200:
			return agreement.NewDate(int(v), 1, 1), YearOnly
		case v >= 10000 && v < 80000:
			t, err := excelizeDate(v, date1904)
			if err != nil {
				return agreement.Date{}, NoDate
			}
			return agreement.DateOf(t), FullDate
		}
		return agreement.Date{}, NoDate
	}
	if d, ok := numericDate(s); ok {
		return d, FullDate
	}
	// Words: "Jumat, 4 Juli 2025", "4 Juli 2025", "Juli 2025".
	ws := pick.Words(s)
	for len(ws) > 0 && isDayWord(ws[0]) {
		ws = ws[1:]
	}
	switch len(ws) {
	case 3:
		day, err1 := strconv.Atoi(ws[0])
		m, ok := months[ws[1]]
		y, err2 := strconv.Atoi(ws[2])
		if err1 == nil && ok && err2 == nil {
			d := agreement.NewDate(fullYear(y), m, day)
			if d.Valid() {
				return d, FullDate
			}
		}
	case 2:
		m, ok := months[ws[0]]
		y, err := strconv.Atoi(ws[1])
		if ok && err == nil && y >= 1900 && y <= 2200 {
			return agreement.NewDate(y, m, 1), MonthOnly
		}
	}
	return agreement.Date{}, NoDate
}

// excelizeDate turns an Excel serial into a day (1900 or 1904 system).
func excelizeDate(v float64, date1904 bool) (time.Time, error) {
	days := math.Floor(v)
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return base.AddDate(0, 0, int(days)), nil
}

// numericDate reads "04-07-2025", "4/7/2025", "4.7.25" day first, and
// "2025-07-04" year first.
func numericDate(s string) (agreement.Date, bool) {
	var parts []string
	for _, sep := range []string{"-", "/", "."} {
		if p := strings.Split(s, sep); len(p) == 3 {
			parts = p
			break
		}
	}
	if parts == nil {
		return agreement.Date{}, false
	}
	n := make([]int, 3)
	for i, p := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			if m, ok := months[strings.ToLower(strings.TrimSpace(p))]; ok && i == 1 {
				v = int(m) // "04-Jul-2025"
			} else {
				return agreement.Date{}, false
			}
		}
		n[i] = v
	}
	var d agreement.Date
	if len(strings.TrimSpace(parts[0])) == 4 {
		d = agreement.NewDate(n[0], time.Month(n[1]), n[2])
	} else {
		d = agreement.NewDate(fullYear(n[2]), time.Month(n[1]), n[0])
	}
	return d, d.Valid() && d.Year >= 1900 && d.Year <= 2200
}

func fullYear(y int) int {
	switch {
	case y < 70:
		return 2000 + y
	case y < 100:
		return 1900 + y
	}
	return y
}

// ParseTerm reads a term: "5 tahun", "5 th", "5 thn", "5 (lima) tahun",
// "lima tahun", "60 bulan", "6 bln", "2 tahun 6 bulan" (30 months); a
// number alone is years.
func ParseTerm(s string) (int, agreement.TermUnit, bool) {
	// "5th", "60bln": the number and its unit written together.
	ws := pick.Words(digitLetter.ReplaceAllString(s, "$1 $2"))
	if len(ws) == 0 {
		return 0, "", false
	}
	n, rest := 0, ws
	if v, err := strconv.Atoi(ws[0]); err == nil {
		n, rest = v, ws[1:]
		// "5 (lima) tahun": the words repeat the number.
		for len(rest) > 1 {
			if _, ok := unitOf(rest[0]); ok {
				break
			}
			rest = rest[1:]
		}
	} else {
		// "lima tahun", "dua puluh empat bulan"
		for i := 1; i < len(ws); i++ {
			if _, ok := unitOf(ws[i]); ok {
				v, ok := bahasa.ParseTerbilang(strings.Join(ws[:i], " "))
				if !ok {
					return 0, "", false
				}
				n, rest = int(v), ws[i:]
				break
			}
		}
	}
	if n <= 0 || n > 1200 {
		return 0, "", false
	}
	// "2 tahun 6 bulan": months.
	if len(rest) == 3 {
		if u, ok := unitOf(rest[0]); ok && u == agreement.UnitTahun {
			if m, err := strconv.Atoi(rest[1]); err == nil && m > 0 && m < 12 {
				if u2, ok := unitOf(rest[2]); ok && u2 == agreement.UnitBulan {
					return n*12 + m, agreement.UnitBulan, true
				}
			}
		}
	}
	switch len(rest) {
	case 0:
		if n > 30 {
			return 0, "", false
		}
		return n, agreement.UnitTahun, true
	case 1:
		u, ok := unitOf(rest[0])
		return n, u, ok
	}
	return 0, "", false
}

func unitOf(w string) (agreement.TermUnit, bool) {
	switch w {
	case "tahun", "th", "thn", "tahunan", "year", "years", "yr", "yrs":
		return agreement.UnitTahun, true
	case "bulan", "bln", "bl", "month", "months":
		return agreement.UnitBulan, true
	}
	return "", false
}

// ParseKind reads a kind as registers write it: "MoU", "Kesepakatan
// Bersama", "KSB", "KB", "Naskah Kesepakatan Kerja Bersama", "Nota Kesepahaman", "PKS", "Perjanjian Kerja Sama",
// "Nota Kesepakatan", "Adendum", "Perpanjangan".
func ParseKind(s string) (agreement.Kind, bool) {
	k := " " + strings.Join(pick.Words(s), " ") + " "
	switch {
	case strings.Contains(k, " adendum ") || strings.Contains(k, " addendum ") || strings.Contains(k, " amandemen ") || strings.Contains(k, " perubahan "):
		return agreement.KindAdendum, true
	case strings.Contains(k, " perpanjangan ") || k == " ppj ":
		return agreement.KindPerpanjangan, true
	case strings.Contains(k, " mou ") || strings.Contains(k, " ksb ") || k == " kb " || strings.Contains(k, " kesepakatan bersama ") ||
		strings.Contains(k, " kesepakatan kerja bersama ") ||
		strings.Contains(k, " nota kesepahaman ") || strings.Contains(k, " memorandum "):
		return agreement.KindKSB, true
	case strings.Contains(k, " nota kesepakatan ") || k == " nk ":
		return agreement.KindNK, true
	case strings.Contains(k, " pks ") || strings.Contains(k, " perjanjian kerja sama ") || strings.Contains(k, " perjanjian kerjasama ") ||
		strings.Contains(k, " perjanjian ") || strings.Contains(k, " moa ") || strings.Contains(k, " spk "):
		return agreement.KindPKS, true
	}
	return "", false
}

// ParseStatus reads a register's status column: signed (in force or ended:
// the dates say which), cancelled, or still a draft.
func ParseStatus(s string) (agreement.Status, bool) {
	k := " " + strings.Join(pick.Words(s), " ") + " "
	switch {
	case strings.Contains(k, " batal ") || strings.Contains(k, " dibatalkan ") || strings.Contains(k, " dicabut ") || strings.Contains(k, " diputus "):
		return agreement.StatusDibatalkan, true
	case strings.Contains(k, " konsep ") || strings.Contains(k, " draft ") || strings.Contains(k, " draf ") || strings.Contains(k, " proses ") || strings.Contains(k, " rancangan ") || strings.Contains(k, " belum ditandatangani ") ||
		strings.Contains(k, " telaah ") || strings.Contains(k, " siap tanda tangan ") || strings.Contains(k, " siap ttd "):
		return agreement.StatusKonsep, true
	case strings.Contains(k, " aktif ") || strings.Contains(k, " berlaku ") || strings.Contains(k, " berakhir ") || strings.Contains(k, " selesai ") ||
		strings.Contains(k, " habis ") || strings.Contains(k, " ditandatangani ") || strings.Contains(k, " tidak aktif ") || strings.Contains(k, " kadaluarsa ") ||
		strings.Contains(k, " kedaluwarsa ") || strings.Contains(k, " expired ") || strings.Contains(k, " active ") || strings.Contains(k, " signed ") ||
		strings.Contains(k, " masih berlaku ") || strings.Contains(k, " tidak berlaku "):
		return agreement.StatusDitandatangani, true
	}
	return "", false
}

func isSmallInt(s string) bool {
	v, err := strconv.Atoi(s)
	return err == nil && v >= 0 && v < 10000
}

var digitLetter = regexp.MustCompile(`(\d)(\p{L})`)

// noSuchDate reads a date written whole whose day its month lacks ("31/04/2020",
// "29 Februari 2019"): its year and month, and ok.
func noSuchDate(s string) (int, time.Month, bool) {
	s = strings.TrimSpace(s)
	var day, month, year int
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) == 3 && !strings.Contains(s, " ") {
		n := make([]int, 3)
		for i, p := range parts {
			v, err := strconv.Atoi(p)
			if err != nil {
				if m, ok := months[strings.ToLower(p)]; ok && i == 1 {
					v = int(m)
				} else {
					return 0, 0, false
				}
			}
			n[i] = v
		}
		day, month, year = n[0], n[1], fullYear(n[2])
		if len(parts[0]) == 4 {
			day, year = n[2], n[0]
		}
	} else {
		ws := pick.Words(s)
		for len(ws) > 0 && isDayWord(ws[0]) {
			ws = ws[1:]
		}
		if len(ws) != 3 {
			return 0, 0, false
		}
		d, err1 := strconv.Atoi(ws[0])
		m, ok := months[ws[1]]
		y, err2 := strconv.Atoi(ws[2])
		if err1 != nil || !ok || err2 != nil {
			return 0, 0, false
		}
		day, month, year = d, int(m), fullYear(y)
	}
	if month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200 {
		return 0, 0, false
	}
	if agreement.NewDate(year, time.Month(month), day).Valid() {
		return 0, 0, false
	}
	return year, time.Month(month), true
}

// daysIn is the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
