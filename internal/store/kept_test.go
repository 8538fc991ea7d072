package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store/schema"
)

// TestMigrateV6ToV7KeepsNumbersAndFiles: a schema 6 file, with two agreements
// that came to share a number, an attachment, a lambang and a file nothing
// refers to, gets its own numbers and file references on open; check names
// the two and counts the file; the rules hold from then on.
func TestMigrateV6ToV7KeepsNumbersAndFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sepakat.db")
	s, err := Open(path, Options{Now: newClock().now, User: "staf1"})
	mustSave(t, err)
	w := servicetest.SeedWorld(t, s)
	scan, err := s.PutFile("scan.pdf", "application/pdf", []byte("%PDF scan"))
	mustSave(t, err)
	a := w.KSB("Pengelolaan Sampah")
	a.Attachments = []agreement.Attachment{{Kind: agreement.AttachScan, File: scan}}
	mustSave(t, s.SaveAgreement(&a))
	lambang, err := s.PutFile("lambang.png", "image/png", []byte("\x89PNG ls"))
	mustSave(t, err)
	w.Lamsel.Lambang = &lambang
	mustSave(t, s.SaveParty(&w.Lamsel))
	b := w.KSB("Pelayanan Kesehatan")
	mustSave(t, s.SaveAgreement(&b))
	// What schema 6 let through: b's twin carrying a's number, and a stray file.
	twin := b
	mustSave(t, s.update(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		seq, _ := tx.Bucket(schema.Agreements).NextSequence()
		twin.ID = agreement.ID(seq)
		twin.Subject = "Kembaran bernomor sama"
		twin.Parties = append([]agreement.AgreementParty(nil), b.Parties...)
		twin.Parties[1].Number = a.OwnNumber()
		if err := rewriteAgreement(dir, &twin); err != nil {
			return err
		}
		if err := s.indexAgreement(dir, &twin); err != nil {
			return err
		}
		stray, _ := service.NewFileRef("lepas.txt", "text/plain", []byte("lepas"))
		return storeFile(tx, dataset.File{SHA256: stray.SHA256, Data: []byte("lepas")})
	}))
	mustSave(t, s.Close())
	db, err := bolt.Open(path, 0o600, nil)
	mustSave(t, err)
	mustSave(t, db.Update(func(tx *bolt.Tx) error {
		for _, name := range schema.BucketsV7 {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		return putVersion(tx.Bucket(schema.Meta), 6)
	}))
	mustSave(t, db.Close())

	s, err = Open(path, Options{Now: newClock().now, User: "staf1"})
	mustSave(t, err)
	defer s.Close()
	if v, _ := s.SchemaVersionOnDisk(); v != SchemaVersion || s.Migrated == "" {
		t.Fatalf("schema %d after opening, copy %q", v, s.Migrated)
	}
	var ce *service.CheckError
	if err := s.Check(context.Background()); !errors.As(err, &ce) {
		t.Fatalf("check passed a file with one number twice: %v", err)
	}
	var twice []string
	for _, p := range ce.Report.Problems {
		if strings.Contains(p.Text.In(i18n.ID), "juga dipakai perjanjian") {
			twice = append(twice, p.Text.In(i18n.EN))
		}
	}
	if len(twice) != 1 || !strings.Contains(twice[0], a.OwnNumber()) || ce.Report.UnreferencedBlobs != 1 || len(ce.Report.Problems) != 1 {
		t.Fatalf("check: %+v (one number twice: %q)", ce.Report, twice)
	}
	// The twin still saves as it is; a new agreement may not take the number.
	twin.Notes = "diperiksa"
	twin.Rev = 1
	mustSave(t, s.SaveAgreement(&twin))
	c := w.KSB("Baru")
	c.Parties[1].Number = a.OwnNumber()
	if err := s.SaveAgreement(&c); !errors.Is(err, service.ErrNumberTaken) {
		t.Fatalf("a number carried before schema 7 was given again: %v", err)
	}
	// The references were built: dropping the last one sweeps the file.
	a.Attachments = nil
	mustSave(t, s.SaveAgreement(&a))
	if _, err := s.File(scan.SHA256); !errors.Is(err, service.ErrNotFound) {
		t.Errorf("attachment kept after its last reference went: %v", err)
	}
	if data, err := s.File(lambang.SHA256); err != nil || string(data) != "\x89PNG ls" {
		t.Errorf("lambang %q %v", data, err)
	}
}

// TestStagedFilesDroppedOnClose: a file chosen but never saved does not
// reach the data file, and is gone after Close.
func TestStagedFilesDroppedOnClose(t *testing.T) {
	s, path := openTemp(t)
	ref, err := s.PutFile("draf.pdf", "application/pdf", []byte("%PDF draf"))
	mustSave(t, err)
	if data, err := s.File(ref.SHA256); err != nil || string(data) != "%PDF draf" {
		t.Fatalf("staged file %q %v", data, err)
	}
	mustSave(t, s.view(func(tx *bolt.Tx) error {
		if tx.Bucket(schema.Files).Get([]byte(ref.SHA256)) != nil {
			t.Error("a staged file is in the data file before any save")
		}
		return nil
	}))
	mustSave(t, s.Close())
	s2 := openAt(t, path)
	if _, err := s2.File(ref.SHA256); !errors.Is(err, service.ErrNotFound) {
		t.Errorf("after reopening: %v", err)
	}
}

// TestCheckFindsKeptEntriesOutOfStep: a recorded number without its agreement
// and an attachment without its reference are named; reindex rebuilds both.
func TestCheckFindsKeptEntriesOutOfStep(t *testing.T) {
	s, _ := openTemp(t)
	w := servicetest.SeedWorld(t, s)
	scan, err := s.PutFile("scan.pdf", "application/pdf", []byte("%PDF scan"))
	mustSave(t, err)
	a := w.KSB("Dengan lampiran")
	a.Attachments = []agreement.Attachment{{Kind: agreement.AttachScan, File: scan}}
	mustSave(t, s.SaveAgreement(&a))
	mustSave(t, s.update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(schema.OwnNumbers).Put(schema.OwnNumberKey(uint64(w.Sumedang.ID), "7/MOU", 99), nil); err != nil {
			return err
		}
		return tx.Bucket(schema.FileRefs).Delete(schema.FileRefKey(scan.SHA256, 'a', uint64(a.ID)))
	}))
	var ce *service.CheckError
	if err := s.Check(context.Background()); !errors.As(err, &ce) {
		t.Fatalf("check passed: %v", err)
	}
	var texts []string
	for _, p := range ce.Report.Problems {
		texts = append(texts, p.Text.In(i18n.EN))
	}
	if len(texts) != 2 || !strings.Contains(texts[0], "not recorded") || !strings.Contains(texts[1], "does not match its record") {
		t.Fatalf("check found %q", texts)
	}
	mustSave(t, s.Reindex(context.Background()))
	if err := s.Check(context.Background()); err != nil {
		t.Fatalf("after reindex: %v", err)
	}
}
