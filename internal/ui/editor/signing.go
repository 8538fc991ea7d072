package editor

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// signingTab is the editor's Penandatanganan tab: the status with the steps it
// may take, and the signing record.
type signingTab struct {
	e *Editor

	statusText                *widget.Label
	reason                    *widget.Label // why it was cancelled
	steps                     *fyne.Container
	stepBtns                  map[agreement.Status]*widget.Button
	date, place, venue, notes *kit.Entry
	copies, meterai           *kit.Entry
	// numbers are the parties' numbers (AgreementParty.Number), one per
	// party of numberParties: the same numbers the Identitas tab shows.
	numbers       []*kit.Entry
	numberParties []agreement.ID
	numbersBox    *fyne.Container

	// The signed copies checklist, shown once the agreement is signed.
	copiesCard  *fyne.Container
	copiesState *widget.Label
	copiesGrid  *fyne.Container
	copyRows    []copyRow
}

// copyRow is one signed original as held by one party, with its checks.
type copyRow struct {
	check                              agreement.CopyCheck
	paraf, meterai, stempel, exchanged *widget.Check
	// scanned says whether the scan is attached: the Lampiran tab decides.
	scanned *widget.Label
}

func (t *signingTab) build() fyne.CanvasObject {
	e := t.e
	t.statusText = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.reason = widget.NewLabel("")
	t.reason.Wrapping = fyne.TextWrapWord
	t.reason.Hide()
	t.steps = container.NewHBox()
	t.date, t.place, t.venue = e.input(false), e.input(false), e.wrappedInput()
	t.date.SetPlaceHolder(lang.L("hh/bb/tttt"))
	t.place.SetPlaceHolder(lang.L("kota, mis. Sumedang"))
	t.venue.SetPlaceHolder(lang.L("mis. Gedung Negara Kabupaten Sumedang"))
	t.copies, t.meterai = e.input(false), e.input(false)
	t.notes = kit.NewMultiLineEntry()
	t.notes.OnChanged = func(string) { e.markDirty() }
	t.numbersBox = container.NewVBox()
	field := func(label string, obj fyne.CanvasObject, problem string) *widget.FormItem {
		return widget.NewFormItem(lang.L(label), container.NewVBox(obj, e.problemLabel(problem)))
	}
	form := widget.NewForm(
		field("Tanggal penandatanganan", t.date, "signing.date"),
		field("Tempat (kota)", t.place, "signing.place"),
		widget.NewFormItem(lang.L("Lokasi acara"), t.venue),
		widget.NewFormItem(lang.L("Nomor pada naskah asli"), t.numbersBox),
		field("Rangkap", t.copies, "copies"),
		field("Meterai dibubuhkan", t.meterai, "signing.meterai"),
		widget.NewFormItem(lang.L("Catatan penandatanganan"), t.notes),
	)
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel(lang.L("Status:")), t.statusText), t.reason,
		t.steps, e.problemLabel("status"), e.problemLabel("cancel_reason"), e.problemLabel("signing"), widget.NewSeparator())
	t.copiesState = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.copiesGrid = container.NewVBox()
	hint := widget.NewLabel(lang.L("Centang tiap butir yang sudah selesai pada tiap naskah asli. Pindaian terisi sendiri bila pindaian naskah bertanda tangan dilampirkan di tab Lampiran."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	t.copiesCard = container.NewVBox(widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("Kelengkapan naskah asli"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		t.copiesState, hint, t.copiesGrid)
	return container.NewVScroll(container.NewVBox(top, form, t.copiesCard))
}

// copyHeads head the columns of the copies checklist.
var copyHeads = []string{"Naskah asli", "Paraf tiap halaman", "Meterai", "Stempel", "Dipertukarkan", "Pindaian"}

// loadCopies shows the copies checklist of a signed agreement: a row per
// original and party, the scan ticked when a scan of the signed original is
// attached.
func (t *signingTab) loadCopies(a agreement.Agreement) {
	t.copiesGrid.RemoveAll()
	t.copyRows = nil
	if a.Status != agreement.StatusDitandatangani {
		t.copiesCard.Hide()
		return
	}
	t.copiesCard.Show()
	// A row: the original and its party at the left, then a column per item.
	row := func(name fyne.CanvasObject, items ...fyne.CanvasObject) fyne.CanvasObject {
		return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(330, name.MinSize().Height), name), nil,
			container.NewGridWithColumns(len(items), items...))
	}
	var heads []fyne.CanvasObject
	for _, h := range copyHeads {
		head := widget.NewLabelWithStyle(lang.L(h), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Truncation = fyne.TextTruncateEllipsis
		heads = append(heads, head)
	}
	t.copiesGrid.Add(row(heads[0], heads[1:]...))
	scan := hasScan(a)
	for _, c := range a.Checklist() {
		c.Scanned = scan
		r := copyRow{check: c}
		mk := func(v bool) *widget.Check {
			ch := widget.NewCheck("", func(bool) { t.e.markDirty(); t.showCopiesState() })
			ch.SetChecked(v)
			return ch
		}
		r.paraf, r.meterai, r.stempel, r.exchanged = mk(c.Paraf), mk(c.Meterai), mk(c.Stempel), mk(c.Exchanged)
		r.scanned = widget.NewLabel(lang.L("belum"))
		r.scanned.Importance = widget.WarningImportance
		if scan {
			r.scanned.SetText(lang.L("terlampir"))
			r.scanned.Importance = widget.SuccessImportance
		}
		name := lang.L("Rangkap {{.N}} · {{.Party}}", map[string]any{"N": c.Copy, "Party": t.partyName(c.PartyID)})
		label := widget.NewLabel(name)
		label.Truncation = fyne.TextTruncateEllipsis
		t.copiesGrid.Add(row(label, r.paraf, r.meterai, r.stempel, r.exchanged, r.scanned))
		t.copyRows = append(t.copyRows, r)
	}
	t.showCopiesState()
}

// partyName is a party's short name, or its name, or its number in the register.
func (t *signingTab) partyName(id agreement.ID) string {
	p, err := t.e.svc.Party(id)
	switch {
	case err != nil:
		return lang.L("Pihak #{{.ID}}", map[string]any{"ID": id})
	case p.ShortName != "":
		return p.ShortName
	}
	return p.Name
}

// hasScan reports whether a scan of the signed original is attached.
func hasScan(a agreement.Agreement) bool { return scanOf(a) != "" }

// scanOf is the SHA-256 of the scan of the signed original attached last, or "".
func scanOf(a agreement.Agreement) string {
	sha := ""
	for _, at := range a.Attachments {
		if at.Kind == agreement.AttachScan {
			sha = at.File.SHA256
		}
	}
	return sha
}

// checklist reads the copies checklist from the checks.
func (t *signingTab) checklist() []agreement.CopyCheck {
	var out []agreement.CopyCheck
	for _, r := range t.copyRows {
		c := r.check
		c.Paraf, c.Meterai, c.Stempel, c.Exchanged = r.paraf.Checked, r.meterai.Checked, r.stempel.Checked, r.exchanged.Checked
		out = append(out, c)
	}
	return out
}

// showCopiesState says whether every original is finished.
func (t *signingTab) showCopiesState() {
	list := t.checklist()
	done := 0
	for _, c := range list {
		if c.Done() {
			done++
		}
	}
	if len(list) > 0 && done == len(list) {
		t.copiesState.SetText(lang.L("Lengkap: semua {{.Total}} naskah asli selesai.", map[string]any{"Total": len(list)}))
		t.copiesState.Importance = widget.SuccessImportance
	} else {
		t.copiesState.SetText(lang.L("Belum lengkap: {{.Done}} dari {{.Total}} naskah asli selesai.", map[string]any{"Done": done, "Total": len(list)}))
		t.copiesState.Importance = widget.WarningImportance
	}
	t.copiesState.Refresh()
}

// load shows the agreement's status, its possible steps and its signing record.
func (t *signingTab) load(a agreement.Agreement) {
	t.statusText.SetText(lang.L(t.e.phase().Label())) // e.a is a
	t.reason.Hide()
	if a.Status == agreement.StatusDibatalkan && strings.TrimSpace(a.CancelReason) != "" {
		t.reason.SetText(lang.L("Alasan pembatalan: {{.Reason}}", map[string]any{"Reason": a.CancelReason}))
		t.reason.Show()
	}
	t.steps.RemoveAll()
	t.stepBtns = map[agreement.Status]*widget.Button{}
	for _, to := range agreement.NextStatuses(a.Status) {
		to := to
		b := widget.NewButton(stepLabel(to), func() { t.onStep(to) })
		t.stepBtns[to] = b
		if to == agreement.StatusDitandatangani {
			b.Importance = widget.HighImportance
		}
		if to == agreement.StatusDibatalkan {
			b.Importance = widget.DangerImportance
		}
		t.steps.Add(b)
	}
	s := a.Signing
	if s == nil {
		s = &agreement.Signing{Place: a.Place}
	}
	t.date.SetText(kit.FormDate(s.Date))
	t.place.SetText(s.Place)
	t.venue.SetText(s.Venue)
	t.notes.SetText(s.Notes)
	t.copies.SetText(countText(a.Copies))
	t.meterai.SetText(countText(s.Meterai))
	t.numbersBox.RemoveAll()
	t.numbers, t.numberParties = nil, nil
	own, partner := -1, -1
	for i, p := range a.Parties {
		n := t.e.input(false)
		n.SetText(p.Number)
		t.numbers = append(t.numbers, n)
		t.numberParties = append(t.numberParties, p.PartyID)
		switch {
		case p.Own && own < 0:
			own = i
		case !p.Own && partner < 0:
			partner = i
		}
		role := widget.NewLabel(lang.L(p.Role.Label()))
		t.numbersBox.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(150, role.MinSize().Height), role), nil, n))
		// A number the signed original carried stays; one it left open
		// (written by hand, or not yet) may still be entered.
		enable(!a.Locked() || !agreement.NumberGiven(p.Number), n)
	}
	// One number per party: what is typed here is what Identitas shows, and back.
	if own >= 0 {
		t.e.mirror(t.numbers[own], t.e.identity.ownNumber)
	}
	if partner >= 0 {
		t.e.mirror(t.numbers[partner], t.e.identity.partnerNumber)
	}
	// The record of a signed agreement keeps its date and the rangkap its
	// text gives; a rangkap it left open may be entered.
	enable(!a.Locked(), t.date)
	enable(!a.Locked() || a.Copies == 0, t.copies)
	t.loadCopies(a)
}

func countText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// stepLabel names the step to a status as a button says it.
func stepLabel(to agreement.Status) string {
	switch to {
	case agreement.StatusKonsep:
		return lang.L("Kembalikan ke konsep")
	case agreement.StatusTelaah:
		return lang.L("Ajukan telaah")
	case agreement.StatusSiapTTD:
		return lang.L("Siap tanda tangan")
	case agreement.StatusDitandatangani:
		return lang.L("Tandai Ditandatangani")
	case agreement.StatusDibatalkan:
		return lang.L("Batalkan")
	}
	return string(to)
}

// apply reads the signing record; an empty record is not kept.
func (t *signingTab) apply(a *agreement.Agreement, es *agreement.Errors) { t.record(a, es, false) }

// record reads the signing record from the form into a; an empty form records
// nothing unless force (marking the agreement signed).
func (t *signingTab) record(a *agreement.Agreement, es *agreement.Errors, force bool) {
	d, err := kit.ParseFormDate(t.date.Text)
	if err != nil {
		*es = append(*es, dateProblem("signing.date", t.date.Text, err))
	}
	s := &agreement.Signing{Date: d, Place: strings.TrimSpace(t.place.Text), Venue: strings.TrimSpace(t.venue.Text),
		Notes: strings.TrimSpace(t.notes.Text)}
	if a.Signing != nil {
		s.Signers, s.Witnesses, s.Scan, s.Checklist = a.Signing.Signers, a.Signing.Witnesses, a.Signing.Scan, a.Signing.Checklist
	}
	if len(t.copyRows) > 0 {
		s.Checklist = t.checklist()
	}
	// The rangkap is the agreement's (Agreement.Copies), which its closing
	// states: one number, wherever it is typed.
	copies := 0
	for f, x := range map[string]*int{"copies": &copies, "signing.meterai": &s.Meterai} {
		txt := map[string]*kit.Entry{"copies": t.copies, "signing.meterai": t.meterai}[f].Text
		if strings.TrimSpace(txt) == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(txt))
		if err != nil {
			*es = append(*es, agreement.FieldError{Field: f, Code: "form_number"})
		}
		*x = n
	}
	a.Copies = copies
	for i, n := range t.numbers {
		// The parties tab may have changed the parties since: a number
		// goes to the party it was typed for.
		if i < len(a.Parties) && a.Parties[i].PartyID == t.numberParties[i] {
			a.Parties[i].Number = strings.TrimSpace(n.Text)
		}
	}
	s.Scan = scanOf(*a) // the signing record names the scan the Lampiran tab holds
	scan := s.Scan != ""
	kept := s.Checklist[:0:0]
	for _, c := range s.Checklist {
		if c.Copy <= copies { // fewer originals: the others' checks go
			c.Scanned = scan // the Lampiran tab's files decide
			// An original with nothing ticked is what no entry says
			// (Agreement.Checklist): it is not stored, nor in the history.
			if c != (agreement.CopyCheck{Copy: c.Copy, PartyID: c.PartyID}) {
				kept = append(kept, c)
			}
		}
	}
	s.Checklist = kept
	if len(s.Checklist) == 0 {
		s.Checklist = nil
	}
	if !force && a.Signing == nil && s.Date.IsZero() && s.Venue == "" && s.Notes == "" && s.Meterai == 0 {
		return // nothing recorded yet
	}
	a.Signing = s
}

// onStep moves the agreement to another status. Marking it signed asks first
// (the text locks) and fills the signers from the parties; cancelling asks why.
func (t *signingTab) onStep(to agreement.Status) {
	e := t.e
	switch to {
	case agreement.StatusDitandatangani:
		dialog.ShowConfirm(lang.L("Tandai Ditandatangani?"),
			lang.L("Setelah ditandai ditandatangani, isi naskah, para pihak, jangka waktu, pembiayaan, tanggal dan nomor penandatanganan terkunci dan tidak dapat diubah lagi. Lanjutkan?"),
			func(ok bool) {
				if ok {
					e.step(to, "")
				}
			}, e.win)
	case agreement.StatusDibatalkan:
		reason := kit.NewMultiLineEntry()
		reason.SetPlaceHolder(lang.L("Alasan pembatalan"))
		reason.Wrapping = fyne.TextWrapWord
		reason.SetMinRowsVisible(4)
		d := dialog.NewForm(lang.L("Batalkan perjanjian?"), lang.L("Batalkan"), lang.L("Kembali"),
			[]*widget.FormItem{widget.NewFormItem(lang.L("Alasan"), reason)}, func(ok bool) {
				if ok {
					e.step(to, strings.TrimSpace(reason.Text))
				}
			}, e.win)
		d.Resize(fyne.NewSize(560, 0)) // a reason is a sentence or two, not two words a line
		d.Show()
	default:
		e.step(to, "")
	}
}

// step saves the form with the agreement moved to status to; on failure nothing
// changes and the problems show.
func (e *Editor) step(to agreement.Status, reason string) bool {
	a, es := e.form()
	if to == agreement.StatusDitandatangani && a.Signing == nil && len(es) == 0 {
		e.signing.record(&a, &es, true)
	}
	if len(es) == 0 {
		if to == agreement.StatusDitandatangani && len(a.Signing.Signers) == 0 {
			a.Signing.Signers = e.signersOf(a)
		}
		if err := a.Transition(to, reason); err != nil {
			var fe agreement.Errors
			if errors.As(err, &fe) {
				es = fe
			} else {
				es = agreement.Errors{{Field: "status", Code: "transition", Args: []any{a.Status.Label(), to.Label()}}}
			}
		}
	}
	if len(es) > 0 {
		e.clearProblems()
		e.showErrors(es)
		return false
	}
	return e.commit(a)
}

// signersOf names each party's signer from the officials chosen in the parties.
func (e *Editor) signersOf(a agreement.Agreement) []agreement.Signer {
	var out []agreement.Signer
	for _, p := range a.Parties {
		if p.SignerID == 0 {
			continue
		}
		o, err := e.svc.Official(p.SignerID)
		if err != nil {
			continue
		}
		out = append(out, agreement.Signer{PartyID: p.PartyID, OfficialID: o.ID, Name: o.FullName(),
			Jabatan: o.Status.Prefix() + o.Jabatan, Pangkat: o.Pangkat, NIP: o.NIP, MandateID: p.MandateID})
	}
	return out
}
