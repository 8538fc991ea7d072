package servicetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

func dashboard(t *testing.T, s service.Overview, day time.Time) service.Dashboard {
	t.Helper()
	d, err := s.Dashboard(day)
	must(t, err)
	return d
}

// signedEnding saves a signed KSB whose term ends on end (no end when zero),
// signed on signed.
func signedEnding(t *testing.T, s service.Service, w *World, subject string, signed, end agreement.Date) agreement.Agreement {
	t.Helper()
	a := w.KSB(subject)
	a.Term = agreement.Term{Start: signed, End: end}
	must(t, s.SaveAgreement(&a))
	Sign(t, s, &a, signed)
	return a
}

func testOverview(t *testing.T, c Config) {
	t.Run("Examples", func(t *testing.T) {
		s := withExamples(t, c)
		today := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
		d := dashboard(t, s, today)
		if d.Counts[agreement.StatusDitandatangani] != 3 || len(d.Recent) != 3 || len(d.Review) != 0 {
			t.Errorf("counts %v, %d recent, %d in review", d.Counts, len(d.Recent), len(d.Review))
		}
		if !slices.Equal(ids(d.Recent), []agreement.ID{1, 3, 2}) {
			t.Errorf("recent, newest change first: %v", ids(d.Recent))
		}
		// The MoU with Lampung Timur has a follow-up; the KSB with Lampung Selatan a PKS.
		if d.EndingCount != [3]int{} || d.SleepingCount != 0 {
			t.Errorf("ending %v, sleeping %v", d.EndingCount, ids(d.Sleeping))
		}
		// Two weeks before the MoU with Lampung Timur ends (14 September 2030).
		d = dashboard(t, s, time.Date(2030, 9, 1, 8, 0, 0, 0, time.UTC))
		if len(d.Ending[0]) != 1 || d.Ending[0][0].ID != 1 || len(d.Ending[1])+len(d.Ending[2]) != 0 || d.EndingCount != [3]int{1, 1, 1} {
			t.Errorf("ending %v, counts %v", d.Ending, d.EndingCount)
		}
		// Two months before, it ends in the second horizon.
		if d = dashboard(t, s, time.Date(2030, 7, 14, 8, 0, 0, 0, time.UTC)); len(d.Ending[1]) != 1 || d.EndingCount != [3]int{0, 1, 1} {
			t.Errorf("two months before: %v", d.EndingCount)
		}

		// Without its follow-up the MoU sleeps.
		mou, err := s.Agreement(1)
		must(t, err)
		mou.Monitoring = nil
		must(t, s.SaveAgreement(&mou))
		if d = dashboard(t, s, today); d.SleepingCount != 1 || len(d.Sleeping) != 1 || d.Sleeping[0].ID != 1 {
			t.Errorf("sleeping %v (%d)", ids(d.Sleeping), d.SleepingCount)
		}
		// A PKS drafted under the MoU wakes it, and waits for review. The clock
		// (July 2025) is before the examples' last changes but for the MoU's.
		pks, err := agreement.NewChild(&mou, agreement.KindPKS, today)
		must(t, err)
		pks.Subject = "Magang Aparatur Dinas Komunikasi dan Informatika"
		must(t, s.SaveAgreement(&pks))
		must(t, pks.Transition(agreement.StatusTelaah, ""))
		must(t, s.SaveAgreement(&pks))
		if d = dashboard(t, s, today); d.SleepingCount != 0 || len(d.Review) != 1 || d.Review[0].ID != pks.ID || !slices.Equal(ids(d.Recent), []agreement.ID{3, 2, pks.ID, 1}) {
			t.Errorf("after the PKS: sleeping %v, review %v, recent %v", ids(d.Sleeping), ids(d.Review), ids(d.Recent))
		}
		if d.Counts[agreement.StatusTelaah] != 1 || d.Counts[agreement.StatusDitandatangani] != 3 {
			t.Errorf("counts %v", d.Counts)
		}
		// Moving the PKS back to a draft takes it out of review.
		pks.Status = agreement.StatusKonsep
		must(t, s.SaveAgreement(&pks))
		if d = dashboard(t, s, today); len(d.Review) != 0 || d.Counts[agreement.StatusTelaah] != 0 || d.Counts[agreement.StatusKonsep] != 1 {
			t.Errorf("after moving back: review %v, counts %v", ids(d.Review), d.Counts)
		}
	})

	t.Run("EndingWindows", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		today := agreement.NewDate(2026, 1, 10)
		signed := agreement.NewDate(2025, 7, 4)
		byDays := map[int]agreement.ID{}
		for _, days := range []int{181, 180, 91, 90, 31, 30, 0, -1} {
			a := signedEnding(t, s, w, fmt.Sprintf("Berakhir %d hari lagi", days), signed, today.AddDate(0, 0, days))
			byDays[days] = a.ID
		}
		draft := w.KSB("Konsep yang berakhir")
		draft.Term = agreement.Term{Start: signed, End: today.AddDate(0, 0, 10)}
		must(t, s.SaveAgreement(&draft))
		// Late in the day counts as the same day.
		d := dashboard(t, s, time.Date(2026, 1, 10, 23, 30, 0, 0, time.UTC))
		if d.EndingCount != [3]int{2, 4, 6} {
			t.Errorf("ending counts %v, want [2 4 6]", d.EndingCount)
		}
		want := [3][]agreement.ID{{byDays[0], byDays[30]}, {byDays[31], byDays[90]}, {byDays[91], byDays[180]}}
		for i := range want {
			if !slices.Equal(ids(d.Ending[i]), want[i]) {
				t.Errorf("window %d (up to %d days): %v, want %v", i, agreement.EndingWindows[i], ids(d.Ending[i]), want[i])
			}
		}
		if d.Counts[agreement.StatusDitandatangani] != 8 || d.Counts[agreement.StatusKonsep] != 1 {
			t.Errorf("counts %v", d.Counts)
		}
	})

	t.Run("EndingRowsAreCapped", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		today := agreement.NewDate(2026, 1, 10)
		n := agreement.DashboardRows + 2
		var want []agreement.ID
		for i := n - 1; i >= 0; i-- { // saved latest end first
			a := signedEnding(t, s, w, fmt.Sprintf("Berakhir %d", i), agreement.NewDate(2025, 7, 4), today.AddDate(0, 0, 5+i))
			want = append([]agreement.ID{a.ID}, want...)
		}
		d := dashboard(t, s, today.Time())
		if d.EndingCount[0] != n || !slices.Equal(ids(d.Ending[0]), want[:agreement.DashboardRows]) {
			t.Errorf("first window: %d counted, rows %v, want %v", d.EndingCount[0], ids(d.Ending[0]), want[:agreement.DashboardRows])
		}
	})

	t.Run("Sleeping", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		today := agreement.NewDate(2026, 3, 15)
		cut := agreement.SleepingCut(today) // 15 September 2025
		end := agreement.NewDate(2030, 1, 1)
		early := signedEnding(t, s, w, "Ditandatangani lama", agreement.NewDate(2025, 8, 1), end)
		dayBefore := signedEnding(t, s, w, "Sehari sebelum batas", cut.AddDate(0, 0, -1), end)
		signedEnding(t, s, w, "Tepat pada batas", cut, end)
		signedEnding(t, s, w, "Sudah berakhir", agreement.NewDate(2025, 8, 1), today.AddDate(0, 0, -1))
		endsToday := signedEnding(t, s, w, "Berakhir hari ini", agreement.NewDate(2025, 8, 2), today)
		noEnd := signedEnding(t, s, w, "Tanpa akhir", agreement.NewDate(2025, 8, 3), agreement.Date{})
		followed := signedEnding(t, s, w, "Sudah ditindaklanjuti", agreement.NewDate(2025, 8, 1), end)
		followed.Monitoring = []agreement.Monitoring{{Date: agreement.NewDate(2025, 10, 1), Activity: "Rapat koordinasi"}}
		must(t, s.SaveAgreement(&followed))
		draft := w.KSB("Belum ditandatangani")
		must(t, s.SaveAgreement(&draft))

		d := dashboard(t, s, today.Time())
		want := []agreement.ID{early.ID, endsToday.ID, noEnd.ID, dayBefore.ID} // oldest signing first
		if d.SleepingCount != len(want) || !slices.Equal(ids(d.Sleeping), want) {
			t.Errorf("sleeping %v (%d), want %v", ids(d.Sleeping), d.SleepingCount, want)
		}
		// A day later the one signed on the cut sleeps too, and the one ending today has ended.
		d = dashboard(t, s, today.AddDate(0, 0, 1).Time())
		if d.SleepingCount != 4 || slices.Contains(ids(d.Sleeping), endsToday.ID) {
			t.Errorf("a day later: %v (%d)", ids(d.Sleeping), d.SleepingCount)
		}
	})
}
