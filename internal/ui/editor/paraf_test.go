package editor

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestTheParafKoordinasiIsNamedUnderTheParties(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	e.tabs.SelectIndex(tabParties)
	units := e.paraf.units
	if units.Disabled() || units.Text != "" || !strings.Contains(e.paraf.note.Text, "Badan Perencanaan Pembangunan Daerah") ||
		!strings.Contains(e.paraf.note.Text, "Pengaturan") {
		t.Fatalf("a new PKS: units %q (disabled %v), note %q", units.Text, units.Disabled(), e.paraf.note.Text)
	}
	retype(e.win, units, "Bagian Hukum\n bagian hukum ")
	test.Tap(e.saveBtn)
	problem := e.problems["paraf_units"]
	if !problem.Visible() || !strings.Contains(problem.Text, "dua kali") || e.tabs.SelectedIndex() != tabParties {
		t.Fatalf("the same unit twice: %q (shown %v, tab %d)", problem.Text, problem.Visible(), e.tabs.SelectedIndex())
	}
	retype(e.win, units, "Bagian Hukum\n\nDinas Kesehatan\n")
	test.Tap(e.saveBtn)
	if problem.Visible() {
		t.Fatalf("refused: %q", problem.Text)
	}
	a, err := h.s.Agreement(e.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.ParafUnits, []string{"Bagian Hukum", "Dinas Kesehatan"}) {
		t.Fatalf("stored %q", a.ParafUnits)
	}
	// A signed agreement's paraf is what was signed.
	signed := h.open(2, nil)
	signed.tabs.SelectIndex(tabParties)
	if !signed.paraf.units.Disabled() {
		t.Error("the paraf units of a signed agreement can be edited")
	}
}
