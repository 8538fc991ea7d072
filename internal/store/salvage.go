package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"sepakat/internal/agreement"
	"slices"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// salvageBatch is how many entries one read transaction of a salvage takes.
const salvageBatch = 512

// Salvage copies every readable record into a new data file at path, in
// batches, through path+".part" renamed at the end: a failed or cancelled salvage
// leaves no file at path. A record is readable when its checksum holds (and a
// stored file's content matches its hash). A bucket whose pages do not read is
// reported once, and the salvage goes on with the next.
func (s *Store) Salvage(ctx context.Context, path string) (service.SalvageReport, error) {
	var rep service.SalvageReport
	if _, err := os.Stat(path); err == nil {
		return rep, &os.PathError{Op: "salvage", Path: path, Err: os.ErrExist}
	}
	part := path + ".part"
	if err := os.Remove(part); err != nil && !errors.Is(err, os.ErrNotExist) {
		return rep, err
	}
	dst, err := Open(part, Options{Now: s.now, User: s.user})
	if err != nil {
		return rep, err
	}
	fail := func(err error) (service.SalvageReport, error) {
		dst.Close()
		os.Remove(part)
		return service.SalvageReport{}, err
	}
	// The meta values that are not derived, and the ID sequences.
	err = s.view(func(tx *bolt.Tx) error {
		meta := tx.Bucket(schema.Meta)
		seqs := map[string]uint64{}
		for _, name := range append(append([][]byte{}, sealedBuckets...), schema.Counters) {
			seqs[string(name)] = tx.Bucket(name).Sequence()
		}
		return dst.update(func(out *bolt.Tx) error {
			for _, k := range [][]byte{schema.KeyCreated, schema.KeyExamplesLoaded, schema.KeySearchSynonyms} {
				if v := meta.Get(k); v != nil {
					if err := out.Bucket(schema.Meta).Put(k, bytes.Clone(v)); err != nil {
						return err
					}
				}
			}
			for name, seq := range seqs {
				if err := out.Bucket([]byte(name)).SetSequence(seq); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		return fail(err)
	}
	for _, name := range salvageOrder {
		if err := s.salvageBucket(ctx, dst, name, &rep); err != nil {
			return fail(err)
		}
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	if err := dst.finishSalvage(ctx); err != nil {
		return fail(err)
	}
	if err := dst.Close(); err != nil {
		os.Remove(part)
		return service.SalvageReport{}, err
	}
	if err := os.Rename(part, path); err != nil {
		os.Remove(part)
		return service.SalvageReport{}, err
	}
	return rep, nil
}

// salvageBucket copies one bucket's readable entries, a batch per read
// transaction and a write transaction per batch.
func (s *Store) salvageBucket(ctx context.Context, dst *Store, name []byte, rep *service.SalvageReport) error {
	var after []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		var keys, vals [][]byte
		done := false
		err := s.view(func(tx *bolt.Tx) error {
			c := tx.Bucket(name).Cursor()
			k, v := c.First()
			if after != nil {
				if k, v = c.Seek(after); k != nil && bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			for ; k != nil && len(keys) < salvageBatch; k, v = c.Next() {
				after = bytes.Clone(k)
				if readable(name, k, v) {
					keys, vals = append(keys, after), append(vals, bytes.Clone(v))
				} else {
					rep.Damaged = append(rep.Damaged, damageRef(name, k))
				}
			}
			done = k == nil
			return nil
		})
		if err != nil {
			// The bucket's pages do not read in key order from here on: name
			// them, and look up each record by its ID instead.
			rep.Damaged = append(rep.Damaged, service.RecordRef{Type: "page", Key: string(name)})
			return s.salvageByID(ctx, dst, name, after, rep)
		}
		err = dst.update(func(tx *bolt.Tx) error {
			for i := range keys {
				if err := dst.putSalvaged(tx, name, keys[i], vals[i]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if !bytes.Equal(name, schema.Counters) {
			rep.Copied += len(keys)
		}
		if done {
			return nil
		}
	}
}

// idBuckets are the record buckets keyed by ID(8), from 1 to their sequence.
var idBuckets = [][]byte{schema.Agreements, schema.Parties, schema.Officials, schema.Mandates}

// salvageByID copies the records of an ID-keyed bucket after the key after one
// by one, each in its own read, so that a damaged page costs only the records
// on it. Other buckets have no IDs to look up: their rest is lost.
func (s *Store) salvageByID(ctx context.Context, dst *Store, name, after []byte, rep *service.SalvageReport) error {
	if !slices.ContainsFunc(idBuckets, func(b []byte) bool { return bytes.Equal(b, name) }) {
		return nil
	}
	var seq uint64
	if err := s.view(func(tx *bolt.Tx) error { seq = tx.Bucket(name).Sequence(); return nil }); err != nil {
		return nil
	}
	from := uint64(1)
	if len(after) >= 8 {
		from = uint64(keyID(after[:8])) + 1
	}
	for id := from; id <= seq; id++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		k := idKey(agreement.ID(id))
		var v []byte
		err := s.view(func(tx *bolt.Tx) error {
			if raw := tx.Bucket(name).Get(k); raw != nil && readable(name, k, raw) {
				v = bytes.Clone(raw)
			}
			return nil
		})
		if err != nil || v == nil {
			continue // damaged or never there: the page is named already
		}
		if err := dst.update(func(tx *bolt.Tx) error { return dst.putSalvaged(tx, name, k, v) }); err != nil {
			return err
		}
		rep.Copied++
	}
	return nil
}

// salvageOrder copies the directory before the agreements, whose list
// summaries name their parties.
var salvageOrder = [][]byte{schema.Parties, schema.Officials, schema.Mandates, schema.History,
	schema.Files, schema.Numbers, schema.Counters, schema.Agreements}

// putSalvaged puts one salvaged entry into bucket name of a salvage's new file; an
// agreement gets its list summary and index entries with it, so that no
// transaction of the salvage grows with the register.
func (s *Store) putSalvaged(tx *bolt.Tx, name, k, v []byte) error {
	if len(k) != 8 || !bytes.Equal(name, schema.Agreements) {
		b := tx.Bucket(name)
		b.FillPercent = 0.95 // keys mostly come in order
		return b.Put(k, v)
	}
	var a agreement.Agreement
	if err := decode(v, &a); err != nil {
		return err
	}
	return writeAgreementRaw(s.dir(tx), &a, nil, v)
}

// finishSalvage completes a salvage's new file: ID sequences and counters
// raised to what it holds, the child counts of parents (written before their
// children), and the search index, rebuilt.
func (s *Store) finishSalvage(ctx context.Context) error {
	return s.update(func(tx *bolt.Tx) error {
		if err := raiseSequences(tx); err != nil {
			return err
		}
		var parents []agreement.ID
		c := tx.Bucket(schema.IdxParent).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Seek(cat(k[:8], []byte{0xff})) {
			if len(k) == 16 {
				parents = append(parents, keyID(k[:8]))
			}
		}
		if err := refreshParents(s.dir(tx), parents...); err != nil {
			return err
		}
		if err := tx.Bucket(schema.Meta).Put(schema.KeyStatusCounts, []byte{2}); err != nil {
			return err
		}
		return s.rebuildSearch(ctx, tx)
	})
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
