package store

import (
	"context"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/search/fields"
	"sepakat/internal/store/fts"
	"sepakat/internal/store/schema"
)

// The full-text index lives in package fts: a save marks the agreement in its
// own transaction (indexAgreement), a merge later folds marked agreements in,
// and queries read a fts.Source. This file gives fts the agreements' text.

const mergeEvery = fts.MergeEvery

// indexDocs is what the full-text index reads of the agreements in one transaction.
type indexDocs struct{ dir txDir }

func (s *Store) docs(tx *bolt.Tx) indexDocs { return indexDocs{s.dir(tx)} }

func (d indexDocs) Rev(id uint64) (uint64, bool, error) {
	raw := d.dir.tx.Bucket(schema.Agreements).Get(schema.ID(id))
	if raw == nil {
		return 0, false, nil
	}
	h, _, _, ok := parseAgreementValue(raw, true)
	if !ok {
		// Damaged: for the search index as if it were gone; check names it.
		return 0, false, nil
	}
	return h.Rev, true, nil
}

func (d indexDocs) Text(id uint64) ([2]string, error) {
	a, _, err := get[agreement.Agreement](d.dir.tx, schema.Agreements, agreement.ID(id))
	if err != nil {
		return [2]string{}, err
	}
	return fields.Text(d.dir, &a), nil
}

// From gives texts that fts analyses on several goroutines: they read a
// snapshot of the parties and officials, and raw values that point into the
// file's memory map, valid for the whole transaction (writes to other buckets
// do not move them before commit).
func (d indexDocs) From(from uint64, fn func(id uint64, text func() ([2]string, error)) error) error {
	var names *fields.Directory
	c := d.dir.tx.Bucket(schema.Agreements).Cursor()
	for k, raw := c.Seek(schema.ID(from)); k != nil; k, raw = c.Next() {
		if _, _, sound := unseal(raw); len(k) != 8 || !sound {
			continue // history, or a damaged agreement left out as in Rev
		}
		if names == nil {
			var err error
			if names, err = snapshotNames(d.dir.tx); err != nil {
				return err
			}
		}
		err := fn(binary.BigEndian.Uint64(k), func() ([2]string, error) {
			var a agreement.Agreement
			if err := decode(raw, &a); err != nil {
				return [2]string{}, err
			}
			return fields.Text(names, &a), nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (d indexDocs) Last() uint64 {
	if k, _ := d.dir.tx.Bucket(schema.Agreements).Cursor().Last(); len(k) >= 8 {
		return binary.BigEndian.Uint64(k[:8])
	}
	return 0
}

func getCounter(meta *bolt.Bucket, key []byte) uint64 {
	if raw := meta.Get(key); len(raw) == 8 {
		return binary.BigEndian.Uint64(raw)
	}
	return 0
}

func addCounter(meta *bolt.Bucket, key []byte, delta int64) error {
	return meta.Put(key, u64(uint64(int64(getCounter(meta, key))+delta)))
}

// indexAgreement marks a as pending for the full-text index, in dir's transaction.
func (s *Store) indexAgreement(dir txDir, a *agreement.Agreement) error {
	return s.fts.Mark(dir.tx, uint64(a.ID))
}

// merge folds the pending agreements into the postings, in one transaction.
func (s *Store) merge() error {
	return s.update(func(tx *bolt.Tx) error { return s.fts.Merge(tx, s.docs(tx)) })
}

// rebuildSearch empties the full-text index and builds it from every agreement.
func (s *Store) rebuildSearch(ctx context.Context, tx *bolt.Tx) error {
	return s.fts.Rebuild(ctx, tx, s.docs(tx))
}

func snapshotNames(tx *bolt.Tx) (*fields.Directory, error) {
	n := fields.NewDirectory()
	err := tx.Bucket(schema.Parties).ForEach(func(k, raw []byte) error {
		var p agreement.Party
		if err := decode(raw, &p); err != nil {
			return err
		}
		n.Parties[p.ID] = p
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = tx.Bucket(schema.Officials).ForEach(func(k, raw []byte) error {
		var o agreement.Official
		if err := decode(raw, &o); err != nil {
			return err
		}
		n.Officials[o.ID] = o
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Mandates: an agreement is indexed with the grantors and holders of its surat kuasa.
	err = tx.Bucket(schema.Mandates).ForEach(func(k, raw []byte) error {
		var m agreement.Mandate
		if err := decode(raw, &m); err != nil {
			return err
		}
		n.Mandates[m.ID] = m
		return nil
	})
	return n, err
}

// SearchTexts calls fn with the text the full-text index reads from each
// agreement, in ID order: the weighted fields (subject, parties, numbers, signers)
// and the body. For benchmarks that compare with other engines.
func (s *Store) SearchTexts(fn func(id agreement.ID, high, body string) error) error {
	return s.view(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		return tx.Bucket(schema.Agreements).ForEach(func(k, raw []byte) error {
			if len(k) != 8 {
				return nil
			}
			var a agreement.Agreement
			if err := decode(raw, &a); err != nil {
				return err
			}
			t := fields.Text(dir, &a)
			return fn(a.ID, t[0], t[1])
		})
	})
}

// newIndex is the full-text index of a data file, whose rebuild steps shed
// the pages they read (shedWhile).
func newIndex() *fts.Index {
	x := fts.New()
	x.Reading = func(tx *bolt.Tx, step func() error) error {
		defer shedWhile(tx)()
		return step()
	}
	return x
}
