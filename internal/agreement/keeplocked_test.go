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
