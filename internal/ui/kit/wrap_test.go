package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
)

// typed types text into a wrapping entry w wide, as keys arrive.
func typed(t *testing.T, e *Entry, width float32, text string) {
	t.Helper()
	win := test.NewTempWindow(t, e)
	win.Resize(fyne.NewSize(width, 300))
	e.Resize(fyne.NewSize(width, 300))
	win.Canvas().Focus(e)
	test.Type(e, text)
}

// A space typed where a wrapped line breaks stays where it was typed, at
// every width (Fyne 2.7 moved it after the next word: "12 Juni2023 ").
func TestTypedTextKeepsItsSpacesAtLineBreaks(t *testing.T) {
	test.NewTempApp(t)
	text := "Adendum ini mulai berlaku sejak tanggal 12 Juni 2023 dan seterusnya sampai dengan tanggal 11 Juni 2026."
	for w := float32(80); w < 420; w += 7 {
		e := NewMultiLineEntry()
		typed(t, e, w, text)
		if e.Text != text {
			t.Fatalf("%.0f wide: typed %q\ngot %q", w, text, e.Text)
		}
	}
	// Erasing right after such a space erases the space.
	for w := float32(80); w < 420; w += 7 {
		e := NewMultiLineEntry()
		typed(t, e, w, "tanggal 12 Juni ")
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		test.Type(e, "2023")
		if e.Text != "tanggal 12 Juni2023" {
			t.Fatalf("%.0f wide: backspace after a space: %q", w, e.Text)
		}
	}
}

// A long one-line value wraps over rows instead of scrolling sideways, keeps
// the field's width, and takes no line break from Enter.
func TestWrappedEntryHoldsOneLongLine(t *testing.T) {
	test.NewTempApp(t)
	e := NewWrappedEntry()
	jabatan := "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Lampung Selatan"
	typed(t, e, 260, jabatan)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.Text != jabatan {
		t.Fatalf("text %q", e.Text)
	}
	if e.CursorRow == 0 {
		t.Error("the long jabatan did not wrap onto a second row")
	}
	if w := e.MinSize().Width; w > 260 {
		t.Errorf("the field asks for %.0f wide: it would scroll sideways", w)
	}
}

// "Lingkup kuasa" in the in-place surat kuasa form wraps as it is typed.
func TestMandateScopeWraps(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, fyne.NewContainer())
	win.Resize(fyne.NewSize(1000, 700))
	officials := []agreement.Official{{ID: 1, PartyID: 1, Name: "Dony Ahmad Munir", Jabatan: "Bupati Sumedang", Role: agreement.RoleKepalaDaerah}}
	f := ShowMandateForm(win, nil, agreement.Party{ID: 1, Name: "Pemerintah Kabupaten Sumedang"}, officials, 0, func(agreement.Mandate) {})
	scope := "menandatangani Perjanjian Kerja Sama antara Pemerintah Kabupaten Sumedang dan Pemerintah Kabupaten Lampung Selatan tentang Peningkatan Kualitas Pelayanan Perizinan Berusaha"
	win.Canvas().Focus(f.Scope)
	test.Type(f.Scope, scope)
	if f.Scope.Text != scope || f.Scope.CursorRow < 1 {
		t.Errorf("scope %q on row %d", f.Scope.Text, f.Scope.CursorRow)
	}
	if w := f.Scope.Size().Width; w > 700 {
		t.Errorf("the scope field is %.0f wide", w)
	}
}
