//go:build linux

package kit

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDocumentsLister(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	docs := filepath.Join(home, "Dokumen")
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(home, ".config"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte("XDG_DOCUMENTS_DIR=\"$HOME/Dokumen\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := DocumentsLister()
	if dir == nil || dir.Path() != docs {
		t.Fatalf("save dialogs start in %v, want %s", dir, docs)
	}
	// Without the Documents folder, home.
	if err := os.Remove(docs); err != nil {
		t.Fatal(err)
	}
	if dir := DocumentsLister(); dir == nil || dir.Path() != home {
		t.Errorf("without Documents: %v, want %s", dir, home)
	}
}
