package kit

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, bl, _ := c.RGBA()
		ch := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(bl)
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func TestContrastRatio(t *testing.T) {
	if r := contrast(color.White, color.Black); math.Abs(r-21) > 0.01 {
		t.Fatalf("white on black %.2f", r)
	}
	if r := contrast(color.NRGBA{0x88, 0x88, 0x88, 0xff}, color.NRGBA{0xf3, 0xf3, 0xf3, 0xff}); r > 3.3 || r < 3.1 {
		t.Fatalf("Fyne's light placeholder %.2f", r)
	}
}

// Hints, placeholders, disabled text and the message colours meet WCAG AA
// (4.5:1) on every surface they appear on, light and dark.
func TestThemeTextMeetsWCAGAA(t *testing.T) {
	test.NewTempApp(t)
	th := Theme()
	surfaces := []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground, theme.ColorNameOverlayBackground}
	texts := []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNamePlaceHolder, theme.ColorNameDisabled,
		theme.ColorNameWarning, theme.ColorNameError, theme.ColorNameSuccess}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, fg := range texts {
			for _, bg := range surfaces {
				if r := contrast(th.Color(fg, v), th.Color(bg, v)); r < 4.5 {
					t.Errorf("variant %d: %s on %s is %.2f:1, under 4.5:1", v, fg, bg, r)
				}
			}
		}
	}
	// The fonts stay Liberation Sans.
	if th.Font(fyne.TextStyle{}).Name() != "LiberationSans-Regular.ttf" {
		t.Error("the theme lost its font")
	}
}
