package agreement_test

import (
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
)

// KeepLocked undoes every change to what a signature fixed, whatever the
// form put there, and keeps every other change.
func TestKeepLockedUndoesEveryLockedChange(t *testing.T) {
	ds, err := dataset.Examples()
	if err != nil {
		t.Fatal(err)
	}
	var signed, other []agreement.Agreement
	for _, a := range ds.Agreements {
		if a.Locked() {
			signed = append(signed, a)
		}
		other = append(other, a)
	}
	if len(signed) == 0 {
		t.Fatal("no signed example")
	}
	for _, prev := range signed {
		for _, o := range other {
			if o.ID == prev.ID {
				continue
			}
			// Everything from another agreement, kept as prev's.
			next := o
			next.ID, next.Rev, next.Status = prev.ID, prev.Rev, prev.Status
			next.Notes, next.Tags = "catatan baru", []string{"label baru"}
			if len(agreement.CheckLocked(&prev, &next)) == 0 {
				t.Fatalf("%d and %d differ in nothing locked", prev.ID, o.ID)
			}
			next.KeepLocked(&prev)
			if es := agreement.CheckLocked(&prev, &next); len(es) > 0 {
				t.Errorf("%d from %d: still changed %v", prev.ID, o.ID, es)
			}
			if next.Notes != "catatan baru" || len(next.Tags) != 1 {
				t.Errorf("%d from %d: notes %q tags %v lost", prev.ID, o.ID, next.Notes, next.Tags)
			}
		}
		// The form's defaults where prev left fields empty.
		bare := prev
		bare.Term.Unit, bare.Signing = "", nil
		next := bare
		next.Term.Unit = agreement.UnitTahun
		next.Signing = &agreement.Signing{Signers: []agreement.Signer{}}
		next.KeepLocked(&bare)
		if es := agreement.CheckLocked(&bare, &next); len(es) > 0 {
			t.Errorf("%d: defaults kept %v", prev.ID, es)
		}
	}
	// A draft's fields are the form's.
	draft := other[0]
	draft.Status = agreement.StatusKonsep
	draft.Signing = nil
	next := draft
	next.Subject = "Perihal baru"
	next.KeepLocked(&draft)
	if next.Subject != "Perihal baru" {
		t.Error("a draft's subject was put back")
	}
}

// Marking an agreement signed on a day still to come is refused, with a
// day's grace; a record already signed, and other steps, are not held.
func TestSignedAhead(t *testing.T) {
	today := agreement.NewDate(2026, 12, 1)
	signed := func(prev agreement.Status, day agreement.Date) agreement.Errors {
		a := agreement.Agreement{Status: agreement.StatusDitandatangani, Signing: &agreement.Signing{Date: day}}
		return agreement.SignedAhead(prev, &a, today)
	}
	if es := signed(agreement.StatusSiapTTD, agreement.NewDate(2026, 12, 3)); len(es) != 1 || es[0].Field != "signing.date" || es[0].Code != "signed_ahead" {
		t.Errorf("two days ahead: %v", es)
	}
	for _, day := range []agreement.Date{agreement.NewDate(2026, 12, 2), today, agreement.NewDate(2025, 7, 4)} {
		if es := signed(agreement.StatusSiapTTD, day); len(es) > 0 {
			t.Errorf("%v: %v", day, es)
		}
	}
	if es := signed(agreement.StatusDitandatangani, agreement.NewDate(2027, 2, 26)); len(es) > 0 {
		t.Errorf("already signed: %v", es)
	}
}
