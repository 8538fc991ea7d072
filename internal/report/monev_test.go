package report

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
)

// The monev report speaks the user's language, lists the entries per unit
// in date order and what is overdue, and ends with a place to sign.
func TestMonevDocumentInBothLanguages(t *testing.T) {
	a := agreement.Agreement{ID: 2, Kind: agreement.KindKSB, Subject: "Berbagi Informasi dan Inovasi Daerah", Status: agreement.StatusDitandatangani,
		Term:         agreement.Term{Start: agreement.NewDate(2025, 7, 4), End: agreement.NewDate(2030, 7, 3)},
		Signing:      &agreement.Signing{Date: agreement.NewDate(2025, 7, 4), Place: "Sumedang"},
		Implementers: []string{"Dinas Kominfo", "Bappeda"},
		Parties:      []agreement.AgreementParty{{PartyID: 1, Own: true, Number: "61/KSB.05-Huk/2025"}, {PartyID: 2}},
		Monitoring: []agreement.Monitoring{
			{Date: agreement.NewDate(2025, 12, 1), Unit: "Dinas Kominfo", Activity: "Evaluasi kedua", Score: 3, Recommendation: agreement.RecAkhiri, Reasons: "Tidak berjalan"},
			{Date: agreement.NewDate(2025, 9, 1), Unit: "dinas kominfo", Activity: "Evaluasi pertama", Planned: "Integrasi", Result: "Sebagian"},
		}}
	names := map[agreement.ID]string{1: "Pemerintah Kabupaten Sumedang", 2: "Pemerintah Kabupaten Lampung Selatan"}
	party := func(id agreement.ID) (agreement.Party, error) { return agreement.Party{ID: id, Name: names[id]}, nil }
	office := Office{Party: agreement.Party{Name: "Pemerintah Kabupaten Sumedang", Seat: "Sumedang", Own: true}}
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		l     i18n.Lang
		words []string
	}{
		{i18n.ID, []string{"LAPORAN MONITORING DAN EVALUASI KERJA SAMA DAERAH", "Monev Dinas Kominfo", "Diakhiri: Tidak berjalan", "Monev yang terlambat", "Bappeda", "Sumedang, 22 November 2026", "KEPALA BAGIAN KERJA SAMA,"}},
		{i18n.EN, []string{"MONITORING AND EVALUATION REPORT OF REGIONAL COOPERATION", "Monitoring: Dinas Kominfo", "End: Tidak berjalan", "Overdue monitoring", "Bappeda", "Sumedang, 22 November 2026"}},
	} {
		d := MonevDocument(&a, party, office, agreement.DefaultProcedure(), c.l, now)
		var text []string
		text = append(text, d.Report.Title, d.Sign.PlaceDate, d.Sign.Office)
		for _, b := range d.Report.Blocks {
			text = append(text, b.Heading, b.Note)
			if b.Table != nil {
				for _, r := range b.Table.Rows {
					text = append(text, strings.Join(r, " | "))
				}
			}
		}
		all := strings.Join(text, "\n")
		for _, w := range c.words {
			if !strings.Contains(all, w) {
				t.Errorf("%s: no %q in\n%s", c.l, w, all)
			}
		}
		// One block for Kominfo, its entries in date order (folded unit names).
		for _, b := range d.Report.Blocks {
			if strings.HasSuffix(b.Heading, "Dinas Kominfo") && (b.Table == nil || len(b.Table.Rows) != 2 || !strings.Contains(b.Table.Rows[0][2], "pertama")) {
				t.Errorf("%s: Kominfo's entries %+v", c.l, b.Table)
			}
		}
		var buf bytes.Buffer
		if err := WriteMonevPDF(context.Background(), &buf, &a, party, office, agreement.DefaultProcedure(), c.l, now); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) {
			t.Errorf("%s: PDF %d bytes, %v", c.l, buf.Len(), err)
		}
	}
}
