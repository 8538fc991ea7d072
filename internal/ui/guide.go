package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/i18n"
	"sepakat/internal/ui/kit"
	"sepakat/resources"
)

// guideText is the built-in guide (resources/panduan) in l.
func guideText(l i18n.Lang) string {
	data, err := resources.FS.ReadFile("panduan/" + string(l) + ".md")
	if err != nil {
		data, _ = resources.FS.ReadFile("panduan/id.md")
	}
	return string(data)
}

// onGuide shows the guide in the screens' language in a window of its own,
// or brings that window forward.
func (u *App) onGuide() {
	if u.guide != nil {
		u.guide.RequestFocus()
		return
	}
	text := widget.NewRichTextFromMarkdown(guideText(kit.Lang()))
	text.Wrapping = fyne.TextWrapWord
	w := u.app.NewWindow(lang.L("Panduan Sepakat"))
	closeBtn := widget.NewButton(lang.L("Tutup"), w.Close)
	w.SetContent(container.NewBorder(nil, container.NewPadded(container.NewBorder(nil, nil, nil, closeBtn)), nil, nil,
		container.NewVScroll(container.NewPadded(text))))
	w.Canvas().AddShortcut(ctrl(fyne.KeyW), func(fyne.Shortcut) { w.Close() })
	w.Resize(fyne.NewSize(760, 600))
	w.SetOnClosed(func() { u.guide, u.guideText = nil, nil })
	u.guide, u.guideText = w, text
	w.Show()
}
