package dataset

import "sepakat/internal/agreement"

// Offsets add to the IDs of each record type.
type Offsets struct {
	Party, Official, Mandate, Agreement agreement.ID
}

// Shift adds the offsets to every ID and every reference in d, so that a dataset
// numbered from 1 can join a store that already holds records.
func (d *Dataset) Shift(o Offsets) {
	party := func(id *agreement.ID) { shift(id, o.Party) }
	official := func(id *agreement.ID) { shift(id, o.Official) }
	mandate := func(id *agreement.ID) { shift(id, o.Mandate) }
	agr := func(id *agreement.ID) { shift(id, o.Agreement) }
	for i := range d.Parties {
		party(&d.Parties[i].ID)
		if pg := d.Parties[i].Page; pg != nil {
			for j := range pg.ParafHierarki {
				official(&pg.ParafHierarki[j])
			}
		}
	}
	for i := range d.Officials {
		official(&d.Officials[i].ID)
		party(&d.Officials[i].PartyID)
	}
	for i := range d.Mandates {
		m := &d.Mandates[i]
		mandate(&m.ID)
		party(&m.PartyID)
		official(&m.GrantorID)
		official(&m.GranteeID)
	}
	for i := range d.Agreements {
		a := &d.Agreements[i]
		agr(&a.ID)
		agr(&a.ParentID)
		for j := range a.Parties {
			p := &a.Parties[j]
			party(&p.PartyID)
			official(&p.SignerID)
			mandate(&p.MandateID)
		}
		if a.Signing != nil {
			for j := range a.Signing.Signers {
				sg := &a.Signing.Signers[j]
				party(&sg.PartyID)
				official(&sg.OfficialID)
				mandate(&sg.MandateID)
			}
			for j := range a.Signing.Witnesses {
				party(&a.Signing.Witnesses[j].PartyID)
			}
		}
	}
	for i := range d.Counters {
		party(&d.Counters[i].Office)
	}
	for i := range d.Numbers {
		party(&d.Numbers[i].Office)
		agr(&d.Numbers[i].AgreementID)
	}
	for i := range d.History {
		h := &d.History[i]
		switch h.Type {
		case TypeAgreement:
			agr(&h.ID)
		case TypeParty:
			party(&h.ID)
		case TypeOfficial:
			official(&h.ID)
		case TypeMandate:
			mandate(&h.ID)
		}
	}
}

// shift moves a set reference; zero stays "none".
func shift(id *agreement.ID, by agreement.ID) {
	if *id != 0 {
		*id += by
	}
}
