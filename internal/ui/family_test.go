package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"sepakat/internal/agreement"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/ui/kit"
)

// After a status change (here: an Adendum that extends the PKS by a year is
// signed) the family tree shows the PKS in force again, with its Adendum.
func TestFamilyTreeFollowsASignedAdendum(t *testing.T) {
	u, s, l := withExamples(t)
	f := u.family
	reads := 0
	f.loaded = func(error) { reads++ }
	u.onSelect(3) // the PKS, which ended on 3 July 2026
	l.until("the family", func() bool { return reads == 1 })
	node := func(id agreement.ID) string {
		label := kit.NewFitLabel("")
		f.update(uidOf(id), false, label)
		return label.Text()
	}
	if !strings.HasSuffix(node(3), " · "+lang.L("Berakhir")) {
		t.Fatalf("before the Adendum: %q", node(3))
	}

	pks, err := s.Agreement(3)
	if err != nil {
		t.Fatal(err)
	}
	ksb, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	add, err := agreement.NewChild(&pks, agreement.KindAdendum, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	add.Amends = &agreement.Amendment{Term: true, Length: 1, Unit: agreement.UnitTahun}
	add.Amends.Resolve(pks.EffectiveEnd())
	add.Body = []agreement.Node{{Kind: agreement.NodePasal, Text: "Jangka waktu {induk_singkat} diperpanjang sampai dengan tanggal 3 Juli 2027."}}
	for i := range add.Parties { // signed by the heads of region, as the KSB was
		add.Parties[i].SignerID, add.Parties[i].MandateID = ksb.Parties[i].SignerID, 0
	}
	if err := s.SaveAgreement(&add); err != nil {
		t.Fatal(err)
	}
	servicetest.Sign(t, s, &add, agreement.NewDate(2026, 6, 20))
	u.Refresh() // what an editor's save does
	l.until("the family again", func() bool { return reads == 2 })
	if !strings.HasSuffix(node(3), " · "+lang.L("Berlaku")) {
		t.Errorf("after the signed Adendum the PKS shows %q", node(3))
	}
	if len(f.children[3]) != 1 || f.children[3][0] != add.ID {
		t.Errorf("the PKS's children %v, want the Adendum %d", f.children[3], add.ID)
	}
}
