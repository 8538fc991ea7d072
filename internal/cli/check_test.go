package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/store"
)

// A final PDF whose text the document check finds fault with is refused with
// each problem named; --tetap prints it all the same, --konsep never asks.
func TestPDFChecksTheTextOfAFinalCopy(t *testing.T) {
	dir, db := demoFile(t)
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Agreement(3)
	if err != nil {
		t.Fatal(err)
	}
	a.ID, a.Rev, a.Status, a.Signing = 0, 0, agreement.StatusKonsep, nil
	for i := range a.Parties {
		a.Parties[i].Number = ""
	}
	a.Body = append(a.Body, agreement.Node{Kind: agreement.NodePasal, Heading: "PELAPORAN",
		Text: "Laporan disampaikan setiap 3 (empat) bulan."})
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	s.Close()
	id := strconv.FormatUint(uint64(a.ID), 10)
	out := filepath.Join(dir, "final.pdf")
	r := run(t, i18n.ID, "--db", db, "pdf", id, "-o", out)
	if r.code != 1 || !strings.Contains(r.stderr, `3 ditulis dengan huruf "empat"`) || !strings.Contains(r.stderr, "--tetap") {
		t.Fatalf("final copy with a fault: %+v", r)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("a refused PDF was written: %v", err)
	}
	if r := run(t, i18n.EN, "--db", db, "pdf", id, "-o", out); r.code != 1 || !strings.Contains(r.stderr, "document check found") {
		t.Fatalf("in English: %+v", r)
	}
	for _, flag := range []string{"--tetap", "--konsep"} {
		if r := run(t, i18n.ID, "--db", db, "pdf", id, "-o", out, flag); r.code != 0 {
			t.Fatalf("%s: %+v", flag, r)
		}
	}
	// The examples' own final copies pass the check.
	if r := run(t, i18n.ID, "--db", db, "pdf", "2", "-o", filepath.Join(dir, "ksb.pdf")); r.code != 0 {
		t.Fatalf("example: %+v", r)
	}
}
