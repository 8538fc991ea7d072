package agreement

import (
	"testing"
)

// An agreement brought in from an old register is signed without text,
// signers, copies or place; the same record without the mark is refused for
// each of those, and the mark exempts nothing else.
func TestImportedNeedsNoDraftingDetail(t *testing.T) {
	dir := fixture()
	old := func() Agreement {
		return Agreement{Kind: KindAdendum, Subject: "Perubahan Pelayanan Perizinan", Status: StatusDitandatangani,
			Parties: []AgreementParty{{PartyID: 1, Role: RolePihakPertama, Own: true, Number: "180/12/2019"}, {PartyID: 2, Role: RolePihakKedua}},
			Term:    Term{Length: 5, Unit: UnitTahun, Start: NewDate(2019, 3, 1), End: NewDate(2024, 2, 29)},
			Signing: &Signing{Date: NewDate(2019, 3, 1)}}
	}
	a := old()
	es := a.Validate(dir)
	for _, f := range []string{"body", "copies", "parties[0].signer_id", "parties[1].signer_id", "signing.place", "parent_id"} {
		if len(es.For(f)) == 0 {
			t.Errorf("without the mark, %s is not required: %v", f, es)
		}
	}
	a.Imported = &Imported{Source: "daftar.xlsx", Row: 3}
	if es := a.Validate(dir); len(es) != 0 {
		t.Fatalf("imported record refused: %v", es)
	}
	// Everything else still holds.
	for _, c := range []struct {
		field string
		edit  func(*Agreement)
	}{
		{"subject", func(a *Agreement) { a.Subject = "" }},
		{"parties", func(a *Agreement) { a.Parties = a.Parties[:1] }},
		{"signing.date", func(a *Agreement) { a.Signing.Date = Date{} }},
		{"term.end", func(a *Agreement) { a.Term.End = NewDate(2018, 1, 1) }},
		{"parties[1].party_id", func(a *Agreement) { a.Parties[1].PartyID = 99 }},
	} {
		b := old()
		b.Imported = &Imported{}
		c.edit(&b)
		es := b.Validate(dir)
		if len(es.For(c.field)) == 0 {
			t.Errorf("imported record with a bad %s passes: %v", c.field, es)
		}
	}
}
