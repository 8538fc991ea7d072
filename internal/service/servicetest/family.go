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

// testAdendumEndsWithParent: an Adendum without a term of its own ends with
// its parent, follows each later extension of the parent, is Berakhir once
// the parent's end has passed, and is never a second line beside its parent
// among the Beranda's agreements ending soon.
func testAdendumEndsWithParent(t *testing.T, c Config) {
	s := fresh(t, c)
	w := SeedWorld(t, s)
	ksb := w.KSB("Penyelenggaraan Pemerintahan Daerah")
	must(t, s.SaveAgreement(&ksb))
	Sign(t, s, &ksb, agreement.NewDate(2025, 7, 4))
	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, time.Date(2025, 7, 10, 0, 0, 0, 0, time.UTC))
	must(t, err)
	pks.Subject = "Pertukaran Data Kependudukan"
	pks.Body = ksb.Body
	pks.Term = agreement.Term{Length: 1, Unit: agreement.UnitTahun, Start: agreement.NewDate(2025, 8, 1), Extendable: true}
	must(t, s.SaveAgreement(&pks))
	Sign(t, s, &pks, agreement.NewDate(2025, 8, 1))
	end := agreement.NewDate(2026, 7, 31)

	add, err := agreement.NewChild(&pks, agreement.KindAdendum, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC))
	must(t, err)
	add.Amends = &agreement.Amendment{Pasal: []agreement.AmendedPasal{{Number: 1, Text: "PARA PIHAK bertukar data setiap bulan."}}}
	add.Body = []agreement.Node{{Kind: agreement.NodePasal, Text: "Ketentuan Pasal 1 {induk_singkat} diubah."}}
	must(t, s.SaveAgreement(&add))
	Sign(t, s, &add, agreement.NewDate(2025, 9, 15))

	row := func(id agreement.ID) agreement.Summary {
		t.Helper()
		rows, err := s.Summaries([]agreement.ID{id})
		must(t, err)
		return rows[0]
	}
	phase := func(r agreement.Summary, y int, m time.Month, d int) agreement.Phase {
		return r.Phase(time.Date(y, m, d, 9, 0, 0, 0, time.UTC), agreement.DefaultSoonDays)
	}
	r := row(add.ID)
	if r.End != end || !r.EndsWithParent || phase(r, 2025, 12, 1) != agreement.PhaseBerlaku {
		t.Fatalf("the signed Adendum: end %v (want its parent's %v), %s", r.End, end, phase(r, 2025, 12, 1))
	}
	if p := phase(r, 2026, 8, 1); p != agreement.PhaseBerakhir {
		t.Errorf("after its parent's end the Adendum is %s", p)
	}
	// The Beranda names the parent, once; the register's filters show both.
	d := dashboard(t, s, time.Date(2026, 6, 20, 9, 0, 0, 0, time.UTC))
	var listed []agreement.ID
	for _, l := range d.Ending {
		listed = append(listed, ids(l)...)
	}
	if !slices.Equal(listed, []agreement.ID{pks.ID}) || d.EndingCount[2] != 1 {
		t.Errorf("ending soon on 20 June 2026: %v, %v counted; want the PKS once", listed, d.EndingCount)
	}
	// The clock starts on 1 July 2025: both end within 400 days, the KSB not.
	got, err := s.Arrange(service.Arrangement{Filter: agreement.Filter{EndsWithin: 400}, Sort: service.SortEnd})
	must(t, err)
	if !slices.Equal(got, []agreement.ID{pks.ID, add.ID}) {
		t.Errorf("the register's filter of what ends within 400 days: %v, want %v", got, []agreement.ID{pks.ID, add.ID})
	}
	page, err := s.List(service.Query{Order: service.ByEnd, EndFrom: agreement.NewDate(2026, 7, 1), Limit: 50})
	must(t, err)
	if !slices.Contains(ids(page.Items), add.ID) {
		t.Errorf("the list by end misses the Adendum: %v", ids(page.Items))
	}

	// A Perpanjangan of the parent, signed: the Adendum follows.
	ppj, err := agreement.NewChild(&pks, agreement.KindPerpanjangan, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	must(t, err)
	ppj.Body = []agreement.Node{{Kind: agreement.NodePasal, Text: "Jangka waktu {induk_singkat} diperpanjang 1 (satu) tahun."}}
	must(t, s.SaveAgreement(&ppj))
	if r := row(add.ID); r.End != end {
		t.Errorf("a draft Perpanjangan moved the Adendum's end to %v", r.End)
	}
	Sign(t, s, &ppj, agreement.NewDate(2026, 7, 1))
	longer := agreement.NewDate(2027, 7, 31)
	r = row(add.ID)
	if r.End != longer || phase(r, 2026, 8, 1) != agreement.PhaseBerlaku || phase(r, 2027, 8, 1) != agreement.PhaseBerakhir {
		t.Errorf("after the Perpanjangan: end %v (want %v), %s, then %s", r.End, longer, phase(r, 2026, 8, 1), phase(r, 2027, 8, 1))
	}
	if r := row(pks.ID); r.End != longer {
		t.Errorf("the PKS after its Perpanjangan ends %v", r.End)
	}
	if r := row(ppj.ID); r.End != longer || r.EndsWithParent {
		t.Errorf("the Perpanjangan's own row: end %v", r.End)
	}
	d = dashboard(t, s, time.Date(2027, 7, 1, 9, 0, 0, 0, time.UTC))
	listed = nil
	for _, l := range d.Ending {
		listed = append(listed, ids(l)...)
	}
	if slices.Contains(listed, add.ID) || !slices.Contains(listed, pks.ID) || d.EndingCount[0] != len(listed) {
		t.Errorf("ending soon on 1 July 2027: %v (%v counted); want the PKS and not its Adendum", listed, d.EndingCount)
	}

	// A draft Adendum moved to another PKS ends with that one.
	other, err := agreement.NewChild(&ksb, agreement.KindPKS, time.Date(2025, 7, 10, 0, 0, 0, 0, time.UTC))
	must(t, err)
	other.Subject = "Pengelolaan Sampah Regional"
	other.Body = ksb.Body
	other.Term = agreement.Term{Length: 3, Unit: agreement.UnitTahun, Start: agreement.NewDate(2025, 8, 1)}
	must(t, s.SaveAgreement(&other))
	Sign(t, s, &other, agreement.NewDate(2025, 8, 1))
	draft, err := agreement.NewChild(&pks, agreement.KindAdendum, time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC))
	must(t, err)
	draft.Body = add.Body
	must(t, s.SaveAgreement(&draft))
	if r := row(draft.ID); r.End != longer {
		t.Errorf("a draft Adendum ends %v, want its parent's %v", r.End, longer)
	}
	moved, err := agreement.NewChild(&other, agreement.KindAdendum, time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC))
	must(t, err)
	moved.ID, moved.Rev, moved.Created, moved.Body = draft.ID, draft.Rev, draft.Created, draft.Body
	must(t, s.SaveAgreement(&moved))
	if r := row(draft.ID); r.End != agreement.NewDate(2028, 7, 31) {
		t.Errorf("moved to another PKS the draft Adendum ends %v, want 31 Juli 2028", r.End)
	}

	// Cancelled, the Perpanjangan extends nothing: the Adendum ends as before.
	must(t, ppj.Transition(agreement.StatusDibatalkan, "Ditandatangani dengan data yang keliru"))
	must(t, s.SaveAgreement(&ppj))
	if r := row(add.ID); r.End != end {
		t.Errorf("after cancelling the Perpanjangan the Adendum ends %v, want %v", r.End, end)
	}
	// The parent cancelled: the Adendum ends with it, on the day it was cancelled.
	must(t, pks.Transition(agreement.StatusDibatalkan, "Diakhiri atas kesepakatan PARA PIHAK"))
	must(t, s.SaveAgreement(&pks))
	if r := row(add.ID); r.End != agreement.DateOf(pks.Updated) || phase(r, 2026, 1, 1) != agreement.PhaseBerakhir {
		t.Errorf("under a cancelled parent (saved %v) the Adendum ends %v, %s", pks.Updated, r.End, phase(r, 2026, 1, 1))
	}
}
