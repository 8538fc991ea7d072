package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

func TestRegisterDrawsTheWholeSelectedRowSelected(t *testing.T) {
	u, _, _ := withExamples(t)
	r := u.list
	r.table.Select(widget.TableCellID{Row: 1, Col: 1})
	for row := 0; row < 3; row++ {
		for col := range listColumns {
			l := kit.NewFitLabel("")
			r.fill(widget.TableCellID{Row: row, Col: col}, l)
			if l.Highlighted() != (row == 1) {
				t.Errorf("row %d col %d highlighted %v", row, col, l.Highlighted())
			}
		}
	}
	// Another row moves the highlight; the same row again still opens it.
	r.table.Select(widget.TableCellID{Row: 2, Col: 3})
	first := u.selected
	l := kit.NewFitLabel("")
	r.fill(widget.TableCellID{Row: 1, Col: 0}, l)
	if l.Highlighted() {
		t.Error("the old row stays highlighted")
	}
	// The cells on screen follow at once.
	lit := 0
	for cell, id := range r.cells {
		if cell.Highlighted() != (id == first) {
			t.Errorf("cell of %d highlighted %v; selected %d", id, cell.Highlighted(), first)
		}
		if cell.Highlighted() {
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
