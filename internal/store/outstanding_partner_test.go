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

// A schema-9 file, whose IdxTodo lacks the drafts waiting on the partner,
// has its lists rebuilt on opening: the draft sent a month ago is listed.
func TestMigrateV9ToV10ListsDraftsWaitingOnThePartner(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sepakat.db")
	s, err := Open(path, Options{Now: newClock().now})
	mustSave(t, err)
	w := servicetest.SeedWorld(t, s)
	a := w.KSB("Pertukaran Data Kependudukan")
	ref, err := s.PutFile("konsep.docx", "application/octet-stream", []byte("konsep"))
	mustSave(t, err)
	a.Attachments = []agreement.Attachment{{Kind: agreement.AttachDraft, File: ref, Added: time.Date(2025, 8, 1, 10, 0, 0, 0, time.UTC),
		Note: agreement.SentNotePrefix + ", putaran 1, revisi 1"}}
	mustSave(t, s.SaveAgreement(&a))
	mustSave(t, s.Close())

	// Back to schema 9: IdxTodo without the draft's key.
	db, err := bolt.Open(path, 0o600, nil)
	mustSave(t, err)
	mustSave(t, db.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(schema.IdxTodo).Cursor()
		n := 0
		for k, _ := c.Seek([]byte{schema.TodoPartner}); k != nil && k[0] == schema.TodoPartner; k, _ = c.Next() {
			n++
			if err := c.Delete(); err != nil {
				return err
			}
		}
		if n != 1 {
			t.Fatalf("%d partner keys in IdxTodo, want 1", n)
		}
		return putVersion(tx.Bucket(schema.Meta), 9)
	}))
	mustSave(t, db.Close())

	s, err = Open(path, Options{Now: newClock().now})
	mustSave(t, err)
	defer s.Close()
	if v, _ := s.SchemaVersionOnDisk(); v != SchemaVersion || s.Migrated == "" {
		t.Fatalf("schema %d after opening, copy %q", v, s.Migrated)
	}
	o, err := s.Outstanding(time.Date(2025, 9, 1, 9, 0, 0, 0, time.UTC))
	mustSave(t, err)
	if o.PartnerCount != 1 || len(o.Partner) != 1 || o.Partner[0].ID != a.ID || o.Partner[0].SentToPartner != agreement.NewDate(2025, 8, 1) {
		t.Errorf("after the migration: %+v", o)
	}
	mustSave(t, s.Check(context.Background()))
}
