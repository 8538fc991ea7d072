package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// Outstanding lists what the procedure still waits for on the day of now,
// in one read transaction, from IdxTodo: the keys are counted and only the
// rows shown are read.
func (s *Store) Outstanding(now time.Time) (service.Outstanding, error) {
	var o service.Outstanding
	own, err := s.Parties()
	if err != nil {
		return o, err
	}
	p := agreement.OfficeProcedure(own)
	o.AfterDays, o.PartnerDays = p.IncompleteAfterDays, p.PartnerWaitDays
	today := agreement.DateOf(now)
	err = s.view(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		// walk lists the keys of kind, in order, while before holds of their
		// date (nil: every key), up to DashboardRows rows of all it counts.
		walk := func(kind byte, before []byte, rows *[]agreement.Summary, count *int) error {
			c := tx.Bucket(schema.IdxTodo).Cursor()
			for k, _ := c.Seek([]byte{kind}); k != nil && k[0] == kind; k, _ = c.Next() {
				if len(k) < 9 {
					continue
				}
				if before != nil && (len(k) != 17 || bytes.Compare(k[1:9], before) >= 0) {
					break
				}
				*count++
				if len(*rows) >= agreement.DashboardRows {
					continue
				}
				id := binary.BigEndian.Uint64(k[len(k)-8:])
				sum, ok, err := dir.summary(agreement.ID(id))
				if errors.Is(err, service.ErrCorrupt) {
					continue // the Dashboard names the damaged records
				}
				if err != nil {
					return err
				}
				if ok {
					*rows = append(*rows, sum)
				}
			}
			return nil
		}
		if err := walk(schema.TodoDPRD, nil, &o.DPRD, &o.DPRDCount); err != nil {
			return err
		}
		// Overdue: signed before today less the office's days (CopiesOverdue).
		cut := today.AddDate(0, 0, -p.IncompleteAfterDays).Key()
		if err := walk(schema.TodoCopies, cut, &o.Copies, &o.CopiesCount); err != nil {
			return err
		}
		// Overdue: the round's last day is before today (MonevOverdue).
		if err := walk(schema.TodoMonev, today.Key(), &o.Monev, &o.MonevCount); err != nil {
			return err
		}
		// Overdue: sent before today less the office's days (PartnerOverdue).
		return walk(schema.TodoPartner, today.AddDate(0, 0, -p.PartnerWaitDays).Key(), &o.Partner, &o.PartnerCount)
	})
	return o, err
}
