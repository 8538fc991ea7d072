package agreement

import (
	"fmt"
	"reflect"
	"slices"
	"time"
)

var transitions = map[Status][]Status{
	StatusKonsep:         {StatusTelaah, StatusDibatalkan},
	StatusTelaah:         {StatusKonsep, StatusSiapTTD, StatusDibatalkan},
	StatusSiapTTD:        {StatusTelaah, StatusDitandatangani, StatusDibatalkan},
	StatusDitandatangani: {StatusDibatalkan},
	StatusDibatalkan:     nil,
}

// CanTransition reports whether an agreement may move from one status to another.
func CanTransition(from, to Status) bool {
	for _, s := range transitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// NextStatuses lists the statuses reachable from s.
func NextStatuses(s Status) []Status { return append([]Status(nil), transitions[s]...) }

// Transition moves a to status to, or returns a FieldError wrapped with ErrTransition.
// A move to Dibatalkan needs a reason.
func (a *Agreement) Transition(to Status, reason string) error {
	if !CanTransition(a.Status, to) {
		return transitionError{FieldError{Field: "status", Code: "transition", Args: []any{a.Status.Label(), to.Label()}}}
	}
	if to == StatusDibatalkan {
		if reason == "" {
			return transitionError{FieldError{Field: "cancel_reason", Code: "cancel_reason"}}
		}
		a.CancelReason = reason
	}
	a.Status = to
	return nil
}

type transitionError struct{ FieldError }

func (e transitionError) Is(target error) bool { return target == ErrTransition }

// Label returns the Indonesian name of the status.
func (s Status) Label() string {
	switch s {
	case StatusKonsep:
		return "Konsep"
	case StatusTelaah:
		return "Telaah"
	case StatusSiapTTD:
		return "Siap Tanda Tangan"
	case StatusDitandatangani:
		return "Ditandatangani"
	case StatusDibatalkan:
		return "Dibatalkan"
	}
	return string(s)
}

// Phase is the status a person sees: the stored status, or for a signed agreement
// whether it is in force, about to end, or ended.
type Phase string

const (
	PhaseKonsep               = Phase(StatusKonsep)
	PhaseTelaah               = Phase(StatusTelaah)
	PhaseSiapTTD              = Phase(StatusSiapTTD)
	PhaseDitandatangani       = Phase(StatusDitandatangani) // signed, not yet started
	PhaseDibatalkan           = Phase(StatusDibatalkan)
	PhaseBerlaku        Phase = "berlaku"
	PhaseAkanBerakhir   Phase = "akan_berakhir"
	PhaseBerakhir       Phase = "berakhir"
)

// DefaultSoonDays is how close to its end an agreement counts as Akan Berakhir.
const DefaultSoonDays = 90

// Label returns the Indonesian name of the phase.
func (p Phase) Label() string {
	switch p {
	case PhaseBerlaku:
		return "Berlaku"
	case PhaseAkanBerakhir:
		return "Akan Berakhir"
	case PhaseBerakhir:
		return "Berakhir"
	}
	return Status(p).Label()
}

// PhaseAt derives the phase on the day of now; soonDays sets Akan Berakhir.
func (a *Agreement) PhaseAt(now time.Time, soonDays int) Phase {
	return PhaseOf(a.Status, a.EffectiveStart(), a.EffectiveEnd(), now, soonDays)
}

// PhaseOf derives the phase from a stored status and the effective term.
func PhaseOf(status Status, start, end Date, now time.Time, soonDays int) Phase {
	if status != StatusDitandatangani {
		return Phase(status)
	}
	today := DateOf(now)
	switch {
	case !start.IsZero() && today.Before(start):
		return PhaseDitandatangani
	case end.IsZero():
		return PhaseBerlaku
	case today.After(end):
		return PhaseBerakhir
	case today.DaysUntil(end) <= soonDays:
		return PhaseAkanBerakhir
	}
	return PhaseBerlaku
}

// EffectiveStart is the term's start, or the signing date when the term starts at signing.
func (a *Agreement) EffectiveStart() Date {
	if !a.Term.Start.IsZero() {
		return a.Term.Start
	}
	if a.Signing != nil {
		return a.Signing.Date
	}
	return Date{}
}

// EffectiveEnd is the term's end, or the end derived from its length and effective start.
func (a *Agreement) EffectiveEnd() Date {
	if !a.Term.End.IsZero() {
		return a.Term.End
	}
	return a.Term.EndFor(a.EffectiveStart())
}

// Locked reports whether the text, parties and numbers may no longer change: once
// signed, and still after a signed agreement is cancelled.
func (a *Agreement) Locked() bool {
	return a.Status == StatusDitandatangani ||
		(a.Status == StatusDibatalkan && a.Signing != nil && !a.Signing.Date.IsZero())
}

// lockedFields are what a signature fixes: the text, the parties and the numbers.
var lockedFields = []struct {
	field string
	get   func(*Agreement) any
}{
	{"kind", func(a *Agreement) any { return a.Kind }},
	{"category", func(a *Agreement) any { return a.Category }},
	{"subject", func(a *Agreement) any { return a.Subject }},
	{"parent_id", func(a *Agreement) any { return a.ParentID }},
	{"parties", func(a *Agreement) any { return a.Parties }},
	{"premises", func(a *Agreement) any { return a.Premises }},
	{"legal_bases", func(a *Agreement) any { return a.LegalBases }},
	{"body", func(a *Agreement) any { return a.Body }},
	{"term", func(a *Agreement) any { return a.Term }},
	{"amends", func(a *Agreement) any { return a.Amends }},
	{"funding", func(a *Agreement) any { return a.Funding }},
	{"copies", func(a *Agreement) any { return a.Copies }},
	{"paraf_units", func(a *Agreement) any { return a.ParafUnits }},
	{"signing.date", func(a *Agreement) any { return signingDate(a) }},
}

// KeepLocked gives a the fields a signature fixed (lockedFields) as prev
// holds them, when prev is signed: a form that cannot change them must not
// change them either by filling in a default (a unit without a length, no
// numbers as an empty list) where prev, made elsewhere, left them empty.
func (a *Agreement) KeepLocked(prev *Agreement) {
	if !prev.Locked() {
		return
	}
	a.Kind, a.Category, a.Subject, a.ParentID = prev.Kind, prev.Category, prev.Subject, prev.ParentID
	// A number the signature left open may be entered after it.
	parties := slices.Clone(prev.Parties)
	for i := range parties {
		if !numberLocked(prev, i) && i < len(a.Parties) && a.Parties[i].PartyID == parties[i].PartyID {
			parties[i].Number = a.Parties[i].Number
		}
	}
	a.Parties = parties
	a.Premises, a.LegalBases = slices.Clone(prev.Premises), slices.Clone(prev.LegalBases)
	a.Body = slices.Clone(prev.Body)
	a.Term, a.Funding = prev.Term, prev.Funding
	if prev.Copies != 0 {
		a.Copies = prev.Copies
	}
	a.Amends = nil
	if prev.Amends != nil {
		m := *prev.Amends
		a.Amends = &m
	}
	a.ParafUnits = slices.Clone(prev.ParafUnits)
	if prev.Signing == nil {
		if a.Signing != nil {
			a.Signing.Date = Date{}
		}
		return
	}
	if a.Signing == nil {
		a.Signing = &Signing{}
	}
	a.Signing.Date = prev.Signing.Date
}

func signingDate(a *Agreement) Date {
	if a.Signing == nil {
		return Date{}
	}
	return a.Signing.Date
}

// CheckLocked returns an error for every locked field that next changes compared
// with prev, when prev was signed. Status, signing details, attachments, monitoring,
// tags and notes stay editable, and so do a party's number and the rangkap the
// original did not carry (not given: empty, or dots to fill in by hand).
func CheckLocked(prev, next *Agreement) Errors {
	if !prev.Locked() {
		return nil
	}
	var es Errors
	n := *next
	n.Parties = withOpenNumbers(prev.Parties, next.Parties)
	if prev.Copies == 0 {
		n.Copies = 0 // a rangkap the original left open, as a number
	}
	next = &n
	for _, f := range lockedFields {
		if !reflect.DeepEqual(normalize(f.get(prev)), normalize(f.get(next))) {
			es.add(f.field, "locked")
		}
	}
	return es
}

// normalize treats nil and empty slices alike.
func normalize(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Slice && rv.Len() == 0 {
		return nil
	}
	return v
}

// NewChild starts a child of parent: a PKS under a KSB or Nota Kesepakatan, or an
// Adendum or Perpanjangan of a KSB, PKS or Nota Kesepakatan. The child takes over the
// parties (with their signers), the subject, the category and the affairs, and cites
// the parent's numbers, so nothing is typed twice. Its own numbers start empty.
func NewChild(parent *Agreement, kind Kind, now time.Time) (Agreement, error) {
	if !AllowedParent(parent.Kind, kind) {
		return Agreement{}, childError{FieldError{Field: "kind", Code: "parent_kind", Args: []any{parent.Kind.Title(), kind.Title()}}}
	}
	if parent.Status == StatusDibatalkan {
		return Agreement{}, childError{FieldError{Field: "status", Code: "transition", Args: []any{parent.Status.Label(), kind.Title()}}}
	}
	if (kind == KindAdendum || kind == KindPerpanjangan) && parent.Status != StatusDitandatangani {
		return Agreement{}, childError{FieldError{Field: "status", Code: "transition", Args: []any{parent.Status.Label(), kind.Title()}}}
	}
	numbers := parent.Numbers()
	date := Date{}
	if parent.Signing != nil && parent.Locked() {
		// Only a signing that happened is cited; a planned date is not.
		date = parent.Signing.Date
	}
	c := Agreement{
		Kind:         kind,
		Category:     parent.Category,
		Voluntary:    parent.Voluntary,
		Subject:      parent.Subject,
		ParentID:     parent.ID,
		Parent:       &ParentRef{Kind: parent.Kind, Subject: parent.Subject, Numbers: numbers, Date: date, End: parent.EffectiveEnd()},
		Status:       StatusKonsep,
		Place:        parent.Place,
		Affairs:      append([]string(nil), parent.Affairs...),
		Implementers: append([]string(nil), parent.Implementers...),
		ParafUnits:   append([]string(nil), parent.ParafUnits...),
		LegalBases:   append([]LegalBasis(nil), parent.LegalBases...),
		Term:         Term{Length: parent.Term.Length, Unit: parent.Term.Unit, Extendable: parent.Term.Extendable},
		Funding:      parent.Funding,
		Copies:       parent.Copies,
		Tags:         append([]string(nil), parent.Tags...),
		Created:      now,
		Updated:      now,
	}
	for _, p := range parent.Parties {
		p.Number = ""
		if kind == KindPKS {
			// A PKS is usually signed by heads of agencies under mandate: keep the
			// party but let the user choose the signer.
			p.MandateID = 0
		}
		c.Parties = append(c.Parties, p)
	}
	if kind == KindAdendum {
		// An Adendum has no term of its own: it comes into force when signed,
		// and a longer term is the change it makes to the parent (Amends).
		c.Term = Term{}
	}
	if kind == KindPerpanjangan && !parent.EffectiveEnd().IsZero() {
		c.Term.Start = parent.EffectiveEnd().AddDate(0, 0, 1)
		c.Term.End = c.Term.EndFor(c.Term.Start)
	}
	return c, nil
}

type childError struct{ FieldError }

func (e childError) Is(target error) bool { return target == ErrParentNotValid }

// SignedAhead refuses to mark an agreement signed, moving from prevStatus,
// on a day after today (with a day's grace for clocks): the record would say
// it was signed when it was not.
func SignedAhead(prevStatus Status, next *Agreement, today Date) Errors {
	if next.Status != StatusDitandatangani || prevStatus == StatusDitandatangani || next.Signing == nil {
		return nil
	}
	if d := next.Signing.Date; d.Valid() && d.After(today.AddDate(0, 0, 1)) {
		return Errors{{Field: "signing.date", Code: "signed_ahead", Args: []any{fmt.Sprintf("%02d/%02d/%d", d.Day, int(d.Month), d.Year)}}}
	}
	return nil
}
