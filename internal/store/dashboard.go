package store

import (
	"bytes"
	"encoding/binary"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
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
	err = s.db.View(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		// Signed agreements by end date, up to the last horizon.
		c := tx.Bucket(bucketIdxEnd).Cursor()
		last := dateKey(today.AddDate(0, 0, service.EndingDays))
		for k, _ := c.Seek(dateKey(today)); k != nil && len(k) == 16 && bytes.Compare(k[:8], last) <= 0; k, _ = c.Next() {
			sum, ok, err := dir.summary(keyID(k[8:]))
			if err != nil {
				return err
			}
			if !ok || sum.Status != agreement.StatusDitandatangani {
				continue
			}
			days := today.DaysUntil(sum.End)
			for i, w := range service.EndingWindows {
				if days <= w {
					d.EndingCount[i]++
				}
			}
			if len(d.Ending) < service.DashboardRows {
				d.Ending = append(d.Ending, sum)
			}
		}
		sleeping, err := s.sleeping(tx, dir, today)
		if err != nil {
			return err
		}
		d.SleepingCount = len(sleeping)
		d.Sleeping = sleeping[:min(len(sleeping), service.DashboardRows)]
		return nil
	})
	if err != nil {
		return d, err
	}
	review, err := s.List(service.Query{Order: service.ByStatus, Status: agreement.StatusTelaah, Limit: service.DashboardRows})
	if err != nil {
		return d, err
	}
	d.Review = review.Items
	recent, err := s.List(service.Query{Limit: 10})
	d.Recent = recent.Items
	return d, err
}

// sleeping finds the signed Kesepakatan Bersama older than SleepingMonths with no
// child agreement and no follow-up: the intersection of two list indexes, then
// each one's summary and children.
func (s *Store) sleeping(tx *bolt.Tx, dir txDir, today agreement.Date) ([]service.Summary, error) {
	ids := func(bucket, prefix []byte) []uint64 {
		var out []uint64
		c := tx.Bucket(bucket).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(k) == len(prefix)+8; k, _ = c.Next() {
			out = append(out, binary.BigEndian.Uint64(k[len(prefix):]))
		}
		return out
	}
	ksb := ids(bucketIdxKind, cat([]byte(agreement.KindKSB), []byte{0}))
	signed := ids(bucketIdxStatus, cat([]byte(agreement.StatusDitandatangani), []byte{0}))
	before := today.AddDate(0, -service.SleepingMonths, 0)
	children := tx.Bucket(bucketIdxParent).Cursor()
	var out []service.Summary
	j := 0
	for _, id := range ksb {
		for j < len(signed) && signed[j] < id {
			j++
		}
		if j == len(signed) || signed[j] != id {
			continue
		}
		sum, ok, err := dir.summary(agreement.ID(id))
		if err != nil {
			return nil, err
		}
		if !ok || sum.FollowUps > 0 || sum.Signed.IsZero() || !sum.Signed.Before(before) {
			continue
		}
		if sum.Phase(today.Time(), agreement.DefaultSoonDays) == agreement.PhaseBerakhir {
			continue // its term is over: nothing left to follow up
		}
		p := idKey(agreement.ID(id))
		if k, _ := children.Seek(p); k != nil && bytes.HasPrefix(k, p) {
			continue
		}
		out = append(out, sum)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Signed.Before(out[b].Signed) })
	return out, nil
}
