package exchange

import (
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/service/servicetest"
)

// Receiving a package is one write: when the new draft cannot be saved, the
// parties and officials it brought are not kept either, and the receipt can
// be tried again.
func TestAReceiptThatFailsKeepsNothing(t *testing.T) {
	sa := open(t, "sumedang.db")
	w := servicetest.SeedWorld(t, sa)
	a := w.KSB("Pertukaran Data Kependudukan")
	must(t, sa.SaveAgreement(&a))
	data := send(t, sa, &a)

	sb, _, _ := officeB(t)
	parties, _ := sb.Parties()
	officials, _ := sb.Officials()
	total, _ := sb.Total()
	p, err := Read(data)
	must(t, err)
	// The draft as B would store it does not fit its partner: its category
	// says a third party, the partner is a region.
	p.Agreement.Category = agreement.CatKSDPK
	r, err := Prepare(sb, p, nil)
	must(t, err)
	if missing, _, _ := r.Match.Missing(p); len(missing) != 1 {
		t.Fatalf("B lacks %d parties, want Sumedang", len(missing))
	}
	if _, err := r.CreateMirror(sb, data, day); err == nil {
		t.Fatal("a draft that does not fit its partner was received")
	}
	if after, _ := sb.Parties(); len(after) != len(parties) {
		t.Errorf("%d parties after the failed receipt, were %d", len(after), len(parties))
	}
	if after, _ := sb.Officials(); len(after) != len(officials) {
		t.Errorf("%d officials after the failed receipt, were %d", len(after), len(officials))
	}
	if after, _ := sb.Total(); after != total {
		t.Errorf("%d agreements after the failed receipt, were %d", after, total)
	}
	// The same package, as it was made, comes in.
	p.Agreement.Category = agreement.CatKSDD
	r, err = Prepare(sb, p, nil)
	must(t, err)
	mb, err := r.CreateMirror(sb, data, day)
	must(t, err)
	if after, _ := sb.Parties(); len(after) != len(parties)+1 || mb.ID == 0 {
		t.Errorf("after the receipt: %d parties (were %d), draft %d", len(after), len(parties), mb.ID)
	}
}
