package service

import (
	"bytes"
	"cmp"
	"slices"
	"time"

	"sepakat/internal/agreement"
)

// Outstanding are the Beranda's lists of what the procedure still waits
// for, each at most agreement.DashboardRows rows of its count: agreements
// waiting for the DPRD's approval (oldest first), signed agreements whose
// originals are unfinished more than the office's days after signing
// (signed longest ago first), signed agreements with a monev round
// overdue (longest overdue first) and drafts waiting on the partner more than
// the office's days (sent longest ago first).
type Outstanding struct {
	DPRD        []agreement.Summary
	DPRDCount   int
	Copies      []agreement.Summary
	CopiesCount int
	Monev       []agreement.Summary
	MonevCount  int
	// AfterDays is the office's days after signing (IncompleteAfterDays).
	AfterDays int
	// Partner are the drafts sent to the partner more than PartnerDays
	// (the office's PartnerWaitDays) ago with no answer received.
	Partner      []agreement.Summary
	PartnerCount int
	PartnerDays  int
}

// OutstandingOf gathers the lists from every list row, in memory (the fake
// and the server); p is the office's procedure.
func OutstandingOf(sums []agreement.Summary, p agreement.Procedure, now time.Time) Outstanding {
	p = p.WithDefaults()
	o := Outstanding{AfterDays: p.IncompleteAfterDays, PartnerDays: p.PartnerWaitDays}
	var dprd, copies, monev, partner []agreement.Summary
	for _, s := range sums {
		if s.DPRDWaiting {
			dprd = append(dprd, s)
		}
		if s.CopiesOverdue(p, now) {
			copies = append(copies, s)
		}
		if s.MonevOverdue(now) {
			monev = append(monev, s)
		}
		if s.PartnerOverdue(p.PartnerWaitDays, now) {
			partner = append(partner, s)
		}
	}
	slices.SortStableFunc(dprd, func(a, b agreement.Summary) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortStableFunc(copies, func(a, b agreement.Summary) int {
		return cmp.Or(bytes.Compare(a.Signed.Key(), b.Signed.Key()), cmp.Compare(a.ID, b.ID))
	})
	slices.SortStableFunc(monev, func(a, b agreement.Summary) int {
		return cmp.Or(bytes.Compare(a.MonevDue.Key(), b.MonevDue.Key()), cmp.Compare(a.ID, b.ID))
	})
	slices.SortStableFunc(partner, func(a, b agreement.Summary) int {
		return cmp.Or(bytes.Compare(a.SentToPartner.Key(), b.SentToPartner.Key()), cmp.Compare(a.ID, b.ID))
	})
	o.DPRD, o.DPRDCount = head(dprd), len(dprd)
	o.Partner, o.PartnerCount = head(partner), len(partner)
	o.Copies, o.CopiesCount = head(copies), len(copies)
	o.Monev, o.MonevCount = head(monev), len(monev)
	return o
}

func head(list []agreement.Summary) []agreement.Summary {
	if len(list) > agreement.DashboardRows {
		return list[:agreement.DashboardRows]
	}
	return list
}
