package store

import (
	"bytes"
	"cmp"
	"slices"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// printPrefix is the History key prefix of agreement id's prints.
func printPrefix(id agreement.ID) []byte { return cat([]byte{schema.PrintTag}, idKey(id)) }

// printsOf reads agreement id's prints, oldest first.
func printsOf(tx *bolt.Tx, id agreement.ID) ([]dataset.HistoryEntry, error) {
	var out []dataset.HistoryEntry
	p := printPrefix(id)
	c := tx.Bucket(schema.History).Cursor()
	for k, raw := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, raw = c.Next() {
		var e dataset.HistoryEntry
		if err := decode(raw, &e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// mergeHistory puts an agreement's changes and prints in one order: by
// revision, each print after the change that made the revision it was
// printed at.
func mergeHistory(changes, prints []dataset.HistoryEntry) []dataset.HistoryEntry {
	if len(prints) == 0 {
		return changes
	}
	out := append(changes, prints...)
	slices.SortStableFunc(out, func(a, b dataset.HistoryEntry) int {
		return cmp.Or(cmp.Compare(a.Rev, b.Rev), cmp.Compare(a.Seq, b.Seq))
	})
	return out
}

// lastPrintSeq is the number of agreement id's last print, 0 when none.
func lastPrintSeq(tx *bolt.Tx, id agreement.ID) uint64 {
	p := printPrefix(id)
	c := tx.Bucket(schema.History).Cursor()
	k, _ := c.Seek(cat(p, u64(^uint64(0))))
	switch {
	case k == nil:
		k, _ = c.Last()
	case !bytes.HasPrefix(k, p):
		k, _ = c.Prev()
	}
	if k == nil || !bytes.HasPrefix(k, p) || len(k) != len(p)+8 {
		return 0
	}
	return uint64(keyID(k[len(p):]))
}

// RecordPrint adds to agreement id's history that p was printed, at the
// revision stored now, in one transaction.
func (s *Store) RecordPrint(id agreement.ID, p dataset.Print) error {
	now := s.now()
	return s.update(func(tx *bolt.Tx) error {
		if tx.Bucket(schema.Agreements).Get(idKey(id)) == nil {
			return service.ErrNotFound
		}
		rev, _, err := storedAgreementHead(s.dir(tx), id)
		if err != nil {
			return err
		}
		e := dataset.HistoryEntry{Type: dataset.TypeAgreement, ID: id, Rev: rev, Seq: lastPrintSeq(tx, id) + 1,
			At: now, By: s.user, Action: dataset.ActionPrint, Print: &p}
		return appendHistory(tx, &e)
	})
}

// lastEntry is the newest entry of a record's history (its changes and, for
// an agreement, its prints), or nil when it has none. Only its revision,
// print number and hash are read: what a new entry links to.
func lastEntry(tx *bolt.Tx, t dataset.RecordType, id agreement.ID) (*dataset.HistoryEntry, error) {
	head := func(raw []byte) (*dataset.HistoryEntry, error) {
		var h struct {
			Rev  uint64 `json:"rev"`
			Seq  uint64 `json:"print_no"`
			Hash string `json:"hash"`
		}
		if err := decode(raw, &h); err != nil {
			return nil, err
		}
		return &dataset.HistoryEntry{Type: t, ID: id, Rev: h.Rev, Seq: h.Seq, Hash: h.Hash}, nil
	}
	b, p := historyPlace(tx, t, id)
	c := b.Cursor()
	k, raw := c.Seek(cat(p, u64(^uint64(0))))
	switch {
	case k == nil:
		k, raw = c.Last()
	case !bytes.HasPrefix(k, p) || len(k) != len(p)+8:
		k, raw = c.Prev()
	}
	var last *dataset.HistoryEntry
	if k != nil && bytes.HasPrefix(k, p) && len(k) == len(p)+8 {
		var err error
		if last, err = head(raw); err != nil {
			return nil, err
		}
	}
	if t != dataset.TypeAgreement {
		return last, nil
	}
	seq := lastPrintSeq(tx, id)
	if seq == 0 {
		return last, nil
	}
	pr, err := head(tx.Bucket(schema.History).Get(cat(printPrefix(id), u64(seq))))
	if err != nil {
		return nil, err
	}
	if last == nil || pr.Rev >= last.Rev {
		return pr, nil
	}
	return last, nil
}
