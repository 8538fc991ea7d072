package ui

import (
	"image/color"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fitLabel is a one-line label that ends its text with "…" when it is wider than
// the label. Fyne's own ellipsis shapes the whole text with a new shaper at every
// layout, about 1 ms a cell; fitLabel adds up rune widths measured once each.
type fitLabel struct {
	widget.BaseWidget
	label     *widget.Label
	text      string
	width     float32 // the width label.Text was fitted to
	highlight bool    // drawn as selected, as a whole table row is
}

func newFitLabel(text string) *fitLabel {
	f := &fitLabel{label: widget.NewLabel(text), text: text}
	f.ExtendBaseWidget(f)
	return f
}

// SetText shows s, shortened to the label's width.
func (f *fitLabel) SetText(s string) {
	if s == f.text {
		return
	}
	f.text = s
	f.fit(f.Size().Width)
}

// SetHighlight draws the label as selected or not.
func (f *fitLabel) SetHighlight(on bool) {
	if f.highlight != on {
		f.highlight = on
		f.Refresh()
	}
}

// Text is the whole text, before any shortening.
func (f *fitLabel) Text() string { return f.text }

// SetBold switches bold type on or off.
func (f *fitLabel) SetBold(bold bool) {
	if f.label.TextStyle.Bold == bold {
		return
	}
	f.label.TextStyle.Bold = bold
	f.fit(f.Size().Width)
}

func (f *fitLabel) fit(width float32) {
	f.width = width
	shown := f.text
	if width > 0 {
		shown = fitText(f.text, width-2*theme.InnerPadding(), theme.TextSize(), f.label.TextStyle)
	}
	if shown != f.label.Text {
		f.label.SetText(shown)
	}
}

func (f *fitLabel) CreateRenderer() fyne.WidgetRenderer {
	r := &fitLabelRenderer{f: f, bg: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type fitLabelRenderer struct {
	f  *fitLabel
	bg *canvas.Rectangle
}

func (r *fitLabelRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.f.label.Resize(s)
	if s.Width != r.f.width {
		r.f.fit(s.Width)
	}
}

func (r *fitLabelRenderer) MinSize() fyne.Size {
	return fyne.NewSize(2*theme.InnerPadding()+runeWidth('…', theme.TextSize(), r.f.label.TextStyle), r.f.label.MinSize().Height)
}

func (r *fitLabelRenderer) Refresh() {
	fill := color.Color(color.Transparent)
	if r.f.highlight {
		fill = theme.Color(theme.ColorNameSelection)
	}
	if r.bg.FillColor != fill {
		r.bg.FillColor = fill
		r.bg.Refresh()
	}
	r.f.label.Refresh()
}

func (r *fitLabelRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.f.label}
}
func (r *fitLabelRenderer) Destroy() {}

type runeKey struct {
	r     rune
	size  float32
	style fyne.TextStyle
}

var runeWidths = struct {
	sync.Mutex
	m map[runeKey]float32
}{m: map[runeKey]float32{}}

func runeWidth(r rune, size float32, style fyne.TextStyle) float32 {
	k := runeKey{r, size, style}
	runeWidths.Lock()
	w, ok := runeWidths.m[k]
	runeWidths.Unlock()
	if !ok {
		w = fyne.MeasureText(string(r), size, style).Width
		runeWidths.Lock()
		runeWidths.m[k] = w
		runeWidths.Unlock()
	}
	return w
}

// fitText returns s, or its longest start that fits width with "…" after it.
func fitText(s string, width, size float32, style fyne.TextStyle) string {
	const slack = 1 // shaping can kern a pair wider than its runes' sum
	total := float32(0)
	for _, r := range s {
		total += runeWidth(r, size, style)
	}
	if total <= width-slack {
		return s
	}
	room := width - slack - runeWidth('…', size, style)
	used := float32(0)
	for i, r := range s {
		used += runeWidth(r, size, style)
		if used > room {
			return trimEnd(s[:i]) + "…"
		}
	}
	return s
}

// trimEnd drops trailing spaces and punctuation that would sit before "…".
func trimEnd(s string) string { return strings.TrimRight(s, " ,.;:-·—") }

// newSelect is widget.NewSelect with its placeholder in the user's language
// (Fyne's own reads "(Select one)").
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("(Pilih salah satu)")
	return s
}

// newTextList is a list of one-line rows, row i reading text(i), shortened
// with "…" to the list's width.
func newTextList(length func() int, text func(i int) string) *widget.List {
	return widget.NewList(length, func() fyne.CanvasObject { return newFitLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*fitLabel).SetText(text(i)) })
}

// newProblemLabel is a hidden label for what is wrong with a field or a form.
func newProblemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// headerLabel is a table column's title that sorts when tapped: lighter than a
// button, whose renderer made a header row cost about 50 ms to draw.
type headerLabel struct {
	fitLabel
	onTap func()
}

func newHeaderLabel() *headerLabel {
	h := &headerLabel{}
	h.label = widget.NewLabel("")
	h.label.TextStyle.Bold = true
	h.ExtendBaseWidget(h)
	return h
}

func (h *headerLabel) Tapped(*fyne.PointEvent) {
	if h.onTap != nil {
		h.onTap()
	}
}

func (h *headerLabel) Cursor() desktop.Cursor {
	if h.onTap == nil {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// entry is widget.Entry that lets the window's own shortcuts through. Fyne
// hands every shortcut to the focused entry, which drops those it does not
// know, so Ctrl+S typed in a field would not save.
type entry struct{ widget.Entry }

func newEntry() *entry {
	e := &entry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineEntry() *entry {
	e := newEntry()
	e.MultiLine = true
	return e
}

// windowKeys are the keys of the windows' Ctrl shortcuts (see ui.go, editor.go).
var windowKeys = map[fyne.KeyName]bool{fyne.KeyN: true, fyne.KeyS: true, fyne.KeyF: true, fyne.KeyP: true, fyne.KeyW: true}

func (e *entry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierShortcutDefault && windowKeys[cs.KeyName] {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(e).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}
