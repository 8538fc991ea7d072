package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/pick"
)

// pickerRows is how many matches the drop-down shows at once; it scrolls for more.
const pickerRows = 8

// Picker is a pick list that filters as one types: an entry with a drop-down of
// the options that match (package pick: any word, case and diacritics ignored,
// abbreviations and short names such as "lamsel"). Down and Up move the
// highlight, Enter picks it, Escape closes the drop-down; a tap picks a row.
// What is typed becomes a choice only when picked, or when it is an option's
// exact text; otherwise leaving the field shows the chosen option again.
//
// It answers as widget.Select does: Options, SelectedIndex, Selected, OnChanged.
type Picker struct {
	Entry
	// OnChanged runs with the chosen option, "" when the choice is cleared.
	OnChanged func(string)

	options  []string
	also     map[string][]string // other names of options (SetAlso)
	index    *pick.Index
	selected int
	matches  []int
	hi       int // the highlighted row of matches
	quiet    bool
	popup    *dropOverlay
	list     *widget.List
	keys     *pickerKeys
	dropDown *widget.Button
}

// NewPicker is a Picker over options; changed may be nil.
func NewPicker(options []string, changed func(string)) *Picker {
	p := &Picker{OnChanged: changed, selected: -1}
	p.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	p.Entry.Entry.OnChanged = p.onTyped
	p.PlaceHolder = lang.L("Ketik untuk mencari…")
	p.dropDown = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), p.onDropDown)
	p.dropDown.Importance = widget.LowImportance
	p.ActionItem = p.dropDown
	p.ExtendBaseWidget(p)
	p.SetOptions(options)
	return p
}

// Disable greys out the field and its drop-down button.
func (p *Picker) Disable() {
	p.hidePopUp()
	p.dropDown.Disable()
	p.Entry.Disable()
}

// Enable makes the field and its drop-down button usable again.
func (p *Picker) Enable() {
	p.dropDown.Enable()
	p.Entry.Enable()
}

// Options are the choices, in their order.
func (p *Picker) Options() []string { return p.options }

// SetAlso gives options other names they are found by when typed, by the
// option's text (an instansi's short name); it holds for the options set
// after it too.
func (p *Picker) SetAlso(also map[string][]string) {
	p.also = also
	p.index = pick.New(p.options)
	for i, o := range p.options {
		p.index.Also(i, also[o]...)
	}
}

// SetOptions replaces the choices; the chosen option stays chosen when it is
// still among them (by its text), and is cleared otherwise, without OnChanged.
func (p *Picker) SetOptions(options []string) {
	was := p.Selected()
	p.options = append([]string(nil), options...)
	p.index = pick.New(p.options)
	for i, o := range p.options {
		p.index.Also(i, p.also[o]...)
	}
	p.selected = -1
	for i, o := range p.options {
		if was != "" && o == was {
			p.selected = i
			break
		}
	}
	if p.selected < 0 && was != "" {
		p.setText("")
	}
	p.hidePopUp()
}

// SelectedIndex is the chosen option's index, -1 when none is chosen.
func (p *Picker) SelectedIndex() int { return p.selected }

// Selected is the chosen option, "" when none is chosen.
func (p *Picker) Selected() string {
	if p.selected < 0 || p.selected >= len(p.options) {
		return ""
	}
	return p.options[p.selected]
}

// SetSelectedIndex chooses option i (out of range: none), running OnChanged
// when the choice changes.
func (p *Picker) SetSelectedIndex(i int) {
	if i < 0 || i >= len(p.options) {
		p.ClearSelected()
		return
	}
	p.choose(i)
}

// SetSelected chooses the option with text s, if there is one.
func (p *Picker) SetSelected(s string) {
	for i, o := range p.options {
		if o == s {
			p.choose(i)
			return
		}
	}
}

// ClearSelected empties the field and the choice.
func (p *Picker) ClearSelected() {
	changed := p.selected >= 0
	p.selected = -1
	p.setText("")
	p.hidePopUp()
	if changed && p.OnChanged != nil {
		p.OnChanged("")
	}
}

// Matches are the options the drop-down offers now, best first.
func (p *Picker) Matches() []string {
	out := make([]string, len(p.matches))
	for k, i := range p.matches {
		out[k] = p.options[i]
	}
	return out
}

// Highlighted is the option Enter would pick, "" when the drop-down is closed.
func (p *Picker) Highlighted() string {
	if !p.PopUpShown() || p.hi >= len(p.matches) {
		return ""
	}
	return p.options[p.matches[p.hi]]
}

// CloseDropDown closes the drop-down, if open; a screen calls it before it
// takes the picker away.
func (p *Picker) CloseDropDown() { p.hidePopUp() }

// PopUpShown reports whether the drop-down is open.
func (p *Picker) PopUpShown() bool { return p.popup != nil && p.popup.shown }

func (p *Picker) choose(i int) {
	changed := i != p.selected
	p.selected = i
	p.setText(p.options[i])
	p.hidePopUp()
	if changed && p.OnChanged != nil {
		p.OnChanged(p.options[i])
	}
}

// SetText puts s in the field without opening the drop-down; s becomes the
// choice when it is an option's text, and the choice is cleared otherwise.
func (p *Picker) SetText(s string) {
	p.selected = -1
	for i, o := range p.options {
		if o == s {
			p.selected = i
			break
		}
	}
	p.setText(s)
}

func (p *Picker) setText(s string) {
	p.quiet = true
	p.Entry.SetText(s)
	p.CursorRow, p.CursorColumn = 0, len([]rune(s))
	p.Refresh()
	p.quiet = false
}

// onTyped filters the options by what was typed.
func (p *Picker) onTyped(text string) {
	if p.quiet || !p.focused() {
		return
	}
	p.filter(text)
}

// focused reports whether the keys come to the picker, as the field or its drop-down.
func (p *Picker) focused() bool {
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil {
		return false
	}
	f := c.Focused()
	return f == p || (p.keys != nil && f == p.keys)
}

func (p *Picker) filter(text string) {
	p.matches = p.index.Match(text, 0)
	p.hi = 0
	if len(p.matches) == 0 {
		p.hidePopUp()
		return
	}
	p.showPopUp()
}

func (p *Picker) onDropDown() {
	if p.PopUpShown() {
		p.hidePopUp()
		return
	}
	text := p.Text
	if text == p.Selected() {
		text = "" // the whole list, from the chosen option
	}
	p.filter(text)
	if text == "" && p.selected >= 0 {
		p.highlight(p.selected)
	}
}

// TypedKey moves through the matches, picks, and closes; other keys edit.
func (p *Picker) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyUp:
		if !p.PopUpShown() {
			p.onDropDown()
			return
		}
		step := 1
		if ev.Name == fyne.KeyUp {
			step = -1
		}
		p.highlight(p.hi + step)
	case fyne.KeyReturn, fyne.KeyEnter:
		p.onEnter()
	case fyne.KeyEscape:
		if p.PopUpShown() {
			p.hidePopUp()
			return
		}
		p.Entry.TypedKey(ev)
	default:
		p.Entry.TypedKey(ev)
	}
}

func (p *Picker) onEnter() {
	if p.PopUpShown() && p.hi < len(p.matches) {
		p.choose(p.matches[p.hi])
		return
	}
	if i := p.exact(); i >= 0 {
		p.choose(i)
		return
	}
	p.filter(p.Text)
}

// exact is the option whose text is what was typed (case and diacritics aside).
func (p *Picker) exact() int {
	typed := pick.Fold(p.Text)
	for i, o := range p.options {
		if pick.Fold(o) == typed {
			return i
		}
	}
	return -1
}

// FocusGained selects the whole text, so that typing replaces the choice
// (a click then puts the cursor where it points).
func (p *Picker) FocusGained() {
	p.Entry.FocusGained()
	if p.Text != "" {
		p.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// MouseDown on a field that had not the keys selects its whole text, as
// coming to it with Tab does: the click that places the cursor would
// otherwise leave it inside the chosen option, and what is typed next would
// be filtered as "Pemerintah Kota Tegalbanyu", matching nothing.
func (p *Picker) MouseDown(m *desktop.MouseEvent) {
	had := p.focused()
	p.Entry.MouseDown(m)
	if !had && p.Text != "" && m.Button == desktop.MouseButtonPrimary {
		p.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// FocusLost closes the drop-down and settles the text: an option's exact text
// chooses it, an empty field clears the choice, anything else shows the
// chosen option again.
func (p *Picker) FocusLost() {
	p.Entry.FocusLost()
	if p.PopUpShown() {
		return // the keys went to the drop-down; the field is still being used
	}
	p.settle()
}

func (p *Picker) settle() {
	switch i := p.exact(); {
	case p.Text == "":
		if p.selected >= 0 {
			p.ClearSelected()
		}
	case i >= 0:
		p.choose(i)
	default:
		p.setText(p.Selected())
	}
}

func (p *Picker) highlight(i int) {
	if len(p.matches) == 0 {
		return
	}
	p.hi = max(0, min(i, len(p.matches)-1))
	if p.list != nil {
		p.list.Refresh()
		p.list.ScrollTo(p.hi)
	}
}

func (p *Picker) showPopUp() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil {
		return
	}
	if p.popup == nil {
		p.list = widget.NewList(func() int { return len(p.matches) },
			func() fyne.CanvasObject { return NewFitLabel("") },
			func(id widget.ListItemID, o fyne.CanvasObject) {
				l := o.(*FitLabel)
				l.SetText(p.options[p.matches[id]])
				l.SetHighlight(id == p.hi)
			})
		p.list.OnSelected = func(id widget.ListItemID) {
			p.list.UnselectAll()
			if id < len(p.matches) {
				p.choose(p.matches[id])
			}
		}
		p.keys = &pickerKeys{p: p}
		p.keys.ExtendBaseWidget(p.keys)
		// The key catcher lies under the list: a click on a row reaches the
		// row, and finds the catcher focusable under it, so the driver leaves
		// the focus alone.
		p.popup = newDropOverlay(c, container.NewStack(p.keys, p.list), p.leftByClick)
	}
	p.list.Refresh()
	p.list.ScrollToTop()
	rowH := NewFitLabel("Ag").MinSize().Height
	rows := min(len(p.matches), pickerRows)
	h := float32(rows)*rowH + float32(rows)*theme.Padding() + 2*theme.Padding()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p)
	below := pos.Add(fyne.NewPos(0, p.Size().Height))
	if below.Y+h > c.Size().Height && pos.Y-h >= 0 {
		below = pos.Subtract(fyne.NewPos(0, h))
	}
	p.popup.show(below, fyne.NewSize(p.Size().Width, h))
	// The drop-down is an overlay with its own focus: its key catcher hands
	// the keys on, so typing goes on in the field.
	c.Focus(p.keys)
}

func (p *Picker) hidePopUp() {
	if p.popup != nil {
		p.popup.hide()
	}
}

// leftByClick closes the drop-down after a click outside it, and leaves the
// field as a click elsewhere does: what was typed settles, and the next keys
// go nowhere rather than on into this field.
func (p *Picker) leftByClick() {
	p.hidePopUp()
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c != nil && c.Focused() == p {
		c.Unfocus() // FocusLost settles
		return
	}
	p.settle()
}

// dropOverlay holds the drop-down over the whole canvas, as widget.PopUp
// does, but tells the picker of a tap outside the list (widget.PopUp only
// hides itself, and the field kept the keys).
type dropOverlay struct {
	widget.BaseWidget
	c       fyne.Canvas
	content fyne.CanvasObject
	at      fyne.Position
	size    fyne.Size
	shown   bool
	outside func()
}

func newDropOverlay(c fyne.Canvas, content fyne.CanvasObject, outside func()) *dropOverlay {
	o := &dropOverlay{c: c, content: content, outside: outside}
	o.ExtendBaseWidget(o)
	return o
}

func (o *dropOverlay) show(at fyne.Position, size fyne.Size) {
	o.at, o.size = at, size
	o.Resize(o.c.Size())
	if !o.shown {
		o.c.Overlays().Add(o)
		o.shown = true
	}
	o.Refresh()
}

func (o *dropOverlay) hide() {
	if o.shown {
		o.shown = false
		o.c.Overlays().Remove(o)
	}
}

func (o *dropOverlay) inside(pos fyne.Position) bool {
	return pos.X >= o.at.X && pos.Y >= o.at.Y && pos.X < o.at.X+o.size.Width && pos.Y < o.at.Y+o.size.Height
}

// Tapped closes the drop-down when the tap is outside the list.
func (o *dropOverlay) Tapped(e *fyne.PointEvent) {
	if !o.inside(e.Position) {
		o.outside()
	}
}

// TappedSecondary closes the drop-down when the tap is outside the list.
func (o *dropOverlay) TappedSecondary(e *fyne.PointEvent) { o.Tapped(e) }

func (o *dropOverlay) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	bg.StrokeWidth = 1
	return &dropRenderer{o: o, bg: bg}
}

type dropRenderer struct {
	o  *dropOverlay
	bg *canvas.Rectangle
}

func (r *dropRenderer) Layout(fyne.Size) {
	o := r.o
	at := o.at
	if cs := o.c.Size(); at.X+o.size.Width > cs.Width {
		at.X = max(0, cs.Width-o.size.Width)
	}
	r.bg.Move(at)
	r.bg.Resize(o.size)
	pad := theme.Padding() / 2
	o.content.Move(at.Add(fyne.NewPos(pad, pad)))
	o.content.Resize(o.size.Subtract(fyne.NewSize(2*pad, 2*pad)))
}

func (r *dropRenderer) MinSize() fyne.Size { return fyne.NewSize(0, 0) }

func (r *dropRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	r.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	r.Layout(r.o.Size())
	r.bg.Refresh()
	r.o.content.Refresh()
}

func (r *dropRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.o.content} }

func (r *dropRenderer) Destroy() {}

// pickerKeys catches the keys while the drop-down is open and hands them to
// the Picker: arrows, Enter and Escape to choose, the rest to its entry.
type pickerKeys struct {
	widget.BaseWidget
	p *Picker
}

func (k *pickerKeys) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

func (k *pickerKeys) FocusGained() {}
func (k *pickerKeys) FocusLost()   {}

func (k *pickerKeys) TypedRune(r rune) { k.p.TypedRune(r) }

func (k *pickerKeys) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyTab {
		k.p.hidePopUp()
		k.p.settle()
		return
	}
	k.p.TypedKey(ev)
}

func (k *pickerKeys) TypedShortcut(s fyne.Shortcut) { k.p.TypedShortcut(s) }

// ShortNames maps each party's name to its short name ("Kemendagri",
// "Pemkab Lampung Selatan"), for SetAlso: staff type the short form.
func ShortNames(parties []agreement.Party) map[string][]string {
	out := map[string][]string{}
	for _, p := range parties {
		if s := strings.TrimSpace(p.ShortName); s != "" && s != p.Name {
			out[p.Name] = append(out[p.Name], s)
		}
	}
	return out
}
