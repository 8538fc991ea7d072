package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store"
	"sepakat/internal/ui/kit"
	"sepakat/resources"
)

// TestMain speaks Bahasa Indonesia, as Sepakat does on an office desktop
// whatever its locale: Fyne's translations and the service's messages agree.
func TestMain(m *testing.M) {
	UseLanguage(kit.Lang())
	os.Exit(m.Run())
}

// newTestApp is a test app with the translations loaded, and an empty store.
func newTestApp(t *testing.T) (fyne.App, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	return a, openStore(t)
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Check(context.Background()); err != nil {
			t.Error(err)
		}
		s.Close()
	})
	return s
}

func fixedNow() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }

// cellText reads what the table shows at row, col through its rendered label.
func cellText(r *AgreementList, row, col int) string {
	l := kit.NewFitLabel("")
	r.fill(widget.TableCellID{Row: row, Col: col}, l)
	return l.Text()
}

// loop makes the test goroutine the UI goroutine: it runs the work background
// goroutines hand back, as the desktop driver's event loop does.
type loop struct {
	t  *testing.T
	ch chan func()
}

func useLoop(t *testing.T, u *App) *loop {
	l := &loop{t: t, ch: make(chan func(), 256)}
	u.setDo(func(f func()) { l.ch <- f })
	return l
}

// until runs handed-back work until cond holds; the time limit only stops a hang.
func (l *loop) until(what string, cond func() bool) {
	l.t.Helper()
	limit := time.After(10 * time.Second)
	for !cond() {
		select {
		case f := <-l.ch:
			f()
		case <-limit:
			l.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// drain runs handed-back work until none comes for 200 ms.
func (l *loop) drain() {
	for {
		select {
		case f := <-l.ch:
			f()
		case <-time.After(200 * time.Millisecond):
			return
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1.000", 100000: "100.000", 1234567: "1.234.567"} {
		if got := thousands(n); got != want {
			t.Errorf("%d: %q", n, got)
		}
	}
}

// withExamples opens the main window on a store holding the three examples.
func withExamples(t *testing.T) (*App, *store.Store, *loop) {
	t.Helper()
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	l := useLoop(t, u)
	u.Window().Show()
	u.Refresh()
	return u, s, l
}

type slowPrinter struct {
	service.Printer
	delay time.Duration
}

func (p slowPrinter) ExportPDF(ctx context.Context, id agreement.ID, w io.Writer, draft bool) error {
	time.Sleep(p.delay)
	return p.Printer.ExportPDF(ctx, id, w, draft)
}

func TestExportPDFFromTheList(t *testing.T) {
	u, _, l := withExamples(t)
	if !u.exportBtn.Disabled() {
		t.Fatal("export enabled with nothing selected")
	}
	u.list.table.Select(widget.TableCellID{Row: 2, Col: 1})
	if u.exportBtn.Disabled() || u.selected == 0 {
		t.Fatal("selecting a row did not enable the export")
	}
	path := filepath.Join(t.TempDir(), "ksb.pdf")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	// A slow export shows its progress, and stops it when done.
	u.printer = slowPrinter{u.printer, 2 * kit.ExportQuiet}
	finished := false
	u.exportTo(u.selected, w, false, func(err error) {
		if err != nil {
			t.Error(err)
		}
		finished = true
	})
	l.until("the progress dialog", func() bool { return u.export.Bar.Visible() && u.export.Bar.Running() })
	l.until("the export", func() bool { return finished })
	if u.export.Bar.Running() {
		t.Error("the progress bar still runs after the export, repainting the window")
	}
	var offered []string
	if top := u.Window().Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := o.(*widget.Button); ok {
				offered = append(offered, b.Text)
			}
		}
	}
	if !slices.Contains(offered, lang.L("Buka berkas")) || !slices.Contains(offered, lang.L("Buka folder")) {
		t.Errorf("after the export the dialog offers %q", offered)
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || len(data) < 10_000 {
		t.Fatalf("exported file: %d bytes, %v", len(data), err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil || !strings.Contains(string(out), "BERBAGI INFORMASI DAN INOVASI DAERAH") {
		t.Fatalf("exported PDF text: %v\n%s", err, out)
	}
}

// Indonesian is the language whenever the system does not ask for English,
// including unparseable locales such as C.
func TestUseLanguageDefaultsToIndonesian(t *testing.T) {
	for _, c := range []struct {
		lcAll, lang string
		want        i18n.Lang
	}{
		{"C", "", i18n.ID},
		{"", "POSIX", i18n.ID},
		{"", "de_DE.UTF-8", i18n.ID},
		{"", "en_US.UTF-8", i18n.EN},
		{"", "id_ID.UTF-8", i18n.ID},
	} {
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANGUAGE", "")
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LANG", c.lang)
		UseLanguage(kit.Lang())
		if kit.Lang() != c.want || os.Getenv("LANGUAGE") != string(c.want) {
			t.Errorf("%+v: LC_ALL=%q LANGUAGE=%q", c, os.Getenv("LC_ALL"), os.Getenv("LANGUAGE"))
		}
	}
}

// TestUseLanguage switches the screens' words and the service's messages
// together, whatever the system's locale says.
func TestUseLanguage(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANGUAGE", "")
	t.Setenv("LANG", "id_ID.UTF-8")
	t.Cleanup(func() {
		UseLanguage(i18n.ID)
		if err := LoadTranslations(); err != nil {
			t.Error(err)
		}
	})
	UseLanguage(i18n.EN)
	if err := LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("Daftar Perjanjian"); got != "Agreements" {
		t.Errorf("English chosen: %q", got)
	}
	if kit.Lang() != i18n.EN {
		t.Error("messages not in English")
	}
	UseLanguage(i18n.ID)
	if err := LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("Cancel"); got != "Batal" {
		t.Errorf("Indonesian chosen: Fyne's Cancel reads %q", got)
	}
}

// TestEveryStringTranslated finds each lang.L key in the screens' sources (the
// main window's, the editor's, the kit's and the desktop main's) and checks that
// both shipped translations have it.
func TestEveryStringTranslated(t *testing.T) {
	var files []string
	for _, glob := range []string{"*.go", "editor/*.go", "kit/*.go", "../../cmd/sepakat/*.go"} {
		found, _ := filepath.Glob(glob)
		files = append(files, found...)
	}
	key := regexp.MustCompile(`lang\.L\(("(?:[^"\\]|\\.)*")`)
	tables := map[string]map[string]any{} // a value is a string, or plural forms
	for _, lang := range []string{"id", "en"} {
		raw, err := resources.FS.ReadFile("translations/" + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		tables[lang] = m
	}
	for _, c := range listColumns {
		for lang, table := range tables {
			if v, _ := table[c.title].(string); v == "" {
				t.Errorf("register column %q has no %s translation", c.title, lang)
			}
		}
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllSubmatch(src, -1) {
			k, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatal(err)
			}
			n++
			for lang, table := range tables {
				if v, _ := table[k].(string); v == "" {
					t.Errorf("%s: %q has no %s translation", f, k, lang)
				}
			}
		}
	}
	if n < 200 {
		t.Errorf("only %d strings found", n)
	}
}

// dialogButtons maps the buttons of w's top dialog by their text; without a
// dialog the test fails with missing.
func dialogButtons(t *testing.T, w fyne.Window, missing string) map[string]*widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal(missing)
	}
	out := map[string]*widget.Button{}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok {
			out[b.Text] = b
		}
	}
	return out
}

type fakePlacement struct{ x, y, movedX, movedY int }

func (p *fakePlacement) Position(fyne.Window) (int, int, bool) { return p.x, p.y, true }

func (p *fakePlacement) Move(_ fyne.Window, x, y int) { p.movedX, p.movedY = x, y }

// choose picks option in sel as a person does: a tap opens the select's
// menu over the window, a tap on the option chooses it and closes the menu.
func choose(t *testing.T, w fyne.Window, sel *widget.Select, option string) {
	t.Helper()
	test.Tap(sel)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("tapping the select showed no options (%q)", option)
	}
	var item fyne.Tappable // the menu item drawing the texts that follow
	for _, o := range test.LaidOutObjects(top) {
		if tp, ok := o.(fyne.Tappable); ok {
			item = tp
		}
		if txt, ok := o.(*canvas.Text); ok && txt.Text == option && item != nil {
			test.Tap(item)
			if sel.Selected != option || w.Canvas().Overlays().Top() == top {
				t.Fatalf("tapped %q, the select shows %q", option, sel.Selected)
			}
			return
		}
	}
	t.Fatalf("no option %q among %q", option, sel.Options)
}

// texts are the texts of the visible labels and rich texts under o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	for _, x := range test.LaidOutObjects(o) {
		if !x.Visible() {
			continue
		}
		switch w := x.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *canvas.Text:
			out = append(out, w.Text)
		}
	}
	return out
}

// noGoError fails when a Go error string shows on screen.
func noGoError(t *testing.T, shown []string, err error) {
	t.Helper()
	for _, s := range shown {
		if strings.Contains(s, err.Error()) || strings.Contains(s, "service:") || strings.Contains(s, "no space left") {
			t.Errorf("a Go error string on screen: %q", s)
		}
	}
}

// tr is Fyne's translation of key, with what as its {{.What}} when given.
func tr(key string, what ...string) string {
	if len(what) == 1 {
		return lang.L(key, map[string]any{"What": what[0]})
	}
	return lang.L(key)
}

func TestExportCanBeCancelled(t *testing.T) {
	u, _, l := withExamples(t)
	u.list.table.Select(widget.TableCellID{Row: 2, Col: 1})
	path := filepath.Join(t.TempDir(), "ksb.pdf")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	printer := &gatedPrinter{Printer: u.printer, gate: make(chan struct{})}
	u.printer = printer
	var outcome []error
	u.exportTo(u.selected, w, false, func(err error) { outcome = append(outcome, err) })
	l.until("the progress dialog", func() bool { return u.export.Bar.Visible() && u.export.Bar.Running() })
	test.Tap(u.export.Stop)
	if len(outcome) != 1 || !errors.Is(outcome[0], context.Canceled) {
		t.Fatalf("outcome %v, want cancelled", outcome)
	}
	if u.export.Bar.Running() {
		t.Error("the progress bar still runs after Batal")
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the partial file stays: %v", err)
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !slices.Contains(texts(top), tr("Pembuatan PDF dibatalkan.")) {
		t.Errorf("no word of the cancelled export")
	}
	// The printer finishing later changes nothing.
	close(printer.gate)
	for limit := time.Now().Add(10 * time.Second); !printer.done.Load(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(limit) {
			t.Fatal("the printer never finished")
		}
	}
	l.drain()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) || len(outcome) != 1 {
		t.Errorf("after the printer finished: file %v, outcomes %v", err, outcome)
	}
}

// gatedPrinter makes its PDF once gate is closed.
type gatedPrinter struct {
	service.Printer
	gate chan struct{}
	done atomic.Bool
}

func (p *gatedPrinter) ExportPDF(ctx context.Context, id agreement.ID, w io.Writer, draft bool) error {
	<-p.gate
	defer p.done.Store(true)
	return p.Printer.ExportPDF(ctx, id, w, draft)
}

func TestErrorsShowInWords(t *testing.T) {
	u, _, _ := withExamples(t)
	u.onOpen(99) // gone, as when another window deleted it
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	shown := texts(top)
	want := tr("Perjanjian tidak dapat dibuka:") + " Data tidak ditemukan. Mungkin sudah dihapus; muat ulang daftar."
	if !slices.Contains(shown, want) {
		t.Errorf("dialog shows %q, want %q", shown, want)
	}
	noGoError(t, shown, service.ErrNotFound)
}

func TestStartReadsTheTabSepakatClosedOn(t *testing.T) {
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	a.Preferences().SetInt(prefLastTab, tabDirectory)
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	l := useLoop(t, u)
	u.Window().Show()
	if u.tabs.SelectedIndex() != tabDirectory {
		t.Fatalf("tab %d shows", u.tabs.SelectedIndex())
	}
	read := false
	u.directory.loaded = func() { read = true }
	u.Start()
	l.until("the directory", func() bool { return read })
	if n := u.directory.parties.md.list.Length(); n != 3 {
		t.Errorf("the directory lists %d parties", n)
	}
}

func TestQuitRemembersWhereTheWindowWas(t *testing.T) {
	u, s, _ := withExamples(t)
	place := &fakePlacement{x: 140, y: 60}
	u.Placement = place
	u.Window().Resize(fyne.NewSize(1000, 640))
	u.onQuit()
	if got := u.app.Preferences().Float(prefWindowWidth); got != 1000 {
		t.Errorf("width %v remembered", got)
	}
	// The next start puts the window back where it was.
	u2 := New(u.app, s, export.Printer{Src: s}, fixedNow)
	u2.Placement = place
	u2.Place()
	if place.movedX != 140 || place.movedY != 60 {
		t.Errorf("window moved to %d,%d, want 140,60", place.movedX, place.movedY)
	}
}
