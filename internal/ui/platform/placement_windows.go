//go:build amd64 || arm64

package platform

import (
	"syscall"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

var (
	user32               = syscall.NewLazyDLL("user32.dll")
	procGetWindowRect    = user32.NewProc("GetWindowRect")
	procSetWindowPos     = user32.NewProc("SetWindowPos")
	procMonitorFromPoint = user32.NewProc("MonitorFromPoint")
	procIsZoomed         = user32.NewProc("IsZoomed")
	procIsIconic         = user32.NewProc("IsIconic")
)

// WindowsPlacement reads and sets a window's place through user32.
type WindowsPlacement struct{}

func hwndOf(w fyne.Window) (hwnd uintptr) {
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if c, ok := ctx.(driver.WindowsWindowContext); ok {
				hwnd = c.HWND
			}
		})
	}
	return hwnd
}

// Position is the window's top-left corner, unless it is maximised or minimised.
func (WindowsPlacement) Position(w fyne.Window) (int, int, bool) {
	hwnd := hwndOf(w)
	if hwnd == 0 {
		return 0, 0, false
	}
	if z, _, _ := procIsZoomed.Call(hwnd); z != 0 {
		return 0, 0, false
	}
	if i, _, _ := procIsIconic.Call(hwnd); i != 0 {
		return 0, 0, false
	}
	var r struct{ left, top, right, bottom int32 }
	if ok, _, _ := procGetWindowRect.Call(hwnd, uintptr(unsafe.Pointer(&r))); ok == 0 {
		return 0, 0, false
	}
	return int(r.left), int(r.top), true
}

// Move puts the window's top-left corner at x, y when its title bar would be on
// a monitor that is still attached.
func (WindowsPlacement) Move(w fyne.Window, x, y int) {
	hwnd := hwndOf(w)
	if hwnd == 0 {
		return
	}
	const monitorDefaultToNull = 0
	// A POINT passed by value fits one register on amd64 and arm64.
	pt := uintptr(uint32(int32(x+60))) | uintptr(uint32(int32(y+12)))<<32
	if m, _, _ := procMonitorFromPoint.Call(pt, monitorDefaultToNull); m == 0 {
		return
	}
	const swpNoSize, swpNoZOrder, swpNoActivate = 0x1, 0x4, 0x10
	procSetWindowPos.Call(hwnd, 0, uintptr(x), uintptr(y), 0, 0, swpNoSize|swpNoZOrder|swpNoActivate)
}

var procSystemParametersInfo = user32.NewProc("SystemParametersInfoW")

// ScreenSize is the primary monitor's work area: the screen less the taskbar.
func (WindowsPlacement) ScreenSize() (int, int, bool) {
	const spiGetWorkArea = 0x0030
	var r struct{ left, top, right, bottom int32 }
	if ok, _, _ := procSystemParametersInfo.Call(spiGetWorkArea, 0, uintptr(unsafe.Pointer(&r)), 0); ok == 0 {
		return 0, 0, false
	}
	return int(r.right - r.left), int(r.bottom - r.top), true
}
