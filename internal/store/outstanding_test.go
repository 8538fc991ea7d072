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

// A schema-7 file gains the procedure's marks and IdxTodo on opening: its
// signed agreement's unfinished originals and overdue monev are listed.
func TestMigrateV7ToV8IndexesWhatTheProcedureWaitsFor(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sepakat.db")
	s, err := Open(path, Options{Now: newClock().now})
	mustSave(t, err)
	w := servicetest.SeedWorld(t, s)
	a := w.KSB("Pertukaran Data Kependudukan")
	mustSave(t, s.SaveAgreement(&a))
	servicetest.Sign(t, s, &a, agreement.NewDate(2025, 7, 4))
	mustSave(t, s.Close())
	db, err := bolt.Open(path, 0o600, nil)
	mustSave(t, err)
	mustSave(t, db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(schema.IdxTodo); err != nil {
			return err
		}
		return putVersion(tx.Bucket(schema.Meta), 7)
	}))
	mustSave(t, db.Close())

	s, err = Open(path, Options{Now: newClock().now})
	mustSave(t, err)
	defer s.Close()
	if v, _ := s.SchemaVersionOnDisk(); v != SchemaVersion || s.Migrated == "" {
		t.Fatalf("schema %d after opening, copy %q", v, s.Migrated)
	}
	o, err := s.Outstanding(time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
	mustSave(t, err)
	if o.CopiesCount != 1 || o.MonevCount != 1 || len(o.Monev) != 1 || o.Monev[0].ID != a.ID || o.Monev[0].MonevDue != agreement.NewDate(2025, 12, 31) {
		t.Errorf("after the migration: %+v", o)
	}
	mustSave(t, s.Check(context.Background()))
}

// BenchmarkOutstanding is the Beranda's procedure lists: keys counted in
// IdxTodo, only the rows shown decoded.
func BenchmarkOutstanding(b *testing.B) {
	s := openBench(b, benchDB(b))
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		o, err := s.Outstanding(now)
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			b.ReportMetric(float64(o.DPRDCount), "dprd")
			b.ReportMetric(float64(o.CopiesCount), "copies")
			b.ReportMetric(float64(o.MonevCount), "monev")
		}
	}
}
