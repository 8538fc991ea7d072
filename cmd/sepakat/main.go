// Command sepakat is the Sepakat desktop application.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"
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
	creds := ui.SystemCredentials{}
	// The register on the office's server, when the last run used it; a
	// server that does not answer leaves the data file open and says so.
	srv, prof, pw, onServer, srvErr := startOnServer(a, *dbPath, creds)
	var s *store.Store
	var path string
	var err error
	if srv == nil {
		s, path, err = openStart(a, *dbPath)
	} else if path, err = localPath(a, *dbPath); err != nil {
		path = ""
	}
	var u *ui.App
	switch {
	case srv != nil:
		u = ui.New(a, srv, export.Printer{Src: srv}, nil)
		u.OnServer(prof, pw, path)
	case err == nil:
		u = ui.New(a, s, export.Printer{Src: s}, nil)
		u.DataPath = path
	case rescuable(err) && path != "":
		fmt.Fprintln(os.Stderr, kit.Message(err))
		u = ui.NewRescue(a, path, rescueHooks(a, path, err), nil)
	default:
		fatal(a, err)
		return
	}
	// cur is the register open (the data file s, or the server); it changes
	// when another opens and in a restore, which runs off the UI goroutine;
	// quitting waits for a restore under way.
	var mu sync.Mutex
	var cur closer
	if srv != nil {
		cur = srv
	} else if s != nil {
		cur = s
	}
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		if cur != nil {
			cur.Close()
		}
	}()
	swap := func(next closer) {
		mu.Lock()
		defer mu.Unlock()
		if cur != nil {
			cur.Close()
		}
		cur = next
	}
	u.DailyBackup = true
	u.Credentials = creds
	u.ServerLink = serverLink{adopt: swap}
	u.OpenServerCopy = func(ctx context.Context) (service.Service, service.Printer, time.Time, error) {
		c, info, err := openServerCopy(ctx, serverCopyDir())
		if err != nil {
			return nil, nil, info.Time, err
		}
		swap(c)
		return service.ReadOnly(c), export.Printer{Src: c}, info.Time, nil
	}
	u.OpenOther = func(path string) (service.Service, service.Printer, error) {
		next, err := store.Open(path, openOptions)
		if err != nil {
			return nil, nil, err
		}
		swap(next)
		rebuildSearch(u, next)
		return next, export.Printer{Src: next}, nil
	}
	// A restore closes the file open (the copy takes its place), then opens
	// the data file again: the copy, or the file as it was when it failed.
	u.RestoreCopy = func(ctx context.Context, copyPath string) (service.Service, service.Printer, string, error) {
		if u.DataPath == "" { // the server, or a copy of it: the register stays open
			return nil, nil, "", service.ErrRestoreOnServer
		}
		mu.Lock()
		defer mu.Unlock()
		if cur != nil {
			cur.Close()
			cur = nil
		}
		aside, _, err := store.Restore(ctx, u.DataPath, copyPath, time.Now())
		next, oerr := store.Open(u.DataPath, openOptions)
		if oerr != nil {
			return nil, nil, aside, cmp.Or(err, oerr)
		}
		cur = next
		rebuildSearch(u, next)
		return next, export.Printer{Src: next}, aside, err
	}
	u.InspectCopy = store.Inspect
	u.Notify = notifier()
	u.Placement = placement()
	u.Window().SetMaster()
	u.Window().Show()
	if onServer && srvErr != nil {
		fmt.Fprintln(os.Stderr, kit.Message(srvErr))
		u.ServerUnavailable(prof, srvErr) // before Start, which then offers no welcome
	}
	u.Start()
	if s != nil {
		rebuildSearch(u, s)
	}
	a.Lifecycle().SetOnStarted(func() {
		if os.Getenv("SEPAKAT_TIMING") != "" { // bench: time to the window, and to search back (rebuildSearch)
			fmt.Fprintf(os.Stderr, "window shown after %.2f s\n", time.Since(started).Seconds())
		}
		u.Place()
		startProbe()
	})
	a.Run()
}

// closer is a register open: a data file or the server.
type closer interface{ Close() error }

// localPath is the data file openStart would open, without opening it.
func localPath(a fyne.App, flagPath string) (string, error) {
	if flagPath != "" {
		return filepath.Abs(flagPath)
	}
	if last := ui.LastDataFile(a); last != "" {
		return last, nil
	}
	return store.DefaultPath()
}

// openStart opens the data file named on the command line, else the one
// "Buka data lain…" opened last, else the default one.
func openStart(a fyne.App, flagPath string) (*store.Store, string, error) {
	if flagPath != "" {
		if abs, err := filepath.Abs(flagPath); err == nil {
			flagPath = abs
		}
		s, err := store.Open(flagPath, openOptions)
		return s, flagPath, err
	}
	if last := ui.LastDataFile(a); last != "" {
		s, err := store.Open(last, openOptions)
		if err == nil || errors.Is(err, service.ErrAlreadyOpen) || rescuable(err) {
			return s, last, err
		}
		ui.ForgetDataFile(a) // the default opens; the user can open that file again from the menu
	}
	path, err := store.DefaultPath()
	if err != nil {
		return nil, "", err
	}
	s, err := store.Open(path, openOptions)
	return s, path, err
}

// openOptions open a data file at once: a search index to rebuild (the word
// lists changed with an upgrade, or a rebuild was cut short) is rebuilt in
// the background (rebuildSearch) while the register works from its lists.
var openOptions = store.Options{RebuildLater: true, SigningText: export.TextFingerprint}

// rebuildSearch finishes, off the UI goroutine, a rebuild of the search index
// that the data file s holds, showing its progress in the search box; search
// comes back when it ends. Closing s stops it after its batch; the next start
// resumes it.
func rebuildSearch(u *ui.App, s *store.Store) {
	go func() {
		st, err := s.SearchIndexState()
		if err != nil || !st.Rebuilding {
			return
		}
		started := time.Now()
		fyne.Do(func() { u.SearchIndexProgress(st) })
		err = s.FinishRebuild(context.Background(), func(st service.IndexState) {
			fyne.Do(func() { u.SearchIndexProgress(st) })
		})
		if err != nil {
			if !errors.Is(err, context.Canceled) {
				fyne.LogError("search index rebuild", err)
			}
			return
		}
		fyne.Do(func() { u.SearchIndexProgress(service.IndexState{}) })
		if os.Getenv("SEPAKAT_TIMING") != "" {
			fmt.Fprintf(os.Stderr, "search back %.1f s after the rebuild began\n", time.Since(started).Seconds())
		}
	}()
}

// rescuable is an error of a data file that is there but damaged or not a
// Sepakat file: the rescue screen offers the ways out.
func rescuable(err error) bool {
	return errors.Is(err, service.ErrCorrupt) || errors.Is(err, service.ErrNotSepakat)
}

// rescueHooks mend the data file at path without opening it: its copies
// (beside it, and in the second place its settings name, or the one Sepakat
// last read for it), and a salvage when it reads at all.
func rescueHooks(a fyne.App, path string, err error) ui.Rescue {
	second := store.RecordedSecondPlace(path)
	if second == "" {
		second = ui.RememberedSecondPlace(a, path)
	}
	return ui.Rescue{
		Err:        err,
		Backups:    func(ctx context.Context) ([]service.BackupInfo, error) { return store.ListBackups(ctx, path, second) },
		CanSalvage: func() error { return store.CanSalvage(path) },
		Salvage: func(ctx context.Context, out string) (service.SalvageReport, error) {
			return store.SalvageFile(ctx, path, out)
		},
	}
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
