// Package ui holds Sepakat's Fyne screens. It talks to service.Service only.
package ui

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/ui/editor"
	"sepakat/internal/ui/kit"
	"sepakat/internal/ui/platform"
	"sepakat/resources"
)

// PreferIndonesian makes Indonesian the language whenever the system does not ask
// for English, including unparseable locales such as C; call it before the app starts.
func PreferIndonesian() {
	if i18n.FromEnv() == i18n.EN {
		return
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "id") {
				return
			}
			break
		}
	}
	os.Setenv("LANGUAGE", "id")
	os.Setenv("LC_ALL", "id_ID.UTF-8")
}

// LoadTranslations registers the shipped translations; call it before any window.
func LoadTranslations() error {
	return lang.AddTranslationsFS(resources.FS, "translations")
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
	exportBar *widget.ProgressBarInfinite // of the latest export
	// exportCancel is the latest export's Batal button.
	exportCancel *widget.Button

	// Placement, when set, remembers where the main window sits; the desktop
	// build supplies it for each platform.
	Placement platform.Placement
}

// New builds the main window on svc; printer makes the PDFs.
func New(a fyne.App, svc service.Service, printer service.Printer, now func() time.Time) *App {
	if now == nil {
		now = time.Now
	}
	u := &App{app: a, svc: svc, printer: printer, now: now, do: fyne.Do, editors: map[agreement.ID]*editor.Editor{}}
	u.win = a.NewWindow("Sepakat")
	u.build()
	return u
}

// setDo hands the screens' background results to do instead of fyne.Do.
func (u *App) setDo(do func(func())) {
	u.do, u.list.do, u.beranda.do, u.directory.do = do, do, do, do
}

// Window returns the main window.
func (u *App) Window() fyne.Window { return u.win }

func (u *App) build() {
	u.status = widget.NewLabel("")
	u.status.Wrapping = fyne.TextWrapWord
	u.list = newAgreementList(u.svc, u.now, u.onSelect, u.status.SetText)
	u.list.do = u.do
	u.list.onError = u.showError
	u.newBtn = widget.NewButtonWithIcon(lang.L("Baru"), theme.ContentAddIcon(), u.onNew)
	u.openBtn = widget.NewButtonWithIcon(lang.L("Buka"), theme.DocumentIcon(), func() { u.onOpen(u.selected) })
	u.exportBtn = widget.NewButtonWithIcon(lang.L("Ekspor PDF"), theme.DocumentSaveIcon(), func() { u.onExportPDF(false) })
	u.draftBtn = widget.NewButtonWithIcon(lang.L("Cetak konsep"), theme.DocumentPrintIcon(), func() { u.onExportPDF(true) })
	for _, b := range []*widget.Button{u.openBtn, u.exportBtn, u.draftBtn} {
		b.Disable()
	}
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(u.newBtn, u.openBtn, u.exportBtn, u.draftBtn), u.list.search)
	u.family = newFamily(u.svc, u.now, u.onOpen)
	u.directory = newDirectory(u.svc, u.svc, u.win)
	u.directory.onError = u.showError
	u.settings = newSettings(u.svc)
	split := container.NewVSplit(u.list.table, u.family.content)
	split.Offset = 0.74
	listScreen := container.NewBorder(container.NewVBox(bar, u.list.filterBar, widget.NewSeparator()), u.status, nil, nil, split)
	u.beranda = newBeranda(u.svc, u.now, u.onOpen)
	u.beranda.do = u.do
	u.beranda.notify = u.notifyEnding
	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Beranda"), theme.HomeIcon(), u.beranda.Content()),
		container.NewTabItemWithIcon(lang.L("Daftar Perjanjian"), theme.ListIcon(), listScreen),
		container.NewTabItemWithIcon(lang.L("Instansi & Pejabat"), theme.AccountIcon(), u.directory.Content()),
		container.NewTabItemWithIcon(lang.L("Pengaturan"), theme.SettingsIcon(), u.settings.Content()),
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
	u.win.Resize(fyne.NewSize(
		float32(prefs.FloatWithFallback(prefWindowWidth, defaultWindowWidth)),
		float32(prefs.FloatWithFallback(prefWindowHeight, defaultWindowHeight))))
	u.win.SetCloseIntercept(u.onQuit)
	u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		u.tabs.SelectIndex(tabList)
		u.win.Canvas().Focus(u.list.search)
	})
	u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		u.onNew()
	})
	u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		u.onQuit()
	})
	u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		if u.selected != 0 {
			u.onExportPDF(false)
		}
	})
}

func (u *App) onSelect(id agreement.ID) {
	u.selected = id
	if err := u.family.show(id); err != nil {
		u.showError(err)
	}
	for _, b := range []*widget.Button{u.openBtn, u.exportBtn, u.draftBtn} {
		b.Enable()
	}
}

// onExportPDF asks where to save the selected agreement's PDF and makes it.
func (u *App) onExportPDF(draft bool) { u.exportDialog(u.selected, draft, u.win) }

// exportDialog asks, over parent, where to save agreement id's PDF and makes it.
func (u *App) exportDialog(id agreement.ID, draft bool, parent fyne.Window) {
	a, err := u.svc.Agreement(id)
	if err != nil {
		showError(err, parent)
		return
	}
	name := fmt.Sprintf("%s-%d.pdf", a.Kind, a.ID)
	if draft {
		name = fmt.Sprintf("%s-%d-KONSEP.pdf", a.Kind, a.ID)
	}
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(err, parent)
			return
		}
		if w == nil {
			return // cancelled
		}
		u.exportTo(id, w, draft, parent, nil)
	}, parent)
	save.SetFileName(name)
	save.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	save.Show()
}

// exportTo makes the PDF off the UI goroutine, then writes it; a progress
// dialog with a Batal button shows if it takes longer than exportQuiet. Batal
// stops waiting, closes and removes the partial file and says the export was
// cancelled. done (for tests) runs on the UI goroutine once the outcome shows.
func (u *App) exportTo(id agreement.ID, w fyne.URIWriteCloser, draft bool, parent fyne.Window, done func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	u.exportBar = widget.NewProgressBarInfinite()
	bar := u.exportBar
	// claimed says who has w: the goroutine writing it, or Batal removing it.
	var claimed atomic.Bool
	discard := func() {
		w.Close()
		storage.Delete(w.URI())
	}
	var wait dialog.Dialog
	finished := false
	var show *time.Timer
	// finish shows the outcome, once, on the UI goroutine.
	finish := func(err error) {
		if finished {
			return
		}
		finished = true
		show.Stop()
		bar.Stop() // a hidden dialog does not stop its bar, which would repaint the window forever
		wait.Hide()
		switch {
		case errors.Is(err, context.Canceled):
			dialog.ShowInformation(lang.L("Ekspor PDF"), lang.L("Ekspor dibatalkan"), parent)
		case err != nil:
			showError(err, parent)
		default:
			u.showExported(w.URI().Path(), parent)
		}
		if done != nil {
			done(err)
		}
	}
	u.exportCancel = widget.NewButtonWithIcon(lang.L("Batal"), theme.CancelIcon(), func() {
		cancel()
		if claimed.CompareAndSwap(false, true) {
			discard()
		} // else the goroutine is writing, and removes the file when it is done
		finish(context.Canceled)
	})
	wait = dialog.NewCustomWithoutButtons(lang.L("Membuat PDF…"), container.NewVBox(bar, container.NewCenter(u.exportCancel)), parent)
	do := u.do // read here, on the UI goroutine
	show = time.AfterFunc(exportQuiet, func() {
		do(func() {
			if !finished {
				wait.Show()
			}
		})
	})
	go func() {
		data, err := makePDF(ctx, u.printer, id, draft)
		if ctx.Err() != nil || !claimed.CompareAndSwap(false, true) {
			return // cancelled: Batal has removed the file and said so
		}
		if err == nil {
			_, err = w.Write(data)
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil || ctx.Err() != nil {
			storage.Delete(w.URI()) // nothing half-written stays behind
		}
		do(func() { finish(err) })
	}()
}

// makePDF makes agreement id's PDF on a thread of lowered priority, so the
// window keeps drawing; it stops waiting when ctx is cancelled (the printer
// then finishes on its own, and its result is dropped).
func makePDF(ctx context.Context, printer service.Printer, id agreement.ID, draft bool) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	made := make(chan result, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the lowered thread ends with the goroutine
		platform.LowerThreadPriority()
		var buf bytes.Buffer
		err := printer.ExportPDF(id, &buf, draft)
		made <- result{buf.Bytes(), err}
	}()
	select {
	case r := <-made:
		return r.data, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// showTab reads what tab i shows as it comes into view.
func (u *App) showTab(i int) {
	var err error
	switch i {
	case tabList:
		err = u.list.shown()
	case tabDirectory:
		u.directory.reload()
	case tabSettings:
		err = u.settings.reload()
	}
	if err != nil {
		u.showError(err)
	}
}

// exportQuiet is how long an export runs before its progress dialog shows.
const exportQuiet = 300 * time.Millisecond

// The main window's tabs.
const (
	tabBeranda = iota
	tabList
	tabDirectory
	tabSettings
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
	u.app.SendNotification(fyne.NewNotification(lang.L("{{.Count}} perjanjian berakhir dalam 30 hari", map[string]any{"Count": n}), text))
}

// showExported says where the PDF went and offers to open it or its folder.
func (u *App) showExported(path string, parent fyne.Window) {
	var d dialog.Dialog
	open := widget.NewButtonWithIcon(lang.L("Buka berkas"), theme.FileIcon(), func() {
		d.Hide()
		if err := u.app.OpenURL(kit.FileURL(path)); err != nil {
			u.showError(err)
		}
	})
	open.Importance = widget.HighImportance
	folder := widget.NewButtonWithIcon(lang.L("Buka folder"), theme.FolderOpenIcon(), func() {
		d.Hide()
		if err := u.app.OpenURL(kit.FileURL(filepath.Dir(path))); err != nil {
			u.showError(err)
		}
	})
	closeBtn := widget.NewButton(lang.L("Tutup"), func() { d.Hide() })
	where := widget.NewLabel(path)
	where.Wrapping = fyne.TextWrapBreak
	d = dialog.NewCustomWithoutButtons(lang.L("PDF tersimpan"), container.NewVBox(where, container.NewHBox(closeBtn, folder, open)), parent)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// Start loads the Beranda and the first page and, on a new data file, offers
// the examples.
func (u *App) Start() {
	u.Refresh()
	if i := u.tabs.SelectedIndex(); i == tabDirectory || i == tabSettings {
		u.showTab(i) // the tab Sepakat last closed on
	}
	total, err := u.svc.Total()
	if err != nil {
		u.showError(err)
		return
	}
	loaded, err := u.svc.ExamplesLoaded()
	if err != nil || total > 0 || loaded {
		return
	}
	parties, err := u.svc.Parties()
	if err != nil {
		u.showError(err)
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
		u.showError(err)
		return
	}
	u.Refresh()
}

// Refresh reloads the Beranda and the register from the store.
func (u *App) Refresh() {
	u.beranda.reload()
	if err := u.list.reload(); err != nil {
		u.showError(err)
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
		u.showError(err)
		return
	}
	u.editors[id] = e
	e.Window().SetOnClosed(func() { delete(u.editors, id) })
	e.Show()
}

// onQuit closes Sepakat, first asking what to do with editors' unsaved changes.
func (u *App) onQuit() {
	var dirty []*editor.Editor
	for _, e := range u.editors {
		if e.Dirty() {
			dirty = append(dirty, e)
		}
	}
	if len(dirty) == 0 {
		u.quit()
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
	kit.AskToSave(u.win, what, lang.L("Simpan semua dan keluar"), func() {
		for _, e := range dirty {
			if !e.Save() {
				e.Window().RequestFocus() // its problems show beside the fields
				return
			}
		}
		u.quit()
	}, lang.L("Keluar tanpa menyimpan"), u.quit)
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
	if u.Placement == nil || !prefs.Bool(prefWindowPlaced) {
		return
	}
	u.Placement.Move(u.win, prefs.Int(prefWindowX), prefs.Int(prefWindowY))
}

// showError tells, over the main window, what went wrong in words for people.
func (u *App) showError(err error) { showError(err, u.win) }

// showError tells, over w, what went wrong in words for people.
func showError(err error, w fyne.Window) {
	dialog.ShowError(errors.New(explain(err)), w)
}

// thousands writes 100000 as "100.000", as Indonesian readers expect.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// explain is what a screen says about err: words for people in the user's
// language (service.Explain's table), never a Go error string alone.
func explain(err error) string { return service.Message(err, i18n.FromEnv()) }
