package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// masterDetail is the layout every pane of the Directory shares: the records
// listed on the left; on the right a form with New and Save, each problem
// shown under its field and the outcome of the last save under the form. The
// selected record stays selected, by its ID, when the list is read again.
type masterDetail struct {
	list    *widget.List
	newBtn  *widget.Button
	saveBtn *widget.Button
	// message says how the last save went.
	message *widget.Label
	// problems are the labels under the fields, by the field's path in
	// agreement.Errors ("name", "party_id").
	problems map[string]*widget.Label
	content  fyne.CanvasObject

	count func() int
	id    func(i int) agreement.ID
	// show fills the form with record i of the list.
	show func(i int)
	// selected is the record shown in the form; 0 for a new one.
	selected agreement.ID
	// keeping is set while the selection is restored: the form keeps its text.
	keeping bool

	win    fyne.Window
	fields []formField
	// extra is what of the record the form holds beyond its fields (a lambang).
	extra func() string
	// clean is the form as last filled or saved: a form that reads otherwise
	// has typed changes, which a move to another record first asks about.
	clean string
	// savedOK reports whether the last save went through.
	savedOK bool
}

// formField is one row of a pane's form: its label, the path its problems
// carry in agreement.Errors ("" when none), and its widget.
type formField struct {
	label  string
	path   string
	widget fyne.CanvasObject
}

// paneSpec describes one pane of the Directory.
type paneSpec struct {
	win      fyne.Window        // where the unsaved-changes question shows
	newLabel string             // the New button's text
	top      fyne.CanvasObject  // above the list beside New (a filter), or nil
	count    func() int         // how many records the list shows
	text     func(i int) string // record i's line
	id       func(i int) agreement.ID
	fields   []formField
	show     func(i int)       // fills the form with record i
	onNew    func()            // fills the form with a new record
	onSave   func()            // reads the form and saves it
	extra    func() string     // what the form holds beyond its fields, or nil
	hints    map[string]string // a line under a field, by its path
}

func newMasterDetail(spec paneSpec) *masterDetail {
	md := &masterDetail{count: spec.count, id: spec.id, show: spec.show, problems: map[string]*widget.Label{},
		win: spec.win, fields: spec.fields, extra: spec.extra}
	md.list = kit.NewTextList(spec.count, spec.text)
	md.list.OnSelected = func(i widget.ListItemID) {
		if md.keeping {
			return
		}
		target := spec.id(i)
		if md.dirty() {
			md.restoreSelection()
			md.askFirst(func() { md.selectID(target) })
			return
		}
		md.selected = target
		md.clearProblems()
		spec.show(i)
		md.markClean()
	}
	newRecord := func() {
		md.list.UnselectAll()
		md.selected = 0
		md.clearProblems()
		spec.onNew()
		md.markClean()
	}
	md.newBtn = widget.NewButtonWithIcon(spec.newLabel, theme.ContentAddIcon(), func() {
		if md.dirty() {
			md.askFirst(newRecord)
			return
		}
		newRecord()
	})
	md.saveBtn = widget.NewButtonWithIcon(lang.L("Simpan"), theme.DocumentSaveIcon(), func() {
		md.savedOK = false
		spec.onSave()
		if md.savedOK {
			md.markClean()
		}
	})
	md.saveBtn.Importance = widget.HighImportance
	md.message = widget.NewLabel("")
	md.message.Wrapping = fyne.TextWrapWord
	md.message.Hide()
	form := widget.NewForm()
	for _, f := range spec.fields {
		w := f.widget
		if f.path != "" {
			p := kit.NewProblemLabel()
			md.problems[f.path] = p
			w = container.NewVBox(f.widget, p)
		}
		item := widget.NewFormItem(f.label, w)
		item.HintText = spec.hints[f.path]
		form.AppendItem(item)
	}
	head := fyne.CanvasObject(container.NewHBox(md.newBtn))
	if spec.top != nil {
		head = container.NewBorder(nil, nil, nil, md.newBtn, spec.top)
	}
	left := container.NewBorder(head, nil, nil, nil, md.list)
	right := container.NewBorder(nil, container.NewVBox(md.message, container.NewHBox(md.saveBtn)), nil, nil, container.NewVScroll(form))
	split := container.NewHSplit(left, right)
	split.Offset = 0.4
	md.content = split
	md.markClean()
	return md
}

// state is what the form reads now, field by field.
func (md *masterDetail) state() string {
	var b strings.Builder
	for _, f := range md.fields {
		switch w := f.widget.(type) {
		case *kit.Picker:
			b.WriteString(w.Text)
		case *kit.Entry:
			b.WriteString(w.Text)
		case *widget.Select:
			b.WriteString(w.Selected)
		}
		b.WriteByte(0)
	}
	if md.extra != nil {
		b.WriteString(md.extra())
	}
	return b.String()
}

// markClean takes the form as it reads now as the record's own.
func (md *masterDetail) markClean() { md.clean = md.state() }

// dirty reports typed changes not saved.
func (md *masterDetail) dirty() bool { return md.state() != md.clean }

// restoreSelection selects the record shown in the form again, or nothing for a new one.
func (md *masterDetail) restoreSelection() {
	md.keeping = true
	defer func() { md.keeping = false }()
	for i := range md.count() {
		if md.id(i) == md.selected && md.selected != 0 {
			md.list.Select(i)
			return
		}
	}
	md.list.UnselectAll()
}

// selectID shows the record with id, selecting it in the list.
func (md *masterDetail) selectID(id agreement.ID) {
	for i := range md.count() {
		if md.id(i) == id {
			md.list.UnselectAll()
			md.list.Select(i)
			return
		}
	}
}

// askFirst asks what to do with the form's typed changes before then runs:
// save them (then runs only when the save went through), discard them, or
// stay (Batal).
func (md *masterDetail) askFirst(then func()) {
	kit.AskToSave(md.win, widget.NewLabel(lang.L("Isian ini punya perubahan yang belum disimpan.")),
		lang.L("Simpan"), func() {
			md.saveBtn.OnTapped()
			if md.savedOK {
				then()
			}
		},
		lang.L("Buang perubahan"), func() {
			md.markClean()
			then()
		})
}

// refresh redraws the list after it was read again, keeping the selected
// record selected without refilling the form.
func (md *masterDetail) refresh() {
	md.list.Refresh()
	if md.selected == 0 {
		return
	}
	for i := range md.count() {
		if md.id(i) == md.selected {
			md.keeping = true
			md.list.Select(i)
			md.keeping = false
			return
		}
	}
	md.list.UnselectAll()
}

func (md *masterDetail) clearProblems() {
	for _, p := range md.problems {
		p.Hide()
	}
	md.message.Hide()
}

// problem shows text under the field at path.
func (md *masterDetail) problem(path, text string) {
	if p, ok := md.problems[path]; ok {
		p.SetText(text)
		p.Show()
	}
}

// say shows the outcome of a save under the form.
func (md *masterDetail) say(text string, bad bool) {
	md.message.SetText(text)
	md.message.Importance = widget.SuccessImportance
	if bad {
		md.message.Importance = widget.DangerImportance
	}
	md.message.Show()
	md.message.Refresh()
}

// saved shows how saving the record named what went: done, or each problem
// under its field and, under the form, that nothing was saved and why. It
// reports whether the record was saved; id is its ID then.
func (md *masterDetail) saved(err error, what string, id agreement.ID) bool {
	md.clearProblems()
	if err == nil {
		md.savedOK = true
		md.selected = id
		md.say(lang.L("{{.What}} tersimpan.", map[string]any{"What": what}), false)
		return true
	}
	var es agreement.Errors
	if !errors.As(err, &es) {
		md.say(kit.Unsaved(err), true)
		return false
	}
	var rest agreement.Errors
	for _, fe := range es {
		if p, ok := md.problems[fe.Field]; ok {
			text := fe.Message(kit.Lang())
			if p.Visible() {
				text = p.Text + "\n" + text
			}
			md.problem(fe.Field, text)
		} else {
			rest = append(rest, fe)
		}
	}
	why := error(agreement.ErrInvalid) // check the marked fields
	if len(rest) > 0 {
		why = rest
	}
	md.say(kit.Unsaved(why), true)
	return false
}
