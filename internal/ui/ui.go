// Package ui holds Sepakat's Fyne screens. It talks to service.Service only.
package ui

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/ui/editor"
	"sepakat/internal/ui/kit"
	"sepakat/internal/ui/platform"
	"sepakat/resources"
)

// UseLanguage makes l the language of the screens and of the messages from
// below them (kit.Lang reads the environment); call it before LoadTranslations.
func UseLanguage(l i18n.Lang) {
	locale := "id_ID.UTF-8"
	if l == i18n.EN {
		locale = "en_US.UTF-8"
	}
	os.Setenv("LANGUAGE", string(l))
	os.Setenv("LC_ALL", locale)
}

// LoadTranslations registers the translation of kit.Lang, for its own locale
// and for the one Fyne reads from the system (on Windows, Fyne asks the
// system rather than the environment): so the choice in Pengaturan holds
// whatever the system's language is. Call it before any window.
func LoadTranslations() error {
	l := kit.Lang()
	data, err := resources.FS.ReadFile("translations/" + string(l) + ".json")
	if err != nil {
		return err
	}
	if err := lang.AddTranslationsForLocale(data, fyne.Locale(l)); err != nil {
		return err
	}
	if sys := lang.SystemLocale(); sys != fyne.Locale(l) {
		return lang.AddTranslationsForLocale(data, sys)
	}
	return nil
}

// Icon returns the application icon.
func Icon() fyne.Resource {
	data, err := resources.FS.ReadFile(resources.IconFile)
	if err != nil {
		return nil
	}
	return fyne.NewStaticResource("sepakat.png", data)
}

// App is the main window.
type App struct {
	app     fyne.App
	win     fyne.Window
	svc     service.Service
	printer service.Printer
	now     func() time.Time

	list      *AgreementList
	beranda   *Beranda
	family    *Family
	directory *Directory
	settings  *Settings
	laporan   *Laporan
	timeline  *Timeline
	welcome   *welcome
	// newAgreement is Baru's latest dialog.
	newAgreement *newAgreementDialog
	editors      map[agreement.ID]*editor.Editor
	// do runs UI work handed over from other goroutines (fyne.Do; tests run it themselves).
	do        func(func())
	tabs      *container.AppTabs
	status    *widget.Label
	selected  agreement.ID
	newBtn    *widget.Button
	openBtn   *widget.Button
	exportBtn *widget.Button
	draftBtn  *widget.Button
	export    *kit.PDFExport // the latest export

	menuExport *fyne.MenuItem // Berkas → Ekspor PDF, enabled with a selection
	menuBackup *fyne.MenuItem // Berkas → Cadangkan sekarang, off while a copy is made
	backingUp  bool           // a copy is being made
	about      *aboutDialog   // Tentang's latest dialog
	guide      fyne.Window    // Panduan, while open
	guideText  *widget.RichText

	// Placement, when set, remembers where the main window sits; the desktop
	// build supplies it for each platform.
	Placement platform.Placement
	// DataPath is the data file open, as Tentang shows it; empty while the
	// register on the server is open.
	DataPath string
	// Server names the register on the office's server while it is open
	// (host/db), for the title bar; empty while a data file is.
	Server string
	// LocalPath is the data file to go back to from the server.
	LocalPath string
	// OpenServerCopy, set by the main program, opens the newest local copy
	// of the register on the server, to be read only, and closes the
	// register open before; made is when the copy was made.
	OpenServerCopy func(ctx context.Context) (svc service.Service, printer service.Printer, made time.Time, err error)
	// copyOpen names the read-only copy open, for the title bar.
	copyOpen string
	// ServerLink, set by the main program, reaches the office's server;
	// Credentials keep its password (settings_server.go).
	ServerLink  ServerLink
	Credentials Credentials
	// sessionAccount's password is kept for this session, to connect again.
	sessionAccount, sessionPassword string
	serverPage                      *serverPage
	// unsubscribe ends the subscription to the open register's changes;
	// refreshing is set while a refresh after other seats' saves is queued.
	unsubscribe func()
	refreshing  bool
	unreachable *unreachableDialog // the latest
	// OpenOther, set by the main program, opens the data file at path for
	// "Buka data lain…" and closes the one open before, only once the new
	// one opened.
	OpenOther func(path string) (service.Service, service.Printer, error)
	// Notify, when set, shows a notification instead of Fyne's (on Windows
	// the main program sends toasts without PowerShell).
	Notify func(title, body string)
	// RestoreCopy, set by the main program, closes the data file open (if
	// any), puts the copy at copyPath in place of DataPath in one step
	// (keeping the current file aside as aside) and opens DataPath again:
	// the restored file, or the file as it was when the restore failed (then
	// with err); svc is nil when no file opens.
	RestoreCopy func(ctx context.Context, copyPath string) (svc service.Service, printer service.Printer, aside string, err error)
	// InspectCopy, set by the main program, checks every page of a copy and
	// says what it holds.
	InspectCopy func(ctx context.Context, path string) (service.CopyContents, error)
	// DailyBackup: Start makes the day's automatic copy off the UI goroutine
	// (the desktop sets it; tests make their copies themselves).
	DailyBackup bool

	// rescue is the rescue screen while no data file is open.
	rescue *rescueScreen
}

// New builds the main window on svc; printer makes the PDFs.
func New(a fyne.App, svc service.Service, printer service.Printer, now func() time.Time) *App {
	if now == nil {
		now = time.Now
	}
	u := &App{app: a, svc: svc, printer: printer, now: now, do: fyne.Do, editors: map[agreement.ID]*editor.Editor{}}
	u.win = a.NewWindow("Sepakat")
	u.build()
	u.setupWindow()
	return u
}

// setDo hands the screens' background results to do instead of fyne.Do.
func (u *App) setDo(do func(func())) {
	u.do = do
	if u.list != nil {
		u.list.do, u.beranda.do, u.directory.do, u.family.do, u.settings.do = do, do, do, do, do
		u.laporan.do, u.timeline.do = do, do
	}
}

// Window returns the main window.
func (u *App) Window() fyne.Window { return u.win }

func (u *App) build() {
	u.status = widget.NewLabel("")
	u.status.Wrapping = fyne.TextWrapWord
	u.list = newAgreementList(u.svc, u.now, u.onSelect, u.status.SetText)
	u.list.do = u.do
	u.list.onError = u.failed(lang.L("Pilihan penyaring tidak dapat dibaca:"))
	u.newBtn = widget.NewButtonWithIcon(lang.L("Baru"), theme.ContentAddIcon(), u.onNew)
	u.openBtn = widget.NewButtonWithIcon(lang.L("Buka"), theme.DocumentIcon(), func() { u.onOpen(u.selected) })
	u.exportBtn = widget.NewButtonWithIcon(lang.L("Ekspor PDF"), theme.DocumentSaveIcon(), func() { u.onExportPDF(false) })
	u.draftBtn = widget.NewButtonWithIcon(lang.L("Cetak konsep"), theme.DocumentPrintIcon(), func() { u.onExportPDF(true) })
	for _, b := range []*widget.Button{u.openBtn, u.exportBtn, u.draftBtn} {
		b.Disable()
	}
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(u.newBtn, u.openBtn, u.exportBtn, u.draftBtn), u.list.search)
	u.family = newFamily(u.svc, u.now, u.onOpen)
	u.family.do = u.do
	u.directory = newDirectory(u.svc, u.svc, u.win)
	u.directory.onError = u.failed(lang.L("Instansi & Pejabat tidak dapat dibaca:"))
	u.settings = newSettings(u.svc)
	u.settings.do = u.do
	u.settings.backups.admin, u.settings.backups.win = u.svc, u.win
	u.settings.backups.onRestore, u.settings.backups.onBackupNow = u.askRestore, u.onBackupNow
	u.addServerPage()
	u.watchOtherSeats()
	split := container.NewVSplit(u.list.table, u.family.content)
	split.Offset = 0.74
	listScreen := container.NewBorder(container.NewVBox(bar, u.list.filterBar, widget.NewSeparator()), u.status, nil, nil, split)
	u.laporan = newLaporan(u.svc, u.app, u.win, u.now, u.onOpen)
	u.laporan.do = u.do
	u.timeline = newTimeline(u.svc, u.now, u.onOpen)
	u.timeline.do = u.do
	u.beranda = newBeranda(u.svc, u.now, u.onOpen)
	u.beranda.do = u.do
	u.beranda.onFilter = func(f agreement.Filter) {
		u.tabs.SelectIndex(tabList)
		u.list.ShowFiltered(f)
	}
	u.beranda.notify = u.notifyEnding
	u.beranda.backupStatus = u.svc.BackupStatus
	u.beranda.perYear = u.svc.SignedByYear
	u.beranda.onStatus = func(st service.BackupStatus) {
		if u.DataPath != "" {
			u.app.Preferences().SetString(prefSecondPlace+u.DataPath, st.SecondPlace)
		}
	}
	u.beranda.onBackups = func() {
		u.tabs.SelectIndex(tabSettings)
		u.settings.showBackups()
	}
	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Beranda"), theme.HomeIcon(), u.beranda.Content()),
		container.NewTabItemWithIcon(lang.L("Daftar Perjanjian"), theme.ListIcon(), listScreen),
		container.NewTabItemWithIcon(lang.L("Instansi & Pejabat"), theme.AccountIcon(), u.directory.Content()),
		container.NewTabItemWithIcon(lang.L("Pengaturan"), theme.SettingsIcon(), u.settings.Content()),
		container.NewTabItemWithIcon(lang.L("Laporan"), theme.DocumentIcon(), u.laporan.Content()),
		container.NewTabItemWithIcon(lang.L("Lini masa"), theme.HistoryIcon(), u.timeline.Content()),
	)
	prefs := u.app.Preferences()
	last := min(max(prefs.IntWithFallback(prefLastTab, 0), 0), len(u.tabs.Items)-1)
	u.tabs.SelectIndex(last)
	if last == tabList {
		u.list.choicesWanted = true
	}
	u.tabs.OnSelected = func(*container.TabItem) {
		prefs.SetInt(prefLastTab, u.tabs.SelectedIndex())
		u.showTab(u.tabs.SelectedIndex())
	}
	u.win.SetContent(u.tabs)
}

// setupWindow sizes the main window and gives it its menu and shortcuts; it
// runs once, while build runs again for each data file opened.
func (u *App) setupWindow() {
	prefs := u.app.Preferences()
	u.win.Resize(windowSize(prefs.Float(prefWindowWidth), prefs.Float(prefWindowHeight), 0, 0))
	u.win.SetCloseIntercept(u.onQuit)
	m := u.mainMenu()
	u.win.SetMainMenu(m)
	u.addShortcuts(m)
}

func (u *App) onSelect(id agreement.ID) {
	u.selected = id
	u.family.show(id)
	for _, b := range []*widget.Button{u.openBtn, u.exportBtn, u.draftBtn} {
		b.Enable()
	}
	u.setExportable(true)
}

// onExportPDF asks where to save the selected agreement's PDF and makes it.
func (u *App) onExportPDF(draft bool) {
	a, err := u.svc.Agreement(u.selected)
	if err == nil && a.IsImported() {
		err = &export.NoTextError{Subject: a.Subject} // no save dialog for a document there is not
	}
	if err != nil {
		kit.ShowFailure(u.win, lang.L("PDF tidak dibuat:"), err)
		return
	}
	ask := func() { kit.AskPDF(u.pdfJob(a.ID, a.Kind, draft, nil), func(x *kit.PDFExport) { u.export = x }) }
	if draft {
		ask()
		return
	}
	// A final copy is checked first, as the editor does; a check that cannot
	// run (a damaged record) leaves the export to say what is wrong.
	problems, _ := export.Check(u.svc, a.ID)
	kit.ConfirmPrint(u.win, problems, ask)
}

// pdfJob is agreement id's PDF made over the main window; done (for tests)
// runs once the outcome shows.
func (u *App) pdfJob(id agreement.ID, kind agreement.Kind, draft bool, done func(error)) kit.PDFJob {
	return kit.PDFJob{App: u.app, Parent: u.win, Do: u.do, Printer: u.printer, ID: id, Kind: kind, Draft: draft, Done: done}
}

// exportTo makes agreement id's PDF into w, as the save dialog does.
func (u *App) exportTo(id agreement.ID, w fyne.URIWriteCloser, draft bool, done func(error)) {
	u.export = kit.ExportPDF(u.pdfJob(id, "", draft, done), w)
}

// showTab reads what tab i shows as it comes into view.
func (u *App) showTab(i int) {
	switch i {
	case tabList:
		u.list.shown()
	case tabDirectory:
		u.directory.reload()
	case tabSettings:
		u.settings.reload()
	case tabTimeline:
		u.timeline.reload()
	}
}

// The main window's tabs.
const (
	tabBeranda = iota
	tabList
	tabDirectory
	tabSettings
	tabLaporan
	tabTimeline
)

// notifyEnding names, once per start, the agreements that end within 30 days.
func (u *App) notifyEnding(d service.Dashboard) {
	n := d.EndingCount[0]
	if n == 0 {
		return
	}
	first := d.Ending[0][0]
	text := lang.L("{{.Subject}} ({{.Partner}}) berakhir {{.Date}}.", map[string]any{"Subject": first.Subject, "Partner": partnerOrDash(first), "Date": kit.ShortDate(first.End)})
	if n > 1 {
		text = lang.L("{{.Subject}} ({{.Partner}}) berakhir {{.Date}}, dan {{.More}} lainnya.", map[string]any{"Subject": first.Subject, "Partner": partnerOrDash(first), "Date": kit.ShortDate(first.End), "More": n - 1})
	}
	title := lang.L("{{.Count}} perjanjian berakhir dalam 30 hari", map[string]any{"Count": n})
	if u.Notify != nil {
		u.Notify(title, text)
		return
	}
	u.app.SendNotification(fyne.NewNotification(title, text))
}

// Start loads the Beranda and the first page and, on a new data file, offers
// the examples.
func (u *App) Start() {
	u.showTitle()
	if u.serverPage != nil {
		u.serverPage.showWhere() // the data file is named after the screens were built
	}
	if u.rescue != nil {
		u.rescue.load()
		return
	}
	u.Refresh()
	if u.DailyBackup {
		u.dailyBackup()
	}
	if i := u.tabs.SelectedIndex(); i == tabDirectory || i == tabSettings || i == tabTimeline {
		u.showTab(i) // the tab Sepakat last closed on
	}
	if u.unreachable != nil {
		return // the office's server did not answer: the welcome waits for the user's choice
	}
	u.offerWelcome()
}

// offerWelcome shows the welcome when the register open is empty and has no
// office of its own yet.
func (u *App) offerWelcome() {
	total, err := u.svc.Total()
	if err != nil {
		kit.ShowFailure(u.win, lang.L("Data tidak dapat dibaca:"), err)
		return
	}
	loaded, err := u.svc.ExamplesLoaded()
	if err != nil || total > 0 || loaded {
		return
	}
	parties, err := u.svc.Parties()
	if err != nil {
		kit.ShowFailure(u.win, lang.L("Data tidak dapat dibaca:"), err)
		return
	}
	for _, p := range parties {
		if p.Own {
			return // our office is set up
		}
	}
	u.showWelcome()
}

func (u *App) onLoadExamples(ok bool) {
	if !ok {
		return
	}
	if err := u.svc.LoadExamples(); err != nil {
		kit.ShowFailure(u.win, lang.L("Contoh tidak dapat dimuat:"), err)
		return
	}
	u.Refresh()
}

// Refresh reloads the Beranda and the register from the store.
func (u *App) Refresh() {
	u.beranda.reload()
	if u.selected != 0 {
		u.family.show(u.selected) // a status changed in an editor shows in the tree
	}
	if err := u.list.reload(); err != nil {
		kit.ShowFailure(u.win, lang.L("Daftar tidak dapat dibaca:"), err)
	}
	total, _ := u.svc.Total()
	u.status.SetText(lang.L("{{.Count}} perjanjian", map[string]any{"Count": thousands(total)}))
}

// onOpen shows agreement id in its editor window, or brings that window forward.
func (u *App) onOpen(id agreement.ID) {
	if id == 0 {
		return
	}
	if e, ok := u.editors[id]; ok {
		e.Window().RequestFocus()
		return
	}
	e, err := editor.Open(editor.Config{App: u.app, Svc: u.svc, Printer: u.printer, Now: u.now, Do: u.do,
		OnSaved: func(agreement.Agreement) { u.Refresh() }, OnCreated: u.onOpen}, id)
	if err != nil {
		kit.ShowFailure(u.win, lang.L("Perjanjian tidak dapat dibuka:"), err)
		return
	}
	u.editors[id] = e
	e.Window().SetOnClosed(func() { delete(u.editors, id) })
	e.Show()
}

// onQuit closes Sepakat, first asking what to do with editors' unsaved changes.
func (u *App) onQuit() {
	u.leaveEditors(lang.L("Simpan semua dan keluar"), lang.L("Keluar tanpa menyimpan"), u.quit)
}

// leaveEditors runs then once no editor has unsaved changes, asking first
// whether to save them (saveLabel) or drop them (discardLabel).
func (u *App) leaveEditors(saveLabel, discardLabel string, then func()) {
	var dirty []*editor.Editor
	for _, e := range u.editors {
		if e.Dirty() {
			dirty = append(dirty, e)
		}
	}
	if len(dirty) == 0 {
		then()
		return
	}
	slices.SortFunc(dirty, func(a, b *editor.Editor) int { return cmp.Compare(a.Agreement().ID, b.Agreement().ID) })
	var names []string
	for _, e := range dirty {
		names = append(names, "• "+e.Title())
	}
	list := widget.NewLabel(strings.Join(names, "\n"))
	list.Wrapping = fyne.TextWrapWord
	what := container.NewVBox(widget.NewLabel(lang.L("Perjanjian ini punya perubahan yang belum disimpan:")), list)
	kit.AskToSave(u.win, what, saveLabel, func() {
		for _, e := range dirty {
			if !e.Save() {
				e.Window().RequestFocus() // its problems show beside the fields
				return
			}
		}
		then()
	}, discardLabel, then)
}

// quit remembers the window's size and place, then closes it and with it Sepakat.
func (u *App) quit() {
	prefs := u.app.Preferences()
	size := u.win.Canvas().Size()
	prefs.SetFloat(prefWindowWidth, float64(size.Width))
	prefs.SetFloat(prefWindowHeight, float64(size.Height))
	if u.Placement != nil {
		if x, y, ok := u.Placement.Position(u.win); ok {
			prefs.SetInt(prefWindowX, x)
			prefs.SetInt(prefWindowY, y)
			prefs.SetBool(prefWindowPlaced, true)
		}
	}
	for _, e := range u.editors {
		e.Close()
	}
	u.win.Close()
}

// Place puts the main window where it was when Sepakat last closed; call it
// once the window shows.
func (u *App) Place() {
	prefs := u.app.Preferences()
	if sc, ok := u.Placement.(platform.Screen); ok {
		if w, h, ok := sc.ScreenSize(); ok {
			scale := max(u.win.Canvas().Scale(), 1)
			u.win.Resize(windowSize(prefs.Float(prefWindowWidth), prefs.Float(prefWindowHeight), int(float32(w)/scale), int(float32(h)/scale)))
		}
	}
	if u.Placement == nil || !prefs.Bool(prefWindowPlaced) {
		return
	}
	u.Placement.Move(u.win, prefs.Int(prefWindowX), prefs.Int(prefWindowY))
}

// thousands writes 100000 as "100.000", as Indonesian readers expect.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// failed is a handler that tells, over the main window, that what leadIn
// names did not happen, and why.
func (u *App) failed(leadIn string) func(error) {
	return func(err error) { kit.ShowFailure(u.win, leadIn, err) }
}
