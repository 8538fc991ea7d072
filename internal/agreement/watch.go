package agreement

// The Beranda's rules: what ends soon, and which Kesepakatan Bersama sleep.

// Beranda limits.
const (
	EndingDays     = 180
	SleepingMonths = 6
	DashboardRows  = 10
)

// EndingWindows are the Beranda's horizons in days: within 30 days, then up to
// 90, then up to EndingDays.
var EndingWindows = [3]int{30, 90, EndingDays}

// EndingWindowOf returns days until a signed agreement ends, counted from today,
// when it is in force and ends within horizon days; otherwise -1.
func EndingWindowOf(s Summary, today Date, horizon int) int {
	if s.Status != StatusDitandatangani || s.End.IsZero() || !s.End.Valid() || s.End.Before(today) {
		return -1
	}
	days := today.DaysUntil(s.End)
	if days > horizon {
		return -1
	}
	return days
}

// EndingNoticeOf is EndingWindowOf for the reminders of ending (the
// Beranda, the reports): an Adendum that ends with its parent is left out,
// since its parent's line is the reminder.
func EndingNoticeOf(s Summary, today Date, horizon int) int {
	if s.EndsWithParent {
		return -1
	}
	return EndingWindowOf(s, today, horizon)
}

// EndingWindow is the first of EndingWindows that holds an end days away, or -1.
func EndingWindow(days int) int {
	if days < 0 {
		return -1
	}
	for i, w := range EndingWindows {
		if days <= w {
			return i
		}
	}
	return -1
}

// MaySleep reports whether an agreement is a signed Kesepakatan Bersama with
// no follow-up recorded and no PKS or other child: one that sleeps once it is
// signed long enough ago (see Sleeping).
func MaySleep(s Summary) bool {
	return s.Kind == KindKSB && s.Status == StatusDitandatangani && s.FollowUps == 0 && s.Children == 0 && s.Signed.Valid()
}

// SleepingCut is the signing date before which a quiet Kesepakatan Bersama sleeps.
func SleepingCut(today Date) Date { return today.AddDate(0, -SleepingMonths, 0) }

// Sleeping reports whether an agreement is a sleeping MoU on the day today:
// quiet (MaySleep), signed more than SleepingMonths ago, and still in force.
func Sleeping(s Summary, today Date) bool {
	if !MaySleep(s) || !s.Signed.Before(SleepingCut(today)) {
		return false
	}
	return s.End.IsZero() || !s.End.Valid() || !s.End.Before(today)
}
