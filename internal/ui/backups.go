package ui

import (
	"context"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// Restoring a copy of the data file, from Pengaturan or the rescue screen:
// what the copy holds is shown first, then one step puts it in place (the
// main program's RestoreCopy keeps the current file aside) and the screens
// open on it.

// copyTime writes when a copy was made: "30 Nov 2026, 09.15".
func copyTime(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return kit.ShortDate(agreement.DateOf(t)) + ", " + t.Format("15.04")
}

// reasonWords says why a copy was made.
func reasonWords(r service.BackupReason) string {
	switch r {
	case service.ReasonDaily:
		return lang.L("harian")
	case service.ReasonImport:
		return lang.L("sebelum impor")
	case service.ReasonMigrate:
		return lang.L("sebelum pembaruan berkas")
	case service.ReasonRestore:
		return lang.L("sebelum pemulihan")
	case service.ReasonSynonyms:
		return lang.L("sebelum sinonim diubah")
	case service.ReasonReindex:
		return lang.L("sebelum indeks dibangun ulang")
	}
	return lang.L("dibuat manual")
}

// placeWords says where a copy lies.
func placeWords(p service.BackupPlace) string {
	if p == service.PlaceSecond {
		return lang.L("tempat kedua")
	}
	return lang.L("di samping berkas data")
}

// countWords is a copy's count of agreements, or a dash when it does not open.
func countWords(c service.BackupInfo) string {
	if c.Agreements < 0 {
		return "–"
	}
	return lang.L("{{.Count}} perjanjian", map[string]any{"Count": thousands(c.Agreements)})
}

// contentsWords says what a copy holds, for the question before a restore.
func contentsWords(c service.BackupInfo, in service.CopyContents) string {
	text := lang.L("Salinan {{.Date}} ({{.Reason}}, {{.Place}}) berisi {{.Agreements}} perjanjian dan {{.Parties}} instansi.", map[string]any{
		"Date": copyTime(c.Time), "Reason": reasonWords(c.Reason), "Place": placeWords(c.Place),
		"Agreements": thousands(in.Agreements), "Parties": thousands(in.Parties)})
	if !in.Newest.IsZero() {
		text += " " + lang.L("Perubahan terakhir di dalamnya: {{.Date}}.", map[string]any{"Date": copyTime(in.Newest.Local())})
	}
	return text
}

// askRestore checks the copy c (off the UI goroutine), shows what it holds and
// that the current file is kept aside, and restores it once confirmed.
func (u *App) askRestore(c service.BackupInfo) {
	if u.RestoreCopy == nil || u.InspectCopy == nil {
		return
	}
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(lang.L("Memeriksa salinan…"), container.NewVBox(widget.NewLabel(filepath.Base(c.Path)), bar), u.win)
	wait.Show()
	inspect, do := u.InspectCopy, u.do
	go func() {
		in, err := inspect(context.Background(), c.Path)
		do(func() {
			wait.Hide()
			if err != nil {
				kit.ShowFailure(u.win, lang.L("Salinan ini tidak dapat dipulihkan:"), err)
				return
			}
			u.confirmRestore(c, in)
		})
	}()
}

// confirmRestore asks, showing what the copy holds, before restoring it.
func (u *App) confirmRestore(c service.BackupInfo, in service.CopyContents) {
	what := widget.NewLabel(contentsWords(c, in))
	what.Wrapping = fyne.TextWrapWord
	aside := widget.NewLabel(lang.L("Berkas data sekarang tidak dihapus: berkas itu disimpan di sampingnya sebagai {{.Name}}.sebelum-pulih-…, lalu salinan ini dibuka.", map[string]any{"Name": filepath.Base(u.DataPath)}))
	aside.Wrapping = fyne.TextWrapWord
	where := widget.NewLabel(c.Path)
	where.Wrapping = fyne.TextWrapBreak
	where.Importance = widget.LowImportance
	d := dialog.NewCustomConfirm(lang.L("Pulihkan dari cadangan?"), lang.L("Pulihkan"), lang.L("Batal"),
		container.NewVBox(what, aside, where), func(ok bool) {
			if ok {
				u.leaveEditors(lang.L("Simpan semua dan pulihkan"), lang.L("Pulihkan tanpa menyimpan"), func() { u.restore(c) })
			}
		}, u.win)
	d.Resize(fyne.NewSize(600, 0))
	d.Show()
}

// restore puts copy c in place through RestoreCopy, off the UI goroutine, and
// opens the screens on what is then the data file.
func (u *App) restore(c service.BackupInfo) {
	for _, e := range u.editors {
		e.Close()
	}
	bar := widget.NewProgressBarInfinite()
	busy := container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Memulihkan dari cadangan…"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(filepath.Base(c.Path), fyne.TextAlignCenter, fyne.TextStyle{}), bar))
	before := u.win.Content()
	u.win.SetContent(busy)
	restoreCopy, do := u.RestoreCopy, u.do
	go func() {
		svc, printer, aside, err := restoreCopy(context.Background(), c.Path)
		do(func() {
			if svc == nil { // nothing opens: the screen as it was, and why
				u.win.SetContent(before)
				kit.ShowFailure(u.win, lang.L("Salinan tidak dipulihkan:"), err)
				return
			}
			u.adopt(svc, printer, u.DataPath)
			u.tabs.SelectIndex(tabList) // what the file now holds
			if err != nil {
				kit.ShowFailure(u.win, lang.L("Salinan tidak dipulihkan:"), err)
				return
			}
			u.restored(c, aside)
		})
	}()
}

// restored says that copy c is now the data file, and where the old one is.
func (u *App) restored(c service.BackupInfo, aside string) {
	total, _ := u.svc.Total()
	text := lang.L("Salinan {{.Date}} sudah dipulihkan dan dibuka: {{.Count}} perjanjian.", map[string]any{"Date": copyTime(c.Time), "Count": thousands(total)})
	said := widget.NewLabel(text)
	said.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(said)
	if aside != "" {
		where := widget.NewLabel(aside)
		where.Wrapping = fyne.TextWrapBreak
		box.Add(widget.NewLabel(lang.L("Berkas data sebelumnya disimpan sebagai:")))
		box.Add(where)
	}
	d := dialog.NewCustom(lang.L("Dipulihkan"), lang.L("Tutup"), box, u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// adopt opens the screens on svc, the data file at path, in place of what
// the window showed (the rescue screen, or another data file).
func (u *App) adopt(svc service.Service, printer service.Printer, path string) {
	rescued := u.rescue != nil
	u.svc, u.printer, u.DataPath, u.selected, u.rescue = svc, printer, path, 0, nil
	u.build()
	u.setDo(u.do)
	if rescued {
		m := u.mainMenu()
		u.win.SetMainMenu(m)
		u.addShortcuts(m)
	}
	u.setExportable(false)
	u.Start()
}
