// Package platform holds what Sepakat's desktop screens need from the
// operating system that Fyne does not give: where a window sits on the screen,
// and a lower priority for threads doing slow work.
//
// The split: everything here is pure Go (syscall on Linux, user32 and kernel32
// on Windows) and builds with CGO_ENABLED=0. The X11 placement needs Xlib
// through cgo, and only cmd/sepakat may use cgo, so it lives in
// cmd/sepakat/placement_x11.go and implements the same Placement interface;
// cmd/sepakat picks the Placement of the platform it is built for (none on
// Wayland and macOS) and hands it to the main window.
package platform

import "fyne.io/fyne/v2"

// Placement reads and sets where a window sits on the screen, which Fyne
// itself cannot.
type Placement interface {
	// Position is the window's top-left corner; ok is false when it cannot be
	// known (or should not be remembered, as for a maximised window).
	Position(w fyne.Window) (x, y int, ok bool)
	// Move puts the window's top-left corner at x, y where that is on a screen.
	Move(w fyne.Window, x, y int)
}

// Screen is a Placement that also knows the size, in pixels, of the screen
// area windows may use (on Windows without the taskbar).
type Screen interface {
	ScreenSize() (w, h int, ok bool)
}
