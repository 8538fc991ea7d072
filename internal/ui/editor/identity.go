package editor

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// identityTab is the editor's Identitas tab: kind, category, status,
// subject, numbers, place, labels and notes.
type identityTab struct {
	e *Editor

	kind, status                *widget.Label
	category                    *widget.Select
	voluntary                   *widget.RadioGroup // KSDD wajib or sukarela
	lockNote                    *widget.Label
	subject, place, tags, notes *kit.Entry
	ownNumber, partnerNumber    *kit.Entry
	takeNumber                  *widget.Button
}

func (t *identityTab) build() fyne.CanvasObject {
	e := t.e
	t.kind, t.status = widget.NewLabel(""), widget.NewLabel("")
	t.subject, t.place, t.tags, t.notes = e.input(true), e.input(false), e.input(false), e.input(true)
	t.ownNumber, t.partnerNumber = e.input(false), e.input(false)
	t.takeNumber = widget.NewButtonWithIcon(lang.L("Ambil nomor"), theme.ContentAddIcon(), t.onTakeNumber)
	t.voluntary = widget.NewRadioGroup([]string{lang.L("Sukarela"), lang.L("Wajib")}, func(string) { e.markDirty() })
	t.voluntary.Horizontal = true
	t.voluntary.Required = true
	t.category = widget.NewSelect(categoryChoices(), func(string) {
		t.voluntary.Hidden = t.selectedCategory() != agreement.CatKSDD
		t.voluntary.Refresh()
		e.markDirty()
		e.checkFit()
	})
	t.tags.SetPlaceHolder(lang.L("dipisah koma, mis. magang, digitalisasi"))
	t.lockNote = widget.NewLabel(lang.L("Sudah ditandatangani: isi yang ditandatangani terkunci. Label, catatan dan monitoring tetap dapat diubah."))
	t.lockNote.Wrapping = fyne.TextWrapWord
	t.lockNote.Importance = widget.WarningImportance
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Jenis"), container.NewVBox(t.kind, e.problemLabel("kind"))),
		widget.NewFormItem(lang.L("Kategori"), container.NewVBox(t.category, t.voluntary, e.problemLabel("category"))),
		widget.NewFormItem(lang.L("Status"), t.status),
		widget.NewFormItem(lang.L("Tentang"), container.NewVBox(t.subject, e.problemLabel("subject"))),
		widget.NewFormItem(lang.L("Nomor kita"), container.NewVBox(container.NewBorder(nil, nil, nil, t.takeNumber, t.ownNumber), e.problemLabel(ownNumberField))),
		widget.NewFormItem(lang.L("Nomor mitra"), t.partnerNumber),
		widget.NewFormItem(lang.L("Tempat penandatanganan"), container.NewVBox(t.place, e.problemLabel("place"))),
		widget.NewFormItem(lang.L("Label"), t.tags),
		widget.NewFormItem(lang.L("Catatan"), t.notes),
	)
	return container.NewVScroll(container.NewVBox(t.lockNote, form))
}

func (t *identityTab) load(a agreement.Agreement) {
	t.kind.SetText(string(a.Kind) + " – " + lang.L(a.Kind.Title()))
	t.status.SetText(lang.L(t.e.phase().Label())) // e.a is a
	t.category.SetSelectedIndex(categoryIndex(a.Category))
	t.voluntary.SetSelected(lang.L("Wajib"))
	if a.Voluntary {
		t.voluntary.SetSelected(lang.L("Sukarela"))
	}
	t.voluntary.Hidden = a.Category != agreement.CatKSDD
	t.subject.SetText(a.Subject)
	t.place.SetText(a.Place)
	t.tags.SetText(strings.Join(a.Tags, ", "))
	t.notes.SetText(a.Notes)
	t.ownNumber.SetText(a.OwnNumber())
	t.partnerNumber.SetText(a.PartnerNumber())
	// The text of a signed agreement is what was signed: locked.
	locked := a.Locked()
	t.lockNote.Hidden = !locked
	if a.Status == agreement.StatusDibatalkan {
		t.lockNote.SetText(lang.L("Dibatalkan setelah ditandatangani: isi yang ditandatangani tetap terkunci. Label, catatan dan monitoring tetap dapat diubah."))
	} else {
		t.lockNote.SetText(lang.L("Sudah ditandatangani: isi yang ditandatangani terkunci. Label, catatan dan monitoring tetap dapat diubah."))
	}
	enable(!locked, t.subject, t.place, t.category, t.voluntary)
	// A number the signed original carried stays; one it left open (written
	// by hand, or not yet) may still be entered, or taken.
	enable(!locked || !agreement.NumberGiven(a.OwnNumber()), t.ownNumber)
	enable(!locked || !agreement.NumberGiven(a.PartnerNumber()), t.partnerNumber)
	enable(!agreement.NumberGiven(a.OwnNumber()), t.takeNumber)
}

// mirror keeps two fields of one value alike: what is typed in either shows
// in the other (a party's number in Identitas and in Penandatanganan).
func (e *Editor) mirror(a, b *kit.Entry) {
	a.OnChanged = func(s string) {
		if b.Text != s {
			b.SetText(s)
		}
		e.markDirty()
	}
	b.OnChanged = func(s string) {
		if a.Text != s {
			a.SetText(s)
		}
		e.markDirty()
	}
}

// apply reads the subject, place, notes and labels, and the numbers into the
// parties (read before, by the parties tab).
func (t *identityTab) apply(a *agreement.Agreement, _ *agreement.Errors) {
	a.Category = t.selectedCategory()
	a.Voluntary = a.Category == agreement.CatKSDD && t.voluntary.Selected == lang.L("Sukarela")
	a.Subject = strings.TrimSpace(t.subject.Text)
	a.Place = strings.TrimSpace(t.place.Text)
	a.Notes = strings.TrimSpace(t.notes.Text)
	a.Tags = nil
	for _, tag := range strings.Split(t.tags.Text, ",") {
		if tag = strings.TrimSpace(tag); tag != "" {
			a.Tags = append(a.Tags, tag)
		}
	}
	for i := range a.Parties {
		if a.Parties[i].Own {
			a.Parties[i].Number = strings.TrimSpace(t.ownNumber.Text)
		}
	}
	for i := range a.Parties {
		if !a.Parties[i].Own {
			a.Parties[i].Number = strings.TrimSpace(t.partnerNumber.Text)
			break
		}
	}
}

// selectedCategory is the category chosen, "" for none.
func (t *identityTab) selectedCategory() agreement.Category {
	if i := t.category.SelectedIndex(); i > 0 && i <= len(agreement.Categories) {
		return agreement.Categories[i-1]
	}
	return ""
}

// categoryIndex is c's option in the Kategori select.
func categoryIndex(c agreement.Category) int {
	return slices.Index(agreement.Categories, c) + 1
}

// onTakeNumber reserves the next number of our office's scheme for this agreement.
func (t *identityTab) onTakeNumber() {
	e := t.e
	own, ok := e.a.OwnParty()
	if !ok {
		e.say(lang.L("Nomor tidak dapat diambil:")+" "+lang.L("perjanjian ini belum memuat kantor kita sebagai pihak"), widget.DangerImportance)
		return
	}
	// The number carries the year (and month) of the signing as the form
	// has it now, typed or not yet saved.
	a, _ := e.form()
	today := agreement.DateOf(e.now())
	d, from := a.NumberDate(today)
	n, err := e.svc.ReserveNumber(own.PartyID, e.a.Kind, d, e.a.ID)
	if err != nil {
		e.fail(lang.L("Nomor tidak dapat diambil:"), err)
		return
	}
	t.ownNumber.SetText(n)
	t.takeNumber.Disable()
	if msg := t.numberDateNote(own.PartyID, d, from, today); msg != "" {
		e.notice(msg)
	}
}

// numberDateNote says which year (or month) a number took when it is not
// today's: "Nomor memakai tahun 2024, tahun penandatanganan."
func (t *identityTab) numberDateNote(office agreement.ID, d agreement.Date, from agreement.NumberSource, today agreement.Date) string {
	if from == agreement.NumberFromToday {
		return ""
	}
	whose := lang.L("penandatanganan")
	if from == agreement.NumberFromPlan {
		whose = lang.L("rencana penandatanganan")
	}
	if d.Year != today.Year {
		return lang.L("Nomor memakai tahun {{.Year}}, tahun {{.Whose}}.", map[string]any{"Year": d.Year, "Whose": whose})
	}
	if d.Month == today.Month {
		return ""
	}
	if p, err := t.e.svc.Party(office); err != nil || p.Numbering == nil || !p.Numbering.UsesMonth(t.e.a.Kind) {
		return ""
	}
	return lang.L("Nomor memakai bulan {{.Month}}, bulan {{.Whose}}.", map[string]any{"Month": bahasa.Roman(int(d.Month)), "Whose": whose})
}

// enable enables the widgets when on, else disables them.
func enable(on bool, ws ...fyne.Disableable) {
	for _, w := range ws {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

// ownNumberField names the own number's problem label: the record's path
// (parties[i].number of our own party) follows the parties' order.
const ownNumberField = "own_number"

// atOwnNumber moves the problems with a's own number (its number already
// carried by another agreement, too long) to the label beside the number field.
func atOwnNumber(a *agreement.Agreement, es agreement.Errors) agreement.Errors {
	_, _, field := service.OwnNumber(a)
	if field == "" {
		return es
	}
	out := slices.Clone(es)
	for i := range out {
		if out[i].Field == field {
			out[i].Field = ownNumberField
		}
	}
	return out
}
