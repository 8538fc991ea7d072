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

// An Adendum without a term of its own ends with its parent, after every
// signed change of the parent's term; one with its own term, a Perpanjangan
// and a PKS keep their own.
func TestAdendumWithoutTermEndsWithItsParent(t *testing.T) {
	parent := Agreement{ID: 7, Kind: KindPKS, Status: StatusDitandatangani, Signing: &Signing{Date: NewDate(2023, 6, 12)},
		Term: Term{Length: 3, Unit: UnitTahun, Start: NewDate(2023, 6, 12)}}
	own := NewDate(2026, 6, 11)
	add, err := NewChild(&parent, KindAdendum, time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	add.ID = 8
	add.Status, add.Signing = StatusDitandatangani, &Signing{Date: NewDate(2024, 2, 1)}
	if !add.EndsWithParent() || !Summarize(&add, 0, func(ID) (Party, bool) { return Party{}, false }).EndsWithParent {
		t.Fatal("a new Adendum does not end with its parent")
	}
	if got := add.EndIn(nil, &parent, nil); got != own {
		t.Errorf("ends %v, want the parent's %v", got, own)
	}
	if got := add.EndIn(nil, nil, nil); !got.IsZero() {
		t.Errorf("without its parent it ends %v", got)
	}
	// A signed Perpanjangan of the parent: the Adendum follows.
	ppj, err := NewChild(&parent, KindPerpanjangan, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	ppj.ID, ppj.Status, ppj.Signing = 9, StatusDitandatangani, &Signing{Date: NewDate(2026, 5, 1)}
	longer := NewDate(2029, 6, 11)
	if ppj.EffectiveEnd() != longer || ppj.EndsWithParent() {
		t.Fatalf("the Perpanjangan's own term ends %v", ppj.EffectiveEnd())
	}
	kids := []Agreement{add, ppj}
	if got := add.EndIn(nil, &parent, kids); got != longer {
		t.Errorf("after the Perpanjangan it ends %v, want %v", got, longer)
	}
	if got := ppj.EndIn(nil, &parent, kids); got != longer {
		t.Errorf("the Perpanjangan ends %v", got)
	}
	// An Adendum that itself moves the term ends on the new end; a draft on
	// the end it proposes, and its stored older version does not count.
	term := add
	term.ID, term.Signing = 10, &Signing{Date: NewDate(2030, 1, 2)}
	term.Amends = &Amendment{Term: true, End: NewDate(2031, 12, 31)}
	draft := term
	draft.Status, draft.Signing = StatusKonsep, nil
	if got := draft.EndIn(nil, &parent, append(kids, term)); got != NewDate(2031, 12, 31) {
		t.Errorf("a draft that changes the term ends %v", got)
	}
	if got := term.EndIn(nil, &parent, append(kids, draft)); got != NewDate(2031, 12, 31) {
		t.Errorf("a signed Adendum that changes the term ends %v", got)
	}
	if got := add.EndIn(nil, &parent, append(kids, term)); got != NewDate(2031, 12, 31) {
		t.Errorf("the first Adendum after the second ends %v", got)
	}
	// An Adendum with a term of its own keeps it.
	fixed := add
	fixed.Term = Term{Start: NewDate(2024, 2, 1), End: NewDate(2025, 1, 31)}
	if fixed.EndsWithParent() || fixed.EndIn(nil, &parent, kids) != NewDate(2025, 1, 31) {
		t.Errorf("an Adendum with its own term ends %v", fixed.EndIn(nil, &parent, kids))
	}
	// One imported with its parent's end copied ends with its parent too.
	copied := add
	copied.Term.End, copied.Imported = own, &Imported{Source: "daftar.xlsx", Row: 4}
	if !copied.EndsWithParent() || copied.EndIn(nil, &parent, kids) != longer {
		t.Errorf("an imported Adendum with its parent's end copied ends %v", copied.EndIn(nil, &parent, kids))
	}
	copied.Term.End = NewDate(2026, 1, 31)
	if copied.EndsWithParent() {
		t.Error("an imported Adendum with an end of its own ends with its parent")
	}
	// A PKS under a KSB keeps its own term.
	ksb := Agreement{ID: 1, Kind: KindKSB, Status: StatusDitandatangani, Term: Term{Start: NewDate(2020, 1, 1), End: NewDate(2030, 1, 1)}}
	pks := parent
	pks.ParentID = 1
	if pks.EndsWithParent() || pks.EndIn(nil, &ksb, []Agreement{pks}) != own {
		t.Error("a PKS took its KSB's end")
	}
	// A parent with no end gives none.
	open := parent
	open.Term = Term{}
	if got := add.EndIn(nil, &open, []Agreement{add}); !got.IsZero() {
		t.Errorf("under a parent without end it ends %v", got)
	}
	// A cancelled parent ends it on the day the cancellation was saved.
	cancelled := parent
	cancelled.Status, cancelled.Updated = StatusDibatalkan, time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	if got := add.EndIn(nil, &cancelled, kids); got != NewDate(2025, 3, 4) {
		t.Errorf("under a cancelled parent it ends %v", got)
	}
	if !ChangesEndGiven(&parent, &cancelled) || ChangesEndGiven(&parent, &parent) || !ChangesEndGiven(&parent, &open) {
		t.Error("ChangesEndGiven: cancelling or a new term changes it, nothing else")
	}
}

// The reminders of ending leave out an Adendum that ends with its parent;
// the register's filter keeps it.
func TestEndingNoticeLeavesOutAdendumEndingWithParent(t *testing.T) {
	today := NewDate(2026, 5, 1)
	s := Summary{Kind: KindAdendum, Status: StatusDitandatangani, End: NewDate(2026, 6, 11), EndsWithParent: true}
	if EndingWindowOf(s, today, EndingDays) != 41 || EndingNoticeOf(s, today, EndingDays) != -1 {
		t.Errorf("window %d, notice %d", EndingWindowOf(s, today, EndingDays), EndingNoticeOf(s, today, EndingDays))
	}
	if !(Filter{EndsWithin: 60}).Match(s, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)) {
		t.Error("the register's filter misses it")
	}
	s.EndsWithParent = false
	if EndingNoticeOf(s, today, EndingDays) != 41 {
		t.Error("an agreement's own end is no longer a reminder")
	}
}
