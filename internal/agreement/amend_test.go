package agreement

import (
	"testing"
	"time"
)

func TestAmendmentResolveCountsFromTheDayAfter(t *testing.T) {
	for _, c := range []struct {
		end  Date
		n    int
		unit TermUnit
		want Date
	}{
		{NewDate(2026, 6, 11), 1, UnitTahun, NewDate(2027, 6, 11)},
		{NewDate(2026, 1, 31), 1, UnitBulan, NewDate(2026, 2, 28)},
		{NewDate(2027, 2, 28), 6, UnitBulan, NewDate(2027, 8, 31)},
		{NewDate(2028, 2, 28), 1, UnitTahun, NewDate(2029, 2, 28)},
	} {
		m := Amendment{Term: true, Length: c.n, Unit: c.unit}
		m.Resolve(c.end)
		if m.End != c.want {
			t.Errorf("%v + %d %s ends %v, want %v", c.end, c.n, c.unit, m.End, c.want)
		}
	}
	m := Amendment{Term: true, End: NewDate(2030, 1, 1)}
	m.Resolve(NewDate(2026, 6, 11))
	if m.End != NewDate(2030, 1, 1) {
		t.Errorf("a new end date given was moved to %v", m.End)
	}
}

func TestEndAfterFollowsTheLastSignedChange(t *testing.T) {
	parent := Agreement{ID: 7, Kind: KindPKS, Status: StatusDitandatangani,
		Term: Term{Length: 3, Unit: UnitTahun, Start: NewDate(2023, 6, 12)}}
	own := NewDate(2026, 6, 11)
	child := func(id ID, st Status, signed, end Date) Agreement {
		c := Agreement{ID: id, Kind: KindAdendum, ParentID: 7, Status: st, Amends: &Amendment{Term: true, End: end}}
		if !signed.IsZero() {
			c.Signing = &Signing{Date: signed}
		}
		return c
	}
	if got := parent.EndAfter(nil); got != own {
		t.Fatalf("own end %v", got)
	}
	kids := []Agreement{
		child(9, StatusDitandatangani, NewDate(2027, 5, 2), NewDate(2029, 6, 11)),
		child(8, StatusDitandatangani, NewDate(2026, 5, 2), NewDate(2027, 6, 11)),
		child(10, StatusKonsep, Date{}, NewDate(2035, 1, 1)),
		child(11, StatusDibatalkan, NewDate(2028, 1, 1), NewDate(2036, 1, 1)),
		{ID: 12, Kind: KindAdendum, ParentID: 7, Status: StatusDitandatangani, Signing: &Signing{Date: NewDate(2028, 3, 3)},
			Amends: &Amendment{Pasal: []AmendedPasal{{Number: 3, Text: "Teks baru."}}}},
	}
	if got := parent.EndAfter(kids); got != NewDate(2029, 6, 11) {
		t.Errorf("end after two extensions %v, want the later signed one's 11 Juni 2029", got)
	}
	if got := parent.EndAfter(kids[1:]); got != NewDate(2027, 6, 11) {
		t.Errorf("end after one extension %v", got)
	}
	if ChangesParentEnd(&kids[2], &kids[2]) || !ChangesParentEnd(&kids[2], &kids[0]) || !ChangesParentEnd(&kids[0], &kids[3]) {
		t.Error("ChangesParentEnd: a draft changes nothing, signing or cancelling an extension does")
	}
}

func TestNewAdendumHasNoTermOfItsOwn(t *testing.T) {
	parent := Agreement{ID: 7, Kind: KindPKS, Status: StatusDitandatangani,
		Term: Term{Length: 3, Unit: UnitTahun, Start: NewDate(2023, 6, 12), Extendable: true}}
	c, err := NewChild(&parent, KindAdendum, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if c.Term != (Term{}) || c.EffectiveStart().Valid() {
		t.Errorf("the Adendum's term %+v", c.Term)
	}
	if c.Parent.End != NewDate(2026, 6, 11) {
		t.Errorf("cites the parent's end %v", c.Parent.End)
	}
}

func TestAmendsValidate(t *testing.T) {
	a := Agreement{Kind: KindPKS, Amends: &Amendment{Text: "x"}}
	var es Errors
	a.validateAmends(&es)
	if len(es) != 1 || es[0].Field != "amends" {
		t.Errorf("a PKS carrying a change: %v", es)
	}
	a = Agreement{Kind: KindAdendum, Amends: &Amendment{Term: true, Pasal: []AmendedPasal{{Number: 0, Text: "x"}}}}
	es = nil
	a.validateAmends(&es)
	if len(es) != 2 || es[0].Field != "amends.end" || es[1].Field != "amends.pasal[0].number" {
		t.Errorf("an Adendum without a new end, a pasal 0: %v", es)
	}
	a.Amends = &Amendment{Term: true, End: NewDate(2027, 7, 3)}
	es = nil
	a.validateAmends(&es)
	if len(es) != 0 {
		t.Errorf("a sound change: %v", es)
	}
}
