package editor

import (
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

// termTab is the editor's Jangka Waktu tab (the term and the funding).
type termTab struct {
	e *Editor

	length, start                *kit.Entry
	unit                         *widget.Select
	extendable                   *widget.Check
	fundingSource, fundingAmount *kit.Entry
	fundingNotes                 *kit.Entry

	// sectoral is the rule that allows a term over the office's maximum;
	// overMax warns, at the length, when the term is longer without one.
	sectoral *kit.Entry
	overMax  *widget.Label
	proc     agreement.Procedure
	// signed says, on a signed agreement, that its term is what was signed:
	// an extension or a change is a new agreement, made with the buttons
	// beside it.
	signed        *widget.Label
	extend, amend *widget.Button
	signedNote    *fyne.Container

	form *widget.Form
	// adendum says, on an Adendum, that it has no term of its own and what
	// it makes of its parent's end.
	adendum *widget.Label
}

// termUnits are the units the unit select offers, in order.
var termUnits = []agreement.TermUnit{agreement.UnitTahun, agreement.UnitBulan}

func (t *termTab) build() fyne.CanvasObject {
	e := t.e
	t.length, t.start = e.input(false), e.input(false)
	t.start.SetPlaceHolder(lang.L("hh/bb/tttt, kosong bila sejak ditandatangani"))
	t.unit = kit.NewSelect([]string{lang.L("tahun"), lang.L("bulan")}, func(string) { e.markDirty(); t.checkTerm() })
	t.length.OnChanged = func(string) { e.markDirty(); t.checkTerm() }
	t.sectoral = e.wrappedInput()
	t.sectoral.OnChanged = func(string) { e.markDirty(); t.checkTerm() }
	t.sectoral.SetPlaceHolder(lang.L("bila lebih lama dari batas kantor, mis. PP 27/2014 tentang Pengelolaan BMN/BMD, Pasal 37"))
	t.overMax = widget.NewLabel("")
	t.overMax.Wrapping = fyne.TextWrapWord
	t.overMax.Importance = widget.WarningImportance
	t.overMax.Hide()
	t.signed = widget.NewLabel(lang.L("Sudah ditandatangani: jangka waktu yang ditandatangani tidak dapat diubah. Memperpanjang dibuat sebagai Perpanjangan, mengubah sebagai Adendum; keduanya naskah baru yang ditandatangani PARA PIHAK."))
	t.signed.Wrapping = fyne.TextWrapWord
	t.signed.Importance = widget.WarningImportance
	t.extend = widget.NewButtonWithIcon(lang.L("Perpanjang"), theme.HistoryIcon(), func() { e.onDerive(agreement.KindPerpanjangan) })
	t.amend = widget.NewButtonWithIcon(lang.L("Buat Adendum"), theme.DocumentCreateIcon(), func() { e.onDerive(agreement.KindAdendum) })
	t.signedNote = container.NewVBox(t.signed, container.NewHBox(t.extend, t.amend))
	t.signedNote.Hide()
	t.extendable = widget.NewCheck(lang.L("Dapat diperpanjang"), func(bool) { e.markDirty() })
	t.fundingSource, t.fundingAmount, t.fundingNotes = e.input(false), e.input(false), e.input(true)
	t.fundingAmount.SetPlaceHolder(lang.L("rupiah, tanpa titik"))
	t.adendum = widget.NewLabel("")
	t.adendum.Wrapping = fyne.TextWrapWord
	t.adendum.Hide()
	t.form = widget.NewForm(
		widget.NewFormItem(lang.L("Lama"), container.NewVBox(container.NewGridWithColumns(2, t.length, t.unit), t.overMax, e.problemLabel("term.length"))),
		widget.NewFormItem(lang.L("Mulai berlaku"), container.NewVBox(t.start, e.problemLabel("term.start"))),
		widget.NewFormItem("", container.NewVBox(t.extendable, e.problemLabel("term.end"), e.problemLabel("term.unit"))),
		widget.NewFormItem(lang.L("Dasar hukum sektoral"), container.NewVBox(t.sectoral, e.problemLabel("term.sectoral_basis"))),
		widget.NewFormItem(lang.L("Sumber pembiayaan"), t.fundingSource),
		widget.NewFormItem(lang.L("Nilai (Rp)"), container.NewVBox(t.fundingAmount, e.problemLabel("funding.amount"))),
		widget.NewFormItem(lang.L("Keterangan pembiayaan"), t.fundingNotes),
	)
	return container.NewVScroll(container.NewVBox(t.signedNote, t.adendum, t.form))
}

// showAdendum fits the tab to an Adendum, which has no length of its own: it
// comes into force when signed (or from the date typed) and changes its
// parent's end, as chosen when it was made.
func (t *termTab) showAdendum(a agreement.Agreement) {
	isAdd := a.Kind == agreement.KindAdendum
	lengthRow := t.form.Items[0]
	if isAdd {
		lengthRow.Widget.Hide()
		lengthRow.Text = ""
		t.extendable.Hide()
		text := lang.L("Adendum tidak mempunyai jangka waktu sendiri: Adendum mulai berlaku sejak ditandatangani, kecuali diisi tanggal lain di bawah.")
		changes := false
		if m := a.Amends; m != nil && m.Term && m.End.Valid() {
			changes = true
			text += " " + lang.L("Setelah Adendum ini ditandatangani, perjanjian induk berlaku sampai dengan {{.Date}}.", map[string]any{"Date": kit.ShortDate(m.End)})
		}
		if a.EndsWithParent() {
			text += " " + t.endsWithParent(changes && a.Status != agreement.StatusDitandatangani)
		}
		t.adendum.SetText(text)
		t.adendum.Show()
	} else {
		lengthRow.Widget.Show()
		lengthRow.Text = lang.L("Lama")
		t.extendable.Show()
		t.adendum.Hide()
	}
	t.form.Refresh()
}

// endsWithParent says that an Adendum without a term of its own ends with
// its parent, and when that is now: the register keeps the parent's end,
// after its signed extensions, in the Adendum's row (or, before the Adendum
// is saved, in the parent's). A draft that changes the term gets no date:
// the parent's end moves once it is signed.
func (t *termTab) endsWithParent(changes bool) string {
	a := &t.e.a
	if changes {
		return lang.L("Adendum berakhir bersama perjanjian induknya.")
	}
	end := agreement.Date{}
	if a.Parent != nil {
		end = a.Parent.End
	}
	id := a.ID
	if id == 0 {
		id = a.ParentID
	}
	if r, ok := t.e.svc.(summaries); ok && id != 0 {
		if rows, err := r.Summaries([]agreement.ID{id}); err == nil && len(rows) == 1 {
			end = rows[0].End
		}
	}
	if !end.Valid() {
		return lang.L("Perjanjian induknya tidak mempunyai tanggal berakhir: Adendum berlaku selama perjanjian induk berlaku.")
	}
	return lang.L("Adendum berakhir bersama perjanjian induknya, kini pada {{.Date}}, dan ikut bila perjanjian induk diperpanjang.", map[string]any{"Date": kit.ShortDate(end)})
}

func (t *termTab) load(a agreement.Agreement) {
	t.length.SetText("")
	if a.Term.Length > 0 {
		t.length.SetText(strconv.Itoa(a.Term.Length))
	}
	t.unit.SetSelectedIndex(map[agreement.TermUnit]int{agreement.UnitTahun: 0, agreement.UnitBulan: 1}[a.Term.Unit])
	t.start.SetText(kit.FormDate(a.Term.Start))
	t.extendable.SetChecked(a.Term.Extendable)
	t.fundingSource.SetText(a.Funding.Source)
	t.fundingAmount.SetText("")
	if a.Funding.Amount != 0 {
		t.fundingAmount.SetText(strconv.FormatInt(a.Funding.Amount, 10))
	}
	t.fundingNotes.SetText(a.Funding.Notes)
	t.sectoral.SetText(a.Term.SectoralBasis)
	t.showAdendum(a)
	enable(!a.Locked(), t.length, t.unit, t.start, t.extendable, t.fundingSource, t.fundingAmount, t.fundingNotes, t.sectoral)
	t.showSigned(a)
	// The office's longest term; a registry that cannot be read leaves the default.
	parties, _ := t.e.svc.Parties()
	t.proc = agreement.OfficeProcedure(parties)
	t.checkTerm()
}

// showSigned points a signed agreement's term to the new agreements that
// extend or change it, as the domain allows them.
func (t *termTab) showSigned(a agreement.Agreement) {
	if !a.Locked() || a.Status != agreement.StatusDitandatangani {
		t.signedNote.Hide()
		return
	}
	for kind, b := range map[agreement.Kind]*widget.Button{agreement.KindPerpanjangan: t.extend, agreement.KindAdendum: t.amend} {
		if _, err := agreement.NewChild(&a, kind, t.e.now()); err != nil {
			b.Hide()
		} else {
			b.Show()
		}
	}
	t.signedNote.Show()
}

// checkTerm warns at the length when the term typed is longer than the
// office allows without a sectoral basis.
func (t *termTab) checkTerm() {
	if t.sectoral == nil || t.overMax == nil {
		return // still building
	}
	n, err := strconv.Atoi(strings.TrimSpace(t.length.Text))
	term := agreement.Term{Length: n, Unit: termUnits[max(t.unit.SelectedIndex(), 0)], SectoralBasis: t.sectoral.Text}
	if err != nil || t.e.a.Kind == agreement.KindAdendum || !term.OverMax(t.proc) {
		t.overMax.Hide()
		return
	}
	fe := agreement.FieldError{Field: "term.length", Code: "term_over_max", Args: []any{t.proc.WithDefaults().MaxTermYears}}
	t.overMax.SetText(fe.Message(kit.Lang()))
	t.overMax.Show()
}

func (t *termTab) apply(a *agreement.Agreement, es *agreement.Errors) {
	a.Term.Length = 0
	if s := strings.TrimSpace(t.length.Text); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			*es = append(*es, agreement.FieldError{Field: "term.length", Code: "form_number"})
		}
		a.Term.Length = n
	}
	a.Term.Unit = termUnits[max(t.unit.SelectedIndex(), 0)]
	start, err := kit.ParseFormDate(t.start.Text)
	if err != nil {
		*es = append(*es, dateProblem("term.start", t.start.Text, err))
	}
	a.Term.Start = start
	if a.Kind == agreement.KindAdendum && !a.Locked() {
		// No length of its own: only the date it comes into force, if not at signing.
		a.Term.Length, a.Term.End, a.Term.Extendable = 0, agreement.Date{}, false
	}
	if !start.IsZero() && a.Term.Length > 0 {
		a.Term.End = a.Term.EndFor(start)
	}
	a.Term.Extendable = t.extendable.Checked
	a.Term.SectoralBasis = strings.TrimSpace(t.sectoral.Text)
	a.Funding.Source = strings.TrimSpace(t.fundingSource.Text)
	a.Funding.Notes = strings.TrimSpace(t.fundingNotes.Text)
	a.Funding.Amount = 0
	if s := rupiah(t.fundingAmount.Text); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			*es = append(*es, agreement.FieldError{Field: "funding.amount", Code: "form_amount"})
		}
		a.Funding.Amount = n
	}
}

// rupiah is an amount as typed ("Rp 150.000.000,00") as digits: without
// the currency, the thousands' dots and spaces, and zero sen.
func rupiah(typed string) string {
	s := strings.TrimSpace(typed)
	if len(s) >= 2 && strings.EqualFold(s[:2], "rp") {
		s = strings.TrimPrefix(s[2:], ".")
	}
	s = strings.NewReplacer(".", "", " ", "", "\u00a0", "").Replace(s)
	for _, zero := range []string{",00", ",0", ",-"} {
		s = strings.TrimSuffix(s, zero)
	}
	return s
}
