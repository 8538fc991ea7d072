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
