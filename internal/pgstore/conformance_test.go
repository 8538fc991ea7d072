package pgstore

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sepakat/internal/export"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
)

func TestMain(m *testing.M) {
	if order := os.Getenv(seatEnv); order != "" {
		os.Exit(seatMain(order)) // a seat of TestSeatsAtOnce
	}
	pgtest.Main(m)
}

// open is a fresh register in a schema of its own, checked on cleanup.
func open(t *testing.T, now func() time.Time) *Store {
	t.Helper()
	s, err := Open(context.Background(), pgtest.Fresh(t), Options{Now: now, User: "staf-uji", BackupDir: filepath.Join(t.TempDir(), "cadangan"),
		SigningText: export.TextFingerprint})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Check(context.Background()); err != nil {
			t.Errorf("check on close: %v", err)
		}
		s.Close()
	})
	return s
}

func TestConformance(t *testing.T) {
	servicetest.RunConfig(t, servicetest.Config{
		Open: func(t *testing.T, now func() time.Time) service.Service { return open(t, now) },
		OpenBackup: func(t *testing.T, path string) service.Service {
			s := open(t, time.Now)
			_, err := s.ImportFrom(context.Background(), func() (io.ReadCloser, error) { return os.Open(path) })
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
		User: "staf-uji",
	})
}
