package ui

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"sepakat/internal/store"
)

// filesIn lists the files the data file holds, read back from it.
func filesIn(t *testing.T, s *store.Store) []string {
	t.Helper()
	d, err := s.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range d.Files {
		out = append(out, f.SHA256)
	}
	return out
}

func shaOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// TestLambangEntersWithTheSaveAndLeavesWhenReplaced: a lambang chosen in the
// directory reaches the data file only when the party is saved, and the one
// it replaces leaves it with that save.
func TestLambangEntersWithTheSaveAndLeavesWhenReplaced(t *testing.T) {
	u, s, l := withExamples(t)
	d := showDirectory(t, u, l)
	first, err := os.ReadFile("../../resources/icons/hicolor/64x64/apps/sepakat.png")
	if err != nil {
		t.Fatal(err)
	}
	second, err := os.ReadFile("../../resources/icons/hicolor/32x32/apps/sepakat.png")
	if err != nil {
		t.Fatal(err)
	}
	before := filesIn(t, s)
	p := d.parties
	test.Tap(p.md.newBtn)
	choose(t, u.win, p.kind, tr("Perguruan tinggi"))
	test.Type(p.name, "Universitas Padjadjaran")
	test.Type(p.seat, "Bandung")
	if !p.importLambang("unpad.png", first) {
		t.Fatalf("lambang: %q", p.md.problems["lambang"].Text)
	}
	if got := filesIn(t, s); slices.Contains(got, shaOf(first)) {
		t.Fatal("a chosen lambang is in the data file before the save")
	}
	saveAndReload(t, d, l, p.md)
	if p.party.ID == 0 || !slices.Contains(filesIn(t, s), shaOf(first)) {
		t.Fatalf("saved party %d; its lambang is not in the data file: %q", p.party.ID, p.md.message.Text)
	}
	if !p.importLambang("unpad-baru.png", second) {
		t.Fatalf("lambang: %q", p.md.problems["lambang"].Text)
	}
	saveAndReload(t, d, l, p.md)
	got := filesIn(t, s)
	if slices.Contains(got, shaOf(first)) || !slices.Contains(got, shaOf(second)) || len(got) != len(before)+1 {
		t.Errorf("after replacing the lambang the data file holds %v (before %v)", got, before)
	}
}
