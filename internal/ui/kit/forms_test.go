package kit

import (
	"testing"

	"sepakat/internal/agreement"
)

func TestParseFormDate(t *testing.T) {
	for in, want := range map[string]agreement.Date{
		"3/7/2025": agreement.NewDate(2025, 7, 3), "03-07-2025": agreement.NewDate(2025, 7, 3),
		"2025-07-03": agreement.NewDate(2025, 7, 3), "": {},
	} {
		if got, err := ParseFormDate(in); err != nil || got != want {
			t.Errorf("%q: %v %v", in, got, err)
		}
		if got, _ := ParseFormDate(FormDate(want)); got != want {
			t.Errorf("%v written as %q reads %v", want, FormDate(want), got)
		}
	}
	for _, bad := range []string{"31/2/2025", "3 Juli 2025", "1/2", "a/b/c"} {
		if _, err := ParseFormDate(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestFileURL(t *testing.T) {
	if u := FileURL("/tmp/sepakat-lampiran-1/a b.pdf"); u.String() != "file:///tmp/sepakat-lampiran-1/a%20b.pdf" {
		t.Errorf("url %s", u)
	}
}
