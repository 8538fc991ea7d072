package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sepakat/internal/export"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

// While the search index is rebuilt in the background (after an upgrade that
// changed the word lists) the register lists as ever, the search box says so
// with the figure, a search typed meanwhile says so too, and runs when the
// rebuild ends.
func TestSearchBoxShowsTheRebuild(t *testing.T) {
	a := test.NewTempApp(t)
	if err := LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{RebuildLater: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	if err := s.BeginRebuild(); err != nil {
		t.Fatal(err)
	}
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	l := useLoop(t, u)
	u.Window().Show()
	u.Refresh()
	r := u.list
	if n, _ := r.size(); n != 3 {
		t.Fatalf("the register during the rebuild shows %d rows, want 3", n)
	}
	st, err := s.SearchIndexState()
	if err != nil || !st.Rebuilding {
		t.Fatalf("state %+v, %v", st, err)
	}
	u.SearchIndexProgress(st)
	if want := "Indeks pencarian sedang dibangun ulang, 0 %"; !strings.HasPrefix(r.search.PlaceHolder, want) {
		t.Errorf("placeholder %q, want it to begin %q", r.search.PlaceHolder, want)
	}
	var shown []string
	r.searched = func() { shown = append(shown, u.status.Text) }
	test.Type(r.search, "lampung")
	l.until("the search's answer", func() bool { return len(shown) > 0 })
	if got := shown[len(shown)-1]; !strings.HasPrefix(got, "Indeks pencarian sedang dibangun ulang, 0 %.") {
		t.Errorf("status while rebuilding: %q", got)
	}
	// The rebuild, as the desktop runs it: progress handed to the UI goroutine.
	done := make(chan error, 1)
	var seen []int
	go func() {
		err := s.FinishRebuild(context.Background(), func(st service.IndexState) {
			u.do(func() {
				seen = append(seen, st.Percent)
				u.SearchIndexProgress(st)
			})
		})
		u.do(func() { u.SearchIndexProgress(service.IndexState{}) })
		done <- err
	}()
	l.until("the search to come back", func() bool {
		n, _ := r.size()
		return r.searching && n > 0
	})
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	l.drain()
	if len(seen) == 0 {
		t.Error("no progress shown")
	}
	if r.search.PlaceHolder != searchPlaceholder() {
		t.Errorf("placeholder after the rebuild: %q", r.search.PlaceHolder)
	}
	if got := shown[len(shown)-1]; !strings.Contains(got, "lampung") {
		t.Errorf("status after the rebuild: %q", got)
	}
}
