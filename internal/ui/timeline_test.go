package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/ui/kit"
)

// The Lini masa shows a bar per agreement in force, grouped; the one ending
// within 90 days is highlighted; a tap on a bar opens its agreement; the widest
// span sums each group up in one line.
func TestTimelineBarsOpenTheirAgreement(t *testing.T) {
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	// 1 May 2030: the MoU with Lampung Selatan ends in 63 days (3 July), the
	// one with Lampung Timur in 136 (14 September); the one-year PKS has ended.
	u := New(a, s, export.Printer{Src: s}, func() time.Time { return time.Date(2030, 5, 1, 8, 0, 0, 0, time.UTC) })
	l := useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.Window().Show()
	tl := u.timeline
	loaded := false
	arranged := 0
	tl.loaded = func(err error) {
		if err != nil {
			t.Fatal(err)
		}
		loaded = true
		arranged++
	}
	// pick chooses an option and waits for the lines it arranges.
	pick := func(sel *widget.Select, option string) {
		t.Helper()
		n := arranged
		choose(t, u.Window(), sel, option)
		l.until("the arrangement", func() bool { return arranged > n })
	}
	u.tabs.SelectIndex(tabTimeline)
	l.until("the timeline", func() bool { return loaded })
	if len(tl.bars) != 2 {
		t.Fatalf("%d bars", len(tl.bars))
	}
	// By partner: a heading per partner, then its bars.
	if len(tl.items) != 4 || tl.items[0].bar != nil || tl.items[0].group != "Pemerintah Kabupaten Lampung Selatan" || tl.items[3].bar == nil {
		t.Fatalf("items %+v", tl.items)
	}
	var rows []*tlRow
	for _, o := range test.LaidOutObjects(tl.list) {
		if r, ok := o.(*tlRow); ok && r.Visible() && r.item != nil {
			rows = append(rows, r)
		}
	}
	if len(rows) != 4 {
		t.Fatalf("%d lines drawn", len(rows))
	}
	bars := map[agreement.ID]*tlRow{}
	for _, r := range rows {
		if r.item.bar != nil {
			bars[r.item.bar.id] = r
		}
	}
	selatan, timur := bars[2], bars[1]
	if selatan == nil || timur == nil {
		t.Fatalf("bars drawn for %v", bars)
	}
	rs, rt := test.WidgetRenderer(selatan).(*tlRowRenderer), test.WidgetRenderer(timur).(*tlRowRenderer)
	if rs.bar.FillColor != tlColor(true) || rt.bar.FillColor != tlColor(false) || !rs.bar.Visible() || !rt.bar.Visible() {
		t.Errorf("ending in 63 days drawn %v, in 136 days %v", rs.bar.FillColor, rt.bar.FillColor)
	}
	// A bar ends at its end day; today's line lies inside it.
	x := rt.bar.Position().X + rt.bar.Size().Width
	if want := tlLabelW + tl.x(agreement.NewDate(2030, 9, 14), timur.Size().Width-tlLabelW); x < want-1 || x > want+1 {
		t.Errorf("bar ends at %.1f, want %.1f", x, want)
	}
	if tx := rt.today.Position1.X; tx <= rt.bar.Position().X || tx >= x {
		t.Errorf("today at %.1f, outside the bar %.1f–%.1f", tx, rt.bar.Position().X, x)
	}
	if xs := rs.bar.Position().X + rs.bar.Size().Width; xs >= x {
		t.Errorf("the bar ending in July ends at %.1f, right of September's %.1f", xs, x)
	}
	// Each bar carries its number and last day, on the bar where it fits.
	for id, r := range map[agreement.ID]*tlRowRenderer{2: rs, 1: rt} {
		a, err := s.Agreement(id)
		if err != nil {
			t.Fatal(err)
		}
		num := a.OwnNumber()
		want := num + " · s.d. " + kit.ShortDate(a.EffectiveEnd())
		cx := r.caption.Position().X
		if !r.caption.Visible() || r.caption.Text != want || cx < tlLabelW || cx+r.caption.MinSize().Width > r.size.Width {
			t.Errorf("agreement %d: caption %q at %.1f (shown %v), want %q", id, r.caption.Text, cx, r.caption.Visible(), want)
		}
	}
	// Under the pointer a bar's line shows its hover background; off it
	// the clear background is not drawn at all.
	timur.MouseIn(&desktop.MouseEvent{})
	if objs := rt.Objects(); !slices.Contains(objs, fyne.CanvasObject(rt.bg)) || rt.bg.FillColor != theme.Color(theme.ColorNameHover) {
		t.Errorf("hovered line: background %v drawn %v", rt.bg.FillColor, slices.Contains(objs, fyne.CanvasObject(rt.bg)))
	}
	timur.MouseOut()
	if objs := rt.Objects(); slices.Contains(objs, fyne.CanvasObject(rt.bg)) || !slices.Contains(objs, fyne.CanvasObject(rt.bar)) {
		t.Error("a line not hovered draws its clear background, or not its bar")
	}

	// By kind, then summed up at the widest span (before an editor opens
	// over the main window).
	pick(tl.group, lang.L("Menurut jenis"))
	if len(tl.items) != 3 || tl.items[0].group != "Kesepakatan Bersama" {
		t.Errorf("by kind %+v", tl.items)
	}
	pick(tl.zoom, tl.zoom.Options[len(tl.zoom.Options)-1])
	if len(tl.items) != 1 || len(tl.items[0].bars) != 2 || tl.items[0].peak != 2 {
		t.Fatalf("summed up %+v", tl.items)
	}
	editors := len(u.editors)
	for _, o := range test.LaidOutObjects(tl.list) {
		if r, ok := o.(*tlRow); ok && r.Visible() && r.item != nil {
			test.Tap(r)
		}
	}
	if len(u.editors) != editors {
		t.Error("tapping a summed-up line opened an agreement")
	}
	// Back to a bar per agreement: a tap opens it.
	pick(tl.zoom, tl.zoom.Options[1])
	pick(tl.group, lang.L("Menurut mitra"))
	test.Tap(timur)
	if u.editors[1] == nil || u.editors[2] != nil {
		t.Error("tapping the bar did not open its agreement alone")
	}
}
