package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// procedureSection is Pengaturan → Prosedur kerja sama: the office's
// Procedure kept on our own party (the TKKSD reviewers, monev rounds, the
// days before signed copies count as incomplete, the longest term without a
// sectoral basis), saved through the seam like the rest of the settings.
type procedureSection struct {
	s *Settings

	rows     []*reviewerRow
	list     *fyne.Container
	addBtn   *widget.Button
	monev    *kit.Entry
	days     *kit.Entry
	maxYears *kit.Entry
	// partner: days a draft may wait on the partner (PartnerWaitDays).
	partner *kit.Entry
	saveBtn *widget.Button
	message *widget.Label
	content fyne.CanvasObject
}

// reviewerRow is one reviewer of the list: the office, whether it must
// agree, and buttons to move it up or down or take it out.
type reviewerRow struct {
	title            *kit.Entry
	required         *widget.Check
	up, down, remove *widget.Button
	box              *fyne.Container
}

func newProcedureSection(s *Settings) *procedureSection {
	p := &procedureSection{s: s}
	p.list = container.NewVBox()
	p.addBtn = widget.NewButtonWithIcon(lang.L("Tambah penelaah"), theme.ContentAddIcon(), func() {
		p.addRow(agreement.Reviewer{Required: true})
		p.layout()
	})
	p.monev, p.days, p.maxYears, p.partner = kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	p.message = widget.NewLabel("")
	p.message.Wrapping = fyne.TextWrapWord
	p.message.Hide()
	p.saveBtn = widget.NewButtonWithIcon(lang.L("Simpan prosedur"), theme.DocumentSaveIcon(), func() { p.save() })
	p.saveBtn.Importance = widget.HighImportance
	p.saveBtn.Disable() // until the settings show
	note := widget.NewLabel(lang.L("Penelaah yang wajib harus menyetujui telaah sebelum naskah dapat Siap Tanda Tangan. Urutan di sini adalah urutan pada lembar telaah."))
	note.Wrapping = fyne.TextWrapWord
	numbers := widget.NewForm(
		widget.NewFormItem(lang.L("Monev per tahun anggaran"), p.monev),
		widget.NewFormItem(lang.L("Salinan bertanda tangan belum lengkap setelah (hari)"), p.days),
		widget.NewFormItem(lang.L("Jangka waktu terpanjang tanpa dasar sektoral (tahun)"), p.maxYears),
		widget.NewFormItem(lang.L("Konsep menunggu jawaban mitra lebih dari (hari)"), p.partner),
	)
	body := container.NewVBox(
		heading(lang.L("Penelaah (TKKSD)")), note, p.list, container.NewHBox(p.addBtn),
		heading(lang.L("Monitoring dan jangka waktu")), numbers)
	p.content = container.NewBorder(nil, container.NewPadded(container.NewBorder(nil, nil, nil, p.saveBtn, p.message)), nil, nil,
		container.NewVScroll(container.NewPadded(body)))
	return p
}

// show puts the procedure kept on our office (or the default) in the form.
func (p *procedureSection) show() {
	pr := agreement.DefaultProcedure()
	if own := p.s.own.Procedure; own != nil {
		pr = own.WithDefaults()
	}
	p.rows = nil
	for _, r := range pr.Reviewers {
		p.addRow(r)
	}
	p.layout()
	p.monev.SetText(strconv.Itoa(pr.MonevPerYear))
	p.days.SetText(strconv.Itoa(pr.IncompleteAfterDays))
	p.maxYears.SetText(strconv.Itoa(pr.MaxTermYears))
	p.partner.SetText(strconv.Itoa(pr.PartnerWaitDays))
	p.message.Hide()
	p.saveBtn.Enable()
}

func (p *procedureSection) addRow(r agreement.Reviewer) {
	row := &reviewerRow{title: kit.NewEntry(), required: widget.NewCheck(lang.L("Wajib"), nil)}
	row.title.SetText(r.Title)
	row.title.SetPlaceHolder(lang.L("mis. Kepala Bagian Hukum"))
	row.required.SetChecked(r.Required)
	row.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { p.move(row, -1) })
	row.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { p.move(row, 1) })
	row.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.drop(row) })
	row.box = container.NewBorder(nil, nil, nil, container.NewHBox(row.required, row.up, row.down, row.remove), row.title)
	p.rows = append(p.rows, row)
}

// move moves row by d places (-1 up, 1 down).
func (p *procedureSection) move(row *reviewerRow, d int) {
	i := p.index(row)
	j := i + d
	if i < 0 || j < 0 || j >= len(p.rows) {
		return
	}
	p.rows[i], p.rows[j] = p.rows[j], p.rows[i]
	p.layout()
}

func (p *procedureSection) drop(row *reviewerRow) {
	if i := p.index(row); i >= 0 {
		p.rows = append(p.rows[:i], p.rows[i+1:]...)
		p.layout()
	}
}

func (p *procedureSection) index(row *reviewerRow) int {
	for i, r := range p.rows {
		if r == row {
			return i
		}
	}
	return -1
}

// layout shows the rows in their order; the first cannot move up, the last
// not down.
func (p *procedureSection) layout() {
	objs := make([]fyne.CanvasObject, len(p.rows))
	for i, r := range p.rows {
		objs[i] = r.box
		enableIf(i > 0, r.up)
		enableIf(i < len(p.rows)-1, r.down)
	}
	p.list.Objects = objs
	p.list.Refresh()
}

func enableIf(on bool, b *widget.Button) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// procedure reads the form; the text of a field that is not a whole number
// is returned as bad.
func (p *procedureSection) procedure() (pr agreement.Procedure, bad string) {
	for _, r := range p.rows {
		pr.Reviewers = append(pr.Reviewers, agreement.Reviewer{Title: strings.Join(strings.Fields(r.title.Text), " "), Required: r.required.Checked})
	}
	for _, n := range []struct {
		e    *kit.Entry
		into *int
	}{{p.monev, &pr.MonevPerYear}, {p.days, &pr.IncompleteAfterDays}, {p.maxYears, &pr.MaxTermYears}, {p.partner, &pr.PartnerWaitDays}} {
		v, err := strconv.Atoi(strings.TrimSpace(n.e.Text))
		if err != nil || v < 1 {
			return pr, n.e.Text
		}
		*n.into = v
	}
	return pr, ""
}

// save keeps the procedure on our office, or says what is wrong.
func (p *procedureSection) save() bool {
	fail := func(msg string) bool {
		p.say(msg, widget.DangerImportance)
		return false
	}
	pr, bad := p.procedure()
	if bad != "" {
		return fail(lang.L("\"{{.Text}}\" bukan bilangan bulat lebih dari nol.", map[string]any{"Text": bad}))
	}
	if len(pr.Reviewers) == 0 {
		return fail(lang.L("Cantumkan sekurang-kurangnya satu penelaah."))
	}
	own := p.s.own
	if own.ID == 0 {
		return fail(lang.L("Pilih dan simpan kantor kita di Umum lebih dulu."))
	}
	own.Procedure = &pr
	if err := p.s.svc.SaveParty(&own); err != nil {
		var es agreement.Errors
		if errors.As(err, &es) {
			return fail(lang.L("Belum tersimpan:") + "\n" + procedureProblems(es))
		}
		return fail(kit.Unsaved(err))
	}
	p.s.own = own // the next save of Umum carries the new revision
	p.say(lang.L("Prosedur tersimpan."), widget.SuccessImportance)
	return true
}

// procedureProblems says what is wrong, each problem named as the form names
// its field.
func procedureProblems(es agreement.Errors) string {
	labels := map[string]string{
		"procedure.monev_per_year":        "Monev per tahun anggaran",
		"procedure.incomplete_after_days": "Salinan bertanda tangan belum lengkap setelah (hari)",
		"procedure.max_term_years":        "Jangka waktu terpanjang tanpa dasar sektoral (tahun)",
		"procedure.partner_wait_days":     "Konsep menunggu jawaban mitra lebih dari (hari)",
	}
	lines := make([]string, len(es))
	for i, e := range es {
		label := lang.L("Penelaah (TKKSD)")
		if l, ok := labels[e.Field]; ok {
			label = lang.L(l)
		} else if !strings.HasPrefix(e.Field, "procedure.") {
			label = lang.L("Kantor kita")
		}
		lines[i] = label + ": " + e.Message(kit.Lang())
	}
	return strings.Join(lines, "\n")
}

func (p *procedureSection) say(msg string, importance widget.Importance) {
	p.message.SetText(msg)
	p.message.Importance = importance
	p.message.Show()
	p.message.Refresh()
}
