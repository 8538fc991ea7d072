package agreement

import "time"

// Recommendations lists the recommendations a monev entry may give, in
// display order.
var Recommendations = []Recommendation{RecLanjut, RecUbah, RecPerpanjang, RecAkhiri}

// Label is the recommendation as the monev form and report say it.
func (r Recommendation) Label() string {
	switch r {
	case RecLanjut:
		return "Dilanjutkan"
	case RecUbah:
		return "Diubah"
	case RecPerpanjang:
		return "Diperpanjang"
	case RecAkhiri:
		return "Diakhiri"
	}
	return "Belum dinilai"
}

// Flagged reports whether the register should show the recommendation: an
// agreement the monev proposes to end or to extend.
func (r Recommendation) Flagged() bool { return r == RecAkhiri || r == RecPerpanjang }

// MonevOpenRound is the last day of the earliest monitoring round under p
// that a's entries leave open: MonevDue lists it from the next day on. It is
// zero when a is not signed or no round is left open while it is in force.
// It depends on a and p only, so a list index can keep it.
func (a *Agreement) MonevOpenRound(p Procedure) Date {
	latest := a.EffectiveStart()
	if a.Imported != nil && a.Imported.At.After(latest) {
		latest = a.Imported.At // no round before it is owed (MonevDue)
	}
	for _, m := range a.Monitoring {
		if m.Date.After(latest) {
			latest = m.Date
		}
	}
	// Every round ending by a year after the last entry is decided: after it
	// comes one with no entry at all.
	horizon := latest.AddDate(1, 0, 1)
	var first Date
	for _, g := range a.MonevDue(p, horizon.Time()) {
		if first.IsZero() || g.To.Before(first) {
			first = g.To
		}
	}
	return first
}

// ProcedureOf is the procedure of the agreement's own office, as party finds
// it, or the default.
func (a *Agreement) ProcedureOf(party func(ID) (Party, bool)) Procedure {
	for _, ap := range a.Parties {
		if !ap.Own {
			continue
		}
		if p, ok := party(ap.PartyID); ok && p.Procedure != nil {
			return p.Procedure.WithDefaults()
		}
	}
	return DefaultProcedure()
}

// WaitingForDPRD reports whether an agreement not cancelled needs the DPRD's
// approval and has not recorded it.
func (a *Agreement) WaitingForDPRD() bool {
	return a.Status != StatusDibatalkan && a.DPRD.NeedsDPRD() && !a.DPRD.Given()
}

// CopiesOverdue reports whether a list row's signed originals are still
// unfinished on the day of now, more than p's days after signing: the
// row's side of IncompleteAt.
func (s Summary) CopiesOverdue(p Procedure, now time.Time) bool {
	if s.Status != StatusDitandatangani || s.CopiesDone || !s.Signed.Valid() {
		return false
	}
	return DateOf(now).After(s.Signed.AddDate(0, 0, p.WithDefaults().IncompleteAfterDays))
}

// MonevOverdue reports whether a list row has a monitoring round overdue on
// the day of now.
func (s Summary) MonevOverdue(now time.Time) bool {
	return s.Status == StatusDitandatangani && s.MonevDue.Valid() && DateOf(now).After(s.MonevDue)
}
