package editor

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// actionPlanTab is the Rencana Aksi tab of a Nota Kesepakatan: its table of
// activities, the unit responsible and the time, printed as its lampiran.
type actionPlanTab struct {
	e *Editor

	box  *fyne.Container
	rows []*actionRow
	add  *widget.Button
}

// actionRow is one activity of the table as typed.
type actionRow struct {
	activity, unit, time *kit.Entry
	remove               *widget.Button
}

func (t *actionPlanTab) build() fyne.CanvasObject {
	t.box = container.NewVBox()
	t.add = widget.NewButtonWithIcon(lang.L("Tambah kegiatan"), theme.ContentAddIcon(), t.onAdd)
	hint := widget.NewLabel(lang.L("Rencana aksi dicetak sebagai lampiran Nota Kesepakatan, setelah tanda tangan."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	head := t.line(widget.NewLabelWithStyle(lang.L("Kegiatan"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Unit pelaksana"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Waktu"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil)
	top := container.NewVBox(hint, t.e.problemLabel("action_plan"), head)
	return container.NewBorder(top, container.NewHBox(t.add), nil, nil, container.NewVScroll(t.box))
}

// line lays out one row: the activity wide, the unit and the time narrower.
func (t *actionPlanTab) line(activity, unit, time, remove fyne.CanvasObject) fyne.CanvasObject {
	if remove == nil {
		remove = container.NewGridWrap(fyne.NewSize(36, 1))
	}
	right := container.NewHBox(container.NewGridWrap(fyne.NewSize(280, unit.MinSize().Height), unit),
		container.NewGridWrap(fyne.NewSize(170, time.MinSize().Height), time), remove)
	return container.NewBorder(nil, nil, nil, right, activity)
}

func (t *actionPlanTab) load(a agreement.Agreement) {
	t.box.RemoveAll()
	t.rows = nil
	for _, it := range a.ActionPlan {
		t.addRow(it)
	}
	enable(!a.Locked(), t.add)
	for _, r := range t.rows {
		enable(!a.Locked(), r.activity, r.unit, r.time, r.remove)
	}
}

// addRow adds a row showing it.
func (t *actionPlanTab) addRow(it agreement.ActionItem) *actionRow {
	r := &actionRow{activity: t.e.wrappedInput(), unit: t.e.wrappedInput(), time: t.e.input(false)}
	r.activity.SetText(it.Activity)
	r.unit.SetText(it.Unit)
	r.time.SetText(it.Time)
	r.activity.SetPlaceHolder(lang.L("mis. Pelatihan aparatur pengelola data"))
	r.unit.SetPlaceHolder(lang.L("mis. Dinas Komunikasi dan Informatika"))
	r.time.SetPlaceHolder(lang.L("mis. Triwulan II 2026"))
	var line fyne.CanvasObject
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		for i, x := range t.rows {
			if x == r {
				t.rows = append(t.rows[:i], t.rows[i+1:]...)
				t.box.Remove(line)
				t.e.markDirty()
				return
			}
		}
	})
	line = t.line(r.activity, r.unit, r.time, r.remove)
	t.rows = append(t.rows, r)
	t.box.Add(line)
	return r
}

// onAdd adds an empty row and puts the cursor in it.
func (t *actionPlanTab) onAdd() {
	r := t.addRow(agreement.ActionItem{})
	t.e.win.Canvas().Focus(r.activity)
	t.e.markDirty()
}

// apply reads the table; a row left wholly empty is not kept.
func (t *actionPlanTab) apply(a *agreement.Agreement, _ *agreement.Errors) {
	var plan []agreement.ActionItem
	for _, r := range t.rows {
		it := agreement.ActionItem{Activity: strings.TrimSpace(r.activity.Text), Unit: strings.TrimSpace(r.unit.Text), Time: strings.TrimSpace(r.time.Text)}
		if it != (agreement.ActionItem{}) {
			plan = append(plan, it)
		}
	}
	a.ActionPlan = plan
}
