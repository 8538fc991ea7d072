package fts

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/search"
	"sepakat/internal/store/schema"
)

// memDocs are documents kept beside the index, by ID: revision and text.
type memDocs map[uint64]struct {
	rev  uint64
	text [2]string
}

func (d memDocs) Rev(id uint64) (uint64, bool, error) {
	doc, ok := d[id]
	return doc.rev, ok, nil
}

func (d memDocs) Text(id uint64) ([2]string, error) { return d[id].text, nil }

func (d memDocs) From(from uint64, fn func(uint64, func() ([2]string, error)) error) error {
	ids := make([]uint64, 0, len(d))
	for id := range d {
		if id >= from {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		text := d[id].text
		if err := fn(id, func() ([2]string, error) { return text, nil }); err != nil {
			return err
		}
	}
	return nil
}

func (d memDocs) Last() uint64 {
	var last uint64
	for id := range d {
		last = max(last, id)
	}
	return last
}

func openIndex(t *testing.T) *bolt.DB {
	t.Helper()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "fts.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		err := db.View(func(tx *bolt.Tx) error {
			for err := range tx.Check() {
				t.Error(err)
			}
			return nil
		})
		if err != nil {
			t.Error(err)
		}
		db.Close()
	})
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range append([][]byte{schema.Meta}, schema.SearchBuckets...) {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		return Init(tx)
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// find answers text as the index in db sees it: document IDs, best first.
func find(t *testing.T, db *bolt.DB, x *Index, docs Docs, text string) []uint64 {
	t.Helper()
	var out []uint64
	err := db.View(func(tx *bolt.Tx) error {
		src, err := x.Source(tx, docs)
		if err != nil {
			return err
		}
		for _, h := range search.Rank(src, src.Analyzer(), search.ParseQuery(src.Analyzer(), text), 10, nil) {
			out = append(out, h.Doc)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestMarkMergeRebuild(t *testing.T) {
	db := openIndex(t)
	x := New()
	docs := memDocs{}
	put := func(id, rev uint64, high, body string) {
		t.Helper()
		docs[id] = struct {
			rev  uint64
			text [2]string
		}{rev, [2]string{high, body}}
		if err := db.Update(func(tx *bolt.Tx) error { return x.Mark(tx, id) }); err != nil {
			t.Fatal(err)
		}
	}
	merge := func() {
		t.Helper()
		if err := db.Update(func(tx *bolt.Tx) error { return x.Merge(tx, docs) }); err != nil {
			t.Fatal(err)
		}
	}
	pending := func() (n int) {
		db.View(func(tx *bolt.Tx) error { n = Pending(tx); return nil })
		return n
	}
	put(1, 1, "Pelayanan Perizinan Terpadu", "mal pelayanan publik")
	put(5000, 1, "Pengelolaan Sampah", "bank sampah desa") // another chunk
	if x.Loads() != 0 {
		t.Fatal("marking built the analysis")
	}
	// Pending documents are found before any merge.
	if got := find(t, db, x, docs, "perizinan "); !slices.Equal(got, []uint64{1}) || pending() != 2 {
		t.Fatalf("pending: %v, %d pending", got, pending())
	}
	merge()
	if got := find(t, db, x, docs, "sampah "); !slices.Equal(got, []uint64{5000}) || pending() != 0 {
		t.Fatalf("merged: %v, %d pending", got, pending())
	}
	// An edit, pending then merged: the old words no longer find it.
	put(1, 2, "Pelayanan Air Minum", "")
	for _, step := range []string{"pending", "merged"} {
		if got := find(t, db, x, docs, "perizinan "); len(got) != 0 {
			t.Errorf("%s edit: old word finds %v", step, got)
		}
		if got := find(t, db, x, docs, "air minum "); !slices.Equal(got, []uint64{1}) {
			t.Errorf("%s edit: new words find %v", step, got)
		}
		merge()
	}
	// A document gone from the records leaves the index; its terms leave the dictionary.
	delete(docs, 5000)
	if err := db.Update(func(tx *bolt.Tx) error { return x.Mark(tx, 5000) }); err != nil {
		t.Fatal(err)
	}
	if got := find(t, db, x, docs, "sampah "); len(got) != 0 {
		t.Errorf("removed, pending: %v", got)
	}
	merge()
	db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(schema.SearchDict).Get([]byte("sampah")) != nil {
			t.Error("a term no document holds stays in the dictionary")
		}
		if v := getCounter(tx.Bucket(schema.Meta), schema.KeySearchDocs); v != 1 {
			t.Errorf("%d documents counted, want 1", v)
		}
		return nil
	})
	// A rebuild answers alike, and its fingerprint is current.
	if err := db.Update(func(tx *bolt.Tx) error { return x.Rebuild(context.Background(), tx, docs) }); err != nil {
		t.Fatal(err)
	}
	if got := find(t, db, x, docs, "pelayanan air "); !slices.Equal(got, []uint64{1}) {
		t.Errorf("rebuilt: %v", got)
	}
	db.View(func(tx *bolt.Tx) error {
		if ok, err := Current(tx); !ok || err != nil {
			t.Errorf("after a rebuild: current %v, %v", ok, err)
		}
		return nil
	})
	if x.Loads() != 1 {
		t.Errorf("the analysis was built %d times, want once", x.Loads())
	}
}

func TestSynonymsChangeTheFingerprint(t *testing.T) {
	db := openIndex(t)
	x := New()
	docs := memDocs{1: {1, [2]string{"Badan Perencanaan Pembangunan Daerah", ""}}}
	own := "perencana, bappeda kita\n"
	an, err := search.WithUserSynonyms(own)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		if ok, _ := Current(tx); !ok {
			t.Error("a new index is not current")
		}
		if err := tx.Bucket(schema.Meta).Put(schema.KeySearchSynonyms, []byte(own)); err != nil {
			return err
		}
		if ok, _ := Current(tx); ok {
			t.Error("other synonyms, yet current")
		}
		return x.RebuildWith(context.Background(), tx, docs, an)
	})
	if err != nil {
		t.Fatal(err)
	}
	x.Use(an)
	if got := find(t, db, x, docs, "bappeda kita "); !slices.Equal(got, []uint64{1}) {
		t.Errorf("own synonym finds %v", got)
	}
	db.View(func(tx *bolt.Tx) error {
		if ok, _ := Current(tx); !ok || Synonyms(tx) != own {
			t.Error("rebuilt with the synonyms, yet not current")
		}
		return nil
	})
}
