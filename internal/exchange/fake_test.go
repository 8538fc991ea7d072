package exchange

import (
	"bytes"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/service/fake"
	"sepakat/internal/service/servicetest"
)

// The in-memory backend sends and receives on the same seam: its package
// finds no mirror at the partner until taken, then the mirror by its key
// among more drafts than one page of the register holds.
func TestFindMirrorOnTheFake(t *testing.T) {
	sa, err := fake.New(fake.Options{})
	must(t, err)
	w := servicetest.SeedWorld(t, sa)
	a := w.KSB("Pertukaran Data Kependudukan")
	must(t, sa.SaveAgreement(&a))
	data := send(t, sa, &a)

	sb, err := fake.New(fake.Options{})
	must(t, err)
	own := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Lampung Selatan", RegionCode: "18.01", Own: true}
	must(t, sb.SaveParty(&own))
	p, err := Read(data)
	must(t, err)
	if m, err := FindMirror(sb, p.Key); err != nil || m != nil {
		t.Fatalf("a mirror before taking the package: %+v %v", m, err)
	}
	r, err := Prepare(sb, p, nil)
	must(t, err)
	m, err := r.CreateMirror(sb, data, day)
	must(t, err)
	// More drafts after it than a page of 500 rows.
	garut := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Garut", RegionCode: "32.05"}
	must(t, sb.SaveParty(&garut))
	for i := range 520 {
		d := agreement.Agreement{Kind: agreement.KindKSB, Category: agreement.CatKSDD, Subject: "Konsep lain " + string(rune('A'+i%26)), Status: agreement.StatusKonsep,
			Parties: []agreement.AgreementParty{{PartyID: own.ID, Role: agreement.RolePihakPertama, Own: true}, {PartyID: garut.ID, Role: agreement.RolePihakKedua}}, Copies: 2}
		must(t, sb.SaveAgreement(&d))
	}
	found, err := FindMirror(sb, p.Key)
	if err != nil || found == nil || found.ID != m.ID {
		t.Fatalf("the mirror: %+v %v, want #%d", found, err, m.ID)
	}
	var buf bytes.Buffer
	pb, _, err := Send(sb, found, day)
	must(t, err)
	must(t, Write(&buf, pb))
	back, err := Read(buf.Bytes())
	must(t, err)
	if mine, err := FindMirror(sa, back.Key); err != nil || mine == nil || mine.ID != a.ID {
		t.Errorf("A's own record of the answer: %+v %v", mine, err)
	}
}
