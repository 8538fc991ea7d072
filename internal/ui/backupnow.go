package ui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// onBackupNow makes a verified copy of the data file in its backup folder
// (and the second place, when one is set), off the UI goroutine, and says
// where it went or why it was not made.
func (u *App) onBackupNow() {
	if u.backingUp {
		return
	}
	u.backingUp = true
	if u.menuBackup != nil {
		u.menuBackup.Disabled = true // one copy at a time
	}
	u.settings.backups.now.Disable()
	svc, do := u.svc, u.do
	go func() {
		info, err := svc.BackupNow(context.Background(), service.ReasonManual)
		do(func() {
			if u.menuBackup != nil {
				u.menuBackup.Disabled = false
			}
			u.settings.backups.now.Enable()
			u.backingUp = false
			u.backupDone(info, err)
		})
	}()
}

// dailyBackup makes the day's automatic copy off the UI goroutine; the
// Beranda and Pengaturan read the backups again once it is made.
func (u *App) dailyBackup() {
	svc, do := u.svc, u.do
	go func() {
		_, made, err := svc.DailyBackup(context.Background())
		if err != nil {
			fyne.LogError("daily backup", err) // the Beranda warns when copies grow old
		}
		if made {
			do(func() {
				if u.svc == svc {
					u.backupsChanged()
				}
			})
		}
	}()
}

// backupsChanged reads the backups again where they show.
func (u *App) backupsChanged() {
	u.beranda.reload()
	if u.tabs.SelectedIndex() == tabSettings {
		u.settings.backups.reload()
	}
}

// backupDone tells how a copy went: made (with its place, size and count),
// made but not in the second place, or not made.
func (u *App) backupDone(info service.BackupInfo, err error) {
	u.backupsChanged()
	if err != nil && !errors.Is(err, service.ErrSecondPlace) {
		kit.ShowFailure(u.win, lang.L("Cadangan tidak dibuat:"), err)
		return
	}
	text := lang.L("Cadangan dibuat dan sudah diperiksa: {{.Count}} perjanjian, {{.Size}}.", map[string]any{
		"Count": thousands(info.Agreements), "Size": megabytes(info.Size)})
	if err != nil {
		text += "\n\n" + kit.Failure(lang.L("Tempat kedua:"), err)
	}
	where := widget.NewLabel(info.Path)
	where.Wrapping = fyne.TextWrapBreak
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("Cadangkan sekarang"), lang.L("Tutup"), container.NewVBox(msg, where), u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// megabytes writes a size as people read it: "12,4 MB", or "2,7 GB" from
// a gigabyte on.
func megabytes(n int64) string {
	s := fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	if n >= 1<<30 {
		s = fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	}
	for i := range s {
		if s[i] == '.' {
			return s[:i] + "," + s[i+1:]
		}
	}
	return s
}
