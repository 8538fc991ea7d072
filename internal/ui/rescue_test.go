package ui

import (
	"bytes"
	"cmp"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/export"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

// stepClock starts at start and moves an hour per reading, so that each copy
// gets a name of its own.
func stepClock(start time.Time) func() time.Time {
	var mu sync.Mutex
	t := start
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Hour)
		return t
	}
}

// mainHooks wires u's hooks to the store as cmd/sepakat does; *open is the
// store the window works on.
func mainHooks(u *App, open **store.Store) {
	u.OpenOther = func(path string) (service.Service, service.Printer, error) {
		next, err := store.Open(path, store.Options{})
		if err != nil {
			return nil, nil, err
		}
		if *open != nil {
			(*open).Close()
		}
		*open = next
		return next, export.Printer{Src: next}, nil
	}
	u.RestoreCopy = func(ctx context.Context, copyPath string) (service.Service, service.Printer, string, error) {
		if *open != nil {
			(*open).Close()
			*open = nil
		}
		aside, _, err := store.Restore(ctx, u.DataPath, copyPath, time.Now())
		next, oerr := store.Open(u.DataPath, store.Options{})
		if oerr != nil {
			return nil, nil, aside, cmp.Or(err, oerr)
		}
		*open = next
		return next, export.Printer{Src: next}, aside, err
	}
	u.InspectCopy = store.Inspect
}

// truncatedWithCopies is a data file whose examples were copied twice (the
// newer copy then truncated, so only the older one is whole), then itself
// truncated to half.
func truncatedWithCopies(t *testing.T) (path string, good, bad service.BackupInfo) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "sepakat.db")
	s, err := store.Open(path, store.Options{Now: stepClock(time.Date(2026, 11, 20, 8, 0, 0, 0, time.Local))})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	if good, err = s.BackupNow(context.Background(), service.ReasonDaily); err != nil {
		t.Fatal(err)
	}
	if bad, err = s.BackupNow(context.Background(), service.ReasonManual); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, p := range []string{bad.Path, path} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b[:len(b)/2], 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return path, good, bad
}

func TestRescueScreenRestoresTheNewestGoodCopy(t *testing.T) {
	a := test.NewTempApp(t)
	if err := LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	path, good, _ := truncatedWithCopies(t)
	damagedBytes, _ := os.ReadFile(path)
	_, openErr := store.Open(path, store.Options{})
	if openErr == nil {
		t.Fatal("the truncated file opens")
	}
	u := NewRescue(a, path, Rescue{
		Err:        openErr,
		Backups:    func(ctx context.Context) ([]service.BackupInfo, error) { return store.ListBackups(ctx, path, "") },
		CanSalvage: func() error { return store.CanSalvage(path) },
		Salvage: func(ctx context.Context, out string) (service.SalvageReport, error) {
			return store.SalvageFile(ctx, path, out)
		},
	}, fixedNow)
	var open *store.Store
	t.Cleanup(func() {
		if open != nil {
			open.Close()
		}
	})
	mainHooks(u, &open)
	l := useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1280, 720))
	u.Window().Show()
	r := u.rescue
	done := false
	r.loaded = func() { done = true }
	u.Start()
	l.until("the copies checked", func() bool { return done })

	shown := texts(u.win.Content())
	for _, want := range []string{"Berkas data tidak dapat dibuka", path, "Berkas data rusak. Pulihkan dari cadangan.",
		"Salinan terbaru yang utuh: " + copyTime(good.Time) + ", 3 perjanjian."} {
		if !slices.Contains(shown, want) {
			t.Errorf("the screen does not say %q: %q", want, shown)
		}
	}
	noGoError(t, shown, openErr)
	if len(r.copies) != 2 || r.chosen != 1 || r.copies[1].Path != good.Path {
		t.Fatalf("copies %+v, chosen %d; want the older, whole one", r.copies, r.chosen)
	}
	if st, _ := r.stateText(0); st != "rusak" {
		t.Errorf("the truncated copy shows as %q", st)
	}
	// Cut in half, the file still reads in part: salvage is offered beside the restore.
	if !r.salvageBtn.Visible() || r.salvageNote.Text != "Berkas ini masih dapat dibaca sebagian." {
		t.Errorf("salvage of a file cut in half: shown %v, %q", r.salvageBtn.Visible(), r.salvageNote.Text)
	}

	test.Tap(r.restoreBtn)
	question := strings.Join(texts(u.win.Canvas().Overlays().Top()), "\n")
	if !strings.Contains(question, "berisi 3 perjanjian dan") || !strings.Contains(question, "sebelum-pulih") {
		t.Errorf("the question does not say what the copy holds and that the file is kept: %q", question)
	}
	test.Tap(dialogButtons(t, u.win, "no question before the restore")["Pulihkan"])
	l.until("the restored register", func() bool { return u.rescue == nil && u.list != nil && u.list.total == 3 })
	if got := strings.Join(texts(u.win.Canvas().Overlays().Top()), "\n"); !strings.Contains(got, "sudah dipulihkan dan dibuka: 3 perjanjian") {
		t.Errorf("after the restore: %q", got)
	}
	if !strings.HasPrefix(u.status.Text, "3 ") {
		t.Errorf("status %q", u.status.Text)
	}
	if cellText(u.list, 0, 2) == "" {
		t.Error("the register shows no agreement")
	}
	aside, _ := filepath.Glob(path + ".sebelum-pulih-*")
	if len(aside) != 1 {
		t.Fatalf("the damaged file kept aside: %v", aside)
	}
	if kept, _ := os.ReadFile(aside[0]); !bytes.Equal(kept, damagedBytes) {
		t.Error("the file kept aside is not the damaged file")
	}
	if menuItem(t, u, "Berkas", "Cadangkan sekarang") == nil {
		t.Error("the full menu is not back")
	}
}

// TestRescueScreenSalvagesAndOpensTheNewFile: a file that still reads is
// salvaged into a new file beside it, which then opens. (The damage that
// makes Open refuse a file bbolt still reads is the store's to test; here
// the file is whole and the screen is told it did not open.)
func TestRescueScreenSalvagesAndOpensTheNewFile(t *testing.T) {
	a := test.NewTempApp(t)
	if err := LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sepakat.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	u := NewRescue(a, path, Rescue{
		Err:        service.ErrCorrupt,
		Backups:    func(ctx context.Context) ([]service.BackupInfo, error) { return store.ListBackups(ctx, path, "") },
		CanSalvage: func() error { return store.CanSalvage(path) },
		Salvage: func(ctx context.Context, out string) (service.SalvageReport, error) {
			return store.SalvageFile(ctx, path, out)
		},
	}, fixedNow)
	var open *store.Store
	t.Cleanup(func() {
		if open != nil {
			open.Close()
		}
	})
	mainHooks(u, &open)
	l := useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1280, 720))
	u.Window().Show()
	r := u.rescue
	done := false
	r.loaded = func() { done = true }
	u.Start()
	l.until("the screen", func() bool { return done })
	if !strings.HasPrefix(r.copiesNote.Text, "Tidak ada salinan cadangan di "+filepath.Join(filepath.Dir(path), "cadangan")) {
		t.Errorf("no copies: %q", r.copiesNote.Text)
	}
	if r.salvageBtn.Disabled() || !r.salvageBtn.Visible() {
		t.Fatal("salvage is not offered for a file that reads")
	}
	test.Tap(r.salvageBtn)
	out := r.salvageName()
	if q := strings.Join(texts(u.win.Canvas().Overlays().Top()), "\n"); !strings.Contains(q, out) {
		t.Errorf("the question does not name the new file %s: %q", out, q)
	}
	test.Tap(dialogButtons(t, u.win, "no question before the salvage")["Selamatkan"])
	l.until("the salvaged register", func() bool { return u.rescue == nil && u.list != nil && u.list.total == 3 })
	if u.DataPath != out || open == nil || open.Path() != out {
		t.Errorf("open on %q (store %v), want %q", u.DataPath, open, out)
	}
	if got := u.app.Preferences().String(prefLastDataFile); got != out {
		t.Errorf("the next start opens %q", got)
	}
	report := strings.Join(texts(u.win.Canvas().Overlays().Top()), "\n")
	if !strings.Contains(report, "3 perjanjian diselamatkan (") || !strings.Contains(report, "Semua data terbaca.") {
		t.Errorf("report %q", report)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the salvage changed the damaged file")
	}
}

// TestRescueScreenOfAnEmptyFileOpensAnother: a 0-byte data file gets words,
// no salvage, and "Buka berkas data lain…" opens another file in the same
// window with the full menu.
func TestRescueScreenOfAnEmptyFileOpensAnother(t *testing.T) {
	a := test.NewTempApp(t)
	if err := LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sepakat.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, openErr := store.Open(path, store.Options{})
	u := NewRescue(a, path, Rescue{
		Err:        openErr,
		Backups:    func(ctx context.Context) ([]service.BackupInfo, error) { return store.ListBackups(ctx, path, "") },
		CanSalvage: func() error { return store.CanSalvage(path) },
	}, fixedNow)
	var open *store.Store
	t.Cleanup(func() {
		if open != nil {
			open.Close()
		}
	})
	mainHooks(u, &open)
	l := useLoop(t, u)
	u.Window().Show()
	done := false
	u.rescue.loaded = func() { done = true }
	u.Start()
	l.until("the screen", func() bool { return done })
	shown := texts(u.win.Content())
	if !slices.Contains(shown, "Berkas ini bukan berkas data Sepakat, atau kosong. Berkas itu tidak diubah. Pilih berkas data yang benar atau pulihkan dari cadangan.") {
		t.Errorf("shown %q", shown)
	}
	noGoError(t, shown, openErr)
	if u.rescue.salvageBtn.Visible() || !u.rescue.restoreBtn.Disabled() {
		t.Error("salvage or restore offered for an empty file without copies")
	}
	if len(u.win.MainMenu().Items) != 2 {
		t.Errorf("the rescue menu has %d menus", len(u.win.MainMenu().Items))
	}
	other := filepath.Join(t.TempDir(), "rekan.db")
	s, err := store.Open(other, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	u.openData(other)
	l.until("the other register", func() bool { return u.list != nil && u.list.total == 3 })
	if u.DataPath != other || u.rescue != nil {
		t.Errorf("open on %q, rescue %v", u.DataPath, u.rescue != nil)
	}
	if menuItem(t, u, "Berkas", "Cadangkan sekarang") == nil || menuItem(t, u, "Tampilan", "Beranda") == nil {
		t.Error("the full menu is not back")
	}
	if after, _ := os.ReadFile(path); len(after) != 0 {
		t.Error("the empty file was changed")
	}
}
