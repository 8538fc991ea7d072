package agreement

// Amendment is what an Adendum or a Perpanjangan changes in its parent,
// chosen before its text is written. It is kept with the child so that the
// parent's end follows the child once the child is signed: an extension is the
// child changing the parent's end, never the child's own term.
type Amendment struct {
	// Term is set when the parent's term changes; End is its new last day.
	Term bool `json:"term,omitempty"`
	End  Date `json:"end"`
	// Length and Unit say how much longer the term grows, when it was
	// lengthened rather than given a new end date.
	Length int      `json:"length,omitempty"`
	Unit   TermUnit `json:"unit,omitempty"`
	// Pasal are the parent's pasal whose text changes.
	Pasal []AmendedPasal `json:"pasal,omitempty"`
	// Signers is set when the parties' signers change.
	Signers bool `json:"signers,omitempty"`
	// Text is a change in the user's own words.
	Text string `json:"text,omitempty"`
}

// AmendedPasal is one pasal of the parent with its new text.
type AmendedPasal struct {
	Number  int    `json:"number"` // 1-based, as the parent prints it
	Heading string `json:"heading,omitempty"`
	Text    string `json:"text"`
}

// Empty reports whether the amendment changes nothing.
func (m *Amendment) Empty() bool {
	return m == nil || (!m.Term && len(m.Pasal) == 0 && !m.Signers && m.Text == "")
}

// ParentEnd is the parent's last day as a sets it: ok when a is a signed
// Adendum that changes the term, or a signed Perpanjangan.
func (a *Agreement) ParentEnd() (Date, bool) {
	if a.Status != StatusDitandatangani || a.ParentID == 0 {
		return Date{}, false
	}
	if m := a.Amends; m != nil && m.Term && m.End.Valid() && (a.Kind == KindAdendum || a.Kind == KindPerpanjangan) {
		return m.End, true
	}
	if a.Kind == KindPerpanjangan {
		if e := a.EffectiveEnd(); e.Valid() {
			return e, true
		}
	}
	return Date{}, false
}

// ChangesParentEnd reports whether saving next in place of prev moves the
// end it sets for its parent (it is signed, cancelled, or its change edited).
func ChangesParentEnd(prev, next *Agreement) bool {
	if prev == nil {
		_, ok := next.ParentEnd()
		return ok
	}
	pe, pok := prev.ParentEnd()
	ne, nok := next.ParentEnd()
	return pok != nok || pe != ne || prev.ParentID != next.ParentID
}

// EndAfter is a's last day once its children are counted: the end set by the
// last signed of those that change it (by signing date, then by id), else
// a's own EffectiveEnd.
func (a *Agreement) EndAfter(children []Agreement) Date {
	end := a.EffectiveEnd()
	if last := a.EndSetBy(children); last != nil {
		end, _ = last.ParentEnd()
	}
	return end
}

// EndSetBy is the child of a whose signed change of a's end is the one in
// force (EndAfter): an Adendum or a Perpanjangan, signed last; nil when no
// child sets a's end.
func (a *Agreement) EndSetBy(children []Agreement) *Agreement {
	var last *Agreement
	for i := range children {
		c := &children[i]
		if _, ok := c.ParentEnd(); !ok || c.ParentID != a.ID {
			continue
		}
		if last == nil || laterSigned(c, last) {
			last = c
		}
	}
	return last
}

func laterSigned(c, than *Agreement) bool {
	cd, td := signingDate(c), signingDate(than)
	if cd != td {
		return cd.After(td)
	}
	return c.ID > than.ID
}

// Resolve sets the new end of a term lengthened by Length Unit, counted on
// from the parent's last day; a term given a new end date keeps it.
func (m *Amendment) Resolve(parentEnd Date) {
	if !m.Term || m.Length <= 0 || !parentEnd.Valid() {
		return
	}
	// Counted from the day after, so that a term ending on 31 January and
	// longer by a month ends on the last day of February.
	next := parentEnd.AddDate(0, 0, 1)
	if m.Unit == UnitBulan {
		m.End = next.AddDate(0, m.Length, -1)
	} else {
		m.End = next.AddDate(m.Length, 0, -1)
	}
}

// EndsWithParent reports whether a ends with its parent: an Adendum with no
// term of its own (no end, no length). Its text makes it part of the parent
// "selama jangka waktu" the parent runs, so it ends when the parent does.
// So does one brought in from an old register whose only end is the
// parent's end on that day (the sheet import once copied it).
func (a *Agreement) EndsWithParent() bool {
	if a.Kind != KindAdendum || a.ParentID == 0 || a.Term.Length > 0 {
		return false
	}
	copied := a.IsImported() && a.Parent != nil && a.Parent.End.Valid() && a.Term.End == a.Parent.End
	return a.Term.End.IsZero() || copied
}

// EndGiven is the last day a gives the Adenda that end with it: its end after
// its children (EndAfter) or, once a is cancelled, the day of its last save
// when that comes first (the register keeps no other date of a cancellation).
func (a *Agreement) EndGiven(children []Agreement) Date {
	end := a.EndAfter(children)
	if a.Status == StatusDibatalkan && !a.Updated.IsZero() {
		if d := DateOf(a.Updated); end.IsZero() || d.Before(end) {
			end = d
		}
	}
	return end
}

// ChangesEndGiven reports whether saving next in place of prev may move the
// end next gives the Adenda that end with it (EndGiven); its children are
// the same before and after.
func ChangesEndGiven(prev, next *Agreement) bool {
	if prev == nil {
		return false
	}
	cancelled := func(a *Agreement) bool { return a.Status == StatusDibatalkan }
	if prev.EffectiveEnd() != next.EffectiveEnd() || cancelled(prev) != cancelled(next) {
		return true
	}
	return cancelled(next) && DateOf(prev.Updated) != DateOf(next.Updated)
}

// EndWithParent is the last day of an Adendum that ends with its parent
// (EndsWithParent), siblings being the parent's children: the end the parent
// gives after every signed change of its term (EndGiven), so it follows each
// later extension. A draft that changes the term ends on the end it proposes.
// No parent, or a parent without end: no end. siblings may hold an older
// version of a; a counts as it is.
func (a *Agreement) EndWithParent(parent *Agreement, siblings []Agreement) Date {
	if a.Status != StatusDitandatangani && a.Status != StatusDibatalkan {
		if m := a.Amends; m != nil && m.Term && m.End.Valid() {
			return m.End
		}
	}
	if parent == nil || parent.ID != a.ParentID {
		return Date{}
	}
	kids := make([]Agreement, 0, len(siblings)+1)
	for i := range siblings {
		if siblings[i].ID != a.ID {
			kids = append(kids, siblings[i])
		}
	}
	return parent.EndGiven(append(kids, *a))
}

// EndIn is the end a's list row shows: for an Adendum that ends with its
// parent, EndWithParent; else its end after its own children (EndAfter).
func (a *Agreement) EndIn(children []Agreement, parent *Agreement, siblings []Agreement) Date {
	if a.EndsWithParent() {
		return a.EndWithParent(parent, siblings)
	}
	return a.EndAfter(children)
}
