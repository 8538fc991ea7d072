package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"sepakat/internal/places"
	"sepakat/internal/ui/kit"
)

// onOpenOther asks for another data file (a colleague's copy, a restored
// backup) and reopens the screens on it.
func (u *App) onOpenOther() {
	if u.OpenOther == nil {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			kit.ShowFailure(u.win, lang.L("Data lain tidak dapat dibuka:"), err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := filepath.FromSlash(places.Display(r.URI().Path()))
		r.Close()
		u.openData(path)
	}, u.win)
	if u.DataPath != "" {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(u.DataPath))); err == nil {
			d.SetLocation(dir)
		}
	}
	d.Show()
}

// openData closes the editors (asking about unsaved changes), opens the data
// file at path through OpenOther and rebuilds the screens on it; the next
// start opens it again.
func (u *App) openData(path string) {
	if u.rescue == nil && u.Server == "" && u.DataPath != "" && filepath.Clean(path) == filepath.Clean(u.DataPath) {
		dialog.ShowInformation(lang.L("Buka data lain"), lang.L("Berkas data ini sudah terbuka."), u.win)
		return
	}
	u.leaveEditors(lang.L("Simpan semua dan buka"), lang.L("Buka tanpa menyimpan"), func() {
		for _, e := range u.editors {
			e.Close()
		}
		svc, printer, err := u.OpenOther(path)
		if err != nil {
			kit.ShowFailure(u.win, lang.L("Data lain tidak dapat dibuka:"), err)
			return
		}
		u.app.Preferences().SetString(prefLastDataFile, path)
		u.app.Preferences().SetBool(prefServerChosen, false)
		u.Server, u.copyOpen = "", ""
		u.adopt(svc, printer, path)
	})
}
