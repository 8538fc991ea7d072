package agreement

import (
	"strings"
	"unicode"
)

// NumberGiven reports whether n is a number: not empty, with a letter or a
// digit, and without the dots left to be filled in by hand
// ("........../2026"). It is the rule of service.NumberKey.
func NumberGiven(n string) bool {
	n = strings.TrimSpace(n)
	if strings.Contains(n, "...") || strings.Contains(n, "…") {
		return false
	}
	return strings.ContainsFunc(n, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// FoldSigning moves what a record written before one number per party kept
// in its signing record (issue QA10 1, 4, 9) to its one place: a number
// typed only at signing becomes the party's number where the party has none
// (where both were given, the party's number is the one the text printed),
// and a rangkap typed at signing, which the procedure counted originals by,
// becomes the agreement's Copies. Every decoder of stored or imported
// agreements calls it (Fold); a folded record has nothing more to move.
func (a *Agreement) FoldSigning() {
	s := a.Signing
	if s == nil || (s.OldNumbers == nil && s.OldCopies == 0) {
		return
	}
	for i, n := range s.OldNumbers {
		if i < len(a.Parties) && !NumberGiven(a.Parties[i].Number) && NumberGiven(n) {
			a.Parties[i].Number = strings.TrimSpace(n)
		}
	}
	if s.OldCopies > 0 {
		a.Copies = s.OldCopies
	}
	s.OldNumbers, s.OldCopies = nil, 0
}

// Fold calls FoldSigning on every agreement v holds when v is a decoded
// *Agreement or *[]Agreement, or has a FoldSigning method of its own; other
// values are left alone. Generic decoders call it after json.Unmarshal.
func Fold(v any) {
	switch x := v.(type) {
	case *Agreement:
		x.FoldSigning()
	case *[]Agreement:
		for i := range *x {
			(*x)[i].FoldSigning()
		}
	case interface{ FoldSigning() }:
		x.FoldSigning()
	}
}

// numberLocked reports whether a signed agreement's number at party i is
// fixed: the original carried it. A number not given (empty, dots) was
// written by hand on the original, if at all, and may be entered later.
func numberLocked(a *Agreement, i int) bool {
	return i < len(a.Parties) && NumberGiven(a.Parties[i].Number)
}

// withOpenNumbers is next's parties with the numbers prev (signed) left open
// taken from prev, so that comparing them with prev's ignores a number
// entered after signing.
func withOpenNumbers(prev, next []AgreementParty) []AgreementParty {
	out := make([]AgreementParty, len(next))
	copy(out, next)
	for i := range out {
		if i < len(prev) && !NumberGiven(prev[i].Number) && out[i].PartyID == prev[i].PartyID {
			out[i].Number = prev[i].Number
		}
	}
	return out
}

// RefreshCitation fills in the numbers c's citation of its parent lacks
// (ParentRef.Numbers, one per party in the parent's order) with the numbers
// parent has now: a number entered in the parent after c was started, as
// our own number taken after the partner's was typed. A signed child cites
// what it was signed with, and a number cited stays. c.Parent is replaced,
// never changed in place.
func (c *Agreement) RefreshCitation(parent *Agreement) {
	if c.Parent == nil || parent == nil || parent.ID != c.ParentID || c.Locked() {
		return
	}
	now := parent.Numbers()
	out := append([]string(nil), c.Parent.Numbers...)
	for len(out) < len(now) {
		out = append(out, "")
	}
	for i, n := range now {
		if !NumberGiven(out[i]) && NumberGiven(n) {
			out[i] = n
		}
	}
	ref := *c.Parent
	ref.Numbers = out
	c.Parent = &ref
}
