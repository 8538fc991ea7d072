package pgstore

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/service/servicetest"

	"github.com/jackc/pgx/v5"
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
	for _, sql := range []string{`UPDATE agreements SET sum = sum - 'sent_to_partner'`, `DROP INDEX IF EXISTS agreements_sent_to_partner`,
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

// TestBerandaThroughIndexes: each of the Beranda's lists, its count and its
// rows, and the counts and rows of ending and sleeping agreements are read
// through their indexes (migrations 0007 and 0008), the counts from the
// indexes alone, whatever the planner would choose
// for a register this small: never every agreement's JSONB.
func TestBerandaThroughIndexes(t *testing.T) {
	s := open(t, time.Now)
	ctx := context.Background()
	today := agreement.NewDate(2026, 12, 1)
	type query struct {
		sql, index string
		args       []any
	}
	var queries []query
	index := [4]string{"agreements_dprd", "agreements_copies", "agreements_monev", "agreements_partner"}
	for i, l := range outstandingLists(today, agreement.Procedure{IncompleteAfterDays: 30, PartnerWaitDays: 14}) {
		queries = append(queries, query{"SELECT count(*) FROM agreements WHERE " + l.where, index[i], l.args},
			query{fmt.Sprintf("SELECT sum FROM agreements WHERE %s ORDER BY %s LIMIT %d", l.where, l.order, agreement.DashboardRows), index[i], l.args})
	}
	queries = append(queries, query{endingSQL, "agreements_signed_end", endingArgs(today)},
		query{endingRowsSQL, "agreements_signed_end", append(endingArgs(today), agreement.DashboardRows)},
		query{"SELECT count(*) FROM agreements " + sleepingWhere, "agreements_quiet", sleepingArgs(today)},
		query{"SELECT sum FROM agreements " + sleepingWhere + sleepingOrder + " LIMIT $3", "agreements_quiet", append(sleepingArgs(today), agreement.DashboardRows)})
	// In a transaction that is rolled back: without the indexes an empty
	// table would rather use for ORDER BY id, only the index meant for a
	// query can spare it reading every row; without bitmap scans, a count
	// that can be read from the index alone is.
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	err = func() error {
		if _, err := tx.Exec(ctx, `SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; DROP INDEX agreements_status, agreements_kind;
			ALTER TABLE agreements DROP CONSTRAINT agreements_pkey`); err != nil {
			return err
		}
		for _, q := range queries {
			{
				rows, err := tx.Query(ctx, "EXPLAIN "+q.sql, q.args...)
				if err != nil {
					return err
				}
				plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
				if err != nil {
					return err
				}
				if p := strings.Join(plan, "\n"); !strings.Contains(p, q.index) {
					t.Errorf("%s\nis not read through %s:\n%s", q.sql, q.index, p)
				} else if strings.HasPrefix(q.sql, "SELECT count(*)") && !strings.Contains(p, "Index Only Scan using "+q.index) {
					t.Errorf("%s\nis not counted from %s alone:\n%s", q.sql, q.index, p)
				}
			}
		}
		return nil
	}()
	if err != nil {
		t.Fatal(err)
	}
}

// A server of before migration 0009 listed an agreement imported from an old
// register among those whose originals are late; opening it refreshes the
// rows of imported agreements, and the Beranda no longer asks for them.
func TestMigration0009ImportedOweNoOriginals(t *testing.T) {
	ctx := context.Background()
	conn := pgtest.Fresh(t)
	opts := Options{Now: time.Now, User: "staf-uji", BackupDir: filepath.Join(t.TempDir(), "cadangan")}
	s, err := Open(ctx, conn, opts)
	if err != nil {
		t.Fatal(err)
	}
	w := servicetest.SeedWorld(t, s)
	a := w.KSB("Pengelolaan Sampah Regional")
	a.Status = agreement.StatusDitandatangani
	a.Signing = &agreement.Signing{Date: agreement.NewDate(2019, 3, 4), Place: "Sumedang"}
	a.Term = agreement.Term{Start: agreement.NewDate(2019, 3, 4), Length: 5, Unit: agreement.UnitTahun}
	a.Imported = &agreement.Imported{Source: "daftar lama.xlsx, lembar 2019", Row: 6, At: agreement.NewDate(2025, 7, 1)}
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2025, 9, 1, 9, 0, 0, 0, time.UTC)
	// As before 0009: its row counts its originals unfinished.
	for _, sql := range []string{`UPDATE agreements SET sum = sum - 'copies_done'`, `DELETE FROM schema_migrations WHERE version >= 9`} {
		if _, err := s.pool.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	if o, err := s.Outstanding(now); err != nil || o.CopiesCount != 1 {
		t.Fatalf("before the migration: %+v %v", o, err)
	}
	s.Close()

	s, err = Open(ctx, conn, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if o, err := s.Outstanding(now); err != nil || o.CopiesCount != 0 || len(o.Copies) != 0 {
		t.Errorf("after the migration: %+v %v", o, err)
	}
}
