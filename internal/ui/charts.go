package ui

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/report"
	"sepakat/internal/service"
)

// chartSeries is one coloured part of every bar.
type chartSeries struct {
	Name   string
	Color  color.Color
	Values []int
}

// chartData is a bar chart: per category one bar, its series stacked.
type chartData struct {
	Categories []string
	Series     []chartSeries
	// Horizontal draws a bar per row with its label at the left.
	Horizontal bool
}

func (d *chartData) total(i int) int {
	t := 0
	for _, s := range d.Series {
		if i < len(s.Values) {
			t += s.Values[i]
		}
	}
	return t
}

func rgb(c [3]uint8) color.Color { return color.NRGBA{c[0], c[1], c[2], 255} }

// perYearChart is the signed agreements per year, by kind, for the last
// years years that hold any (all when years is 0).
func perYearChart(counts []service.YearCount, years int) chartData {
	var d chartData
	idx := map[int]int{}
	for _, yc := range counts {
		if _, ok := idx[yc.Year]; !ok {
			idx[yc.Year] = len(d.Categories)
			d.Categories = append(d.Categories, strconv.Itoa(yc.Year))
		}
	}
	for _, k := range agreement.Kinds {
		s := chartSeries{Name: string(k), Color: rgb(report.KindColor[k]), Values: make([]int, len(d.Categories))}
		for _, yc := range counts {
			if yc.Kind == k {
				s.Values[idx[yc.Year]] += yc.Count
			}
		}
		d.Series = append(d.Series, s)
	}
	if years > 0 && len(d.Categories) > years {
		cut := len(d.Categories) - years
		d.Categories = d.Categories[cut:]
		for i := range d.Series {
			d.Series[i].Values = d.Series[i].Values[cut:]
		}
	}
	return d
}

// reportYearChart is a report's signed-in-period counts per year, by kind:
// the years the period covers, a partial one labelled as such.
func reportYearChart(r *report.Report, l i18n.Lang) chartData {
	d := perYearChart(r.PerYear, 0)
	years, _ := r.Years()
	for i, y := range years {
		d.Categories[i] = r.YearLabel(y, l)
	}
	return d
}

// statusChart is one horizontal bar per stored status.
func statusChart(counts map[agreement.Status]int, label func(agreement.Status) string) chartData {
	d := chartData{Horizontal: true}
	for i, st := range agreement.Statuses {
		d.Categories = append(d.Categories, label(st))
		s := chartSeries{Name: label(st), Color: rgb(report.StatusColor[st]), Values: make([]int, len(agreement.Statuses))}
		s.Values[i] = counts[st]
		d.Series = append(d.Series, s)
	}
	return d
}

// barChart draws chartData with canvas rectangles and text: a handful of
// objects per bar, whatever the counts behind them.
type barChart struct {
	widget.BaseWidget
	data   chartData
	height float32
	// OnTapped, when set, is called with the category of the bar tapped and
	// the series of its part (-1 beside the parts, within the bar's slot).
	OnTapped func(category, series int)
	r        *barChartRenderer
}

// Tapped finds the bar under the pointer.
func (c *barChart) Tapped(e *fyne.PointEvent) {
	if c.OnTapped == nil || c.r == nil {
		return
	}
	if cat, ser, ok := c.r.hit(e.Position); ok {
		c.OnTapped(cat, ser)
	}
}

// Cursor is a pointer over a chart whose bars open something.
func (c *barChart) Cursor() desktop.Cursor {
	if c.OnTapped != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

func newBarChart(d chartData, height float32) *barChart {
	c := &barChart{data: d, height: height}
	c.ExtendBaseWidget(c)
	return c
}

// Set shows new data.
func (c *barChart) Set(d chartData) {
	c.data = d
	c.Refresh()
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barChartRenderer{c: c}
	c.r = r
	r.rebuild()
	return r
}

type barChartRenderer struct {
	c       *barChart
	objects []fyne.CanvasObject
	// per bar segment: series s, category i
	bars   []*canvas.Rectangle
	segs   [][2]int
	labels []*canvas.Text // category labels
	values []*canvas.Text // totals
	legend []fyne.CanvasObject
	axis   *canvas.Line
	// grid and ticks are the count axis of a vertical chart: whole counts
	// (report.AxisTicks), a line and its figure each.
	grid  []*canvas.Line
	ticks []*canvas.Text
	size  fyne.Size
	// plotTop is where a vertical chart's plot starts, below its legend.
	plotTop float32
}

func (r *barChartRenderer) rebuild() {
	d := &r.c.data
	r.objects, r.bars, r.segs, r.labels, r.values, r.legend, r.grid, r.ticks = nil, nil, nil, nil, nil, nil, nil, nil
	fg := theme.Color(theme.ColorNameForeground)
	small := theme.CaptionTextSize()
	for i, cat := range d.Categories {
		for s, ser := range d.Series {
			if i < len(ser.Values) && ser.Values[i] > 0 {
				rect := canvas.NewRectangle(ser.Color)
				r.bars = append(r.bars, rect)
				r.segs = append(r.segs, [2]int{s, i})
			}
		}
		l := canvas.NewText(cat, fg)
		l.TextSize = small
		r.labels = append(r.labels, l)
		v := canvas.NewText(thousands(d.total(i)), fg)
		v.TextSize = small
		r.values = append(r.values, v)
	}
	if !d.Horizontal && len(d.Series) > 1 {
		for _, ser := range d.Series {
			sw := canvas.NewRectangle(ser.Color)
			sw.SetMinSize(fyne.NewSize(small, small))
			t := canvas.NewText(ser.Name, fg)
			t.TextSize = small
			r.legend = append(r.legend, sw, t)
		}
	}
	r.axis = canvas.NewLine(theme.Color(theme.ColorNameDisabled))
	r.axis.StrokeWidth = 1
	if !d.Horizontal && len(d.Categories) > 0 {
		step, top := report.AxisTicks(r.most())
		for v := 0; v <= top; v += step {
			g := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
			g.StrokeWidth = 1
			t := canvas.NewText(thousands(v), theme.Color(theme.ColorNamePlaceHolder))
			t.TextSize = small
			r.grid, r.ticks = append(r.grid, g), append(r.ticks, t)
			r.objects = append(r.objects, g, t)
		}
	}
	for _, b := range r.bars {
		r.objects = append(r.objects, b)
	}
	for i := range r.labels {
		r.objects = append(r.objects, r.labels[i], r.values[i])
	}
	r.objects = append(r.objects, r.legend...)
	r.objects = append(r.objects, r.axis)
}

// most is the highest bar's count.
func (r *barChartRenderer) most() int {
	d := &r.c.data
	m := 0
	for i := range d.Categories {
		m = max(m, d.total(i))
	}
	return m
}

// top is the count the plot's full length stands for: the top of the
// count axis (a whole number of ticks).
func (r *barChartRenderer) top() float64 {
	_, top := report.AxisTicks(r.most())
	return float64(top)
}

func (r *barChartRenderer) Layout(size fyne.Size) {
	r.size = size
	d := &r.c.data
	if len(d.Categories) == 0 {
		return
	}
	top := r.top()
	small := theme.CaptionTextSize()
	lineH := small * 1.4
	if d.Horizontal {
		labelW := float32(0)
		for _, l := range r.labels {
			labelW = max(labelW, l.MinSize().Width)
		}
		labelW += theme.Padding()
		valueW := fyne.MeasureText("100.000", small, fyne.TextStyle{}).Width + theme.Padding()
		plotW := max(10, size.Width-labelW-valueW)
		rowH := size.Height / float32(len(d.Categories))
		x0 := make([]float32, len(d.Categories))
		for k, b := range r.bars {
			s, i := r.segs[k][0], r.segs[k][1]
			w := float32(float64(d.Series[s].Values[i]) / top * float64(plotW))
			b.Move(fyne.NewPos(labelW+x0[i], float32(i)*rowH+rowH*0.15))
			b.Resize(fyne.NewSize(max(w, 1), rowH*0.7))
			x0[i] += w
		}
		for i, l := range r.labels {
			ms := l.MinSize()
			l.Move(fyne.NewPos(labelW-theme.Padding()-ms.Width, float32(i)*rowH+(rowH-ms.Height)/2))
			r.values[i].Move(fyne.NewPos(labelW+x0[i]+theme.Padding()/2, float32(i)*rowH+(rowH-ms.Height)/2))
		}
		r.axis.Position1 = fyne.NewPos(labelW, 0)
		r.axis.Position2 = fyne.NewPos(labelW, size.Height)
		return
	}
	legendH := float32(0)
	if len(r.legend) > 0 {
		legendH = lineH + theme.Padding()
		x := float32(0)
		for j := 0; j < len(r.legend); j += 2 {
			sw, t := r.legend[j], r.legend[j+1]
			sw.Resize(fyne.NewSize(small, small))
			sw.Move(fyne.NewPos(x, (lineH-small)/2))
			t.Move(fyne.NewPos(x+small+theme.Padding()/2, 0))
			x += small + theme.Padding() + t.MinSize().Width + theme.Padding()*2
		}
	}
	plotTop := legendH + lineH // room for the totals above the highest bar
	r.plotTop = legendH
	base := size.Height - lineH
	plotH := max(10, base-plotTop)
	gutter := float32(0)
	for _, t := range r.ticks {
		gutter = max(gutter, t.MinSize().Width+theme.Padding())
	}
	for k, t := range r.ticks {
		y := base - float32(k)/float32(len(r.ticks)-1)*plotH
		r.grid[k].Position1, r.grid[k].Position2 = fyne.NewPos(gutter, y), fyne.NewPos(size.Width, y)
		ms := t.MinSize()
		t.Move(fyne.NewPos(gutter-theme.Padding()-ms.Width, y-ms.Height/2))
	}
	size.Width -= gutter
	slot := size.Width / float32(len(d.Categories))
	barW := min(slot*0.7, 48)
	y0 := make([]float32, len(d.Categories))
	for k, b := range r.bars {
		s, i := r.segs[k][0], r.segs[k][1]
		h := float32(float64(d.Series[s].Values[i]) / top * float64(plotH))
		y0[i] += h
		b.Move(fyne.NewPos(gutter+slot*float32(i)+(slot-barW)/2, base-y0[i]))
		b.Resize(fyne.NewSize(barW, max(h, 1)))
	}
	// A label every step bars where they crowd.
	step := 1
	if w := fyne.MeasureText("2026", small, fyne.TextStyle{}).Width + theme.Padding(); slot < w {
		step = int(math.Ceil(float64(w / slot)))
	}
	for i, l := range r.labels {
		ms := l.MinSize()
		l.Hidden = i%step != 0 && i != len(r.labels)-1
		l.Move(fyne.NewPos(gutter+slot*float32(i)+(slot-ms.Width)/2, base+1))
		v := r.values[i]
		v.Hidden = l.Hidden || d.total(i) == 0
		vs := v.MinSize()
		v.Move(fyne.NewPos(gutter+slot*float32(i)+(slot-vs.Width)/2, base-y0[i]-vs.Height))
	}
	r.axis.Position1 = fyne.NewPos(gutter, base)
	r.axis.Position2 = fyne.NewPos(gutter+size.Width, base)
}

// hit is the category whose slot holds p (a row of a horizontal chart, a
// column of a vertical one) and the series of the part of its bar under p,
// -1 when p is beside the bar's parts; ok is false off every slot or over
// an empty one.
func (r *barChartRenderer) hit(p fyne.Position) (category, series int, ok bool) {
	d := &r.c.data
	n := len(d.Categories)
	if n == 0 || r.size.Width <= 0 || r.size.Height <= 0 {
		return 0, 0, false
	}
	category = -1
	if d.Horizontal {
		category = int(p.Y / (r.size.Height / float32(n)))
	} else if x0, x1 := r.axis.Position1.X, r.axis.Position2.X; p.X >= x0 && p.X < x1 && p.Y >= r.plotTop {
		category = int((p.X - x0) / ((x1 - x0) / float32(n)))
	}
	if category < 0 || category >= n || d.total(category) == 0 {
		return 0, 0, false
	}
	series = -1
	for k, b := range r.bars {
		if r.segs[k][1] != category {
			continue
		}
		bp, bs := b.Position(), b.Size()
		if p.X >= bp.X && p.X <= bp.X+bs.Width && p.Y >= bp.Y && p.Y <= bp.Y+bs.Height {
			series = r.segs[k][0]
		}
	}
	return category, series, true
}

func (r *barChartRenderer) MinSize() fyne.Size {
	if r.c.data.Horizontal {
		return fyne.NewSize(theme.Padding()*40, max(r.c.height, float32(len(r.c.data.Categories))*theme.CaptionTextSize()*1.8))
	}
	return fyne.NewSize(theme.Padding()*40, r.c.height)
}

func (r *barChartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.size)
	canvas.Refresh(r.c)
}

func (r *barChartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *barChartRenderer) Destroy()                     {}
