package servicetest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
)

// testGate: moving to Siap Tanda Tangan (or beyond) is refused while the
// DPRD's approval is needed and missing, a foreign partner's central approval
// is missing, or a required reviewer of our office's procedure has not
// agreed; records already past it, and imports, are not held.
func testGate(t *testing.T, c Config) {
	codesAt := func(es agreement.Errors, field string) []string {
		var out []string
		for _, e := range es.For(field) {
			out = append(out, e.Code)
		}
		return out
	}
	t.Run("DPRDAndReviews", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		a := w.KSB("Pengembangan Pariwisata")
		must(t, s.SaveAgreement(&a))
		a.Status = agreement.StatusTelaah
		a.DPRD.Burdens, a.DPRD.OutsideBudget = agreement.AnswerYes, agreement.AnswerNo
		must(t, s.SaveAgreement(&a))

		next := a
		next.Status = agreement.StatusSiapTTD
		es := fieldErrors(t, s.SaveAgreement(&next))
		if !slices.Contains(codesAt(es, "dprd.number"), "dprd_required") || !slices.Contains(codesAt(es, "dprd.date"), "dprd_date_required") {
			t.Errorf("no DPRD refusal: %v", es)
		}
		if got := codesAt(es, "reviews"); !slices.Contains(got, "reviews_pending") || !strings.Contains(es.For("reviews")[0].Message(i18n.ID), "Sekretaris Daerah") {
			t.Errorf("no review refusal: %v", es)
		}
		if got, _ := s.Agreement(a.ID); got.Status != agreement.StatusTelaah || got.Rev != a.Rev {
			t.Fatalf("a refused move was stored: %s rev %d", got.Status, got.Rev)
		}
		Review(&a, agreement.NewDate(2025, 6, 20))
		a.Status = agreement.StatusSiapTTD
		es = fieldErrors(t, s.SaveAgreement(&a))
		if len(es) != 2 || len(es.For("reviews")) != 0 {
			t.Errorf("with the reviews, still: %v", es)
		}
		a.DPRD.Number, a.DPRD.Date = "172/05/DPRD/2025", agreement.NewDate(2025, 6, 25)
		must(t, s.SaveAgreement(&a))

		// Back to Telaah and forward again is gated again; a yes answer
		// withdrawn by then needs no approval.
		a.Status = agreement.StatusTelaah
		must(t, s.SaveAgreement(&a))
		a.Status = agreement.StatusSiapTTD
		must(t, s.SaveAgreement(&a))
	})

	t.Run("OfficeProcedureAndForeign", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		w.Sumedang.Procedure = &agreement.Procedure{Reviewers: []agreement.Reviewer{
			{Title: "Kepala Bagian Hukum", Required: true}, {Title: "Inspektur Daerah", Required: true}, {Title: "Asisten Pemerintahan"}}}
		must(t, s.SaveParty(&w.Sumedang))
		// With a foreign city: the central government's approval too.
		city := agreement.Party{Kind: agreement.PartyLuarNegeri, Name: "Kota Shizuoka, Jepang", Seat: "Shizuoka"}
		must(t, s.SaveParty(&city))
		mayor := agreement.Official{PartyID: city.ID, Name: "Takashi Nanba", Jabatan: "Wali Kota Shizuoka", Role: agreement.RolePimpinan}
		must(t, s.SaveOfficial(&mayor))
		a := w.KSB("Kerja Sama Kota Kembar")
		a.Category = agreement.CatKSDPL
		a.Parties[0] = agreement.AgreementParty{PartyID: city.ID, Role: agreement.RolePihakPertama, SignerID: mayor.ID}
		must(t, s.SaveAgreement(&a))
		a.Status = agreement.StatusTelaah
		Review(&a, agreement.NewDate(2025, 6, 20)) // the default reviewers, not the office's
		must(t, s.SaveAgreement(&a))
		a.Status = agreement.StatusSiapTTD
		es := fieldErrors(t, s.SaveAgreement(&a))
		if !slices.Contains(codesAt(es, "central.number"), "central_required") {
			t.Errorf("no central refusal: %v", es)
		}
		if r := es.For("reviews"); len(r) != 1 || r[0].Message(i18n.ID) != "Telaah belum selesai: belum disetujui oleh Inspektur Daerah." {
			t.Errorf("the office's reviewers: %v", es)
		}
		a.Reviews = append(a.Reviews, agreement.Review{Reviewer: "inspektur  daerah", Date: agreement.NewDate(2025, 6, 21), Outcome: agreement.ReviewSetuju})
		a.Central = agreement.ApprovalRecord{Number: "B/1234/KS/2025", Date: agreement.NewDate(2025, 6, 22), By: "Menteri Dalam Negeri"}
		must(t, s.SaveAgreement(&a))
	})

	t.Run("DocumentFitsThePartner", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		// A draft whose category or document does not fit the partner is
		// refused at the field, on the first save and on a later one.
		a := w.KSB("Pengelolaan Sampah")
		a.Category = agreement.CatKSDPK // for a third party, not a region
		es := fieldErrors(t, s.SaveAgreement(&a))
		if !slices.Contains(codesAt(es, "category"), "category_partner") || a.ID != 0 {
			t.Fatalf("a wrong category was saved: %v (ID %d)", es, a.ID)
		}
		a.Category = agreement.CatKSDD
		must(t, s.SaveAgreement(&a))
		ministry := agreement.Party{Kind: agreement.PartyKementerian, Name: "Kementerian Dalam Negeri", Seat: "Jakarta"}
		must(t, s.SaveParty(&ministry))
		next := a
		next.Category = ""
		next.Parties = slices.Clone(a.Parties)
		next.Parties[0] = agreement.AgreementParty{PartyID: ministry.ID, Role: agreement.RolePihakPertama}
		es = fieldErrors(t, s.SaveAgreement(&next))
		if !slices.Contains(codesAt(es, "kind"), "ministry_needs_nk") {
			t.Fatalf("a KSB with a ministry was saved: %v", es)
		}
		if got, _ := s.Agreement(a.ID); got.Rev != a.Rev || got.Parties[0].PartyID != w.Lamsel.ID {
			t.Fatalf("a refused save was stored: rev %d", got.Rev)
		}
		// Cancelling the wrong draft is always possible.
		next.Status, next.CancelReason = agreement.StatusDibatalkan, "Salah jenis naskah"
		must(t, s.SaveAgreement(&next))

		// A signed record that does not fit (brought in from an old
		// register) stays editable where a signed record is.
		signed := w.KSB("Penyelenggaraan Pemerintahan")
		must(t, s.SaveAgreement(&signed))
		Sign(t, s, &signed, agreement.NewDate(2025, 7, 4))
		d, err := s.Export(context.Background())
		must(t, err)
		for i := range d.Agreements {
			if d.Agreements[i].ID == signed.ID {
				d.Agreements[i].Category = agreement.CatKSDPK
			}
		}
		dst := fresh(t, c)
		must(t, dst.Import(context.Background(), d))
		old, err := dst.Agreement(signed.ID)
		must(t, err)
		old.Tags = []string{"arsip lama"}
		must(t, dst.SaveAgreement(&old))
	})

	t.Run("PastAndImported", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		signed := w.KSB("Penyelenggaraan Pemerintahan")
		must(t, s.SaveAgreement(&signed))
		Sign(t, s, &signed, agreement.NewDate(2025, 7, 4))
		draft := w.KSB("Pelayanan Publik")
		must(t, s.SaveAgreement(&draft))
		draft.Status = agreement.StatusTelaah
		must(t, s.SaveAgreement(&draft))

		// A stricter procedure later does not hold what is already signed.
		w.Sumedang.Procedure = &agreement.Procedure{Reviewers: []agreement.Reviewer{{Title: "Inspektur Daerah", Required: true}}}
		must(t, s.SaveParty(&w.Sumedang))
		signed.Tags = []string{"pemerintahan"}
		must(t, s.SaveAgreement(&signed))

		// An import brings a record already at Siap Tanda Tangan, unreviewed.
		d, err := s.Export(context.Background())
		must(t, err)
		for i := range d.Agreements {
			if d.Agreements[i].ID == draft.ID {
				d.Agreements[i].Status = agreement.StatusSiapTTD
			}
		}
		dst := fresh(t, c)
		must(t, dst.Import(context.Background(), d))
		got, err := dst.Agreement(draft.ID)
		must(t, err)
		if got.Status != agreement.StatusSiapTTD || len(got.Reviews) != 0 {
			t.Errorf("imported %s with %d reviews", got.Status, len(got.Reviews))
		}
		// And it may be signed there: it is past the gate.
		got.Status = agreement.StatusDitandatangani
		got.Signing = &agreement.Signing{Date: agreement.NewDate(2025, 8, 1), Place: "Sumedang"}
		must(t, dst.SaveAgreement(&got))
	})
}
