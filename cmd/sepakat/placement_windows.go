//go:build amd64 || arm64

package main

import "sepakat/internal/ui"

func placement() ui.Placement { return ui.WindowsPlacement{} }
