package kit

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
)

// FormDate writes a date as the forms show it: 03/07/2025.
func FormDate(d agreement.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// errBadDate is a date the forms cannot read; the forms say so in words.
var errBadDate = errors.New("bad date")

// ErrNoSuchDay is a date written as the forms read it that does not exist
// (31/02/2026, 29/02/2027).
var ErrNoSuchDay = errors.New("no such day")

// ParseFormDate reads 3/7/2025, 03-07-2025 or 2025-07-03; blank is no date.
func ParseFormDate(s string) (agreement.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return agreement.Date{}, nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 {
		return agreement.Date{}, errBadDate
	}
	n := make([]int, 3)
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return agreement.Date{}, errBadDate
		}
		n[i] = v
	}
	d := agreement.NewDate(n[2], time.Month(n[1]), n[0])
	if len(parts[0]) == 4 {
		d = agreement.NewDate(n[0], time.Month(n[1]), n[2])
	}
	if !d.Valid() {
		return agreement.Date{}, ErrNoSuchDay
	}
	return d, nil
}

// ShortDate writes a date as lists show it ("3 Jul 2025"), or "–" for none.
func ShortDate(d agreement.Date) string {
	if d.IsZero() {
		return "–"
	}
	return bahasa.ShortDate(d.Time())
}

// OfficialLabel names an official with their office: "Dr. H. Dadang — Bupati Sumedang".
func OfficialLabel(o agreement.Official) string {
	return fmt.Sprintf("%s — %s%s", o.FullName(), o.Status.Prefix(), o.Jabatan)
}

// FileURL is a local path as a file:// URL, on Windows as well ("/C:/…").
func FileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}

// AskToSave asks over win what to do with unsaved changes (what says which):
// save, discard, or go back (Batal).
func AskToSave(win fyne.Window, what fyne.CanvasObject, saveLabel string, save func(), discardLabel string, discard func()) {
	var d dialog.Dialog
	saveBtn := widget.NewButtonWithIcon(saveLabel, theme.DocumentSaveIcon(), func() {
		d.Hide()
		save()
	})
	saveBtn.Importance = widget.HighImportance
	discardBtn := widget.NewButton(discardLabel, func() {
		d.Hide()
		discard()
	})
	cancel := widget.NewButton(lang.L("Batal"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Simpan perubahan?"), container.NewVBox(what, container.NewHBox(cancel, discardBtn, saveBtn)), win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// MediaTypes are the files the data file keeps, by extension.
var MediaTypes = map[string]string{".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
