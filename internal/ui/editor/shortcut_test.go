package editor

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
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
