package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The count axis of a bar chart has whole ticks (1, 2, 5, 10, … apart),
// written with "." for thousands, lowest at the base, and the tallest bar
// reaches the tick of its count.
func TestChartAxisWholeTicks(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		values []int
		want   []string
	}{
		{[]int{3, 1}, []string{"0", "1", "2", "3"}},
		{[]int{5, 2}, []string{"0", "1", "2", "3", "4", "5"}},
		{[]int{7, 2}, []string{"0", "2", "4", "6", "8"}},
		{[]int{12345, 20}, []string{"0", "5.000", "10.000", "15.000"}},
		{[]int{0, 0}, []string{"0", "1"}},
	} {
		d := chartData{Categories: []string{"2024", "2025"}, Series: []chartSeries{{Name: "KSB", Values: c.values}}}
		ch := newBarChart(d, 150)
		w := test.NewTempWindow(t, ch)
		w.Resize(fyne.NewSize(500, 200))
		r := test.TempWidgetRenderer(t, ch).(*barChartRenderer)
		r.Layout(fyne.NewSize(480, 160))
		var got []string
		for k, tk := range r.ticks {
			got = append(got, tk.Text)
			if k > 0 && tk.Position().Y >= r.ticks[k-1].Position().Y {
				t.Errorf("%v: tick %s not above %s", c.values, tk.Text, r.ticks[k-1].Text)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%v: ticks %q, want %q", c.values, got, c.want)
			continue
		}
		if c.values[0] == 0 || len(r.bars) == 0 {
			continue
		}
		// The first bar's top on the line of its count when the count is a tick.
		top := r.grid[len(r.grid)-1].Position1.Y
		if c.values[0] == 3 || c.values[0] == 5 {
			if y := r.bars[0].Position().Y; y < top-1 || y > top+1 {
				t.Errorf("%v: bar top at %v, the %s line at %v", c.values, y, got[len(got)-1], top)
			}
		}
		if r.bars[0].Position().X < r.grid[0].Position1.X {
			t.Errorf("%v: the first bar at %v, left of the axis at %v", c.values, r.bars[0].Position().X, r.grid[0].Position1.X)
		}
	}
}
