package pgstore

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/service/servicetest"
)

// A server of before migration 0004, whose list rows lack the day a draft
// went to the partner, has them refreshed when it opens: the draft sent a
// month ago is listed.
func TestMigration0004ListsDraftsWaitingOnThePartner(t *testing.T) {
	ctx := context.Background()
	conn := pgtest.Fresh(t)
	opts := Options{Now: time.Now, User: "staf-uji", BackupDir: filepath.Join(t.TempDir(), "cadangan")}
	s, err := Open(ctx, conn, opts)
	if err != nil {
		t.Fatal(err)
	}
	w := servicetest.SeedWorld(t, s)
	a := w.KSB("Pertukaran Data Kependudukan")
	ref, err := s.PutFile("konsep.docx", "application/octet-stream", []byte("konsep"))
	if err != nil {
		t.Fatal(err)
	}
	a.Attachments = []agreement.Attachment{{Kind: agreement.AttachDraft, File: ref, Added: time.Date(2025, 8, 1, 10, 0, 0, 0, time.UTC),
		Note: agreement.SentNotePrefix + ", putaran 1, revisi 1"}}
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2025, 9, 1, 9, 0, 0, 0, time.UTC)
	// As before 0004: rows without the mark.
	for _, sql := range []string{`UPDATE agreements SET sum = sum - 'sent_to_partner'`, `DROP INDEX agreements_sent_to_partner`,
		`DELETE FROM schema_migrations WHERE version >= 4`} {
		if _, err := s.pool.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	if o, err := s.Outstanding(now); err != nil || o.PartnerCount != 0 {
		t.Fatalf("before the migration: %+v %v", o, err)
	}
	s.Close()

	s, err = Open(ctx, conn, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o, err := s.Outstanding(now)
	if err != nil || o.PartnerCount != 1 || len(o.Partner) != 1 || o.Partner[0].ID != a.ID || o.Partner[0].SentToPartner != agreement.NewDate(2025, 8, 1) {
		t.Errorf("after the migration: %+v %v", o, err)
	}
}
