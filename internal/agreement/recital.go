package agreement

import "sort"

// ParentChange is a signed Adendum or Perpanjangan of a parent, as a later
// child of the same parent recites it: "… sebagaimana telah diubah dengan
// Adendum Nomor … tanggal …".
type ParentChange struct {
	Kind    Kind     `json:"kind"`
	Numbers []string `json:"numbers,omitempty"`
	Date    Date     `json:"date"`
}

// Recite gives c, a new child of parent, what its citation of the parent
// recites: the parent's signed Adenda and Perpanjangan among siblings (the
// parent's other children), oldest signing first, and the parent's end after
// them (EndAfter). A cancelled change is not recited. It is kept with c, so
// that what c says of its parent does not move when later children come.
func (c *Agreement) Recite(parent *Agreement, siblings []Agreement) {
	if c.Parent == nil || parent == nil || c.ParentID != parent.ID {
		return
	}
	var signed []Agreement
	for _, s := range siblings {
		if s.ParentID == parent.ID && (c.ID == 0 || s.ID != c.ID) && s.Status == StatusDitandatangani &&
			(s.Kind == KindAdendum || s.Kind == KindPerpanjangan) {
			signed = append(signed, s)
		}
	}
	sort.SliceStable(signed, func(i, j int) bool { return laterSigned(&signed[j], &signed[i]) })
	c.Parent.Changes = nil
	for _, s := range signed {
		c.Parent.Changes = append(c.Parent.Changes, ParentChange{Kind: s.Kind, Numbers: s.Numbers(), Date: signingDate(&s)})
	}
	if end := parent.EndAfter(signed); end.Valid() {
		c.Parent.End = end
	}
}

// Ordinal is the place among the parent's children of kind k that a new
// child of that kind takes: 1 for the first Adendum, 2 for the second …,
// counting the changes the citation recites.
func (r *ParentRef) Ordinal(k Kind) int {
	n := 1
	if r == nil {
		return n
	}
	for _, c := range r.Changes {
		if c.Kind == k {
			n++
		}
	}
	return n
}
