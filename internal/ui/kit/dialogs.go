package kit

import (
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/service"
)

// Failure is what a person reads when an action did not happen: its lead-in
// ("PDF tidak dibuat:"), then err in words, its detail on a line of its own.
// The driver's detail of a server that cannot be reached (addresses, socket
// errors) goes to the log instead: the words say all a person can act on.
func Failure(leadIn string, err error) string {
	p := Explain(err)
	text := leadIn + " " + p.Message
	if p.Detail != "" && serverDown(err) {
		fyne.LogError(leadIn, err)
		return text
	}
	if p.Detail != "" {
		text += "\n" + p.Detail
	}
	return text
}

// serverDown reports whether err is the server not answering or refusing the
// login, whose driver's detail a person cannot act on.
func serverDown(err error) bool {
	return errors.Is(err, service.ErrServerUnreachable) || errors.Is(err, service.ErrServerLogin)
}

// ShowFailure tells over parent, in a dialog, that an action did not happen.
func ShowFailure(parent fyne.Window, leadIn string, err error) {
	l := widget.NewLabel(Failure(leadIn, err))
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("Ada masalah"), lang.L("Tutup"), l, parent)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// ShowExported says where a file went and offers to open it or its folder.
func ShowExported(app fyne.App, path string, parent fyne.Window) {
	ShowSaved(app, parent, "", path)
}

// ShowSaved is ShowExported with a note above the file: its name on a line
// of its own, then its folder, so that a long path never breaks the name.
func ShowSaved(app fyne.App, parent fyne.Window, note, path string) {
	var d dialog.Dialog
	openURL := func(p string) {
		d.Hide()
		if err := app.OpenURL(FileURL(p)); err != nil {
			ShowFailure(parent, lang.L("Berkas tidak dapat dibuka:"), err)
		}
	}
	open := widget.NewButtonWithIcon(lang.L("Buka berkas"), theme.FileIcon(), func() { openURL(path) })
	open.Importance = widget.HighImportance
	folder := widget.NewButtonWithIcon(lang.L("Buka folder"), theme.FolderOpenIcon(), func() { openURL(filepath.Dir(path)) })
	closeBtn := widget.NewButton(lang.L("Tutup"), func() { d.Hide() })
	box := container.NewVBox()
	if note != "" {
		l := widget.NewLabel(note)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	name := widget.NewLabelWithStyle(filepath.Base(path), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapBreak
	dir := widget.NewLabel(lang.L("di folder {{.Dir}}", map[string]any{"Dir": filepath.Dir(path)}))
	dir.Wrapping = fyne.TextWrapBreak
	box.Add(name)
	box.Add(dir)
	box.Add(container.NewHBox(closeBtn, folder, open))
	title := lang.L("Berkas tersimpan")
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		title = lang.L("PDF tersimpan")
	}
	d = dialog.NewCustomWithoutButtons(title, box, parent)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}
