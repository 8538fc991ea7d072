package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// clock is a settable test clock that moves one second per reading.
type clock struct{ t time.Time }

func (c *clock) now() time.Time {
	c.t = c.t.Add(time.Second)
	return c.t
}

func newClock() *clock {
	return &clock{t: time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC)}
}

// openTemp opens a fresh store in t.TempDir and checks and closes it on cleanup.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sepakat.db")
	s := openAt(t, path)
	return s, path
}

func openAt(t testing.TB, path string) *Store {
	t.Helper()
	return openAtTime(t, path, newClock().now)
}

// openAtTime opens the data file at path on clock now; checked and closed on cleanup.
func openAtTime(t testing.TB, path string, now func() time.Time) *Store {
	t.Helper()
	s, err := Open(path, Options{Now: now, User: "staf1"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if s.closed {
			return
		}
		if err := s.Check(context.Background()); err != nil {
			t.Errorf("bbolt check: %v", err)
		}
		s.Close()
	})
	return s
}

func mustSave(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
