package agreement

import (
	"testing"
	"time"
)

// signedEnding is a signed agreement's summary ending on end.
func signedEnding(end Date) Summary {
	return Summary{Kind: KindKSB, Status: StatusDitandatangani, Signed: NewDate(2025, 7, 4), End: end}
}

func TestEndingWindowBoundaries(t *testing.T) {
	for _, c := range []struct{ days, want int }{
		{-5, -1}, {-1, -1}, {0, 0}, {1, 0}, {29, 0}, {30, 0},
		{31, 1}, {89, 1}, {90, 1},
		{91, 2}, {179, 2}, {180, 2},
		{181, -1}, {365, -1},
	} {
		if got := EndingWindow(c.days); got != c.want {
			t.Errorf("EndingWindow(%d) = %d, want %d", c.days, got, c.want)
		}
	}
	if EndingWindows[len(EndingWindows)-1] != EndingDays {
		t.Errorf("the last window %d is not EndingDays %d", EndingWindows[2], EndingDays)
	}
}

func TestEndingWindowOf(t *testing.T) {
	today := NewDate(2026, 1, 10)
	for _, c := range []struct {
		name    string
		s       Summary
		horizon int
		want    int
	}{
		{"ends today", signedEnding(today), 30, 0},
		{"ended yesterday", signedEnding(today.AddDate(0, 0, -1)), 30, -1},
		{"on the horizon", signedEnding(today.AddDate(0, 0, 30)), 30, 30},
		{"a day past the horizon", signedEnding(today.AddDate(0, 0, 31)), 30, -1},
		{"across a year", signedEnding(NewDate(2026, 7, 9)), EndingDays, 180},
		{"draft", Summary{Status: StatusKonsep, End: today.AddDate(0, 0, 3)}, 30, -1},
		{"in review", Summary{Status: StatusTelaah, End: today.AddDate(0, 0, 3)}, 30, -1},
		{"cancelled", Summary{Status: StatusDibatalkan, End: today.AddDate(0, 0, 3)}, 30, -1},
		{"no end", signedEnding(Date{}), 30, -1},
		{"impossible end", signedEnding(Date{2026, 2, 30}), 90, -1},
	} {
		if got := EndingWindowOf(c.s, today, c.horizon); got != c.want {
			t.Errorf("%s: EndingWindowOf = %d, want %d", c.name, got, c.want)
		}
	}
}

func TestMaySleep(t *testing.T) {
	quiet := Summary{Kind: KindKSB, Status: StatusDitandatangani, Signed: NewDate(2025, 1, 6)}
	if !MaySleep(quiet) {
		t.Fatal("a quiet signed KSB may not sleep")
	}
	for name, change := range map[string]func(*Summary){
		"a PKS":           func(s *Summary) { s.Kind = KindPKS },
		"a draft":         func(s *Summary) { s.Status = StatusSiapTTD },
		"cancelled":       func(s *Summary) { s.Status = StatusDibatalkan },
		"with follow-up":  func(s *Summary) { s.FollowUps = 1 },
		"with a child":    func(s *Summary) { s.Children = 1 },
		"no signing date": func(s *Summary) { s.Signed = Date{} },
		"impossible date": func(s *Summary) { s.Signed = Date{2025, 13, 1} },
	} {
		s := quiet
		change(&s)
		if MaySleep(s) {
			t.Errorf("%s may sleep", name)
		}
	}
}

func TestSleeping(t *testing.T) {
	today := NewDate(2026, 3, 15)
	cut := SleepingCut(today)
	if cut != NewDate(2025, 9, 15) {
		t.Fatalf("cut %s, want six months before", cut)
	}
	ksb := func(signed, end Date) Summary {
		return Summary{Kind: KindKSB, Status: StatusDitandatangani, Signed: signed, End: end}
	}
	far := NewDate(2030, 1, 1)
	for _, c := range []struct {
		name string
		s    Summary
		want bool
	}{
		{"signed long ago", ksb(NewDate(2025, 1, 6), far), true},
		{"signed the day before the cut", ksb(cut.AddDate(0, 0, -1), far), true},
		{"signed on the cut", ksb(cut, far), false},
		{"signed after the cut", ksb(cut.AddDate(0, 0, 1), far), false},
		{"ended yesterday", ksb(NewDate(2025, 1, 6), today.AddDate(0, 0, -1)), false},
		{"ends today", ksb(NewDate(2025, 1, 6), today), true},
		{"no end", ksb(NewDate(2025, 1, 6), Date{}), true},
		{"with a follow-up", Summary{Kind: KindKSB, Status: StatusDitandatangani, Signed: NewDate(2025, 1, 6), End: far, FollowUps: 2}, false},
		{"a PKS", Summary{Kind: KindPKS, Status: StatusDitandatangani, Signed: NewDate(2025, 1, 6), End: far}, false},
	} {
		if got := Sleeping(c.s, today); got != c.want {
			t.Errorf("%s: Sleeping = %v, want %v", c.name, got, c.want)
		}
	}
	// The next day the one signed on the cut sleeps.
	if !Sleeping(ksb(cut, far), today.AddDate(0, 0, 1)) {
		t.Error("a day later the one signed on the cut does not sleep")
	}
}

func TestFilterMatch(t *testing.T) {
	now := time.Date(2026, 1, 10, 15, 0, 0, 0, time.UTC)
	today := DateOf(now)
	base := Summary{
		ID: 7, Kind: KindPKS, Status: StatusDitandatangani, Year: 2025,
		Parties:      []PartyName{{ID: 2, Name: "Pemerintah Kabupaten Lampung Selatan"}, {ID: 1, Name: "Pemerintah Kabupaten Sumedang", Own: true}},
		Implementers: []string{"Dinas Komunikasi dan Informatika", "Bappeda"},
		Start:        NewDate(2025, 7, 4), End: today.AddDate(0, 0, 30), Signed: NewDate(2025, 7, 4),
	}
	for _, c := range []struct {
		name string
		f    Filter
		s    func(*Summary)
		want bool
	}{
		{"no filter", Filter{}, nil, true},
		{"kind", Filter{Kind: KindPKS}, nil, true},
		{"other kind", Filter{Kind: KindKSB}, nil, false},
		{"status", Filter{Status: StatusDitandatangani}, nil, true},
		{"other status", Filter{Status: StatusKonsep}, nil, false},
		{"year", Filter{Year: 2025}, nil, true},
		{"other year", Filter{Year: 2026}, nil, false},
		{"partner", Filter{Party: 2}, nil, true},
		{"our office", Filter{Party: 1}, nil, true},
		{"other party", Filter{Party: 3}, nil, false},
		{"implementer, part and case", Filter{Implementer: "komunikasi"}, nil, true},
		{"implementer, whole", Filter{Implementer: "BAPPEDA"}, nil, true},
		{"other implementer", Filter{Implementer: "Dinas Sosial"}, nil, false},
		{"no implementers", Filter{Implementer: "Bappeda"}, func(s *Summary) { s.Implementers = nil }, false},
		{"from, before the end", Filter{From: today}, nil, true},
		{"from, on the end", Filter{From: today.AddDate(0, 0, 30)}, nil, true},
		{"from, after the end", Filter{From: today.AddDate(0, 0, 31)}, nil, false},
		{"from, no end", Filter{From: NewDate(2040, 1, 1)}, func(s *Summary) { s.End = Date{} }, true},
		{"to, after the start", Filter{To: NewDate(2025, 12, 31)}, nil, true},
		{"to, on the start", Filter{To: NewDate(2025, 7, 4)}, nil, true},
		{"to, before the start", Filter{To: NewDate(2025, 7, 3)}, nil, false},
		{"to, no start", Filter{To: NewDate(2000, 1, 1)}, func(s *Summary) { s.Start = Date{} }, true},
		{"from and to around the term", Filter{From: NewDate(2025, 1, 1), To: NewDate(2027, 1, 1)}, nil, true},
		{"ends within, on the day", Filter{EndsWithin: 30}, nil, true},
		{"ends within, a day short", Filter{EndsWithin: 29}, nil, false},
		{"ends within, today", Filter{EndsWithin: 1}, func(s *Summary) { s.End = today }, true},
		{"ends within, ended", Filter{EndsWithin: 90}, func(s *Summary) { s.End = today.AddDate(0, 0, -1) }, false},
		{"ends within, a draft", Filter{EndsWithin: 90}, func(s *Summary) { s.Status = StatusKonsep }, false},
		{"ends within, no end", Filter{EndsWithin: 90}, func(s *Summary) { s.End = Date{} }, false},
		{"all at once", Filter{Kind: KindPKS, Status: StatusDitandatangani, Party: 2, Year: 2025, Implementer: "bappeda", From: today, To: today, EndsWithin: 30}, nil, true},
		{"all but one", Filter{Kind: KindPKS, Status: StatusDitandatangani, Party: 2, Year: 2024, Implementer: "bappeda", EndsWithin: 30}, nil, false},
	} {
		s := base
		s.Parties = append([]PartyName(nil), base.Parties...)
		if c.s != nil {
			c.s(&s)
		}
		if got := c.f.Match(s, now); got != c.want {
			t.Errorf("%s: Match = %v, want %v", c.name, got, c.want)
		}
	}
}
