package report

import (
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
)

// A period's days in the forms staff write them, and what is said of the rest.
func TestParseDay(t *testing.T) {
	jul1 := agreement.NewDate(2025, 7, 1)
	for _, c := range []struct {
		in    string
		end   bool
		want  agreement.Date
		fault DayFault
	}{
		{"01/07/2025", false, jul1, DayOK},
		{"1/7/2025", false, jul1, DayOK},
		{"01-07-2025", false, jul1, DayOK},
		{"1.7.2025", false, jul1, DayOK},
		{"2025-07-01", false, jul1, DayOK},
		{"1 Juli 2025", false, jul1, DayOK},
		{" Selasa, 1 Juli 2025 ", false, jul1, DayOK},
		{"Juli 2025", false, jul1, DayOK},
		{"Februari 2024", true, agreement.NewDate(2024, 2, 29), DayOK},
		{"2019", false, agreement.NewDate(2019, 1, 1), DayOK},
		{"2019", true, agreement.NewDate(2019, 12, 31), DayOK},
		{"", false, agreement.Date{}, DayEmpty},
		{"   ", true, agreement.Date{}, DayEmpty},
		{"31/02/2025", false, agreement.Date{}, DayMissing},
		{"2025-13-01", false, agreement.Date{}, DayMissing},
		{"31 Februari 2025", false, agreement.Date{}, DayMissing},
		{"kemarin", false, agreement.Date{}, DayUnreadable},
		{"45000", false, agreement.Date{}, DayUnreadable},
		{"1 Jali 2025", false, agreement.Date{}, DayUnreadable},
	} {
		got, f := ParseDay(c.in, c.end)
		if got != c.want || f != c.fault {
			t.Errorf("ParseDay(%q, %v) = %v, %v; want %v, %v", c.in, c.end, got, f, c.want, c.fault)
		}
	}
	if got := DayProblem(TStartDay.In(i18n.ID), "31/02/2025", DayMissing, i18n.ID); got != "Tanggal awal 31/02/2025 tidak ada." {
		t.Errorf("missing day: %q", got)
	}
	if got := DayProblem(TEndDay.In(i18n.EN), "kemarin", DayUnreadable, i18n.EN); got != `The end date "kemarin" is not a date: write e.g. 01/07/2025, 1 Juli 2025 or 2025-07-01.` {
		t.Errorf("unreadable day: %q", got)
	}
}
