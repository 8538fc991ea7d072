package editor

import (
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
)

// Every tab of the editor shows its title in a window of the size it opens
// at, the Rencana Aksi of a Nota Kesepakatan too: none goes behind "…".
func TestEveryEditorTabShowsAtTheWindowsSize(t *testing.T) {
	h := newHarness(t)
	src, err := h.s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	ministry := agreement.Party{Kind: agreement.PartyKementerian, Name: "Kementerian Dalam Negeri", Seat: "Jakarta"}
	if err := h.s.SaveParty(&ministry); err != nil {
		t.Fatal(err)
	}
	nk := agreement.Agreement{Kind: agreement.KindNK, Subject: "Percepatan Pelayanan Administrasi Kependudukan", Status: agreement.StatusKonsep, Copies: 2,
		Parties: []agreement.AgreementParty{
			{PartyID: ministry.ID, Role: agreement.RolePihakPertama},
			{PartyID: src.Parties[1].PartyID, Role: agreement.RolePihakKedua, Own: src.Parties[1].Own},
		}}
	if !src.Parties[1].Own {
		nk.Parties[1].PartyID, nk.Parties[1].Own = src.Parties[0].PartyID, true
	}
	if err := h.s.SaveAgreement(&nk); err != nil {
		t.Fatal(err)
	}
	for _, id := range []agreement.ID{2, nk.ID} {
		e := h.open(id, nil)
		shown := map[string]bool{}
		for _, o := range test.LaidOutObjects(e.win.Content()) {
			if tx, ok := o.(*canvas.Text); ok && o.Visible() {
				shown[tx.Text] = true
			}
		}
		for _, it := range e.tabs.Items {
			if !shown[it.Text] {
				t.Errorf("%s: the tab %q is not shown at %v", e.a.Kind, it.Text, e.win.Canvas().Size())
			}
		}
	}
}
