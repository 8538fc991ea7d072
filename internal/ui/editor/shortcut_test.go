package editor

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Ctrl+W closes the editor from a locked field of a signed agreement (QA 19):
// the driver hands a disabled field's keys down as key presses only.
func TestCtrlWClosesFromALockedField(t *testing.T) {
	h := newHarness(t)
	e := h.open(2, nil) // the signed example KSB
	subject := e.identity.subject
	if !subject.Disabled() {
		t.Fatal("the subject of a signed agreement is not locked")
	}
	w := e.Window()
	w.Canvas().Focus(subject)
	press := func(k fyne.KeyName) { subject.KeyDown(&fyne.KeyEvent{Name: k}) }
	release := func(k fyne.KeyName) { subject.KeyUp(&fyne.KeyEvent{Name: k}) }
	// W alone, or Ctrl+Shift+W, is no shortcut.
	press(fyne.KeyW)
	release(fyne.KeyW)
	press(desktop.KeyControlLeft)
	press(desktop.KeyShiftLeft)
	press(fyne.KeyW)
	if h.closed {
		t.Fatal("closed by a key that is not Ctrl+W")
	}
	release(fyne.KeyW)
	release(desktop.KeyShiftLeft)
	press(fyne.KeyW)
	if !h.closed {
		t.Error("Ctrl+W in a locked field left the editor open")
	}
}

// Every field of every tab hands the windows' Ctrl shortcuts to the window,
// in a draft and in a signed agreement, whether the driver hands the field
// the shortcut (an enabled field) or only the key presses (a disabled one).
func TestEveryFieldHandsCtrlKeysToTheWindow(t *testing.T) {
	h := newHarness(t)
	// The test driver finds a field's window as the last one opened: each
	// editor is opened in turn, and closed after.
	for _, open := range []func() *Editor{func() *Editor { return h.draft(nil) }, func() *Editor { return h.open(2, nil) }} {
		e := open()
		w := e.Window()
		got := 0
		w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { got++ })
		fields := 0
		for i := range e.tabs.Items {
			e.tabs.SelectIndex(i)
			for _, o := range test.LaidOutObjects(w.Content()) {
				f, ok := o.(fyne.Focusable)
				if !ok || !o.Visible() {
					continue
				}
				if _, isList := o.(*widget.List); isList {
					continue // a list takes arrow keys; its shortcuts reach the window
				}
				fields++
				before := got
				disabled := false
				if d, ok := o.(fyne.Disableable); ok {
					disabled = d.Disabled()
				}
				sc, shortcutable := o.(fyne.Shortcutable)
				keyable, _ := o.(desktop.Keyable)
				// What the desktop driver does with Ctrl+N pressed in the focused field.
				if keyable != nil {
					keyable.KeyDown(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
					keyable.KeyDown(&fyne.KeyEvent{Name: fyne.KeyN})
				}
				s := &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
				_, selectable := o.(interface{ SelectedText() string })
				switch {
				case !shortcutable:
					w.Canvas().(fyne.Shortcutable).TypedShortcut(s)
				case disabled && selectable:
					// the driver hands a disabled text field no shortcut but Copy
				default:
					sc.TypedShortcut(s)
				}
				if keyable != nil {
					keyable.KeyUp(&fyne.KeyEvent{Name: fyne.KeyN})
					keyable.KeyUp(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
				}
				f.FocusLost()
				if got != before+1 {
					t.Errorf("%s, tab %d: Ctrl+N in a %T (disabled %v) reached the window %d times", e.a.Kind, i, o, disabled, got-before)
				}
			}
		}
		if fields < 20 {
			t.Errorf("only %d fields found", fields)
		}
		e.Close()
	}
}
