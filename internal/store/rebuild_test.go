package store

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

var rebuildQueries = []string{"pelayanan publik", "sampah", "kabupaten bandung 2025", "pendidikan", "jalan desa", "perizinan terpadu", "air minum"}

// searchAll answers every query: agreement IDs, best first.
func searchAll(t *testing.T, s *Store) map[string][]agreement.ID {
	t.Helper()
	out := map[string][]agreement.ID{}
	for _, q := range rebuildQueries {
		res, err := s.Search(service.SearchQuery{Text: q, Limit: 30})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		for _, h := range res.Hits {
			out[q] = append(out[q], h.Summary.ID)
		}
	}
	return out
}

// staleAnalysis makes the file look written by a version with other word
// lists: the next open rebuilds the search index.
func staleAnalysis(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	mustSave(t, err)
	mustSave(t, db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(schema.Meta).Put(schema.KeySearchAnalyzer, []byte("kata-lama"))
	}))
	mustSave(t, db.Close())
}

// A rebuild killed (SIGKILL) in a child process at several points resumes at
// each next open and ends with the results a one-shot rebuild gives.
func TestRebuildResumesAfterKill(t *testing.T) {
	path := generatedFile(t, 700)
	s, err := Open(path, Options{User: "staf1"})
	mustSave(t, err)
	// The reference: the one-shot rebuild the store did before.
	mustSave(t, s.update(func(tx *bolt.Tx) error { return s.fts.Rebuild(context.Background(), tx, s.docs(tx)) }))
	want := searchAll(t, s)
	mustSave(t, s.Close())
	for q, ids := range want {
		if len(ids) == 0 {
			t.Fatalf("reference: nothing for %q", q)
		}
	}
	staleAnalysis(t, path)
	// The desktop's open: at once, the rebuild recorded, search refusing.
	s, err = Open(path, Options{User: "staf1", RebuildLater: true})
	mustSave(t, err)
	st, err := s.SearchIndexState()
	mustSave(t, err)
	_, serr := s.Search(service.SearchQuery{Text: "sampah", Limit: 5})
	var re *service.RebuildingError
	if !st.Rebuilding || !errors.As(serr, &re) {
		t.Fatalf("after a word-list change: state %+v, search %v", st, serr)
	}
	page, err := s.List(service.Query{Limit: 10})
	if err != nil || len(page.Items) != 10 {
		t.Fatalf("the register during the rebuild: %d, %v", len(page.Items), err)
	}
	mustSave(t, s.Close())
	kills, resumedAt := 0, []int{}
	for kill := range 4 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperRebuilder$")
		cmd.Env = append(os.Environ(), "SEPAKAT_REBUILD_DB="+path)
		out, err := cmd.StdoutPipe()
		mustSave(t, err)
		cmd.Stderr = os.Stderr
		mustSave(t, cmd.Start())
		lines := bufio.NewScanner(out)
		seen := 0
		first := -1
		for lines.Scan() {
			p, err := strconv.Atoi(strings.TrimSpace(lines.Text()))
			if err != nil {
				continue
			}
			if first < 0 {
				first = p
			}
			seen++
			if seen == 3+kill*2 {
				cmd.Process.Signal(syscall.SIGKILL)
				break
			}
		}
		cmd.Wait()
		if seen == 3+kill*2 {
			kills++
			resumedAt = append(resumedAt, first)
		}
	}
	if kills < 3 {
		t.Fatalf("only %d children killed mid-rebuild", kills)
	}
	for i := 1; i < len(resumedAt); i++ {
		if resumedAt[i] <= resumedAt[i-1] {
			t.Errorf("child %d began at %d %%, the one before at %d %%: not resumed", i, resumedAt[i], resumedAt[i-1])
		}
	}
	// An ordinary open ends it; results as the one-shot rebuild's.
	s = openAt(t, path)
	st, err = s.SearchIndexState()
	mustSave(t, err)
	if st.Rebuilding {
		t.Fatalf("after the open: %+v", st)
	}
	got := searchAll(t, s)
	for _, q := range rebuildQueries {
		if !slices.Equal(got[q], want[q]) {
			t.Errorf("%q: after resumed rebuilds %v, one-shot %v", q, got[q], want[q])
		}
	}
	mustSave(t, s.view(func(tx *bolt.Tx) error {
		if tx.Bucket(schema.SearchBuild) != nil {
			t.Error("the rebuild's scratch stayed in the file")
		}
		return nil
	}))
	t.Logf("children killed at %d points, each resumed from %v %%", kills, resumedAt)
}

// TestHelperRebuilder runs in a child of TestRebuildResumesAfterKill: it
// opens the data file as the desktop does and finishes the rebuild in small
// batches, printing each progress figure, until killed.
func TestHelperRebuilder(t *testing.T) {
	path := os.Getenv("SEPAKAT_REBUILD_DB")
	if path == "" {
		return // only as a child
	}
	s, err := Open(path, Options{User: "staf1", RebuildLater: true, LockTimeout: 5 * time.Second})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	s.fts.SetBatch(20, 16<<10)
	err = s.FinishRebuild(context.Background(), func(st service.IndexState) {
		fmt.Println(st.Percent)
		time.Sleep(5 * time.Millisecond)
	})
	fmt.Println("ERR", err, "(not killed)")
	os.Exit(4)
}

// Saves during a rebuild in the background are found after it; the file is
// compacted at Close when a quarter of it is free.
func TestRebuildInBackgroundKeepsSaves(t *testing.T) {
	path := generatedFile(t, 500)
	staleAnalysis(t, path)
	s, err := Open(path, Options{User: "staf1", RebuildLater: true})
	mustSave(t, err)
	s.fts.SetBatch(40, 64<<10)
	var saved agreement.Agreement
	steps := 0
	err = s.FinishRebuild(context.Background(), func(st service.IndexState) {
		steps++
		if steps == 3 { // a save, between two batches, of an agreement already analysed
			page, err := s.List(service.Query{Order: service.ByStatus, Status: agreement.StatusKonsep, Limit: 2000})
			mustSave(t, err)
			first := page.Items[0].ID
			for _, it := range page.Items {
				first = min(first, it.ID)
			}
			saved, err = s.Agreement(first)
			mustSave(t, err)
			saved.Subject = "Kerja sama penangkaran rusa tutul"
			mustSave(t, s.SaveAgreement(&saved))
		}
	})
	mustSave(t, err)
	if steps < 5 {
		t.Fatalf("%d steps", steps)
	}
	res, err := s.Search(service.SearchQuery{Text: "penangkaran rusa", Limit: 5})
	mustSave(t, err)
	if len(res.Hits) != 1 || res.Hits[0].Summary.ID != saved.ID {
		t.Errorf("the agreement saved during the rebuild: %+v", res.Hits)
	}
	if !s.compactAtClose.Load() {
		t.Error("no compaction planned after a rebuild in the background")
	}
	before, _ := os.Stat(path)
	mustSave(t, s.Close())
	after, _ := os.Stat(path)
	t.Logf("file %d → %d bytes at Close", before.Size(), after.Size())
	s = openAt(t, path)
	res, err = s.Search(service.SearchQuery{Text: "penangkaran rusa", Limit: 5})
	if err != nil || len(res.Hits) != 1 {
		t.Errorf("after reopening: %v %v", res.Hits, err)
	}
}

// Compaction keeps every record, shrinks a file with free pages, and leaves
// nothing beside it.
func TestCompactKeepsEveryRecord(t *testing.T) {
	path := generatedFile(t, 500)
	s := openAt(t, path)
	// A rebuild leaves the old index's pages free, and so does a large
	// bucket dropped (as a migration's scratch is).
	mustSave(t, s.update(func(tx *bolt.Tx) error { return s.fts.Rebuild(context.Background(), tx, s.docs(tx)) }))
	mustSave(t, s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("sementara"))
		if err != nil {
			return err
		}
		for i := range 20000 {
			if err := b.Put(schema.ID(uint64(i)), bytes.Repeat([]byte{byte(i)}, 1000)); err != nil {
				return err
			}
		}
		return nil
	}))
	mustSave(t, s.update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte("sementara")) }))
	var before bytes.Buffer
	_, err := s.ExportTo(context.Background(), &before)
	mustSave(t, err)
	want := searchAll(t, s)
	_, share, err := s.freeShare()
	mustSave(t, err)
	if share <= compactFrom {
		t.Fatalf("only %.0f %% free after two rebuilds", share*100)
	}
	res, err := s.Compact(context.Background(), false)
	mustSave(t, err)
	if !res.Done || res.After >= res.Before || res.After <= 0 {
		t.Fatalf("compact: %+v", res)
	}
	info, err := os.Stat(path)
	mustSave(t, err)
	if info.Size() != res.After {
		t.Errorf("file %d bytes, compact says %d", info.Size(), res.After)
	}
	if _, err := os.Stat(path + compactSuffix); !os.IsNotExist(err) {
		t.Errorf("the copy stayed beside the file: %v", err)
	}
	var after bytes.Buffer
	_, err = s.ExportTo(context.Background(), &after)
	mustSave(t, err)
	// The same records, byte for byte, but for the export's own time.
	stamp := regexp.MustCompile(`"exported_at": "[^"]*"`)
	if b, a := stamp.ReplaceAll(before.Bytes(), nil), stamp.ReplaceAll(after.Bytes(), nil); !bytes.Equal(b, a) || len(b) < 100000 {
		i := 0
		for i < min(len(a), len(b)) && a[i] == b[i] {
			i++
		}
		t.Errorf("the export differs after compaction at byte %d: %q / %q", i, b[max(0, i-80):min(len(b), i+80)], a[max(0, i-80):min(len(a), i+80)])
	}
	got := searchAll(t, s)
	for _, q := range rebuildQueries {
		if !slices.Equal(got[q], want[q]) {
			t.Errorf("%q: after compaction %v, before %v", q, got[q], want[q])
		}
	}
	// Writes go on in the compacted file; a second compaction finds little free.
	page, err := s.List(service.Query{Order: service.ByStatus, Status: agreement.StatusKonsep, Limit: 1})
	mustSave(t, err)
	a, err := s.Agreement(page.Items[0].ID)
	mustSave(t, err)
	a.Subject = "Perihal setelah pemadatan"
	mustSave(t, s.SaveAgreement(&a))
	res2, err := s.Compact(context.Background(), false)
	mustSave(t, err)
	if res2.Done {
		t.Errorf("a compact file compacted again: %+v", res2)
	}
	// Another program cannot open it meanwhile: the store still holds it.
	if _, err := Open(path, Options{LockTimeout: 50 * time.Millisecond}); !errors.Is(err, service.ErrAlreadyOpen) {
		t.Errorf("open while held after compaction: %v", err)
	}
}

// An import of many agreements builds the search index once, in batches, at
// its end: the imported register answers as the one exported.
func TestImportRebuildsTheIndexOnce(t *testing.T) {
	defer func(n int) { rebuildFrom = n }(rebuildFrom)
	rebuildFrom = 100 // the rebuild, not the merge, at this size
	src := openAt(t, generatedFile(t, 400))
	want := searchAll(t, src)
	var file bytes.Buffer
	_, err := src.ExportTo(context.Background(), &file)
	mustSave(t, err)
	dst, _ := openTemp(t)
	_, err = dst.ImportFrom(context.Background(), func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(file.Bytes())), nil
	})
	mustSave(t, err)
	got := searchAll(t, dst)
	for _, q := range rebuildQueries {
		if !slices.Equal(got[q], want[q]) {
			t.Errorf("%q: imported %v, exported %v", q, got[q], want[q])
		}
	}
	mustSave(t, dst.view(func(tx *bolt.Tx) error {
		if n := tx.Bucket(schema.SearchDelta).Stats().KeyN; n != 0 {
			t.Errorf("%d agreements still marked after the import", n)
		}
		return nil
	}))
}

// The file outgrows what its transactions see (bbolt grows it ahead by its
// allocation size), so the pages released from memory are counted by the
// transaction, never by the file: released past the mapping, the addresses
// may be the heap's (TestCompactKeepsEveryRecord crashed the runtime now and
// then when the export released the file's length).
func TestFileOutgrowsTheMapping(t *testing.T) {
	path := filepath.Join(t.TempDir(), "besar.db")
	s := openAt(t, path)
	mustSave(t, s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("sementara"))
		if err != nil {
			return err
		}
		for i := range 40000 {
			if err := b.Put(schema.ID(uint64(i)), bytes.Repeat([]byte{byte(i)}, 1000)); err != nil {
				return err
			}
		}
		return nil
	}))
	var seen int64
	mustSave(t, s.view(func(tx *bolt.Tx) error { seen = tx.Size(); return nil }))
	info, err := os.Stat(path)
	mustSave(t, err)
	if info.Size() <= seen {
		t.Fatalf("file %d bytes, transactions see %d: the case this guards against did not arise", info.Size(), seen)
	}
	for range 3 {
		var out bytes.Buffer
		if _, err := s.ExportTo(context.Background(), &out); err != nil || out.Len() == 0 {
			t.Fatalf("export: %v", err)
		}
	}
}
