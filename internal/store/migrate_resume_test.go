package store

import (
	"bytes"
	"context"
	"regexp"
	"testing"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/store/schema"
)

// toSchema5 rewrites a closed data file as schema 5 wrote it: values without
// checksums, no schema-7 buckets. With sealed, the first sealed values of each
// bucket keep their checksum, as a batched migration killed half-way leaves them.
func toSchema5(t *testing.T, path string, sealed int) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	mustSave(t, err)
	defer db.Close()
	mustSave(t, db.Update(func(tx *bolt.Tx) error {
		for _, name := range sealedBuckets {
			b := tx.Bucket(name)
			var keys, vals [][]byte
			n := 0
			err := b.ForEach(func(k, v []byte) error {
				n++
				if len(v) == 0 || v[0]&encodingSealed == 0 || n <= sealed {
					return nil
				}
				keys = append(keys, bytes.Clone(k))
				vals = append(vals, append([]byte{v[0] &^ encodingSealed}, v[5:]...))
				return nil
			})
			if err != nil {
				return err
			}
			for i := range keys {
				if err := b.Put(keys[i], vals[i]); err != nil {
					return err
				}
			}
		}
		for _, name := range schema.BucketsV7 {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		return putVersion(tx.Bucket(schema.Meta), 5)
	}))
}

// A schema-5 file migrates a batch of records per transaction; one that a
// killed migration left half-sealed opens as well, with every record as it was.
func TestMigrateFromSchema5InBatches(t *testing.T) {
	for _, sealed := range []int{0, 100} {
		path := generatedFile(t, 300)
		s := openAt(t, path)
		want := searchAll(t, s)
		var before bytes.Buffer
		_, err := s.ExportTo(context.Background(), &before)
		mustSave(t, err)
		mustSave(t, s.Close())
		toSchema5(t, path, sealed)
		s = openAt(t, path)
		if v, _ := s.SchemaVersionOnDisk(); v != SchemaVersion || s.Migrated == "" {
			t.Fatalf("after opening: schema %d, backup %q", v, s.Migrated)
		}
		var after bytes.Buffer
		_, err = s.ExportTo(context.Background(), &after)
		mustSave(t, err)
		stamp := regexp.MustCompile(`"exported_at": "[^"]*"`)
		if !bytes.Equal(stamp.ReplaceAll(before.Bytes(), nil), stamp.ReplaceAll(after.Bytes(), nil)) {
			t.Errorf("%d sealed before: the records differ after the migration", sealed)
		}
		got := searchAll(t, s)
		for q, ids := range want {
			if len(got[q]) != len(ids) {
				t.Errorf("%q: %d hits after the migration, %d before", q, len(got[q]), len(ids))
			}
		}
		mustSave(t, s.view(func(tx *bolt.Tx) error {
			for _, name := range sealedBuckets {
				err := tx.Bucket(name).ForEach(func(k, v []byte) error {
					if len(v) > 0 && v[0]&encodingSealed == 0 {
						t.Fatalf("%s %x left without its checksum", name, k)
					}
					return nil
				})
				if err != nil {
					return err
				}
			}
			return nil
		}))
	}
}
