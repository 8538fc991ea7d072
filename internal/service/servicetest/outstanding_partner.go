package servicetest

import (
	"slices"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// round adds a negotiation round to a's attachments: a file sent to the
// partner (sent) or received from it, on the day given.
func round(t *testing.T, s service.Service, a *agreement.Agreement, sent bool, y int, m time.Month, d int) {
	t.Helper()
	note, name := agreement.SentNotePrefix+", putaran 1, revisi 1", "konsep-ke-mitra.docx"
	if !sent {
		note, name = agreement.ReceivedNotePrefix+", putaran 1, dibuat dari revisi 1", "konsep-dari-mitra.docx"
	}
	ref, err := s.PutFile(name, "application/octet-stream", []byte(name+a.Subject))
	must(t, err)
	fresh, err := s.Agreement(a.ID)
	must(t, err)
	fresh.Attachments = append(fresh.Attachments, agreement.Attachment{Kind: agreement.AttachDraft, File: ref,
		Added: time.Date(y, m, d, 10, 0, 0, 0, time.UTC), Note: note})
	must(t, s.SaveAgreement(&fresh))
	*a = fresh
}

// testOutstandingPartner: drafts waiting on the partner more than the
// office's days (14 by default), oldest first; an answer, a signature or a
// longer allowance takes them off the list.
func testOutstandingPartner(t *testing.T, c Config) {
	s := fresh(t, c)
	w := SeedWorld(t, s)
	a := w.KSB("Pertukaran Data Kependudukan")
	must(t, s.SaveAgreement(&a))
	b := w.KSB("Promosi Wisata Bersama")
	must(t, s.SaveAgreement(&b))
	quiet := w.KSB("Pengelolaan Sampah Regional") // a draft never sent
	must(t, s.SaveAgreement(&quiet))
	round(t, s, &a, true, 2025, 8, 1)
	round(t, s, &b, true, 2025, 7, 20)

	check := func(when string, o service.Outstanding, want []agreement.ID, days int) {
		t.Helper()
		if !slices.Equal(ids(o.Partner), want) || o.PartnerCount != len(want) || o.PartnerDays != days {
			t.Errorf("%s: partner %v (%d) after %d days; want %v after %d", when, ids(o.Partner), o.PartnerCount, o.PartnerDays, want, days)
		}
	}
	check("14 days after b", outstanding(t, s, 2025, 8, 3), []agreement.ID{}, 14)
	check("15 days after b", outstanding(t, s, 2025, 8, 4), []agreement.ID{b.ID}, 14)
	check("15 days after a", outstanding(t, s, 2025, 8, 16), []agreement.ID{b.ID, a.ID}, 14)

	sums, err := s.Summaries([]agreement.ID{a.ID})
	must(t, err)
	if len(sums) != 1 || sums[0].SentToPartner != agreement.NewDate(2025, 8, 1) {
		t.Fatalf("a's list row: %+v, want sent to the partner on 2025-08-01", sums)
	}
	if sum := sums[0]; sum.SentToPartner != agreement.NewDate(2025, 8, 1) {
		t.Errorf("a's list row: sent to the partner %v, want 2025-08-01", sum.SentToPartner)
	}

	// The office allows thirty days.
	office := w.Sumedang
	office.Procedure = &agreement.Procedure{PartnerWaitDays: 30}
	must(t, s.SaveParty(&office))
	check("office's 30 days", outstanding(t, s, 2025, 8, 16), []agreement.ID{}, 30)
	check("31 days after b", outstanding(t, s, 2025, 8, 20), []agreement.ID{b.ID}, 30)

	// The partner answered b: our turn. a is signed: no longer a draft.
	round(t, s, &b, false, 2025, 8, 25)
	Sign(t, s, &a, agreement.NewDate(2025, 9, 1))
	check("answered and signed", outstanding(t, s, 2025, 10, 1), []agreement.ID{}, 30)
	// b goes out again.
	round(t, s, &b, true, 2025, 9, 1)
	check("b sent again", outstanding(t, s, 2025, 10, 1), []agreement.ID{}, 30)
	check("b waits again", outstanding(t, s, 2025, 10, 2), []agreement.ID{b.ID}, 30)
}
