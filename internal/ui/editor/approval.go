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

// approvalTab is the editor's Persetujuan & Telaah tab: the two DPRD
// questions and, when either is answered yes, the persetujuan DPRD (number,
// date, the letter among the attachments); the central government's approval
// of foreign cooperation; and the TKKSD's review (review.go). Moving to Siap
// Tanda Tangan is refused at these fields while an approval or a required
// reviewer's agreement is missing.
type approvalTab struct {
	e *Editor

	burdens, outside *widget.RadioGroup
	dprd             letterFields
	dprdBox          *fyne.Container
	central          letterFields
	centralBy        *kit.Entry
	centralBox       *fyne.Container

	review reviewPart // review.go

	// parties are the instansi known, read when the tab first shows: they
	// say whether a partner is foreign and carry our office's procedure.
	parties []agreement.Party
	// letters are the attachments offered as an approval letter, as the
	// selects list them.
	letters []agreement.FileRef
	// quiet is set while the letter selects are refilled.
	quiet bool
}

// letterFields are an approval's number, date and letter.
type letterFields struct {
	number, date *kit.Entry
	letter       *widget.Select
	attach       *widget.Button
	sha          string // the letter chosen
}

// answerLabels are the radio options, in the order of answers.
var answers = []agreement.Answer{agreement.AnswerYes, agreement.AnswerNo}

func answerLabels() []string { return []string{lang.L("Ya"), lang.L("Tidak")} }

func (t *approvalTab) build() fyne.CanvasObject {
	e := t.e
	radio := func() *widget.RadioGroup {
		r := widget.NewRadioGroup(answerLabels(), func(string) { t.showNeeds(); e.markDirty() })
		r.Horizontal = true
		return r
	}
	t.burdens, t.outside = radio(), radio()
	t.letterFields(&t.dprd)
	t.letterFields(&t.central)
	t.centralBy = e.input(false)
	t.centralBy.SetPlaceHolder(lang.L("mis. Menteri Dalam Negeri"))
	field := func(label string, obj fyne.CanvasObject, problems ...string) *widget.FormItem {
		box := container.NewVBox(obj)
		for _, p := range problems {
			box.Add(e.problemLabel(p))
		}
		return widget.NewFormItem(lang.L(label), box)
	}
	letterRow := func(f *letterFields) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, f.attach, f.letter)
	}
	questions := widget.NewForm(
		field("Membebani masyarakat dan daerah?", t.burdens, "dprd.burdens"),
		field("Pendanaan di luar APBD tahun berjalan?", t.outside, "dprd.outside_budget"),
	)
	dprdNote := widget.NewLabel(lang.L("Salah satu jawaban \"Ya\": persetujuan DPRD wajib ada sebelum Siap Tanda Tangan."))
	dprdNote.Wrapping = fyne.TextWrapWord
	dprdNote.Importance = widget.WarningImportance
	t.dprdBox = container.NewVBox(dprdNote, widget.NewForm(
		field("Nomor persetujuan DPRD", t.dprd.number, "dprd.number"),
		field("Tanggal persetujuan DPRD", t.dprd.date, "dprd.date"),
		field("Surat persetujuan DPRD", letterRow(&t.dprd), "dprd.letter"),
	))
	centralNote := widget.NewLabel(lang.L("Kerja sama dengan pihak luar negeri memerlukan persetujuan Pemerintah Pusat sebelum Siap Tanda Tangan."))
	centralNote.Wrapping = fyne.TextWrapWord
	t.centralBox = container.NewVBox(heading(lang.L("Persetujuan Pemerintah Pusat")), centralNote, widget.NewForm(
		field("Nomor persetujuan", t.central.number, "central.number"),
		field("Tanggal persetujuan", t.central.date, "central.date"),
		widget.NewFormItem(lang.L("Disetujui oleh"), t.centralBy),
		field("Surat persetujuan", letterRow(&t.central), "central.letter"),
	))
	t.centralBox.Hide()
	return container.NewVScroll(container.NewVBox(
		heading(lang.L("Persetujuan DPRD")), questions, t.dprdBox, t.centralBox,
		widget.NewSeparator(), t.review.build(t)))
}

// letterFields makes the number, date and letter fields of one approval.
func (t *approvalTab) letterFields(f *letterFields) {
	e := t.e
	f.number, f.date = e.input(false), e.input(false)
	f.date.SetPlaceHolder(lang.L("hh/bb/tttt"))
	f.letter = kit.NewSelect(nil, func(string) {
		if t.quiet {
			return
		}
		if i := f.letter.SelectedIndex(); i > 0 && i <= len(t.letters) {
			f.sha = t.letters[i-1].SHA256
		} else {
			f.sha = ""
		}
		e.markDirty()
	})
	f.attach = widget.NewButtonWithIcon(lang.L("Lampirkan surat…"), theme.ContentAddIcon(), func() { t.onAttach(f) })
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return l
}

func (t *approvalTab) load(a agreement.Agreement) {
	setAnswer(t.burdens, a.DPRD.Burdens)
	setAnswer(t.outside, a.DPRD.OutsideBudget)
	t.dprd.number.SetText(a.DPRD.Number)
	t.dprd.date.SetText(kit.FormDate(a.DPRD.Date))
	t.dprd.sha = a.DPRD.Letter
	t.central.number.SetText(a.Central.Number)
	t.central.date.SetText(kit.FormDate(a.Central.Date))
	t.central.sha = a.Central.Letter
	t.centralBy.SetText(a.Central.By)
	t.showLetters(a.Attachments)
	t.review.load(a)
	t.showNeeds()
}

func setAnswer(r *widget.RadioGroup, a agreement.Answer) {
	for i, x := range answers {
		if x == a {
			r.SetSelected(answerLabels()[i])
			return
		}
	}
	r.SetSelected("")
}

func answerOf(r *widget.RadioGroup) agreement.Answer {
	for i, l := range answerLabels() {
		if r.Selected == l {
			return answers[i]
		}
	}
	return ""
}

// shown reads the instansi the first time the tab shows, for the foreign
// partner and the reviewers, and offers the attachments as they now are.
func (t *approvalTab) shown() {
	if t.parties == nil {
		parties, err := t.e.svc.Parties()
		if err != nil {
			t.e.fail(lang.L("Daftar instansi tidak dapat dibaca:"), err)
			return
		}
		t.parties = parties
	}
	t.showLetters(t.e.attachments.rows)
	t.showNeeds()
	t.review.showProcedure()
}

// showNeeds shows the DPRD's fields when they are needed or filled, and the
// central government's for a foreign partner.
func (t *approvalTab) showNeeds() {
	d := agreement.DPRDApproval{Required: t.e.a.DPRD.Required, Burdens: answerOf(t.burdens), OutsideBudget: answerOf(t.outside)}
	if d.NeedsDPRD() || strings.TrimSpace(t.dprd.number.Text) != "" {
		t.dprdBox.Show()
	} else {
		t.dprdBox.Hide()
	}
	a := t.e.a
	a.Parties = t.e.parties.rows
	if a.Foreign(partyList(t.parties)) || strings.TrimSpace(t.central.number.Text) != "" {
		t.centralBox.Show()
	} else {
		t.centralBox.Hide()
	}
}

// showLetters offers the files in list as letters, "(belum ada)" first,
// keeping each approval's choice.
func (t *approvalTab) showLetters(list []agreement.Attachment) {
	t.letters = t.letters[:0]
	t.quiet = true
	defer func() { t.quiet = false }()
	options := []string{lang.L("(belum ada)")}
	for _, at := range list {
		t.letters = append(t.letters, at.File)
		options = append(options, at.File.Name)
	}
	for _, f := range []*letterFields{&t.dprd, &t.central} {
		sha := f.sha
		f.letter.Options = options
		f.letter.ClearSelected()
		f.letter.SetSelectedIndex(0)
		for i, l := range t.letters {
			if l.SHA256 == sha {
				f.letter.SetSelectedIndex(i + 1)
			}
		}
		f.sha = sha // kept even when it is no longer attached: the save says so
	}
}

func (t *approvalTab) apply(a *agreement.Agreement, es *agreement.Errors) {
	a.DPRD.Burdens, a.DPRD.OutsideBudget = answerOf(t.burdens), answerOf(t.outside)
	a.DPRD.Number = strings.TrimSpace(t.dprd.number.Text)
	a.DPRD.Date = readDate(t.dprd.date, "dprd.date", es)
	a.DPRD.Letter = t.dprd.sha
	a.Central.Number = strings.TrimSpace(t.central.number.Text)
	a.Central.Date = readDate(t.central.date, "central.date", es)
	a.Central.By = strings.TrimSpace(t.centralBy.Text)
	a.Central.Letter = t.central.sha
	t.review.apply(a)
}

// readDate reads a date field, adding field's problem to es when it is not one.
func readDate(en *kit.Entry, field string, es *agreement.Errors) agreement.Date {
	d, err := kit.ParseFormDate(en.Text)
	if err != nil {
		*es = append(*es, agreement.FieldError{Field: field, Code: "bad_date"})
	}
	return d
}

// onAttach asks for the letter's file, attaches it and chooses it.
func (t *approvalTab) onAttach(f *letterFields) {
	t.e.chooseAttachment(func(name string, data []byte) { t.attachLetter(f, name, data) })
}

// attachLetter adds a file to the Lampiran (as "Lainnya", noted as the
// letter) and chooses it as f's letter.
func (t *approvalTab) attachLetter(f *letterFields, name string, data []byte) bool {
	at := t.e.attachments
	kind := at.kind.SelectedIndex()
	at.kind.SetSelectedIndex(len(attachmentKinds) - 1) // Lainnya
	ok := at.attach(name, data)
	at.kind.SetSelectedIndex(kind)
	if !ok {
		return false
	}
	last := &at.rows[len(at.rows)-1]
	last.Note = lang.L("Surat persetujuan")
	f.sha = last.File.SHA256
	t.showLetters(at.rows)
	return true
}

// partyList looks parties up in a list, for the rules that need only the
// instansi (the foreign partner, our office's procedure).
type partyList []agreement.Party

func (l partyList) Party(id agreement.ID) (agreement.Party, bool) {
	for _, p := range l {
		if p.ID == id {
			return p, true
		}
	}
	return agreement.Party{}, false
}
func (partyList) Official(agreement.ID) (agreement.Official, bool) {
	return agreement.Official{}, false
}
func (partyList) Mandate(agreement.ID) (agreement.Mandate, bool)    { return agreement.Mandate{}, false }
func (partyList) AgreementKind(agreement.ID) (agreement.Kind, bool) { return "", false }
func (partyList) RegionName(string) (string, bool)                  { return "", false }
