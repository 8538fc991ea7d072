package ui

import (
	"runtime"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"sepakat/internal/report"
	"sepakat/internal/service"
)

// benchTimes reports the median and the worst of each named timing.
func benchTimes(b *testing.B, took map[string][]time.Duration) {
	for name, d := range took {
		slices.Sort(d)
		b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, name+"-p50-ms")
		b.ReportMetric(float64(d[len(d)-1].Microseconds())/1000, name+"-max-ms")
	}
}

// BenchmarkBerandaCharts times the Beranda with its charts on
// $SEPAKAT_BENCH_DB (the 100 000 corpus) in a 1366×768 window, frame by
// frame as the user sees them. Its reads run off the UI goroutine ("read",
// no frame); a "frame" is what the UI goroutine then does at once: the
// handed-back work that builds the Beranda's content (counts, lists, both
// charts) and the test driver's software painter drawing the whole window.
// "frame-tab" is the frame after coming back to the Beranda from another
// tab. Each frame's processor time ("frame-cpu", the process's, with
// nothing else of it running) is its cost apart from waiting for a core
// that other work holds; "frame-thread-cpu" is the UI goroutine's own
// (its thread's, on Linux), apart from the collector's work too. Every round is run again without the charts (no per-year count, the
// charts hidden): the "-no-charts" figures are the baseline of the same run.
func BenchmarkBerandaCharts(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	u, ui := benchApp(b)
	w := u.Window()
	w.Resize(fyne.NewSize(1366, 768))
	u.tabs.SelectIndex(tabBeranda)
	// What the other screens hand back on opening is not the Beranda's.
	for drained := false; !drained; {
		select {
		case f := <-ui:
			f()
		case <-time.After(300 * time.Millisecond):
			drained = true
		}
	}
	// The window's first frame, as the app draws it before the Beranda's
	// data comes: it loads the fonts, once for the process.
	took := map[string][]time.Duration{}
	t0 := time.Now()
	w.Canvas().Capture()
	took["first-window-frame"] = []time.Duration{time.Since(t0)}
	bd := u.beranda
	perYear := bd.perYear
	loaded := false
	bd.loaded = func(_ service.Dashboard, err error) {
		if err != nil {
			b.Fatal(err)
		}
		loaded = true
	}
	timed := func(name string, f func()) {
		t0 := time.Now()
		f()
		took[name] = append(took[name], time.Since(t0))
	}
	for b.Loop() {
		for _, charts := range []bool{true, false} {
			suffix := ""
			if bd.perYear = perYear; !charts {
				suffix, bd.perYear = "-no-charts", nil
				bd.charts.Hide()
			}
			loaded = false
			t0 := time.Now()
			bd.reload()
			for !loaded {
				f := <-ui
				took["read"+suffix] = append(took["read"+suffix], time.Since(t0))
				t1, c1, th1 := time.Now(), cpuTime(), threadTime()
				timed("work"+suffix, f)
				timed("paint"+suffix, func() { w.Canvas().Capture() })
				took["frame"+suffix] = append(took["frame"+suffix], time.Since(t1))
				took["frame-cpu"+suffix] = append(took["frame-cpu"+suffix], cpuTime()-c1)
				took["frame-thread-cpu"+suffix] = append(took["frame-thread-cpu"+suffix], threadTime()-th1)
			}
			if bd.charts.Visible() != charts {
				b.Fatalf("charts shown %v, want %v", bd.charts.Visible(), charts)
			}
			u.tabs.SelectIndex(tabLaporan)
			w.Canvas().Capture()
			th1 := threadTime()
			timed("frame-tab"+suffix, func() {
				u.tabs.SelectIndex(tabBeranda)
				w.Canvas().Capture()
			})
			took["frame-tab-thread-cpu"+suffix] = append(took["frame-tab-thread-cpu"+suffix], threadTime()-th1)
		}
	}
	bd.perYear = perYear
	benchTimes(b, took)
	ratio := func(name string) {
		with, without := took[name], took[name+"-no-charts"]
		b.ReportMetric(float64(with[len(with)-1])/float64(without[len(without)-1]), name+"-max-x-no-charts")
	}
	ratio("frame")
	ratio("frame-cpu")
	ratio("frame-thread-cpu")
	ratio("frame-tab")
}

// BenchmarkTimeline times the Lini masa on $SEPAKAT_BENCH_DB: the read of
// the agreements in force off the UI goroutine, the grouping on it (each
// grouping and span), and a frame after scrolling far down the list.
func BenchmarkTimeline(b *testing.B) {
	u, ui := benchApp(b)
	u.Window().Resize(fyne.NewSize(1366, 768))
	tl := u.timeline
	took := map[string][]time.Duration{}
	timed := func(name string, f func()) {
		t0 := time.Now()
		f()
		took[name] = append(took[name], time.Since(t0))
	}
	loaded := false
	tl.loaded = func(err error) {
		if err != nil {
			b.Fatal(err)
		}
		loaded = true
	}
	u.tabs.SelectIndex(tabTimeline)
	for b.Loop() {
		loaded = false
		t0 := time.Now()
		tl.reload()
		for !loaded {
			f := <-ui
			timed("handed-back", f)
		}
		took["load"] = append(took["load"], time.Since(t0))
		for _, g := range []bool{true, false} {
			for z := range tlZooms {
				var l tlLayout
				timed("arrange-background", func() { l = arrangeBars(tl.bars, tl.today, g, z) })
				timed("arrange-ui", func() {
					tl.items, tl.from, tl.days = l.items, l.from, l.days
					tl.axis.Refresh()
					tl.list.Refresh()
				})
				timed("frame", func() { u.Window().Canvas().Capture() })
			}
		}
		for _, row := range []int{len(tl.items) / 3, len(tl.items) - 1, 0} {
			timed("scroll", func() { tl.list.ScrollTo(row) })
			timed("scroll-frame", func() { u.Window().Canvas().Capture() })
		}
		u.tabs.SelectIndex(tabBeranda)
		timed("frame-other-tab", func() { u.Window().Canvas().Capture() })
		u.tabs.SelectIndex(tabTimeline)
	}
	b.ReportMetric(float64(len(tl.bars)), "in-force")
	b.ReportMetric(float64(len(tl.items)), "lines")
	benchTimes(b, took)
}

// BenchmarkLaporan times a year's report on the Laporan screen over
// $SEPAKAT_BENCH_DB: made off the UI goroutine, then shown on it.
func BenchmarkLaporan(b *testing.B) {
	u, ui := benchApp(b)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.tabs.SelectIndex(tabLaporan)
	lp := u.laporan
	took := map[string][]time.Duration{}
	var made *report.Report
	lp.built = func(r *report.Report, err error) {
		if err != nil {
			b.Fatal(err)
		}
		made = r
	}
	lp.year.SetSelected("2025")
	for b.Loop() {
		made = nil
		t0 := time.Now()
		lp.onMake()
		for made == nil {
			f := <-ui
			t1 := time.Now()
			f()
			took["handed-back"] = append(took["handed-back"], time.Since(t1))
		}
		took["made-and-shown"] = append(took["made-and-shown"], time.Since(t0))
		t1 := time.Now()
		lp.tabs.SelectIndex(len(lp.tabs.Items) - 1) // the agreements in force
		took["in-force-tab"] = append(took["in-force-tab"], time.Since(t1))
		lp.tabs.SelectIndex(0)
	}
	b.ReportMetric(float64(len(made.InForce)), "in-force")
	benchTimes(b, took)
}
