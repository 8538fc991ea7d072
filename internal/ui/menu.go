package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

// ctrl is Ctrl+key (Cmd+key on macOS).
func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// mainMenu builds the main window's menu. Each item's shortcut also goes on
// the canvas (addShortcuts): the desktop driver runs a menu item's action
// for its shortcut, Fyne's test driver and a window without a menu bar only
// the canvas's.
func (u *App) mainMenu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		i := fyne.NewMenuItem(label, action)
		i.Shortcut = sc
		return i
	}
	u.list.exportSheet = u.onExportSheet
	u.menuExport = item(lang.L("Ekspor PDF…"), ctrl(fyne.KeyP), func() { u.onMenuExport() })
	u.menuExport.Disabled = u.selected == 0
	u.menuBackup = item(lang.L("Cadangkan sekarang"), nil, func() { u.onBackupNow() })
	quit := item(lang.L("Keluar"), ctrl(fyne.KeyQ), func() { u.onQuit() })
	quit.IsQuit = true
	file := fyne.NewMenu(lang.L("Berkas"),
		item(lang.L("Baru…"), ctrl(fyne.KeyN), func() { u.onNew() }),
		item(lang.L("Buka data lain…"), nil, func() { u.onOpenOther() }),
		u.menuBackup,
		fyne.NewMenuItemSeparator(),
		item(lang.L("Impor daftar lama…"), nil, func() { u.onImportSheet() }),
		item(lang.L("Ekspor daftar ke Excel/CSV…"), nil, func() { u.onExportSheet() }),
		u.menuExport,
		item(lang.L("Verifikasi naskah…"), nil, func() { u.onVerify() }),
		item(lang.L("Terima paket dari mitra…"), nil, func() { u.onReceivePackage() }), // receive.go
		fyne.NewMenuItemSeparator(),
		quit)
	edit := fyne.NewMenu(lang.L("Sunting"),
		item(lang.L("Cari"), ctrl(fyne.KeyF), func() { u.onFind() }))
	view := fyne.NewMenu(lang.L("Tampilan"),
		item(lang.L("Beranda"), ctrl(fyne.Key1), func() { u.tabs.SelectIndex(tabBeranda) }),
		item(lang.L("Daftar Perjanjian"), ctrl(fyne.Key2), func() { u.tabs.SelectIndex(tabList) }),
		item(lang.L("Instansi & Pejabat"), ctrl(fyne.Key3), func() { u.tabs.SelectIndex(tabDirectory) }),
		item(lang.L("Pengaturan"), ctrl(fyne.Key4), func() { u.tabs.SelectIndex(tabSettings) }),
		item(lang.L("Laporan"), ctrl(fyne.Key5), func() { u.tabs.SelectIndex(tabLaporan) }),
		item(lang.L("Lini masa"), ctrl(fyne.Key6), func() { u.tabs.SelectIndex(tabTimeline) }))
	help := fyne.NewMenu(lang.L("Bantuan"),
		item(lang.L("Panduan"), &desktop.CustomShortcut{KeyName: fyne.KeyF1}, func() { u.onGuide() }),
		item(lang.L("Tentang Sepakat"), nil, func() { u.onAbout() }))
	return fyne.NewMainMenu(file, edit, view, help)
}

// addShortcuts puts the menu's shortcuts on the main window's canvas; a
// disabled item's shortcut does nothing. F1, a key without Ctrl, is not a
// shortcut to Fyne: the canvas's key handler opens the guide.
func (u *App) addShortcuts(m *fyne.MainMenu) {
	c := u.win.Canvas()
	for _, menu := range m.Items {
		for _, it := range menu.Items {
			if it.Shortcut == nil || it.Action == nil {
				continue
			}
			c.AddShortcut(it.Shortcut, func(fyne.Shortcut) {
				if !it.Disabled {
					it.Action()
				}
			})
		}
	}
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyF1 {
			u.onGuide()
		}
	})
}

// onFind puts the cursor in the register's search box.
func (u *App) onFind() {
	u.tabs.SelectIndex(tabList)
	u.win.Canvas().Focus(u.list.search)
}

// onMenuExport exports the selected agreement's PDF.
func (u *App) onMenuExport() {
	if u.selected != 0 {
		u.onExportPDF(false)
	}
}

// setExportable enables Ekspor PDF in the menu when an agreement is selected.
func (u *App) setExportable(ok bool) {
	if u.menuExport == nil || u.menuExport.Disabled == !ok {
		return
	}
	u.menuExport.Disabled = !ok
	if m := u.win.MainMenu(); m != nil {
		m.Refresh()
	}
}
