package store

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestZZProfileImport(t *testing.T) {
	src := os.Getenv("EXCHANGE_PROFILE_FILE")
	if src == "" {
		t.Skip()
	}
	s, err := Open(filepath.Join(t.TempDir(), "p.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.ImportFrom(context.Background(), func() (io.ReadCloser, error) { return os.Open(src) })
	t.Log(c, err)
}
