package agreement

import "time"

// Record is a type the register stores with bookkeeping and history.
type Record interface {
	Agreement | Party | Official | Mandate
}

// Meta exposes the bookkeeping fields of a record given by pointer
// (*Agreement, *Party, *Official or *Mandate); anything else panics.
func Meta(v any) (id *ID, rev *uint64, created, updated *time.Time) {
	switch r := v.(type) {
	case *Agreement:
		return &r.ID, &r.Rev, &r.Created, &r.Updated
	case *Party:
		return &r.ID, &r.Rev, &r.Created, &r.Updated
	case *Official:
		return &r.ID, &r.Rev, &r.Created, &r.Updated
	case *Mandate:
		return &r.ID, &r.Rev, &r.Created, &r.Updated
	}
	panic("agreement: not a record")
}

// ValidateRecord validates a record given by pointer against d.
func ValidateRecord(v any, d Directory) Errors {
	switch r := v.(type) {
	case *Agreement:
		return r.Validate(d)
	case *Party:
		return r.Validate(d)
	case *Official:
		return r.Validate(d)
	case *Mandate:
		return r.Validate(d)
	}
	return nil
}

// CheckUpdate refuses what saving next over a stored agreement in status
// prevStatus may not do: a status move the life cycle does not allow, a move
// to Siap Tanda Tangan or beyond while the procedure's Gate is not passed
// (the office's Procedure is read from our own party in dir), and a change to
// a signed agreement's locked fields. prev reads the stored agreement; it is
// called only when its status may lock fields.
func CheckUpdate(prevStatus Status, prev func() (*Agreement, error), next *Agreement, dir Directory) error {
	if prevStatus != next.Status && !CanTransition(prevStatus, next.Status) {
		return Errors{{Field: "status", Code: "transition", Args: []any{prevStatus.Label(), next.Status.Label()}}}
	}
	if es := next.Gate(prevStatus, next.OwnProcedure(dir), dir); len(es) > 0 {
		return es
	}
	if prevStatus != StatusDitandatangani && prevStatus != StatusDibatalkan {
		return nil
	}
	old, err := prev()
	if err != nil {
		return err
	}
	if es := CheckLocked(old, next); len(es) > 0 {
		return es
	}
	return nil
}
