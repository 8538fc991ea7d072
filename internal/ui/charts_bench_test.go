package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

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
// $SEPAKAT_BENCH_DB (the 100 000 corpus): the reads off the UI goroutine
// (dashboard, signed per year), the work on it (showing the dashboard and
// the charts), and a frame of the whole window drawn by the software painter.
func BenchmarkBerandaCharts(b *testing.B) {
	u, _ := benchApp(b)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.tabs.SelectIndex(tabBeranda)
	took := map[string][]time.Duration{}
	timed := func(name string, f func()) {
		t0 := time.Now()
		f()
		took[name] = append(took[name], time.Since(t0))
	}
	now := fixedNow()
	for b.Loop() {
		var d service.Dashboard
		var years []service.YearCount
		var err error
		timed("dashboard-read", func() { d, err = u.svc.Dashboard(now) })
		if err != nil {
			b.Fatal(err)
		}
		timed("per-year-read", func() { years, err = u.svc.SignedByYear() })
		if err != nil {
			b.Fatal(err)
		}
		timed("ui-show-dashboard", func() { u.beranda.show(d, nil, now) })
		timed("ui-show-charts", func() { u.beranda.showCharts(d, years, nil) })
		timed("chart-layout", func() {
			test.WidgetRenderer(u.beranda.yearChart).Layout(u.beranda.yearChart.Size())
			test.WidgetRenderer(u.beranda.statusChart).Layout(u.beranda.statusChart.Size())
		})
		// The test driver paints in software: a frame with the charts against
		// the same frame without them, in the same run.
		timed("frame", func() { u.Window().Canvas().Capture() })
		u.beranda.charts.Hide()
		timed("frame-without-charts", func() { u.Window().Canvas().Capture() })
		u.beranda.charts.Show()
	}
	benchTimes(b, took)
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
