// Command sepakat is the Sepakat desktop application.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/export"
	"sepakat/internal/store"
	"sepakat/internal/ui"
	"sepakat/internal/ui/kit"
)

func main() {
	dbPath := flag.String("db", "", "data file (default: the user's Sepakat folder)")
	flag.Parse()
	ui.PreferIndonesian()

	a := app.NewWithID("id.sepakat.desktop")
	a.SetIcon(ui.Icon())
	a.Settings().SetTheme(ui.Theme())
	if err := ui.LoadTranslations(); err != nil {
		fyne.LogError("translations", err)
	}
	path := *dbPath
	if path == "" {
		def, err := store.DefaultPath()
		if err != nil {
			fatal(a, err)
			return
		}
		path = def
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		fatal(a, err)
		return
	}
	defer s.Close()
	go s.DailyBackup(context.Background()) // the day's first copy (issue 12); BackupStatus shows whether it was made

	u := ui.New(a, s, export.Printer{Src: s}, nil)
	u.Placement = placement()
	u.Window().SetMaster()
	u.Window().Show()
	u.Start()
	a.Lifecycle().SetOnStarted(func() {
		u.Place()
		startProbe()
	})
	a.Run()
}

// fatal shows why Sepakat cannot start, in a window, and exits when it is closed.
func fatal(a fyne.App, err error) {
	text := kit.Message(err)
	fmt.Fprintln(os.Stderr, text)
	w := a.NewWindow(lang.L("Sepakat tidak dapat dibuka"))
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, container.NewCenter(widget.NewButton(lang.L("Tutup"), a.Quit)), nil, nil, msg))
	w.Resize(fyne.NewSize(520, 180))
	w.CenterOnScreen()
	w.ShowAndRun()
	os.Exit(1)
}
