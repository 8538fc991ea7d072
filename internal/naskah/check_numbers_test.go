package naskah

import (
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
)

// A signed agreement printed without our own number, or without any number,
// shows dots on its NOMOR lines: the check names it, in both languages, and
// it is one a signed text may still put right.
func TestCheckNamesASignedAgreementWithoutNumbers(t *testing.T) {
	_, a := built(t, 2)
	if a.Status != agreement.StatusDitandatangani || !agreement.NumberGiven(a.OwnNumber()) {
		t.Fatalf("example 2 is not signed with our number: %s %v", a.Status, a.Numbers())
	}
	s, lib := examples(t), library(t)
	check := func(a agreement.Agreement) []Problem {
		t.Helper()
		d, err := Build(&a, s, lib, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return Check(d, &a)
	}
	noOwn := a
	noOwn.Parties = append([]agreement.AgreementParty(nil), a.Parties...)
	for i := range noOwn.Parties {
		if noOwn.Parties[i].Own {
			noOwn.Parties[i].Number = "........../2025" // dots: by hand
		}
	}
	ps := check(noOwn)
	if len(ps) != 1 || !ps[0].OpenAfterSigning() ||
		!strings.Contains(ps[0].Message(i18n.ID), "tanpa nomor kita") || !strings.Contains(ps[0].Message(i18n.EN), "without our own number") {
		t.Errorf("signed without our number: %s", messages(ps, i18n.ID))
	}
	none := noOwn
	none.Parties = append([]agreement.AgreementParty(nil), noOwn.Parties...)
	for i := range none.Parties {
		none.Parties[i].Number = ""
	}
	ps = check(none)
	if len(ps) != 1 || !ps[0].OpenAfterSigning() ||
		!strings.Contains(ps[0].Message(i18n.ID), "tidak mempunyai nomor") || !strings.Contains(ps[0].Message(i18n.EN), "has no number") {
		t.Errorf("signed without any number: %s", messages(ps, i18n.ID))
	}
	// A draft's numbers come later: nothing to say.
	none.Status = agreement.StatusSiapTTD
	if ps := check(none); len(ps) > 0 {
		t.Errorf("a draft without numbers: %s", messages(ps, i18n.ID))
	}
}

// A draft PKS started when its KSB had only the partner's number cites our
// number too once the KSB has it (QA10 1: "Kesepakatan Bersama Nomor
// 130/021/KS/III/2026" alone).
func TestDraftChildCitesTheParentsNumbersAsTheyAreNow(t *testing.T) {
	s, lib := examples(t), library(t)
	ksb, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	c, err := agreement.NewChild(&ksb, agreement.KindPKS, ksb.Created)
	if err != nil {
		t.Fatal(err)
	}
	var own string
	for i, p := range ksb.Parties {
		if p.Own {
			own = p.Number
			c.Parent.Numbers[i] = "" // started before our number was taken
		}
	}
	if !agreement.NumberGiven(own) {
		t.Fatalf("example KSB without our number: %v", ksb.Numbers())
	}
	c.Subject, c.Body = "Pertukaran Data", ksb.Body
	if err := s.SaveAgreement(&c); err != nil {
		t.Fatal(err)
	}
	d, err := Build(&c, s, lib, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var premises []string
	for _, u := range units(d) {
		if u.where.Part == "premis" {
			premises = append(premises, u.text)
		}
	}
	if text := strings.Join(premises, "\n"); !strings.Contains(text, own) {
		t.Errorf("the PKS's premises do not cite our KSB number %q:\n%s", own, text)
	}
}
