package service

import (
	"bytes"
	"cmp"
	"slices"
	"time"

	"sepakat/internal/agreement"
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

// DashboardOf gathers the Beranda from every list row, in memory (the fake;
// the server's test of its own indexed Beranda): the counts per status, the
// agreements ending in each window (nearest end first) and the sleeping MoUs
// (signed longest ago first), then the lists list gives.
func DashboardOf(sums []agreement.Summary, now time.Time, list func(Query) (Page, error)) (Dashboard, error) {
	today := agreement.DateOf(now)
	d := Dashboard{Counts: map[agreement.Status]int{}}
	for _, st := range agreement.Statuses {
		d.Counts[st] = 0
	}
	var ending, sleeping []agreement.Summary
	for _, s := range sums {
		d.Counts[s.Status]++
		if agreement.EndingNoticeOf(s, today, agreement.EndingDays) >= 0 {
			ending = append(ending, s)
		}
		if agreement.Sleeping(s, today) {
			sleeping = append(sleeping, s)
		}
	}
	slices.SortStableFunc(ending, func(a, b agreement.Summary) int { return bytes.Compare(a.End.Key(), b.End.Key()) })
	for _, s := range ending {
		if i, show := d.AddEnding(agreement.EndingNoticeOf(s, today, agreement.EndingDays)); show {
			d.Ending[i] = append(d.Ending[i], s)
		}
	}
	endKey := func(s agreement.Summary) []byte {
		if s.End.Valid() {
			return s.End.Key()
		}
		return []byte("99999999") // no end: in force until ended
	}
	slices.SortStableFunc(sleeping, func(a, b agreement.Summary) int {
		return cmp.Or(bytes.Compare(a.Signed.Key(), b.Signed.Key()), bytes.Compare(endKey(a), endKey(b)))
	})
	for _, s := range sleeping {
		if d.AddSleeping() {
			d.Sleeping = append(d.Sleeping, s)
		}
	}
	return d, d.AddLists(list)
}
