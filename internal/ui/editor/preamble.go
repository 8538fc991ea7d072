package editor

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// lineList edits a list of paragraphs in order, the premises or the legal
// bases: a list to choose one, its text below, and buttons to add, move,
// remove and fill the usual ones in.
type lineList struct {
	items    []string
	selected int
	label    func(i int) string // "a." or "1."
	defaults func() []string    // the usual items of this kind and category
	changed  func()

	list                                *widget.List
	text                                *kit.Entry
	add, up, down, remove, fillDefaults *widget.Button
	updating, locked                    bool
}

func newLineList(label func(int) string, defaults func() []string, changed func(), hint string) *lineList {
	l := &lineList{selected: -1, label: label, defaults: defaults, changed: changed}
	l.list = widget.NewList(func() int { return len(l.items) }, func() fyne.CanvasObject { return kit.NewFitLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*kit.FitLabel).SetText(l.label(i) + " " + l.items[i])
		})
	l.list.OnSelected = func(i widget.ListItemID) {
		l.selected = i
		l.show()
	}
	l.text = kit.NewMultiLineEntry()
	l.text.SetMinRowsVisible(4)
	l.text.SetPlaceHolder(hint)
	l.text.OnChanged = func(s string) {
		if l.updating || l.selected < 0 || l.selected >= len(l.items) {
			return
		}
		l.items[l.selected] = s
		l.list.RefreshItem(l.selected)
		l.changed()
	}
	l.add = widget.NewButtonWithIcon(lang.L("Tambah"), theme.ContentAddIcon(), l.onAdd)
	l.up = widget.NewButtonWithIcon(lang.L("Naik"), theme.MoveUpIcon(), func() { l.onMove(-1) })
	l.down = widget.NewButtonWithIcon(lang.L("Turun"), theme.MoveDownIcon(), func() { l.onMove(1) })
	l.remove = widget.NewButtonWithIcon(lang.L("Hapus"), theme.DeleteIcon(), l.onRemove)
	l.fillDefaults = widget.NewButtonWithIcon(lang.L("Isi yang lazim"), theme.ContentPasteIcon(), l.onDefaults)
	return l
}

func (l *lineList) build() fyne.CanvasObject {
	tools := container.NewGridWithColumns(3, l.add, l.up, l.down, l.remove, l.fillDefaults)
	return container.NewBorder(tools, l.text, nil, nil, l.list)
}

// load shows items; locked (a signed text) allows no change.
func (l *lineList) load(items []string, locked bool) {
	l.items = append([]string(nil), items...)
	l.locked = locked
	enable(!locked, l.add, l.up, l.down, l.remove, l.fillDefaults, l.text)
	l.selected = -1
	l.list.UnselectAll()
	l.list.Refresh()
	l.show()
}

// values are the items typed, without empty ones.
func (l *lineList) values() []string {
	var out []string
	for _, s := range l.items {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (l *lineList) show() {
	l.updating = true
	defer func() { l.updating = false }()
	if l.selected < 0 || l.selected >= len(l.items) {
		l.text.SetText("")
		l.text.Disable()
		return
	}
	l.text.SetText(l.items[l.selected])
	if !l.locked {
		l.text.Enable()
	}
}

func (l *lineList) selectItem(i int) {
	l.list.Refresh()
	l.list.Select(i) // shows it through OnSelected
}

// onAdd puts an empty item after the selected one (or at the end) and puts
// the cursor in it.
func (l *lineList) onAdd() {
	at := len(l.items)
	if l.selected >= 0 {
		at = l.selected + 1
	}
	l.items = append(l.items[:at], append([]string{""}, l.items[at:]...)...)
	l.changed()
	l.selectItem(at)
	if c := fyne.CurrentApp().Driver().CanvasForObject(l.text); c != nil {
		c.Focus(l.text)
	}
}

func (l *lineList) onMove(by int) {
	i, j := l.selected, l.selected+by
	if i < 0 || j < 0 || j >= len(l.items) {
		return
	}
	l.items[i], l.items[j] = l.items[j], l.items[i]
	l.changed()
	l.selectItem(j)
}

func (l *lineList) onRemove() {
	i := l.selected
	if i < 0 || i >= len(l.items) {
		return
	}
	l.items = append(l.items[:i], l.items[i+1:]...)
	l.selected = -1
	l.list.UnselectAll()
	l.list.Refresh()
	l.show()
	l.changed()
}

// onDefaults adds the usual items that are not in the list yet.
func (l *lineList) onDefaults() {
	have := map[string]bool{}
	for _, s := range l.items {
		have[norm(s)] = true
	}
	added := false
	for _, s := range l.defaults() {
		if !have[norm(s)] {
			l.items = append(l.items, s)
			added = true
		}
	}
	if added {
		l.list.Refresh()
		l.changed()
	}
}

func norm(s string) string {
	return strings.ToLower(strings.TrimRight(strings.Join(strings.Fields(s), " "), ";.,"))
}

// preamble is the part of the Isi Naskah tab before the pasal: the premises
// ("bahwa …") and the legal bases, each a list in order.
type preamble struct {
	t        *bodyTab
	premises *lineList
	legal    *lineList
}

func newPreamble(t *bodyTab) *preamble {
	p := &preamble{t: t}
	category := func() agreement.Category {
		a, _ := t.e.form()
		return a.Category
	}
	p.premises = newLineList(func(i int) string { return letter(i) + "." },
		func() []string { return t.library.StartPremises(t.e.a.Kind, category()) },
		func() { t.changed(false) }, lang.L("bahwa …"))
	p.legal = newLineList(func(i int) string { return fmt.Sprintf("%d.", i+1) },
		func() []string {
			var out []string
			for _, l := range t.library.StartLegalBases(t.e.a.Kind, category()) {
				out = append(out, l.String())
			}
			return out
		},
		func() { t.changed(false) }, lang.L("Undang-Undang Nomor … Tahun … tentang …"))
	return p
}

func (p *preamble) load(a agreement.Agreement) {
	p.premises.load(a.Premises, a.Locked())
	var lines []string
	for _, l := range a.LegalBases {
		lines = append(lines, l.String())
	}
	p.legal.load(lines, a.Locked())
}

func (p *preamble) apply(a *agreement.Agreement) {
	a.Premises = p.premises.values()
	a.LegalBases = nil
	for _, s := range p.legal.values() {
		a.LegalBases = append(a.LegalBases, agreement.ParseLegalBasis(s))
	}
}

// letter gives a, b, … z, aa, … as the premises are lettered.
func letter(i int) string {
	return strings.Repeat(string(rune('a'+i%26)), i/26+1)
}
