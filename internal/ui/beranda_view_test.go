package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// berandaRowsOf lists the Beranda's rows, top to bottom per section.
func berandaRowsOf(b *Beranda) []*rowLink {
	var rows []*rowLink
	for _, box := range []*fyne.Container{b.ending, b.procedure, b.sleeping, b.review, b.recent} {
		for _, o := range box.Objects {
			if r, ok := o.(*rowLink); ok {
				rows = append(rows, r)
			}
		}
	}
	return rows
}

func drawn(r *rowLink) bool { return len(test.WidgetRenderer(r).Objects()) > 0 }

// A full Beranda is taller than the window: the rows below the fold are not
// drawn until a scroll or a taller window brings them into view, and a row
// brought into view is drawn and opens its agreement.
func TestBerandaDrawsTheRowsInView(t *testing.T) {
	test.NewTempApp(t)
	var opened agreement.ID
	b := newBeranda(nil, fixedNow, func(id agreement.ID) { opened = id })
	w := test.NewWindow(b.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(900, 500))
	var d service.Dashboard
	d.Counts = map[agreement.Status]int{agreement.StatusDitandatangani: 40}
	id := agreement.ID(0)
	rows := func(n int) []agreement.Summary {
		var out []agreement.Summary
		for range n {
			id++
			out = append(out, agreement.Summary{ID: id, Kind: agreement.KindPKS, Subject: fmt.Sprintf("Kerja sama nomor %d", id),
				End: agreement.NewDate(2026, 12, 20), Signed: agreement.NewDate(2020, 1, 2)})
		}
		return out
	}
	for i := range d.Ending {
		d.Ending[i] = rows(berandaRows)
		d.EndingCount[i] = berandaRows * (i + 1)
	}
	d.Sleeping, d.SleepingCount = rows(berandaRows), berandaRows
	d.Review, d.Recent = rows(berandaRows), rows(berandaRows)
	b.show(d, nil, fixedNow())
	b.cull()
	b.scroll.Refresh() // as the window's next frame does: the scroll takes the content's new size

	all := berandaRowsOf(b)
	first, last := all[0], all[berandaRows*3-1] // the ending list's first and last
	if len(all) != 6*berandaRows-berandaRows {  // no procedure lists: showOutstanding was not called
		t.Fatalf("%d rows", len(all))
	}
	// A row is as tall as its text's line, without the text being measured.
	if got, want := first.MinSize().Height, first.label.MinSize().Height; got != want {
		t.Errorf("row height %.1f, its label's %.1f", got, want)
	}
	if !drawn(first) || drawn(last) {
		t.Fatalf("before scrolling: first row drawn %v, last of the ending list drawn %v", drawn(first), drawn(last))
	}
	inView := 0
	for _, r := range all {
		if drawn(r) {
			inView++
		}
	}
	if inView == 0 || inView > len(all)/2 {
		t.Errorf("%d of %d rows drawn in a 500 px window", inView, len(all))
	}

	// A row out of view has not fitted (shaped) its text yet.
	if last.label.Size().Width != 0 || first.label.Size() != first.Size() {
		t.Errorf("label sizes: out of view %v, in view %v for a row of %v", last.label.Size(), first.label.Size(), first.Size())
	}

	test.Scroll(w.Canvas(), fyne.NewPos(450, 250), 0, -10000)
	if b.scroll.Offset.Y == 0 {
		t.Fatal("the Beranda did not scroll")
	}
	if drawn(first) || !drawn(last) {
		t.Errorf("scrolled to the end: first row drawn %v, last of the ending list drawn %v", drawn(first), drawn(last))
	}
	if last.label.Size() != last.Size() || !strings.HasSuffix(last.label.Shown(), "…") && last.label.Shown() != last.label.Text() {
		t.Errorf("the row brought into view shows %q in %v", last.label.Shown(), last.label.Size())
	}
	// Under the pointer the row shows its hover background.
	test.MoveMouse(w.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(last).AddXY(5, 5))
	if objs := test.WidgetRenderer(last).Objects(); len(objs) != 2 || !last.hover {
		t.Errorf("hovered row draws %d objects", len(objs))
	}
	test.Tap(last)
	if want := d.Ending[2][berandaRows-1].ID; opened != want {
		t.Errorf("tapping the row brought into view opened %d, want %d", opened, want)
	}

	// A window tall enough for everything draws every row.
	b.scroll.ScrollToTop()
	w.Resize(fyne.NewSize(900, b.scroll.Content.MinSize().Height+50))
	for i, r := range all {
		if !drawn(r) {
			t.Fatalf("in a window taller than the Beranda row %d is not drawn", i)
		}
	}
}

// refreshCount is a label that counts its refreshes.
type refreshCount struct {
	widget.Label
	n int
}

func (r *refreshCount) Refresh() { r.n++; r.Label.Refresh() }

// Switching tabs does not refresh the Beranda's content (fyne refreshes every
// tab's content at every switch); a new theme does, and the screen is shown.
func TestTabScreenPassesOnlyAThemeOn(t *testing.T) {
	a := test.NewTempApp(t)
	c := &refreshCount{}
	c.Text = "Beranda"
	c.ExtendBaseWidget(c)
	screen := newTabScreen(c)
	tabs := container.NewAppTabs(container.NewTabItem("Beranda", screen), container.NewTabItem("Lain", widget.NewLabel("lain")))
	w := test.NewWindow(tabs)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	w.Canvas().Capture()
	c.n = 0
	tabs.SelectIndex(1)
	tabs.SelectIndex(0)
	if c.n != 0 {
		t.Errorf("a tab switch refreshed the screen's content %d times", c.n)
	}
	if !screen.Visible() || !slices.Contains(texts(w.Canvas().Content()), "Beranda") {
		t.Error("the screen is not shown after switching back")
	}
	a.Settings().SetTheme(theme.LightTheme())
	tabs.SelectIndex(1)
	tabs.SelectIndex(0)
	if c.n == 0 {
		t.Error("a new theme did not reach the screen's content")
	}
	n := c.n
	tabs.SelectIndex(1)
	tabs.SelectIndex(0)
	if c.n != n {
		t.Errorf("after the new theme a tab switch still refreshed the content %d times", c.n-n)
	}
}
