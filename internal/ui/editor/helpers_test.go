package editor

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/store"
	"sepakat/internal/ui/kit"
	"sepakat/resources"
)

func fixedNow() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }

// newApp is a test app speaking Indonesian, as Sepakat does on an office
// desktop, with the translations loaded.
func newApp(t *testing.T) fyne.App {
	t.Helper()
	t.Setenv("LANGUAGE", "id")
	t.Setenv("LC_ALL", "id_ID.UTF-8")
	a := test.NewTempApp(t)
	if err := langFS(); err != nil {
		t.Fatal(err)
	}
	return a
}

// langFS loads the shipped translations in the language the system asks for.
func langFS() error { return lang.AddTranslationsFS(resources.FS, "translations") }

// openStore opens a real data file holding the built-in examples.
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
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	return s
}

// loop makes the test goroutine the UI goroutine: it runs the work timers and
// goroutines hand back, as the desktop driver's event loop does.
type loop struct {
	t  *testing.T
	ch chan func()
}

func (l *loop) do(f func()) { l.ch <- f }

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

// harness is an editor window on a real data file.
type harness struct {
	t       *testing.T
	app     fyne.App
	s       *store.Store
	l       *loop
	created []agreement.ID // what OnCreated was asked to open
	closed  bool
}

func newHarness(t *testing.T) *harness {
	h := &harness{t: t, app: newApp(t), l: &loop{t: t, ch: make(chan func(), 256)}}
	h.s = openStore(t)
	return h
}

// open shows agreement id in an editor on svc (the store when nil), with its
// window's content in place.
func (h *harness) open(id agreement.ID, svc Service) *Editor {
	h.t.Helper()
	if svc == nil {
		svc = h.s
	}
	e, err := Open(Config{App: h.app, Svc: svc, Printer: export.Printer{Src: h.s}, Now: fixedNow, Do: h.l.do,
		OnCreated: func(id agreement.ID) { h.created = append(h.created, id) }}, id)
	if err != nil {
		h.t.Fatal(err)
	}
	e.Window().SetOnClosed(func() { h.closed = true })
	e.Show()
	h.l.until("the window's content", func() bool { return e.Window().Content() == e.content })
	e.Window().Resize(fyne.NewSize(1100, 700))
	return e
}

// draft saves a new PKS under the signed KSB with Lampung Selatan and opens it.
func (h *harness) draft(svc Service) *Editor {
	h.t.Helper()
	ksb, err := h.s.Agreement(2)
	if err != nil {
		h.t.Fatal(err)
	}
	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, fixedNow())
	if err != nil {
		h.t.Fatal(err)
	}
	pks.Subject = "Pertukaran Data Perizinan Berusaha"
	pks.Body = ksb.Body
	if err := h.s.SaveAgreement(&pks); err != nil {
		h.t.Fatal(err)
	}
	return h.open(pks.ID, svc)
}

// retype replaces what a field holds with text, as a person does: select
// all, delete, type.
func retype(w fyne.Window, en *kit.Entry, text string) {
	w.Canvas().Focus(en)
	en.TypedShortcut(&fyne.ShortcutSelectAll{})
	en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	test.Type(en, text)
}

// shortcut presses Ctrl+key in w.
func shortcut(w fyne.Window, key fyne.KeyName) {
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
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

// choose taps sel open and taps option in its menu.
func choose(t *testing.T, w fyne.Window, sel *widget.Select, option string) {
	t.Helper()
	test.Tap(sel)
	menu := w.Canvas().Overlays().Top()
	if menu == nil {
		t.Fatal("the select opened no menu")
	}
	// The innermost tappable that shows option is its menu item.
	var item fyne.Tappable
	for _, o := range test.LaidOutObjects(menu) {
		tp, ok := o.(fyne.Tappable)
		if !ok || o == menu {
			continue
		}
		for _, c := range test.LaidOutObjects(o) {
			if txt, ok := c.(*canvas.Text); ok && txt.Text == option {
				item = tp
			}
		}
	}
	if item == nil {
		t.Fatalf("no %q in the menu", option)
	}
	test.Tap(item)
}

// tapRow taps the row of a list or tree inside in that reads text.
func tapRow(t *testing.T, in fyne.CanvasObject, text string) {
	t.Helper()
	// The innermost tappable that shows text is its row.
	var row fyne.Tappable
	for _, o := range test.LaidOutObjects(in) {
		tp, ok := o.(fyne.Tappable)
		if !ok {
			continue
		}
		for _, c := range test.LaidOutObjects(o) {
			if txt, ok := c.(*canvas.Text); ok && txt.Text == text {
				row = tp
			}
		}
	}
	if row == nil {
		t.Fatalf("no row %q", text)
	}
	test.Tap(row)
}
