package store

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store/schema"
)

// A schema-11 file showed a hand-made Adendum without end, and an imported
// one with its parent's end copied, beside a parent since extended; opening
// it rebuilds the lists: both end with the parent, and the Beranda names
// only the parent.
func TestMigrateV11ToV12AdendaEndWithParent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sepakat.db")
	s, err := Open(path, Options{Now: newClock().now})
	mustSave(t, err)
	w := servicetest.SeedWorld(t, s)
	pks := w.KSB("Pertukaran Data Kependudukan")
	pks.Kind = agreement.KindPKS
	pks.Term = agreement.Term{Start: agreement.NewDate(2025, 8, 1), Length: 1, Unit: agreement.UnitTahun}
	mustSave(t, s.SaveAgreement(&pks))
	servicetest.Sign(t, s, &pks, agreement.NewDate(2025, 8, 1))
	child := func(kind agreement.Kind, signed agreement.Date, edit func(*agreement.Agreement)) agreement.Agreement {
		c, err := agreement.NewChild(&pks, kind, time.Date(2025, 8, 5, 0, 0, 0, 0, time.UTC))
		mustSave(t, err)
		c.Body = []agreement.Node{{Kind: agreement.NodePasal, Text: "Ketentuan Pasal 1 {induk_singkat} diubah."}}
		edit(&c)
		mustSave(t, s.SaveAgreement(&c))
		servicetest.Sign(t, s, &c, signed)
		return c
	}
	made := child(agreement.KindAdendum, agreement.NewDate(2025, 9, 1), func(*agreement.Agreement) {})
	imported := child(agreement.KindAdendum, agreement.NewDate(2025, 10, 1), func(a *agreement.Agreement) {
		a.Term.End = a.Parent.End // as the sheet import copied it
		a.Imported = &agreement.Imported{Source: "daftar lama.xlsx", Row: 7, At: agreement.NewDate(2025, 11, 1)}
	})
	child(agreement.KindPerpanjangan, agreement.NewDate(2026, 7, 1), func(*agreement.Agreement) {})
	longer := agreement.NewDate(2027, 7, 31)
	mustSave(t, s.Close())

	// Back to schema 11: the Adenda's rows as a schema-11 program wrote them.
	db, err := bolt.Open(path, 0o600, nil)
	mustSave(t, err)
	mustSave(t, db.Update(func(tx *bolt.Tx) error {
		for _, id := range []agreement.ID{made.ID, imported.ID} {
			h, js, _, ok := parseAgreementValue(tx.Bucket(schema.Agreements).Get(idKey(id)), true)
			if !ok {
				t.Fatalf("agreement %d unreadable", id)
			}
			var a agreement.Agreement
			mustSave(t, decode(tx.Bucket(schema.Agreements).Get(idKey(id)), &a))
			var sum agreement.Summary
			mustSave(t, json.Unmarshal(js, &sum))
			if !sum.EndsWithParent || sum.End != longer {
				t.Fatalf("agreement %d before going back: %+v", id, sum)
			}
			sum.End, sum.EndsWithParent = a.EffectiveEnd(), false
			old := entries(&sum)
			for _, e := range h.Keys {
				mustSave(t, tx.Bucket(e.bucket).Delete(e.key))
			}
			for _, e := range old {
				mustSave(t, tx.Bucket(e.bucket).Put(e.key, nil))
			}
			h.Keys = old
			js, err := json.Marshal(&sum)
			mustSave(t, err)
			raw, err := encode(&a)
			mustSave(t, err)
			mustSave(t, tx.Bucket(schema.Agreements).Put(idKey(id), agreementValue(&h, js, recordJSON(raw))))
		}
		return putVersion(tx.Bucket(schema.Meta), 11)
	}))
	mustSave(t, db.Close())
	s, err = Open(path, Options{Now: newClock().now})
	mustSave(t, err)
	defer s.Close()
	if v, _ := s.SchemaVersionOnDisk(); v != SchemaVersion || s.Migrated == "" {
		t.Fatalf("schema %d after opening, copy %q", v, s.Migrated)
	}
	rows, err := s.Summaries([]agreement.ID{made.ID, imported.ID})
	mustSave(t, err)
	for _, r := range rows {
		if r.End != longer || !r.EndsWithParent {
			t.Errorf("Adendum %d after the migration ends %v, want its parent's %v", r.ID, r.End, longer)
		}
	}
	d, err := s.Dashboard(time.Date(2027, 7, 1, 9, 0, 0, 0, time.UTC))
	mustSave(t, err)
	var listed []agreement.ID
	for _, l := range d.Ending {
		for _, r := range l {
			listed = append(listed, r.ID)
		}
	}
	if slices.Contains(listed, made.ID) || slices.Contains(listed, imported.ID) || !slices.Contains(listed, pks.ID) {
		t.Errorf("ending soon on 1 July 2027: %v; want the PKS and none of its Adenda", listed)
	}
	mustSave(t, s.Check(context.Background()))
}
