package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// In a PKS, each regional government's row names the perangkat daerah that
// stands as the party; the title prints it and the record keeps it.
func TestEditorNamesPerangkatDaerahAsParties(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	a := e.a
	pks, err := h.s.Agreement(3) // the example PKS: two kepala DPMPTSP under surat kuasa
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Parties {
		for _, p := range pks.Parties {
			if p.PartyID == a.Parties[i].PartyID {
				a.Parties[i].SignerID, a.Parties[i].MandateID = p.SignerID, p.MandateID
			}
		}
	}
	if err := h.s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	e.Close()
	e = h.open(a.ID, nil)
	w := e.Window()
	e.tabs.SelectIndex(tabParties)
	pt := e.parties
	if len(pt.units) != 2 || pt.units[0] == nil || pt.units[1] == nil {
		t.Fatalf("no perangkat daerah field for the two governments: %v", pt.units)
	}
	test.Tap(pt.unitFromSigner[0])
	if got := pt.units[0].Text; !strings.HasPrefix(got, "Dinas Penanaman Modal") || !strings.HasSuffix(got, "Lampung Selatan") {
		t.Fatalf("from the jabatan: %q", got)
	}
	w.Canvas().Focus(pt.units[1])
	test.Type(pt.units[1], "Dinas Komunikasi dan Informatika  Kabupaten Sumedang ")
	if !e.Dirty() {
		t.Fatal("typing a perangkat daerah did not mark the form changed")
	}
	e.tabs.SelectIndex(tabBody)
	h.l.until("the title in the preview", func() bool {
		return strings.Contains(previewText(e), "ANTARA\nDINAS PENANAMAN MODAL") && strings.Contains(previewText(e), "DENGAN\nDINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN SUMEDANG\nTENTANG")
	})
	if !strings.Contains(previewText(e), "bertindak untuk dan atas nama Dinas Komunikasi dan Informatika Kabupaten Sumedang berdasarkan Surat Kuasa") {
		t.Errorf("the komparisi does not name the perangkat daerah that stands as the party:\n%s", previewText(e))
	}
	test.Tap(e.saveBtn)
	got, err := h.s.Agreement(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Parties[1].Unit != "Dinas Komunikasi dan Informatika Kabupaten Sumedang" || !strings.HasPrefix(got.Parties[0].Unit, "Dinas Penanaman Modal") {
		t.Errorf("stored units %q, %q (%s)", got.Parties[0].Unit, got.Parties[1].Unit, e.general.Text)
	}

	// A KSB has no such field: the heads of region sign it for their governments.
	k := h.open(2, nil)
	k.tabs.SelectIndex(tabParties)
	for i, u := range k.parties.units {
		if u != nil {
			t.Errorf("KSB party %d offers a perangkat daerah", i)
		}
	}
}
