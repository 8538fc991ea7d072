package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// salvageBatch is how many entries one write transaction of a salvage takes.
const salvageBatch = 512

// Salvage copies every readable record into a new data file at path, in
// batches, through path+".part" renamed at the end: a failed or cancelled salvage
// leaves no file at path. A record is readable when its checksum holds (and a
// stored file's content matches its hash). It reads the file as SalvageFile
// does, with plain reads rather than through bbolt's memory map, while a read
// transaction keeps the pages it reads from being reused by a save meanwhile.
func (s *Store) Salvage(ctx context.Context, path string) (rep service.SalvageReport, err error) {
	verr := s.view(func(*bolt.Tx) error {
		rep, err = salvageFile(ctx, s.path, path, Options{Now: s.now, User: s.user})
		return nil
	})
	if verr != nil {
		return service.SalvageReport{}, verr
	}
	return rep, err
}

// idBuckets are the record buckets keyed by ID(8), from 1 to their sequence.
var idBuckets = [][]byte{schema.Agreements, schema.Parties, schema.Officials, schema.Mandates}

// salvageOrder copies the directory before the agreements, whose list
// summaries name their parties.
var salvageOrder = [][]byte{schema.Parties, schema.Officials, schema.Mandates, schema.History,
	schema.Files, schema.Numbers, schema.Counters, schema.Agreements}

// putSalvaged puts one salvaged entry into bucket name of a salvage's new file; an
// agreement gets its list summary and index entries with it, and is marked for
// the search index (built at the end, finishSalvage), so that no transaction
// of the salvage grows with the register.
func (s *Store) putSalvaged(tx *bolt.Tx, name, k, v []byte) error {
	if len(k) != 8 || !bytes.Equal(name, schema.Agreements) {
		b := tx.Bucket(name)
		b.FillPercent = 0.95 // keys mostly come in order
		if err := b.Put(k, v); err != nil {
			return err
		}
		var p agreement.Party
		if len(k) != 8 || !bytes.Equal(name, schema.Parties) || decode(v, &p) != nil {
			return nil
		}
		return salvageRefs(tx, schema.RecordTag["party"], p.ID, lambangFiles(&p))
	}
	var a agreement.Agreement
	if err := decode(v, &a); err != nil {
		return err
	}
	dir := s.dir(tx)
	if err := writeAgreementRaw(dir, &a, nil, v); err != nil {
		return err
	}
	// Its own number and file references, as rebuildKept enters them: two
	// agreements sharing a number are both kept, and check names them.
	if office, key, _ := service.OwnNumber(&a); key != "" {
		if err := tx.Bucket(schema.OwnNumbers).Put(schema.OwnNumberKey(uint64(office), key, uint64(a.ID)), nil); err != nil {
			return err
		}
	}
	if err := salvageRefs(tx, schema.RecordTag["agreement"], a.ID, attachmentFiles(&a)); err != nil {
		return err
	}
	return s.indexAgreement(dir, &a) // indexed at the end (finishSalvage)
}

// salvageRefs records that record id of type tag refers to the stored files shas.
func salvageRefs(tx *bolt.Tx, tag byte, id agreement.ID, shas []string) error {
	for _, sha := range shas {
		if err := tx.Bucket(schema.FileRefs).Put(schema.FileRefKey(sha, tag, uint64(id)), nil); err != nil {
			return err
		}
	}
	return nil
}

// finishSalvage completes a salvage's new file: ID sequences and counters
// raised to what it holds, the child counts of parents (written before their
// children), a batch of parents per transaction, and the search index of
// the agreements copied: merged when they are few, else built a batch per
// transaction.
func (s *Store) finishSalvage(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var parents []agreement.ID
	err := s.update(func(tx *bolt.Tx) error {
		if err := raiseSequences(tx); err != nil {
			return err
		}
		c := tx.Bucket(schema.IdxParent).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Seek(cat(k[:8], []byte{0xff})) {
			if len(k) == 16 {
				parents = append(parents, keyID(k[:8]))
			}
		}
		return tx.Bucket(schema.Meta).Put(schema.KeyStatusCounts, []byte{2})
	})
	dropMapped(s.db)
	for len(parents) > 0 && err == nil {
		n := min(len(parents), salvageBatch)
		err = s.update(func(tx *bolt.Tx) error { return refreshParents(s.dir(tx), parents[:n]...) })
		parents = parents[n:]
		dropMapped(s.db)
	}
	if err != nil {
		return err
	}
	// The agreements marked for the search index: a few are merged, many
	// make it built a batch per transaction, as after an import.
	return s.indexImported(ctx, nil)
}

// readable reports whether a stored entry can be copied as it is.
func readable(bucket, k, v []byte) bool {
	if bytes.Equal(bucket, schema.Counters) {
		return len(v) == 8
	}
	if bytes.Equal(bucket, schema.Agreements) && len(k) == 8 {
		_, _, _, ok := parseAgreementValue(v, true)
		return ok
	}
	if bytes.Equal(bucket, schema.Files) {
		var f struct {
			Data []byte `json:"data"`
		}
		if decode(v, &f) != nil {
			return false
		}
		sum := sha256.Sum256(f.Data)
		return hex.EncodeToString(sum[:]) == string(k)
	}
	_, _, ok := unseal(v)
	return ok
}

// damageRef names the record of an entry that does not read.
func damageRef(bucket, k []byte) service.RecordRef {
	var de *service.RecordDamageError
	if errors.As(damagedKey(bucket, k), &de) {
		if bytes.Equal(bucket, schema.Agreements) && len(k) == 16 {
			de.Record.Type = "history"
		}
		if bytes.Equal(bucket, schema.History) && len(k) >= 9 {
			de.Record = service.RecordRef{Type: "history", ID: uint64(keyID(k[1:9]))}
		}
		if bytes.Equal(bucket, schema.Counters) {
			de.Record = service.RecordRef{Type: "counter", Key: string(k)}
		}
		return de.Record
	}
	return service.RecordRef{Type: string(bucket), Key: fmt.Sprintf("%x", k)}
}

var _ service.Salvager = (*Store)(nil)
