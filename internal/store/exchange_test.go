package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"sepakat/internal/agreement"
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

// TestCounterKeysReadAsDecimal: an office ID of 8 or more, zero-padded in the
// counter's key, comes out of an export as it went in (not read as octal).
func TestCounterKeysReadAsDecimal(t *testing.T) {
	for _, office := range []agreement.ID{1, 8, 9, 16, 209, 1 << 40} {
		c, ok := counterOf([]byte(agreement.CounterKey(office, agreement.KindPKS, 2025)), u64(7))
		if !ok || c.Office != office || c.Kind != agreement.KindPKS || c.Year != 2025 || c.Last != 7 {
			t.Errorf("office %d: %+v %v", office, c, ok)
		}
	}
	for _, bad := range []string{"x/PKS/2025", "16/PKS", "16/PKS/20x5"} {
		if _, ok := counterOf([]byte(bad), u64(7)); ok {
			t.Errorf("%q read", bad)
		}
	}
}

// The copy a killed import left beside the data file goes at the next open;
// one an import under way holds (its lock) stays.
func TestOpenSweepsAKilledImportsCopy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sepakat.db")
	openAt(t, path).Close()
	leftover := path + importSuffix
	mustSave(t, os.WriteFile(leftover, []byte("half an import"), 0o600))
	openAt(t, path).Close()
	if _, err := os.Stat(leftover); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the killed import's copy is still there: %v", err)
	}

	held := openAt(t, leftover) // as an import under way holds its copy
	openAt(t, path).Close()
	if _, err := os.Stat(leftover); err != nil {
		t.Fatalf("the copy of an import under way was removed: %v", err)
	}
	held.Close()
}
