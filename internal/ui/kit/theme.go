package kit

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"sepakat/resources"
)

// officeTheme is Fyne's theme, light or dark as the system asks, in Liberation
// Sans: the sans the PDFs use, metric-compatible with Arial. Its small layout
// tables make shaping each new piece of text several times cheaper than with
// Fyne's Noto Sans, which is most of what drawing a fresh screen costs.
type officeTheme struct{ fyne.Theme }

// Theme returns the application's theme.
func Theme() fyne.Theme { return officeTheme{theme.DefaultTheme()} }

var officeFonts = sync.OnceValue(func() map[string]fyne.Resource {
	fonts := map[string]fyne.Resource{}
	for _, name := range []string{"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"} {
		if data, err := resources.FS.ReadFile("fonts/" + name); err == nil {
			fonts[name] = fyne.NewStaticResource(name, data)
		}
	}
	return fonts
})

func (t officeTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	name := "LiberationSans-Regular.ttf"
	switch {
	case s.Bold && s.Italic:
		name = "LiberationSans-BoldItalic.ttf"
	case s.Bold:
		name = "LiberationSans-Bold.ttf"
	case s.Italic:
		name = "LiberationSans-Italic.ttf"
	}
	if f, ok := officeFonts()[name]; ok {
		return f
	}
	return t.Theme.Font(s)
}
