package ui

import (
	"context"
	"errors"
	"io/fs"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/places"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// unreachableDialog says that the register on the server did not open, asks
// for the password when the server wants one, and offers to try again.
type unreachableDialog struct {
	d        dialog.Dialog
	message  *widget.Label
	login    fyne.CanvasObject // the password, shown when the login was refused
	password *widget.Entry
	remember *widget.Check
	retry    *widget.Button
	stay     *widget.Button
	copy     *widget.Button // the newest local copy, read-only
}

// ServerUnavailable tells, over the main window, that the register on the
// server prof did not open at start (err), with a retry; the data file open
// meanwhile stays open.
func (u *App) ServerUnavailable(prof ServerProfile, err error) {
	x := &unreachableDialog{}
	x.message = widget.NewLabel("")
	x.message.Wrapping = fyne.TextWrapWord
	x.password = widget.NewPasswordEntry()
	x.remember = widget.NewCheck(lang.L("Simpan kata sandi di penyimpan kata sandi sistem"), nil)
	x.remember.SetChecked(true)
	login := widget.NewForm(widget.NewFormItem(lang.L("Kata sandi"), container.NewVBox(x.password, x.remember)))
	x.login = login
	x.show(u, prof, err, login)
	x.retry = widget.NewButton(lang.L("Coba lagi"), func() {
		pw := x.password.Text
		if pw == "" {
			pw = u.serverPassword(prof)
		}
		x.retry.Disable()
		x.message.SetText(lang.L("Menghubungi {{.Server}}…", map[string]any{"Server": prof.Describe()}))
		u.useServer(prof, pw, func(err error) {
			x.retry.Enable()
			if err != nil {
				x.show(u, prof, err, login)
				return
			}
			x.d.Hide()
			u.serverPage.say(u.keepPassword(prof, pw, x.remember.Checked))
		})
	})
	x.retry.Importance = widget.HighImportance
	x.stay = widget.NewButton(lang.L("Pakai berkas data di komputer ini"), func() {
		x.d.Hide()
		u.offerWelcome() // an empty file of this computer, chosen now
	})
	buttons := container.NewHBox(x.retry, x.stay)
	if u.OpenServerCopy != nil {
		x.copy = widget.NewButton(lang.L("Buka salinan lokal terbaru (hanya baca)"), func() { u.openServerCopy(x, prof) })
		buttons.Add(x.copy)
	}
	content := container.NewVBox(x.message, login, buttons)
	x.d = dialog.NewCustomWithoutButtons(lang.L("Server kantor tidak dapat dihubungi"), content, u.win)
	x.d.Resize(fyne.NewSize(560, 0))
	x.d.Show()
	u.unreachable = x
}

// show puts err in words, and the password field when the login was refused.
func (x *unreachableDialog) show(u *App, prof ServerProfile, err error, login fyne.CanvasObject) {
	text := kit.Failure(lang.L("Register di server kantor {{.Server}} tidak dapat dibuka:", map[string]any{"Server": prof.Describe()}), err)
	if u.DataPath != "" {
		text += "\n\n" + lang.L("Yang terbuka sekarang: berkas data {{.Path}} di komputer ini.", map[string]any{"Path": places.Display(u.DataPath)})
	}
	x.message.SetText(text)
	if errors.Is(err, service.ErrServerLogin) {
		login.Show()
	} else {
		login.Hide()
	}
}

// openServerCopy opens the newest local copy of the register on the server
// prof, to be read only, in place of the register open.
func (u *App) openServerCopy(x *unreachableDialog, prof ServerProfile) {
	u.leaveEditors(lang.L("Simpan semua dan buka"), lang.L("Buka tanpa menyimpan"), func() {
		for _, e := range u.editors {
			e.Close()
		}
		x.copy.Disable()
		go func() {
			svc, printer, made, err := u.OpenServerCopy(context.Background())
			u.do(func() {
				x.copy.Enable()
				if errors.Is(err, fs.ErrNotExist) {
					x.message.SetText(lang.L("Komputer ini belum punya salinan register di server: salinan dibuat setiap hari selama register di server terbuka."))
					return
				}
				if err != nil {
					x.message.SetText(kit.Failure(lang.L("Salinan lokal tidak dapat dibuka:"), err))
					return
				}
				x.d.Hide()
				if u.DataPath != "" {
					u.LocalPath = u.DataPath
				}
				u.Server = ""
				u.closeWelcome()
				u.copyOpen = lang.L("salinan lokal {{.Server}} dari {{.Made}}, hanya baca", map[string]any{"Server": prof.Describe(), "Made": copyTime(made)})
				u.adopt(svc, printer, "")
			})
		}()
	})
}
