package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/service/servicetest"
)

// ownAndPartner are the indexes of our own party and the first partner.
func ownAndPartner(t *testing.T, a agreement.Agreement) (own, partner int) {
	t.Helper()
	own, partner = -1, -1
	for i, p := range a.Parties {
		switch {
		case p.Own && own < 0:
			own = i
		case !p.Own && partner < 0:
			partner = i
		}
	}
	if own < 0 || partner < 0 {
		t.Fatalf("parties %+v", a.Parties)
	}
	return own, partner
}

// A number typed at signing is the party's number in Identitas, and back;
// saved, it is in the register's columns and the printed NOMOR lines, and
// the rangkap typed at signing is the one the closing prints.
func TestSigningNumbersAreThePartiesNumbers(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	w := e.Window()
	own, partner := ownAndPartner(t, e.a)
	retype(w, e.signing.numbers[partner], "130/021/KS/III/2026")
	if got := e.identity.partnerNumber.Text; got != "130/021/KS/III/2026" {
		t.Errorf("Identitas shows partner number %q", got)
	}
	retype(w, e.identity.ownNumber, "7/PKS.100.3-Setda.KS/2026")
	if got := e.signing.numbers[own].Text; got != "7/PKS.100.3-Setda.KS/2026" {
		t.Errorf("Penandatanganan shows our number %q", got)
	}
	retype(w, e.signing.copies, "3")
	if !e.onSave() {
		t.Fatalf("not saved: %s", e.general.Text)
	}
	a, err := h.s.Agreement(e.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.OwnNumber() != "7/PKS.100.3-Setda.KS/2026" || a.PartnerNumber() != "130/021/KS/III/2026" || a.Copies != 3 {
		t.Errorf("stored numbers %v copies %d", a.Numbers(), a.Copies)
	}
	rows, err := h.s.Summaries([]agreement.ID{a.ID})
	if err != nil || rows[0].PartnerNumber != "130/021/KS/III/2026" || rows[0].OwnNumber != "7/PKS.100.3-Setda.KS/2026" {
		t.Errorf("register row %+v %v", rows, err)
	}
	words := pdfWords(t, h, a.ID)
	for _, want := range []string{"NOMOR : 7/PKS.100.3-Setda.KS/2026", "NOMOR : 130/021/KS/III/2026", "rangkap 3 (tiga)"} {
		if !strings.Contains(words, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, words)
		}
	}
}

// Signed without our number: the number the original left open may still
// be entered or taken, the partner's printed number stays locked, and a
// final print is asked about first.
func TestSignedWithoutOurNumberTakesOneAfter(t *testing.T) {
	h := newHarness(t)
	ksb, err := h.s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	pks.Subject, pks.Body = "Pertukaran Data Perizinan Berusaha", ksb.Body
	own, partner := ownAndPartner(t, pks)
	pks.Parties[partner].Number = "130/021/KS/III/2026"
	for i := range pks.Parties {
		if pks.Parties[i].SignerID == 0 {
			pks.Parties[i].SignerID = ksb.Parties[i].SignerID
		}
	}
	if err := h.s.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}
	servicetest.Sign(t, h.s, &pks, agreement.NewDate(2026, 3, 5))

	e := h.open(pks.ID, nil)
	w := e.Window()
	if e.signing.numbers[own].Disabled() || e.identity.ownNumber.Disabled() || e.identity.takeNumber.Disabled() {
		t.Error("our number, not on the signed original, cannot be entered")
	}
	if !e.signing.numbers[partner].Disabled() || !e.identity.partnerNumber.Disabled() || !e.signing.copies.Disabled() {
		t.Error("the partner's printed number or the printed rangkap can be changed")
	}
	test.Tap(e.exportBtn)
	top := w.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelsIn(top), "tanpa nomor kita") {
		t.Fatal("a signed agreement without our number printed without a word")
	}
	test.Tap(dialogButtons(t, w, "no question")["Perbaiki dulu"])

	test.Tap(e.identity.takeNumber)
	n := e.identity.ownNumber.Text
	if !agreement.NumberGiven(n) || e.signing.numbers[own].Text != n {
		t.Fatalf("number taken %q, signing tab shows %q", n, e.signing.numbers[own].Text)
	}
	if !e.onSave() {
		t.Fatalf("the number taken after signing was not saved: %s", e.general.Text)
	}
	a, err := h.s.Agreement(pks.ID)
	if err != nil || a.OwnNumber() != n || a.PartnerNumber() != "130/021/KS/III/2026" {
		t.Fatalf("stored %v %v", a.Numbers(), err)
	}
	// Now on the record, it stays as it is.
	if !e.signing.numbers[own].Disabled() || !e.identity.ownNumber.Disabled() || !e.identity.takeNumber.Disabled() {
		t.Error("our number can still be changed once given")
	}
}

func labelsIn(o fyne.CanvasObject) string {
	var out []string
	for _, c := range test.LaidOutObjects(o) {
		if l, ok := c.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}
