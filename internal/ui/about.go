package ui

import (
	"embed"
	"path"
	"regexp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/version"
	"sepakat/resources"
)

// licenseFiles are the licences of the Go modules linked into the desktop
// program and of Go itself, one file each: the module and version on the
// first line, then its licence as shipped.
//
//go:embed licenses/*.txt
var licenseFiles embed.FS

// licence is a part of Sepakat that comes with its own terms.
type licence struct {
	Name, Terms, Text string
}

// licences lists the data and fonts Sepakat ships, then the Go modules.
func licences() []licence {
	read := func(names ...string) string {
		var parts []string
		for _, n := range names {
			data, err := resources.FS.ReadFile(n)
			if err != nil {
				continue
			}
			parts = append(parts, string(data))
		}
		return strings.Join(parts, "\n\n────────\n\n")
	}
	out := []licence{
		{lang.L("Huruf Liberation Sans dan Liberation Serif"), "SIL Open Font License 1.1", read("fonts/LICENSE-Liberation.txt")},
		{lang.L("Daftar kata dasar bahasa Indonesia (hunspell-id)"), "GNU LGPL 3", read("search/README-kata-dasar.md", "search/LICENSE-kata-dasar-LGPL-3.txt", "search/LICENSE-kata-dasar-GPL-3.txt")},
		{lang.L("Daftar wilayah Kemendagri (idn-area-data)"), "Open Database License 1.0", read("wilayah/README.md", "wilayah/LICENSE.md")},
	}
	entries, _ := licenseFiles.ReadDir("licenses")
	var mods []licence
	for _, e := range entries {
		data, err := licenseFiles.ReadFile(path.Join("licenses", e.Name()))
		if err != nil {
			continue
		}
		name, text, _ := strings.Cut(string(data), "\n")
		mods = append(mods, licence{Name: name, Terms: licenceTerms(text), Text: strings.TrimSpace(text)})
	}
	slices.SortFunc(mods, func(a, b licence) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) })
	return append(out, mods...)
}

// mitWord is "MIT" as a word (not in "LIMITED").
var mitWord = regexp.MustCompile(`\bMIT\b`)

// licenceTerms names the common licence text is.
func licenceTerms(text string) string {
	switch {
	case strings.Contains(text, "Apache License"):
		return "Apache 2.0"
	case strings.Contains(text, "UNLICENSE") && mitWord.MatchString(text):
		return "Unlicense / MIT"
	case strings.Contains(text, "UNLICENSE"):
		return "Unlicense / BSD 3-Clause"
	case strings.Contains(text, "Permission is hereby granted, free of charge"):
		return "MIT"
	case strings.Contains(text, "Permission to use, copy, modify, and/or distribute"):
		return "ISC"
	case strings.Contains(text, "Redistribution and use") && strings.Contains(text, "Neither the name"):
		return "BSD 3-Clause"
	case strings.Contains(text, "Redistribution and use"):
		return "BSD 2-Clause"
	}
	return ""
}

// onAbout shows Sepakat's version, build, data file and every licence it
// ships under, the chosen licence's text in a scrolling pane.
func (u *App) onAbout() {
	ls := licences()
	head := widget.NewRichTextFromMarkdown("## Sepakat\n\n" + lang.L("Penyusunan, register dan pencetakan perjanjian kerja sama daerah."))
	build := version.Build
	if build == "" {
		build = "–"
	}
	dataFile := widget.NewLabel(u.registerName(true))
	dataLabel := lang.L("Berkas data")
	if u.Server != "" || u.copyOpen != "" {
		dataLabel = lang.L("Data")
	}
	dataFile.Wrapping = fyne.TextWrapBreak
	facts := widget.NewForm(
		widget.NewFormItem(lang.L("Versi"), widget.NewLabel(version.Version)),
		widget.NewFormItem(lang.L("Build"), widget.NewLabel(build)),
		widget.NewFormItem(dataLabel, dataFile),
	)
	text := widget.NewLabel(ls[0].Text)
	text.Wrapping = fyne.TextWrapWord
	textScroll := container.NewVScroll(text)
	list := widget.NewList(func() int { return len(ls) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(ls[i].Name + " — " + ls[i].Terms)
			o.(*widget.Label).Truncation = fyne.TextTruncateEllipsis
		})
	list.OnSelected = func(i widget.ListItemID) {
		text.SetText(ls[i].Text)
		textScroll.ScrollToTop()
	}
	split := container.NewHSplit(list, textScroll)
	split.Offset = 0.42
	body := container.NewBorder(container.NewVBox(head, facts, widget.NewLabel(lang.L("Sepakat memuat karya berikut, masing-masing dengan lisensinya:"))), nil, nil, nil, split)
	d := dialog.NewCustom(lang.L("Tentang Sepakat"), lang.L("Tutup"), body, u.win)
	d.Resize(fyne.NewSize(min(900, u.win.Canvas().Size().Width-40), min(620, u.win.Canvas().Size().Height-40)))
	u.about = &aboutDialog{dialog: d, list: list, text: text, licences: ls}
	d.Show()
	list.Select(0)
}

// aboutDialog is Tentang's latest dialog, kept for tests.
type aboutDialog struct {
	dialog   dialog.Dialog
	list     *widget.List
	text     *widget.Label
	licences []licence
}
