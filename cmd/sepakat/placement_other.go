//go:build !(linux && !wayland) && !(windows && (amd64 || arm64))

package main

import "sepakat/internal/ui/platform"

// placement is nil where Sepakat cannot read a window's place: Fyne has no way,
// and Wayland does not let programs place their windows.
func placement() platform.Placement { return nil }
