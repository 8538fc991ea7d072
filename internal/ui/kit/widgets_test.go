package kit

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"sepakat/internal/service"
)

func TestFitLabelShortensToItsWidth(t *testing.T) {
	test.NewTempApp(t)
	long := "Percepatan Pelayanan Perizinan Berusaha Terintegrasi Secara Elektronik di Kabupaten Sumedang"
	l := NewFitLabel(long)
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(1200, 80))
	if l.label.Text != long {
		t.Fatalf("wide label shows %q", l.label.Text)
	}
	l.Resize(fyne.NewSize(200, 40))
	shown := l.label.Text
	if !strings.HasSuffix(shown, "…") || !strings.HasPrefix(long, strings.TrimSuffix(shown, "…")) {
		t.Fatalf("narrow label shows %q", shown)
	}
	room := 200 - 2*theme.InnerPadding()
	if got := fyne.MeasureText(shown, theme.TextSize(), l.label.TextStyle).Width; got > room {
		t.Errorf("%q is %.1f wide, room %.1f", shown, got, room)
	}
	if l.Text() != long {
		t.Errorf("Text() = %q, want the whole text", l.Text())
	}
	// Widening shows it whole again; a new text is fitted at once.
	l.Resize(fyne.NewSize(1200, 40))
	if l.label.Text != long {
		t.Errorf("widened label shows %q", l.label.Text)
	}
	l.Resize(fyne.NewSize(120, 40))
	l.SetText("Kesepakatan Bersama, tentang")
	if got := l.label.Text; !strings.HasSuffix(got, "…") {
		t.Errorf("new text shows %q", got)
	}
	if got := l.label.Text; strings.Contains(got, ",…") || strings.Contains(got, " …") {
		t.Errorf("%q keeps punctuation before the ellipsis", got)
	}
}

func TestThemeWritesInLiberationSans(t *testing.T) {
	th := Theme()
	for style, want := range map[fyne.TextStyle]string{
		{}:                         "LiberationSans-Regular.ttf",
		{Bold: true}:               "LiberationSans-Bold.ttf",
		{Italic: true}:             "LiberationSans-Italic.ttf",
		{Bold: true, Italic: true}: "LiberationSans-BoldItalic.ttf",
	} {
		if got := th.Font(style).Name(); got != want {
			t.Errorf("font for %+v: %s, want %s", style, got, want)
		}
	}
	if got := th.Font(fyne.TextStyle{Monospace: true}).Name(); strings.HasPrefix(got, "Liberation") {
		t.Errorf("monospace text in %s", got)
	}
}

func TestMultiLineEntryWrapsWords(t *testing.T) {
	test.NewTempApp(t)
	e := NewMultiLineEntry()
	e.Resize(fyne.NewSize(200, 120))
	e.SetText("Menandatangani Perjanjian Kerja Sama antara Pemerintah Kabupaten Lampung Selatan dan Pemerintah Kabupaten Sumedang")
	if !e.MultiLine || e.Wrapping != fyne.TextWrapWord {
		t.Errorf("multi-line %v, wrapping %v: a long scope is clipped at the field's edge", e.MultiLine, e.Wrapping)
	}
}

// TestFitLabelPaintsABackgroundOnlyWhenHighlighted: the selection's colour
// shows on a highlighted label, and no background at all is painted otherwise.
func TestFitLabelPaintsABackgroundOnlyWhenHighlighted(t *testing.T) {
	test.NewTempApp(t)
	l := NewFitLabel("Pemerintah Kabupaten Cilacap")
	test.NewTempWindow(t, l).Resize(fyne.NewSize(300, 60))
	bg := test.WidgetRenderer(l).Objects()[0].(*canvas.Rectangle)
	if bg.Visible() {
		t.Error("a label not highlighted paints a background")
	}
	l.SetHighlight(true)
	if !bg.Visible() || bg.FillColor != theme.Color(theme.ColorNameSelection) {
		t.Errorf("highlighted: visible %v, colour %v", bg.Visible(), bg.FillColor)
	}
	l.SetHighlight(false)
	if bg.Visible() {
		t.Error("the background stays after the highlight goes")
	}
}

// TestServerDownInWords: a server that does not answer is said in words a
// person can act on, without the driver's detail, wherever it is said; a
// form that kept what was typed says so.
func TestServerDownInWords(t *testing.T) {
	err := fmt.Errorf("%w: failed to connect to `user=postgres database=postgres`: dial error", service.ErrServerUnreachable)
	for _, got := range []string{Message(err), Failure("Pencarian gagal:", err)} {
		if !strings.Contains(got, "Server data kantor tidak dapat dihubungi.") || strings.Contains(got, "dial error") ||
			strings.Contains(got, "Rincian") || strings.Contains(got, "tidak hilang") {
			t.Errorf("%q", got)
		}
	}
	if got := Unsaved(err); !strings.Contains(got, "Yang sudah Anda ketik tidak hilang") {
		t.Errorf("a form's failed save: %q", got)
	}
}
