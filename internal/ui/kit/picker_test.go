package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/ui/kit/kittest"
)

// typeKeys types s into what has the keyboard in c, as the keyboard does.
func typeKeys(c fyne.Canvas, s string) {
	for _, r := range s {
		c.Focused().TypedRune(r)
	}
}

// pressKey sends a key to what has the keyboard in c, as a key press does.
func pressKey(c fyne.Canvas, k fyne.KeyName) {
	c.Focused().TypedKey(&fyne.KeyEvent{Name: k})
}

func TestPickerFiltersAsOneTypesAndPicksByKeyboard(t *testing.T) {
	test.NewTempApp(t)
	names, _ := Governments()
	var changed []string
	p := NewPicker(names, func(s string) { changed = append(changed, s) })
	other := widget.NewEntry()
	w := test.NewTempWindow(t, container.NewVBox(p, other))
	w.Resize(fyne.NewSize(700, 500))
	c := w.Canvas()

	c.Focus(p)
	typeKeys(c, "l")
	if c.Overlays().Top() != p.popup || !p.PopUpShown() || len(p.Matches()) < 10 {
		t.Fatalf("after the first letter: top overlay %v, %d matches", c.Overlays().Top(), len(p.Matches()))
	}
	typeKeys(c, "amsel")
	if p.Text != "lamsel" {
		t.Fatalf("typed text reads %q", p.Text)
	}
	if c.Overlays().Top() != p.popup || c.Focused() != p.keys {
		t.Fatalf("the drop-down is not the top overlay (%v), or has not the keys (%T)", c.Overlays().List(), c.Focused())
	}
	if !p.PopUpShown() || len(p.Matches()) != 1 || p.Highlighted() != "Pemerintah Kabupaten Lampung Selatan" {
		t.Fatalf("after lamsel: open %v, matches %q, highlighted %q", p.PopUpShown(), p.Matches(), p.Highlighted())
	}
	if p.SelectedIndex() != -1 || len(changed) != 0 {
		t.Fatalf("typing chose %d (%q) before Enter", p.SelectedIndex(), changed)
	}
	pressKey(c, fyne.KeyReturn)
	if p.Selected() != "Pemerintah Kabupaten Lampung Selatan" || p.Text != p.Selected() || p.PopUpShown() || c.Overlays().Top() != nil {
		t.Fatalf("after Enter: chosen %q, text %q, open %v", p.Selected(), p.Text, p.PopUpShown())
	}
	if len(changed) != 1 || changed[0] != p.Selected() {
		t.Fatalf("OnChanged ran with %q", changed)
	}
	if c.Focused() != p {
		t.Fatalf("after Enter the keyboard is with %T, not the field", c.Focused())
	}

	// Backspace over the whole text, type again, move down, pick.
	for range len([]rune(p.Text)) {
		pressKey(c, fyne.KeyBackspace)
	}
	typeKeys(c, "kota band")
	if got := p.Matches(); len(got) != 3 || got[2] != "Pemerintah Kota Bandung" {
		t.Fatalf("kota band: %q", got)
	}
	pressKey(c, fyne.KeyDown)
	pressKey(c, fyne.KeyDown)
	pressKey(c, fyne.KeyDown) // stops at the last
	pressKey(c, fyne.KeyUp)
	pressKey(c, fyne.KeyDown)
	if p.Highlighted() != "Pemerintah Kota Bandung" {
		t.Fatalf("highlighted %q", p.Highlighted())
	}
	pressKey(c, fyne.KeyEnter)
	if p.Selected() != "Pemerintah Kota Bandung" {
		t.Fatalf("chosen %q", p.Selected())
	}

	// Escape closes without choosing; leaving the field shows the choice again.
	for range len("Kota Bandung") {
		pressKey(c, fyne.KeyBackspace)
	}
	typeKeys(c, "sumed")
	if !p.PopUpShown() {
		t.Fatal("no drop-down after typing")
	}
	pressKey(c, fyne.KeyEscape)
	if p.PopUpShown() || p.Selected() != "Pemerintah Kota Bandung" {
		t.Fatalf("after Escape: open %v, chosen %q", p.PopUpShown(), p.Selected())
	}
	c.Focus(other)
	if p.Text != "Pemerintah Kota Bandung" {
		t.Fatalf("left with an unpicked text, the field reads %q", p.Text)
	}

	// Coming back to the field, typing replaces the choice; the exact text of
	// an option, typed whole, chooses it on leaving.
	c.Focus(p)
	typeKeys(c, "pemerintah kabupaten sumedang")
	if p.Text != "pemerintah kabupaten sumedang" {
		t.Fatalf("typed over the choice, the field reads %q", p.Text)
	}
	pressKey(c, fyne.KeyEscape)
	c.Focus(other)
	if p.Selected() != "Pemerintah Kabupaten Sumedang" {
		t.Fatalf("typed whole, chosen %q", p.Selected())
	}
}

func TestPickerRowTapAndOptions(t *testing.T) {
	test.NewTempApp(t)
	p := NewPicker([]string{"Dr. Andi Sé, M.Si. — Bupati", "Budi Santoso — Sekretaris Daerah"}, nil)
	w := test.NewTempWindow(t, container.NewVBox(p))
	w.Resize(fyne.NewSize(600, 400))
	c := w.Canvas()
	c.Focus(p)
	typeKeys(c, "se")
	if got := p.Matches(); len(got) != 2 {
		t.Fatalf("se: %q (Sé and Sekretaris)", got)
	}
	typeKeys(c, "k")
	if got := p.Matches(); len(got) != 1 || got[0] != "Budi Santoso — Sekretaris Daerah" {
		t.Fatalf("sek: %q", got)
	}
	p.list.Select(0) // a tap on the row selects it in the list
	if p.SelectedIndex() != 1 || p.PopUpShown() {
		t.Fatalf("tapped row: chosen %d, open %v", p.SelectedIndex(), p.PopUpShown())
	}
	// New options keep the choice by its text, and clear it when it is gone.
	p.SetOptions([]string{"Ani — Kepala Dinas", "Budi Santoso — Sekretaris Daerah"})
	if p.SelectedIndex() != 1 {
		t.Fatalf("after new options: chosen %d", p.SelectedIndex())
	}
	p.SetOptions([]string{"Ani — Kepala Dinas"})
	if p.SelectedIndex() != -1 || p.Text != "" {
		t.Fatalf("option gone: chosen %d, text %q", p.SelectedIndex(), p.Text)
	}
	// Disabled, neither the field nor its button opens anything.
	p.Disable()
	if !p.dropDown.Disabled() {
		t.Error("the drop-down button stays usable")
	}
	test.Tap(p.dropDown)
	if p.PopUpShown() {
		t.Error("a disabled picker opened its drop-down")
	}
	p.Enable()
	// The drop-down button opens the whole list.
	test.Tap(p.dropDown)
	if !p.PopUpShown() || len(p.Matches()) != 1 {
		t.Fatalf("drop-down: open %v, %q", p.PopUpShown(), p.Matches())
	}
}

// rowPos is the middle of row i of p's drop-down, on the canvas.
func rowPos(p *Picker, i int) fyne.Position {
	rowH := NewFitLabel("Ag").MinSize().Height + theme.Padding()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(p).Add(fyne.NewPos(0, p.Size().Height))
	return at.Add(fyne.NewPos(p.Size().Width/2, theme.Padding()+rowH*float32(i)+rowH/2))
}

// A click on a suggestion picks it and closes the list; the keys stay in the
// field and what is typed next goes there as an edit of the choice, not into
// a list still open. A click elsewhere with the list open closes it and the
// field lets the keys go (QA 10: "tegalIr.").
func TestPickerMouse(t *testing.T) {
	test.NewTempApp(t)
	var changed []string
	p := NewPicker([]string{"Pemerintah Kota Tegal", "Pemerintah Kabupaten Tegal", "Pemerintah Kabupaten Banyumas"},
		func(s string) { changed = append(changed, s) })
	front := NewEntry()
	w := test.NewTempWindow(t, container.NewVBox(p, front, widget.NewLabel("\n\n\n\n\n\n\n\n")))
	w.Resize(fyne.NewSize(600, 500))
	c := w.Canvas()

	if got := kittest.ClickObject(p); got != p || c.Focused() != p {
		t.Fatalf("a click on the field reached %T; focus on %T", got, c.Focused())
	}
	typeKeys(c, "tegal")
	if !p.PopUpShown() || len(p.Matches()) != 2 {
		t.Fatalf("tegal: open %v, %q", p.PopUpShown(), p.Matches())
	}
	second := p.Matches()[1]
	kittest.Click(c, rowPos(p, 1))
	if p.Selected() != second || p.Text != second || p.PopUpShown() || c.Overlays().Top() != nil {
		t.Fatalf("after a click on %q: chosen %q, text %q, open %v", second, p.Selected(), p.Text, p.PopUpShown())
	}
	if len(changed) != 1 || changed[0] != second {
		t.Fatalf("OnChanged ran with %q", changed)
	}
	if c.Focused() != p {
		t.Fatalf("after the click the keys go to %T, not the field", c.Focused())
	}
	// The next click, on the next field, moves there; typing lands there.
	kittest.ClickObject(front)
	typeKeys(c, "Ir.")
	if front.Text != "Ir." || p.Text != second || p.Selected() != second {
		t.Fatalf("typed after moving: next field %q, picker %q (chosen %q)", front.Text, p.Text, p.Selected())
	}

	// With the list open, a click elsewhere closes it; the picker shows its
	// choice again and no longer takes the keys.
	c.Focus(p) // as Tab does: the whole text selected, typing replaces it
	typeKeys(c, "banyu")
	if !p.PopUpShown() {
		t.Fatal("no list after typing")
	}
	kittest.Click(c, fyne.NewPos(300, 480)) // below the list
	if p.PopUpShown() || c.Overlays().Top() != nil {
		t.Fatal("a click outside left the list open")
	}
	if p.Text != second || p.Selected() != second {
		t.Fatalf("after a click outside the picker reads %q (chosen %q)", p.Text, p.Selected())
	}
	if c.Focused() == p {
		t.Fatal("after a click outside the picker still takes the keys")
	}
	front.SetText("")
	if f := c.Focused(); f != nil {
		f.TypedRune('x')
	}
	if p.Text != second {
		t.Fatalf("a key after the click outside went into the picker: %q", p.Text)
	}

	// fyne's own tap on a suggestion picks it too.
	c.Focus(p)
	typeKeys(c, "kota")
	test.TapCanvas(c, rowPos(p, 0))
	if p.Selected() != "Pemerintah Kota Tegal" || p.Text != p.Selected() || p.PopUpShown() {
		t.Fatalf("test.Tap on a suggestion: chosen %q, text %q, open %v", p.Selected(), p.Text, p.PopUpShown())
	}
}

// A click into a picker holding a choice selects its text, so that typing
// replaces it and filters, as after Tab; a second click places the cursor.
func TestPickerClickIntoAChoiceSelectsIt(t *testing.T) {
	test.NewTempApp(t)
	p := NewPicker([]string{"Pemerintah Kota Tegal", "Pemerintah Kabupaten Banyumas"}, nil)
	other := NewEntry()
	w := test.NewTempWindow(t, container.NewVBox(p, other, widget.NewLabel("\n\n\n\n\n\n")))
	w.Resize(fyne.NewSize(600, 400))
	c := w.Canvas()
	p.SetSelected("Pemerintah Kota Tegal")
	kittest.ClickObject(other)
	kittest.ClickObject(p)
	typeKeys(c, "banyu")
	if p.Text != "banyu" || len(p.Matches()) != 1 || p.Matches()[0] != "Pemerintah Kabupaten Banyumas" {
		t.Fatalf("typed after a click into the choice: field %q, matches %q", p.Text, p.Matches())
	}
	kittest.Click(c, rowPos(p, 0))
	if p.Selected() != "Pemerintah Kabupaten Banyumas" {
		t.Fatalf("chosen %q", p.Selected())
	}
	// Already in the field, a click only moves the cursor.
	kittest.ClickObject(p)
	if p.SelectedText() != "" {
		t.Fatalf("a click inside the field selected %q", p.SelectedText())
	}
}
