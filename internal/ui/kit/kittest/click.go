// Package kittest drives widgets in tests as the desktop driver does, where
// fyne's test package takes a shortcut: a click finds its target the way the
// GLFW driver finds it (the last tappable, focusable or mouse-aware object
// under the pointer, in the top overlay when there is one), moves the focus
// by the driver's rule, and only then taps. test.Tap(obj) taps obj whatever
// lies over it, so a widget that covers another one passes unnoticed.
package kittest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// Click presses and releases the primary button at pos on c, as a mouse does.
// It returns what the driver took as the target of the click (nil: nothing).
func Click(c fyne.Canvas, pos fyne.Position) fyne.CanvasObject {
	co, at := find(c, pos, clickable)
	ev := &fyne.PointEvent{Position: at, AbsolutePosition: pos}
	mev := &desktop.MouseEvent{PointEvent: *ev, Button: desktop.MouseButtonPrimary}
	if m, ok := co.(desktop.Mouseable); ok {
		m.MouseDown(mev)
	}
	focusRule(c, co, pos)
	pressed := co
	co, at = find(c, pos, clickable)
	ev = &fyne.PointEvent{Position: at, AbsolutePosition: pos}
	mev = &desktop.MouseEvent{PointEvent: *ev, Button: desktop.MouseButtonPrimary}
	if m, ok := co.(desktop.Mouseable); ok {
		m.MouseUp(mev)
	}
	focusRule(c, co, pos)
	if t, ok := co.(fyne.Tappable); ok && co == pressed {
		t.Tapped(ev)
	}
	return pressed
}

// ClickObject clicks in the middle of o, wherever it is on its canvas.
func ClickObject(o fyne.CanvasObject) fyne.CanvasObject {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(o)
	pos := d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	return Click(c, pos)
}

// focusRule is the driver's: a click on anything but the focused object
// unfocuses, unless something focusable lies under the pointer.
func focusRule(c fyne.Canvas, co fyne.CanvasObject, pos fyne.Position) {
	if f, ok := co.(fyne.Focusable); ok && f == c.Focused() {
		return
	}
	if under, _ := find(c, pos, func(o fyne.CanvasObject) bool { _, ok := o.(fyne.Focusable); return ok }); under == nil {
		c.Unfocus()
	}
}

func clickable(o fyne.CanvasObject) bool {
	switch o.(type) {
	case fyne.Tappable, fyne.SecondaryTappable, fyne.DoubleTappable, fyne.Focusable, desktop.Mouseable:
		return true
	}
	return false
}

// find is the last object matching under pos, walking the top overlay or,
// with none, the content, children after their parent.
func find(c fyne.Canvas, pos fyne.Position, match func(fyne.CanvasObject) bool) (fyne.CanvasObject, fyne.Position) {
	root := c.Overlays().Top()
	if root == nil {
		root = c.Content()
	}
	var found fyne.CanvasObject
	var foundAt fyne.Position
	var walk func(o fyne.CanvasObject, origin fyne.Position)
	walk = func(o fyne.CanvasObject, origin fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		p := origin.Add(o.Position())
		s := o.Size()
		if pos.X < p.X || pos.Y < p.Y || pos.X >= p.X+s.Width || pos.Y >= p.Y+s.Height {
			return
		}
		if match(o) {
			found, foundAt = o, pos.Subtract(p)
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, child := range x.Objects {
				walk(child, p)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(x).Objects() {
				walk(child, p)
			}
		}
	}
	walk(root, fyne.Position{})
	return found, foundAt
}
