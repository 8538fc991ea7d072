//go:build amd64 || arm64

package main

import "sepakat/internal/ui/platform"

// placement reads and sets windows' places through user32.
func placement() platform.Placement { return platform.WindowsPlacement{} }
