package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"sepakat/internal/service"
)

// salvageFileOf damages a copy of the file at path with fn, salvages it with
// SalvageFile, and returns the report, whether the damaged copy still opened,
// and the salvaged file's records; the salvaged file must pass check.
func salvageFileOf(t *testing.T, path string, fn func([]byte) []byte) (service.SalvageReport, bool, map[string]string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	mustSave(t, err)
	dir := t.TempDir()
	src, out := filepath.Join(dir, "rusak.db"), filepath.Join(dir, "selamat.db")
	damagedRaw := fn(raw)
	mustSave(t, os.WriteFile(src, damagedRaw, 0o600))
	opened := false
	if s, err := Open(src, Options{User: "staf1"}); err == nil {
		opened = true
		s.Close()
		mustSave(t, os.WriteFile(src, damagedRaw, 0o600)) // opening may have written
	}
	rep, err := SalvageFile(context.Background(), src, out)
	if err != nil {
		t.Fatalf("salvage: %v", err)
	}
	if after, _ := os.ReadFile(src); string(after) != string(damagedRaw) {
		t.Error("salvage wrote to its source")
	}
	s, err := Open(out, Options{User: "staf1"})
	mustSave(t, err)
	defer s.Close()
	if err := s.Check(context.Background()); err != nil {
		t.Errorf("salvaged file fails check: %v", err)
	}
	d, err := s.Export(context.Background())
	mustSave(t, err)
	return rep, opened, recordsOf(d)
}

func TestSalvageFileFromFilesThatDoNotOpen(t *testing.T) {
	path := generatedFile(t, 300)
	s, err := Open(path, Options{User: "staf1"})
	mustSave(t, err)
	d, err := s.Export(context.Background())
	mustSave(t, err)
	s.Close()
	want := recordsOf(d)
	raw, err := os.ReadFile(path)
	mustSave(t, err)
	f, err := os.Open(path)
	mustSave(t, err)
	pf, err := openPages(f)
	mustSave(t, err)
	f.Close()
	used := int(pf.high * uint64(pf.pageSize)) // the file grows ahead of its pages
	t.Logf("file of %d bytes, %d in pages, %d records", len(raw), used, len(want))

	for _, c := range []struct {
		name string
		fn   func([]byte) []byte
		// all: every record must come back; otherwise at least min of them.
		all bool
		min int
	}{
		{"intact", func(b []byte) []byte { return b }, true, 0},
		{"zero-first-page", func(b []byte) []byte { clear(b[:4096]); return b }, true, 0},
		{"truncate-half", func(b []byte) []byte { return b[:used/2] }, false, len(want) / 4},
		{"truncate-last-page", func(b []byte) []byte { return b[:used-4096] }, false, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep, opened, got := salvageFileOf(t, path, c.fn)
			same := 0
			for k, v := range got {
				if want[k] != v {
					t.Errorf("%s salvaged differently", k)
				} else {
					same++
				}
			}
			t.Logf("opened %v; %d of %d records salvaged; copied %d, %d named damaged", opened, same, len(want), rep.Copied, len(rep.Damaged))
			if c.all && (same != len(want) || len(rep.Damaged) != 0) {
				t.Errorf("salvaged %d of %d, damaged %v", same, len(want), rep.Damaged)
			}
			if !c.all && same < c.min {
				t.Errorf("salvaged %d, damaged %v", same, rep.Damaged)
			}
		})
	}
}

func TestSalvageFileRefusesWhatIsNoDataFile(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{"kosong.db": "", "dokumen.db": "%PDF-1.4\n%%EOF\n"} {
		src := filepath.Join(dir, name)
		mustSave(t, os.WriteFile(src, []byte(content), 0o600))
		out := filepath.Join(dir, "out-"+name)
		if _, err := SalvageFile(context.Background(), src, out); !errors.Is(err, service.ErrNotSepakat) {
			t.Errorf("%s: %v, want ErrNotSepakat", name, err)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: output left behind", name)
		}
		if _, err := os.Stat(out + ".part"); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: part left behind", name)
		}
	}
	// An existing output is never overwritten.
	path := examplesFile(t)
	out := filepath.Join(dir, "ada.db")
	mustSave(t, os.WriteFile(out, []byte("x"), 0o600))
	if _, err := SalvageFile(context.Background(), path, out); !errors.Is(err, os.ErrExist) {
		t.Errorf("existing output: %v", err)
	}
}

// TestOpenRefusesBrokenPageLayout: damage that bbolt trusts (a branch whose
// child is itself, a free list with a bogus count, a leaf whose overflow runs
// past the file) ends in a runtime abort or an endless loop inside bbolt; Open
// checks the pages first and refuses such a file as damaged, promptly, and
// salvage still copies what the rest of the file holds.
func TestOpenRefusesBrokenPageLayout(t *testing.T) {
	path := generatedFile(t, 300)
	raw, err := os.ReadFile(path)
	mustSave(t, err)
	f, err := os.Open(path)
	mustSave(t, err)
	pf, err := openPages(f)
	mustSave(t, err)
	var agreements rawBucket
	var rep service.SalvageReport
	pf.walk(pf.root, nil, func(k, v []byte, bucket bool) error {
		if bucket && string(k) == "agreements" {
			agreements, _ = pf.bucketOf(v)
		}
		return nil
	}, &rep)
	f.Close()
	ne := binary.NativeEndian
	at := func(id uint64) int { return int(id) * int(pf.pageSize) }
	if agreements.root == 0 || ne.Uint16(raw[at(agreements.root)+8:]) != flagBranch || pf.freelist == ^uint64(0) {
		t.Fatalf("no branch page or free list to damage: root %d, free list %d", agreements.root, pf.freelist)
	}
	// The leftmost leaf of the agreements' tree: a page in use, wherever
	// the system's bbolt placed it (a free leaf's damage harms nothing).
	leaf := agreements.root
	for ne.Uint16(raw[at(leaf)+8:]) == flagBranch {
		leaf = ne.Uint64(raw[at(leaf)+pageHeader+8:])
	}
	if ne.Uint16(raw[at(leaf)+8:]) != flagLeaf {
		t.Fatalf("page %d under the agreements' root is no leaf", leaf)
	}
	for name, damage := range map[string]func(b []byte){
		"branch-child-is-itself": func(b []byte) {
			p := at(agreements.root)
			ne.PutUint64(b[p+pageHeader+8:], agreements.root)
		},
		"free-list-count": func(b []byte) {
			p := at(pf.freelist)
			ne.PutUint16(b[p+10:], 0xFFFF)
			ne.PutUint64(b[p+pageHeader:], 1<<60)
		},
		"leaf-overflow": func(b []byte) { ne.PutUint32(b[at(leaf)+12:], 1<<30) },
	} {
		t.Run(name, func(t *testing.T) {
			b := append([]byte(nil), raw...)
			damage(b)
			dir := t.TempDir()
			src := filepath.Join(dir, "rusak.db")
			mustSave(t, os.WriteFile(src, b, 0o600))
			done := make(chan error, 1)
			go func() {
				s, err := Open(src, Options{User: "staf1"})
				if err == nil {
					s.Close()
				}
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, service.ErrCorrupt) {
					t.Fatalf("open: %v, want ErrCorrupt", err)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("open did not return")
			}
			rep, err := SalvageFile(context.Background(), src, filepath.Join(dir, "selamat.db"))
			mustSave(t, err)
			if rep.Copied == 0 {
				t.Errorf("salvage copied nothing: %+v", rep)
			}
		})
	}
}

// A salvage builds the new file's search index once, at the end: merged when
// few agreements came across, built a batch per transaction when many. Either
// way the salvaged file answers searches as the original did.
func TestSalvagedFileSearchesAsTheOriginal(t *testing.T) {
	path := generatedFile(t, 300)
	s := openAt(t, path)
	want := searchAll(t, s)
	mustSave(t, s.Close())
	for _, from := range []int{rebuildFrom, 50} { // 300 merged; 300 rebuilt
		t.Run(fmt.Sprint(from), func(t *testing.T) {
			defer func(n int) { rebuildFrom = n }(rebuildFrom)
			rebuildFrom = from
			out := filepath.Join(t.TempDir(), "selamat.db")
			if _, err := SalvageFile(context.Background(), path, out); err != nil {
				t.Fatal(err)
			}
			got := openAt(t, out)
			if p, _ := got.SearchIndexState(); p.Rebuilding {
				t.Fatal("the salvaged file's index is still being rebuilt")
			}
			for q, ids := range searchAll(t, got) {
				if !slices.Equal(ids, want[q]) {
					t.Errorf("%q: salvaged %v, original %v", q, ids, want[q])
				}
			}
		})
	}
}
