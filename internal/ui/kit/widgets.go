// Package kit is the widget kit the screens share: labels that fit their
// width, entries that pass the windows' shortcuts through, selects and lists in
// the user's language, and the form helpers every screen reads dates with.
package kit

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FitLabel is a one-line label that ends its text with "…" when it is wider than
// the label. Fyne's own ellipsis shapes the whole text with a new shaper at every
// layout, about 1 ms a cell; FitLabel adds up rune widths measured once each.
type FitLabel struct {
	widget.BaseWidget
	label     *widget.Label
	text      string
	width     float32 // the width label.Text was fitted to
	highlight bool    // drawn as selected, as a whole table row is
}

// NewFitLabel is a FitLabel showing text.
func NewFitLabel(text string) *FitLabel {
	f := &FitLabel{label: widget.NewLabel(text), text: text}
	f.ExtendBaseWidget(f)
	return f
}

// SetText shows s, shortened to the label's width.
func (f *FitLabel) SetText(s string) {
	if s == f.text {
		return
	}
	f.text = s
	f.fit(f.Size().Width)
}

// SetHighlight draws the label as selected or not.
func (f *FitLabel) SetHighlight(on bool) {
	if f.highlight != on {
		f.highlight = on
		f.Refresh()
	}
}

// Text is the whole text, before any shortening.
func (f *FitLabel) Text() string { return f.text }

// Shown is the text as the label shows it, perhaps shortened with "…".
func (f *FitLabel) Shown() string { return f.label.Text }

// Highlighted reports whether the label is drawn as selected.
func (f *FitLabel) Highlighted() bool { return f.highlight }

// Bold reports whether the label is in bold type.
func (f *FitLabel) Bold() bool { return f.label.TextStyle.Bold }

// Style is the label's text style.
func (f *FitLabel) Style() fyne.TextStyle { return f.label.TextStyle }

// SetBold switches bold type on or off.
func (f *FitLabel) SetBold(bold bool) {
	if f.label.TextStyle.Bold == bold {
		return
	}
	f.label.TextStyle.Bold = bold
	f.fit(f.Size().Width)
}

func (f *FitLabel) fit(width float32) {
	f.width = width
	shown := f.text
	if width > 0 {
		shown = fitText(f.text, width-2*theme.InnerPadding(), theme.TextSize(), f.label.TextStyle)
	}
	if shown != f.label.Text {
		f.label.SetText(shown)
	}
}

func (f *FitLabel) CreateRenderer() fyne.WidgetRenderer {
	r := &fitLabelRenderer{f: f, bg: canvas.NewRectangle(theme.Color(theme.ColorNameSelection))}
	r.Refresh()
	return r
}

type fitLabelRenderer struct {
	f  *FitLabel
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

// Refresh shows the selection's background only when highlighted: a clear
// one would still be painted, and a software painter fills it pixel by pixel.
func (r *fitLabelRenderer) Refresh() {
	if !r.f.highlight {
		r.bg.Hide()
	} else if fill := theme.Color(theme.ColorNameSelection); r.bg.FillColor != fill || !r.bg.Visible() {
		r.bg.FillColor = fill
		r.bg.Show()
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

// NewSelect is widget.NewSelect with its placeholder in the user's language
// (Fyne's own reads "(Select one)").
func NewSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("(Pilih salah satu)")
	return s
}

// NewTextList is a list of one-line rows, row i reading text(i), shortened
// with "…" to the list's width.
func NewTextList(length func() int, text func(i int) string) *widget.List {
	return widget.NewList(length, func() fyne.CanvasObject { return NewFitLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*FitLabel).SetText(text(i)) })
}

// NewProblemLabel is a hidden label for what is wrong with a field or a form.
func NewProblemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// HeaderLabel is a table column's title that sorts when tapped: lighter than a
// button, whose renderer made a header row cost about 50 ms to draw.
type HeaderLabel struct {
	FitLabel
	// OnTap sorts by the column; nil for a column that does not sort.
	OnTap func()
}

// NewHeaderLabel is an empty bold column title.
func NewHeaderLabel() *HeaderLabel {
	h := &HeaderLabel{}
	h.label = widget.NewLabel("")
	h.label.TextStyle.Bold = true
	h.ExtendBaseWidget(h)
	return h
}

func (h *HeaderLabel) Tapped(*fyne.PointEvent) {
	if h.OnTap != nil {
		h.OnTap()
	}
}

func (h *HeaderLabel) Cursor() desktop.Cursor {
	if h.OnTap == nil {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// Entry is widget.Entry that lets the window's own shortcuts through. Fyne
// hands every shortcut to the focused entry, which drops those it does not
// know, so Ctrl+S typed in a field would not save.
type Entry struct {
	widget.Entry
	pending *pendingCursor // see TypedRune
	oneLine bool           // wraps, but holds one line (NewWrappedEntry)
	keys    heldKeys
}

// NewEntry is a one-line Entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry is an Entry of several lines, its words wrapped at the
// field's edge.
func NewMultiLineEntry() *Entry {
	e := NewEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// NewWrappedEntry is a field of one line of text that may be long (a
// jabatan, an instansi's name, a venue): its words wrap over two rows instead
// of scrolling sideways, and Enter adds no line break.
func NewWrappedEntry() *Entry {
	e := NewMultiLineEntry()
	e.oneLine = true
	e.SetMinRowsVisible(2)
	return e
}

// TypedRune types r where the cursor stands and leaves the cursor right after
// it. Fyne 2.7 cannot show the cursor after a space typed where a wrapped
// line breaks (the row ends before the space it drops) and puts it back
// before the space, so the next letters went in before it: "12 Juni 2023"
// came out "12 Juni2023 ". The entry remembers where the cursor belongs and
// types there (see pending).
func (e *Entry) TypedRune(r rune) {
	if !e.MultiLine || e.Wrapping == fyne.TextWrapOff || e.Disabled() || e.SelectedText() != "" {
		e.pending = nil
		e.Entry.TypedRune(r)
		return
	}
	e.restorePending()
	n := len([]rune(e.Text))
	want := e.CursorTextOffset() + 1
	e.Entry.TypedRune(r)
	if len([]rune(e.Text)) == n+1 && e.CursorTextOffset() != want {
		e.pending = &pendingCursor{offset: want, text: e.Text}
	}
}

// pendingCursor is where the cursor belongs after a space typed at a line
// break, while the text stays as it was then.
type pendingCursor struct {
	offset int
	text   string
}

// restorePending puts the cursor back where the last typed rune left it when
// Fyne could not show it there, unless the text changed or the cursor was
// moved away since.
func (e *Entry) restorePending() {
	p := e.pending
	e.pending = nil
	if p == nil || e.Text != p.text {
		return
	}
	if at := e.CursorTextOffset(); at != p.offset && at != p.offset-1 {
		return // moved by the user
	}
	row, begin := -1, -1
	at := e.CursorRow
	for r := max(at-1, 0); r <= at+1; r++ {
		e.CursorRow, e.CursorColumn = r, 0
		if b := e.CursorTextOffset(); b <= p.offset && b > begin {
			row, begin = r, b
		}
	}
	e.CursorRow, e.CursorColumn = row, p.offset-begin
}

// windowKeys are the keys of the windows' Ctrl shortcuts (the main window's and the editor's).
var windowKeys = map[fyne.KeyName]bool{fyne.KeyN: true, fyne.KeyS: true, fyne.KeyF: true, fyne.KeyP: true, fyne.KeyW: true, fyne.KeyQ: true,
	fyne.Key1: true, fyne.Key2: true, fyne.Key3: true, fyne.Key4: true}

// TypedKey hands F1 (Panduan) to the window's own key handler, where it has one.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.oneLine {
			return // one line, however it wraps
		}
		e.restorePending() // break where the cursor belongs
	case fyne.KeyBackspace, fyne.KeyDelete:
		e.restorePending() // erase where the cursor belongs
	default:
		e.pending = nil
	}
	if ev.Name == fyne.KeyF1 {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(ev)
			return
		}
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut hands the windows' Ctrl shortcuts to the window.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierShortcutDefault && windowKeys[cs.KeyName] {
		if e.toWindow(s) {
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

func (e *Entry) toWindow(s fyne.Shortcut) bool { return toWindow(e, s) }

// toWindow hands shortcut s typed in o to o's window; false when o is in none.
func toWindow(o fyne.CanvasObject, s fyne.Shortcut) bool {
	c, ok := fyne.CurrentApp().Driver().CanvasForObject(o).(fyne.Shortcutable)
	if ok {
		c.TypedShortcut(s)
	}
	return ok
}

// SelectEntry is a widget.SelectEntry that hands the windows' Ctrl
// shortcuts to the window, as Entry does.
type SelectEntry struct {
	widget.SelectEntry
	keys heldKeys
}

// NewSelectEntry is a SelectEntry offering options.
func NewSelectEntry(options []string) *SelectEntry {
	e := &SelectEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	if len(options) > 0 {
		e.SetOptions(options)
	}
	return e
}

// KeyDown hands the windows' Ctrl shortcuts to the window from a disabled field.
func (e *SelectEntry) KeyDown(ev *fyne.KeyEvent) {
	e.keys.down(e, e.Disabled(), ev.Name)
	e.SelectEntry.KeyDown(ev)
}

// KeyUp notes a modifier let go.
func (e *SelectEntry) KeyUp(ev *fyne.KeyEvent) {
	e.keys.up(ev.Name)
	e.SelectEntry.KeyUp(ev)
}

// FocusLost forgets the keys held.
func (e *SelectEntry) FocusLost() {
	e.keys = heldKeys{}
	e.SelectEntry.FocusLost()
}

// TypedShortcut hands the windows' Ctrl shortcuts to the window.
func (e *SelectEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierShortcutDefault && windowKeys[cs.KeyName] && toWindow(e, s) {
		return
	}
	e.SelectEntry.TypedShortcut(s)
}

// modifierOf is the modifier a key is, or 0.
func modifierOf(k fyne.KeyName) fyne.KeyModifier {
	switch k {
	case desktop.KeyControlLeft, desktop.KeyControlRight:
		return fyne.KeyModifierControl
	case desktop.KeySuperLeft, desktop.KeySuperRight:
		return fyne.KeyModifierSuper
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		return fyne.KeyModifierShift
	case desktop.KeyAltLeft, desktop.KeyAltRight:
		return fyne.KeyModifierAlt
	}
	return 0
}

// heldKeys are the modifier keys down while a field has focus. The driver
// hands a disabled field (a locked field of a signed agreement) no shortcut
// but Copy, and not its window either, so Ctrl+W there did nothing: the
// field's KeyDown hands the windows' Ctrl shortcuts to the window itself.
type heldKeys struct{ mods fyne.KeyModifier }

// down notes a key pressed in o and hands Ctrl+key to the window when o is
// disabled.
func (h *heldKeys) down(o fyne.CanvasObject, disabled bool, k fyne.KeyName) {
	h.mods |= modifierOf(k)
	if disabled && windowKeys[k] && h.mods == fyne.KeyModifierShortcutDefault {
		toWindow(o, &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	}
}

func (h *heldKeys) up(k fyne.KeyName) { h.mods &^= modifierOf(k) }

// KeyDown hands the windows' Ctrl shortcuts to the window from a disabled field.
func (e *Entry) KeyDown(ev *fyne.KeyEvent) {
	e.keys.down(e, e.Disabled(), ev.Name)
	e.Entry.KeyDown(ev)
}

// KeyUp notes a modifier let go.
func (e *Entry) KeyUp(ev *fyne.KeyEvent) {
	e.keys.up(ev.Name)
	e.Entry.KeyUp(ev)
}

// FocusLost forgets the keys held: they are let go elsewhere.
func (e *Entry) FocusLost() {
	e.keys = heldKeys{}
	e.Entry.FocusLost()
}
