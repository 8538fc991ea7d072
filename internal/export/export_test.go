package export

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"

	"sepakat/internal/store"
)

func TestExportStopsWhenCancelled(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	p := Printer{Src: s}
	var buf bytes.Buffer
	if err := p.ExportPDF(context.Background(), 2, &buf, false); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("export: %v, %d bytes", err, buf.Len())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	buf.Reset()
	if err := p.ExportPDF(ctx, 2, &buf, false); !errors.Is(err, context.Canceled) || buf.Len() != 0 {
		t.Errorf("cancelled export: %v, %d bytes written", err, buf.Len())
	}
}
