package servicetest

import (
	"slices"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// testFamily: a signed Adendum that extends its parent moves the parent's end
// everywhere the register shows it; a draft or a cancelled one does not.
func testFamily(t *testing.T, c Config) {
	s := fresh(t, c)
	w := SeedWorld(t, s)
	ksb := w.KSB("Penyelenggaraan Pemerintahan Daerah")
	must(t, s.SaveAgreement(&ksb))
	Sign(t, s, &ksb, agreement.NewDate(2023, 5, 2))

	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC))
	must(t, err)
	pks.Subject = "Pertukaran Data Kependudukan"
	pks.Body = ksb.Body
	pks.Term = agreement.Term{Length: 3, Unit: agreement.UnitTahun, Start: agreement.NewDate(2023, 6, 12)}
	must(t, s.SaveAgreement(&pks))
	Sign(t, s, &pks, agreement.NewDate(2023, 6, 12))
	oldEnd, newEnd := agreement.NewDate(2026, 6, 11), agreement.NewDate(2027, 6, 11)

	row := func() agreement.Summary {
		t.Helper()
		rows, err := s.Summaries([]agreement.ID{pks.ID})
		must(t, err)
		return rows[0]
	}
	today := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	if r := row(); r.End != oldEnd || r.Phase(today, agreement.DefaultSoonDays) != agreement.PhaseBerakhir {
		t.Fatalf("before the Adendum: end %v, %s", r.End, r.Phase(today, agreement.DefaultSoonDays))
	}

	add, err := agreement.NewChild(&pks, agreement.KindAdendum, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	must(t, err)
	add.Amends = &agreement.Amendment{Term: true, Length: 1, Unit: agreement.UnitTahun}
	add.Amends.Resolve(pks.EffectiveEnd())
	add.Body = []agreement.Node{{Kind: agreement.NodePasal, Text: "Jangka waktu {induk_singkat} diperpanjang sampai dengan tanggal 11 Juni 2027."}}
	if add.Amends.End != newEnd {
		t.Fatalf("one year more than %v ends on %v, want %v", oldEnd, add.Amends.End, newEnd)
	}
	must(t, s.SaveAgreement(&add))
	if r := row(); r.End != oldEnd || r.Children != 1 {
		t.Errorf("a draft Adendum moved the end: %v (%d children)", r.End, r.Children)
	}

	Sign(t, s, &add, agreement.NewDate(2026, 5, 20))
	r := row()
	if r.End != newEnd || r.Phase(today, agreement.DefaultSoonDays) != agreement.PhaseBerlaku {
		t.Errorf("after signing: end %v, %s; want %v, Berlaku", r.End, r.Phase(today, agreement.DefaultSoonDays), newEnd)
	}
	// The search filters and the list by end see the new end.
	if f := (agreement.Filter{EndsWithin: 60}); !f.Match(r, time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC)) || f.Match(r, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)) {
		t.Error("the ending filter does not follow the new end")
	}
	page, err := s.List(service.Query{Order: service.ByEnd, EndFrom: agreement.NewDate(2027, 1, 1), Limit: 50})
	must(t, err)
	if !slices.Contains(ids(page.Items), pks.ID) {
		t.Errorf("the list by end from 2027 misses the extended PKS: %v", ids(page.Items))
	}
	// The Beranda: six weeks before the new end it ends within 90 days.
	d := dashboard(t, s, time.Date(2027, 5, 1, 8, 0, 0, 0, time.UTC))
	if !slices.Contains(ids(d.Ending[1]), pks.ID) {
		t.Errorf("ending soon on 1 May 2027: %v", d.Ending)
	}
	// Cancelled, the Adendum no longer extends anything.
	must(t, add.Transition(agreement.StatusDibatalkan, "Ditandatangani dengan data yang keliru"))
	must(t, s.SaveAgreement(&add))
	if r := row(); r.End != oldEnd || r.Phase(today, agreement.DefaultSoonDays) != agreement.PhaseBerakhir {
		t.Errorf("after cancelling the Adendum: end %v, %s", r.End, r.Phase(today, agreement.DefaultSoonDays))
	}
}
