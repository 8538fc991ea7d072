package pgstore

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
)

// A server of before migration 0011 kept the numbers and the rangkap typed
// at signing in the signing record only: the register's Nomor Mitra column
// was empty and our own number not kept unique. Opening it moves them to
// their one place.
func TestMigration0011NumbersInOnePlace(t *testing.T) {
	ctx := context.Background()
	conn := pgtest.Fresh(t)
	opts := Options{Now: time.Now, User: "staf-uji", BackupDir: filepath.Join(t.TempDir(), "cadangan")}
	s, err := Open(ctx, conn, opts)
	if err != nil {
		t.Fatal(err)
	}
	w := servicetest.SeedWorld(t, s)
	a := w.KSB("Pengembangan Pariwisata")
	a.Copies = 2
	for i := range a.Parties {
		a.Parties[i].Number = ""
	}
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	servicetest.Sign(t, s, &a, agreement.NewDate(2026, 3, 5))
	if a, err = s.Agreement(a.ID); err != nil {
		t.Fatal(err)
	}
	own := -1
	numbers := make([]string, len(a.Parties))
	for i, p := range a.Parties {
		numbers[i] = "130/021/KS/III/2026"
		if p.Own {
			own, numbers[i] = i, "1/KSB.100.3-Setda.KS/2026"
		}
	}
	// As a server of before 0011 wrote it.
	old := a
	sg := *a.Signing
	sg.OldNumbers, sg.OldCopies = numbers, 3
	old.Signing = &sg
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{"UPDATE agreements SET data = $2 WHERE id = $1", []any{int64(a.ID), encode(&old)}},
		{"DELETE FROM schema_migrations WHERE version >= 11", nil},
	} {
		if _, err := s.pool.Exec(ctx, q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	s, err = Open(ctx, conn, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.Summaries([]agreement.ID{a.ID})
	if err != nil {
		t.Fatal(err)
	}
	if rows[0].OwnNumber != "1/KSB.100.3-Setda.KS/2026" || rows[0].PartnerNumber != "130/021/KS/III/2026" {
		t.Errorf("register row after the migration: own %q partner %q", rows[0].OwnNumber, rows[0].PartnerNumber)
	}
	var data string
	if err := s.pool.QueryRow(ctx, "SELECT data::text FROM agreements WHERE id = $1", int64(a.ID)).Scan(&data); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(data, `"numbers"`) {
		t.Errorf("still stored in the signing record: %s", data)
	}
	got, err := s.Agreement(a.ID)
	if err != nil || got.Copies != 3 || got.OwnNumber() != "1/KSB.100.3-Setda.KS/2026" {
		t.Errorf("record after the migration: %v copies %d %v", got.Numbers(), got.Copies, err)
	}
	other := w.KSB("Promosi Wisata Bersama")
	other.Parties[own].Number = "1/KSB.100.3-Setda.KS/2026"
	if err := s.SaveAgreement(&other); !errors.Is(err, service.ErrNumberTaken) {
		t.Errorf("a second agreement with the migrated own number: %v", err)
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("check after the migration: %v", err)
	}
}
