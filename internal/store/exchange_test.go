package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store/schema"
)

func TestLoadExamplesOnceAfterExistingRecords(t *testing.T) {
	src, _ := openTemp(t)
	w := servicetest.SeedWorld(t, src)
	a := w.KSB("Contoh")
	mustSave(t, src.SaveAgreement(&a))
	d, _ := src.Export(context.Background())

	dst, _ := openTemp(t)
	servicetest.SeedWorld(t, dst)
	if err := dst.LoadDataset(d); err != nil {
		t.Fatal(err)
	}
	if ok, _ := dst.ExamplesLoaded(); !ok {
		t.Error("flag not set")
	}
	got, err := dst.Agreement(1)
	if err != nil || got.Subject != "Contoh" || got.Parties[0].PartyID != 2+2 {
		t.Fatalf("shifted example: %+v %v", got.Parties, err)
	}
	d2, _ := src.Export(context.Background())
	if err := dst.LoadDataset(d2); !errors.Is(err, service.ErrExamplesLoaded) {
		t.Errorf("second load: %v", err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	s, path := openTemp(t)
	mustSave(t, s.db.Update(func(tx *txT) error { return putVersion(tx.Bucket(schema.Meta), SchemaVersion+1) }))
	s.Close()
	_, err := Open(path, Options{})
	if !errors.Is(err, service.ErrNewerSchema) {
		t.Fatalf("%v", err)
	}
	_ = os.Remove(filepath.Join(path))
}
