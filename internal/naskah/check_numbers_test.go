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
