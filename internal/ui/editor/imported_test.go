package editor

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/sheet"
	"sepakat/internal/ui/kit"
)

// An agreement imported from an old register, signed, is opened and only
// its notes are changed: the save goes through and leaves what the
// signature fixed as the import wrote it (the form's defaults, a term unit
// with no length or an empty list of numbers, are not a change to it).
func TestImportedSignedAgreementTakesNotes(t *testing.T) {
	h := newHarness(t)
	csv := "Nomor Perjanjian,Jenis,Mitra,Tentang,Tanggal Tanda Tangan,Berlaku Sampai\n" +
		"119/PKS.05-Huk/2024,PKS,Pemerintah Kabupaten Garut,Pengembangan Pariwisata Alam,12/03/2024,11/03/2027\n"
	tb, err := sheet.Read("lama.csv", []byte(csv), "")
	if err != nil {
		t.Fatal(err)
	}
	env, err := sheet.NewEnv(h.s, h.s, h.s, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sheet.Apply(context.Background(), h.s, sheet.NewPlan(tb, sheet.Propose(tb), env)); err != nil {
		t.Fatal(err)
	}
	page, err := h.s.List(service.Query{Order: service.ByChanged, Limit: 1})
	if err != nil || len(page.Items) != 1 || page.Items[0].Subject != "Pengembangan Pariwisata Alam" {
		t.Fatalf("imported: %+v %v", page.Items, err)
	}
	before, err := h.s.Agreement(page.Items[0].ID)
	if err != nil || !before.Locked() {
		t.Fatalf("imported agreement %+v locked %v: %v", before.Status, before.Locked(), err)
	}
	e := h.open(before.ID, nil)
	test.Type(e.identity.notes, "Rapat evaluasi dijadwalkan Januari.")
	test.Tap(e.saveBtn)
	after, err := h.s.Agreement(before.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Rev != before.Rev+1 || after.Notes != "Rapat evaluasi dijadwalkan Januari." {
		t.Fatalf("not saved: rev %d→%d, notes %q; the editor says %q", before.Rev, after.Rev, after.Notes, e.general.Text)
	}
	if es := agreement.CheckLocked(&before, &after); len(es) > 0 || !reflect.DeepEqual(before.Term, after.Term) {
		t.Errorf("the save changed what the signature fixed: %v; term %+v → %+v", es, before.Term, after.Term)
	}
}

// A change of notes is all a save of notes records: the originals' checklist
// the Penandatanganan tab shows, nothing ticked, is not written as a change.
func TestNotesAloneAreTheChange(t *testing.T) {
	h := newHarness(t)
	a, err := h.s.Agreement(3) // the signed PKS
	if err != nil || !a.Locked() || len(a.Checklist()) == 0 {
		t.Fatalf("example %d locked %v checklist %d: %v", a.ID, a.Locked(), len(a.Checklist()), err)
	}
	a.Signing.Checklist = nil // as signed before the checklist, or elsewhere
	if err := h.s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	e := h.open(a.ID, nil)
	test.Type(e.identity.notes, "Naskah asli sedang dikirim.")
	test.Tap(e.saveBtn)
	hist, err := h.s.AgreementHistory(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := hist[len(hist)-1]
	if last.Rev != a.Rev+1 || len(last.Changes) != 1 || last.Changes[0].Field != "notes" {
		t.Errorf("the save of notes recorded rev %d: %+v", last.Rev, last.Changes)
	}
}

// An amount is read as staff write rupiah, and a day that does not exist
// is named as such, not as a date that cannot be read.
func TestAmountsAndImpossibleDaysInWords(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	e.tabs.SelectIndex(tabJangka)
	test.Type(e.term.fundingAmount, "Rp 150.000.000,00")
	test.Tap(e.saveBtn)
	if got, _ := h.s.Agreement(e.a.ID); got.Funding.Amount != 150000000 {
		t.Fatalf("amount stored %d: %q", got.Funding.Amount, e.general.Text)
	}
	retype(e.Window(), e.term.fundingAmount, "1.500.000,50")
	retype(e.Window(), e.term.start, "31/02/2026")
	e.tabs.SelectIndex(tabIdentitas)
	test.Tap(e.saveBtn)
	if e.tabs.SelectedIndex() != tabJangka || !strings.Contains(e.problems["funding.amount"].Text, "tanpa sen") ||
		!strings.Contains(e.problems["term.start"].Text, "31/02/2026 tidak ada dalam kalender") {
		t.Errorf("tab %d, amount %q, start %q", e.tabs.SelectedIndex(), e.problems["funding.amount"].Text, e.problems["term.start"].Text)
	}
}

// The unsaved mark after a save is drawn in the warning's colour, not in the
// green of "Tersimpan" it replaces.
func TestUnsavedMarkInItsOwnColour(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	test.Type(e.identity.notes, "a")
	test.Tap(e.saveBtn)
	if !strings.HasPrefix(e.general.Text, "Tersimpan") {
		t.Fatalf("after the save: %q", e.general.Text)
	}
	test.Type(e.identity.notes, "b")
	if !strings.HasSuffix(e.general.Text, "belum disimpan") {
		t.Fatalf("after typing: %q", e.general.Text)
	}
	want := theme.Color(theme.ColorNameWarning)
	for _, o := range test.WidgetRenderer(e.general).Objects() {
		for _, r := range test.WidgetRenderer(o.(fyne.Widget)).Objects() {
			if txt, ok := r.(*canvas.Text); ok && txt.Text != "" && txt.Color != want {
				t.Errorf("%q drawn in %v, want the warning's %v", txt.Text, txt.Color, want)
			}
		}
	}
}

// Cancelling asks for the reason in a box a sentence fits in, and the
// Penandatanganan tab says it afterwards.
func TestCancelAsksAndShowsTheReason(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	e.tabs.SelectIndex(tabSigning)
	test.Tap(e.signing.stepBtns[agreement.StatusDibatalkan])
	var box *kit.Entry
	for _, o := range test.LaidOutObjects(e.Window().Canvas().Overlays().Top()) {
		if en, ok := o.(*kit.Entry); ok {
			box = en
		}
	}
	if box == nil || box.Size().Width < 400 {
		t.Fatalf("reason box %v", box)
	}
	const why = "Pihak mitra menarik diri sebelum penandatanganan karena perubahan prioritas anggaran."
	test.Type(box, why)
	test.Tap(dialogButtons(t, e.Window(), "no question before cancelling")["Batalkan"])
	if got, _ := h.s.Agreement(e.a.ID); got.Status != agreement.StatusDibatalkan || got.CancelReason != why {
		t.Fatalf("stored %s %q: %q", got.Status, got.CancelReason, e.general.Text)
	}
	if r := e.signing.reason; !r.Visible() || !strings.Contains(r.Text, why) {
		t.Errorf("the tab says %q (shown %v)", r.Text, r.Visible())
	}
}
