package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// Arrange lists every agreement an arrangement selects, in its order, from the
// list indexes alone: the filter's index sets are intersected in a bitmap, then
// the sort's index is walked. Agreements the sort index does not hold (no end
// date) follow, newest first.
func (s *Store) Arrange(a service.Arrangement) ([]agreement.ID, error) {
	var out []agreement.ID
	today := agreement.DateOf(s.now())
	err := s.view(func(tx *bolt.Tx) error {
		var maxID uint64
		if k, _ := tx.Bucket(schema.Agreements).Cursor().Last(); len(k) >= 8 {
			maxID = binary.BigEndian.Uint64(k[:8])
		}
		if maxID > 1<<28 {
			return service.ErrCorrupt
		}
		allowed := make([]uint8, maxID+1)
		need := uint8(0)
		mark := func(ids []uint64) {
			need++
			for _, id := range ids {
				if id <= maxID && allowed[id] == need-1 {
					allowed[id] = need
				}
			}
		}
		// Every agreement is in the status index once.
		var all []uint64
		c := tx.Bucket(schema.IdxStatus).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if len(k) > 8 {
				all = append(all, binary.BigEndian.Uint64(k[len(k)-8:]))
			}
		}
		mark(all)
		f := a.Filter
		if f.Kind != "" {
			mark(indexIDs(tx, schema.IdxKind, cat([]byte(f.Kind), []byte{0})))
		}
		if f.Status != "" {
			mark(indexIDs(tx, schema.IdxStatus, cat([]byte(f.Status), []byte{0})))
		}
		if f.Phase != "" {
			ids, err := phaseIDs(s.dir(tx), f.Phase, s.now())
			if err != nil {
				return err
			}
			mark(ids)
		}
		if f.Party != 0 {
			mark(indexIDs(tx, schema.IdxParty, idKey(f.Party)))
		}
		if f.Year != 0 {
			mark(indexIDs(tx, schema.IdxYear, year2(f.Year)))
		}
		if f.Implementer != "" {
			mark(indexIDs(tx, schema.IdxImpl, cat(search.ImplementerKey(f.Implementer), []byte{0})))
		}
		if f.EndsWithin > 0 {
			ids, _ := filterIDs(tx, agreement.Filter{EndsWithin: f.EndsWithin}, today)
			mark(ids)
			mark(indexIDs(tx, schema.IdxStatus, cat([]byte(agreement.StatusDitandatangani), []byte{0})))
		}
		emitted := make([]bool, maxID+1)
		emit := func(id uint64) {
			if id <= maxID && allowed[id] == need && !emitted[id] {
				emitted[id] = true
				out = append(out, agreement.ID(id))
			}
		}
		walk := func(bucket, prefix []byte) {
			c := tx.Bucket(bucket).Cursor()
			for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
				if len(k) >= 8 {
					emit(binary.BigEndian.Uint64(k[len(k)-8:]))
				}
			}
		}
		switch a.Sort {
		case service.SortChanged:
			// Newest first; a superseded key is older than the agreement's live one.
			c := tx.Bucket(schema.IdxChanged).Cursor()
			for k, _ := c.Last(); k != nil; k, _ = c.Prev() {
				if len(k) == 16 {
					emit(binary.BigEndian.Uint64(k[8:]))
				}
			}
		case service.SortKind:
			walk(schema.IdxKind, nil)
		case service.SortSubject:
			walk(schema.IdxSubject, nil)
		case service.SortPartner:
			walk(schema.IdxPartner, nil)
		case service.SortNumber:
			walk(schema.IdxNumber, nil)
		case service.SortStatus:
			for _, st := range agreement.Statuses {
				walk(schema.IdxStatus, cat([]byte(st), []byte{0}))
			}
		case service.SortEnd:
			walk(schema.IdxEnd, nil)
		}
		if a.Desc {
			slices.Reverse(out)
		}
		for id := maxID; id > 0; id-- {
			emit(id)
		}
		return nil
	})
	return out, err
}

// phaseIDs lists the agreements in phase p on the day of now: for a stored
// status its index, for a phase of the signed ones (Berlaku, Akan Berakhir,
// Berakhir, not yet in force) the signed agreements whose list row is in it.
func phaseIDs(dir txDir, p agreement.Phase, now time.Time) ([]uint64, error) {
	switch p {
	case agreement.PhaseBerlaku, agreement.PhaseAkanBerakhir, agreement.PhaseBerakhir, agreement.PhaseDitandatangani:
	default:
		return indexIDs(dir.tx, schema.IdxStatus, cat([]byte(p), []byte{0})), nil
	}
	var out []uint64
	for _, id := range indexIDs(dir.tx, schema.IdxStatus, cat([]byte(agreement.StatusDitandatangani), []byte{0})) {
		sum, ok, err := dir.summary(agreement.ID(id))
		if errors.Is(err, service.ErrCorrupt) {
			continue // the register names it; it is in no phase
		}
		if err != nil {
			return nil, err
		}
		if ok && sum.Phase(now, agreement.DefaultSoonDays) == p {
			out = append(out, id)
		}
	}
	return out, nil
}

// Summaries returns the list rows of agreements, in the order asked; an ID that
// does not exist gives service.ErrNotFound.
func (s *Store) Summaries(ids []agreement.ID) ([]agreement.Summary, error) {
	out := make([]agreement.Summary, 0, len(ids))
	err := s.view(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		for _, id := range ids {
			sum, ok, err := dir.summary(id)
			if err != nil {
				return err
			}
			if !ok {
				return service.ErrNotFound
			}
			out = append(out, sum)
		}
		return nil
	})
	return out, err
}

// Choices lists the values the register's filters offer, from the list indexes.
func (s *Store) Choices() (service.Choices, error) {
	var ch service.Choices
	err := s.view(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		c := tx.Bucket(schema.IdxYear).Cursor()
		for k, _ := c.Last(); k != nil; {
			if len(k) != 10 {
				k, _ = c.Prev()
				continue
			}
			y := binary.BigEndian.Uint16(k[:2])
			ch.Years = append(ch.Years, int(y))
			// Jump below this year.
			k, _ = c.Seek(year2(int(y)))
			k, _ = c.Prev()
		}
		seen := map[agreement.ID]bool{}
		c = tx.Bucket(schema.IdxParty).Cursor()
		for k, _ := c.First(); k != nil; {
			if len(k) != 16 {
				k, _ = c.Next()
				continue
			}
			id := keyID(k[:8])
			if !seen[id] {
				seen[id] = true
				if p, ok := dir.Party(id); ok && !p.Own {
					ch.Partners = append(ch.Partners, agreement.PartyName{ID: id, Name: p.Name, Short: p.ShortName})
				}
			}
			k, _ = c.Seek(idKey(id + 1))
		}
		sort.Slice(ch.Partners, func(i, j int) bool {
			return search.Fold(ch.Partners[i].Name) < search.Fold(ch.Partners[j].Name)
		})
		// Each perangkat daerah as first written, found through its first agreement.
		c = tx.Bucket(schema.IdxImpl).Cursor()
		for k, _ := c.First(); k != nil; {
			i := len(k) - 9
			if i < 1 || k[i] != 0 {
				k, _ = c.Next()
				continue
			}
			name := k[:i]
			if sum, ok, err := dir.summary(keyID(k[i+1:])); err == nil && ok {
				for _, im := range sum.Implementers {
					if bytes.Equal(search.ImplementerKey(im), name) {
						ch.Implementers = append(ch.Implementers, strings.Join(strings.Fields(im), " "))
						break
					}
				}
			}
			k, _ = c.Seek(cat(name, []byte{1}))
		}
		return nil
	})
	return ch, err
}
