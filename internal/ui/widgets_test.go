package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
)

func TestFitLabelShortensToItsWidth(t *testing.T) {
	test.NewTempApp(t)
	long := "Percepatan Pelayanan Perizinan Berusaha Terintegrasi Secara Elektronik di Kabupaten Sumedang"
	l := newFitLabel(long)
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(1200, 80))
	if l.label.Text != long {
		t.Fatalf("wide label shows %q", l.label.Text)
	}
	l.Resize(fyne.NewSize(200, 40))
	shown := l.label.Text
	if !strings.HasSuffix(shown, "…") || !strings.HasPrefix(long, strings.TrimSuffix(shown, "…")) {
		t.Fatalf("narrow label shows %q", shown)
	}
	room := 200 - 2*theme.InnerPadding()
	if got := fyne.MeasureText(shown, theme.TextSize(), l.label.TextStyle).Width; got > room {
		t.Errorf("%q is %.1f wide, room %.1f", shown, got, room)
	}
	if l.Text() != long {
		t.Errorf("Text() = %q, want the whole text", l.Text())
	}
	// Widening shows it whole again; a new text is fitted at once.
	l.Resize(fyne.NewSize(1200, 40))
	if l.label.Text != long {
		t.Errorf("widened label shows %q", l.label.Text)
	}
	l.Resize(fyne.NewSize(120, 40))
	l.SetText("Kesepakatan Bersama, tentang")
	if got := l.label.Text; !strings.HasSuffix(got, "…") {
		t.Errorf("new text shows %q", got)
	}
	if got := l.label.Text; strings.Contains(got, ",…") || strings.Contains(got, " …") {
		t.Errorf("%q keeps punctuation before the ellipsis", got)
	}
}

func TestRegisterDrawsTheWholeSelectedRowSelected(t *testing.T) {
	u, _, _ := withExamples(t)
	r := u.list
	r.table.Select(widget.TableCellID{Row: 1, Col: 1})
	for row := 0; row < 3; row++ {
		for col := range listColumns {
			l := newFitLabel("")
			r.fill(widget.TableCellID{Row: row, Col: col}, l)
			if l.highlight != (row == 1) {
				t.Errorf("row %d col %d highlighted %v", row, col, l.highlight)
			}
		}
	}
	// Another row moves the highlight; the same row again still opens it.
	r.table.Select(widget.TableCellID{Row: 2, Col: 3})
	first := u.selected
	l := newFitLabel("")
	r.fill(widget.TableCellID{Row: 1, Col: 0}, l)
	if l.highlight {
		t.Error("the old row stays highlighted")
	}
	// The cells on screen follow at once.
	lit := 0
	for cell, id := range r.cells {
		if cell.highlight != (id == first) {
			t.Errorf("cell of %d highlighted %v; selected %d", id, cell.highlight, first)
		}
		if cell.highlight {
			lit++
		}
	}
	if lit != len(listColumns) {
		t.Errorf("%d cells highlighted on screen, want %d", lit, len(listColumns))
	}
	u.selected = 0
	r.table.Select(widget.TableCellID{Row: 2, Col: 3})
	if u.selected != first {
		t.Errorf("selecting the row again selected %d, want %d", u.selected, first)
	}
}

func TestNewFilterChoicesKeepWhatWasChosen(t *testing.T) {
	u, _, l := withExamples(t)
	r := u.list
	u.tabs.SelectIndex(tabList)
	l.until("the filters' choices", func() bool { return len(r.choices.Partners) > 0 })
	r.partnerSel.SetSelected("Pemerintah Kabupaten Lampung Timur")
	arranged := 0
	r.arranged = func() { arranged++ }
	ch := r.choices
	ch.Partners = append([]agreement.PartyName{{ID: 99, Name: "Pemerintah Kabupaten Aceh Besar"}}, ch.Partners...)
	r.applyChoices(ch)
	if r.partnerSel.Selected != "Pemerintah Kabupaten Lampung Timur" {
		t.Errorf("partner filter now %q", r.partnerSel.Selected)
	}
	if arranged != 0 {
		t.Error("new options alone arranged the register again")
	}
	// A chosen option that is gone falls back to all, and the register follows.
	ch.Partners = ch.Partners[:1]
	r.applyChoices(ch)
	l.until("the register arranged again", func() bool { return arranged > 0 })
	if r.partnerSel.SelectedIndex() != 0 {
		t.Errorf("partner filter %q after its option went", r.partnerSel.Selected)
	}
}

func TestThemeWritesInLiberationSans(t *testing.T) {
	th := Theme()
	for style, want := range map[fyne.TextStyle]string{
		{}:                         "LiberationSans-Regular.ttf",
		{Bold: true}:               "LiberationSans-Bold.ttf",
		{Italic: true}:             "LiberationSans-Italic.ttf",
		{Bold: true, Italic: true}: "LiberationSans-BoldItalic.ttf",
	} {
		if got := th.Font(style).Name(); got != want {
			t.Errorf("font for %+v: %s, want %s", style, got, want)
		}
	}
	if got := th.Font(fyne.TextStyle{Monospace: true}).Name(); strings.HasPrefix(got, "Liberation") {
		t.Errorf("monospace text in %s", got)
	}
}

func TestWindowShortcutsWorkWhileTypingInAField(t *testing.T) {
	_, s, e := draftEditor(t)
	e.win.Canvas().Focus(e.notes)
	test.Type(e.notes, "Menunggu paraf Kabag Hukum")
	// The driver hands a shortcut to the focused field, as a key press does.
	e.notes.TypedShortcut(&fyne.ShortcutSelectAll{})
	if e.notes.SelectedText() != "Menunggu paraf Kabag Hukum" {
		t.Errorf("Ctrl+A in the field selected %q", e.notes.SelectedText())
	}
	e.notes.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if a, _ := s.Agreement(e.a.ID); a.Notes != "Menunggu paraf Kabag Hukum" || e.dirty {
		t.Errorf("Ctrl+S in a field: notes %q stored, dirty %v", a.Notes, e.dirty)
	}
}
