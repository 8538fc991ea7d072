package ui

import (
	"fyne.io/fyne/v2"

	"sepakat/internal/ui/kit"
)

// Theme returns the application's theme.
func Theme() fyne.Theme { return kit.Theme() }
