//go:build linux && !wayland

package main

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>

static Display *sepakatDisplay;

static Display *sepakat_display(void) {
	if (!sepakatDisplay) sepakatDisplay = XOpenDisplay(NULL);
	return sepakatDisplay;
}

// Where the window's content sits on the root window.
static int sepakat_position(Window w, int *x, int *y) {
	Display *d = sepakat_display();
	Window child;
	if (!d) return 0;
	return XTranslateCoordinates(d, w, DefaultRootWindow(d), 0, 0, x, y, &child);
}

// Moves the window's content to x, y, kept where at least a corner of it shows.
static void sepakat_move(Window w, int x, int y) {
	Display *d = sepakat_display();
	if (!d) return;
	int sw = DisplayWidth(d, DefaultScreen(d)), sh = DisplayHeight(d, DefaultScreen(d));
	if (x > sw - 120) x = sw - 120;
	if (y > sh - 60) y = sh - 60;
	if (x < 0) x = 0;
	if (y < 0) y = 0;
	XMoveWindow(d, w, x, y);
	XFlush(d);
}
// The default screen's size.
static int sepakat_screen(int *w, int *h) {
	Display *d = sepakat_display();
	if (!d) return 0;
	*w = DisplayWidth(d, DefaultScreen(d));
	*h = DisplayHeight(d, DefaultScreen(d));
	return 1;
}
*/
import "C"

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"

	"sepakat/internal/ui/platform"
)

// x11Placement is the platform.Placement of X11. It reads and moves windows
// through Xlib, which needs cgo, so it lives here rather than in
// internal/ui/platform. GLFW gives its windows static gravity, so the
// content's place is what XMoveWindow sets.
type x11Placement struct{}

func placement() platform.Placement { return x11Placement{} }

func x11Window(w fyne.Window) (win C.Window) {
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if c, ok := ctx.(driver.X11WindowContext); ok {
				win = C.Window(c.WindowHandle)
			}
		})
	}
	return win
}

func (x11Placement) Position(w fyne.Window) (int, int, bool) {
	win := x11Window(w)
	if win == 0 {
		return 0, 0, false
	}
	var x, y C.int
	if C.sepakat_position(win, &x, &y) == 0 {
		return 0, 0, false
	}
	return int(x), int(y), true
}

func (x11Placement) Move(w fyne.Window, x, y int) {
	if win := x11Window(w); win != 0 {
		C.sepakat_move(win, C.int(x), C.int(y))
	}
}

// ScreenSize is the default screen's size; X11 does not say where panels sit.
func (x11Placement) ScreenSize() (int, int, bool) {
	var w, h C.int
	if C.sepakat_screen(&w, &h) == 0 {
		return 0, 0, false
	}
	return int(w), int(h), true
}
