package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/pdf"
	"sepakat/internal/report"
)

// The words of the lembar telaah.
var (
	tTelaahTitle   = i18n.Text{ID: "LEMBAR TELAAH DAN DISPOSISI", EN: "REVIEW AND DISPOSITION SHEET"}
	tTelaahOf      = i18n.Text{ID: "Rancangan %s", EN: "Draft %s"}
	tPerihal       = i18n.Text{ID: "Perihal", EN: "Subject"}
	tParties       = i18n.Text{ID: "Para pihak", EN: "Parties"}
	tWith          = i18n.Text{ID: " dengan ", EN: " with "}
	tNumber        = i18n.Text{ID: "Nomor", EN: "Number"}
	tNoNumber      = i18n.Text{ID: "belum diberi nomor", EN: "not yet numbered"}
	tCategory      = i18n.Text{ID: "Kategori", EN: "Category"}
	tTermLabel     = i18n.Text{ID: "Jangka waktu", EN: "Term"}
	tYears         = i18n.Text{ID: "%d tahun", EN: "%d years"}
	tMonths        = i18n.Text{ID: "%d bulan", EN: "%d months"}
	tStatusLabel   = i18n.Text{ID: "Status", EN: "Status"}
	tFunding       = i18n.Text{ID: "Pembiayaan", EN: "Funding"}
	tDPRD          = i18n.Text{ID: "Persetujuan DPRD", EN: "DPRD approval"}
	tDPRDNotNeeded = i18n.Text{ID: "Tidak diperlukan: tidak membebani masyarakat dan daerah, dan pendanaan dalam APBD tahun berjalan", EN: "Not needed: it does not burden the public and the region, and its funding is within this year's APBD"}
	tDPRDOpen      = i18n.Text{ID: "Belum dijawab apakah membebani masyarakat dan daerah, dan apakah pendanaan di luar APBD tahun berjalan", EN: "Not yet answered whether it burdens the public and the region, and whether its funding is outside this year's APBD"}
	tDPRDGiven     = i18n.Text{ID: "Diperlukan; Nomor %s tanggal %s", EN: "Needed; number %s of %s"}
	tDPRDMissing   = i18n.Text{ID: "Diperlukan; BELUM ADA", EN: "Needed; NOT YET GIVEN"}
	tCentral       = i18n.Text{ID: "Persetujuan Pemerintah Pusat", EN: "Central government approval"}
	tCentralGiven  = i18n.Text{ID: "Nomor %s tanggal %s", EN: "Number %s of %s"}
	tReviews       = i18n.Text{ID: "Telaah Tim Koordinasi Kerja Sama Daerah (TKKSD)", EN: "Review by the regional cooperation team (TKKSD)"}
	tColNo         = i18n.Text{ID: "No.", EN: "No."}
	tColReviewer   = i18n.Text{ID: "Penelaah", EN: "Reviewer"}
	tColDate       = i18n.Text{ID: "Tanggal", EN: "Date"}
	tColOutcome    = i18n.Text{ID: "Hasil", EN: "Outcome"}
	tColNote       = i18n.Text{ID: "Catatan", EN: "Note"}
	tColParaf      = i18n.Text{ID: "Paraf", EN: "Initials"}
	tRequired      = i18n.Text{ID: "* wajib menyetujui sebelum Siap Tanda Tangan.", EN: "* must agree before Ready to sign."}
	tNotYet        = i18n.Text{ID: "Belum", EN: "Not yet"}
	tAllAgreed     = i18n.Text{ID: "Semua penelaah wajib telah menyetujui.", EN: "Every required reviewer has agreed."}
	tPending       = i18n.Text{ID: "Belum menyetujui: %s.", EN: "Not yet agreed: %s."}
	tHistory       = i18n.Text{ID: "Riwayat telaah", EN: "Review history"}
	tDisposisi     = i18n.Text{ID: "DISPOSISI", EN: "DISPOSITION"}
	tDispTo        = i18n.Text{ID: "Kepada", EN: "To"}
	tDispText      = i18n.Text{ID: "Isi disposisi", EN: "Instruction"}
	tOutcomes      = map[agreement.ReviewOutcome]i18n.Text{
		agreement.ReviewSetuju:    {ID: "Setuju", EN: "Agreed"},
		agreement.ReviewPerbaikan: {ID: "Perbaikan", EN: "Changes needed"},
		agreement.ReviewTolak:     {ID: "Tolak", EN: "Refused"},
	}
)

// TelaahSheet lays agreement a's review out as a lembar telaah dan disposisi
// for office (its letterhead) under procedure p, in l, made at made.
func TelaahSheet(a *agreement.Agreement, parties []agreement.Party, office report.Office, p agreement.Procedure, l i18n.Lang, made time.Time) *pdf.TelaahDoc {
	names := map[agreement.ID]string{}
	var dir partyLookup = parties
	for _, pt := range parties {
		names[pt.ID] = pt.Name
	}
	date := func(d agreement.Date) string { return report.DateText(d, l) }
	kind := report.KindLabel(a.Kind, l)
	d := &pdf.TelaahDoc{Letterhead: office.Letterhead(), Title: tTelaahTitle.In(l), Lines: []string{tTelaahOf.In(l, kind)},
		PageLabel: report.TPage.In(l), Footer: report.TFooter.In(l, date(agreement.DateOf(made))),
		Meta: pdf.ReportMeta{Title: tTelaahTitle.In(l) + " " + a.Subject, Author: office.Party.Name, Creator: "Sepakat"}}

	var who []string
	for _, ap := range a.Parties {
		if n := names[ap.PartyID]; n != "" {
			who = append(who, n)
		}
	}
	number := a.OwnNumber()
	if number == "" {
		number = tNoNumber.In(l)
	}
	term := ""
	switch {
	case a.Term.Length > 0 && a.Term.Unit == agreement.UnitBulan:
		term = tMonths.In(l, a.Term.Length)
	case a.Term.Length > 0:
		term = tYears.In(l, a.Term.Length)
	}
	d.Fields = [][2]string{
		{tPerihal.In(l), kind + " " + a.Subject},
		{tParties.In(l), strings.Join(who, tWith.In(l))},
		{tNumber.In(l), number},
	}
	if a.Category != "" {
		d.Fields = append(d.Fields, [2]string{tCategory.In(l), report.CategoryLabel(a.Category, l)})
	}
	if term != "" {
		d.Fields = append(d.Fields, [2]string{tTermLabel.In(l), term})
	}
	if a.Funding.Source != "" {
		d.Fields = append(d.Fields, [2]string{tFunding.In(l), a.Funding.Source})
	}
	d.Fields = append(d.Fields, [2]string{tStatusLabel.In(l), report.StatusLabel(a.Status, l)})
	dprd := tDPRDNotNeeded.In(l)
	switch {
	case a.DPRD.NeedsDPRD() && a.DPRD.Given():
		dprd = tDPRDGiven.In(l, a.DPRD.Number, date(a.DPRD.Date))
	case a.DPRD.NeedsDPRD():
		dprd = tDPRDMissing.In(l)
	case !a.DPRD.Answered():
		dprd = tDPRDOpen.In(l)
	}
	d.Fields = append(d.Fields, [2]string{tDPRD.In(l), dprd})
	if a.Foreign(dir) {
		central := tDPRDMissing.In(l)
		if a.Central.Given() {
			central = tCentralGiven.In(l, a.Central.Number, date(a.Central.Date))
			if a.Central.By != "" {
				central += " (" + a.Central.By + ")"
			}
		}
		d.Fields = append(d.Fields, [2]string{tCentral.In(l), central})
	}

	// Each reviewer of the procedure, in its order, with the latest review;
	// then anyone else who reviewed.
	p = p.WithDefaults()
	latest := map[string]agreement.Review{}
	var others []string
	for _, r := range a.Reviews {
		key := fold(r.Reviewer)
		old, ok := latest[key]
		if !ok && !inProcedure(p, key) {
			others = append(others, r.Reviewer)
		}
		if !ok || !r.Date.Before(old.Date) {
			latest[key] = r
		}
	}
	header := []string{tColNo.In(l), tColReviewer.In(l), tColDate.In(l), tColOutcome.In(l), tColNote.In(l), tColParaf.In(l)}
	table := &pdf.ReportTable{Header: header, Widths: []float64{9.5, 42, 21, 18, 45.5, 14}, Align: []string{"R", "L", "L", "L", "L", "L"}}
	row := func(title string, required bool) {
		cells := []string{fmt.Sprint(len(table.Rows) + 1), title, "–", tNotYet.In(l), "", ""}
		if required {
			cells[1] += " *"
		}
		if r, ok := latest[fold(title)]; ok {
			if r.Name != "" {
				cells[1] += "\n" + r.Name
			}
			cells[2], cells[3], cells[4] = short(r.Date), outcomeText(r.Outcome, l), r.Note
		}
		table.Rows = append(table.Rows, cells)
	}
	for _, rv := range p.Reviewers {
		row(rv.Title, rv.Required)
	}
	for _, title := range others {
		row(title, false)
	}
	note := tRequired.In(l) + " " + tAllAgreed.In(l)
	if pending := a.ReviewsPending(p); len(pending) > 0 {
		note = tRequired.In(l) + " " + tPending.In(l, strings.Join(pending, ", "))
	}
	d.Blocks = append(d.Blocks, pdf.ReportBlock{Heading: tReviews.In(l), Table: table}, pdf.ReportBlock{Note: note})
	// Every review, oldest first, when some were superseded.
	if len(a.Reviews) > len(latest) {
		all := append([]agreement.Review(nil), a.Reviews...)
		sort.SliceStable(all, func(i, j int) bool { return all[i].Date.Before(all[j].Date) })
		hist := &pdf.ReportTable{Header: header[:5], Widths: []float64{9.5, 42, 21, 18, 59.5}, Align: []string{"R", "L", "L", "L", "L"}}
		for i, r := range all {
			hist.Rows = append(hist.Rows, []string{fmt.Sprint(i + 1), r.Reviewer, short(r.Date), outcomeText(r.Outcome, l), r.Note})
		}
		d.Blocks = append(d.Blocks, pdf.ReportBlock{Heading: tHistory.In(l), Table: hist})
	}
	signer := ""
	for _, rv := range p.Reviewers {
		if rv.Required {
			signer = rv.Title // the last required reviewer decides
		}
	}
	d.Disposisi = pdf.Disposisi{Heading: tDisposisi.In(l), Lines: []string{tDispTo.In(l), tDispText.In(l), ""}, Signer: signer}
	return d
}

func outcomeText(o agreement.ReviewOutcome, l i18n.Lang) string {
	if t, ok := tOutcomes[o]; ok {
		return t.In(l)
	}
	return string(o)
}

// short writes a date as the tables do: 02-11-2026.
func short(d agreement.Date) string {
	if d.IsZero() {
		return "–"
	}
	return fmt.Sprintf("%02d-%02d-%04d", d.Day, int(d.Month), d.Year)
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func inProcedure(p agreement.Procedure, key string) bool {
	for _, r := range p.Reviewers {
		if fold(r.Title) == key {
			return true
		}
	}
	return false
}

// partyLookup answers the rules that need only the instansi (a foreign partner).
type partyLookup []agreement.Party

func (l partyLookup) Party(id agreement.ID) (agreement.Party, bool) {
	for _, p := range l {
		if p.ID == id {
			return p, true
		}
	}
	return agreement.Party{}, false
}
func (partyLookup) Official(agreement.ID) (agreement.Official, bool) {
	return agreement.Official{}, false
}
func (partyLookup) Mandate(agreement.ID) (agreement.Mandate, bool)    { return agreement.Mandate{}, false }
func (partyLookup) AgreementKind(agreement.ID) (agreement.Kind, bool) { return "", false }
func (partyLookup) RegionName(string) (string, bool)                  { return "", false }

// Telaah writes agreement id's lembar telaah dan disposisi as a PDF in l, on
// our office's letterhead and paper, under our office's procedure. Nothing is
// written to w unless the whole PDF is made.
func Telaah(ctx context.Context, src Source, id agreement.ID, w io.Writer, l i18n.Lang, made time.Time) error {
	a, err := src.Agreement(id)
	if err != nil {
		return err
	}
	parties, err := src.Parties()
	if err != nil {
		return err
	}
	office, _ := report.OfficeOf(parties, src.File)
	p := a.OwnProcedure(partyLookup(parties))
	doc := TelaahSheet(&a, parties, office, p, l, made)
	r, err := pdf.NewRenderer()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := r.RenderTelaah(ctx, &buf, doc, office.Profile(), pdf.Options{Compress: true, Created: made}); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// ExportTelaah writes agreement id's lembar telaah as a PDF in l
// (service.TelaahPrinter).
func (p Printer) ExportTelaah(ctx context.Context, id agreement.ID, w io.Writer, l i18n.Lang) error {
	return Telaah(ctx, p.Src, id, w, l, time.Now())
}
