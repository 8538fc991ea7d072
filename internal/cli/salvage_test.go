package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sepakat/internal/i18n"
	"sepakat/internal/store"
)

// TestSalvageOfFileThatDoesNotOpen: a data file truncated or with its first
// page zeroed may not open; salvage reads it page by page and writes a new file
// that passes check, holding the records that survived.
func TestSalvageOfFileThatDoesNotOpen(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if r := run(t, i18n.ID, "--db", db, "gen", "-n", "150"); r.code != 0 {
		t.Fatalf("gen: %+v", r)
	}
	orig, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	count := func(path string) int {
		s, err := store.Open(path, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.Check(context.Background()); err != nil {
			t.Errorf("check of %s: %v", path, err)
		}
		n, err := s.Total()
		if err != nil {
			t.Fatal(err)
		}
		parties, err := s.Parties()
		if err != nil {
			t.Fatal(err)
		}
		return n + len(parties)
	}
	want := count(db)
	used := len(orig)
	for used > 4096 && strings.Trim(string(orig[used-4096:used]), "\x00") == "" {
		used -= 4096 // the file grows ahead of its pages
	}
	for name, damage := range map[string]func([]byte) []byte{
		"zero-first-page": func(b []byte) []byte { clear(b[:4096]); return b },
		"truncate-half":   func(b []byte) []byte { return b[:used/2] },
	} {
		src := filepath.Join(dir, name+".db")
		if err := os.WriteFile(src, damage(append([]byte(nil), orig...)), 0o600); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, name+"-selamat.db")
		r := run(t, i18n.EN, "--db", src, "salvage", out)
		if r.code != 0 && r.code != ExitError || !strings.Contains(r.stdout, "records salvaged into") || strings.Contains(r.stderr, "panic") {
			t.Fatalf("%s: salvage: %+v", name, r)
		}
		got := count(out)
		t.Logf("%s: %d of %d agreements and parties salvaged; %s", name, got, want, r.stdout)
		// Where a truncation cuts depends on the layout: some records survive it.
		if name == "zero-first-page" && got != want || strings.HasPrefix(r.stdout, "0 ") {
			t.Errorf("%s: %d of %d agreements and parties salvaged", name, got, want)
		}
	}
}
