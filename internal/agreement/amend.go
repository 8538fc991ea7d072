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
	if last != nil {
		end, _ = last.ParentEnd()
	}
	return end
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
