package main

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	toast "git.sr.ht/~jackmordaunt/go-toast"

	"sepakat/internal/places"
	"sepakat/resources"
)

// notifier sends Windows toasts through the WinRT COM interface (go-toast),
// not through PowerShell as Fyne does, which government PCs often lock down.
// go-toast registers the app's name and icon under
// HKCU\Software\Classes\AppUserModelId\Sepakat, so the toast needs no
// Start-menu shortcut; only when COM fails does it fall back to PowerShell.
func notifier() func(title, body string) {
	icon := ""
	if dir, err := places.DataDir(); err == nil {
		if data, err := resources.FS.ReadFile(resources.IconFile); err == nil {
			p := filepath.Join(dir, "sepakat-icon.png")
			if err := os.MkdirAll(dir, 0o700); err == nil && os.WriteFile(p, data, 0o600) == nil {
				icon = p
			}
		}
	}
	return func(title, body string) {
		n := toast.Notification{AppID: "Sepakat", Title: title, Body: body, Icon: icon, Audio: toast.Silent}
		go func() {
			if err := n.Push(); err != nil {
				fyne.LogError("notification", err)
			}
		}()
	}
}
