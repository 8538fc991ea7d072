package service

import (
	"sepakat/internal/agreement"
	"slices"
)

// The Beranda's assembly, shared by every backend: each finds the agreements
// in its own way and counts and lists them through these methods, in the
// order the Beranda shows them.

// AddEnding counts a signed agreement that ends days from today in its window
// (agreement.EndingWindow) and every wider one. It returns that window and
// whether its list still has room for the agreement; -1 and false when the end
// is in no window.
func (d *Dashboard) AddEnding(days int) (window int, show bool) {
	window = agreement.EndingWindow(days)
	if window < 0 {
		return -1, false
	}
	for i := window; i < len(d.EndingCount); i++ {
		d.EndingCount[i]++
	}
	return window, len(d.Ending[window]) < agreement.DashboardRows
}

// AddSleeping counts a sleeping agreement (agreement.Sleeping) and reports
// whether the list still has room for it.
func (d *Dashboard) AddSleeping() (show bool) {
	d.SleepingCount++
	return len(d.Sleeping) < agreement.DashboardRows
}

// AddLists fills the drafts in review and the recent changes from the
// register's list (Register.List).
func (d *Dashboard) AddLists(list func(Query) (Page, error)) error {
	review, err := list(Query{Order: ByStatus, Status: agreement.StatusTelaah, Limit: agreement.DashboardRows})
	if err != nil {
		return err
	}
	d.Review = review.Items
	recent, err := list(Query{Limit: 10})
	d.Recent = recent.Items
	d.NoteDamaged(review.Damaged...)
	d.NoteDamaged(recent.Damaged...)
	return err
}

// NoteDamaged adds records that could not be read to d.Damaged, each once.
func (d *Dashboard) NoteDamaged(refs ...RecordRef) {
	for _, r := range refs {
		if !slices.Contains(d.Damaged, r) {
			d.Damaged = append(d.Damaged, r)
		}
	}
}
