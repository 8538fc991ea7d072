// Package fields says what of an agreement the full-text index reads, and in
// which field group: search.FieldHigh (subject, tags, parties, numbers,
// signers), which ranking weighs three times as much as search.FieldBody (the
// rest of the text). It is pure: names come from a Names.
package fields

import (
	"strings"

	"sepakat/internal/agreement"
)

// Names resolves the parties and officials an agreement refers to.
type Names interface {
	Party(agreement.ID) (agreement.Party, bool)
	Official(agreement.ID) (agreement.Official, bool)
}

// Text collects what a person might search for in an agreement, in two
// groups: [0] the weighted fields, [1] the body; one value per line.
func Text(dir Names, a *agreement.Agreement) [2]string {
	var hi, body strings.Builder
	w := func(b *strings.Builder, s ...string) {
		for _, x := range s {
			if x != "" {
				b.WriteString(x)
				b.WriteByte('\n')
			}
		}
	}
	w(&hi, a.Kind.Title(), string(a.Kind), a.Subject)
	w(&hi, a.Tags...)
	for _, ap := range a.Parties {
		if p, ok := dir.Party(ap.PartyID); ok {
			w(&hi, p.Name, p.ShortName)
		}
		w(&hi, ap.Number)
		if o, ok := dir.Official(ap.SignerID); ok {
			w(&hi, o.Name, o.Jabatan)
		}
	}
	if a.Parent != nil {
		w(&body, a.Parent.Subject)
		w(&body, a.Parent.Numbers...)
	}
	if s := a.Signing; s != nil {
		w(&hi, s.Numbers...)
		w(&body, s.Place, s.Venue, s.Notes)
		for _, sg := range s.Signers {
			w(&hi, sg.Name, sg.Jabatan)
		}
		for _, wt := range s.Witnesses {
			w(&body, wt.Name, wt.Jabatan)
		}
	}
	w(&body, a.Place, a.Notes, a.CancelReason, a.Funding.Source, a.Funding.Notes)
	w(&body, a.Affairs...)
	w(&body, a.Implementers...)
	w(&body, a.Premises...)
	for _, l := range a.LegalBases {
		w(&body, l.String())
	}
	var nodes func([]agreement.Node)
	nodes = func(ns []agreement.Node) {
		for _, n := range ns {
			w(&body, n.Heading, n.Text)
			nodes(n.Children)
		}
	}
	nodes(a.Body)
	for _, m := range a.Monitoring {
		w(&body, m.Period, m.Activity, m.Obstacles)
	}
	return [2]string{hi.String(), body.String()}
}

// Directory holds parties and officials by ID: a Names that is safe to read
// from several goroutines (a bbolt transaction is not).
type Directory struct {
	Parties   map[agreement.ID]agreement.Party
	Officials map[agreement.ID]agreement.Official
}

// NewDirectory returns an empty directory.
func NewDirectory() *Directory {
	return &Directory{Parties: map[agreement.ID]agreement.Party{}, Officials: map[agreement.ID]agreement.Official{}}
}

// Party implements Names.
func (d *Directory) Party(id agreement.ID) (agreement.Party, bool) {
	p, ok := d.Parties[id]
	return p, ok
}

// Official implements Names.
func (d *Directory) Official(id agreement.ID) (agreement.Official, bool) {
	o, ok := d.Officials[id]
	return o, ok
}
