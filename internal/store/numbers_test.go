package store

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store/schema"
)

// A schema-12 file kept the numbers and the rangkap typed at signing in the
// signing record only: the register's Nomor Mitra column was empty and our
// own number was not kept unique. Opening it moves them to their one place.
func TestMigrateV12ToV13NumbersInOnePlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sepakat.db")
	s, err := Open(path, Options{Now: newClock().now})
	mustSave(t, err)
	w := servicetest.SeedWorld(t, s)
	a := w.KSB("Pengembangan Pariwisata")
	a.Copies = 2
	for i := range a.Parties {
		a.Parties[i].Number = ""
	}
	mustSave(t, s.SaveAgreement(&a))
	servicetest.Sign(t, s, &a, agreement.NewDate(2026, 3, 5))
	a, err = s.Agreement(a.ID)
	mustSave(t, err)
	own := -1
	for i, p := range a.Parties {
		if p.Own {
			own = i
		}
	}
	if own < 0 || a.OwnNumber() != "" || a.PartnerNumber() != "" {
		t.Fatalf("seed: %+v", a.Parties)
	}
	numbers := make([]string, len(a.Parties))
	for i := range numbers {
		numbers[i] = "130/021/KS/III/2026"
		if i == own {
			numbers[i] = "1/KSB.100.3-Setda.KS/2026"
		}
	}
	// As a schema-12 program wrote it: the numbers and rangkap typed at
	// signing in the signing record, the parties' numbers empty.
	mustSave(t, s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(schema.Agreements)
		old := a
		sg := *a.Signing
		sg.OldNumbers, sg.OldCopies = numbers, 3
		old.Signing = &sg
		sum, err := summaryOf(b.Get(idKey(a.ID)))
		if err != nil {
			return err
		}
		enc, err := encode(&old)
		if err != nil {
			return err
		}
		if !bytes.Contains(enc, []byte(`"numbers":["`)) {
			t.Fatalf("not the old form: %s", enc)
		}
		if err := writeAgreementRaw(s.dir(tx), &old, entries(&sum), enc); err != nil {
			return err
		}
		return putVersion(tx.Bucket(schema.Meta), 12)
	}))
	mustSave(t, s.Close())

	s, err = Open(path, Options{Now: newClock().now})
	mustSave(t, err)
	defer s.Close()
	if v, _ := s.SchemaVersionOnDisk(); v != SchemaVersion || s.Migrated == "" {
		t.Fatalf("schema %d after opening, copy %q", v, s.Migrated)
	}
	rows, err := s.Summaries([]agreement.ID{a.ID})
	mustSave(t, err)
	if rows[0].OwnNumber != "1/KSB.100.3-Setda.KS/2026" || rows[0].PartnerNumber != "130/021/KS/III/2026" {
		t.Errorf("register row after the migration: own %q partner %q", rows[0].OwnNumber, rows[0].PartnerNumber)
	}
	got, err := s.Agreement(a.ID)
	mustSave(t, err)
	if got.OwnNumber() != "1/KSB.100.3-Setda.KS/2026" || got.Copies != 3 {
		t.Errorf("record after the migration: numbers %v copies %d", got.Numbers(), got.Copies)
	}
	mustSave(t, s.db.View(func(tx *bolt.Tx) error {
		if body := recordJSON(tx.Bucket(schema.Agreements).Get(idKey(a.ID))); bytes.Contains(body, []byte(`"numbers"`)) {
			t.Errorf("still stored in the signing record: %s", body)
		}
		return nil
	}))
	// Our number is kept unique now.
	other := w.KSB("Promosi Wisata Bersama")
	other.Parties[own].Number = "1/KSB.100.3-Setda.KS/2026"
	if err := s.SaveAgreement(&other); !errors.Is(err, service.ErrNumberTaken) {
		t.Errorf("a second agreement with the migrated own number: %v", err)
	}
	mustSave(t, s.Check(context.Background()))
}
