package ui

// Preference keys and defaults: window and screen state only, never agreement data.
const (
	prefLastTab      = "ui.last_tab"
	prefWindowWidth  = "ui.window.width"
	prefWindowHeight = "ui.window.height"
	prefWindowX      = "ui.window.x"
	prefWindowY      = "ui.window.y"
	prefWindowPlaced = "ui.window.placed"

	defaultWindowWidth  = 1280
	defaultWindowHeight = 720
)
