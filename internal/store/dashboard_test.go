package store

import (
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/gen"
	"sepakat/internal/service"
	"sepakat/internal/wilayah"
)

func TestDashboard(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	d, err := s.Dashboard(today)
	if err != nil {
		t.Fatal(err)
	}
	if d.Counts[agreement.StatusDitandatangani] != 3 || len(d.Recent) != 3 || len(d.Review) != 0 {
		t.Errorf("counts %v, %d recent, %d in review", d.Counts, len(d.Recent), len(d.Review))
	}
	// The MoU with Lampung Timur has a follow-up; the KSB with Lampung Selatan a PKS.
	if d.EndingCount != [3]int{} || d.SleepingCount != 0 {
		t.Errorf("ending %v, sleeping %v", d.EndingCount, ids(d.Sleeping))
	}

	// Two weeks before the MoU with Lampung Timur ends (14 September 2030).
	d, err = s.Dashboard(time.Date(2030, 9, 1, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Ending[0]) != 1 || d.Ending[0][0].ID != 1 || len(d.Ending[1])+len(d.Ending[2]) != 0 || d.EndingCount != [3]int{1, 1, 1} {
		t.Errorf("ending %v, counts %v", d.Ending, d.EndingCount)
	}
	// Two months before, it ends in the second horizon.
	if d, err = s.Dashboard(time.Date(2030, 7, 14, 8, 0, 0, 0, time.UTC)); err != nil || len(d.Ending[1]) != 1 || d.EndingCount != [3]int{0, 1, 1} {
		t.Errorf("two months before: %v, %v", d.EndingCount, err)
	}

	// Without its follow-up the MoU sleeps.
	mou, err := s.Agreement(1)
	if err != nil {
		t.Fatal(err)
	}
	mou.Monitoring = nil
	mustSave(t, s.SaveAgreement(&mou))
	if d, err = s.Dashboard(today); err != nil || d.SleepingCount != 1 || d.Sleeping[0].ID != 1 {
		t.Errorf("sleeping %v (%d), %v", ids(d.Sleeping), d.SleepingCount, err)
	}

	// A PKS drafted under the MoU wakes it, and waits for review.
	ksb, err := s.Agreement(1)
	if err != nil {
		t.Fatal(err)
	}
	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, today)
	if err != nil {
		t.Fatal(err)
	}
	pks.Subject = "Magang Aparatur Dinas Komunikasi dan Informatika"
	mustSave(t, s.SaveAgreement(&pks))
	if err := pks.Transition(agreement.StatusTelaah, ""); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s.SaveAgreement(&pks))
	if d, err = s.Dashboard(today); err != nil || d.SleepingCount != 0 || len(d.Review) != 1 || d.Review[0].ID != pks.ID || len(d.Recent) != 4 {
		t.Errorf("after the PKS: sleeping %v, review %v, recent %v, %v", ids(d.Sleeping), ids(d.Review), ids(d.Recent), err)
	}
}

func ids(list []agreement.Summary) []agreement.ID {
	var out []agreement.ID
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}

// The Beranda read from the indexes agrees with the rules in agreement/watch.go
// applied to every summary, on many days.
func TestDashboardFollowsWatchRules(t *testing.T) {
	s, _ := openTemp(t)
	g := gen.New(gen.Options{Seed: 3, Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}, wilayah.MustLoad())
	mustSave(t, s.Import(g.Directory()))
	mustSave(t, s.Import(&dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: g.Agreements(0, 400)}))
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
