package store

import (
	"path/filepath"
	"testing"
	"time"

	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
)

// TestConformance runs the service suite on real data files.
func TestConformance(t *testing.T) {
	if MaxFileSize != service.MaxFileSize {
		t.Fatalf("store.MaxFileSize %d, service.MaxFileSize %d", MaxFileSize, service.MaxFileSize)
	}
	servicetest.RunConfig(t, servicetest.Config{
		Open: func(t *testing.T, now func() time.Time) service.Service {
			return openConformance(t, filepath.Join(t.TempDir(), "sepakat.db"), now)
		},
		OpenBackup: func(t *testing.T, path string) service.Service {
			return openConformance(t, path, time.Now)
		},
	})
}

// openConformance opens a data file, and checks and closes it on cleanup.
func openConformance(t *testing.T, path string, now func() time.Time) *Store {
	t.Helper()
	s, err := Open(path, Options{Now: now, User: "staf1"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Check(); err != nil {
			t.Errorf("check: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
}
