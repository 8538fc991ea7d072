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

// Dashboard gathers what the Beranda shows on the day of now, in one read
// transaction, from the list indexes and summaries.
func (s *Store) Dashboard(now time.Time) (service.Dashboard, error) {
	today := agreement.DateOf(now)
	var d service.Dashboard
	var err error
	if d.Counts, err = s.Counts(); err != nil {
		return d, err
	}
	err = s.view(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		// Signed agreements by end date, up to the last horizon; summaries are
		// read only for the rows shown.
		c := tx.Bucket(schema.IdxSignedEnd).Cursor()
		last := today.AddDate(0, 0, agreement.EndingDays).Key()
		for k, _ := c.Seek(today.Key()); k != nil && len(k) == 16 && bytes.Compare(k[:8], last) <= 0; k, _ = c.Next() {
			id := binary.BigEndian.Uint64(k[8:])
			end, err := agreement.ParseDate(string(k[:4]) + "-" + string(k[4:6]) + "-" + string(k[6:8]))
			if err != nil {
				return service.ErrCorrupt
			}
			// Counted in its window and every wider one; listed in its own.
			if window, show := d.AddEnding(today.DaysUntil(end)); show {
				sum, ok, err := dir.summary(agreement.ID(id))
				if errors.Is(err, service.ErrCorrupt) {
					d.NoteDamaged(service.RecordRef{Type: "agreement", ID: id})
					continue
				}
				if err != nil {
					return err
				}
				if ok {
					d.Ending[window] = append(d.Ending[window], sum)
				}
			}
		}
		// Sleeping MoUs (agreement.Sleeping): signed before the cut, still in
		// force; the index holds only those that may sleep (agreement.MaySleep).
		c = tx.Bucket(schema.IdxQuiet).Cursor()
		cut := agreement.SleepingCut(today).Key()
		todayKey := today.Key()
		for k, _ := c.First(); k != nil && len(k) == 24 && bytes.Compare(k[:8], cut) < 0; k, _ = c.Next() {
			if bytes.Compare(k[8:16], todayKey) < 0 {
				continue // ended
			}
			p := k[16:]
			if d.AddSleeping() {
				sum, ok, err := dir.summary(keyID(p))
				if errors.Is(err, service.ErrCorrupt) {
					d.NoteDamaged(service.RecordRef{Type: "agreement", ID: uint64(keyID(p))})
					continue
				}
				if err != nil {
					return err
				}
				if ok {
					d.Sleeping = append(d.Sleeping, sum)
				}
			}
		}
		return nil
	})
	if err != nil {
		return d, err
	}
	err = d.AddLists(s.List)
	return d, err
}

// indexIDs lists the agreement IDs under prefix in a list index, in order.
func indexIDs(tx *bolt.Tx, bucket, prefix []byte) []uint64 {
	var out []uint64
	c := tx.Bucket(bucket).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(k) == len(prefix)+8; k, _ = c.Next() {
		out = append(out, binary.BigEndian.Uint64(k[len(prefix):]))
	}
	return out
}
