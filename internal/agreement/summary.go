package agreement

import (
	"strings"
	"time"
)

// PartyName is a party as a list row shows it.
type PartyName struct {
	ID    ID     `json:"id"`
	Name  string `json:"name"`
	Short string `json:"short,omitempty"`
	Own   bool   `json:"own,omitempty"`
}

// Summary is what list views show of an agreement, kept beside it so that a page
// of the register reads 50 small values instead of 50 whole documents.
type Summary struct {
	ID            ID          `json:"id"`
	Rev           uint64      `json:"rev"`
	Kind          Kind        `json:"kind"`
	Status        Status      `json:"status"`
	Subject       string      `json:"subject"`
	Parties       []PartyName `json:"parties"`
	OwnNumber     string      `json:"own_number,omitempty"`
	PartnerNumber string      `json:"partner_number,omitempty"`
	Start         Date        `json:"start"`
	End           Date        `json:"end"`
	Signed        Date        `json:"signed"`
	Year          int         `json:"year"`
	ParentID      ID          `json:"parent_id,omitempty"`
	Extendable    bool        `json:"extendable,omitempty"`
	Implementers  []string    `json:"implementers,omitempty"`
	Created       time.Time   `json:"created"`
	Updated       time.Time   `json:"updated"`
	// FollowUps counts the monitoring entries recorded.
	FollowUps int `json:"follow_ups,omitempty"`
	// Children counts the agreements under this one (PKS, Adendum, Perpanjangan).
	Children int `json:"children,omitempty"`
	// CopiesDone is set when a signed agreement's copy checklist is complete.
	CopiesDone bool `json:"copies_done,omitempty"`
	// Recommendation is the last monev recommendation (LastRecommendation).
	Recommendation Recommendation `json:"recommendation,omitempty"`
	// DPRDWaiting is set while the DPRD's approval is needed and not recorded.
	DPRDWaiting bool `json:"dprd_waiting,omitempty"`
	// MonevDue is the last day of the first monev round left open
	// (MonevOpenRound under the office's procedure as saved); zero: none.
	MonevDue Date `json:"monev_due"`
	// SentToPartner is the day a draft went to the partner while it is the
	// partner's turn (Agreement.SentToPartner); zero: none.
	SentToPartner Date `json:"sent_to_partner"`
	// EndsWithParent marks an Adendum without a term of its own
	// (Agreement.EndsWithParent): End is its parent's, and the parent's line
	// is the reminder of it (EndingNoticeOf).
	EndsWithParent bool `json:"ends_with_parent,omitempty"`
}

// Phase derives the phase on the day of now.
func (s Summary) Phase(now time.Time, soonDays int) Phase {
	return PhaseOf(s.Status, s.Start, s.End, now, soonDays)
}

// Partners returns the names of the parties other than our office, joined.
func (s Summary) Partners() string {
	var names []string
	for _, p := range s.Parties {
		if !p.Own {
			names = append(names, p.Name)
		}
	}
	return strings.Join(names, "; ")
}

// Filter narrows a search or the register; zero fields do not filter.
type Filter struct {
	Kind   Kind
	Status Status
	// Phase keeps the agreements in the phase the register shows on the day
	// (PhaseOf with DefaultSoonDays): Berlaku, Akan Berakhir, Berakhir, or a
	// stored status.
	Phase       Phase
	Party       ID
	Year        int
	Implementer string // perangkat daerah, matched case-insensitively as a substring
	// From and To keep agreements whose term overlaps the range.
	From, To Date
	// EndsWithin keeps agreements in force that end within this many days.
	EndsWithin int
}

// Match reports whether an agreement's summary passes the filter on the day of now.
func (f Filter) Match(s Summary, now time.Time) bool {
	switch {
	case f.Kind != "" && s.Kind != f.Kind:
		return false
	case f.Status != "" && s.Status != f.Status:
		return false
	case f.Year != 0 && s.Year != f.Year:
		return false
	case f.Phase != "" && s.Phase(now, DefaultSoonDays) != f.Phase:
		return false
	}
	if f.Party != 0 {
		found := false
		for _, p := range s.Parties {
			found = found || p.ID == f.Party
		}
		if !found {
			return false
		}
	}
	if f.Implementer != "" {
		want, found := strings.ToLower(f.Implementer), false
		for _, im := range s.Implementers {
			found = found || strings.Contains(strings.ToLower(im), want)
		}
		if !found {
			return false
		}
	}
	if !f.From.IsZero() && !s.End.IsZero() && s.End.Before(f.From) {
		return false
	}
	if !f.To.IsZero() && !s.Start.IsZero() && s.Start.After(f.To) {
		return false
	}
	if f.EndsWithin > 0 {
		w := EndingWindowOf(s, DateOf(now), f.EndsWithin)
		if w < 0 {
			return false
		}
	}
	return true
}

// Summarize makes an agreement's list row; children counts the agreements
// filed under it and party names the parties it lists (unknown ones keep only
// their ID).
func Summarize(a *Agreement, children int, party func(ID) (Party, bool)) Summary {
	sum := Summary{
		ID: a.ID, Rev: a.Rev, Kind: a.Kind, Status: a.Status, Subject: a.Subject,
		OwnNumber: a.OwnNumber(), PartnerNumber: a.PartnerNumber(),
		Start: a.EffectiveStart(), End: a.EffectiveEnd(), Year: a.Year(), ParentID: a.ParentID,
		Extendable: a.Term.Extendable, Implementers: a.Implementers, Created: a.Created, Updated: a.Updated,
		FollowUps: len(a.Monitoring), Children: children, EndsWithParent: a.EndsWithParent(),
	}
	if len(sum.Implementers) == 0 {
		sum.Implementers = nil // as a stored row reads back
	}
	if a.Signing != nil {
		sum.Signed = a.Signing.Date
	}
	if a.Status == StatusDitandatangani {
		// An agreement brought in from an old register owes no originals
		// here: they were filed before Sepakat kept the register.
		sum.CopiesDone, _, _ = a.CopiesComplete()
		sum.CopiesDone = sum.CopiesDone || a.IsImported()
	}
	sum.Recommendation = a.LastRecommendation()
	sum.DPRDWaiting = a.WaitingForDPRD()
	if a.Status == StatusDitandatangani {
		sum.MonevDue = a.MonevOpenRound(a.ProcedureOf(party))
	}
	sum.SentToPartner = a.SentToPartner()
	for _, ap := range a.Parties {
		pn := PartyName{ID: ap.PartyID, Own: ap.Own}
		if p, ok := party(ap.PartyID); ok {
			pn.Name, pn.Short = p.Name, p.ShortName
		}
		sum.Parties = append(sum.Parties, pn)
	}
	return sum
}

// Lines are the texts a list row shows: kind, subject, numbers, party names.
func (s *Summary) Lines() []string {
	lines := []string{s.Kind.Title(), s.Subject, s.OwnNumber, s.PartnerNumber}
	for _, p := range s.Parties {
		lines = append(lines, p.Name)
	}
	return lines
}
