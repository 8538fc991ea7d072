package store

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

type txT = bolt.Tx

var updateFixture = flag.Bool("update-fixture", false, "rewrite testdata/v1.db in the schema-1 layout")

const v1Fixture = "testdata/v1.db"

// writeV1 builds a file the way schema 1 stored it: records and history, no
// summaries or indexes.
func writeV1(t *testing.T, path string) {
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	at := time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC)
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range schema.BucketsV1 {
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		if err := putVersion(tx.Bucket(schema.Meta), 1); err != nil {
			return err
		}
		put := func(bucket []byte, id agreement.ID, v any) {
			raw, _ := encode(v)
			tx.Bucket(bucket).Put(idKey(id), raw)
			tx.Bucket(bucket).SetSequence(uint64(id))
		}
		put(schema.Parties, 1, agreement.Party{ID: 1, Rev: 1, Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Sumedang", RegionCode: "32.11", Own: true, Created: at, Updated: at})
		put(schema.Parties, 2, agreement.Party{ID: 2, Rev: 2, Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Lampung Timur", RegionCode: "18.07", Created: at, Updated: at})
		// Schema 1 history: one global sequence for all record types.
		for seq, rev := range map[uint64]uint64{10: 1, 12: 2} {
			h, _ := encode(map[string]any{"type": "party", "id": 2, "seq": seq, "rev": rev, "at": at, "by": "staf1", "action": "ubah"})
			tx.Bucket(schema.History).Put(cat([]byte{'p'}, idKey(2), u64(seq)), h)
		}
		for i := 1; i <= 3; i++ {
			start := agreement.NewDate(2025, 9, 15)
			a := agreement.Agreement{ID: agreement.ID(i), Rev: 1, Kind: agreement.KindKSB, Status: agreement.StatusKonsep,
				Subject: "Reformasi Birokrasi dan Pelayanan Publik Digital",
				Parties: []agreement.AgreementParty{{PartyID: 2, Role: agreement.RolePihakPertama}, {PartyID: 1, Role: agreement.RolePihakKedua, Own: true}},
				Term:    agreement.Term{Length: i, Unit: agreement.UnitTahun, Start: start, End: agreement.Term{Length: i}.EndFor(start)},
				Copies:  2, Created: at, Updated: at.Add(time.Duration(i) * time.Hour)}
			put(schema.Agreements, a.ID, a)
			h, _ := encode(map[string]any{"type": "agreement", "id": a.ID, "seq": i, "rev": 1, "at": at, "by": "staf1", "action": "buat"})
			tx.Bucket(schema.History).Put(cat([]byte{'a'}, idKey(a.ID), u64(uint64(i))), h)
			tx.Bucket(schema.History).SetSequence(uint64(i))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMigrateFromV1Fixture(t *testing.T) {
	if *updateFixture {
		os.MkdirAll("testdata", 0o755)
		os.Remove(v1Fixture)
		writeV1(t, v1Fixture)
	}
	path := filepath.Join(t.TempDir(), "sepakat.db")
	in, err := os.Open(v1Fixture)
	if err != nil {
		t.Fatalf("fixture: %v (run go test -run TestMigrate -update-fixture)", err)
	}
	out, _ := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o600)
	io.Copy(out, in)
	in.Close()
	out.Close()

	s := openAt(t, path)
	if v, _ := s.SchemaVersionOnDisk(); v != SchemaVersion {
		t.Fatalf("schema after migration %d", v)
	}
	if s.Migrated == "" {
		t.Fatal("no backup reported")
	}
	bak, err := bolt.Open(s.Migrated, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("backup unreadable: %v", err)
	}
	bak.View(func(tx *bolt.Tx) error {
		if tx.Bucket(schema.IdxChanged) != nil || tx.Bucket(schema.Agreements).Stats().KeyN != 3 {
			t.Error("backup is not the v1 file")
		}
		return nil
	})
	bak.Close()
	page, err := s.List(service.Query{})
	if err != nil || len(page.Items) != 3 || page.Items[0].ID != 3 {
		t.Fatalf("list after migration: %+v %v", page.Items, err)
	}
	if page.Items[0].Partners() != "Pemerintah Kabupaten Lampung Timur" {
		t.Errorf("summary partner %q", page.Items[0].Partners())
	}
	if res, err := s.Search(service.SearchQuery{Text: "lampung timur"}); err != nil || len(res.Hits) == 0 {
		t.Errorf("search after migration: %v, %d hits", err, len(res.Hits))
	}
	p, _ := s.List(service.Query{Order: service.ByEnd})
	if len(p.Items) != 3 || p.Items[0].End != agreement.NewDate(2026, 9, 14) {
		t.Errorf("end index after migration: %+v", p.Items)
	}
	// Party history is keyed by revision now, and the party can be saved again.
	if ph, err := s.History(dataset.TypeParty, 2); err != nil || len(ph) != 2 || ph[1].Rev != 2 {
		t.Fatalf("party history after migration: %+v %v", ph, err)
	}
	party, _ := s.Party(2)
	party.ShortName = "Pemkab Lampung Timur"
	if err := s.SaveParty(&party); err != nil {
		t.Fatalf("saving a migrated party: %v", err)
	}
	// History moved with its agreement, and saving a migrated record continues it.
	h, err := s.History(dataset.TypeAgreement, 2)
	if err != nil || len(h) != 1 || h[0].Rev != 1 || h[0].By != "staf1" {
		t.Fatalf("history after migration: %+v %v", h, err)
	}
	a, _ := s.Agreement(2)
	a.Subject = "Diubah sesudah migrasi"
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	if h, _ = s.History(dataset.TypeAgreement, 2); len(h) != 2 || h[1].Rev != 2 || h[1].Changes[0].Field != "subject" {
		t.Errorf("history after a save: %+v", h)
	}
}

func TestMissingIndexIsRebuilt(t *testing.T) {
	s, path := openTemp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(schema.IdxImpl) }))
	s.Close()
	s = openAt(t, path)
	defer s.Close()
	ch, err := s.Choices()
	if err != nil || len(ch.Implementers) == 0 {
		t.Fatalf("choices after reopening: %+v, %v", ch, err)
	}
}
