package ui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/export"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

// appOn opens the main window on the data file at path (clock storeNow), with
// the main program's hooks; the window's clock is now.
func appOn(t *testing.T, path string, storeNow, now func() time.Time) (*App, *loop, **store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{Now: storeNow})
	if err != nil {
		t.Fatal(err)
	}
	open := &s
	t.Cleanup(func() {
		if *open != nil {
			(*open).Close()
		}
	})
	u := New(a, s, export.Printer{Src: s}, now)
	u.DataPath = path
	mainHooks(u, open)
	l := useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1280, 720))
	u.Window().Show()
	return u, l, open
}

func TestSettingsListTheCopiesAndRestoreOne(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sepakat.db")
	second := t.TempDir()
	u, l, open := appOn(t, path, stepClock(time.Date(2026, 11, 20, 8, 0, 0, 0, time.Local)), fixedNow)
	s := *open
	if err := s.SetBackupSettings(service.BackupSettings{Policy: service.DefaultBackupPolicy, SecondPlace: second}); err != nil {
		t.Fatal(err)
	}
	empty, err := s.BackupNow(context.Background(), service.ReasonManual) // before the examples
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(context.Background(), service.ReasonDaily); err != nil {
		t.Fatal(err)
	}
	b := u.settings.backups
	read := 0
	b.loaded = func(err error) {
		if err != nil {
			t.Error(err)
		}
		read++
	}
	u.tabs.SelectIndex(tabSettings)
	l.until("the copies", func() bool { return read == 1 })

	// Four copies: two beside the data file, two in the second place, newest first.
	if len(b.copies) != 4 {
		t.Fatalf("%d copies listed: %+v", len(b.copies), b.copies)
	}
	var rows []string
	for r := range b.copies {
		var cells []string
		for c := range backupColumns {
			cells = append(cells, b.cell(widget.TableCellID{Row: r, Col: c}))
		}
		rows = append(rows, strings.Join(cells, " | "))
	}
	for _, want := range []string{
		copyTime(empty.Time) + " | dibuat manual | di samping berkas data | 0 perjanjian",
		copyTime(empty.Time) + " | dibuat manual | tempat kedua | 0 perjanjian",
		"| harian | di samping berkas data | 3 perjanjian | ",
		"| harian | tempat kedua | 3 perjanjian | ",
	} {
		if !slices.ContainsFunc(rows, func(r string) bool { return strings.Contains(r, want) && strings.HasSuffix(r, "diperiksa, terbuka") }) {
			t.Errorf("no row %q in\n%s", want, strings.Join(rows, "\n"))
		}
	}
	if !strings.Contains(b.status.Text, "Terakhir sampai ke tempat kedua: ") || !strings.Contains(b.status.Text, "Salinan terakhir: ") {
		t.Errorf("status %q", b.status.Text)
	}
	if b.second.Text != second || b.keep[0].Text != "7" || b.keep[1].Text != "4" || b.keep[2].Text != "12" {
		t.Errorf("settings shown: %q %q %q %q", b.second.Text, b.keep[0].Text, b.keep[1].Text, b.keep[2].Text)
	}

	// Cadangkan sekarang: one more copy in each place, listed.
	test.Tap(b.now)
	if !b.now.Disabled() {
		t.Error("Cadangkan sekarang stays on while a copy is made")
	}
	l.until("the new copy listed", func() bool { return read == 2 })
	if len(b.copies) != 6 || b.now.Disabled() {
		t.Errorf("after Cadangkan sekarang: %d copies, button off %v", len(b.copies), b.now.Disabled())
	}
	test.Tap(dialogButtons(t, u.win, "no word on the copy")["Tutup"])

	// Restore the copy made before the examples: the register is empty again.
	if !b.restore.Disabled() {
		t.Error("Pulihkan works with no copy chosen")
	}
	row := slices.IndexFunc(b.copies, func(c service.BackupInfo) bool { return c.Path == empty.Path })
	b.table.Select(widget.TableCellID{Row: row, Col: 0})
	test.Tap(b.restore)
	l.until("the question", func() bool { return dialogButtons(t, u.win, "no dialog")["Pulihkan"] != nil })
	question := strings.Join(texts(u.win.Canvas().Overlays().Top()), "\n")
	if !strings.Contains(question, "berisi 0 perjanjian dan") || !strings.Contains(question, "sepakat.db.sebelum-pulih-") {
		t.Errorf("question %q", question)
	}
	test.Tap(dialogButtons(t, u.win, "no question")["Pulihkan"])
	l.until("the restored file", func() bool { return u.svc != service.Service(s) && strings.HasPrefix(u.status.Text, "0 ") })
	if *open == s || *open == nil {
		t.Fatal("the window is not on a newly opened store")
	}
	if n, err := u.svc.Total(); n != 0 || err != nil {
		t.Errorf("after the restore: %d agreements, %v", n, err)
	}
	aside, _ := filepath.Glob(path + ".sebelum-pulih-*")
	if len(aside) != 1 {
		t.Fatalf("kept aside: %v", aside)
	}
	kept, err := store.Inspect(context.Background(), aside[0])
	if err != nil || kept.Agreements != 3 {
		t.Errorf("the file kept aside holds %d agreements, %v", kept.Agreements, err)
	}
}

func TestSettingsCheckTheBackupSettings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sepakat.db")
	u, l, open := appOn(t, path, time.Now, fixedNow)
	b := u.settings.backups
	read := 0
	b.loaded = func(error) { read++ }
	u.tabs.SelectIndex(tabSettings)
	l.until("the settings", func() bool { return read == 1 })
	retype := func(e fyne.Focusable, text string) {
		w := e.(interface{ SetText(string) })
		w.SetText("")
		test.Type(e, text)
	}
	retype(b.keep[0], "tujuh")
	test.Tap(b.save)
	if b.message.Text != "\"tujuh\" bukan angka." {
		t.Errorf("a count in words: %q", b.message.Text)
	}
	retype(b.keep[0], "0")
	test.Tap(b.save)
	if !strings.HasPrefix(b.message.Text, "Belum tersimpan: Jumlah cadangan yang disimpan tidak valid") {
		t.Errorf("no daily copy: %q", b.message.Text)
	}
	retype(b.keep[0], "10")
	retype(b.second, filepath.Join(t.TempDir(), "tidak-ada"))
	test.Tap(b.save)
	if !strings.HasPrefix(b.message.Text, "Belum tersimpan: Berkas atau folder tidak ditemukan.") || !strings.Contains(b.message.Text, "tidak-ada") {
		t.Errorf("a folder that does not exist: %q", b.message.Text)
	}
	retype(b.second, filepath.Join(filepath.Dir(path), "cadangan"))
	test.Tap(b.save)
	if !strings.HasPrefix(b.message.Text, "Belum tersimpan: Tempat kedua harus folder yang sudah ada dan bukan folder cadangan itu sendiri") {
		t.Errorf("the backup folder as second place: %q", b.message.Text)
	}
	test.Tap(b.pick)
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("Pilih folder… shows no folder dialog")
	} else {
		u.win.Canvas().Overlays().Top().Hide()
		u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	}
	usb := t.TempDir()
	retype(b.second, usb)
	test.Tap(b.save)
	if b.message.Text != "Pengaturan cadangan tersimpan." {
		t.Fatalf("save: %q", b.message.Text)
	}
	got, err := (*open).BackupSettings()
	if err != nil || got.Policy.Daily != 10 || got.SecondPlace != usb {
		t.Errorf("stored %+v, %v", got, err)
	}
}

func TestBerandaWarnsOfAStaleSecondPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sepakat.db")
	then := time.Date(2026, 11, 1, 8, 0, 0, 0, time.Local)
	u, l, open := appOn(t, path, stepClock(then), fixedNow)
	s := *open
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	if err := s.SetBackupSettings(service.BackupSettings{Policy: service.DefaultBackupPolicy, SecondPlace: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(context.Background(), service.ReasonManual); err != nil {
		t.Fatal(err)
	}
	shown := false
	u.beranda.loaded = func(service.Dashboard, error) { shown = true }
	u.beranda.reload()
	l.until("the Beranda", func() bool { return shown })
	if !u.beranda.warning.Visible() {
		t.Fatal("no warning three weeks after the last copy")
	}
	warned := strings.Join(texts(u.beranda.warning), "\n")
	for _, want := range []string{"lebih dari 7 hari tidak ada salinan yang sampai ke tempat kedua", "Cadangan terakhir dibuat 1 November 2026"} {
		if !strings.Contains(warned, want) {
			t.Errorf("warning %q lacks %q", warned, want)
		}
	}
	test.Tap(u.beranda.toBackups)
	if u.tabs.SelectedIndex() != tabSettings || u.settings.sections.SelectedIndex() != settingsBackups {
		t.Error("the warning's button does not go to the backup settings")
	}

	// A copy today: no warning.
	u.now = func() time.Time { return then.Add(48 * time.Hour) }
	u.beranda.now = u.now
	shown = false
	u.beranda.reload()
	l.until("the Beranda again", func() bool { return shown })
	if u.beranda.warning.Visible() {
		t.Errorf("a warning two days after the copy: %q", texts(u.beranda.warning))
	}
}

func TestBackupWarnings(t *testing.T) {
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.Local)
	day := 24 * time.Hour
	for _, c := range []struct {
		st    service.BackupStatus
		total int
		want  int
	}{
		{service.BackupStatus{}, 0, 0},                               // a new, empty file
		{service.BackupStatus{}, 3, 1},                               // never a copy
		{service.BackupStatus{Last: now.Add(-6 * day)}, 3, 0},        // a copy this week
		{service.BackupStatus{Last: now.Add(-8 * day)}, 3, 1},        // none for eight days
		{service.BackupStatus{Last: now, SecondPlace: "E:\\"}, 3, 1}, // never to the second place
		{service.BackupStatus{Last: now, SecondPlace: "E:\\", LastSecond: now.Add(-8 * day)}, 3, 1},
		{service.BackupStatus{Last: now, SecondPlace: "E:\\", LastSecond: now.Add(-day)}, 3, 0},
	} {
		if got := backupWarnings(c.st, c.total, now); len(got) != c.want {
			t.Errorf("%+v, %d agreements: %q", c.st, c.total, got)
		}
	}
}
