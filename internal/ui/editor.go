package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// Editor edits one agreement in a window of its own, tab by tab. A save that
// fails keeps what was typed and shows each problem beside its field; closing
// with unsaved changes asks first.
type Editor struct {
	// do runs work handed back from timers and goroutines on the UI goroutine.
	do      func(func())
	app     fyne.App
	svc     service.Service
	now     func() time.Time
	onSaved func(agreement.Agreement)
	// onCreated opens an agreement made from this one (a PKS, Adendum,
	// Perpanjangan or copy).
	onCreated func(agreement.ID)
	// onExport asks where to save this agreement's PDF (draft: KONSEP).
	onExport func(draft bool)

	win fyne.Window
	// content is the window's content; show puts it in once the window is up.
	content fyne.CanvasObject
	a       agreement.Agreement // as last loaded or saved
	tabs    *container.AppTabs

	kind, status                  *widget.Label
	subject, place, tags, notes   *entry
	ownNumber, partnerNumber      *entry
	takeNumber                    *widget.Button
	termLength, termStart         *entry
	termUnit                      *widget.Select
	extendable                    *widget.Check
	fundingSource, fundingAmount  *entry
	fundingNotes                  *entry
	monitoring                    *widget.List
	monDate, monActivity, monNote *entry
	history                       *widget.List
	historyRows                   []dataset.HistoryEntry
	problems                      map[string]*widget.Label
	general, lockNote             *widget.Label
	saveBtn, exportBtn, draftBtn  *widget.Button
	actions                       map[agreement.Kind]*widget.Button
	duplicate                     *widget.Button

	signing           *signingTab
	parties           *partiesTab
	body              *bodyTab
	attachments       *attachmentsTab
	pendingMonitoring []agreement.Monitoring
	dirty             bool
	loading           bool
}

// editorFields are the fields whose problems show beside them.
var editorFields = []string{"subject", "place", "parties", "body", "term.length", "term.unit", "term.start", "term.end", "funding.amount", "monitoring"}

// openEditor shows agreement id in a new window.
func openEditor(app fyne.App, svc service.Service, now func() time.Time, id agreement.ID, onSaved func(agreement.Agreement)) (*Editor, error) {
	a, err := svc.Agreement(id)
	if err != nil {
		return nil, err
	}
	e := &Editor{app: app, svc: svc, now: now, onSaved: onSaved, a: a, problems: map[string]*widget.Label{}, do: fyne.Do}
	e.win = app.NewWindow("")
	e.build()
	e.load(a)
	e.win.Resize(fyne.NewSize(1100, 700))
	return e, nil
}

func (e *Editor) build() {
	changed := func(string) { e.markDirty() }
	input := func(multi bool) *entry {
		en := newEntry()
		if multi {
			en = newMultiLineEntry()
			en.Wrapping = fyne.TextWrapWord
			en.SetMinRowsVisible(3)
		}
		en.OnChanged = changed
		return en
	}
	e.kind, e.status = widget.NewLabel(""), widget.NewLabel("")
	e.subject, e.place, e.tags, e.notes = input(true), input(false), input(false), input(true)
	e.ownNumber, e.partnerNumber = input(false), input(false)
	e.takeNumber = widget.NewButtonWithIcon(lang.L("Ambil nomor"), theme.ContentAddIcon(), e.onTakeNumber)
	e.termLength, e.termStart = input(false), input(false)
	e.termStart.SetPlaceHolder(lang.L("hh/bb/tttt, kosong bila sejak ditandatangani"))
	e.termUnit = newSelect([]string{lang.L("tahun"), lang.L("bulan")}, func(string) { e.markDirty() })
	e.extendable = widget.NewCheck(lang.L("Dapat diperpanjang"), func(bool) { e.markDirty() })
	e.fundingSource, e.fundingAmount, e.fundingNotes = input(false), input(false), input(true)
	e.fundingAmount.SetPlaceHolder(lang.L("rupiah, tanpa titik"))
	for _, f := range editorFields {
		e.problems[f] = newProblemLabel()
	}
	e.lockNote = widget.NewLabel(lang.L("Sudah ditandatangani: isi yang ditandatangani terkunci. Label, catatan dan monitoring tetap dapat diubah."))
	e.lockNote.Wrapping = fyne.TextWrapWord
	e.lockNote.Importance = widget.WarningImportance
	e.general = newProblemLabel()

	field := func(label string, obj fyne.CanvasObject, problem string) *widget.FormItem {
		if l, ok := e.problems[problem]; ok {
			obj = container.NewVBox(obj, l)
		}
		return widget.NewFormItem(lang.L(label), obj)
	}
	identitas := widget.NewForm(
		widget.NewFormItem(lang.L("Jenis"), e.kind),
		widget.NewFormItem(lang.L("Status"), e.status),
		field("Tentang", e.subject, "subject"),
		field("Nomor kita", container.NewBorder(nil, nil, nil, e.takeNumber, e.ownNumber), "parties"),
		widget.NewFormItem(lang.L("Nomor mitra"), e.partnerNumber),
		field("Tempat penandatanganan", e.place, "place"),
		widget.NewFormItem(lang.L("Label"), e.tags),
		widget.NewFormItem(lang.L("Catatan"), e.notes),
	)
	e.tags.SetPlaceHolder(lang.L("dipisah koma, mis. magang, digitalisasi"))
	jangka := widget.NewForm(
		field("Lama", container.NewGridWithColumns(2, e.termLength, e.termUnit), "term.length"),
		field("Mulai berlaku", e.termStart, "term.start"),
		widget.NewFormItem("", container.NewVBox(e.extendable, e.problems["term.end"], e.problems["term.unit"])),
		widget.NewFormItem(lang.L("Sumber pembiayaan"), e.fundingSource),
		field("Nilai (Rp)", e.fundingAmount, "funding.amount"),
		widget.NewFormItem(lang.L("Keterangan pembiayaan"), e.fundingNotes),
	)

	e.monitoring = widget.NewList(func() int { return len(e.allMonitoring()) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		m := e.allMonitoring()[i]
		text := fmt.Sprintf("%s · %s", shortDate(m.Date), m.Activity)
		if m.Obstacles != "" {
			text += " · " + lang.L("kendala: {{.Text}}", map[string]any{"Text": m.Obstacles})
		}
		l := o.(*widget.Label)
		l.SetText(text)
		e.monitoring.SetItemHeight(i, l.MinSize().Height) // a long activity shows whole, over several lines
	})
	e.monDate, e.monActivity, e.monNote = newEntry(), newEntry(), newEntry()
	e.monDate.SetPlaceHolder(lang.L("hh/bb/tttt"))
	e.monActivity.SetPlaceHolder(lang.L("Kegiatan tindak lanjut, mis. magang dua staf Diskominfo"))
	e.monNote.SetPlaceHolder(lang.L("Kendala (bila ada)"))
	addMon := widget.NewButtonWithIcon(lang.L("Catat"), theme.ContentAddIcon(), e.onAddMonitoring)
	monForm := container.NewBorder(nil, nil, nil, addMon,
		container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(130, e.monDate.MinSize().Height), e.monDate), nil,
			container.NewGridWithColumns(2, e.monActivity, e.monNote)))
	monitoring := container.NewBorder(container.NewVBox(monForm, e.problems["monitoring"]), nil, nil, nil, e.monitoring)

	e.history = widget.NewList(func() int { return len(e.historyRows) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.SetText(historyLine(e.historyRows[len(e.historyRows)-1-i]))
		e.history.SetItemHeight(i, l.MinSize().Height)
	})

	// A tab's widgets join the window when the tab first shows: AppTabs lays
	// out every tab's content when it is drawn, which doubled the opening time.
	contents := []fyne.CanvasObject{
		container.NewVScroll(container.NewVBox(e.lockNote, identitas)),
		e.buildParties(),
		e.buildBody(),
		container.NewVScroll(jangka),
		e.buildSigning(),
		e.buildAttachments(),
		monitoring,
		e.history,
	}
	titles := []string{lang.L("Identitas"), lang.L("Para Pihak & Penandatangan"), lang.L("Isi Naskah"), lang.L("Jangka Waktu & Pembiayaan"),
		lang.L("Penandatanganan"), lang.L("Lampiran"), lang.L("Monitoring"), lang.L("Riwayat")}
	holders := make([]*fyne.Container, len(contents))
	items := make([]*container.TabItem, len(contents))
	for i := range contents {
		holders[i] = container.NewStack()
		items[i] = container.NewTabItem(titles[i], holders[i])
	}
	holders[0].Add(contents[0])
	e.tabs = container.NewAppTabs(items...)
	// The preview is built when its tab first shows, not when the window opens.
	e.tabs.OnSelected = func(*container.TabItem) {
		if h := holders[e.tabs.SelectedIndex()]; len(h.Objects) == 0 {
			h.Add(contents[e.tabs.SelectedIndex()])
		}
		switch {
		case e.tabs.SelectedIndex() == tabBody && e.body.previewStale:
			e.body.refreshPreview()
		case e.tabs.SelectedIndex() == tabParties && e.parties.stale:
			if err := e.parties.show(); err != nil {
				e.showProblem(err)
			}
		}
	}
	e.saveBtn = widget.NewButtonWithIcon(lang.L("Simpan"), theme.DocumentSaveIcon(), func() { e.save() })
	e.saveBtn.Importance = widget.HighImportance
	e.actions = map[agreement.Kind]*widget.Button{
		agreement.KindPKS:          widget.NewButtonWithIcon(lang.L("Buat PKS dari KSB ini"), theme.ContentAddIcon(), func() { e.onDerive(agreement.KindPKS) }),
		agreement.KindAdendum:      widget.NewButtonWithIcon(lang.L("Buat Adendum"), theme.DocumentCreateIcon(), func() { e.onDerive(agreement.KindAdendum) }),
		agreement.KindPerpanjangan: widget.NewButtonWithIcon(lang.L("Perpanjang"), theme.HistoryIcon(), func() { e.onDerive(agreement.KindPerpanjangan) }),
	}
	e.duplicate = widget.NewButtonWithIcon(lang.L("Duplikat"), theme.ContentCopyIcon(), e.onDuplicate)
	toolbar := container.NewHBox(e.actions[agreement.KindPKS], e.actions[agreement.KindAdendum], e.actions[agreement.KindPerpanjangan], e.duplicate)
	e.exportBtn = widget.NewButtonWithIcon(lang.L("Ekspor PDF"), theme.DocumentSaveIcon(), func() { e.export(false) })
	e.draftBtn = widget.NewButtonWithIcon(lang.L("Cetak konsep"), theme.DocumentPrintIcon(), func() { e.export(true) })
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(e.draftBtn, e.exportBtn, e.saveBtn), e.general)
	e.content = container.NewBorder(container.NewPadded(toolbar), container.NewPadded(bottom), nil, nil, e.tabs)
	e.win.SetCloseIntercept(e.onClose)
	e.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { e.save() })
	e.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { e.onClose() })
	e.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { e.export(false) })
}

// export saves unsaved changes first, so the PDF is what the form shows, then
// asks where to write it.
func (e *Editor) export(draft bool) {
	if e.dirty && !e.save() {
		return
	}
	if e.onExport != nil {
		e.onExport(draft)
	}
}

// load shows a in the form.
func (e *Editor) load(a agreement.Agreement) {
	e.loading = true
	defer func() { e.loading = false }()
	e.a = a
	e.kind.SetText(string(a.Kind) + " – " + lang.L(a.Kind.Title()))
	e.status.SetText(lang.L(a.PhaseAt(e.now(), agreement.DefaultSoonDays).Label()))
	e.subject.SetText(a.Subject)
	e.place.SetText(a.Place)
	e.tags.SetText(strings.Join(a.Tags, ", "))
	e.notes.SetText(a.Notes)
	e.ownNumber.SetText(a.OwnNumber())
	e.partnerNumber.SetText(a.PartnerNumber())
	e.termLength.SetText("")
	if a.Term.Length > 0 {
		e.termLength.SetText(strconv.Itoa(a.Term.Length))
	}
	e.termUnit.SetSelectedIndex(map[agreement.TermUnit]int{agreement.UnitTahun: 0, agreement.UnitBulan: 1}[a.Term.Unit])
	e.termStart.SetText(formDate(a.Term.Start))
	e.extendable.SetChecked(a.Term.Extendable)
	e.fundingSource.SetText(a.Funding.Source)
	e.fundingAmount.SetText("")
	if a.Funding.Amount != 0 {
		e.fundingAmount.SetText(strconv.FormatInt(a.Funding.Amount, 10))
	}
	e.fundingNotes.SetText(a.Funding.Notes)
	e.pendingMonitoring = nil
	e.monitoring.Refresh()
	e.signing.load(a)
	if err := e.parties.load(a); err != nil {
		e.showProblem(err)
	}
	e.body.load(a)
	e.attachments.load(a)
	// The text of a signed agreement is what was signed: locked.
	locked := a.Locked()
	e.lockNote.Hidden = !locked
	if a.Status == agreement.StatusDibatalkan {
		e.lockNote.SetText(lang.L("Dibatalkan setelah ditandatangani: isi yang ditandatangani tetap terkunci. Label, catatan dan monitoring tetap dapat diubah."))
	} else {
		e.lockNote.SetText(lang.L("Sudah ditandatangani: isi yang ditandatangani terkunci. Label, catatan dan monitoring tetap dapat diubah."))
	}
	for _, w := range []fyne.Disableable{e.subject, e.place, e.ownNumber, e.partnerNumber, e.takeNumber, e.termLength, e.termUnit, e.termStart, e.extendable, e.fundingSource, e.fundingAmount, e.fundingNotes} {
		if locked {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if a.OwnNumber() != "" {
		e.takeNumber.Disable()
	}
	for kind, b := range e.actions {
		// What the domain allows: a PKS under a KSB or NK, an Adendum or a
		// Perpanjangan of a signed agreement.
		if _, err := agreement.NewChild(&a, kind, e.now()); err != nil {
			b.Hide()
		} else {
			b.Show()
		}
	}
	e.setDirty(false)
	e.loadHistory()
}

func (e *Editor) loadHistory() {
	rows, err := e.svc.AgreementHistory(e.a.ID)
	if err != nil {
		e.showProblem(err)
		return
	}
	e.historyRows = rows
	e.history.Refresh()
}

func (e *Editor) allMonitoring() []agreement.Monitoring {
	return append(append([]agreement.Monitoring(nil), e.a.Monitoring...), e.pendingMonitoring...)
}

func (e *Editor) markDirty() {
	if !e.loading {
		e.setDirty(true)
	}
}

// title names the agreement: its kind and subject.
func (e *Editor) title() string { return fmt.Sprintf("%s %s", e.a.Kind, e.a.Subject) }

func (e *Editor) setDirty(d bool) {
	e.dirty = d
	title := e.title() + " — Sepakat"
	if d {
		title = "• " + title
	}
	e.win.SetTitle(title)
}

// form reads the form into a copy of the agreement, or says which field cannot be read.
func (e *Editor) form() (agreement.Agreement, agreement.Errors) {
	a := e.a
	var es agreement.Errors
	a.Subject = strings.TrimSpace(e.subject.Text)
	a.Place = strings.TrimSpace(e.place.Text)
	a.Notes = strings.TrimSpace(e.notes.Text)
	a.Tags = nil
	for _, t := range strings.Split(e.tags.Text, ",") {
		if t = strings.TrimSpace(t); t != "" {
			a.Tags = append(a.Tags, t)
		}
	}
	a.Parties = append([]agreement.AgreementParty(nil), e.parties.rows...)
	for i := range a.Parties {
		if a.Parties[i].Own {
			a.Parties[i].Number = strings.TrimSpace(e.ownNumber.Text)
		}
	}
	for i := range a.Parties {
		if !a.Parties[i].Own {
			a.Parties[i].Number = strings.TrimSpace(e.partnerNumber.Text)
			break
		}
	}
	a.Term.Length = 0
	if t := strings.TrimSpace(e.termLength.Text); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n < 0 {
			es = append(es, agreement.FieldError{Field: "term.length", Code: "form_number"})
		}
		a.Term.Length = n
	}
	a.Term.Unit = []agreement.TermUnit{agreement.UnitTahun, agreement.UnitBulan}[max(e.termUnit.SelectedIndex(), 0)]
	start, err := parseFormDate(e.termStart.Text)
	if err != nil {
		es = append(es, agreement.FieldError{Field: "term.start", Code: "form_date"})
	}
	a.Term.Start = start
	if !start.IsZero() && a.Term.Length > 0 {
		a.Term.End = a.Term.EndFor(start)
	}
	a.Term.Extendable = e.extendable.Checked
	a.Funding.Source = strings.TrimSpace(e.fundingSource.Text)
	a.Funding.Notes = strings.TrimSpace(e.fundingNotes.Text)
	a.Funding.Amount = 0
	if t := strings.NewReplacer(".", "", " ", "").Replace(e.fundingAmount.Text); t != "" {
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			es = append(es, agreement.FieldError{Field: "funding.amount", Code: "form_number"})
		}
		a.Funding.Amount = n
	}
	a.Monitoring = e.allMonitoring()
	if e.body != nil {
		a.Body = cloneNodes(e.body.body)
	}
	if e.attachments != nil {
		a.Attachments = append([]agreement.Attachment(nil), e.attachments.rows...)
	}
	e.signing.record(&a, &es, false)
	return a, es
}

// save stores the form; on failure the typed text stays and each problem shows
// beside its field.
func (e *Editor) save() bool {
	a, es := e.form()
	if len(es) > 0 {
		e.clearProblems()
		e.showErrors(es)
		return false
	}
	return e.commit(a)
}

// commit stores a (the form, perhaps with a status step) and shows the result.
func (e *Editor) commit(a agreement.Agreement) bool {
	err := e.svc.SaveAgreement(&a)
	var es agreement.Errors
	errors.As(err, &es)
	e.clearProblems()
	if len(es) > 0 {
		e.showErrors(es)
		return false
	}
	if err != nil {
		e.showProblem(err)
		return false
	}
	e.saved(a)
	return true
}

// saved shows an agreement just stored.
func (e *Editor) saved(a agreement.Agreement) {
	e.load(a)
	e.general.SetText(lang.L("Tersimpan: revisi {{.Rev}}.", map[string]any{"Rev": a.Rev}))
	e.general.Importance = widget.SuccessImportance
	e.general.Show()
	if e.onSaved != nil {
		e.onSaved(a)
	}
}

func (e *Editor) clearProblems() {
	for _, l := range e.problems {
		l.SetText("")
		l.Hide()
	}
	e.general.Hide()
}

// showErrors puts each problem beside its field, the rest at the bottom, and
// shows the tab of the first field with a problem.
func (e *Editor) showErrors(es agreement.Errors) {
	ln := i18n.FromEnv()
	var rest []string
	shown := false
	for _, fe := range es {
		msg := fieldMessage(fe, ln)
		l, ok := e.problems[fe.Field]
		if !ok {
			rest = append(rest, msg)
			continue
		}
		if l.Text != "" {
			msg = l.Text + "\n" + msg
		}
		l.SetText(msg)
		l.Show()
		if !shown {
			shown = true
			e.tabs.SelectIndex(tabOfField(fe.Field))
		}
	}
	if len(rest) > 0 {
		e.general.SetText(strings.Join(rest, "\n"))
		e.general.Importance = widget.DangerImportance
		e.general.Show()
	}
}

// fieldMessage says what is wrong with a field, including the form's own checks.
func fieldMessage(fe agreement.FieldError, ln i18n.Lang) string {
	switch fe.Code {
	case "form_number":
		return lang.L("Isi dengan angka bulat, mis. 5.")
	case "form_date":
		return lang.L("Tanggal tidak dapat dibaca: tulis hh/bb/tttt, mis. 03/07/2025.")
	}
	return fe.Message(ln)
}

// The editor's tabs, in order.
const (
	tabIdentitas = iota
	tabParties
	tabBody
	tabJangka
	tabSigning
	tabAttachments
	tabMonitoring
	tabHistory
)

func tabOfField(field string) int {
	switch {
	case strings.HasPrefix(field, "term.") || strings.HasPrefix(field, "funding."):
		return tabJangka
	case strings.HasPrefix(field, "signing") || field == "status" || field == "cancel_reason":
		return tabSigning
	case strings.HasPrefix(field, "parties"):
		return tabParties
	case strings.HasPrefix(field, "body"):
		return tabBody
	case field == "monitoring":
		return tabMonitoring
	}
	return tabIdentitas
}

// notice says something about the form that is not a failed save.
func (e *Editor) notice(msg string) {
	e.general.SetText(msg)
	e.general.Importance = widget.WarningImportance
	e.general.Show()
}

func (e *Editor) showProblem(err error) {
	e.general.SetText(lang.L("Belum tersimpan: {{.Error}}", map[string]any{"Error": err.Error()}))
	e.general.Importance = widget.DangerImportance
	e.general.Show()
}

// onTakeNumber reserves the next number of our office's scheme for this agreement.
func (e *Editor) onTakeNumber() {
	own, ok := e.a.OwnParty()
	if !ok {
		e.showProblem(errors.New(lang.L("perjanjian ini belum memuat kantor kita sebagai pihak")))
		return
	}
	n, err := e.svc.ReserveNumber(own.PartyID, e.a.Kind, agreement.DateOf(e.now()), e.a.ID)
	if err != nil {
		e.showProblem(err)
		return
	}
	e.ownNumber.SetText(n)
	e.takeNumber.Disable()
}

func (e *Editor) onAddMonitoring() {
	e.problems["monitoring"].Hide()
	d, err := parseFormDate(e.monDate.Text)
	if err != nil || d.IsZero() || strings.TrimSpace(e.monActivity.Text) == "" {
		e.problems["monitoring"].SetText(lang.L("Isi tanggal (hh/bb/tttt) dan kegiatannya."))
		e.problems["monitoring"].Show()
		return
	}
	e.pendingMonitoring = append(e.pendingMonitoring, agreement.Monitoring{Date: d,
		Activity: strings.TrimSpace(e.monActivity.Text), Obstacles: strings.TrimSpace(e.monNote.Text)})
	e.monDate.SetText("")
	e.monActivity.SetText("")
	e.monNote.SetText("")
	e.monitoring.Refresh()
	e.markDirty()
}

// onDerive makes a PKS, Adendum or Perpanjangan from this agreement, inheriting
// its parties, term and funding, saves it as a draft and opens it.
func (e *Editor) onDerive(kind agreement.Kind) {
	if e.dirty && !e.save() {
		return
	}
	child, err := agreement.NewChild(&e.a, kind, e.now())
	if err != nil {
		e.showProblem(err)
		return
	}
	e.create(&child)
}

// onDuplicate saves a copy of this agreement as a new draft: the same parties and
// text, without numbers, signing record or follow-ups.
func (e *Editor) onDuplicate() {
	if e.dirty && !e.save() {
		return
	}
	c := e.a
	c.ID, c.Rev, c.Status, c.CancelReason = 0, 0, agreement.StatusKonsep, ""
	c.Signing, c.Monitoring, c.Attachments = nil, nil, nil
	c.Parties = append([]agreement.AgreementParty(nil), e.a.Parties...)
	for i := range c.Parties {
		c.Parties[i].Number = ""
	}
	c.Subject = strings.TrimSpace(c.Subject)
	c.Term.Start, c.Term.End = agreement.Date{}, agreement.Date{}
	c.Created, c.Updated = e.now(), e.now()
	e.create(&c)
}

func (e *Editor) create(a *agreement.Agreement) {
	err := e.svc.SaveAgreement(a)
	var es agreement.Errors
	if errors.As(err, &es) {
		e.showProblem(errors.New(es.Message(i18n.FromEnv())))
		return
	}
	if err != nil {
		e.showProblem(err)
		return
	}
	if e.onSaved != nil {
		e.onSaved(*a)
	}
	if e.onCreated != nil {
		e.onCreated(a.ID)
	}
}

// show opens the window, then fills it on the next turn of the loop: making
// the native window and drawing the whole editor in one turn froze the app for
// twice as long.
func (e *Editor) show() {
	e.win.SetContent(widget.NewLabel(""))
	e.win.Show()
	e.do(func() { e.win.SetContent(e.content) })
}

// onClose closes the window, first asking what to do with unsaved changes.
func (e *Editor) onClose() {
	if !e.dirty {
		e.win.Close()
		return
	}
	askToSave(e.win, widget.NewLabel(lang.L("Ada perubahan yang belum disimpan.")),
		lang.L("Simpan"), func() {
			if e.save() {
				e.win.Close()
			}
		},
		lang.L("Buang perubahan"), e.win.Close)
}

// askToSave asks over win what to do with unsaved changes (what says which):
// save, discard, or go back (Batal).
func askToSave(win fyne.Window, what fyne.CanvasObject, saveLabel string, save func(), discardLabel string, discard func()) {
	var d dialog.Dialog
	saveBtn := widget.NewButtonWithIcon(saveLabel, theme.DocumentSaveIcon(), func() {
		d.Hide()
		save()
	})
	saveBtn.Importance = widget.HighImportance
	discardBtn := widget.NewButton(discardLabel, func() {
		d.Hide()
		discard()
	})
	cancel := widget.NewButton(lang.L("Batal"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Simpan perubahan?"), container.NewVBox(what, container.NewHBox(cancel, discardBtn, saveBtn)), win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// formDate writes a date as the form shows it: 03/07/2025.
func formDate(d agreement.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// parseFormDate reads 3/7/2025, 03-07-2025 or 2025-07-03; blank is no date.
func parseFormDate(s string) (agreement.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return agreement.Date{}, nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 {
		return agreement.Date{}, errors.New("bad date")
	}
	n := make([]int, 3)
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return agreement.Date{}, err
		}
		n[i] = v
	}
	d := agreement.NewDate(n[2], time.Month(n[1]), n[0])
	if len(parts[0]) == 4 {
		d = agreement.NewDate(n[0], time.Month(n[1]), n[2])
	}
	if !d.Valid() {
		return agreement.Date{}, errors.New("bad date")
	}
	return d, nil
}

// fieldLabels name the fields of a change as people call them; the rest of a
// path ("body[2].children[0].text") says where inside.
var fieldLabels = map[string]string{
	"subject": "tentang", "kind": "jenis", "status": "status", "place": "tempat", "notes": "catatan", "tags": "label",
	"parties": "para pihak", "body": "isi naskah", "term": "jangka waktu", "term.length": "jangka waktu",
	"term.unit": "satuan jangka waktu", "term.start": "mulai berlaku", "term.end": "akhir berlaku", "term.extendable": "dapat diperpanjang",
	"funding": "pembiayaan", "funding.amount": "nilai pembiayaan", "funding.source": "sumber pembiayaan", "funding.notes": "keterangan pembiayaan",
	"signing": "penandatanganan", "signing.date": "tanggal penandatanganan", "signing.place": "tempat penandatanganan",
	"signing.numbers": "nomor penandatanganan", "monitoring": "monitoring", "attachments": "lampiran", "cancel_reason": "alasan pembatalan",
	"implementers": "perangkat daerah", "affairs": "urusan", "premises": "pertimbangan", "legal_bases": "dasar hukum", "copies": "rangkap",
}

// fieldLabel names a changed field: "jangka waktu", or "isi naskah (body[2].text)".
func fieldLabel(path string) string {
	if l, ok := fieldLabels[path]; ok {
		return lang.L(l)
	}
	top := path
	if i := strings.IndexAny(path, ".["); i > 0 {
		top = path[:i]
	}
	if l, ok := fieldLabels[top]; ok {
		return lang.L(l) + " (" + path + ")"
	}
	return path
}

// historyLine is one history entry as a person reads it:
// "Rabu, 3 Desember 2025 10.14 — oleh staf1: jangka waktu 5 → 3".
func historyLine(h dataset.HistoryEntry) string {
	at := h.At.Local()
	when := fmt.Sprintf("%s, %s %02d.%02d", bahasa.DayName(at.Weekday()), bahasa.ShortDate(at), at.Hour(), at.Minute())
	action := map[string]string{"buat": lang.L("dibuat"), "ubah": lang.L("diubah"), "status": lang.L("status diubah"), "impor": lang.L("diimpor")}[h.Action]
	if action == "" {
		action = h.Action
	}
	var changes []string
	for _, c := range h.Changes {
		field := fieldLabel(c.Field)
		switch {
		case c.Old == "":
			changes = append(changes, fmt.Sprintf("%s: %s", field, c.New))
		case c.New == "":
			changes = append(changes, fmt.Sprintf("%s: %s → –", field, c.Old))
		default:
			changes = append(changes, fmt.Sprintf("%s: %s → %s", field, c.Old, c.New))
		}
	}
	line := fmt.Sprintf("%s — %s %s", when, action, lang.L("oleh {{.User}}", map[string]any{"User": h.By}))
	if len(changes) > 0 {
		line += ": " + strings.Join(changes, "; ")
	}
	return line
}
