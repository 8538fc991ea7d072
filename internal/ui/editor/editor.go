// Package editor is the window that edits one agreement, tab by tab: each tab
// is its own type that builds its widgets, shows its part of the agreement
// (load) and reads it back from the form (apply).
package editor

import (
	"errors"
	"fmt"
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
	"sepakat/internal/i18n"
	"sepakat/internal/naskah"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// Service is what the editor asks of Sepakat's data: the agreement and its
// history, the instansi and pejabat it names, the files it carries and its
// office's numbering.
type Service interface {
	service.Records
	service.Directory
	service.Files
	service.Numbering
	service.Together
}

// Config is what an editor window needs from the program.
type Config struct {
	App     fyne.App
	Svc     Service
	Printer service.Printer
	Now     func() time.Time
	// Do runs work handed back from timers and goroutines on the UI
	// goroutine; fyne.Do when nil.
	Do func(func())
	// OnSaved hears of every agreement the editor stores.
	OnSaved func(agreement.Agreement)
	// OnCreated opens an agreement made from this one (a PKS, Adendum,
	// Perpanjangan or copy).
	OnCreated func(agreement.ID)
}

// tab is one tab of the editor.
type tab interface {
	// build makes the tab's widgets; called once, before load.
	build() fyne.CanvasObject
	// load shows a.
	load(a agreement.Agreement)
	// apply reads the tab's part of the form into a, adding what cannot be read to es.
	apply(a *agreement.Agreement, es *agreement.Errors)
}

// The editor's tabs, in order.
const (
	tabIdentitas = iota
	tabParties
	tabBody
	tabJangka
	tabApproval
	tabSigning
	tabAttachments
	tabMonitoring
	tabHistory
	tabActionPlan // a Nota Kesepakatan's only
)

// Editor edits one agreement in a window of its own. A save that fails keeps
// what was typed and shows each problem beside its field; closing with unsaved
// changes asks first.
type Editor struct {
	app       fyne.App
	svc       Service
	printer   service.Printer
	now       func() time.Time
	do        func(func())
	onSaved   func(agreement.Agreement)
	onCreated func(agreement.ID)

	win fyne.Window
	// content is the window's content; Show puts it in once the window is up.
	content fyne.CanvasObject
	a       agreement.Agreement // as last loaded or saved
	dirty   bool
	loading bool

	identity    *identityTab
	parties     *partiesTab
	body        *bodyTab
	term        *termTab
	approval    *approvalTab // approval.go, review.go
	signing     *signingTab
	attachments *attachmentsTab
	monitoring  *monitoringTab
	history     *historyTab
	paraf       *parafPart     // on the parties tab (paraf.go)
	actionPlan  *actionPlanTab // a Nota Kesepakatan's only (actionplan.go)
	// order is the tabs in the order they read the form: the parties before
	// the numbers and the signing record that refer to them.
	order []tab

	tabs *container.AppTabs
	// problems are the labels beside the fields, by field; fieldTab says which
	// tab shows each.
	problems map[string]*widget.Label
	fieldTab map[string]int
	building int // the tab being built, whose fields problemLabel registers
	general  *widget.Label

	saveBtn, exportBtn, draftBtn *widget.Button
	actions                      map[agreement.Kind]*widget.Button
	duplicate                    *widget.Button
	export                       *kit.PDFExport // the PDF being made, if any
	changes                      *changeDialog  // the last "what changes" question asked
	negotiation                  *negotiation   // Kirim ke / Terima dari mitra (negotiate.go)
	checkDialog                  dialog.Dialog  // the last "print anyway?" question asked
	// unsubscribe stops the registry change notices, when the window closes.
	unsubscribe func()
}

// Open reads agreement id and builds its editor window; Show shows it.
func Open(c Config, id agreement.ID) (*Editor, error) {
	a, err := c.Svc.Agreement(id)
	if err != nil {
		return nil, err
	}
	e := &Editor{app: c.App, svc: c.Svc, printer: c.Printer, now: c.Now, do: c.Do, onSaved: c.OnSaved, onCreated: c.OnCreated,
		a: a, problems: map[string]*widget.Label{}, fieldTab: map[string]int{}}
	if e.now == nil {
		e.now = time.Now
	}
	if e.do == nil {
		e.do = fyne.Do
	}
	e.win = c.App.NewWindow("")
	e.build()
	e.load(a)
	e.win.Resize(fyne.NewSize(1100, 700))
	// Instansi, pejabat and surat kuasa saved anywhere show in the pick lists at once.
	e.unsubscribe = c.Svc.Subscribe(func(ch service.Change) { e.do(func() { e.parties.registryChanged(ch) }) })
	return e, nil
}

// Window is the editor's window.
func (e *Editor) Window() fyne.Window { return e.win }

// Agreement is the agreement as last loaded or saved.
func (e *Editor) Agreement() agreement.Agreement { return e.a }

// Dirty reports unsaved changes.
func (e *Editor) Dirty() bool { return e.dirty }

// Title names the agreement: its kind and subject.
func (e *Editor) Title() string { return fmt.Sprintf("%s %s", e.a.Kind, e.a.Subject) }

// Save stores the form; on failure the typed text stays and each problem
// shows beside its field.
func (e *Editor) Save() bool { return e.onSave() }

// Close stops the editor's background work and closes its window, unsaved
// changes and all.
func (e *Editor) Close() {
	e.unsubscribe()
	e.body.cancelPreview()
	if e.export != nil {
		e.export.Cancel()
	}
	e.win.Close()
}

// Show opens the window, then fills it on the next turn of the loop: making
// the native window and drawing the whole editor in one turn froze the app for
// twice as long.
func (e *Editor) Show() {
	e.win.SetContent(widget.NewLabel(""))
	e.win.Show()
	e.do(func() { e.win.SetContent(e.content) })
}

func (e *Editor) build() {
	e.identity = &identityTab{e: e}
	e.parties = &partiesTab{e: e}
	e.body = &bodyTab{e: e}
	e.term = &termTab{e: e}
	e.approval = &approvalTab{e: e}
	e.signing = &signingTab{e: e}
	e.attachments = &attachmentsTab{e: e, selected: -1}
	e.monitoring = &monitoringTab{e: e}
	e.history = &historyTab{e: e}
	e.paraf = &parafPart{e: e}
	tabs := []tab{e.identity, e.parties, e.body, e.term, e.approval, e.signing, e.attachments, e.monitoring, e.history}
	e.order = []tab{e.parties, e.identity, e.body, e.term, e.attachments, e.approval, e.monitoring, e.history, e.signing, e.paraf}
	titles := []string{lang.L("Identitas"), lang.L("Para Pihak"), lang.L("Isi Naskah"), lang.L("Jangka Waktu"),
		lang.L("Persetujuan"), lang.L("Penandatanganan"), lang.L("Lampiran"), lang.L("Monitoring"), lang.L("Riwayat")}
	if e.a.Kind == agreement.KindNK { // its rencana aksi, printed as its lampiran
		e.actionPlan = &actionPlanTab{e: e}
		tabs, titles, e.order = append(tabs, e.actionPlan), append(titles, lang.L("Rencana Aksi")), append(e.order, e.actionPlan)
	}
	e.general = kit.NewProblemLabel()

	// A tab's widgets join the window when the tab first shows: AppTabs lays
	// out every tab's content when it is drawn, which doubled the opening time.
	contents := make([]fyne.CanvasObject, len(tabs))
	holders := make([]*fyne.Container, len(tabs))
	items := make([]*container.TabItem, len(tabs))
	for i, t := range tabs {
		e.building = i
		contents[i] = t.build()
		holders[i] = container.NewStack()
		items[i] = container.NewTabItem(titles[i], holders[i])
	}
	holders[0].Add(contents[0])
	e.tabs = container.NewAppTabs(items...)
	e.tabs.OnSelected = func(*container.TabItem) {
		i := e.tabs.SelectedIndex()
		if h := holders[i]; len(h.Objects) == 0 {
			h.Add(contents[i])
		}
		switch i {
		case tabBody:
			e.body.shown()
		case tabParties:
			e.parties.shown()
		case tabApproval:
			e.approval.shown()
		}
	}

	e.saveBtn = widget.NewButtonWithIcon(lang.L("Simpan"), theme.DocumentSaveIcon(), func() { e.onSave() })
	e.saveBtn.Importance = widget.HighImportance
	e.actions = map[agreement.Kind]*widget.Button{
		agreement.KindPKS:          widget.NewButtonWithIcon(lang.L("Buat PKS dari KSB ini"), theme.ContentAddIcon(), func() { e.onDerive(agreement.KindPKS) }),
		agreement.KindAdendum:      widget.NewButtonWithIcon(lang.L("Buat Adendum"), theme.DocumentCreateIcon(), func() { e.onDerive(agreement.KindAdendum) }),
		agreement.KindPerpanjangan: widget.NewButtonWithIcon(lang.L("Perpanjang"), theme.HistoryIcon(), func() { e.onDerive(agreement.KindPerpanjangan) }),
	}
	e.duplicate = widget.NewButtonWithIcon(lang.L("Duplikat"), theme.ContentCopyIcon(), e.onDuplicate)
	toolbar := container.NewHBox(e.actions[agreement.KindPKS], e.actions[agreement.KindAdendum], e.actions[agreement.KindPerpanjangan], e.duplicate)
	toolbar.Objects = append(toolbar.Objects, e.negotiationButtons()...)
	e.exportBtn = widget.NewButtonWithIcon(lang.L("Ekspor PDF"), theme.DocumentSaveIcon(), func() { e.onExport(false) })
	e.draftBtn = widget.NewButtonWithIcon(lang.L("Cetak konsep"), theme.DocumentPrintIcon(), func() { e.onExport(true) })
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(e.draftBtn, e.exportBtn, e.saveBtn), e.general)
	e.content = container.NewBorder(container.NewPadded(toolbar), container.NewPadded(bottom), nil, nil, e.tabs)
	e.win.SetCloseIntercept(e.onClose)
	shortcut := func(key fyne.KeyName, f func()) {
		e.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { f() })
	}
	shortcut(fyne.KeyS, func() { e.onSave() })
	shortcut(fyne.KeyW, e.onClose)
	shortcut(fyne.KeyP, func() { e.onExport(false) })
}

// problemLabel makes the label that shows what is wrong with field, on the
// tab being built.
func (e *Editor) problemLabel(field string) *widget.Label {
	l := kit.NewProblemLabel()
	e.problems[field] = l
	e.fieldTab[field] = e.building
	return l
}

// input is an entry that marks the form changed as it is typed in.
func (e *Editor) input(multi bool) *kit.Entry {
	en := kit.NewEntry()
	if multi {
		en = kit.NewMultiLineEntry()
		en.SetMinRowsVisible(3)
	}
	en.OnChanged = func(string) { e.markDirty() }
	return en
}

// wrappedInput is a one-line field for long text, its words wrapped, that
// marks the form changed as it is typed in.
func (e *Editor) wrappedInput() *kit.Entry {
	en := kit.NewWrappedEntry()
	en.OnChanged = func(string) { e.markDirty() }
	return en
}

// load shows a in every tab.
func (e *Editor) load(a agreement.Agreement) {
	e.loading = true
	defer func() { e.loading = false }()
	e.a = a
	for _, t := range e.order {
		t.load(a)
	}
	if e.tabs.SelectedIndex() == tabBody {
		e.body.shown() // the preview of the whole form, now loaded
	}
	e.negotiation.refresh(a)
	for kind, b := range e.actions {
		// What the domain allows: a PKS under a KSB, an Adendum or a
		// Perpanjangan of a signed agreement. A Nota Kesepakatan with a
		// ministry is carried out by its rencana aksi, never by a PKS (the
		// gate refuses one at Siap Tanda Tangan).
		_, err := agreement.NewChild(&a, kind, e.now())
		if err != nil || (kind == agreement.KindPKS && a.Kind == agreement.KindNK) {
			b.Hide()
		} else {
			b.Show()
		}
	}
	e.setDirty(false)
	e.loading = false
	e.checkFit() // a draft kept from before the rule, or its partner since changed
}

func (e *Editor) markDirty() {
	if !e.loading {
		e.setDirty(true)
	}
}

// unsavedMark is what the title and the status say while changes wait.
const unsavedMark = "• "

func (e *Editor) setDirty(d bool) {
	was := e.dirty
	e.dirty = d
	title := e.Title() + " — Sepakat"
	if d {
		title = unsavedMark + title
	}
	e.win.SetTitle(title)
	switch {
	case d && !was && (!e.general.Visible() || e.general.Importance == widget.SuccessImportance):
		// "Tersimpan: revisi 3." no longer holds; a warning or a problem stays.
		e.say(unsavedMark+lang.L("belum disimpan"), widget.WarningImportance)
	case !d && e.general.Text == unsavedMark+lang.L("belum disimpan"):
		e.general.SetText("")
		e.general.Hide()
	}
}

// form reads the form into a copy of the agreement, or says which field cannot be read.
func (e *Editor) form() (agreement.Agreement, agreement.Errors) {
	a := e.a
	var es agreement.Errors
	for _, t := range e.order {
		t.apply(&a, &es)
	}
	// Once signed, what the signature fixed shows read-only: the form must
	// not change it either by writing its defaults where the record, made
	// by an import or an exchange, left a field empty.
	a.KeepLocked(&e.a)
	return a, es
}

// onSave stores the form; on failure the typed text stays and each problem
// shows beside its field.
func (e *Editor) onSave() bool {
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
	if es := agreement.SignedAhead(e.a.Status, &a, agreement.DateOf(e.now())); len(es) > 0 {
		e.clearProblems()
		e.showErrors(es)
		return false
	}
	e.reciteAgain(&a) // derive.go
	err := e.svc.SaveAgreement(&a)
	var es agreement.Errors
	errors.As(err, &es)
	es = atOwnNumber(&a, es) // identity.go
	e.clearProblems()
	if len(es) > 0 {
		e.showErrors(es)
		return false
	}
	if err != nil {
		e.say(kit.Unsaved(err), widget.DangerImportance)
		return false
	}
	e.load(a)
	e.say(lang.L("Tersimpan: revisi {{.Rev}}.", map[string]any{"Rev": a.Rev}), widget.SuccessImportance)
	if e.onSaved != nil {
		e.onSaved(a)
	}
	return true
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
	ln := kit.Lang()
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
			e.tabs.SelectIndex(e.tabOfField(fe.Field))
		}
	}
	if len(rest) > 0 {
		e.say(lang.L("Belum tersimpan:")+" "+strings.Join(rest, "\n"), widget.DangerImportance)
	}
}

// tabOfField is the tab that shows field.
func (e *Editor) tabOfField(field string) int {
	if i, ok := e.fieldTab[field]; ok {
		return i
	}
	switch {
	case strings.HasPrefix(field, "term.") || strings.HasPrefix(field, "funding."):
		return tabJangka
	case strings.HasPrefix(field, "signing") || field == "status" || field == "cancel_reason":
		return tabSigning
	case strings.HasPrefix(field, "parties"):
		return tabParties
	case strings.HasPrefix(field, "body"):
		return tabBody
	case strings.HasPrefix(field, "dprd") || strings.HasPrefix(field, "central") || strings.HasPrefix(field, "reviews"):
		return tabApproval
	case field == "monitoring":
		return tabMonitoring
	}
	return tabIdentitas
}

// say shows msg at the bottom of the window.
func (e *Editor) say(msg string, importance widget.Importance) {
	e.general.Importance = importance // before the text: SetText draws it
	e.general.SetText(msg)
	e.general.Show()
}

// notice says something about the form that is not a failed action.
func (e *Editor) notice(msg string) { e.say(msg, widget.WarningImportance) }

// fail says that an action did not happen: its lead-in ("Belum tersimpan:",
// "Nomor tidak dapat diambil:"), then what went wrong in the user's words.
func (e *Editor) fail(leadIn string, err error) {
	e.say(kit.Failure(leadIn, err), widget.DangerImportance)
}

// onDerive makes a PKS, Adendum or Perpanjangan from this agreement, inheriting
// its parties, term and funding, saves it as a draft and opens it. A PKS
// starts from the PKS template with this agreement's scope; an Adendum or
// Perpanjangan first asks what changes (changeDialog), and its pasal are
// written from the answer.
func (e *Editor) onDerive(kind agreement.Kind) {
	if e.dirty && !e.onSave() {
		return
	}
	if kind == agreement.KindAdendum || kind == agreement.KindPerpanjangan {
		if _, err := agreement.NewChild(&e.a, kind, e.now()); err != nil {
			e.fail(lang.L("Perjanjian baru tidak dibuat:"), err)
			return
		}
		d := newChangeDialog(e, kind)
		d.onFinished = func(m agreement.Amendment) { e.deriveChange(kind, m, d.parentEnd) }
		e.changes = d
		d.show()
		return
	}
	child, err := agreement.NewChild(&e.a, kind, e.now())
	if err != nil {
		e.fail(lang.L("Perjanjian baru tidak dibuat:"), err)
		return
	}
	if kind == agreement.KindPKS {
		lib, err := naskah.Shipped()
		if err != nil {
			e.fail(lang.L("Perjanjian baru tidak dibuat:"), err)
			return
		}
		e.recite(&child)
		child.Body = naskah.PKSBody(&e.a, lib)
		if len(child.Premises) == 0 {
			child.Premises = lib.StartPremises(agreement.KindPKS, child.Category)
		}
		if len(child.LegalBases) == 0 {
			child.LegalBases = lib.StartLegalBases(agreement.KindPKS, child.Category)
		}
	}
	e.create(&child)
}

// onDuplicate saves a copy of this agreement as a new draft: the same parties and
// text, without numbers, signing record or follow-ups.
func (e *Editor) onDuplicate() {
	if e.dirty && !e.onSave() {
		return
	}
	c := e.a
	c.ID, c.Rev, c.Status, c.CancelReason = 0, 0, agreement.StatusKonsep, ""
	c.Signing, c.Monitoring, c.Attachments = nil, nil, nil
	// A new draft is reviewed and approved anew (approval.go).
	c.DPRD, c.Central, c.Reviews = agreement.DPRDApproval{}, agreement.ApprovalRecord{}, nil
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
	if err := e.svc.SaveAgreement(a); err != nil {
		e.fail(lang.L("Perjanjian baru tidak dibuat:"), err)
		return
	}
	if e.onSaved != nil {
		e.onSaved(*a)
	}
	if e.onCreated != nil {
		e.onCreated(a.ID)
	}
}

// onClose closes the window, first asking what to do with unsaved changes.
func (e *Editor) onClose() {
	if !e.dirty {
		e.Close()
		return
	}
	kit.AskToSave(e.win, widget.NewLabel(lang.L("Ada perubahan yang belum disimpan.")),
		lang.L("Simpan"), func() {
			if e.onSave() {
				e.Close()
			}
		},
		lang.L("Buang perubahan"), e.Close)
}

// dateProblem is the problem of a date typed in field that err refused.
func dateProblem(field, typed string, err error) agreement.FieldError {
	if kit.NoSuchDay(err) {
		return agreement.FieldError{Field: field, Code: "form_no_such_day", Args: []any{strings.TrimSpace(typed)}}
	}
	return agreement.FieldError{Field: field, Code: "form_date"}
}

// fieldMessage says what is wrong with a field, including the form's own checks.
func fieldMessage(fe agreement.FieldError, ln i18n.Lang) string {
	switch fe.Code {
	case "form_number":
		return lang.L("Isi dengan angka bulat, mis. 5.")
	case "form_date":
		return lang.L("Tanggal tidak dapat dibaca: tulis hh/bb/tttt, mis. 03/07/2025.")
	case "form_no_such_day":
		return lang.L("Tanggal {{.Date}} tidak ada dalam kalender: periksa hari dan bulannya.", map[string]any{"Date": fe.Args[0]})
	case "form_amount":
		return lang.L("Tulis nilai dalam rupiah tanpa sen, mis. 150000000 atau 150.000.000.")
	}
	return fe.Message(ln)
}
