package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"testing"

	"sepakat/internal/pgstore"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/service"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// TestOpenServerCopy: the newest local copy of the register on the server
// opens as a data file of its own in a temporary folder, which goes when it
// closes; without a copy the answer is fs.ErrNotExist.
func TestOpenServerCopy(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if _, _, err := openServerCopy(ctx, dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("no copy yet: %v", err)
	}
	s, err := pgstore.Open(ctx, pgtest.Fresh(t), pgstore.Options{BackupDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	made, err := s.BackupNow(ctx, service.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	c, info, err := openServerCopy(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if info.Path != made.Path {
		t.Errorf("opened %s, newest is %s", info.Path, made.Path)
	}
	if n, err := c.Total(); n != 3 || err != nil {
		t.Errorf("the copy holds %d agreements (%v)", n, err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(c.tmp); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the temporary folder stays: %v", err)
	}
	if _, err := os.Stat(made.Path); err != nil {
		t.Errorf("the copy itself went: %v", err)
	}
}
