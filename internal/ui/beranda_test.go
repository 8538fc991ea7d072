package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/service"
)

func TestBerandaShowsWhatEndsAndOpensIt(t *testing.T) {
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	// Two weeks before the MoU with Lampung Timur ends (14 September 2030).
	u := New(a, s, export.Printer{Src: s}, func() time.Time { return time.Date(2030, 9, 1, 8, 0, 0, 0, time.UTC) })
	l := useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.Window().Show()
	var shown *service.Dashboard
	u.beranda.loaded = func(d service.Dashboard, err error) {
		if err != nil {
			t.Fatal(err)
		}
		shown = &d
	}
	first, _ := s.Agreement(1)
	want := fyne.NewNotification(
		lang.L("{{.Count}} perjanjian berakhir dalam 30 hari", map[string]any{"Count": 1}),
		lang.L("{{.Subject}} ({{.Partner}}) berakhir {{.Date}}.", map[string]any{"Subject": first.Subject, "Partner": "Pemerintah Kabupaten Lampung Timur", "Date": "14 September 2030"}))
	test.AssertNotificationSent(t, want, func() {
		u.Start()
		l.until("the Beranda", func() bool { return shown != nil })
	})
	if shown.Counts[agreement.StatusDitandatangani] != 3 || shown.EndingCount != [3]int{1, 1, 1} {
		t.Errorf("dashboard %+v", shown)
	}
	var rows []*rowLink
	for _, o := range test.LaidOutObjects(u.beranda.ending) {
		if r, ok := o.(*rowLink); ok {
			rows = append(rows, r)
		}
	}
	if len(rows) != 1 || !strings.Contains(rows[0].label.Text(), "Percepatan Reformasi Birokrasi") || !strings.Contains(rows[0].label.Text(), "13") {
		t.Fatalf("ending rows: %d", len(rows))
	}
	test.Tap(rows[0])
	if u.editors[1] == nil {
		t.Error("tapping the row did not open the agreement")
	}
	// The last tab is remembered.
	u.tabs.SelectIndex(tabList)
	if got := a.Preferences().Int(prefLastTab); got != tabList {
		t.Errorf("last tab %d", got)
	}
	u2 := New(a, s, export.Printer{Src: s}, fixedNow)
	if u2.tabs.SelectedIndex() != tabList {
		t.Error("last tab not restored")
	}
}

func TestBerandaSaysARecordIsDamaged(t *testing.T) {
	u, l, bad := withDamage(t)
	u.tabs.SelectIndex(tabBeranda)
	var loadErr error
	u.beranda.loaded = func(_ service.Dashboard, err error) { loadErr = err }
	u.Start()
	l.until("the Beranda", func() bool { return loadErr != nil })
	want := lang.L("Beranda tidak dapat dimuat: {{.Error}}", map[string]any{"Error": "Berkas data rusak. Pulihkan dari cadangan.\nRincian: agreement 2"})
	shown := texts(u.win.Canvas().Content())
	if !slices.Contains(shown, want) {
		t.Errorf("the Beranda shows %q, want %q", shown, want)
	}
	if u.beranda.message.Importance != widget.DangerImportance {
		t.Error("the problem is not marked")
	}
	noGoError(t, shown, bad)
}

func TestBerandaDropsAnOlderLoad(t *testing.T) {
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	l := useLoop(t, u)
	loads := 0
	u.beranda.loaded = func(service.Dashboard, error) { loads++ }
	u.beranda.reload()
	u.beranda.reload() // cancels the first
	l.until("the Beranda", func() bool { return loads > 0 })
	// Whatever the first load handed back is dropped: only one dashboard shows.
	l.drain()
	if loads != 1 {
		t.Errorf("%d dashboards shown for two loads, the first cancelled", loads)
	}
}

// A tap on a bar of the Beranda's charts, or on a kind's part of it, opens
// the register on the agreements it counts.
func TestBerandaChartBarsOpenTheRegister(t *testing.T) {
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	l := useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.Window().Show()
	loaded := false
	u.beranda.loaded = func(d service.Dashboard, err error) { loaded = err == nil }
	u.Start()
	l.until("the Beranda's charts", func() bool {
		c := u.beranda.yearChart
		if loaded {
			u.beranda.scroll.Refresh() // as the window's next frame does
		}
		return loaded && c.r != nil && len(c.data.Categories) > 0 && c.r.size.Width > 100
	})
	// centre is the middle of the part of series ser in category cat.
	centre := func(c *barChart, cat, ser int) fyne.Position {
		t.Helper()
		for k, b := range c.r.bars {
			if c.r.segs[k] == [2]int{ser, cat} {
				return b.Position().Add(fyne.NewPos(b.Size().Width/2, b.Size().Height/2))
			}
		}
		t.Fatalf("no part %d of bar %d", ser, cat)
		return fyne.Position{}
	}
	shows := func(what string, want ...agreement.ID) {
		t.Helper()
		l.until(what, func() bool { return slices.Equal(slices.Sorted(slices.Values(u.list.ids)), want) })
		if u.tabs.SelectedIndex() != tabList {
			t.Errorf("%s: tab %d", what, u.tabs.SelectedIndex())
		}
	}
	// The PKS of 2025: the example PKS alone.
	yc := u.beranda.yearChart
	year := slices.Index(yc.data.Categories, "2025")
	pks := slices.Index(agreement.Kinds, agreement.KindPKS)
	test.TapAt(yc, centre(yc, year, pks))
	shows("the signed PKS of 2025", 3)
	l.until("the year chosen", func() bool { return u.list.yearSel.Selected == "2025" })
	if u.list.statusSel.Selected != signedAllLabel() || !strings.HasPrefix(u.list.kindSel.Selected, "PKS") {
		t.Errorf("filters %q %q", u.list.statusSel.Selected, u.list.kindSel.Selected)
	}
	// The status chart's Ditandatangani row: the three signed ones.
	u.tabs.SelectIndex(tabBeranda)
	sc := u.beranda.statusChart
	row := slices.Index(agreement.Statuses, agreement.StatusDitandatangani)
	test.TapAt(sc, centre(sc, row, row))
	shows("the signed agreements", 1, 2, 3)
	if u.list.kindSel.SelectedIndex() != 0 || u.list.yearSel.SelectedIndex() != 0 {
		t.Errorf("filters left: %q %q", u.list.kindSel.Selected, u.list.yearSel.Selected)
	}
	// Beside every bar nothing happens.
	u.tabs.SelectIndex(tabBeranda)
	test.TapAt(sc, fyne.NewPos(sc.Size().Width-2, sc.Size().Height-2))
	if u.tabs.SelectedIndex() != tabBeranda {
		t.Error("a tap off the bars opened the register")
	}
}
