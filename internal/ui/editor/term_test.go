package editor

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
)

// A term over the office's maximum warns at the length until a sectoral
// basis is stated; the office's procedure sets the maximum.
func TestATermOverTheMaximumWarnsAtTheField(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	e.tabs.SelectIndex(tabJangka)
	term := e.term
	if term.overMax.Visible() {
		t.Fatalf("a one-year PKS warns: %q", term.overMax.Text)
	}
	retype(e.win, term.length, "10")
	want := (agreement.FieldError{Code: "term_over_max", Args: []any{5}}).Message(i18n.ID)
	if !term.overMax.Visible() || term.overMax.Text != want {
		t.Fatalf("ten years: warning %q (shown %v), want %q", term.overMax.Text, term.overMax.Visible(), want)
	}
	choose(t, e.win, term.unit, "bulan")
	if term.overMax.Visible() {
		t.Error("ten months warns")
	}
	choose(t, e.win, term.unit, "tahun")
	retype(e.win, term.sectoral, "PP 27/2014 tentang Pengelolaan BMN/BMD, Pasal 37")
	if term.overMax.Visible() {
		t.Error("still warns with a sectoral basis")
	}
	test.Tap(e.saveBtn)
	a, _ := h.s.Agreement(e.a.ID)
	if a.Term.Length != 10 || a.Term.SectoralBasis != "PP 27/2014 tentang Pengelolaan BMN/BMD, Pasal 37" {
		t.Fatalf("stored term %+v", a.Term)
	}
	// An office that allows fifteen years does not warn at ten without a basis.
	own, _ := h.s.Party(1)
	own.Procedure = &agreement.Procedure{MaxTermYears: 15}
	if err := h.s.SaveParty(&own); err != nil {
		t.Fatal(err)
	}
	e2 := h.open(e.a.ID, nil)
	e2.tabs.SelectIndex(tabJangka)
	retype(e2.win, e2.term.sectoral, "")
	if e2.term.overMax.Visible() {
		t.Errorf("warns under an office maximum of 15 years: %q", e2.term.overMax.Text)
	}
	retype(e2.win, e2.term.length, "16")
	if !e2.term.overMax.Visible() || !strings.Contains(e2.term.overMax.Text, "15 tahun") {
		t.Errorf("sixteen years: %q", e2.term.overMax.Text)
	}
}

// A signed agreement's dates cannot be edited to extend it: the fields do not
// take typing, a save keeps the signed term, the register refuses a changed
// end, and the tab points to a Perpanjangan, which tapping starts.
func TestASignedTermIsExtendedOnlyByANewAgreement(t *testing.T) {
	h := newHarness(t)
	e := h.open(2, nil)
	before := e.a.Term
	e.tabs.SelectIndex(tabJangka)
	term := e.term
	for _, en := range []interface{ Disabled() bool }{term.length, term.start, term.unit, term.extendable, term.sectoral} {
		if !en.Disabled() {
			t.Errorf("%T of a signed term can be edited", en)
		}
	}
	test.Type(term.length, "9")
	test.Type(term.start, "01/01/2020")
	test.Tap(term.extendable)
	if term.length.Text != "5" {
		t.Errorf("typed into a signed term: %q", term.length.Text)
	}
	test.Tap(e.saveBtn)
	if a, _ := h.s.Agreement(2); a.Term != before {
		t.Fatalf("saving changed the signed term: %+v, was %+v", a.Term, before)
	}
	a, _ := h.s.Agreement(2)
	a.Term.Length = 10
	a.Term.End = a.Term.EndFor(a.Term.Start)
	var es agreement.Errors
	if err := h.s.SaveAgreement(&a); !errors.As(err, &es) || !slices.Contains(codesOf(es, "term"), "locked") {
		t.Fatalf("the register took a longer signed term: %v", err)
	}
	if !term.signedNote.Visible() || !term.extend.Visible() || !term.amend.Visible() ||
		!strings.Contains(term.signed.Text, "Perpanjangan") || !strings.Contains(term.signed.Text, "Adendum") {
		t.Fatalf("no pointer to a Perpanjangan: %q (shown %v)", term.signed.Text, term.signedNote.Visible())
	}
	test.Tap(term.extend)
	if e.changes == nil || e.changes.kind != agreement.KindPerpanjangan || e.win.Canvas().Overlays().Top() == nil {
		t.Fatal("tapping Perpanjang asked nothing")
	}
	// A draft has no such note.
	d := h.draft(nil)
	d.tabs.SelectIndex(tabJangka)
	if d.term.signedNote.Visible() || d.term.length.Disabled() {
		t.Error("a draft's term is shown as signed")
	}
}

func codesOf(es agreement.Errors, field string) []string {
	var out []string
	for _, e := range es.For(field) {
		out = append(out, e.Code)
	}
	return out
}
