package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/dataset"
	"sepakat/internal/service"
	"sepakat/internal/store/fts"
	"sepakat/internal/store/schema"
)

// migration moves the file from schema version from to from+1 inside one transaction.
type migration struct {
	from int
	name string
	run  func(s *Store, tx *bolt.Tx) error
}

// migrations run in order; each is tested from a fixture of its starting schema.
var migrations = []migration{
	{from: 1, name: "list summaries and indexes", run: migrateV1toV2},
	// The full-text index came in schema 3 and changed layout in 4: one build, in step 3→4.
	{from: 2, name: "full-text index", run: migrateV12toV13},
	{from: 3, name: "full-text index by term number", run: func(s *Store, tx *bolt.Tx) error { return s.fts.Begin(tx, s.docs(tx)) }},
	// Schema 5 counts follow-ups in each list summary and indexes signed MoUs without one.
	{from: 4, name: "summaries with follow-ups, index of MoUs without follow-up", run: func(s *Store, tx *bolt.Tx) error { return s.rebuildListIndexes(context.Background(), tx) }},
	// Schema 6 seals every record value with a CRC-32C, checked on every read.
	{from: 5, name: "checksums on every record", run: func(_ *Store, tx *bolt.Tx) error { return sealAll(tx) }},
	// Schema 7 keeps own numbers unique and stored files referenced (kept.go).
	{from: 6, name: "own numbers and file references", run: migrateV6toV7},
	// Schema 8 chains each record's history by hashes (migrate_chain.go).
	{from: 7, name: "history chains", run: func(_ *Store, tx *bolt.Tx) error { return sealChainsTx(tx) }},
	// Schema 9 marks copies, monev and the DPRD in each list summary and
	// indexes what the Beranda follows (IdxTodo); the new bucket is missing,
	// so completeIndexes rebuilds the lists in batches once the file is open.
	{from: 8, name: "summaries with the procedure's marks, index of what the procedure waits for", run: migrateV12toV13},
	// Schema 10 marks in each list summary the day a draft went to the
	// partner (outstanding_partner.go).
	{from: 9, name: "summaries with the day a draft went to the partner", run: migrateV9toV10},
	// Schema 11: an agreement imported from an old register owes no
	// originals (outstanding_imported.go).
	{from: 10, name: "imported agreements owe no originals", run: migrateV10toV11},
	// Schema 12: an Adendum without a term of its own ends with its parent
	// (family.go).
	{from: 11, name: "an Adendum without a term ends with its parent", run: migrateV11toV12},
	// Schema 13: one number per party and one rangkap; the signing record
	// keeps neither (numbers.go).
	{from: 12, name: "numbers and rangkap typed at signing in their one place", run: migrateV12toV13},
}

// SealedBuckets hold record values, each sealed with a checksum since schema 6.
var sealedBuckets = [][]byte{schema.Agreements, schema.Parties, schema.Officials, schema.Mandates, schema.History, schema.Files, schema.Numbers}

// sealAll seals every record value not yet sealed, a batch at a time, so that
// the migration never holds the whole register in memory.
func sealAll(tx *bolt.Tx) error {
	const batch = 512
	for _, name := range sealedBuckets {
		b := tx.Bucket(name)
		var after []byte
		for {
			var keys, vals [][]byte
			c := b.Cursor()
			k, v := c.First()
			if after != nil {
				if k, v = c.Seek(after); k != nil && bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			for ; k != nil && len(keys) < batch; k, v = c.Next() {
				if len(v) > 0 && v[0]&encodingSealed == 0 {
					keys, vals = append(keys, bytes.Clone(k)), append(vals, seal(v))
				}
				after = bytes.Clone(k)
			}
			for i := range keys {
				if err := b.Put(keys[i], vals[i]); err != nil {
					return err
				}
			}
			if k == nil {
				break
			}
		}
	}
	return nil
}

// sealBatched is sealAll a batch of values per write transaction.
func (s *Store) sealBatched() error {
	const batch = 4096
	for _, name := range sealedBuckets {
		var after []byte
		for done := false; !done; {
			err := s.update(func(tx *bolt.Tx) error {
				b := tx.Bucket(name)
				c := b.Cursor()
				k, v := c.First()
				if after != nil {
					if k, v = c.Seek(after); k != nil && bytes.Equal(k, after) {
						k, v = c.Next()
					}
				}
				var keys, vals [][]byte
				seen := 0
				for ; k != nil && seen < batch; k, v = c.Next() {
					if len(v) > 0 && v[0]&encodingSealed == 0 {
						keys, vals = append(keys, bytes.Clone(k)), append(vals, seal(v))
					}
					after = bytes.Clone(k)
					seen++
				}
				done = k == nil
				for i := range keys {
					if err := b.Put(keys[i], vals[i]); err != nil {
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
	}
	return nil
}

func (s *Store) prepare() error {
	if err := s.migrate(); err != nil {
		return err
	}
	if err := s.completeIndexes(); err != nil {
		return err
	}
	return s.refreshSearch()
}

// completeIndexes rebuilds the list indexes when one is missing (a file written
// by a development build of this schema), rather than failing on it later.
func (s *Store) completeIndexes() error {
	missing := false
	err := s.view(func(tx *bolt.Tx) error {
		for _, name := range schema.IndexBuckets {
			missing = missing || tx.Bucket(name) == nil
		}
		// Version 2 of the marker: summaries count children too.
		missing = missing || !bytes.Equal(tx.Bucket(schema.Meta).Get(schema.KeyStatusCounts), []byte{2})
		return nil
	})
	if err != nil || !missing {
		return err
	}
	return s.rebuildListsBatched(context.Background(), nil)
}

func (s *Store) migrate() error {
	version, fresh, err := s.readVersion()
	if err != nil {
		return err
	}
	if fresh {
		return s.update(func(tx *bolt.Tx) error {
			for _, name := range append(append(append(append([][]byte{}, schema.BucketsV1...), schema.IndexBuckets...), schema.SearchBuckets...), schema.BucketsV7...) {
				if _, err := tx.CreateBucketIfNotExists(name); err != nil {
					return err
				}
			}
			meta := tx.Bucket(schema.Meta)
			if err := meta.Put(schema.KeyCreated, []byte(s.now().UTC().Format("2006-01-02T15:04:05Z"))); err != nil {
				return err
			}
			if err := fts.Init(tx); err != nil {
				return err
			}
			return putVersion(meta, SchemaVersion)
		})
	}
	if version > SchemaVersion {
		return service.ErrNewerSchema
	}
	if version == SchemaVersion {
		return nil
	}
	backup := s.backupPath(service.ReasonMigrate) // backup.go
	if err := s.Backup(context.Background(), backup); err != nil {
		return fmt.Errorf("cadangan sebelum migrasi gagal: %w", err)
	}
	// Values older than schema 6 carry no checksum: read them only while migrating.
	legacyReads.Add(1)
	defer legacyReads.Add(-1)
	if version == 5 {
		// Step 5→6 rewrites every record: a batch per transaction first, so
		// that memory stays bounded; a kill leaves the file at schema 5 with
		// some values sealed, and the next open goes on from there (sealing
		// skips what is sealed). The step in the transaction below then finds
		// nothing left to seal.
		if err := s.sealBatched(); err != nil {
			return fmt.Errorf("migrasi 5→6 (%s): %w", migrations[4].name, err)
		}
	}
	if version >= 5 && version < 8 {
		// Chaining the history rewrites every entry: a batch of records per
		// transaction first, as sealing above (migrate_chain.go).
		if err := s.chainBatched(2048); err != nil {
			return fmt.Errorf("migrasi 7→8 (%s): %w", migrations[6].name, err)
		}
	}
	err = s.update(func(tx *bolt.Tx) error {
		defer shedWhile(tx)() // the steps read every record
		for _, m := range migrations {
			if m.from < version {
				continue
			}
			if err := m.run(s, tx); err != nil {
				return fmt.Errorf("migrasi %d→%d (%s): %w", m.from, m.from+1, m.name, err)
			}
		}
		return putVersion(tx.Bucket(schema.Meta), SchemaVersion)
	})
	if err != nil {
		return err
	}
	s.Migrated = backup
	return nil
}

func (s *Store) readVersion() (version int, fresh bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		meta := tx.Bucket(schema.Meta)
		if meta == nil {
			// A file with no bucket at all is one a killed Open had only begun to
			// make; one with buckets but no meta belongs to another program.
			foreign := false
			_ = tx.ForEach(func([]byte, *bolt.Bucket) error { foreign = true; return nil })
			if foreign {
				return fmt.Errorf("%w: %s", service.ErrNotSepakat, s.path)
			}
			fresh = true
			return nil
		}
		v := meta.Get(schema.KeySchemaVersion)
		if len(v) != 8 {
			return fmt.Errorf("%w: versi skema hilang", service.ErrCorrupt)
		}
		version = int(binary.BigEndian.Uint64(v))
		return nil
	})
	return version, fresh, err
}

func putVersion(meta *bolt.Bucket, v int) error {
	return meta.Put(schema.KeySchemaVersion, u64(uint64(v)))
}

// SchemaVersionOnDisk returns the version recorded in the file.
func (s *Store) SchemaVersionOnDisk() (int, error) {
	v, _, err := s.readVersion()
	return v, err
}

// migrateV1toV2 stores each agreement with its list summary, moves its history
// beside it, and builds the list indexes.
func migrateV1toV2(s *Store, tx *bolt.Tx) error {
	for _, name := range schema.IndexBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	// Schema 1 keyed history by one global sequence; schema 2 keys each record's
	// history by revision, an agreement's beside the agreement.
	hist := tx.Bucket(schema.History)
	var entries [][2][]byte
	if err := hist.ForEach(func(k, v []byte) error {
		entries = append(entries, [2][]byte{bytes.Clone(k), bytes.Clone(v)})
		return nil
	}); err != nil {
		return err
	}
	for _, kv := range entries {
		if err := hist.Delete(kv[0]); err != nil {
			return err
		}
	}
	for _, kv := range entries {
		var e dataset.HistoryEntry
		if err := decode(kv[1], &e); err != nil {
			return err
		}
		if _, ok := schema.RecordTag[string(e.Type)]; !ok {
			return fmt.Errorf("%w: riwayat berjenis %q", service.ErrCorrupt, e.Type)
		}
		b, prefix := historyPlace(tx, e.Type, e.ID)
		key := cat(prefix, u64(e.Rev))
		for b.Get(key) != nil { // two entries of one revision: keep both, the later after
			e.Rev++
			key = cat(prefix, u64(e.Rev))
		}
		if err := b.Put(key, kv[1]); err != nil {
			return err
		}
	}
	return s.rebuildIndexes(context.Background(), tx)
}
