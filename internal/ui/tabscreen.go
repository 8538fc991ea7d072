package ui

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// tabScreen holds a screen shown in the main window's tabs. Fyne refreshes
// every tab's whole content at every tab switch (to apply a theme) and the
// shown one again as it is shown: every label is measured and fitted anew
// and the GL painter makes every text's image again. A screen refreshes
// what its data changes itself, so tabScreen passes a refresh on only when
// the theme or its variant changed since the last one.
type tabScreen struct {
	widget.BaseWidget
	content fyne.CanvasObject
	theme   fyne.Theme
	variant fyne.ThemeVariant
}

func newTabScreen(content fyne.CanvasObject) *tabScreen {
	s := &tabScreen{content: content}
	s.theme, s.variant = currentTheme()
	s.ExtendBaseWidget(s)
	return s
}

func currentTheme() (fyne.Theme, fyne.ThemeVariant) {
	st := fyne.CurrentApp().Settings()
	return st.Theme(), st.ThemeVariant()
}

// Refresh redraws the screen; its content is refreshed only for a new theme.
func (s *tabScreen) Refresh() {
	th, v := currentTheme()
	if v == s.variant && sameTheme(th, s.theme) {
		canvas.Refresh(s)
		return
	}
	s.theme, s.variant = th, v
	s.BaseWidget.Refresh()
}

// sameTheme compares two themes without panicking on a theme type that
// cannot be compared (one holding a map, say): such a theme counts as new.
func sameTheme(a, b fyne.Theme) bool {
	if a == nil || b == nil {
		return a == b
	}
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	return ta == tb && ta.Comparable() && a == b
}

func (s *tabScreen) CreateRenderer() fyne.WidgetRenderer {
	return &tabScreenRenderer{s: s}
}

type tabScreenRenderer struct{ s *tabScreen }

func (r *tabScreenRenderer) Layout(size fyne.Size) { r.s.content.Resize(size) }
func (r *tabScreenRenderer) MinSize() fyne.Size    { return r.s.content.MinSize() }
func (r *tabScreenRenderer) Refresh()              { r.s.content.Refresh() }
func (r *tabScreenRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.s.content}
}
func (r *tabScreenRenderer) Destroy() {}
