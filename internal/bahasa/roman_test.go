package bahasa

import (
	"testing"
	"time"
)

func TestRoman(t *testing.T) {
	cases := map[int]string{1: "I", 4: "IV", 7: "VII", 9: "IX", 12: "XII", 14: "XIV", 40: "XL", 90: "XC", 2025: "MMXXV", 3999: "MMMCMXCIX", 0: "", 4000: ""}
	for n, want := range cases {
		if got := Roman(n); got != want {
			t.Errorf("Roman(%d) = %q, want %q", n, got, want)
		}
		if want == "" {
			continue
		}
		back, ok := ParseRoman(want)
		if !ok || back != n {
			t.Errorf("ParseRoman(%q) = %d,%v", want, back, ok)
		}
	}
	for _, bad := range []string{"", "IIII", "VX", "ABC", "MMMM"} {
		if _, ok := ParseRoman(bad); ok {
			t.Errorf("ParseRoman(%q) accepted", bad)
		}
	}
}

func TestNames(t *testing.T) {
	d := time.Date(2025, time.July, 4, 0, 0, 0, 0, time.UTC)
	if got := DayName(d.Weekday()); got != "Jumat" {
		t.Errorf("4 Juli 2025 is %q, want Jumat", got)
	}
	if got := DayName(time.Date(2025, 9, 15, 0, 0, 0, 0, time.UTC).Weekday()); got != "Senin" {
		t.Errorf("15 September 2025 is %q, want Senin", got)
	}
	if MonthName(time.July) != "Juli" || MonthName(time.December) != "Desember" || MonthName(13) != "" {
		t.Error("month names wrong")
	}
}
