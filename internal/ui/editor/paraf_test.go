package editor

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
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
	if strings.Contains(e.paraf.note.Text, "Dinas Perhubungan") {
		t.Errorf("the note names a ninth pelaksana, which does not print: %q", e.paraf.note.Text)
	}
	// A pelaksana is picked by a word of its name and Enter, once.
	for range 2 {
		e.win.Canvas().Focus(e.paraf.pick)
		typeKeys(e.win, "kesehatan")
		if got := e.paraf.pick.Matches(); len(got) != 1 || got[0] != "Dinas Kesehatan" {
			t.Fatalf("kesehatan offers %q", got)
		}
		press(e.win, fyne.KeyReturn)
	}
	if units.Text != "Dinas Kesehatan" || e.paraf.pick.Text != "" || !e.Dirty() {
		t.Fatalf("picked: units %q, field %q, dirty %v", units.Text, e.paraf.pick.Text, e.Dirty())
	}
	retype(e.win, units, "Bagian Hukum\n bagian hukum ")
	if strings.Contains(e.paraf.note.Text, "Badan Perencanaan") {
		t.Errorf("the default still shows with units named: %q", e.paraf.note.Text)
	}
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
	if !signed.paraf.units.Disabled() || !signed.paraf.pick.Disabled() {
		t.Error("the paraf units of a signed agreement can be edited")
	}
}

// The preview shows the paraf the office prints, after the signatures, with
// the units named for the agreement.
func TestThePreviewShowsTheParaf(t *testing.T) {
	h := newHarness(t)
	o := agreement.Official{PartyID: 1, Name: "Hendra Gunawan", BackTitle: "S.H., M.H.", Jabatan: "Kepala Bagian Hukum", Role: agreement.RoleLain}
	if err := h.s.SaveOfficial(&o); err != nil {
		t.Fatal(err)
	}
	own, _ := h.s.Party(1)
	pg := agreement.DefaultPageProfile()
	pg.ParafHierarki, pg.ParafKoordinasi = []agreement.ID{o.ID}, true
	own.Page = &pg
	if err := h.s.SaveParty(&own); err != nil {
		t.Fatal(err)
	}
	e := h.draft(nil)
	e.tabs.SelectIndex(tabParties)
	if strings.Contains(e.paraf.note.Text, "Pengaturan") {
		t.Errorf("the note says the office prints no paraf koordinasi: %q", e.paraf.note.Text)
	}
	retype(e.win, e.paraf.units, "Bagian Hukum Sekretariat Daerah")
	e.tabs.SelectIndex(tabBody)
	h.l.until("the preview", func() bool { return strings.Contains(previewText(e), "Paraf Koordinasi") })
	text := previewText(e)
	want := "Paraf Hierarki:\n1. Kepala Bagian Hukum (Hendra Gunawan, S.H., M.H.) ……\nParaf Koordinasi:\n1. Bagian Hukum Sekretariat Daerah ……"
	i := strings.Index(text, want)
	if i < 0 {
		t.Fatalf("the preview lacks the paraf:\n%s", text)
	}
	if j := strings.LastIndex(text, "PIHAK KEDUA,"); j < 0 || j > i {
		t.Errorf("the paraf is not after the signatures:\n%s", text)
	}
}
