package store

import (
	"context"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/gen"
	"sepakat/internal/service"
	"sepakat/internal/wilayah"
)

// The Beranda read from the indexes agrees with the rules in agreement/watch.go
// applied to every summary, on many days.
func TestDashboardFollowsWatchRules(t *testing.T) {
	s, _ := openTemp(t)
	g := gen.New(gen.Options{Seed: 3, Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}, wilayah.MustLoad())
	mustSave(t, s.Import(context.Background(), g.Directory()))
	mustSave(t, s.Import(context.Background(), &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: g.Agreements(0, 400)}))
	var all []agreement.Summary
	for page := (service.Page{}); ; {
		var err error
		page, err = s.List(service.Query{Limit: 100, After: page.Next})
		mustSave(t, err)
		all = append(all, page.Items...)
		if page.Next == nil {
			break
		}
	}
	sleepingSeen, endingSeen := 0, 0
	for day := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC); day.Year() < 2033; day = day.AddDate(0, 0, 47) {
		today := agreement.DateOf(day)
		d, err := s.Dashboard(day)
		mustSave(t, err)
		var want [3]int
		sleeping := 0
		for _, sum := range all {
			for i, w := range agreement.EndingWindows {
				if agreement.EndingWindowOf(sum, today, w) >= 0 {
					want[i]++
				}
			}
			if agreement.Sleeping(sum, today) {
				sleeping++
			}
		}
		if d.EndingCount != want || d.SleepingCount != sleeping {
			t.Errorf("%s: ending %v, sleeping %d; the rules say %v, %d", today, d.EndingCount, d.SleepingCount, want, sleeping)
		}
		for i, rows := range d.Ending {
			for _, sum := range rows {
				if agreement.EndingWindow(today.DaysUntil(sum.End)) != i {
					t.Errorf("%s: agreement %d listed in window %d", today, sum.ID, i)
				}
			}
		}
		sleepingSeen += sleeping
		endingSeen += want[0]
	}
	if sleepingSeen == 0 || endingSeen == 0 {
		t.Errorf("sleeping %d, ending within 30 days %d over all days: the corpus does not test the rules", sleepingSeen, endingSeen)
	}
}
