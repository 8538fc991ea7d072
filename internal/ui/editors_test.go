package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/store"
	"sepakat/internal/ui/editor"
	"sepakat/internal/ui/kit"
)

// draftEditor opens the editor on a new PKS drafted under the KSB with Lampung
// Selatan, its window filled.
func draftEditor(t *testing.T) (*App, *store.Store, *editor.Editor) {
	t.Helper()
	u, s, l := withExamples(t)
	ksb, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	pks.Subject = "Pertukaran Data Perizinan Berusaha"
	pks.Body = ksb.Body
	if err := s.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}
	u.onOpen(pks.ID)
	e := u.editors[pks.ID]
	if e == nil {
		t.Fatal("no editor")
	}
	l.until("the editor's content", func() bool { _, empty := e.Window().Content().(*widget.Label); return !empty })
	return u, s, e
}

// editorField is the field of e's form labelled label.
func editorField(t *testing.T, e *editor.Editor, label string) *kit.Entry {
	t.Helper()
	for _, o := range test.LaidOutObjects(e.Window().Content()) {
		f, ok := o.(*widget.Form)
		if !ok {
			continue
		}
		for _, it := range f.Items {
			if it.Text != label {
				continue
			}
			for _, c := range append([]fyne.CanvasObject{it.Widget}, test.LaidOutObjects(it.Widget)...) {
				if en, ok := c.(*kit.Entry); ok {
					return en
				}
			}
		}
	}
	t.Fatalf("no field %q", label)
	return nil
}

// retype replaces what a field holds with text, as a person does.
func retype(w fyne.Window, en *kit.Entry, text string) {
	w.Canvas().Focus(en)
	en.TypedShortcut(&fyne.ShortcutSelectAll{})
	en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	test.Type(en, text)
}

// dialogButtons maps the buttons of w's top dialog by their text; without a
// dialog the test fails with missing.
func TestQuittingAsksAboutUnsavedEditorsAndRemembersThePlace(t *testing.T) {
	u, s, e := draftEditor(t)
	place := &fakePlacement{x: 140, y: 60}
	u.Placement = place
	id := e.Agreement().ID
	w := e.Window()
	buttons := func() map[string]*widget.Button { return dialogButtons(t, u.win, "no question before quitting") }
	placeField := editorField(t, e, lang.L("Tempat penandatanganan"))
	subject := editorField(t, e, lang.L("Tentang"))
	retype(w, placeField, "Jatinangor")
	u.onQuit()
	test.Tap(buttons()[lang.L("Batal")])
	if u.editors[id] == nil || placeField.Text != "Jatinangor" {
		t.Fatal("cancel closed the editor or lost the text")
	}
	// A save that fails keeps everything open.
	retype(w, subject, "")
	u.onQuit()
	test.Tap(buttons()[lang.L("Simpan semua dan keluar")])
	if u.editors[id] == nil || !e.Dirty() {
		t.Fatal("quit although the editor could not be saved")
	}
	if a, _ := s.Agreement(id); a.Place == "Jatinangor" {
		t.Error("a failed save stored the place")
	}
	test.Type(subject, "Pertukaran Data Perizinan Berusaha")
	u.onQuit()
	test.Tap(buttons()[lang.L("Simpan semua dan keluar")])
	if len(u.editors) != 0 {
		t.Error("editors still open after quitting")
	}
	if a, _ := s.Agreement(id); a.Place != "Jatinangor" {
		t.Errorf("place %q not saved on quitting", a.Place)
	}
	// The next start puts the window back where it was.
	u2 := New(u.app, s, export.Printer{Src: s}, fixedNow)
	u2.Placement = place
	u2.Place()
	if place.movedX != 140 || place.movedY != 60 {
		t.Errorf("window moved to %d,%d, want 140,60", place.movedX, place.movedY)
	}
}

func TestOpeningAnAgreementTwiceBringsItsEditorForward(t *testing.T) {
	u, _, e := draftEditor(t)
	id := e.Agreement().ID
	u.onOpen(id)
	if u.editors[id] != e || len(u.editors) != 1 {
		t.Errorf("%d editors after opening the same agreement again", len(u.editors))
	}
	e.Close()
	if u.editors[id] != nil {
		t.Error("a closed editor is still tracked")
	}
}
