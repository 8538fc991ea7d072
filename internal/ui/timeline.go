package ui

import (
	"cmp"
	"context"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/report"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// timelineSource is what the Lini masa reads.
type timelineSource interface {
	ReportFacts(ctx context.Context, since agreement.Date, f func(service.ReportFact) error) ([]service.RecordRef, error)
}

// tlBar is one agreement in force: what its bar shows.
type tlBar struct {
	id         agreement.ID
	kind       agreement.Kind
	partner    string
	subject    string
	number     string         // ours, else the partner's
	start, end agreement.Date // end zero: open-ended
}

// tlItem is one line of the timeline: a group's heading (bar nil), an
// agreement's bar, or, zoomed out, a group summed up (bars non-nil, len > 1).
type tlItem struct {
	group string
	bar   *tlBar
	bars  []*tlBar
	// bands count, for a summed-up group, its agreements in force in each of
	// tlBands columns of the span; peak is the largest.
	bands []int
	peak  int
}

// The zoom levels: how many years the timeline spans. The widest sums each
// group up in one line instead of a bar per agreement.
var tlZooms = []int{3, 6, 12, 30}

const (
	tlGroupPartner = iota
	tlGroupKind
)

// tlLabelW is the width of the label column, left of the bars.
const tlLabelW = 320

// Timeline is the Lini masa: one bar per agreement in force from its start
// to its end, today marked, those ending within 90 days highlighted, grouped
// by partner or kind. Only the lines in view are drawn.
type Timeline struct {
	svc    timelineSource
	now    func() time.Time
	do     func(func())
	onOpen func(agreement.ID)

	group   *widget.Select
	zoom    *widget.Select
	status  *widget.Label
	axis    *tlAxis
	list    *widget.List
	content fyne.CanvasObject
	screen  *tabScreen

	bars      []tlBar
	items     []tlItem
	today     agreement.Date
	from      agreement.Date // the left edge of the bars' area
	days      int            // days the bars' area spans
	reading   kit.Latest
	arranging kit.Latest
	// loaded, when set, is told each arrangement shown, or a failed load (tests).
	loaded func(error)
}

func newTimeline(svc timelineSource, now func() time.Time, onOpen func(agreement.ID)) *Timeline {
	t := &Timeline{svc: svc, now: now, do: fyne.Do, onOpen: onOpen}
	t.build()
	return t
}

func (t *Timeline) build() {
	t.group = kit.NewSelect([]string{lang.L("Menurut mitra"), lang.L("Menurut jenis")}, func(string) { t.arrange() })
	var zooms []string
	for i, y := range tlZooms {
		label := lang.L("{{.Years}} tahun", map[string]any{"Years": y})
		if i == len(tlZooms)-1 {
			label = lang.L("{{.Years}} tahun, diringkas", map[string]any{"Years": y})
		}
		zooms = append(zooms, label)
	}
	t.zoom = kit.NewSelect(zooms, func(string) { t.arrange() })
	t.status = widget.NewLabel(lang.L("Memuat…"))
	t.axis = newTLAxis(t)
	t.list = widget.NewList(
		func() int { return len(t.items) },
		func() fyne.CanvasObject { return newTLRow(t) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*tlRow).set(&t.items[i]) })
	t.list.HideSeparators = true
	legend := container.NewHBox(
		swatch(tlColor(false)), widget.NewLabel(lang.L("berlaku")),
		swatch(tlColor(true)), widget.NewLabel(lang.L("berakhir dalam 90 hari")),
		swatch(theme.Color(theme.ColorNameError)), widget.NewLabel(lang.L("hari ini")))
	bar := container.NewHBox(widget.NewLabel(lang.L("Kelompok")), t.group, widget.NewLabel(lang.L("Rentang")), t.zoom, legend)
	t.content = container.NewBorder(container.NewVBox(bar, t.status, t.axis), nil, nil, nil, t.list)
	t.group.SetSelectedIndex(tlGroupPartner)
	t.zoom.SetSelectedIndex(1)
}

// Content is the screen's root object.
func (t *Timeline) Content() fyne.CanvasObject {
	if t.screen == nil {
		t.screen = newTabScreen(container.NewPadded(t.content))
	}
	return t.screen
}

func swatch(c color.Color) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.SetMinSize(fyne.NewSize(18, 10))
	return container.NewCenter(r)
}

func tlColor(soon bool) color.Color {
	if soon {
		return color.NRGBA{230, 140, 40, 255}
	}
	return color.NRGBA{46, 94, 170, 255}
}

// reload reads the agreements in force today off the UI goroutine.
func (t *Timeline) reload() {
	svc, today := t.svc, agreement.DateOf(t.now())
	kit.ReadLatest(&t.reading, t.do, func(ctx context.Context) ([]tlBar, error) {
		var bars []tlBar
		_, err := svc.ReportFacts(ctx, today, func(f service.ReportFact) error {
			s := &f.Summary
			if !report.InForce(s, today) {
				return nil
			}
			b := tlBar{id: s.ID, kind: s.Kind, partner: s.Partners(), subject: s.Subject, number: cmp.Or(s.OwnNumber, s.PartnerNumber), start: s.Start, end: s.End}
			if b.start.IsZero() {
				b.start = s.Signed
			}
			if !b.end.Valid() {
				b.end = agreement.Date{}
			}
			bars = append(bars, b)
			return nil
		})
		return bars, err
	}, func(bars []tlBar, err error) {
		if err != nil {
			t.status.SetText(kit.Failure(lang.L("Lini masa tidak dapat dimuat:"), err))
			if t.loaded != nil {
				t.loaded(err)
			}
			return
		}
		t.bars, t.today = bars, today
		t.arrange()
	})
}

// tlLayout is an arrangement of the bars: its lines and the span they show.
type tlLayout struct {
	items        []tlItem
	from         agreement.Date
	days         int
	soon, groups int
}

// arrange groups and orders the bars for the chosen grouping and zoom off the
// UI goroutine (40 000 bars take longer than a frame), then shows them.
func (t *Timeline) arrange() {
	if t.list == nil || t.today.IsZero() {
		return
	}
	bars, today := t.bars, t.today
	byKind, zoom := t.group.SelectedIndex() == tlGroupKind, max(0, t.zoom.SelectedIndex())
	kit.ReadLatest(&t.arranging, t.do, func(context.Context) (tlLayout, error) {
		return arrangeBars(bars, today, byKind, zoom), nil
	}, func(l tlLayout, _ error) {
		t.items, t.from, t.days = l.items, l.from, l.days
		t.status.SetText(lang.L("{{.Count}} perjanjian berlaku per {{.Date}}, {{.Soon}} di antaranya berakhir dalam 90 hari; {{.Groups}} kelompok.",
			map[string]any{"Count": thousands(len(bars)), "Date": kit.ShortDate(today), "Soon": thousands(l.soon), "Groups": thousands(l.groups)}))
		t.axis.Refresh()
		t.list.Refresh()
		if t.loaded != nil {
			t.loaded(nil)
		}
	})
}

// arrangeBars lays bars out on the day today: grouped by kind or partner, a
// heading per group and its bars by start, or at the widest zoom one summed-up
// line per group.
func arrangeBars(bars []tlBar, today agreement.Date, byKind bool, zoom int) tlLayout {
	years := tlZooms[min(zoom, len(tlZooms)-1)]
	// A quarter of the span lies behind today, the rest ahead.
	l := tlLayout{from: today.AddDate(-years/4, -(years%4)*3, 0)}
	l.days = l.from.DaysUntil(l.from.AddDate(years, 0, 0))
	groups := map[string][]*tlBar{}
	for i := range bars {
		b := &bars[i]
		key := b.partner
		if byKind {
			key = b.kind.Title()
		}
		if key == "" {
			key = "–"
		}
		groups[key] = append(groups[key], b)
		if endsSoon(b, today) {
			l.soon++
		}
	}
	names := make([]string, 0, len(groups))
	for k := range groups {
		names = append(names, k)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	l.groups = len(names)
	sumUp := zoom == len(tlZooms)-1
	for _, g := range names {
		bs := groups[g]
		if sumUp {
			l.items = append(l.items, summed(g, bs, l.from, l.days))
			continue
		}
		slices.SortFunc(bs, func(a, b *tlBar) int { return cmp.Or(a.start.Compare(b.start), cmp.Compare(a.id, b.id)) })
		l.items = append(l.items, tlItem{group: g})
		for _, b := range bs {
			l.items = append(l.items, tlItem{group: g, bar: b})
		}
	}
	return l
}

// summed sums a group up: how many of its agreements are in force in the
// middle of each column of the span.
func summed(group string, bs []*tlBar, from agreement.Date, days int) tlItem {
	it := tlItem{group: group, bars: bs, bands: make([]int, tlBands), peak: 1}
	for i := range it.bands {
		day := from.AddDate(0, 0, days*i/tlBands+days/(2*tlBands))
		for _, b := range bs {
			if !b.start.After(day) && (b.end.IsZero() || !b.end.Before(day)) {
				it.bands[i]++
			}
		}
		it.peak = max(it.peak, it.bands[i])
	}
	return it
}

func (t *Timeline) endsSoon(b *tlBar) bool { return endsSoon(b, t.today) }

func endsSoon(b *tlBar, today agreement.Date) bool {
	return !b.end.IsZero() && today.DaysUntil(b.end) <= agreement.DefaultSoonDays
}

// x places a day in the bars' area of width w, clamped to it.
func (t *Timeline) x(d agreement.Date, w float32) float32 {
	if t.days <= 0 {
		return 0
	}
	f := float32(t.from.DaysUntil(d)) / float32(t.days)
	return max(0, min(w, f*w))
}

// tlAxis is the year scale above the bars, with today marked.
type tlAxis struct {
	widget.BaseWidget
	t *Timeline
}

func newTLAxis(t *Timeline) *tlAxis {
	a := &tlAxis{t: t}
	a.ExtendBaseWidget(a)
	return a
}

func (a *tlAxis) CreateRenderer() fyne.WidgetRenderer {
	r := &tlAxisRenderer{a: a}
	r.rebuild(fyne.NewSize(0, 0))
	return r
}

type tlAxisRenderer struct {
	a       *tlAxis
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *tlAxisRenderer) rebuild(size fyne.Size) {
	t := r.a.t
	r.objects = r.objects[:0]
	w := size.Width - tlLabelW
	if t.days <= 0 || w <= 0 {
		return
	}
	fg, grid := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNameDisabled)
	end := t.from.AddDate(0, 0, t.days)
	step := 1
	if years := t.days / 365; years > 12 {
		step = 5
	} else if years > 6 {
		step = 2
	}
	for y := t.from.Year + 1; y <= end.Year; y++ {
		if y%step != 0 {
			continue
		}
		x := tlLabelW + t.x(agreement.NewDate(y, time.January, 1), w)
		line := canvas.NewLine(grid)
		line.Position1, line.Position2 = fyne.NewPos(x, size.Height-6), fyne.NewPos(x, size.Height)
		txt := canvas.NewText(strconv.Itoa(y), fg)
		txt.TextSize = theme.CaptionTextSize()
		txt.Move(fyne.NewPos(x+2, 0))
		r.objects = append(r.objects, line, txt)
	}
	tx := tlLabelW + t.x(t.today, w)
	today := canvas.NewLine(theme.Color(theme.ColorNameError))
	today.StrokeWidth = 2
	today.Position1, today.Position2 = fyne.NewPos(tx, 0), fyne.NewPos(tx, size.Height)
	r.objects = append(r.objects, today)
}

func (r *tlAxisRenderer) Layout(s fyne.Size) {
	r.size = s
	r.rebuild(s)
}

func (r *tlAxisRenderer) MinSize() fyne.Size {
	return fyne.NewSize(tlLabelW+100, theme.CaptionTextSize()*1.6+6)
}

func (r *tlAxisRenderer) Refresh() {
	r.rebuild(r.size)
	canvas.Refresh(r.a)
}

func (r *tlAxisRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *tlAxisRenderer) Destroy()                     {}

// tlRow is one line of the timeline, drawn with a fixed set of objects
// whatever it shows; a bar's line opens its agreement when tapped.
type tlRow struct {
	widget.BaseWidget
	t     *Timeline
	item  *tlItem
	hover bool
}

func newTLRow(t *Timeline) *tlRow {
	r := &tlRow{t: t}
	r.ExtendBaseWidget(r)
	return r
}

func (r *tlRow) set(it *tlItem) {
	r.item = it
	r.Refresh()
}

// Tapped opens the agreement of a bar's line.
func (r *tlRow) Tapped(*fyne.PointEvent) {
	if r.item != nil && r.item.bar != nil && r.t.onOpen != nil {
		r.t.onOpen(r.item.bar.id)
	}
}

func (r *tlRow) MouseIn(*desktop.MouseEvent)    { r.hover = true; r.Refresh() }
func (r *tlRow) MouseMoved(*desktop.MouseEvent) {}
func (r *tlRow) MouseOut()                      { r.hover = false; r.Refresh() }

func (r *tlRow) Cursor() desktop.Cursor {
	if r.item != nil && r.item.bar != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// tlBands is how many columns a summed-up group's line is cut into.
const tlBands = 60

func (r *tlRow) CreateRenderer() fyne.WidgetRenderer {
	rr := &tlRowRenderer{r: r, bg: canvas.NewRectangle(color.Transparent), bar: canvas.NewRectangle(tlColor(false)),
		label: canvas.NewText("", theme.Color(theme.ColorNameForeground)), count: canvas.NewText("", theme.Color(theme.ColorNameForeground)),
		today: canvas.NewLine(theme.Color(theme.ColorNameError)), caption: canvas.NewText("", color.White)}
	rr.label.TextSize = theme.CaptionTextSize() + 1
	rr.caption.TextSize = theme.CaptionTextSize()
	rr.count.TextSize = theme.CaptionTextSize()
	rr.today.StrokeWidth = 1
	rr.objects = []fyne.CanvasObject{rr.bg, rr.bar}
	for range tlBands {
		b := canvas.NewRectangle(tlColor(false))
		rr.bands = append(rr.bands, b)
		rr.objects = append(rr.objects, b)
	}
	rr.objects = append(rr.objects, rr.today, rr.label, rr.count, rr.caption)
	return rr
}

type tlRowRenderer struct {
	r       *tlRow
	bg      *canvas.Rectangle
	bar     *canvas.Rectangle
	bands   []*canvas.Rectangle
	label   *canvas.Text
	count   *canvas.Text
	caption *canvas.Text // on or beside a bar: its number and end
	today   *canvas.Line
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (rr *tlRowRenderer) MinSize() fyne.Size {
	return fyne.NewSize(tlLabelW+100, theme.CaptionTextSize()*1.9+4)
}

func (rr *tlRowRenderer) Layout(s fyne.Size) {
	rr.size = s
	rr.draw()
}

func (rr *tlRowRenderer) Refresh() {
	rr.draw()
	canvas.Refresh(rr.r)
}

// fit cuts text to width w at the label's size.
func fit(text string, size, w float32, style fyne.TextStyle) string {
	if fyne.MeasureText(text, size, style).Width <= w {
		return text
	}
	runes := []rune(text)
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(runes[:lo]) + "…"
}

func (rr *tlRowRenderer) draw() {
	r, t, s := rr.r, rr.r.t, rr.size
	it := r.item
	w := s.Width - tlLabelW
	for _, b := range rr.bands {
		b.Hide()
	}
	rr.bar.Hide()
	rr.caption.Hide()
	rr.count.Text = ""
	rr.bg.Resize(s)
	rr.bg.FillColor = color.Transparent
	if r.hover && it != nil && it.bar != nil {
		rr.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	tx := tlLabelW + t.x(t.today, w)
	rr.today.Position1, rr.today.Position2 = fyne.NewPos(tx, 0), fyne.NewPos(tx, s.Height)
	if it == nil || w <= 0 {
		rr.label.Text = ""
		return
	}
	pad := theme.Padding()
	barH := s.Height * 0.55
	y := (s.Height - barH) / 2
	switch {
	case it.bar != nil:
		b := it.bar
		rr.label.TextStyle = fyne.TextStyle{}
		rr.label.Text = fit("  "+string(b.kind)+" · "+b.subject, rr.label.TextSize, tlLabelW-2*pad, rr.label.TextStyle)
		x0, x1 := t.x(b.start, w), w
		if !b.end.IsZero() {
			x1 = t.x(b.end, w)
		}
		rr.bar.FillColor = tlColor(t.endsSoon(b))
		rr.bar.Move(fyne.NewPos(tlLabelW+x0, y))
		rr.bar.Resize(fyne.NewSize(max(2, x1-x0), barH))
		rr.bar.Show()
		rr.placeCaption(barCaption(b), tlLabelW+x0, tlLabelW+x1, s)
	case it.bars != nil:
		// Summed up: each column's shade is how many of the group are in force then.
		rr.label.TextStyle = fyne.TextStyle{Bold: true}
		rr.label.Text = fit(it.group, rr.label.TextSize, tlLabelW-2*pad-40, rr.label.TextStyle)
		rr.count.Text = thousands(len(it.bars))
		bw := w / tlBands
		for i, b := range rr.bands {
			if i >= len(it.bands) || it.bands[i] == 0 {
				continue
			}
			alpha := uint8(60 + 195*it.bands[i]/it.peak)
			b.FillColor = color.NRGBA{46, 94, 170, alpha}
			b.Move(fyne.NewPos(tlLabelW+bw*float32(i), y))
			b.Resize(fyne.NewSize(bw+0.5, barH))
			b.Show()
		}
	default:
		rr.label.TextStyle = fyne.TextStyle{Bold: true}
		rr.label.Text = fit(it.group, rr.label.TextSize, tlLabelW-2*pad, rr.label.TextStyle)
	}
	ls := rr.label.MinSize()
	rr.label.Move(fyne.NewPos(pad, (s.Height-ls.Height)/2))
	cs := rr.count.MinSize()
	rr.count.Move(fyne.NewPos(tlLabelW-pad-cs.Width, (s.Height-cs.Height)/2))
	rr.label.Refresh()
	rr.count.Refresh()
}

// barCaption tells a bar from its neighbours of the same subject: the
// agreement's number and its last day.
func barCaption(b *tlBar) string {
	end := lang.L("tanpa batas waktu")
	if !b.end.IsZero() {
		end = lang.L("s.d. {{.Date}}", map[string]any{"Date": kit.ShortDate(b.end)})
	}
	if b.number == "" {
		return end
	}
	return b.number + " · " + end
}

// placeCaption shows text on the bar from x0 to x1 when it fits there, else
// after the bar's end or before its start, where there is room; else not at
// all.
func (rr *tlRowRenderer) placeCaption(text string, x0, x1 float32, s fyne.Size) {
	c := rr.caption
	pad := theme.Padding()
	c.Text = text
	cs := c.MinSize()
	x1 = min(x1, s.Width)
	y := (s.Height - cs.Height) / 2
	switch {
	case x1-x0 >= cs.Width+2*pad:
		c.Color = color.White
		c.Move(fyne.NewPos(x0+pad, y))
	case s.Width-x1 >= cs.Width+2*pad:
		c.Color = theme.Color(theme.ColorNameForeground)
		c.Move(fyne.NewPos(x1+pad, y))
	case x0-tlLabelW >= cs.Width+2*pad:
		c.Color = theme.Color(theme.ColorNameForeground)
		c.Move(fyne.NewPos(x0-pad-cs.Width, y))
	default:
		return
	}
	c.Show()
	c.Refresh()
}

// Objects leaves out the background while it is clear: the software
// painter fills even a clear rectangle pixel by pixel, a row's width at
// every line in view.
func (rr *tlRowRenderer) Objects() []fyne.CanvasObject {
	if rr.bg.FillColor == color.Transparent {
		return rr.objects[1:]
	}
	return rr.objects
}
func (rr *tlRowRenderer) Destroy() {}
