package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/search/fields"
	"sepakat/internal/search/postings"
	"sepakat/internal/store/schema"
)

// forwards reads every agreement's forward entry in the search index as term
// words with their counts, and its field lengths: what a build wrote,
// whatever numbers it gave the terms.
func forwards(t *testing.T, s *Store) map[uint64]string {
	t.Helper()
	out := map[uint64]string{}
	mustSave(t, s.view(func(tx *bolt.Tx) error {
		ids := tx.Bucket(schema.SearchIDs)
		return tx.Bucket(schema.SearchDocs).ForEach(func(k, v []byte) error {
			f, ok := postings.DecodeStored(v)
			if !ok {
				t.Fatalf("agreement %d: forward entry unreadable", binary.BigEndian.Uint64(k))
			}
			words := map[string][2]uint16{}
			for _, tt := range f.Terms {
				words[string(ids.Get(schema.TermKey(tt.ID)))] = tt.TF
			}
			var b bytes.Buffer
			for _, w := range slices.Sorted(maps.Keys(words)) {
				fmt.Fprintf(&b, "%s:%d/%d ", w, words[w][0], words[w][1])
			}
			fmt.Fprintf(&b, "lens %v", f.Lens)
			out[binary.BigEndian.Uint64(k)] = b.String()
			return nil
		})
	}))
	return out
}

// An import takes each agreement's text for the search index as it reads the
// file (import_texts.go) instead of decoding it again from the data file: the
// index it builds is word for word the one a full rebuild makes, and the file
// of texts is gone afterwards. Reindex does the same with the texts of its
// list rebuild.
func TestImportIndexFromItsOwnTextsIsTheRebuiltOne(t *testing.T) {
	defer func(n int) { rebuildFrom = n }(rebuildFrom)
	rebuildFrom = 50 // the rebuild, not the merge, at this size
	src := openAt(t, generatedFile(t, 300))
	var file bytes.Buffer
	_, err := src.ExportTo(context.Background(), &file)
	mustSave(t, err)

	dst, path := openTemp(t)
	_, err = dst.ImportFrom(context.Background(), func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(file.Bytes())), nil
	})
	mustSave(t, err)
	imported := forwards(t, dst)
	if len(imported) != 300 {
		t.Fatalf("%d agreements indexed, want 300", len(imported))
	}
	// Reindex builds from the texts its list rebuild wrote, as the import does.
	used := false
	reindexTexts = func(u bool) { used = u }
	defer func() { reindexTexts = nil }()
	mustSave(t, dst.Reindex(context.Background()))
	if !used {
		t.Error("reindex did not build from its own texts")
	}
	reindexed := forwards(t, dst)
	// The reference: a rebuild that decodes every agreement from the file.
	mustSave(t, dst.BeginRebuild())
	mustSave(t, dst.FinishRebuild(context.Background(), nil))
	rebuilt := forwards(t, dst)
	if len(rebuilt) != 300 {
		t.Fatalf("%d agreements rebuilt, want 300", len(rebuilt))
	}
	for id, want := range rebuilt {
		if imported[id] != want {
			t.Errorf("agreement %d indexed from the import's text as\n%s\nrebuilt as\n%s", id, imported[id], want)
		}
		if reindexed[id] != want {
			t.Errorf("agreement %d indexed by reindex as\n%s\nrebuilt as\n%s", id, reindexed[id], want)
		}
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*"+textsSuffix))
	if len(left) > 0 {
		t.Errorf("the file of texts stayed: %v", left)
	}
}

// A file whose agreements are not in increasing ID order, or whose parties
// come after an agreement, is indexed as a rebuild does: the texts read on
// the way are not used.
func TestImportTextsGiveUpOutOfOrder(t *testing.T) {
	names := fields.NewDirectory()
	dir := t.TempDir()
	for _, tc := range []struct {
		name  string
		items []dataset.Item
	}{
		{"ids down", []dataset.Item{{Value: &agreement.Agreement{ID: 5}}, {Value: &agreement.Agreement{ID: 3}}}},
		{"party late", []dataset.Item{{Value: &agreement.Agreement{ID: 5}}, {Value: &agreement.Party{ID: 2}}}},
	} {
		texts := newImportTexts(filepath.Join(dir, tc.name+textsSuffix), names)
		for _, it := range tc.items {
			texts.add(it)
		}
		if texts.reader() != nil {
			t.Errorf("%s: the texts are used", tc.name)
		}
		texts.close()
		if _, err := os.Stat(texts.path); !os.IsNotExist(err) {
			t.Errorf("%s: the file of texts stayed", tc.name)
		}
	}
	texts := newImportTexts(filepath.Join(dir, "ok"+textsSuffix), names)
	texts.add(dataset.Item{Value: &agreement.Party{ID: 2, Name: "Kabupaten Uji"}})
	texts.add(dataset.Item{Value: &agreement.Agreement{ID: 3, Subject: "Pengelolaan sampah"}})
	texts.add(dataset.Item{Value: &agreement.Agreement{ID: 7, Subject: "Air minum"}})
	r := texts.reader()
	if r == nil {
		t.Fatal("texts in order not used")
	}
	for _, c := range []struct {
		id   uint64
		want string
	}{{1, ""}, {3, "Pengelolaan sampah"}, {3, "Pengelolaan sampah"}, {5, ""}, {7, "Air minum"}, {9, ""}} {
		text, ok, err := r.at(c.id)
		mustSave(t, err)
		if ok != (c.want != "") || !bytes.Contains([]byte(text[0]), []byte(c.want)) {
			t.Errorf("text of %d: %q %v, want %q", c.id, text[0], ok, c.want)
		}
	}
	texts.close()
}
