package pgstore

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sepakat/internal/dataset"
	"sepakat/internal/relevance"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

// pushSource is a data file holding the examples and n generated agreements.
func pushSource(t *testing.T, n int) *store.Store {
	t.Helper()
	src, err := store.Open(filepath.Join(t.TempDir(), "satu-komputer.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	if err := relevance.BuildCorpusN(context.Background(), src, n); err != nil {
		t.Fatal(err)
	}
	return src
}

// exportOf is a register's export without its time of export.
func exportOf(t *testing.T, s service.Admin) string {
	t.Helper()
	var b bytes.Buffer
	if _, err := s.ExportTo(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	var keep []string
	for _, l := range strings.Split(b.String(), "\n") {
		if !strings.Contains(l, `"exported_at"`) {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// openExport streams src's export, anew on every call.
func openExport(src service.Admin) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) {
		pr, pw := io.Pipe()
		go func() {
			_, err := src.ExportTo(context.Background(), pw)
			pw.CloseWithError(err)
		}()
		return pr, nil
	}
}

// TestPushInBatches: a data file moves onto the server in many
// transactions; the server then exports exactly what the file exports, its
// search finds what the file's finds, and every chain checks.
func TestPushInBatches(t *testing.T) {
	defer func(n int) { pushBatch = n }(pushBatch)
	pushBatch = 150
	src := pushSource(t, 300)
	s := open(t, time.Now)
	batches := 0
	counts, err := s.Push(context.Background(), "satu-komputer.db", openExport(src), func(dataset.Counts) { batches++ })
	if err != nil {
		t.Fatal(err)
	}
	if batches < 10 {
		t.Errorf("%d batches, want the push spread over at least 10", batches)
	}
	if counts.Agreements != 303 {
		t.Errorf("pushed %+v, want 303 agreements", counts)
	}
	if _, unfinished, err := s.UnfinishedPush(context.Background()); err != nil || unfinished {
		t.Errorf("after a push that finished: unfinished %v (%v)", unfinished, err)
	}
	// The tables filled have the planner's statistics.
	var vacuumed bool
	if err := s.pool.QueryRow(context.Background(), `SELECT last_vacuum IS NOT NULL AND last_analyze IS NOT NULL
		FROM pg_stat_user_tables WHERE relname = 'search_postings' AND schemaname = current_schema()`).Scan(&vacuumed); err != nil || !vacuumed {
		t.Errorf("search_postings not vacuumed and analysed after the push (%v)", err)
	}
	if a, b := exportOf(t, src), exportOf(t, s); a != b {
		t.Errorf("the server exports %d bytes, the data file %d: not the same register", len(b), len(a))
	}
	if err := s.Check(context.Background()); err != nil {
		t.Errorf("check: %v", err)
	}
	for _, q := range []string{"lampung selatan", "pelayanan perizinan", "sumedang", "pariwsata"} {
		want, err := src.Search(service.SearchQuery{Text: q, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Search(service.SearchQuery{Text: q, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Hits) == 0 || len(got.Hits) != len(want.Hits) {
			t.Errorf("%q: %d hits on the server, %d in the file", q, len(got.Hits), len(want.Hits))
			continue
		}
		for i := range want.Hits {
			if got.Hits[i].Summary.ID != want.Hits[i].Summary.ID {
				t.Errorf("%q: hit %d is %d on the server, %d in the file", q, i, got.Hits[i].Summary.ID, want.Hits[i].Summary.ID)
			}
		}
	}
	// A second push onto the register refuses.
	if _, err := s.Push(context.Background(), "lagi.db", openExport(src), nil); !errors.Is(err, service.ErrServerNotEmpty) {
		t.Errorf("push onto a register: %v, want ErrServerNotEmpty", err)
	}
}

// TestPushStoppedAndAgain: a push cancelled half way leaves its mark and
// what it committed; the next push clears that and moves the whole file.
func TestPushStoppedAndAgain(t *testing.T) {
	defer func(n int) { pushBatch = n }(pushBatch)
	pushBatch = 200
	src := pushSource(t, 150)
	s := open(t, time.Now)
	ctx, cancel := context.WithCancel(context.Background())
	batches := 0
	_, err := s.Push(ctx, "satu-komputer.db", openExport(src), func(dataset.Counts) {
		if batches++; batches == 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled push: %v", err)
	}
	from, unfinished, err := s.UnfinishedPush(context.Background())
	if err != nil || !unfinished || from != "satu-komputer.db" {
		t.Fatalf("after a cancelled push: unfinished %v from %q (%v)", unfinished, from, err)
	}
	part, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if part.Parties == 0 {
		t.Fatalf("a push cancelled after 3 batches committed nothing: %+v", part)
	}
	// Another push waits for none: the first holds no lock any more.
	counts, err := s.Push(context.Background(), "satu-komputer.db", openExport(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if counts.Agreements != 153 {
		t.Errorf("pushed %+v, want 153 agreements", counts)
	}
	if _, unfinished, _ := s.UnfinishedPush(context.Background()); unfinished {
		t.Error("the mark outlived the push that finished")
	}
	if a, b := exportOf(t, src), exportOf(t, s); a != b {
		t.Errorf("after the push again the server exports %d bytes, the data file %d", len(b), len(a))
	}
	if err := s.Check(context.Background()); err != nil {
		t.Errorf("check: %v", err)
	}
}

// TestPushOneAtATime: while one push fills the server, another refuses.
func TestPushOneAtATime(t *testing.T) {
	s := open(t, time.Now)
	ctx := context.Background()
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	unlock, err := pushLocked(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Push(ctx, "kedua.db", func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("")), nil }, nil)
	if !errors.Is(err, service.ErrPushUnderway) {
		t.Errorf("a second push: %v, want ErrPushUnderway", err)
	}
	unlock()
}
