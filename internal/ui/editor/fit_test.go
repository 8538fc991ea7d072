package editor

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
)

// A category or a partner that does not fit the document is said at the
// field as it is chosen, and the save is refused until it is put right.
func TestADocumentThatDoesNotFitItsPartnerIsAnErrorAtTheField(t *testing.T) {
	h := newHarness(t)
	ministry := agreement.Party{Kind: agreement.PartyKementerian, Name: "Kementerian Dalam Negeri", ShortName: "Kemendagri", Seat: "Jakarta"}
	if err := h.s.SaveParty(&ministry); err != nil {
		t.Fatal(err)
	}
	e := h.draft(nil) // a PKS with Lampung Selatan under the signed KSB
	id := e.identity
	kindProblem, catProblem := e.problems["kind"], e.problems["category"]
	if kindProblem.Visible() || catProblem.Visible() {
		t.Fatalf("a fitting PKS shows problems: %q %q", kindProblem.Text, catProblem.Text)
	}
	if id.selectedCategory() != agreement.CatKSDD || id.voluntary.Hidden {
		t.Fatalf("the PKS's category: %q, sifat hidden %v", id.selectedCategory(), id.voluntary.Hidden)
	}

	// A category for third parties, with a region as partner.
	choose(t, e.win, id.category, "KSDPK – dengan pihak ketiga")
	want := (agreement.FieldError{Code: "category_partner", Args: []any{"KSDPK", "pihak ketiga"}}).Message(i18n.ID)
	if !catProblem.Visible() || catProblem.Text != want {
		t.Fatalf("at Kategori: %q (shown %v), want %q", catProblem.Text, catProblem.Visible(), want)
	}
	if !id.voluntary.Hidden {
		t.Error("wajib/sukarela shows for KSDPK")
	}
	rev := e.a.Rev
	test.Tap(e.saveBtn)
	if got, _ := h.s.Agreement(e.a.ID); got.Rev != rev || got.Category != agreement.CatKSDD {
		t.Fatalf("a misfit was saved: rev %d category %q", got.Rev, got.Category)
	}
	if !catProblem.Visible() || e.tabs.SelectedIndex() != tabIdentitas {
		t.Fatalf("after the refused save: %q, tab %d", catProblem.Text, e.tabs.SelectedIndex())
	}
	choose(t, e.win, id.category, "KSDD – dengan daerah lain")
	if catProblem.Visible() {
		t.Fatalf("KSDD with a region: %q", catProblem.Text)
	}
	tapRow(t, id.voluntary, "Wajib")
	test.Tap(e.saveBtn)
	got, _ := h.s.Agreement(e.a.ID)
	if got.Rev != rev+1 || got.Category != agreement.CatKSDD || got.Voluntary {
		t.Fatalf("stored: rev %d category %q voluntary %v", got.Rev, got.Category, got.Voluntary)
	}

	// A ministry among the partners of a PKS: a Nota Kesepakatan is needed.
	e.tabs.SelectIndex(tabParties)
	test.Type(e.parties.pick, "Kementerian Dalam Negeri")
	test.Tap(e.parties.addParty)
	want = (agreement.FieldError{Code: "ministry_needs_nk", Args: []any{"Perjanjian Kerja Sama"}}).Message(i18n.ID)
	if !kindProblem.Visible() || kindProblem.Text != want {
		t.Fatalf("at Jenis: %q (shown %v), want %q", kindProblem.Text, kindProblem.Visible(), want)
	}
	test.Tap(e.saveBtn)
	if got, _ := h.s.Agreement(e.a.ID); got.Rev != rev+1 || len(got.Parties) != 2 {
		t.Fatalf("a PKS with a ministry was saved: rev %d, %d parties", got.Rev, len(got.Parties))
	}
	if e.tabs.SelectedIndex() != tabIdentitas || !kindProblem.Visible() {
		t.Fatalf("after the refused save: tab %d, %q", e.tabs.SelectedIndex(), kindProblem.Text)
	}
	// Taking the ministry out again clears the problem; the save goes through.
	e.tabs.SelectIndex(tabParties)
	test.Tap(e.parties.removes[len(e.parties.removes)-1])
	if kindProblem.Visible() {
		t.Fatalf("without the ministry: %q", kindProblem.Text)
	}
}
