package bahasa

import (
	"strconv"
	"strings"
	"time"
)

// Quantity writes "5 (lima) tahun"; unit may be empty: "2 (dua)".
func Quantity(n uint64, unit string) string {
	s := strconv.FormatUint(n, 10) + " (" + Terbilang(n) + ")"
	if unit != "" {
		s += " " + unit
	}
	return s
}

// Rangkap writes "rangkap 2 (dua)".
func Rangkap(n int) string {
	if n < 0 {
		n = 0
	}
	return "rangkap " + Quantity(uint64(n), "")
}

// Rupiah writes an amount as "Rp10.000,00 (sepuluh ribu rupiah)".
func Rupiah(amount uint64) string {
	return "Rp" + groupThousands(amount) + ",00 (" + Terbilang(amount) + " rupiah)"
}

// groupThousands writes 10000 as "10.000".
func groupThousands(n uint64) string {
	s := strconv.FormatUint(n, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ShortDate writes "4 Juli 2025".
func ShortDate(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + MonthName(t.Month()) + " " + strconv.Itoa(t.Year())
}

// OpeningOptions shape the opening date phrase.
type OpeningOptions struct {
	// TitleCase writes the words in Title Case ("Empat", "Dua Ribu Dua Puluh Lima").
	TitleCase bool
	// Numeric adds the date in digits: "(04-07-2025)".
	Numeric bool
}

// OpeningDate writes "Pada hari ini Jumat tanggal empat bulan Juli tahun dua ribu dua puluh lima",
// with the day name derived from the date.
func OpeningDate(t time.Time, opt OpeningOptions) string {
	day, year := Terbilang(uint64(t.Day())), Terbilang(uint64(t.Year()))
	if opt.TitleCase {
		day, year = TitleCase(day), TitleCase(year)
	}
	s := "Pada hari ini " + DayName(t.Weekday()) + " tanggal " + day + " bulan " + MonthName(t.Month()) + " tahun " + year
	if opt.Numeric {
		s += " (" + t.Format("02-01-2006") + ")"
	}
	return s
}
