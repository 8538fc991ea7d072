package store

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// chainedExamples is a data file with the examples, more changes and prints:
// histories of several entries, prints between changes.
func chainedExamples(t *testing.T) string {
	path := examplesFile(t)
	s, err := Open(path, Options{User: "staf1"})
	mustSave(t, err)
	a, err := s.Agreement(1)
	mustSave(t, err)
	mustSave(t, s.RecordPrint(a.ID, dataset.Print{Code: "KSB-1", Fingerprint: "e74fc4e49ec7", Rev: a.Rev}))
	a.Notes = "dicek ulang"
	mustSave(t, s.SaveAgreement(&a))
	mustSave(t, s.RecordPrint(a.ID, dataset.Print{Code: "KSB-1", Fingerprint: "e74fc4e49ec7", Rev: a.Rev, Draft: true}))
	p, err := s.Party(1)
	mustSave(t, err)
	p.ShortName += " (ubah)"
	mustSave(t, s.SaveParty(&p))
	mustSave(t, s.Close())
	return path
}

// rewriteHistory changes every stored history entry of a closed file with fn
// (keeping each value's checksum sound), as another program could.
func rewriteHistory(t *testing.T, path string, fn func(k []byte, e *dataset.HistoryEntry) (keep bool)) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	mustSave(t, err)
	defer db.Close()
	mustSave(t, db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{schema.Agreements, schema.History} {
			b := tx.Bucket(name)
			var keys, vals [][]byte
			err := b.ForEach(func(k, v []byte) error {
				if bytes.Equal(name, schema.Agreements) && len(k) != 16 {
					return nil
				}
				var e dataset.HistoryEntry
				if err := decode(v, &e); err != nil {
					return err
				}
				var raw []byte
				if fn(k, &e) {
					var err error
					if raw, err = encode(&e); err != nil {
						return err
					}
				}
				keys, vals = append(keys, bytes.Clone(k)), append(vals, raw)
				return nil
			})
			if err != nil {
				return err
			}
			for i := range keys {
				if vals[i] == nil {
					err = b.Delete(keys[i])
				} else {
					err = b.Put(keys[i], vals[i])
				}
				if err != nil {
					return err
				}
			}
		}
		return nil
	}))
}

// A file of schema 7 (history without chains) migrates: every entry sealed
// as a new one would be, the records as they were, the check clean; a
// migration killed after some records goes on at the next open.
func TestMigrateHistoryChains(t *testing.T) {
	for _, sealedFirst := range []int{0, 3} {
		path := chainedExamples(t)
		s := openAt(t, path)
		var before bytes.Buffer
		_, err := s.ExportTo(context.Background(), &before)
		mustSave(t, err)
		mustSave(t, s.Close())
		if !strings.Contains(before.String(), `"hash": "`) || !strings.Contains(before.String(), `"prev": "`) {
			t.Fatal("the export carries no chain")
		}
		rewriteHistory(t, path, func(_ []byte, e *dataset.HistoryEntry) bool {
			e.Prev, e.Hash = "", ""
			return true
		})
		db, err := bolt.Open(path, 0o600, nil)
		mustSave(t, err)
		mustSave(t, db.Update(func(tx *bolt.Tx) error {
			owners, _, _ := nextOwners(tx, nil, sealedFirst)
			for _, o := range owners {
				if err := sealChain(tx, o); err != nil {
					return err
				}
			}
			return putVersion(tx.Bucket(schema.Meta), 7)
		}))
		mustSave(t, db.Close())

		s = openAt(t, path)
		if v, _ := s.SchemaVersionOnDisk(); v != 8 || s.Migrated == "" {
			t.Fatalf("after opening: schema %d, backup %q", v, s.Migrated)
		}
		var after bytes.Buffer
		_, err = s.ExportTo(context.Background(), &after)
		mustSave(t, err)
		stamp := regexp.MustCompile(`"exported_at": "[^"]*"`)
		if !bytes.Equal(stamp.ReplaceAll(before.Bytes(), nil), stamp.ReplaceAll(after.Bytes(), nil)) {
			t.Errorf("%d sealed before: the history differs after the migration", sealedFirst)
		}
		mustSave(t, s.Check(context.Background()))
		h, err := s.AgreementHistory(1)
		mustSave(t, err)
		if len(h) < 4 || len(dataset.CheckChain(h)) != 0 || h[0].Prev != "" || h[1].Prev != h[0].Hash {
			t.Errorf("agreement 1's history after the migration: %+v", h)
		}
	}
}

// One history entry edited inside the data file, or one removed: check names
// the record and where its chain breaks, in words; the records themselves
// still read.
func TestCheckFindsABrokenHistoryChain(t *testing.T) {
	path := chainedExamples(t)
	rewriteHistory(t, path, func(k []byte, e *dataset.HistoryEntry) bool {
		if e.Type == dataset.TypeAgreement && e.ID == 1 && e.Rev == 1 && e.Seq == 0 {
			e.By = "orang lain" // who made revision 1, rewritten
		}
		return !(e.Type == dataset.TypeParty && e.ID == 1 && e.Rev == 1) // the party's first entry, removed
	})
	s, err := Open(path, Options{User: "staf1"})
	mustSave(t, err)
	defer s.Close()
	err = s.Check(context.Background())
	var ce *service.CheckError
	if !errors.As(err, &ce) {
		t.Fatalf("check: %v", err)
	}
	var got []string
	for _, p := range ce.Report.Problems {
		got = append(got, p.In(i18n.ID))
	}
	want := []string{
		"perjanjian 1: riwayat revisi 1 diubah setelah ditulis: isinya tidak cocok lagi dengan sidik SHA-256-nya",
		"instansi 1: rantai riwayat putus di revisi 2: entri sebelumnya dihapus, disisipkan atau diganti",
	}
	if len(got) != len(want) {
		t.Fatalf("check found:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i][strings.Index(want[i], ":")+2:]) {
			t.Errorf("problem %d: %q, want %q", i, got[i], want[i])
		}
	}
	t.Logf("check says:\n%s", ce.Message(i18n.ID))
	if _, err := s.Agreement(1); err != nil {
		t.Errorf("the agreement no longer reads: %v", err)
	}
}
