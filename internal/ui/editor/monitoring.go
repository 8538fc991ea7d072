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

// monitoringTab is the editor's Monitoring tab: the follow-ups recorded, and a
// line to record another. Follow-ups may be added to a signed agreement too.
type monitoringTab struct {
	e *Editor

	list                 *widget.List
	date, activity, note *kit.Entry
	add                  *widget.Button
	problem              *widget.Label
	stored               []agreement.Monitoring // as loaded
	pending              []agreement.Monitoring // recorded since
}

func (t *monitoringTab) build() fyne.CanvasObject {
	t.list = widget.NewList(func() int { return len(t.all()) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		m := t.all()[i]
		text := fmt.Sprintf("%s · %s", kit.ShortDate(m.Date), m.Activity)
		if m.Obstacles != "" {
			text += " · " + lang.L("kendala: {{.Text}}", map[string]any{"Text": m.Obstacles})
		}
		l := o.(*widget.Label)
		l.SetText(text)
		t.list.SetItemHeight(i, l.MinSize().Height) // a long activity shows whole, over several lines
	})
	t.date, t.activity, t.note = kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	t.date.SetPlaceHolder(lang.L("hh/bb/tttt"))
	t.activity.SetPlaceHolder(lang.L("Kegiatan tindak lanjut, mis. magang dua staf Diskominfo"))
	t.note.SetPlaceHolder(lang.L("Kendala (bila ada)"))
	t.add = widget.NewButtonWithIcon(lang.L("Catat"), theme.ContentAddIcon(), t.onAdd)
	t.problem = t.e.problemLabel("monitoring")
	form := container.NewBorder(nil, nil, nil, t.add,
		container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(130, t.date.MinSize().Height), t.date), nil,
			container.NewGridWithColumns(2, t.activity, t.note)))
	return container.NewBorder(container.NewVBox(form, t.problem), nil, nil, nil, t.list)
}

// all are the follow-ups stored and those recorded since.
func (t *monitoringTab) all() []agreement.Monitoring {
	return append(append([]agreement.Monitoring(nil), t.stored...), t.pending...)
}

func (t *monitoringTab) load(a agreement.Agreement) {
	t.stored, t.pending = a.Monitoring, nil
	t.list.Refresh()
}

func (t *monitoringTab) apply(a *agreement.Agreement, _ *agreement.Errors) {
	a.Monitoring = t.all()
}

// onAdd records the follow-up typed in the line above the list.
func (t *monitoringTab) onAdd() {
	t.problem.Hide()
	d, err := kit.ParseFormDate(t.date.Text)
	if err != nil || d.IsZero() || strings.TrimSpace(t.activity.Text) == "" {
		t.problem.SetText(lang.L("Isi tanggal (hh/bb/tttt) dan kegiatannya."))
		t.problem.Show()
		return
	}
	t.pending = append(t.pending, agreement.Monitoring{Date: d,
		Activity: strings.TrimSpace(t.activity.Text), Obstacles: strings.TrimSpace(t.note.Text)})
	t.date.SetText("")
	t.activity.SetText("")
	t.note.SetText("")
	t.list.Refresh()
	t.e.markDirty()
}
