package editor

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// changeDialog asks what an Adendum or Perpanjangan changes in this
// agreement: its term (longer by a period, or a new end date), the text of
// chosen pasal, the signers, or a change in the user's own words. From the
// answer the child's Pasal I and II are written in full.
type changeDialog struct {
	e         *Editor
	kind      agreement.Kind
	parentEnd agreement.Date // the end as the register has it, after earlier Adendum
	pasal     []naskah.ParentPasal

	term       *widget.Check
	termHow    *widget.RadioGroup
	length     *kit.Entry
	unit       *widget.Select
	newEnd     *kit.Entry
	pasalOn    []*widget.Check
	pasalText  []*kit.Entry
	signers    *widget.Check
	other      *widget.Check
	otherText  *kit.Entry
	problem    *widget.Label
	list       *fyne.Container // the choices, laid out again as fields show and hide
	create     *widget.Button
	cancel     *widget.Button
	dlg        dialog.Dialog
	onFinished func(agreement.Amendment) // what create does with the answer
}

// The two ways a term changes.
const (
	termLonger = "Diperpanjang selama"
	termNewEnd = "Berakhir pada tanggal"
)

// summaries is the part of the register that reads list rows, which carry
// the end an earlier signed Adendum set.
type summaries interface {
	Summaries([]agreement.ID) ([]agreement.Summary, error)
}

// recite gives child, a new child of this agreement, this agreement's signed
// Adenda and Perpanjangan to recite in its citation (agreement.Recite).
func (e *Editor) recite(child *agreement.Agreement) {
	if siblings, ok := e.changesOf(e.a.ID); ok {
		child.Recite(&e.a, siblings)
	}
}

// reciteAgain brings the citation of a, a child not signed yet, up to date
// with its parent's signed changes, as a is saved: an Adendum signed since a
// was made is recited, and a becomes the Adendum after it.
func (e *Editor) reciteAgain(a *agreement.Agreement) {
	if a.ParentID == 0 || a.Parent == nil || e.a.Locked() {
		return
	}
	parent, err := e.svc.Agreement(a.ParentID)
	if err != nil {
		return
	}
	if siblings, ok := e.changesOf(parent.ID); ok {
		a.Recite(&parent, siblings)
	}
}

// changesOf reads the Adenda and Perpanjangan of agreement id through the
// register, when the service has one; ok is false when they cannot be read.
func (e *Editor) changesOf(id agreement.ID) (siblings []agreement.Agreement, ok bool) {
	r, isReg := e.svc.(interface {
		List(service.Query) (service.Page, error)
	})
	if !isReg || id == 0 {
		return nil, false
	}
	q := service.Query{Order: service.ByParent, Parent: id, Limit: 100}
	for {
		page, err := r.List(q)
		if err != nil {
			return nil, false // cited as before
		}
		for _, s := range page.Items {
			if s.Kind != agreement.KindAdendum && s.Kind != agreement.KindPerpanjangan {
				continue
			}
			a, err := e.svc.Agreement(s.ID)
			if err != nil {
				return nil, false
			}
			siblings = append(siblings, a)
		}
		if page.Next == nil {
			return siblings, true
		}
		q.After = page.Next
	}
}

// familyEnd is this agreement's last day after its signed Adendum and
// Perpanjangan, as the register keeps it; its own end when the service
// cannot say.
func (e *Editor) familyEnd() agreement.Date {
	if r, ok := e.svc.(summaries); ok && e.a.ID != 0 {
		if rows, err := r.Summaries([]agreement.ID{e.a.ID}); err == nil && len(rows) == 1 {
			return rows[0].End
		}
	}
	return e.a.EffectiveEnd()
}

// phase is what the agreement is on the day, with the end its signed
// Adendum set: a PKS extended by a signed Adendum is Berlaku, not Berakhir.
func (e *Editor) phase() agreement.Phase {
	return agreement.PhaseOf(e.a.Status, e.a.EffectiveStart(), e.familyEnd(), e.now(), agreement.DefaultSoonDays)
}

func newChangeDialog(e *Editor, kind agreement.Kind) *changeDialog {
	d := &changeDialog{e: e, kind: kind, parentEnd: e.familyEnd(), pasal: naskah.PasalOf(&e.a)}
	d.term = widget.NewCheck(lang.L("Jangka waktu"), func(bool) { d.refresh() })
	d.termHow = widget.NewRadioGroup([]string{lang.L(termLonger), lang.L(termNewEnd)}, func(string) { d.refresh() })
	d.termHow.Horizontal = true
	d.length = kit.NewEntry()
	d.unit = kit.NewSelect([]string{lang.L("tahun"), lang.L("bulan")}, nil)
	d.newEnd = kit.NewEntry()
	d.newEnd.SetPlaceHolder(lang.L("hh/bb/tttt"))
	d.length.SetText("1")
	d.unit.SetSelectedIndex(0)
	if l := e.a.Term.Length; kind == agreement.KindPerpanjangan && l > 0 {
		d.length.SetText(strconv.Itoa(l))
		if e.a.Term.Unit == agreement.UnitBulan {
			d.unit.SetSelectedIndex(1)
		}
	}
	if d.parentEnd.Valid() {
		d.termHow.SetSelected(lang.L(termLonger))
	} else {
		d.termHow.SetSelected(lang.L(termNewEnd))
	}
	items := []fyne.CanvasObject{
		widget.NewLabelWithStyle(lang.L("Pilih yang diubah; teks pasalnya ditulis dari pilihan ini."), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}),
		d.term,
		container.NewPadded(container.NewVBox(d.termHow,
			container.NewGridWithColumns(3, d.length, d.unit, d.newEnd))),
	}
	for _, p := range d.pasal {
		label := lang.L("Pasal {{.Number}}", map[string]any{"Number": p.Number})
		if h := strings.TrimSpace(p.Heading); h != "" {
			label += " – " + h
		}
		on := widget.NewCheck(label, func(bool) { d.refresh() })
		text := kit.NewMultiLineEntry()
		text.Wrapping = fyne.TextWrapWord
		text.SetMinRowsVisible(6)
		text.SetText(p.Text)
		d.pasalOn, d.pasalText = append(d.pasalOn, on), append(d.pasalText, text)
		items = append(items, on, text)
	}
	d.signers = widget.NewCheck(lang.L("Penandatangan (pejabat yang bertindak untuk PARA PIHAK)"), nil)
	d.other = widget.NewCheck(lang.L("Ketentuan lain (tulis sendiri)"), func(bool) { d.refresh() })
	d.otherText = kit.NewMultiLineEntry()
	d.otherText.Wrapping = fyne.TextWrapWord
	d.otherText.SetMinRowsVisible(3)
	items = append(items, d.signers, d.other, d.otherText)
	if kind == agreement.KindPerpanjangan {
		d.term.SetChecked(true)
	}
	d.problem = widget.NewLabel("")
	d.problem.Importance = widget.DangerImportance
	d.problem.Wrapping = fyne.TextWrapWord
	d.problem.Hide()
	createLabel := lang.L("Buat Adendum")
	if kind == agreement.KindPerpanjangan {
		createLabel = lang.L("Buat Perpanjangan")
	}
	d.create = widget.NewButton(createLabel, d.onCreate)
	d.create.Importance = widget.HighImportance
	d.cancel = widget.NewButton(lang.L("Batal"), func() { d.dlg.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), d.cancel, d.create)
	d.list = container.NewVBox(items...)
	content := container.NewBorder(nil, container.NewVBox(d.problem, buttons), nil, nil,
		container.NewVScroll(d.list))
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("Apa yang diubah?"), content, e.win)
	d.refresh()
	return d
}

// show opens the dialog over the editor.
func (d *changeDialog) show() {
	d.dlg.Resize(fyne.NewSize(760, 600))
	d.dlg.Show()
}

// refresh shows the fields of the changes chosen.
func (d *changeDialog) refresh() {
	if d.list == nil {
		return // still being built
	}
	enable(d.term.Checked, d.termHow)
	longer := d.termHow.Selected == lang.L(termLonger)
	enable(d.term.Checked && longer, d.length, d.unit)
	enable(d.term.Checked && !longer, d.newEnd)
	for i, on := range d.pasalOn {
		if on.Checked {
			d.pasalText[i].Show()
		} else {
			d.pasalText[i].Hide()
		}
	}
	if d.other.Checked {
		d.otherText.Show()
	} else {
		d.otherText.Hide()
	}
	d.problem.Hide() // what it said was about the choice before this one
	d.list.Refresh()
}

// answer reads the dialog into an Amendment, or says what is missing.
func (d *changeDialog) answer() (agreement.Amendment, string) {
	var m agreement.Amendment
	if d.term.Checked {
		m.Term = true
		if d.termHow.Selected == lang.L(termLonger) {
			n, err := strconv.Atoi(strings.TrimSpace(d.length.Text))
			if err != nil || n <= 0 || n > 99 {
				return m, lang.L("Tulis berapa lama jangka waktunya diperpanjang, dengan angka (mis. 1).")
			}
			if !d.parentEnd.Valid() {
				return m, lang.L("Perjanjian ini belum mempunyai tanggal berakhir: pilih \"Berakhir pada tanggal\" dan isi tanggalnya.")
			}
			m.Length, m.Unit = n, agreement.UnitTahun
			if d.unit.SelectedIndex() == 1 {
				m.Unit = agreement.UnitBulan
			}
			m.Resolve(d.parentEnd)
		} else {
			end, err := kit.ParseFormDate(d.newEnd.Text)
			if err != nil || !end.Valid() {
				return m, lang.L("Tanggal berakhir yang baru tidak terbaca. Tulis seperti 11/06/2027.")
			}
			if start := d.e.a.EffectiveStart(); start.Valid() && !end.After(start) {
				return m, lang.L("Tanggal berakhir yang baru harus sesudah tanggal mulai berlaku {{.Date}}.", map[string]any{"Date": kit.FormDate(start)})
			}
			if d.kind == agreement.KindPerpanjangan && d.parentEnd.Valid() && !end.After(d.parentEnd) {
				return m, lang.L("Akhir perpanjangan harus sesudah akhir jangka waktu sekarang, {{.Date}}: isi tanggal yang lebih akhir.", map[string]any{"Date": kit.FormDate(d.parentEnd)})
			}
			m.End = end
		}
	}
	for i, on := range d.pasalOn {
		if !on.Checked {
			continue
		}
		p := d.pasal[i]
		text := strings.TrimSpace(d.pasalText[i].Text)
		if text == "" {
			return m, lang.L("Tulis teks baru Pasal {{.Number}}.", map[string]any{"Number": p.Number})
		}
		m.Pasal = append(m.Pasal, agreement.AmendedPasal{Number: p.Number, Heading: p.Heading, Text: text})
	}
	m.Signers = d.signers.Checked
	if d.other.Checked {
		if m.Text = strings.TrimSpace(d.otherText.Text); m.Text == "" {
			return m, lang.L("Tulis ketentuan lain yang diubah, atau hapus centangnya.")
		}
	}
	if m.Empty() {
		return m, lang.L("Pilih sekurang-kurangnya satu hal yang diubah.")
	}
	if d.kind == agreement.KindPerpanjangan && !m.Term {
		return m, lang.L("Perpanjangan mengubah jangka waktu: centang \"Jangka waktu\".")
	}
	return m, ""
}

func (d *changeDialog) onCreate() {
	m, problem := d.answer()
	if problem != "" {
		d.problem.SetText(problem)
		d.problem.Show()
		return
	}
	d.dlg.Hide()
	d.onFinished(m)
}

// deriveChange makes the Adendum or Perpanjangan that makes change m, with
// its pasal written from it, saves it as a draft and opens it.
func (e *Editor) deriveChange(kind agreement.Kind, m agreement.Amendment, parentEnd agreement.Date) {
	child, err := agreement.NewChild(&e.a, kind, e.now())
	if err != nil {
		e.fail(lang.L("Perjanjian baru tidak dibuat:"), err)
		return
	}
	lib, err := naskah.Shipped()
	if err != nil {
		e.fail(lang.L("Perjanjian baru tidak dibuat:"), err)
		return
	}
	child.Amends = &m
	e.recite(&child)
	if child.Parent != nil && parentEnd.Valid() {
		child.Parent.End = parentEnd // cited as the end before this change
	}
	if kind == agreement.KindPerpanjangan && m.Term {
		// The extension runs from the day after the end it extends.
		child.Term = agreement.Term{Length: m.Length, Unit: m.Unit, End: m.End, Extendable: e.a.Term.Extendable}
		if parentEnd.Valid() {
			child.Term.Start = parentEnd.AddDate(0, 0, 1)
		}
	}
	parent := e.a
	if parentEnd.Valid() {
		parent.Term.End = parentEnd // what this change changes: the end after earlier ones
	}
	child.Body = naskah.AdendumBody(&parent, kind, m, lib)
	child.Premises = naskah.AdendumPremises(&parent, m)
	e.create(&child)
}
