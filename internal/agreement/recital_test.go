package agreement

import (
	"testing"
	"time"
)

// A PKS made from a KSB not yet signed cites no signing date, not even a
// planned one; made from a signed KSB it cites the KSB's signing date.
func TestNewChildCitesOnlyASigningThatHappened(t *testing.T) {
	p := ksb()
	p.ID = 30
	p.Signing = &Signing{Date: NewDate(2026, 11, 30), Place: "Sumedang"} // planned
	c, err := NewChild(&p, KindPKS, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if !c.Parent.Date.IsZero() {
		t.Errorf("a PKS of a draft KSB cites it as signed on %v", c.Parent.Date)
	}
	p.Status = StatusDitandatangani
	if c, err = NewChild(&p, KindPKS, time.Now()); err != nil || c.Parent.Date != NewDate(2026, 11, 30) {
		t.Errorf("a PKS of a signed KSB cites %v (%v)", c.Parent.Date, err)
	}
}

// Recite lists the parent's signed changes in signing order, leaves out
// drafts, cancelled ones, other parents' children and the child itself, and
// cites the end after them; Ordinal counts the recited ones of a kind.
func TestReciteListsSignedChangesInOrder(t *testing.T) {
	p := ksb()
	p.ID, p.Status = 30, StatusDitandatangani
	p.Signing = &Signing{Date: NewDate(2025, 7, 4)}
	p.Parties[0].Number = "1/KSB/2025"
	child := func(id ID, k Kind, st Status, day Date, parent ID) Agreement {
		a := Agreement{ID: id, Kind: k, Status: st, ParentID: parent, Signing: &Signing{Date: day},
			Parties: []AgreementParty{{PartyID: 1, Number: "N" + string(rune('0'+id%10))}}}
		if k == KindPerpanjangan {
			a.Term = Term{Start: NewDate(2030, 7, 4), End: NewDate(2032, 7, 3)}
		}
		return a
	}
	siblings := []Agreement{
		child(41, KindPerpanjangan, StatusDitandatangani, NewDate(2030, 6, 1), 30),
		child(42, KindAdendum, StatusDitandatangani, NewDate(2026, 2, 1), 30),
		child(43, KindAdendum, StatusDibatalkan, NewDate(2027, 2, 1), 30),
		child(44, KindAdendum, StatusKonsep, NewDate(2028, 2, 1), 30),
		child(45, KindAdendum, StatusDitandatangani, NewDate(2026, 3, 1), 99),
		child(46, KindPKS, StatusDitandatangani, NewDate(2026, 4, 1), 30),
	}
	c, err := NewChild(&p, KindAdendum, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	c.ID = 44 // the draft itself, as saved
	c.Recite(&p, siblings)
	got := c.Parent.Changes
	if len(got) != 2 || got[0].Kind != KindAdendum || got[0].Date != NewDate(2026, 2, 1) || got[0].Numbers[0] != "N2" ||
		got[1].Kind != KindPerpanjangan || got[1].Date != NewDate(2030, 6, 1) {
		t.Fatalf("recites %+v", got)
	}
	if c.Parent.End != NewDate(2032, 7, 3) {
		t.Errorf("cites the end %v, not the extension's", c.Parent.End)
	}
	if n := c.Parent.Ordinal(KindAdendum); n != 2 {
		t.Errorf("the Adendum after one signed Adendum is number %d", n)
	}
	if n := c.Parent.Ordinal(KindPerpanjangan); n != 2 {
		t.Errorf("the Perpanjangan after one is number %d", n)
	}
	if n := (*ParentRef)(nil).Ordinal(KindAdendum); n != 1 {
		t.Errorf("no citation: number %d", n)
	}
}
