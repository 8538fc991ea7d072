package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/ui/editor"
	"sepakat/internal/ui/kit"
)

// Rescue is what the rescue screen needs from the main program to mend a
// data file that does not open; none of it opens that file for writing.
type Rescue struct {
	// Err is why the data file did not open.
	Err error
	// Backups lists the copies in the backup folder beside the data file and
	// in the second place, newest first.
	Backups func(ctx context.Context) ([]service.BackupInfo, error)
	// CanSalvage is nil when the file reads well enough to salvage, else why not.
	CanSalvage func() error
	// Salvage copies every readable record into a new data file at out.
	Salvage func(ctx context.Context, out string) (service.SalvageReport, error)
}

// NewRescue builds the main window on a data file that did not open: the
// rescue screen, which offers to restore a copy, salvage, open another file
// or quit. The main program sets OpenOther, RestoreCopy and InspectCopy; once
// a file opens, the window shows the usual screens on it.
func NewRescue(a fyne.App, path string, r Rescue, now func() time.Time) *App {
	if now == nil {
		now = time.Now
	}
	u := &App{app: a, now: now, do: fyne.Do, editors: map[agreement.ID]*editor.Editor{}, DataPath: path}
	u.win = a.NewWindow("Sepakat")
	u.rescue = newRescueScreen(u, r)
	u.win.SetContent(u.rescue.content)
	prefs := a.Preferences()
	u.win.Resize(windowSize(prefs.Float(prefWindowWidth), prefs.Float(prefWindowHeight), 0, 0))
	u.win.SetCloseIntercept(u.onQuit)
	u.win.SetMainMenu(u.rescueMenu())
	return u
}

// rescueMenu is the main menu while no data file is open.
func (u *App) rescueMenu() *fyne.MainMenu {
	quit := fyne.NewMenuItem(lang.L("Keluar"), func() { u.onQuit() })
	quit.IsQuit = true
	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("Berkas"), fyne.NewMenuItem(lang.L("Buka data lain…"), func() { u.onOpenOther() }), fyne.NewMenuItemSeparator(), quit),
		fyne.NewMenu(lang.L("Bantuan"), fyne.NewMenuItem(lang.L("Panduan"), func() { u.onGuide() })))
}

// copyCheck is what a full check of one copy found.
type copyCheck struct {
	done     bool
	contents service.CopyContents
	err      error
}

// rescueScreen says what is wrong with which data file and offers the ways out.
type rescueScreen struct {
	u *App
	r Rescue

	copies  []service.BackupInfo
	checks  []copyCheck
	chosen  int // the copy selected, -1: none
	list    *widget.List
	listBox *fyne.Container
	// copiesNote says what the list holds: looking, none, or which is chosen.
	copiesNote  *widget.Label
	salvageNote *widget.Label
	restoreBtn  *widget.Button
	salvageBtn  *widget.Button
	openBtn     *widget.Button
	quitBtn     *widget.Button
	content     fyne.CanvasObject

	// loaded, when set, runs on the UI goroutine once the copies are listed
	// and checked (tests).
	loaded func()
}

func newRescueScreen(u *App, r Rescue) *rescueScreen {
	s := &rescueScreen{u: u, r: r, chosen: -1}
	title := widget.NewLabelWithStyle(lang.L("Berkas data tidak dapat dibuka"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	where := widget.NewLabel(u.DataPath)
	where.Wrapping = fyne.TextWrapBreak
	where.TextStyle = fyne.TextStyle{Monospace: true}
	p := kit.Explain(r.Err)
	why := widget.NewLabel(p.Message)
	why.Wrapping = fyne.TextWrapWord
	why.Importance = widget.DangerImportance
	// The detail, if any, and that nothing was changed, in one paragraph.
	calm := plain(lang.L("Berkas itu tidak diubah. Pilih salah satu jalan di bawah."))
	if p.Detail != "" {
		calm.SetText(p.Detail + "\n" + calm.Text)
	}

	s.copiesNote = widget.NewLabel(lang.L("Mencari salinan cadangan…"))
	s.copiesNote.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(func() int { return len(s.copies) }, func() fyne.CanvasObject {
		state := widget.NewLabel("")
		return container.NewBorder(nil, nil, nil, state, kit.NewFitLabel(""))
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		c := o.(*fyne.Container)
		c.Objects[0].(*kit.FitLabel).SetText(s.rowText(i))
		state := c.Objects[1].(*widget.Label)
		state.Text, state.Importance = s.stateText(i)
		state.Refresh()
	})
	s.list.OnSelected = func(i widget.ListItemID) {
		s.chosen = i
		s.restoreBtn.Enable()
	}
	s.listBox = container.NewGridWrap(fyne.NewSize(900, 0), s.list)
	s.listBox.Hide()
	s.restoreBtn = widget.NewButtonWithIcon(lang.L("Pulihkan salinan terpilih…"), theme.HistoryIcon(), s.onRestore)
	s.restoreBtn.Importance = widget.HighImportance
	s.restoreBtn.Disable()
	restore := container.NewVBox(
		heading(lang.L("1. Pulihkan dari cadangan")),
		plain(lang.L("Sepakat membuat salinan setiap hari dan sebelum setiap perubahan besar. Salinan terbaru yang utuh sudah dipilih; perubahan sesudah salinan itu dibuat tidak ikut kembali.")),
		s.copiesNote, container.NewHBox(s.listBox), container.NewHBox(s.restoreBtn))

	s.salvageNote = widget.NewLabel(lang.L("Memeriksa apakah berkas masih dapat dibaca…"))
	s.salvageNote.Wrapping = fyne.TextWrapWord
	s.salvageBtn = widget.NewButtonWithIcon(lang.L("Selamatkan ke berkas baru…"), theme.ContentCopyIcon(), s.onSalvage)
	s.salvageBtn.Disable()
	salvage := container.NewVBox(
		heading(lang.L("2. Selamatkan ke berkas baru")),
		plain(lang.L("Semua data yang masih terbaca disalin ke berkas data baru di folder yang sama, lalu berkas baru itu dibuka. Data yang tidak terbaca disebutkan satu per satu.")),
		s.salvageNote, container.NewHBox(s.salvageBtn))

	s.openBtn = widget.NewButtonWithIcon(lang.L("Buka berkas data lain…"), theme.FolderOpenIcon(), u.onOpenOther)
	s.quitBtn = widget.NewButtonWithIcon(lang.L("Keluar"), theme.LogoutIcon(), u.onQuit)
	other := container.NewVBox(heading(lang.L("3. Berkas lain")), container.NewHBox(s.openBtn, s.quitBtn))

	body := container.NewVBox(title, where, why, calm, widget.NewSeparator(),
		restore, widget.NewSeparator(), container.NewGridWithColumns(2, salvage, other))
	s.content = container.NewVScroll(container.NewPadded(body))
	return s
}

// rowText is one copy as the list shows it.
func (s *rescueScreen) rowText(i int) string {
	c := s.copies[i]
	return strings.Join([]string{copyTime(c.Time), countWords(c), megabytes(c.Size), reasonWords(c.Reason), placeWords(c.Place)}, " · ")
}

// stateText says what the check of copy i found.
func (s *rescueScreen) stateText(i int) (string, widget.Importance) {
	switch ch := s.checks[i]; {
	case !s.copies[i].Verified || (ch.done && ch.err != nil):
		return lang.L("rusak"), widget.DangerImportance
	case ch.done:
		return lang.L("utuh"), widget.SuccessImportance
	}
	return "", widget.LowImportance // checked only until one is sound
}

// load lists the copies, then checks them newest first until one is whole
// and chooses it; it also asks whether the file can be salvaged.
func (s *rescueScreen) load() {
	r, inspect, do := s.r, s.u.InspectCopy, s.u.do
	go func() {
		var salvageErr error = service.ErrCorrupt
		if r.CanSalvage != nil {
			salvageErr = r.CanSalvage()
		}
		var copies []service.BackupInfo
		var listErr error
		if r.Backups != nil {
			copies, listErr = r.Backups(context.Background())
		}
		do(func() { s.showCopies(copies, listErr, salvageErr) })
		for i, c := range copies {
			if !c.Verified || inspect == nil {
				continue
			}
			in, err := inspect(context.Background(), c.Path)
			do(func() { s.checked(i, copyCheck{done: true, contents: in, err: err}) })
			if err == nil {
				break
			}
		}
		do(func() {
			if s.chosen < 0 {
				s.nothingWhole()
			}
			if s.loaded != nil {
				s.loaded()
			}
		})
	}()
}

func (s *rescueScreen) showCopies(copies []service.BackupInfo, listErr, salvageErr error) {
	s.copies, s.checks = copies, make([]copyCheck, len(copies))
	switch {
	case len(copies) == 0 && listErr != nil:
		s.copiesNote.SetText(kit.Failure(lang.L("Salinan cadangan tidak dapat dibaca:"), listErr))
	case len(copies) == 0:
		s.copiesNote.SetText(lang.L("Tidak ada salinan cadangan di {{.Folder}}. Bila salinan ada di diska USB atau folder lain, pakai \"Buka berkas data lain…\".",
			map[string]any{"Folder": filepath.Join(filepath.Dir(s.u.DataPath), service.BackupFolder)}))
	default:
		s.copiesNote.SetText(lang.L("Memeriksa salinan…"))
		if listErr != nil {
			s.copiesNote.SetText(kit.Failure(lang.L("Tempat kedua:"), listErr))
		}
		// As tall as its rows, up to four; more scroll.
		row := s.list.MinSize().Height + theme.Padding()
		s.listBox.Layout = layout.NewGridWrapLayout(fyne.NewSize(900, float32(min(len(copies), 4))*row))
		s.listBox.Show()
	}
	s.list.Refresh()
	defer s.content.Refresh() // the list's height changed: lay the screen out again
	if salvageErr == nil {
		s.salvageNote.SetText(lang.L("Berkas ini masih dapat dibaca sebagian."))
		s.salvageBtn.Enable()
		return
	}
	if errors.Is(salvageErr, service.ErrCorrupt) || errors.Is(salvageErr, service.ErrNotSepakat) {
		// Why is said above already.
		s.salvageNote.SetText(lang.L("Penyelamatan tidak mungkin: berkas ini tidak dapat dibaca sama sekali. Pulihkan dari cadangan atau buka berkas data lain."))
	} else {
		s.salvageNote.SetText(kit.Failure(lang.L("Penyelamatan tidak mungkin:"), salvageErr))
	}
	s.salvageNote.Importance = widget.WarningImportance
	s.salvageNote.Refresh()
	s.salvageBtn.Hide()
}

// checked shows the check of copy i; the first whole one is chosen.
func (s *rescueScreen) checked(i int, ch copyCheck) {
	if i >= len(s.checks) {
		return
	}
	s.checks[i] = ch
	if ch.err == nil && s.chosen < 0 {
		s.list.Select(i)
		s.list.ScrollTo(i)
		s.copiesNote.SetText(lang.L("Salinan terbaru yang utuh: {{.Date}}, {{.Count}} perjanjian.",
			map[string]any{"Date": copyTime(s.copies[i].Time), "Count": thousands(ch.contents.Agreements)}))
	}
	s.list.RefreshItem(i)
}

// nothingWhole says that no copy passed its check.
func (s *rescueScreen) nothingWhole() {
	if len(s.copies) == 0 {
		return
	}
	s.copiesNote.SetText(lang.L("Tidak ada salinan yang utuh. Coba selamatkan ke berkas baru, atau buka berkas data lain."))
	s.copiesNote.Importance = widget.WarningImportance
	s.copiesNote.Refresh()
}

func (s *rescueScreen) onRestore() {
	if s.chosen < 0 || s.chosen >= len(s.copies) {
		return
	}
	c, ch := s.copies[s.chosen], s.checks[s.chosen]
	if ch.done && ch.err == nil {
		s.u.confirmRestore(c, ch.contents)
		return
	}
	s.u.askRestore(c)
}

// salvageName names the new file a salvage writes beside the damaged one.
func (s *rescueScreen) salvageName() string {
	base := strings.TrimSuffix(filepath.Base(s.u.DataPath), filepath.Ext(s.u.DataPath))
	return filepath.Join(filepath.Dir(s.u.DataPath), base+"-selamat-"+s.u.now().Format("20060102-150405")+".db")
}

// onSalvage asks, then copies what reads into a new file and opens it.
func (s *rescueScreen) onSalvage() {
	out := s.salvageName()
	what := widget.NewLabel(lang.L("Semua data yang masih terbaca disalin ke berkas baru ini, lalu berkas itu dibuka. Berkas yang rusak tidak diubah."))
	what.Wrapping = fyne.TextWrapWord
	where := widget.NewLabel(out)
	where.Wrapping = fyne.TextWrapBreak
	d := dialog.NewCustomConfirm(lang.L("Selamatkan ke berkas baru?"), lang.L("Selamatkan"), lang.L("Batal"), container.NewVBox(what, where),
		func(ok bool) {
			if ok {
				s.salvage(out)
			}
		}, s.u.win)
	d.Resize(fyne.NewSize(600, 0))
	d.Show()
}

func (s *rescueScreen) salvage(out string) {
	u := s.u
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(lang.L("Menyelamatkan data…"), container.NewVBox(widget.NewLabel(filepath.Base(out)), bar), u.win)
	wait.Show()
	salvage, open, do := s.r.Salvage, u.OpenOther, u.do
	go func() {
		rep, err := salvage(context.Background(), out)
		var svc service.Service
		var printer service.Printer
		if err == nil && open != nil {
			svc, printer, err = open(out)
		}
		do(func() {
			wait.Hide()
			if err != nil {
				kit.ShowFailure(u.win, lang.L("Data tidak diselamatkan:"), err)
				return
			}
			u.app.Preferences().SetString(prefLastDataFile, out)
			u.adopt(svc, printer, out)
			u.salvaged(out, rep)
		})
	}()
}

// salvaged says what the salvage copied and names what it could not read.
func (u *App) salvaged(out string, rep service.SalvageReport) {
	total, _ := u.svc.Total()
	text := lang.L("{{.Agreements}} perjanjian diselamatkan ({{.Count}} data seluruhnya, termasuk riwayat, instansi dan pejabat) ke berkas baru, yang sekarang terbuka:",
		map[string]any{"Agreements": thousands(total), "Count": thousands(rep.Copied)})
	box := container.NewVBox(plain(text))
	where := widget.NewLabel(out)
	where.Wrapping = fyne.TextWrapBreak
	box.Add(where)
	if n := len(rep.Damaged); n > 0 {
		lost := make([]string, 0, min(n, 20))
		for i, r := range rep.Damaged {
			if i == 20 {
				lost = append(lost, lang.L("dan {{.Count}} lainnya", map[string]any{"Count": thousands(n - 20)}))
				break
			}
			lost = append(lost, "• "+r.Words(kit.Lang()))
		}
		head := plain(lang.L("{{.Count}} data tidak terbaca dan tidak disalin:", map[string]any{"Count": thousands(n)}))
		head.Importance = widget.WarningImportance
		box.Add(head)
		box.Add(plain(strings.Join(lost, "\n")))
	} else {
		box.Add(plain(lang.L("Semua data terbaca.")))
	}
	d := dialog.NewCustom(lang.L("Data diselamatkan"), lang.L("Tutup"), box, u.win)
	d.Resize(fyne.NewSize(600, 0))
	d.Show()
}

// plain is a paragraph in the screen's normal colour.
func plain(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
