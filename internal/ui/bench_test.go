package ui

import (
	"os"
	"sort"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"sepakat/internal/export"
	"sepakat/internal/store"
)

// BenchmarkTypingToResults types a query into the register's search box, one
// character at a time as a person does, and measures from the last keystroke to
// the results shown (the debounce included). $SEPAKAT_BENCH_DB names a generated
// data file; without it the examples are used.
func BenchmarkTypingToResults(b *testing.B) {
	a := test.NewTempApp(b)
	path := os.Getenv("SEPAKAT_BENCH_DB")
	if path == "" {
		path = b.TempDir() + "/s.db"
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if total, _ := s.Total(); total == 0 {
		if err := s.LoadExamples(); err != nil {
			b.Fatal(err)
		}
	}
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	ui := make(chan func(), 256)
	u.setDo(func(f func()) { ui <- f })
	r := u.register
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
		for shown == n || !r.searchingNow() {
			(<-ui)()
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}
