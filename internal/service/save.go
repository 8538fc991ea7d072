package service

import (
	"fmt"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
)

// PrepareSave applies the rules every backend's save follows to v, a pointer
// to a record of type t, at now: a new record (ID 0) must have revision 0 and
// gets the ID newID hands out and, unless given, its creation time; a stored
// one must exist and carry the stored revision, and keeps its creation time.
// Then the revision goes up, the change time is now, and the record must pass
// validation against d (an agreement being drafted must also fit its partner). stored reads the stored version's revision and
// creation time; found is false when there is none.
func PrepareSave(t dataset.RecordType, v any, now time.Time, d agreement.Directory,
	newID func() (agreement.ID, error),
	stored func(agreement.ID) (rev uint64, created time.Time, found bool, err error)) error {
	id, rev, created, updated := agreement.Meta(v)
	if *id == 0 {
		if *rev != 0 {
			return &ConflictError{Type: t, Have: *rev}
		}
		next, err := newID()
		if err != nil {
			return err
		}
		*id = next
		if created.IsZero() {
			*created = now
		}
	} else {
		oldRev, oldCreated, found, err := stored(*id)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("%s %d: %w", t, *id, ErrNotFound)
		}
		if oldRev != *rev {
			return &ConflictError{Type: t, ID: *id, Have: *rev, Want: oldRev}
		}
		*created = oldCreated
	}
	*rev++
	*updated = now
	if es := agreement.ValidateRecord(v, d); len(es) > 0 {
		return es
	}
	// A save (not an import) refuses a document that does not fit its partner.
	if a, ok := v.(*agreement.Agreement); ok {
		if es := a.FitErrors(d); len(es) > 0 {
			return es
		}
	}
	return nil
}
