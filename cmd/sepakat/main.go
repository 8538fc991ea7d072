// Command sepakat is the Sepakat desktop application.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/export"
	"sepakat/internal/i18n"
	"sepakat/internal/places"
	"sepakat/internal/service"
	"sepakat/internal/store"
	"sepakat/internal/ui"
	"sepakat/internal/ui/editor"
	"sepakat/internal/ui/kit"
)

func main() {
	started := time.Now()
	dbPath := flag.String("db", "", "data file (default: the user's Sepakat folder, or data/ beside the program when a file named portable sits there)")
	flag.Parse()
	ui.UseLanguage(i18n.Preferred())
	// Copies of attachments opened for viewing: this run's go when it ends,
	// those a killed run left go now.
	go editor.SweepViewCopies(started)
	defer editor.RemoveViewCopies()

	a := app.NewWithID("id.sepakat.desktop")
	a.SetIcon(ui.Icon())
	a.Settings().SetTheme(ui.Theme())
	if err := ui.LoadTranslations(); err != nil {
		fyne.LogError("translations", err)
	}
	// In portable mode the window's preferences travel beside the data.
	if dir, ok := places.Portable(); ok {
		prefsFile := filepath.Join(dir, "preferences.json")
		if err := ui.LoadPrefs(a.Preferences(), prefsFile); err != nil {
			fyne.LogError("portable preferences", err)
		}
		defer func() {
			if err := ui.SavePrefs(a.Preferences(), prefsFile); err != nil {
				fyne.LogError("portable preferences", err)
			}
		}()
	}
	s, path, err := openStart(a, *dbPath)
	if err != nil {
		fatal(a, err)
		return
	}
	defer func() { s.Close() }()
	go s.DailyBackup(context.Background()) // the day's first copy; BackupStatus shows whether it was made

	u := ui.New(a, s, export.Printer{Src: s}, nil)
	u.DataPath = path
	u.OpenOther = func(path string) (service.Service, service.Printer, error) {
		next, err := store.Open(path, store.Options{})
		if err != nil {
			return nil, nil, err
		}
		s.Close()
		s = next
		go next.DailyBackup(context.Background())
		return next, export.Printer{Src: next}, nil
	}
	u.Notify = notifier()
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

// openStart opens the data file named on the command line, else the one
// "Buka data lain…" opened last, else the default one.
func openStart(a fyne.App, flagPath string) (*store.Store, string, error) {
	if flagPath != "" {
		if abs, err := filepath.Abs(flagPath); err == nil {
			flagPath = abs
		}
		s, err := store.Open(flagPath, store.Options{})
		return s, flagPath, err
	}
	if last := ui.LastDataFile(a); last != "" {
		s, err := store.Open(last, store.Options{})
		if err == nil || errors.Is(err, service.ErrAlreadyOpen) {
			return s, last, err
		}
		ui.ForgetDataFile(a) // the default opens; the user can open that file again from the menu
	}
	path, err := store.DefaultPath()
	if err != nil {
		return nil, "", err
	}
	s, err := store.Open(path, store.Options{})
	return s, path, err
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
