package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// The register's status column ticks a signed agreement whose originals are
// all finished and names a monev recommendation to end or extend it.
func TestRegisterMarksFinishedCopiesAndMonevRecommendation(t *testing.T) {
	u, s, _ := withExamples(t)
	status := func(id agreement.ID) string {
		t.Helper()
		if err := u.list.reload(); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < u.list.total; i++ {
			if sum, ok := u.list.row(i); ok && sum.ID == id {
				l := kit.NewFitLabel("")
				u.list.fill(widget.TableCellID{Row: i, Col: 5}, l)
				return l.Text()
			}
		}
		t.Fatalf("no row of %d", id)
		return ""
	}
	if got := status(2); got != "Berlaku" {
		t.Errorf("before: %q", got)
	}
	a, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range a.Checklist() {
		c.Paraf, c.Meterai, c.Stempel, c.Exchanged, c.Scanned = true, true, true, true, true
		a.Signing.Checklist = append(a.Signing.Checklist, c)
	}
	a.Monitoring = append(a.Monitoring, agreement.Monitoring{Date: agreement.NewDate(2026, 6, 30), Activity: "Evaluasi semester I",
		Recommendation: agreement.RecPerpanjang, Reasons: "Manfaat terbukti"})
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	if got := status(2); got != "Berlaku ✓ → perpanjang" {
		t.Errorf("after: %q", got)
	}
	a.Monitoring = append(a.Monitoring, agreement.Monitoring{Date: agreement.NewDate(2026, 7, 30), Activity: "Evaluasi",
		Recommendation: agreement.RecLanjut, Reasons: "Berjalan baik"})
	a.Signing.Checklist[0].Stempel = false
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	if got := status(2); got != "Berlaku" {
		t.Errorf("continued, one stamp missing: %q", got)
	}
}
