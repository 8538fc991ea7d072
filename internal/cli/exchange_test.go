package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store"
)

// goodExchange is an export of servicetest.ExchangeWorld, made by a real store.
func goodExchange(t *testing.T) []byte {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "sumber.db"), store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return servicetest.ExchangeWorld(t, s)
}

// exportOf is export-json of db without its time stamp.
func exportOf(t *testing.T, db string) string {
	t.Helper()
	r := run(t, i18n.EN, "--db", db, "export-json", "-")
	if r.code != 0 {
		t.Fatalf("export-json: %+v", r)
	}
	var out []string
	for _, l := range strings.Split(r.stdout, "\n") {
		if !strings.Contains(l, `"exported_at"`) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestBadImportMatrix: import-json refuses every file of the matrix with exit
// code 1, names the line, record and field in the user's language, never
// blames the data file, and leaves the data file's content as it was.
func TestBadImportMatrix(t *testing.T) {
	good := goodExchange(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "data.db")
	t.Cleanup(func() { checkFile(t, db) })
	// The data file holds the same world under other IDs, so that only the
	// fault of each file refuses it.
	d, err := dataset.Decode(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	d.Shift(dataset.Offsets{Party: 500, Official: 500, Mandate: 500, Agreement: 500})
	d.Numbers, d.Counters = nil, nil
	var own bytes.Buffer
	if _, err := dataset.WriteDataset(&own, d); err != nil {
		t.Fatal(err)
	}
	ownPath := filepath.Join(dir, "sendiri.json")
	os.WriteFile(ownPath, own.Bytes(), 0o600)
	if r := run(t, i18n.ID, "--db", db, "import-json", ownPath); r.code != 0 {
		t.Fatalf("import of the data file's own records: %+v", r)
	}
	before := exportOf(t, db)
	for _, b := range servicetest.BadImports(t, good) {
		path := filepath.Join(dir, strings.ReplaceAll(b.Name, " ", "-")+".json")
		if err := os.WriteFile(path, b.Data, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
			r := run(t, l, "--db", db, "import-json", path)
			if r.code != ExitError {
				t.Errorf("%s, %s: exit %d", b.Name, l, r.code)
			}
			var want []string
			if b.Line > 0 {
				want = append(want, i18n.Text{ID: "baris %d", EN: "line %d"}.In(l, b.Line))
			}
			if b.Record != "" {
				want = append(want, b.Record)
			}
			if b.Field != "" {
				want = append(want, i18n.Text{ID: "isian %s", EN: "field %s"}.In(l, b.Field))
			}
			for _, w := range want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("%s, %s: %q lacks %q", b.Name, l, r.stderr, w)
				}
			}
			for _, blame := range []string{"Berkas data rusak", "data file is damaged", "service:", "dataset:", "json:", "panic"} {
				if strings.Contains(r.stderr, blame) {
					t.Errorf("%s, %s: %q says %q", b.Name, l, r.stderr, blame)
				}
			}
		}
		if after := exportOf(t, db); after != before {
			t.Fatalf("%s: the data file changed", b.Name)
		}
	}
	// No copy is left beside the data file, and the good file still goes in.
	if _, err := os.Stat(db + ".impor"); !os.IsNotExist(err) {
		t.Errorf("a working copy was left: %v", err)
	}
	// A working copy left by a killed import is replaced, never used.
	os.WriteFile(db+".impor", []byte("sisa impor yang terputus"), 0o600)
	goodPath := filepath.Join(dir, "baik.json")
	os.WriteFile(goodPath, good, 0o600)
	if r := run(t, i18n.EN, "--db", db, "import-json", goodPath); r.code != 0 || !strings.Contains(r.stderr, "1 agreements, 2 parties, 4 officials, 2 mandates") {
		t.Fatalf("the good file: %+v", r)
	}
	// The data file's own records are still there beside the imported ones.
	all, err := dataset.Decode(strings.NewReader(exportOf(t, db)))
	if err != nil || len(all.Agreements) != 2 || all.Agreements[0].ID != 1 || all.Agreements[1].ID != 501 || len(all.Parties) != 4 {
		t.Errorf("after the import: %v, %d agreements, %d parties", err, len(all.Agreements), len(all.Parties))
	}
	if r := run(t, i18n.EN, "--db", db, "check"); r.code != 0 {
		t.Errorf("check after the import: %+v", r)
	}
	if _, err := os.Stat(db + ".impor"); !os.IsNotExist(err) {
		t.Errorf("the leftover copy is still there: %v", err)
	}
}
