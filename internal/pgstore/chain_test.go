package pgstore

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
)

// A register whose history was written before chains (migration 0003 not
// applied, entries without hashes) is sealed when it opens: the same hashes a
// new entry gets, the check clean, the history append-only again. An entry
// changed on the server afterwards is named by the check.
func TestHistoryChainsMigrateAndBreak(t *testing.T) {
	ctx := context.Background()
	conn := pgtest.Fresh(t)
	opts := Options{Now: time.Now, User: "staf-uji", BackupDir: filepath.Join(t.TempDir(), "cadangan")}
	s, err := Open(ctx, conn, opts)
	if err != nil {
		t.Fatal(err)
	}
	w := servicetest.SeedWorld(t, s)
	a := w.KSB("Berbagi Informasi dan Inovasi Daerah")
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordPrint(a.ID, dataset.Print{Code: "KSB-1", Fingerprint: "e74fc4e49ec7", Rev: 1}); err != nil {
		t.Fatal(err)
	}
	a.Notes = "diubah"
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	want, err := s.AgreementHistory(a.ID)
	if err != nil || len(want) != 3 || len(dataset.CheckChain(want)) != 0 || want[2].Prev != want[1].Hash {
		t.Fatalf("history as written: %+v %v", want, err)
	}
	exec := func(sql string) {
		t.Helper()
		if _, err := s.pool.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	// As before 0003: no hashes.
	exec("ALTER TABLE history DISABLE TRIGGER history_append_only")
	exec("UPDATE history SET entry = entry - 'prev' - 'hash'")
	exec("ALTER TABLE history ENABLE TRIGGER history_append_only")
	exec("DELETE FROM schema_migrations WHERE version >= 3") // and those after it, as a server of then
	var ce *service.CheckError
	if err := s.Check(ctx); !errors.As(err, &ce) || !strings.Contains(ce.Message(i18n.ID), "tidak bersegel rantai") {
		t.Fatalf("check of unsealed history: %v", err)
	}
	s.Close()

	s, err = Open(ctx, conn, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.AgreementHistory(a.ID)
	if err != nil || !reflect.DeepEqual(hashes(got), hashes(want)) {
		t.Fatalf("after the migration %v, want %v (%v)", hashes(got), hashes(want), err)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatalf("check after the migration: %v", err)
	}
	if _, err := s.pool.Exec(ctx, "UPDATE history SET at = now()"); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Fatalf("history is not append-only after the migration: %v", err)
	}
	// Someone with the owner's rights rewrites who made revision 2.
	exec("ALTER TABLE history DISABLE TRIGGER history_append_only")
	exec(`UPDATE history SET entry = jsonb_set(entry, '{by}', '"orang lain"') WHERE type = 'agreement' AND rev = 2`)
	exec("ALTER TABLE history ENABLE TRIGGER history_append_only")
	err = s.Check(ctx)
	if !errors.As(err, &ce) || len(ce.Report.Problems) != 1 ||
		ce.Report.Problems[0].In(i18n.ID) != "perjanjian 1: riwayat revisi 2 diubah setelah ditulis: isinya tidak cocok lagi dengan sidik SHA-256-nya" {
		t.Fatalf("check after an edit: %v", err)
	}
}

func hashes(h []dataset.HistoryEntry) []string {
	var out []string
	for _, e := range h {
		out = append(out, e.Prev+">"+e.Hash)
	}
	return out
}
