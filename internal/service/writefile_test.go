package service

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestWriteFileRemovesLeftoversOfKilledRuns: a temporary file a killed export
// left in the target folder is removed by the next write there; a younger
// one (a write running now), other files and folders with the prefix stay.
func TestWriteFileRemovesLeftoversOfKilledRuns(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * LeftoverAge)
	put := func(name string, at time.Time) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte("sebagian"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(filepath.Join(dir, name), at, at); err != nil {
			t.Fatal(err)
		}
	}
	put(".sepakat-tmp-123", old)        // a killed run's
	put(".sepakat-tmp-456", time.Now()) // a write going on now
	put("laporan.pdf", old)             // the user's
	put(".sepakat-tmpnot", old)         // not our prefix
	put("sepakat-tmp-789", old)         // not our prefix either
	put(".sepakat-cadangan-1", old)     // another kind of temporary file
	if err := os.Mkdir(filepath.Join(dir, ".sepakat-tmp-dir"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(filepath.Join(dir, ".sepakat-tmp-dir"), old, old); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(context.Background(), filepath.Join(dir, "ekspor.json"), 0o600, func(w io.Writer) error {
		_, err := io.WriteString(w, "{}")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{".sepakat-cadangan-1", ".sepakat-tmp-456", ".sepakat-tmp-dir", ".sepakat-tmpnot", "ekspor.json", "laporan.pdf", "sepakat-tmp-789"}
	if !slices.Equal(names, want) {
		t.Errorf("folder holds %v\nwant           %v", names, want)
	}
}
