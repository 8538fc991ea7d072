package servicetest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// Countdown is a context whose Err turns to context.Canceled after a number of
// calls: a cancel that lands mid-way, at one of the points where slow work
// checks its context. Done closes when it turns.
type Countdown struct {
	context.Context // Background: no deadline, no values

	mu    sync.Mutex
	left  int // calls still answered nil; below 0: never cancels
	calls int
	done  chan struct{}
}

// CancelAfter returns a context whose first n calls of Err answer nil and
// every later one context.Canceled; CancelAfter(0) is cancelled already.
func CancelAfter(n int) *Countdown {
	c := &Countdown{Context: context.Background(), left: n, done: make(chan struct{})}
	if n == 0 {
		close(c.done)
	}
	return c
}

// Counting returns a context that is never cancelled and counts its Err calls.
func Counting() *Countdown { return CancelAfter(-1) }

// Err counts the call and answers as described at CancelAfter.
func (c *Countdown) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	switch {
	case c.left < 0:
		return nil
	case c.left == 0:
		return context.Canceled
	}
	c.left--
	if c.left == 0 {
		close(c.done)
	}
	return nil
}

// Done closes once Err answers context.Canceled.
func (c *Countdown) Done() <-chan struct{} { return c.done }

// Calls counts the calls of Err so far.
func (c *Countdown) Calls() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.calls
}

// cancelPoints lists where to cancel work that checked its context calls
// times when left alone: at once, after every check when there are few,
// else at the first and last few and evenly between.
func cancelPoints(calls int) []int {
	if calls <= 24 {
		out := make([]int, calls)
		for i := range out {
			out[i] = i
		}
		return out
	}
	out := []int{0, 1, 2, calls - 2, calls - 1}
	for i := 1; i < 12; i++ {
		out = append(out, i*calls/12)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// wantCancelled fails unless err is a cancel, told in the message table's words.
func wantCancelled(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("%s: %v, want context.Canceled", what, err)
	}
	if m := service.Message(err, i18n.ID); m != "Dibatalkan." {
		t.Errorf("%s: message %q, want %q", what, m, "Dibatalkan.")
	}
}

// testCancel: slow administrative work stopped by its context, already
// cancelled or at each point where it checks, changes nothing.
func testCancel(t *testing.T, c Config) {
	t.Run("Import", func(t *testing.T) {
		src := fresh(t, c)
		w := SeedWorld(t, src)
		ids := w.SaveKSBs(t, src, 3, "Kerja Sama Pembangunan Daerah %d")
		a, err := src.Agreement(ids[0])
		must(t, err)
		scan, err := src.PutFile("scan.pdf", "application/pdf", []byte("%PDF-1.4 scan"))
		must(t, err)
		a.Attachments = []agreement.Attachment{{Kind: agreement.AttachScan, File: scan, Added: Start}}
		Sign(t, src, &a, agreement.NewDate(2025, 7, 4))
		_, err = src.ReserveNumber(w.Sumedang.ID, agreement.KindPKS, agreement.NewDate(2025, 7, 4), a.ID)
		must(t, err)
		exported, err := src.Export(context.Background())
		must(t, err)
		var raw bytes.Buffer
		must(t, dataset.Encode(&raw, exported))
		records := len(exported.Parties) + len(exported.Officials) + len(exported.Mandates) + len(exported.Agreements)

		// Each target holds a record of its own; the file joins after it.
		target := func() service.Service {
			s := fresh(t, c)
			p := agreement.Party{Kind: agreement.PartyPemkot, Name: "Pemerintah Kota Bandung", RegionCode: "32.73"}
			must(t, s.SaveParty(&p))
			return s
		}
		load := func(s service.Admin) *dataset.Dataset {
			d, err := dataset.Decode(bytes.NewReader(raw.Bytes()))
			must(t, err)
			off, err := s.Offsets()
			must(t, err)
			d.Shift(off)
			return d
		}

		done := target()
		count := Counting()
		must(t, done.Import(count, load(done)))
		calls := count.Calls()
		if calls <= records {
			t.Fatalf("import of %d records checked its context %d times, want at least once per record", records, calls)
		}

		s := target()
		before, offsets := exportJSON(t, s), mustOffsets(t, s)
		for _, n := range cancelPoints(calls) {
			wantCancelled(t, "import", s.Import(CancelAfter(n), load(s)))
			if exportJSON(t, s) != before || mustOffsets(t, s) != offsets {
				t.Fatalf("import cancelled after %d of %d checks changed the data", n, calls)
			}
		}
		if got := total(t, s); got != 0 {
			t.Fatalf("%d agreements after cancelled imports", got)
		}
		// Nothing was left behind: the same file now imports as into a clean target.
		must(t, s.Import(context.Background(), load(s)))
		if exportJSON(t, s) != exportJSON(t, done) {
			t.Error("import after cancelled ones differs from an import without them")
		}
	})

	t.Run("Reindex", func(t *testing.T) {
		s := withExamples(t, c)
		count := Counting()
		must(t, s.Reindex(count))
		calls := count.Calls()
		if calls < 2 {
			t.Fatalf("reindex checked its context %d times, want a check before the work and during it", calls)
		}
		before := exportJSON(t, s)
		list := func() []agreement.ID {
			page, err := s.List(service.Query{Limit: 10})
			must(t, err)
			return ids(page.Items)
		}
		listed, found := list(), searchIDs(t, s, "Lampung", agreement.Filter{})
		if len(listed) != 3 || len(found) == 0 {
			t.Fatalf("examples listed %v, found %v", listed, found)
		}
		for _, n := range cancelPoints(calls) {
			wantCancelled(t, "reindex", s.Reindex(CancelAfter(n)))
			if exportJSON(t, s) != before {
				t.Fatalf("reindex cancelled after %d of %d checks changed the data", n, calls)
			}
			if got := list(); !slices.Equal(got, listed) {
				t.Fatalf("reindex cancelled after %d of %d checks: list %v, was %v", n, calls, got, listed)
			}
			// A search index left under way says so, and is finished on demand.
			if _, err := s.Search(service.SearchQuery{Text: "Lampung", Limit: 5}); err != nil {
				if !errors.Is(err, service.ErrRebuilding) {
					t.Fatalf("reindex cancelled after %d of %d checks: search %v", n, calls, err)
				}
				must(t, s.FinishRebuild(context.Background(), nil))
			}
			if got := searchIDs(t, s, "Lampung", agreement.Filter{}); !slices.Equal(got, found) {
				t.Fatalf("reindex cancelled after %d of %d checks: search %v, was %v", n, calls, got, found)
			}
		}
	})

	t.Run("SetSynonyms", func(t *testing.T) {
		// The office's list in use finds example 1 by "RB"; a cancelled
		// change to another list must keep it so, on disk and in the analysis.
		const old, list = "RB, Reformasi Birokrasi", "STT, Sekolah Tinggi Teknologi"
		done := withExamples(t, c)
		count := Counting()
		must(t, done.SetSynonyms(count, list))
		calls := count.Calls()
		if calls < 2 {
			t.Fatalf("synonyms checked the context %d times, want a check before the rebuild and during it", calls)
		}

		s := withExamples(t, c)
		must(t, s.SetSynonyms(context.Background(), old))
		before, found := exportJSON(t, s), searchIDs(t, s, "RB ", agreement.Filter{})
		if len(found) == 0 {
			t.Fatal("RB not found with its synonym")
		}
		for _, n := range cancelPoints(calls) {
			wantCancelled(t, "synonyms", s.SetSynonyms(CancelAfter(n), list))
			if _, own, err := s.Synonyms(); err != nil || own != old {
				t.Fatalf("synonyms cancelled after %d of %d checks: own list %q, %v", n, calls, own, err)
			}
			if got := searchIDs(t, s, "RB ", agreement.Filter{}); !slices.Equal(got, found) {
				t.Fatalf("synonyms cancelled after %d of %d checks: RB finds %v, found %v", n, calls, got, found)
			}
			if exportJSON(t, s) != before {
				t.Fatalf("synonyms cancelled after %d of %d checks changed the data", n, calls)
			}
		}
	})

	t.Run("ExportAndCheck", func(t *testing.T) {
		s := withExamples(t, c)
		count := Counting()
		_, err := s.Export(count)
		must(t, err)
		if count.Calls() < 2 {
			t.Fatalf("export checked its context %d times", count.Calls())
		}
		for _, n := range cancelPoints(count.Calls()) {
			d, err := s.Export(CancelAfter(n))
			wantCancelled(t, "export", err)
			if d != nil {
				t.Fatalf("export cancelled after %d checks returned a dataset", n)
			}
		}
		count = Counting()
		must(t, s.Check(count))
		if count.Calls() < 2 {
			t.Fatalf("check checked its context %d times", count.Calls())
		}
		for _, n := range cancelPoints(count.Calls()) {
			wantCancelled(t, "check", s.Check(CancelAfter(n)))
		}
	})

	t.Run("Backup", func(t *testing.T) {
		s := withExamples(t, c)
		count := Counting()
		must(t, s.Backup(count, filepath.Join(t.TempDir(), "lengkap.db")))
		calls := count.Calls()
		if calls < 2 {
			t.Fatalf("backup checked its context %d times", calls)
		}
		dir := t.TempDir()
		path := filepath.Join(dir, "cadangan.db")
		for _, n := range cancelPoints(calls) {
			wantCancelled(t, "backup", s.Backup(CancelAfter(n), path))
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Fatalf("backup cancelled after %d of %d checks left %s", n, calls, left[0].Name())
			}
		}
		// A cancelled backup keeps the copy made before.
		must(t, os.WriteFile(path, []byte("cadangan kemarin"), 0o600))
		wantCancelled(t, "backup", s.Backup(CancelAfter(calls-1), path))
		if got, err := os.ReadFile(path); err != nil || string(got) != "cadangan kemarin" {
			t.Errorf("the earlier copy after a cancelled backup: %q %v", got, err)
		}
		if left, _ := os.ReadDir(dir); len(left) != 1 {
			t.Errorf("%d files beside the earlier copy", len(left)-1)
		}
	})
}

func mustOffsets(t *testing.T, s service.Admin) dataset.Offsets {
	t.Helper()
	o, err := s.Offsets()
	must(t, err)
	return o
}
