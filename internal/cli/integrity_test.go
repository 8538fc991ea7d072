package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
)

// TestCheckNamesDamagedRecords: one record's stored JSON broken in the file
// itself; check exits 1 with a head line and one line per problem, naming it.
func TestCheckNamesDamagedRecords(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if r := run(t, i18n.ID, "--db", db, "demo"); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(raw, []byte(`{"id":`))
	if at < 0 {
		t.Fatal("no stored record found in the file")
	}
	raw[at] = '['
	if err := os.WriteFile(db, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	r := run(t, i18n.ID, "--db", db, "check")
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if r.code != ExitError || !strings.HasPrefix(lines[0], "Pemeriksaan menemukan") || len(lines) < 2 {
		t.Fatalf("check: %+v", r)
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "- ") || !strings.Contains(l, ": ") {
			t.Errorf("problem line %q", l)
		}
	}
	if !strings.Contains(r.stderr, "tidak dapat dibaca (data rusak)") {
		t.Errorf("the damaged record is not named: %q", r.stderr)
	}
}

// TestEmptyOrForeignFileRefused: a 0-byte file and a PDF under the data file's
// name are refused with words, exit 1, and stay as they were.
func TestEmptyOrForeignFileRefused(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{"kosong.db": "", "surat.db": "%PDF-1.4\n%%EOF\n"} {
		db := filepath.Join(dir, name)
		if err := os.WriteFile(db, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		r := run(t, i18n.ID, "--db", db, "list")
		if r.code != ExitError || !strings.Contains(r.stderr, "bukan berkas data Sepakat") || strings.Contains(r.stderr, "panic") {
			t.Errorf("%s: %+v", name, r)
		}
		if after, _ := os.ReadFile(db); string(after) != content {
			t.Errorf("%s changed", name)
		}
	}
}

// TestSalvageCommand: with one record broken, salvage writes a new file that
// passes check and exits 1 listing what it left behind; without, it exits 0.
func TestSalvageCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if r := run(t, i18n.ID, "--db", db, "demo"); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	clean := filepath.Join(dir, "utuh.db")
	if r := run(t, i18n.ID, "--db", db, "salvage", clean); r.code != 0 || !strings.Contains(r.stdout, "data diselamatkan ke") {
		t.Fatalf("salvage of a sound file: %+v", r)
	}
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(raw, []byte(`{"id":`))
	raw[at] = '['
	if err := os.WriteFile(db, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "selamat.db")
	r := run(t, i18n.EN, "--db", db, "salvage", out)
	if r.code != ExitError || !strings.Contains(r.stdout, "records salvaged into") || !strings.Contains(r.stderr, "could not be read and were not copied:\n- ") {
		t.Fatalf("salvage: %+v", r)
	}
	if r := run(t, i18n.ID, "--db", out, "check"); r.code != 0 {
		t.Errorf("check of the salvaged file: %+v", r)
	}
	// export-json refuses the damaged file; with --salvage it writes the rest.
	js := filepath.Join(dir, "ekspor.json")
	if r := run(t, i18n.ID, "--db", db, "export-json", js); r.code != ExitError {
		t.Errorf("export-json of a damaged file: %+v", r)
	}
	r = run(t, i18n.ID, "--db", db, "export-json", "--salvage", js)
	if r.code != ExitError || !strings.Contains(r.stderr, "data yang rusak dilewati") || !strings.Contains(r.stderr, "tidak disalin:\n- ") {
		t.Fatalf("export-json --salvage: %+v", r)
	}
	// The export holds the readable records (references to a damaged one may
	// dangle, so salvage OUT.db is the way back to a data file).
	f, err := os.Open(js)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := dataset.Decode(f)
	if err != nil || len(d.Agreements) < 2 || len(d.Parties) < 2 {
		t.Errorf("salvaged export: %v", err)
	}
	if r := run(t, i18n.ID, "--db", db, "salvage"); r.code != ExitMisuse {
		t.Errorf("salvage without a file: %+v", r)
	}
}
