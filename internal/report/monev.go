package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/pdf"
)

// The monev report's words.
var (
	TMonevTitle     = i18n.Text{ID: "LAPORAN MONITORING DAN EVALUASI KERJA SAMA DAERAH", EN: "MONITORING AND EVALUATION REPORT OF REGIONAL COOPERATION"}
	TMonevAbout     = i18n.Text{ID: "tentang %s", EN: "on %s"}
	TMonevNumber    = i18n.Text{ID: "Nomor %s", EN: "Number %s"}
	TMonevAgreement = i18n.Text{ID: "Perjanjian", EN: "Agreement"}
	TMonevItem      = i18n.Text{ID: "Uraian", EN: "Item"}
	TMonevValue     = i18n.Text{ID: "Keterangan", EN: "Details"}
	TMonevKind      = i18n.Text{ID: "Jenis naskah", EN: "Document"}
	TMonevNumbers   = i18n.Text{ID: "Nomor", EN: "Numbers"}
	TMonevSubject   = i18n.Text{ID: "Tentang", EN: "Subject"}
	TMonevParties   = i18n.Text{ID: "Para pihak", EN: "Parties"}
	TMonevTerm      = i18n.Text{ID: "Jangka waktu", EN: "Term"}
	TMonevSigned    = i18n.Text{ID: "Tanggal penandatanganan", EN: "Signed on"}
	TMonevUnits     = i18n.Text{ID: "Perangkat daerah pelaksana", EN: "Implementing units"}
	TMonevRounds    = i18n.Text{ID: "Monev per tahun anggaran", EN: "Monitoring rounds per budget year"}
	TMonevRoundsN   = i18n.Text{ID: "%d kali per perangkat daerah", EN: "%d per unit"}
	TMonevLast      = i18n.Text{ID: "Rekomendasi terakhir", EN: "Last recommendation"}
	TMonevOf        = i18n.Text{ID: "Monev %s", EN: "Monitoring: %s"}
	TMonevWhole     = i18n.Text{ID: "seluruh perjanjian", EN: "the whole agreement"}
	TMonevNone      = i18n.Text{ID: "Belum ada monev yang dicatat.", EN: "No monitoring recorded yet."}
	TMonevNo        = i18n.Text{ID: "No.", EN: "No."}
	TMonevDate      = i18n.Text{ID: "Tanggal", EN: "Date"}
	TMonevActivity  = i18n.Text{ID: "Kegiatan", EN: "Activity"}
	TMonevPlanned   = i18n.Text{ID: "Rencana", EN: "Planned"}
	TMonevResult    = i18n.Text{ID: "Realisasi", EN: "Realised"}
	TMonevObstacles = i18n.Text{ID: "Kendala", EN: "Obstacles"}
	TMonevScore     = i18n.Text{ID: "Nilai", EN: "Score"}
	TMonevRec       = i18n.Text{ID: "Rekomendasi dan alasan", EN: "Recommendation and reasons"}
	TMonevOverdue   = i18n.Text{ID: "Monev yang terlambat", EN: "Overdue monitoring"}
	TMonevOnTime    = i18n.Text{ID: "Tidak ada monev yang terlambat per %s.", EN: "No monitoring overdue as of %s."}
	TMonevUnit      = i18n.Text{ID: "Perangkat daerah", EN: "Unit"}
	TMonevRound     = i18n.Text{ID: "Putaran", EN: "Round"}
	TMonevPeriod    = i18n.Text{ID: "Periode", EN: "Period"}
	TMonevLate      = i18n.Text{ID: "Terlambat (hari)", EN: "Overdue (days)"}
	TMonevRoundOf   = i18n.Text{ID: "%d dari %d, %d", EN: "%d of %d, %d"}
	TMonevSignOf    = i18n.Text{ID: "%s,", EN: "%s,"}
	TMonevBlankName = i18n.Text{ID: "(..........................................)", EN: "(..........................................)"}
)

// recWords are the recommendations as the report writes them.
var recWords = map[agreement.Recommendation]i18n.Text{
	agreement.RecLanjut:       {ID: "Dilanjutkan", EN: "Continue"},
	agreement.RecUbah:         {ID: "Diubah", EN: "Amend"},
	agreement.RecPerpanjang:   {ID: "Diperpanjang", EN: "Extend"},
	agreement.RecAkhiri:       {ID: "Diakhiri", EN: "End"},
	agreement.RecBelumDinilai: {ID: "Belum dinilai", EN: "Not assessed"},
}

// MonevDocument is the monev report of a as of now: the agreement, its
// entries per perangkat daerah, the rounds overdue under procedure p, and
// the signature of the first reviewer of the procedure (the Kepala Bagian
// Kerja Sama by default). party names the parties.
func MonevDocument(a *agreement.Agreement, party func(agreement.ID) (agreement.Party, error), o Office, p agreement.Procedure, l i18n.Lang, now time.Time) *pdf.MonevDoc {
	p = p.WithDefaults()
	today := agreement.DateOf(now)
	lines := []string{a.Kind.Title()}
	if n := strings.TrimSpace(a.OwnNumber()); n != "" {
		lines[0] += " " + TMonevNumber.In(l, n)
	}
	lines = append(lines, TMonevAbout.In(l, a.Subject), TAsOf.In(l, DateText(today, l)))
	d := &pdf.MonevDoc{Report: pdf.ReportDoc{Letterhead: o.Letterhead(), Title: TMonevTitle.In(l), Lines: lines,
		PageLabel: TPage.In(l), Footer: TFooter.In(l, DateText(today, l)),
		Meta: pdf.ReportMeta{Title: TMonevTitle.In(l) + " " + a.Subject, Author: o.Party.Name, Creator: "Sepakat"}}}

	// The agreement.
	var names, numbers []string
	for _, ap := range a.Parties {
		if pt, err := party(ap.PartyID); err == nil {
			names = append(names, pt.Name)
		}
	}
	for _, n := range []string{a.OwnNumber(), a.PartnerNumber()} {
		if n = strings.TrimSpace(n); n != "" {
			numbers = append(numbers, n)
		}
	}
	signed := ""
	if a.Signing != nil {
		signed = DateText(a.Signing.Date, l)
	}
	units := strings.Join(a.Implementers, "; ")
	info := &pdf.ReportTable{Header: []string{TMonevItem.In(l), TMonevValue.In(l)}, Widths: []float64{1, 3}, Width: 0.8,
		Rows: [][]string{
			{TMonevKind.In(l), a.Kind.Title()},
			{TMonevNumbers.In(l), strings.Join(numbers, "\n")},
			{TMonevSubject.In(l), a.Subject},
			{TMonevParties.In(l), strings.Join(names, "\n")},
			{TMonevTerm.In(l), Term(a.EffectiveStart(), a.EffectiveEnd(), l)},
			{TMonevSigned.In(l), signed},
			{TMonevUnits.In(l), units},
			{TMonevRounds.In(l), TMonevRoundsN.In(l, p.MonevPerYear)},
			{TMonevLast.In(l), recWords[a.LastRecommendation()].In(l)},
		}}
	d.Report.Blocks = append(d.Report.Blocks, pdf.ReportBlock{Heading: TMonevAgreement.In(l), Table: info})

	// The entries, per perangkat daerah: the agreement's own first, then
	// any other unit an entry names, then entries naming none.
	order := slices.Clone(a.Implementers)
	known := map[string]bool{}
	for _, u := range order {
		known[fold(u)] = true
	}
	for _, m := range a.Monitoring {
		if u := strings.TrimSpace(m.Unit); u != "" && !known[fold(u)] {
			known[fold(u)] = true
			order = append(order, u)
		}
	}
	order = append(order, "")
	any := false
	for _, u := range order {
		var rows [][]string
		entries := slices.Clone(a.Monitoring)
		slices.SortStableFunc(entries, func(x, y agreement.Monitoring) int {
			return strings.Compare(string(x.Date.Key()), string(y.Date.Key()))
		})
		for _, m := range entries {
			if fold(m.Unit) != fold(u) {
				continue
			}
			score := ""
			if m.Score > 0 {
				score = fmt.Sprint(m.Score)
			}
			rec := ""
			if m.Recommendation != agreement.RecBelumDinilai {
				rec = recWords[m.Recommendation].In(l)
				if m.Reasons != "" {
					rec += ": " + m.Reasons
				}
			}
			rows = append(rows, []string{fmt.Sprint(len(rows) + 1), DateText(m.Date, l), m.Activity, m.Planned, m.Result, m.Obstacles, score, rec})
		}
		if len(rows) == 0 && (u == "" || len(a.Monitoring) > 0) {
			continue
		}
		any = true
		name := u
		if name == "" {
			name = TMonevWhole.In(l)
		}
		b := pdf.ReportBlock{Heading: TMonevOf.In(l, name)}
		if len(rows) == 0 {
			b.Note = TMonevNone.In(l)
		} else {
			b.Table = &pdf.ReportTable{Header: []string{TMonevNo.In(l), TMonevDate.In(l), TMonevActivity.In(l), TMonevPlanned.In(l),
				TMonevResult.In(l), TMonevObstacles.In(l), TMonevScore.In(l), TMonevRec.In(l)},
				Widths: []float64{0.5, 1.4, 2.2, 2.2, 2.2, 2, 0.7, 2.6}, Align: []string{"R", "L", "L", "L", "L", "L", "C", "L"}, Rows: rows}
		}
		d.Report.Blocks = append(d.Report.Blocks, b)
	}
	if !any {
		d.Report.Blocks = append(d.Report.Blocks, pdf.ReportBlock{Heading: TMonevOf.In(l, TMonevWhole.In(l)), Note: TMonevNone.In(l)})
	}

	// What is overdue.
	gaps := a.MonevDue(p, now)
	late := pdf.ReportBlock{Heading: TMonevOverdue.In(l)}
	if len(gaps) == 0 {
		late.Note = TMonevOnTime.In(l, DateText(today, l))
	} else {
		t := &pdf.ReportTable{Header: []string{TMonevUnit.In(l), TMonevRound.In(l), TMonevPeriod.In(l), TMonevLate.In(l)},
			Widths: []float64{3, 1.2, 2.2, 1}, Align: []string{"L", "C", "L", "R"}, Width: 0.8}
		for _, g := range gaps {
			unit := g.Unit
			if unit == "" {
				unit = TMonevWhole.In(l)
			}
			t.Rows = append(t.Rows, []string{unit, TMonevRoundOf.In(l, g.Round, g.Rounds, g.Year), Term(g.From, g.To, l), fmt.Sprint(g.DaysOverdue)})
		}
		late.Table = t
	}
	d.Report.Blocks = append(d.Report.Blocks, late)

	// Signed by the office that keeps the register of cooperation.
	sign := pdf.ReportSign{Name: TMonevBlankName.In(l)}
	if len(p.Reviewers) > 0 {
		sign.Office = TMonevSignOf.In(l, strings.ToUpper(p.Reviewers[0].Title))
	}
	place := strings.TrimSpace(o.Party.Seat)
	if place == "" && a.Signing != nil {
		place = a.Signing.Place
	}
	sign.PlaceDate = strings.TrimPrefix(strings.TrimSpace(place+", "+DateText(today, l)), ", ")
	d.Sign = sign
	return d
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// WriteMonevPDF writes a's monev report as a PDF on the office's letterhead;
// nothing is written to w unless the whole PDF is made.
func WriteMonevPDF(ctx context.Context, w io.Writer, a *agreement.Agreement, party func(agreement.ID) (agreement.Party, error), o Office, p agreement.Procedure, l i18n.Lang, now time.Time) error {
	rd, err := pdf.NewRenderer()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := rd.RenderMonev(ctx, &buf, MonevDocument(a, party, o, p, l, now), o.Profile(), pdf.Options{Compress: true, Created: now}); err != nil {
		return err
	}
	_, err = buf.WriteTo(w)
	return err
}
