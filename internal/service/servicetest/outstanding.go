package servicetest

import (
	"slices"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

func outstanding(t *testing.T, s service.Overview, y int, m time.Month, d int) service.Outstanding {
	t.Helper()
	o, err := s.Outstanding(time.Date(y, m, d, 9, 0, 0, 0, time.UTC))
	must(t, err)
	return o
}

// testOutstanding: the Beranda's lists of what the procedure waits for:
// the DPRD's approval, unfinished originals after the office's days, and
// overdue monev, each leaving the list once done.
func testOutstanding(t *testing.T, c Config) {
	s := fresh(t, c)
	w := SeedWorld(t, s)
	// A signed KSB carried by one unit, its originals unfinished, no monev.
	a := w.KSB("Pertukaran Data Kependudukan")
	a.Implementers = []string{"Dinas Komunikasi dan Informatika"}
	must(t, s.SaveAgreement(&a))
	Sign(t, s, &a, agreement.NewDate(2025, 7, 4))
	// A draft that burdens the public: the DPRD must approve it.
	b := w.KSB("Pembangunan Jalan Perbatasan")
	b.DPRD.Burdens, b.DPRD.OutsideBudget = agreement.AnswerYes, agreement.AnswerNo
	must(t, s.SaveAgreement(&b))
	// An agreement from the office's old register, signed long ago with
	// nothing recorded of its originals or its monev: it owes no originals,
	// nor the monev of the years before it came in.
	im := w.KSB("Pengelolaan Sampah Regional")
	im.Implementers = []string{"Dinas Lingkungan Hidup"}
	im.Status = agreement.StatusDitandatangani
	im.Signing = &agreement.Signing{Date: agreement.NewDate(2019, 3, 4), Place: "Sumedang"}
	im.Term = agreement.Term{Start: agreement.NewDate(2019, 3, 4), Length: 5, Unit: agreement.UnitTahun}
	im.Imported = &agreement.Imported{Source: "daftar lama.xlsx, lembar 2019", Row: 6, At: agreement.NewDate(2025, 7, 1)}
	must(t, s.SaveAgreement(&im))
	// A draft that needs no approval.
	n := w.KSB("Promosi Wisata Bersama")
	n.DPRD.Burdens, n.DPRD.OutsideBudget = agreement.AnswerNo, agreement.AnswerNo
	must(t, s.SaveAgreement(&n))

	check := func(when string, o service.Outstanding, dprd, copies, monev []agreement.ID) {
		t.Helper()
		if !slices.Equal(ids(o.DPRD), dprd) || o.DPRDCount != len(dprd) || !slices.Equal(ids(o.Copies), copies) || o.CopiesCount != len(copies) ||
			!slices.Equal(ids(o.Monev), monev) || o.MonevCount != len(monev) {
			t.Errorf("%s: dprd %v (%d), copies %v (%d), monev %v (%d); want %v, %v, %v", when,
				ids(o.DPRD), o.DPRDCount, ids(o.Copies), o.CopiesCount, ids(o.Monev), o.MonevCount, dprd, copies, monev)
		}
	}
	none := []agreement.ID{}
	// Sixteen days after signing: within the default 30 days, the first
	// round (July–December) still running.
	check("16 days after", outstanding(t, s, 2025, 7, 20), []agreement.ID{b.ID}, none, none)
	check("37 days after", outstanding(t, s, 2025, 8, 10), []agreement.ID{b.ID}, []agreement.ID{a.ID}, none)
	check("after the first round", outstanding(t, s, 2026, 1, 5), []agreement.ID{b.ID}, []agreement.ID{a.ID}, []agreement.ID{a.ID})

	// The office allows ten days: sixteen days after is late already.
	office := w.Sumedang
	office.Procedure = &agreement.Procedure{IncompleteAfterDays: 10}
	must(t, s.SaveParty(&office))
	o := outstanding(t, s, 2025, 7, 20)
	check("office's ten days", o, []agreement.ID{b.ID}, []agreement.ID{a.ID}, none)
	if o.AfterDays != 10 {
		t.Errorf("after %d days, want the office's 10", o.AfterDays)
	}

	// Monev in November covers the second half of 2025, not the first of 2026.
	a, err := s.Agreement(a.ID)
	must(t, err)
	a.Monitoring = []agreement.Monitoring{{Date: agreement.NewDate(2025, 11, 20), Unit: "Dinas Komunikasi dan Informatika",
		Activity: "Rapat evaluasi", Score: 4, Recommendation: agreement.RecLanjut, Reasons: "Berjalan baik"}}
	for _, c := range a.Checklist() {
		c.Paraf, c.Meterai, c.Stempel, c.Exchanged, c.Scanned = true, true, true, true, true
		a.Signing.Checklist = append(a.Signing.Checklist, c)
	}
	must(t, s.SaveAgreement(&a))
	check("monev and copies done", outstanding(t, s, 2026, 1, 5), []agreement.ID{b.ID}, none, none)
	check("the next round overdue", outstanding(t, s, 2026, 7, 2), []agreement.ID{b.ID}, none, []agreement.ID{a.ID})

	// The DPRD's approval recorded.
	b, err = s.Agreement(b.ID)
	must(t, err)
	b.DPRD.Number, b.DPRD.Date = "172/07/DPRD/2025", agreement.NewDate(2025, 8, 1)
	must(t, s.SaveAgreement(&b))
	check("approved", outstanding(t, s, 2026, 1, 5), none, none, none)

	// Four rounds a year: the third quarter of 2025 went unmonitored, and the
	// list says so at once.
	check("two rounds", outstanding(t, s, 2025, 10, 5), none, none, none)
	office, err = s.Party(office.ID)
	must(t, err)
	office.Procedure = &agreement.Procedure{IncompleteAfterDays: 10, MonevPerYear: 4}
	must(t, s.SaveParty(&office))
	check("four rounds", outstanding(t, s, 2025, 10, 5), none, none, []agreement.ID{a.ID})
}
