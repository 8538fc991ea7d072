package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store/schema"
)

// A schema-10 file listed an agreement imported from an old register among
// those whose originals are late; opening it rebuilds the lists, and the
// Beranda no longer asks for them.
func TestMigrateV10ToV11ImportedOweNoOriginals(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sepakat.db")
	s, err := Open(path, Options{Now: newClock().now})
	mustSave(t, err)
	w := servicetest.SeedWorld(t, s)
	a := w.KSB("Pengelolaan Sampah Regional")
	a.Status = agreement.StatusDitandatangani
	a.Signing = &agreement.Signing{Date: agreement.NewDate(2019, 3, 4), Place: "Sumedang"}
	a.Term = agreement.Term{Start: agreement.NewDate(2019, 3, 4), Length: 5, Unit: agreement.UnitTahun}
	a.Imported = &agreement.Imported{Source: "daftar lama.xlsx, lembar 2019", Row: 6, At: agreement.NewDate(2026, 11, 30)}
	mustSave(t, s.SaveAgreement(&a))
	when := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	o, err := s.Outstanding(when)
	mustSave(t, err)
	if o.CopiesCount != 0 {
		t.Fatalf("an imported agreement is listed for its originals: %+v", o.Copies)
	}
	mustSave(t, s.Close())

	// Back to schema 10: IdxTodo lists it, as a schema-10 program did.
	db, err := bolt.Open(path, 0o600, nil)
	mustSave(t, err)
	mustSave(t, db.Update(func(tx *bolt.Tx) error {
		key := cat([]byte{schema.TodoCopies}, a.Signing.Date.Key(), idKey(a.ID))
		if err := tx.Bucket(schema.IdxTodo).Put(key, nil); err != nil {
			return err
		}
		return putVersion(tx.Bucket(schema.Meta), 10)
	}))
	mustSave(t, db.Close())
	s, err = Open(path, Options{Now: newClock().now})
	mustSave(t, err)
	defer s.Close()
	if v, _ := s.SchemaVersionOnDisk(); v != SchemaVersion || s.Migrated == "" {
		t.Fatalf("schema %d after opening, copy %q", v, s.Migrated)
	}
	o, err = s.Outstanding(when)
	mustSave(t, err)
	if o.CopiesCount != 0 || len(o.Copies) != 0 {
		t.Errorf("after the migration the imported agreement still owes its originals: %+v", o.Copies)
	}
	mustSave(t, s.Check(context.Background()))
}
