package agreement

import (
	"bytes"
	"errors"
	"slices"
	"testing"
	"time"
)

func TestMetaReachesEachRecordType(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, v := range []any{&Agreement{}, &Party{}, &Official{}, &Mandate{}} {
		id, rev, created, updated := Meta(v)
		*id, *rev, *created, *updated = 7, 3, at, at.Add(time.Hour)
		id2, rev2, created2, updated2 := Meta(v)
		if *id2 != 7 || *rev2 != 3 || !created2.Equal(at) || !updated2.Equal(at.Add(time.Hour)) {
			t.Errorf("%T: Meta does not point into the record: %d %d %v %v", v, *id2, *rev2, *created2, *updated2)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("Meta of a non-record did not panic")
		}
	}()
	Meta(&Summary{})
}

func TestValidateRecordDispatches(t *testing.T) {
	dir := fixture()
	a := ksb()
	if es := ValidateRecord(&a, dir); len(es) != 0 {
		t.Fatalf("valid agreement refused: %v", es)
	}
	a.Subject = ""
	if es := ValidateRecord(&a, dir); len(es.For("subject")) == 0 {
		t.Errorf("agreement without subject passed: %v", es)
	}
	p := Party{Kind: PartySwasta}
	if es := ValidateRecord(&p, dir); len(es.For("name")) == 0 {
		t.Errorf("party without name passed: %v", es)
	}
	if es := ValidateRecord(&Summary{}, dir); es != nil {
		t.Errorf("a non-record has errors: %v", es)
	}
}

func TestCheckUpdate(t *testing.T) {
	read := 0
	stored := func(a Agreement) func() (*Agreement, error) {
		return func() (*Agreement, error) { read++; return &a, nil }
	}
	draft := ksb()
	next := draft
	next.Status = StatusDitandatangani // Konsep may not jump to signed
	var es Errors
	if err := CheckUpdate(StatusKonsep, stored(draft), &next, memDir{}); !errors.As(err, &es) || es[0].Code != "transition" {
		t.Errorf("Konsep → Ditandatangani: %v", err)
	}
	next.Status = StatusTelaah
	next.Subject = "Lain"
	if err := CheckUpdate(StatusKonsep, stored(draft), &next, memDir{}); err != nil {
		t.Errorf("Konsep → Telaah with a new subject: %v", err)
	}
	if read != 0 {
		t.Errorf("an unsigned agreement was read %d times", read)
	}
	signed := ksb()
	signed.Status = StatusDitandatangani
	next = signed
	next.Subject = "Lain"
	if err := CheckUpdate(StatusDitandatangani, stored(signed), &next, memDir{}); !errors.As(err, &es) || len(es.For("subject")) == 0 {
		t.Errorf("subject of a signed agreement changed: %v", err)
	}
	next = signed
	next.Notes = "catatan"
	if err := CheckUpdate(StatusDitandatangani, stored(signed), &next, memDir{}); err != nil {
		t.Errorf("notes of a signed agreement refused: %v", err)
	}
	if read != 2 {
		t.Errorf("a signed agreement was read %d times, want 2", read)
	}
	failed := errors.New("unreadable")
	next.Status = StatusDibatalkan
	if err := CheckUpdate(StatusDibatalkan, func() (*Agreement, error) { return nil, failed }, &next, memDir{}); !errors.Is(err, failed) {
		t.Errorf("a read failure was lost: %v", err)
	}
}

func TestSummarize(t *testing.T) {
	dir := fixture()
	a := ksb()
	a.ID, a.Rev, a.ParentID = 5, 2, 30
	a.Implementers = []string{}
	a.Parties = append(a.Parties, AgreementParty{PartyID: 99, Role: RolePihakKetiga})
	a.Signing = &Signing{Date: NewDate(2025, 7, 4)}
	a.Monitoring = []Monitoring{{}, {}}
	sum := Summarize(&a, 3, dir.Party)
	want := []PartyName{
		{ID: 2, Name: "Pemerintah Kabupaten Lampung Selatan"},
		{ID: 1, Name: "Pemerintah Kabupaten Sumedang", Own: true},
		{ID: 99},
	}
	if !slices.Equal(sum.Parties, want) {
		t.Errorf("parties %+v, want %+v", sum.Parties, want)
	}
	if sum.ID != 5 || sum.Rev != 2 || sum.ParentID != 30 || sum.Children != 3 || sum.FollowUps != 2 ||
		sum.Signed != NewDate(2025, 7, 4) || sum.End != a.EffectiveEnd() || sum.Year != a.Year() {
		t.Errorf("summary %+v", sum)
	}
	if sum.Implementers != nil {
		t.Errorf("empty implementers kept as %#v; a stored row reads back nil", sum.Implementers)
	}
	lines := sum.Lines()
	if lines[0] != KindKSB.Title() || lines[1] != a.Subject || lines[4] != "Pemerintah Kabupaten Lampung Selatan" || len(lines) != 7 {
		t.Errorf("lines %q", lines)
	}
}

func TestDateKeySortsAsDates(t *testing.T) {
	dates := []Date{NewDate(2026, 12, 1), {}, NewDate(2026, 2, 28), NewDate(999, 1, 1), NewDate(2026, 10, 9)}
	slices.SortFunc(dates, func(a, b Date) int { return bytes.Compare(a.Key(), b.Key()) })
	if !slices.IsSortedFunc(dates, func(a, b Date) int { return a.Compare(b) }) {
		t.Errorf("keys order dates as %v", dates)
	}
	if got := string(NewDate(2026, 3, 7).Key()); got != "20260307" {
		t.Errorf("key %q", got)
	}
	if got := string(Date{}.Key()); got != "00000000" {
		t.Errorf("zero date key %q", got)
	}
}

func TestNewChildPKS(t *testing.T) {
	p := ksb()
	p.ID, p.Status = 30, StatusDitandatangani
	p.Parties[0].Number, p.Parties[0].MandateID = "03/MoU/TKKSD-LS/1.04/VII/2025", 20
	p.Signing = &Signing{Date: NewDate(2025, 7, 4)}
	c, err := NewChild(&p, KindPKS, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if c.Subject != p.Subject || c.ParentID != 30 || len(c.Parties) != 2 || c.Parties[0].PartyID != 2 ||
		c.Parties[0].MandateID != 0 || c.Parties[0].Number != "" || c.Parent.Numbers[0] != "03/MoU/TKKSD-LS/1.04/VII/2025" {
		t.Errorf("PKS did not inherit: %+v", c)
	}
	c.ID = 31
	if _, err := NewChild(&c, KindPKS, time.Now()); !errors.Is(err, ErrParentNotValid) {
		t.Errorf("PKS under a PKS: %v", err)
	}
}
