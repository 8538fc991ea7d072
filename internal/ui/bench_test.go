package ui

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/export"
	"sepakat/internal/store"
)

// benchApp opens the main window on $SEPAKAT_BENCH_DB (a generated data file),
// or on the examples, with the work background goroutines hand back queued on ui.
func benchApp(b *testing.B) (*App, chan func()) {
	a := test.NewTempApp(b)
	path := os.Getenv("SEPAKAT_BENCH_DB")
	if path == "" {
		path = b.TempDir() + "/s.db"
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if total, _ := s.Total(); total == 0 {
		if err := s.LoadExamples(); err != nil {
			b.Fatal(err)
		}
	}
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	ui := make(chan func(), 1024)
	u.setDo(func(f func()) { ui <- f })
	return u, ui
}

// BenchmarkTypingToResults types a query into the register's search box, one
// character at a time as a person does, and measures from the last keystroke to
// the results shown (the debounce included).
func BenchmarkTypingToResults(b *testing.B) {
	u, ui := benchApp(b)
	r := u.list
	shown := 0
	r.searched = func() { shown++ }
	queries := []string{"kerjasama pelayanan publik", "lampung selatan", "perizinan", "dinas pend", "kabupaten banjar sampah", "pelyanan sumed"}
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.search.SetText("")
		for drained := false; !drained; {
			select {
			case f := <-ui:
				f()
			case <-time.After(100 * time.Millisecond):
				drained = true
			}
		}
		q := queries[i%len(queries)]
		test.Type(r.search, q)
		start, n := time.Now(), shown
		for shown == n || !r.searching {
			(<-ui)()
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}

// BenchmarkUIGoroutineWork times what runs on the UI goroutine when a person
// works through the screens: opening an agreement's editor, selecting a register
// row (its family tree), exporting its PDF, switching to the registries and the settings, and
// reloading after a save. None should freeze the window for 100 ms.
func BenchmarkUIGoroutineWork(b *testing.B) {
	u, ui := benchApp(b)
	u.Refresh()
	took := map[string][]time.Duration{}
	timed := func(name string, f func()) {
		t0 := time.Now()
		f()
		took[name] = append(took[name], time.Since(t0))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		row := i % 40
		timed("select row", func() { u.list.table.Select(widget.TableCellID{Row: row, Col: 1}) })
		id := u.selected
		timed("open editor", func() { u.onOpen(id) })
		if e := u.editors[id]; e != nil {
			e.Close()
		}
		w, err := storage.Writer(storage.NewFileURI(filepath.Join(b.TempDir(), "x.pdf")))
		if err != nil {
			b.Fatal(err)
		}
		exported := false
		timed("export start", func() { u.exportTo(id, w, false, func(error) { exported = true }) })
		for !exported {
			timed("export done", <-ui)
		}
		timed("registries tab", func() { u.tabs.SelectIndex(tabDirectory) })
		timed("settings tab", func() { u.tabs.SelectIndex(tabSettings) })
		timed("register tab", func() { u.tabs.SelectIndex(tabList) })
		timed("refresh", u.Refresh)
		for len(ui) > 0 {
			timed("handed-back work", <-ui)
		}
	}
	b.StopTimer()
	for name, d := range took {
		slices.Sort(d)
		name = strings.ReplaceAll(name, " ", "-")
		b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, name+"-p50-ms")
		b.ReportMetric(float64(d[len(d)-1].Microseconds())/1000, name+"-max-ms")
	}
}
