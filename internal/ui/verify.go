package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/ui/kit"
)

// verifyPage is the dialog Verifikasi naskah: the code and fingerprint of a
// printed page typed in (or its QR code's text, as a scanner types it, ending
// with Enter) and what the register says of it.
type verifyPage struct {
	u *App

	entry   *widget.Entry
	check   *widget.Button
	verdict *widget.Label // the first line: COCOK, BERUBAH, …
	details *widget.Label
	open    *widget.Button // opens the agreement found
	dlg     dialog.Dialog

	found agreement.ID
}

// onVerify opens the dialog Verifikasi naskah.
func (u *App) onVerify() *verifyPage {
	v := &verifyPage{u: u}
	v.dlg = dialog.NewCustom(lang.L("Verifikasi naskah"), lang.L("Tutup"), v.build(), u.win)
	v.dlg.Resize(fyne.NewSize(640, 420))
	v.dlg.Show()
	u.win.Canvas().Focus(v.entry)
	return v
}

func (v *verifyPage) build() fyne.CanvasObject {
	v.entry = widget.NewEntry()
	v.entry.SetPlaceHolder("SEPAKAT KSB-2 e74fc4e49ec7")
	v.entry.OnSubmitted = func(string) { v.onCheck() }
	v.check = widget.NewButtonWithIcon(lang.L("Periksa"), theme.SearchIcon(), v.onCheck)
	v.verdict = widget.NewLabel("")
	v.verdict.TextStyle = fyne.TextStyle{Bold: true}
	v.verdict.Wrapping = fyne.TextWrapWord
	v.details = widget.NewLabel("")
	v.details.Wrapping = fyne.TextWrapWord
	v.open = widget.NewButtonWithIcon(lang.L("Buka perjanjian"), theme.DocumentIcon(), v.onOpen)
	v.open.Hide()
	hint := widget.NewLabel(lang.L("Ketik kode dan sidik yang tercetak di kaki halaman, atau pindai kode QR-nya."))
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(hint, container.NewBorder(nil, nil, nil, v.check, v.entry))
	return container.NewBorder(top, container.NewHBox(v.open), nil, nil,
		container.NewVScroll(container.NewVBox(v.verdict, v.details)))
}

// onCheck looks the typed page up and shows the answer.
func (v *verifyPage) onCheck() {
	v.found = 0
	v.open.Hide()
	res, err := export.Verify(v.u.svc, v.entry.Text)
	if err != nil {
		v.show(kit.Failure(lang.L("Tidak dapat diperiksa:"), err), "", widget.DangerImportance)
		return
	}
	lines := res.Lines(kit.Lang())
	imp := widget.SuccessImportance
	if res.Verdict == export.Changed || res.Verdict == export.Unknown {
		imp = widget.DangerImportance
	}
	v.show(lines[0], strings.Join(lines[1:], "\n"), imp)
	v.found = res.Agreement.ID
	v.open.Show()
}

func (v *verifyPage) show(verdict, details string, imp widget.Importance) {
	v.verdict.Importance = imp
	v.verdict.SetText(verdict)
	v.details.SetText(details)
}

// onOpen opens the agreement the page was printed from.
func (v *verifyPage) onOpen() {
	if v.found != 0 {
		v.dlg.Hide()
		v.u.onOpen(v.found)
	}
}
