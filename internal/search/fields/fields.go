// Package fields says what of an agreement the full-text index reads, and in
// which field group: search.FieldHigh (subject, tags, parties, numbers,
// signers), which ranking weighs three times as much as search.FieldBody (the
// rest of the text). It is pure: names come from a Names.
package fields

import (
	"strings"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
)

// Names resolves the parties, officials and mandates an agreement refers to.
type Names interface {
	Party(agreement.ID) (agreement.Party, bool)
	Official(agreement.ID) (agreement.Official, bool)
	Mandate(agreement.ID) (agreement.Mandate, bool)
}

// Text collects what a person might search for in an agreement, in two
// groups: [0] the weighted fields, [1] the body; one value per line. Every
// name in the record's story is there: parties, signers, the grantors and
// holders of their mandates (a PKS signed by a kepala dinas under the Bupati's
// surat kuasa is found by the Bupati's name) and the mandates' numbers,
// witnesses, the venue, the perangkat daerah, the numbers stamped at signing;
// an agency's name also by its initials (AgencyShortForms).
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
	// agency adds, after a name, the short forms of the agency it names.
	agency := func(b *strings.Builder, s string) {
		w(b, strings.Join(search.AgencyShortForms(s), " "))
	}
	mandates := map[agreement.ID]bool{}
	mandate := func(id agreement.ID) {
		if id == 0 || mandates[id] {
			return
		}
		mandates[id] = true
		m, ok := dir.Mandate(id)
		if !ok {
			return
		}
		w(&hi, m.Number)
		for _, oid := range []agreement.ID{m.GrantorID, m.GranteeID} {
			if o, ok := dir.Official(oid); ok {
				w(&hi, o.Name)
				w(&body, o.Jabatan)
			}
		}
	}
	w(&hi, a.Kind.Title(), string(a.Kind), a.Subject)
	w(&hi, a.Tags...)
	for _, ap := range a.Parties {
		if p, ok := dir.Party(ap.PartyID); ok {
			w(&hi, p.Name, p.ShortName)
			agency(&hi, p.Name)
		}
		// A perangkat daerah standing as the party (a PKS between dinas).
		w(&hi, ap.Unit)
		agency(&hi, ap.Unit)
		w(&hi, ap.Number)
		if o, ok := dir.Official(ap.SignerID); ok {
			w(&hi, o.Name, o.Jabatan)
			agency(&hi, o.Jabatan)
		}
		mandate(ap.MandateID)
	}
	if a.Parent != nil {
		w(&body, a.Parent.Subject)
		w(&body, a.Parent.Numbers...)
	}
	if s := a.Signing; s != nil {
		w(&hi, s.Venue) // a name of the story: its words side by side count
		w(&body, s.Place, s.Notes)
		for _, sg := range s.Signers {
			w(&hi, sg.Name, sg.Jabatan)
			mandate(sg.MandateID)
		}
		for _, wt := range s.Witnesses {
			w(&body, wt.Name, wt.Jabatan)
		}
	}
	w(&body, a.Place, a.Notes, a.CancelReason, a.Funding.Source, a.Funding.Notes)
	w(&body, a.Affairs...)
	for _, pd := range a.Implementers {
		w(&body, pd)
		agency(&body, pd)
	}
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

// Directory holds parties, officials and mandates by ID: a Names that is safe
// to read from several goroutines (a bbolt transaction is not).
type Directory struct {
	Parties   map[agreement.ID]agreement.Party
	Officials map[agreement.ID]agreement.Official
	Mandates  map[agreement.ID]agreement.Mandate
}

// NewDirectory returns an empty directory.
func NewDirectory() *Directory {
	return &Directory{Parties: map[agreement.ID]agreement.Party{}, Officials: map[agreement.ID]agreement.Official{},
		Mandates: map[agreement.ID]agreement.Mandate{}}
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

// Mandate implements Names.
func (d *Directory) Mandate(id agreement.ID) (agreement.Mandate, bool) {
	m, ok := d.Mandates[id]
	return m, ok
}
