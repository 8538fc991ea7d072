package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/store/schema"
)

// Schema 8 links each record's history entries in a chain of hashes
// (dataset.HistoryEntry.Seal). Files of schema 7 and before carry none: the
// migration seals every record's history in order, a batch of records per
// transaction (chainBatched), then the step in the migration's transaction
// finds nothing left. A record is sealed whole in one transaction; a kill
// leaves some records sealed, and the next open goes on (sealed records are
// skipped).

// historyOwner is a record whose history is to be sealed.
type historyOwner struct {
	t  dataset.RecordType
	id agreement.ID
}

// sealChain seals what of one record's history carries no hash yet, each
// entry after the one before it, and stores the entries it sealed.
func sealChain(tx *bolt.Tx, o historyOwner) error {
	entries, err := historyTx(tx, o.t, o.id)
	if err != nil {
		return err
	}
	var prev *dataset.HistoryEntry
	for i := range entries {
		e := &entries[i]
		if e.Hash == "" {
			e.Seal(prev)
			raw, err := encode(e)
			if err != nil {
				return err
			}
			b, key := entryKey(tx, e)
			if err := b.Put(key, raw); err != nil {
				return err
			}
		}
		prev = e
	}
	return nil
}

// nextOwners lists up to n records with history after the position after
// (nil: from the start) in the agreements bucket, then the history bucket; it
// returns the position reached and whether the walk is through.
func nextOwners(tx *bolt.Tx, after []byte, n int) (owners []historyOwner, pos []byte, done bool) {
	// Positions: 'A' + key in the agreements bucket, 'H' + key in the history bucket.
	if after == nil || after[0] == 'A' {
		c := tx.Bucket(schema.Agreements).Cursor()
		k, _ := c.First()
		if after != nil {
			if k, _ = c.Seek(after[1:]); k != nil && bytes.Equal(k, after[1:]) {
				k, _ = c.Next()
			}
		}
		for ; k != nil; k, _ = c.Next() {
			if len(k) != 8 {
				continue
			}
			if len(owners) == n {
				return owners, pos, false
			}
			owners = append(owners, historyOwner{dataset.TypeAgreement, keyID(k)})
			pos = append([]byte{'A'}, k...)
		}
		after = []byte{'H'}
	}
	c := tx.Bucket(schema.History).Cursor()
	k, _ := c.First()
	if len(after) > 1 {
		if k, _ = c.Seek(after[1:]); k != nil && bytes.Equal(k, after[1:]) {
			k, _ = c.Next()
		}
	}
	var last []byte
	for ; k != nil; k, _ = c.Next() {
		if len(k) != 17 || k[0] == schema.PrintTag || (last != nil && bytes.Equal(k[:9], last)) {
			continue
		}
		if len(owners) == n {
			return owners, pos, false
		}
		last = bytes.Clone(k[:9])
		owners = append(owners, historyOwner{recordTypeOf(k[0]), keyID(k[1:9])})
		// Past every entry of this record: its prefix and the largest revision.
		pos = append(append([]byte{'H'}, last...), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
	}
	return owners, pos, true
}

// sealChainsTx seals every record's history in tx (the migration's step).
func sealChainsTx(tx *bolt.Tx) error {
	var pos []byte
	for {
		owners, next, done := nextOwners(tx, pos, 512)
		for _, o := range owners {
			if o.t == "" {
				continue
			}
			if err := sealChain(tx, o); err != nil {
				return err
			}
		}
		if done {
			return nil
		}
		pos = next
	}
}

// chainBatched is sealChainsTx a batch of records per write transaction.
func (s *Store) chainBatched(batch int) error {
	var pos []byte
	for done := false; !done; {
		err := s.update(func(tx *bolt.Tx) error {
			var owners []historyOwner
			owners, pos, done = nextOwners(tx, pos, batch)
			for _, o := range owners {
				if o.t == "" {
					continue
				}
				if err := sealChain(tx, o); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		s.shedWritten()
	}
	return nil
}
