package kit

import (
	"image/color"
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

// readable are the colours of text that must stand out enough from what it
// sits on (WCAG AA, 4.5:1) in each variant: hints and placeholders, the text
// of disabled fields (a signed agreement is read in them), and the warning,
// problem and success messages. Fyne's own light placeholder (#888888 on
// #f3f3f3) reaches 3.2:1 and its dark disabled text (#39393a on #171718) 1.5:1.
var readable = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNamePlaceHolder: color.NRGBA{0x6b, 0x6b, 0x6b, 0xff},
		theme.ColorNameDisabled:    color.NRGBA{0x6e, 0x6e, 0x6e, 0xff},
		theme.ColorNameWarning:     color.NRGBA{0xa8, 0x55, 0x00, 0xff},
		theme.ColorNameError:       color.NRGBA{0xc6, 0x28, 0x28, 0xff},
		theme.ColorNameSuccess:     color.NRGBA{0x2e, 0x7d, 0x32, 0xff},
	},
	theme.VariantDark: {
		theme.ColorNamePlaceHolder: color.NRGBA{0xb2, 0xb2, 0xb2, 0xff},
		theme.ColorNameDisabled:    color.NRGBA{0x9a, 0x9a, 0x9c, 0xff},
		theme.ColorNameError:       color.NRGBA{0xff, 0x66, 0x59, 0xff},
	},
}

func (t officeTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := readable[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}
