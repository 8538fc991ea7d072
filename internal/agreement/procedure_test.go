package agreement

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"sepakat/internal/i18n"
)

func procedureDir() memDir {
	d := fixture()
	d.parties[4] = Party{ID: 4, Kind: PartyKementerian, Name: "Kementerian Dalam Negeri"}
	d.parties[5] = Party{ID: 5, Kind: PartyLuarNegeri, Name: "Kota Contoh, Jepang"}
	d.officials[15] = Official{ID: 15, PartyID: 4, Name: "Menteri", Jabatan: "Menteri Dalam Negeri", Role: RolePimpinan}
	d.officials[16] = Official{ID: 16, PartyID: 5, Name: "Mayor", Jabatan: "Mayor", Role: RolePimpinan}
	return d
}

func withPartner(a Agreement, party, signer ID) Agreement {
	a.Parties = []AgreementParty{{PartyID: party, Role: RolePihakPertama, SignerID: signer}, {PartyID: 1, Role: RolePihakKedua, Own: true, SignerID: 10}}
	return a
}

func TestThePartnerDecidesTheDocument(t *testing.T) {
	dir := procedureDir()
	for _, c := range []struct {
		name    string
		kind    Kind
		cat     Category
		partner ID
		signer  ID
		field   string
		code    string
	}{
		{"KSB with a region", KindKSB, CatKSDD, 2, 11, "", ""},
		{"KSB with a company", KindKSB, CatKSDPK, 3, 14, "", ""},
		{"NK with a ministry", KindNK, "", 4, 15, "", ""},
		{"KSB with a ministry", KindKSB, "", 4, 15, "kind", "ministry_needs_nk"},
		{"NK with a region", KindNK, CatKSDD, 2, 11, "kind", "nk_needs_ministry"},
		{"KSDD with a company", KindKSB, CatKSDD, 3, 14, "category", "category_partner"},
		{"KSDPK with a region", KindKSB, CatKSDPK, 2, 11, "category", "category_partner"},
		{"KSDLL with a region", KindKSB, CatKSDLL, 2, 11, "category", "category_partner"},
		{"KSDPL with a foreign city", KindKSB, CatKSDPL, 5, 16, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := withPartner(ksb(), c.partner, c.signer)
			a.Kind, a.Category = c.kind, c.cat
			es := append(a.Validate(dir), a.FitErrors(dir)...)
			warned := slices.DeleteFunc(a.Warnings(DefaultProcedure(), dir), func(e FieldError) bool { return e.Code == "dprd_unanswered" })
			if len(warned) != 0 {
				t.Errorf("a draft's misfit is an error, not a warning: %v", warned)
			}
			// Signed, cancelled after signing or imported, the same misfit
			// is only a warning: what was signed stays as it was.
			for _, past := range []func(*Agreement){
				func(b *Agreement) { b.Status = StatusDitandatangani },
				func(b *Agreement) { b.Status = StatusDibatalkan },
				func(b *Agreement) { b.Imported = &Imported{} },
			} {
				b := a
				past(&b)
				if fe := b.FitErrors(dir); len(fe) != 0 {
					t.Errorf("%s (imported %v) refused: %v", b.Status, b.IsImported(), fe)
				}
				w := slices.DeleteFunc(b.Warnings(DefaultProcedure(), dir), func(e FieldError) bool { return e.Code == "dprd_unanswered" })
				if got := codes(w, c.field); c.code != "" && !slices.Contains(got, c.code) {
					t.Errorf("%s (imported %v): no warning %s: %v", b.Status, b.IsImported(), c.code, w)
				}
			}
			if c.code == "" {
				if len(es) != 0 {
					t.Fatalf("refused: %v", es)
				}
				return
			}
			if got := codes(es, c.field); !slices.Contains(got, c.code) {
				t.Fatalf("%s: %v, want %s (all: %v)", c.field, got, c.code, es)
			}
			for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
				if m := es.For(c.field)[0].Message(l); strings.Contains(m, "(") && strings.Contains(m, c.code) {
					t.Errorf("%s has no words in %v: %s", c.code, l, m)
				}
			}
		})
	}
	// A PKS under a Nota Kesepakatan with a ministry is refused too.
	dir.agreements[40] = Agreement{ID: 40, Kind: KindNK}
	pks := withPartner(ksb(), 4, 15)
	pks.Kind, pks.ParentID = KindPKS, 40
	if got := codes(pks.FitErrors(dir), "kind"); !slices.Contains(got, "ministry_needs_nk") {
		t.Errorf("PKS with a ministry: %v", got)
	}
	if got := DocumentsFor([]PartyKind{PartyKementerian}); slices.Contains(got, KindPKS) || !slices.Contains(got, KindNK) {
		t.Errorf("documents with a ministry: %v", got)
	}
	if got := DocumentsFor([]PartyKind{PartyPemkab}); !slices.Contains(got, KindPKS) || slices.Contains(got, KindNK) {
		t.Errorf("documents with a region: %v", got)
	}
	for kinds, want := range map[string]Category{"pemkab": CatKSDD, "pemkab swasta": CatKSDPK, "luar_negeri": CatKSDLL, "kementerian_lembaga": "", "pemkab kementerian_lembaga": "", "": ""} {
		var ks []PartyKind
		for _, k := range strings.Fields(kinds) {
			ks = append(ks, PartyKind(k))
		}
		if got := CategoryFor(ks); got != want {
			t.Errorf("CategoryFor(%q) = %q, want %q", kinds, got, want)
		}
	}
}

func readyToSign(a Agreement) Agreement {
	a.Status = StatusSiapTTD
	a.Body = []Node{{Kind: NodePasal, Heading: "Maksud", Text: "Maksud."}}
	return a
}

func allAgreed(day Date) []Review {
	var out []Review
	for _, r := range DefaultProcedure().Reviewers {
		out = append(out, Review{Reviewer: r.Title, Date: day, Outcome: ReviewSetuju})
	}
	return out
}

func TestDPRDGateBlocksReadyToSign(t *testing.T) {
	dir := procedureDir()
	p := DefaultProcedure()
	day := NewDate(2025, 6, 2)
	for _, c := range []struct {
		name  string
		dprd  DPRDApproval
		block bool
	}{
		{"neither", DPRDApproval{Burdens: AnswerNo, OutsideBudget: AnswerNo}, false},
		{"burdens", DPRDApproval{Burdens: AnswerYes, OutsideBudget: AnswerNo}, true},
		{"outside the APBD", DPRDApproval{Burdens: AnswerNo, OutsideBudget: AnswerYes}, true},
		{"approved", DPRDApproval{Burdens: AnswerYes, Number: "172/2/DPRD/2025", Date: day}, false},
		{"number only", DPRDApproval{OutsideBudget: AnswerYes, Number: "172/2/DPRD/2025"}, true},
		{"unanswered", DPRDApproval{}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := readyToSign(ksb())
			a.DPRD, a.Reviews = c.dprd, allAgreed(day)
			es := a.Gate(StatusTelaah, p, dir)
			blocked := len(es.For("dprd.number"))+len(es.For("dprd.date")) > 0
			if blocked != c.block {
				t.Fatalf("blocked %v, want %v: %v", blocked, c.block, es)
			}
			if len(es) > 0 && !c.block {
				t.Fatalf("other stops: %v", es)
			}
			// Once past the gate, later saves are not stopped again.
			if es := a.Gate(StatusSiapTTD, p, dir); len(es) != 0 {
				t.Fatalf("gate on a later save: %v", es)
			}
		})
	}
	a := readyToSign(ksb())
	if w := codes(a.Warnings(p, dir), "dprd.burdens"); !slices.Contains(w, "dprd_unanswered") {
		t.Errorf("unanswered questions give no warning: %v", a.Warnings(p, dir))
	}
	// Foreign cooperation records the central government's approval.
	f := readyToSign(withPartner(ksb(), 5, 16))
	f.Category, f.Reviews, f.DPRD = CatKSDPL, allAgreed(day), DPRDApproval{Burdens: AnswerNo, OutsideBudget: AnswerNo}
	if got := codes(f.Gate(StatusTelaah, p, dir), "central.number"); !slices.Contains(got, "central_required") {
		t.Errorf("foreign without central approval: %v", f.Gate(StatusTelaah, p, dir))
	}
	f.Central = ApprovalRecord{Number: "100.4/123/SJ", Date: day, By: "Menteri Dalam Negeri"}
	if es := f.Gate(StatusTelaah, p, dir); len(es) != 0 {
		t.Errorf("foreign with approval: %v", es)
	}
}

func TestRequiredReviewersMustAgree(t *testing.T) {
	dir := procedureDir()
	p := DefaultProcedure()
	day := NewDate(2025, 6, 2)
	a := readyToSign(ksb())
	a.DPRD = DPRDApproval{Burdens: AnswerNo, OutsideBudget: AnswerNo}
	es := a.Gate(StatusTelaah, p, dir)
	if len(es.For("reviews")) != 1 {
		t.Fatalf("no reviews: %v", es)
	}
	msg := es.For("reviews")[0].Message(i18n.ID)
	for _, r := range p.Reviewers {
		if strings.Contains(msg, r.Title) != r.Required {
			t.Errorf("%q named %v in %q", r.Title, !r.Required, msg)
		}
	}
	// Hukum asks for changes, then agrees on a later day; the Sekda refuses.
	a.Reviews = allAgreed(day)
	a.Reviews[1].Outcome, a.Reviews[1].Note = ReviewPerbaikan, "Pasal 5 ayat (2) diperjelas."
	a.Reviews = append(a.Reviews, Review{Reviewer: "kepala bagian  hukum", Date: day.AddDate(0, 0, 3), Outcome: ReviewSetuju})
	a.Reviews[3].Outcome, a.Reviews[3].Note = ReviewTolak, "Belum ada kajian."
	if got := a.ReviewsPending(p); !slices.Equal(got, []string{"Sekretaris Daerah"}) {
		t.Errorf("pending %v, want the Sekda only", got)
	}
	a.Reviews[3].Outcome = ReviewSetuju
	if es := a.Gate(StatusTelaah, p, dir); len(es) != 0 {
		t.Errorf("all agreed: %v", es)
	}
	// The office's own list decides.
	own := Procedure{Reviewers: []Reviewer{{Title: "Kepala Bagian Hukum", Required: true}}}
	b := readyToSign(ksb())
	b.Reviews = []Review{{Reviewer: "Kepala Bagian Hukum", Date: day, Outcome: ReviewSetuju}}
	if got := b.ReviewsPending(own); len(got) != 0 {
		t.Errorf("own list: pending %v", got)
	}
	if got := OfficeProcedure([]Party{{Name: "Mitra", Procedure: &Procedure{MonevPerYear: 9}}, {Own: true, Procedure: &own}}); len(got.Reviewers) != 1 || got.MonevPerYear != 2 {
		t.Errorf("office procedure %+v", got)
	}
	if got := OfficeProcedure(nil); len(got.Reviewers) != 4 {
		t.Errorf("default procedure %+v", got)
	}
	// A review asking for changes says what.
	bad := ksb()
	bad.Reviews = []Review{{Reviewer: "Kepala Bagian Hukum", Date: day, Outcome: ReviewTolak}, {Reviewer: "", Outcome: "mungkin"}}
	es = bad.Validate(dir)
	for field, code := range map[string]string{"reviews[0].note": "review_note", "reviews[1].reviewer": "required", "reviews[1].outcome": "bad_value", "reviews[1].date": "required"} {
		if !slices.Contains(codes(es, field), code) {
			t.Errorf("%s: %v, want %s", field, codes(es, field), code)
		}
	}
}

func TestNotaKesepakatanNeedsRencanaAksi(t *testing.T) {
	dir := procedureDir()
	day := NewDate(2025, 6, 2)
	a := readyToSign(withPartner(ksb(), 4, 15))
	a.Kind, a.Reviews = KindNK, allAgreed(day)
	a.DPRD = DPRDApproval{Burdens: AnswerNo, OutsideBudget: AnswerNo}
	if got := codes(a.Gate(StatusTelaah, DefaultProcedure(), dir), "action_plan"); !slices.Contains(got, "action_plan_required") {
		t.Fatalf("NK without rencana aksi: %v", got)
	}
	a.ActionPlan = []ActionItem{{Activity: "Pendampingan penyusunan SOP perizinan", Unit: "DPMPTSP", Time: "Triwulan III 2025"}}
	if es := a.Gate(StatusTelaah, DefaultProcedure(), dir); len(es) != 0 {
		t.Fatalf("NK with rencana aksi: %v", es)
	}
	a.ActionPlan = append(a.ActionPlan, ActionItem{Activity: "Evaluasi"})
	es := a.Validate(dir)
	if !slices.Contains(codes(es, "action_plan[1].unit"), "required") || !slices.Contains(codes(es, "action_plan[1].time"), "required") {
		t.Errorf("incomplete action: %v", es)
	}
}

func TestSignedCopiesChecklist(t *testing.T) {
	a := ksb()
	a.Status, a.Copies = StatusDitandatangani, 2
	a.Signing = &Signing{Date: NewDate(2025, 7, 4), Place: "Sumedang"}
	if ok, done, total := a.CopiesComplete(); ok || done != 0 || total != 4 {
		t.Fatalf("nothing done: %v %d/%d", ok, done, total)
	}
	p := DefaultProcedure()
	if a.IncompleteAt(p, time.Date(2025, 7, 20, 9, 0, 0, 0, time.UTC)) {
		t.Error("listed before 30 days")
	}
	if !a.IncompleteAt(p, time.Date(2025, 8, 4, 9, 0, 0, 0, time.UTC)) {
		t.Error("not listed after 30 days")
	}
	all := CopyCheck{Paraf: true, Meterai: true, Stempel: true, Exchanged: true, Scanned: true}
	for n := 1; n <= 2; n++ {
		for _, ap := range a.Parties {
			c := all
			c.Copy, c.PartyID = n, ap.PartyID
			a.Signing.Checklist = append(a.Signing.Checklist, c)
		}
	}
	a.Signing.Checklist[3].Scanned = false
	if ok, done, _ := a.CopiesComplete(); ok || done != 3 {
		t.Fatalf("one scan missing: %v %d", ok, done)
	}
	a.Signing.Checklist[3].Scanned = true
	if ok, _, _ := a.CopiesComplete(); !ok || a.IncompleteAt(p, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatal("all done but incomplete")
	}
	a.Signing.Checklist = append(a.Signing.Checklist, CopyCheck{Copy: 3, PartyID: 99})
	es := a.Validate(fixture())
	if len(es.For("signing.checklist[4].copy")) == 0 || len(es.For("signing.checklist[4].party_id")) == 0 {
		t.Errorf("a third copy of an unknown party: %v", es)
	}
}

func TestMonevSchedule(t *testing.T) {
	a := ksb()
	a.Status = StatusDitandatangani
	a.Signing = &Signing{Date: NewDate(2025, 3, 10), Place: "Sumedang"}
	a.Term = Term{Length: 2, Unit: UnitTahun, Start: NewDate(2025, 3, 10), End: NewDate(2027, 3, 9)}
	a.Implementers = []string{"DPMPTSP", "Dinas Kominfo"}
	p := DefaultProcedure()
	now := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	// 2025's two semesters have ended for both units; nothing recorded.
	if got := a.MonevDue(p, now); len(got) != 4 {
		t.Fatalf("gaps %+v, want 4", got)
	}
	a.Monitoring = []Monitoring{
		{Date: NewDate(2025, 6, 20), Activity: "Rapat evaluasi", Unit: "DPMPTSP", Score: 4},
		{Date: NewDate(2025, 12, 1), Activity: "Kunjungan", Unit: "dpmptsp", Recommendation: RecPerpanjang, Reasons: "Layanan berjalan baik."},
		{Date: NewDate(2025, 11, 5), Activity: "Laporan", Unit: "Dinas Kominfo", Recommendation: RecLanjut, Reasons: "Sesuai rencana."},
	}
	got := a.MonevDue(p, now)
	if len(got) != 1 || got[0].Unit != "Dinas Kominfo" || got[0].Year != 2025 || got[0].Round != 1 || got[0].To != NewDate(2025, 6, 30) {
		t.Fatalf("gaps %+v, want Kominfo's first semester of 2025", got)
	}
	if got[0].DaysOverdue != 216 {
		t.Errorf("overdue %d days, want 216", got[0].DaysOverdue)
	}
	if a.LastRecommendation() != RecPerpanjang {
		t.Errorf("last recommendation %q", a.LastRecommendation())
	}
	// Four rounds a year: quarters.
	q := a.MonevDue(Procedure{MonevPerYear: 4}, now)
	for _, g := range q {
		if g.Rounds != 4 || g.To.Day < 30 {
			t.Errorf("quarter %+v", g)
		}
	}
	// Scores and reasons.
	a.Monitoring[0].Score = 6
	a.Monitoring[2].Reasons = ""
	if es := a.Validate(fixture()); len(es.For("monitoring[0].score")) == 0 {
		t.Errorf("score 6 accepted: %v", es)
	}
	if w := a.Warnings(p, fixture()); len(w.For("monitoring[2].reasons")) == 0 {
		t.Errorf("no warning for a recommendation without reasons: %v", w)
	}
	// A draft owes no monev.
	a.Status = StatusKonsep
	if got := a.MonevDue(p, now); got != nil {
		t.Errorf("draft gaps %v", got)
	}
}

func TestTermOverFiveYearsWarns(t *testing.T) {
	a := ksb()
	a.DPRD = DPRDApproval{Burdens: AnswerNo, OutsideBudget: AnswerNo}
	a.Term = Term{Length: 30, Unit: UnitTahun, Start: NewDate(2025, 7, 4), End: NewDate(2055, 7, 3)}
	w := a.Warnings(DefaultProcedure(), fixture())
	if !slices.Contains(codes(w, "term.length"), "term_over_max") {
		t.Fatalf("30 years without a basis: %v", w)
	}
	if m := w.For("term.length")[0].Message(i18n.EN); !strings.Contains(m, "5 years") {
		t.Errorf("English: %q", m)
	}
	a.Term.SectoralBasis = "PP 27/2014 tentang Pengelolaan Barang Milik Negara/Daerah"
	if w := a.Warnings(DefaultProcedure(), fixture()); len(w) != 0 {
		t.Fatalf("with a basis: %v", w)
	}
	a.Term = Term{Length: 60, Unit: UnitBulan, Start: NewDate(2025, 7, 4), End: NewDate(2030, 7, 3)}
	if w := a.Warnings(DefaultProcedure(), fixture()); len(w) != 0 {
		t.Fatalf("60 months: %v", w)
	}
	if w := a.Warnings(Procedure{MaxTermYears: 3}, fixture()); len(w) != 1 {
		t.Fatalf("an office allowing 3 years: %v", w)
	}
}

func TestProcedureSettingsAreChecked(t *testing.T) {
	good := Procedure{Reviewers: []Reviewer{{Title: "Kepala Bagian Hukum", Required: true}, {Title: "Inspektur"}}, MonevPerYear: 4}
	p := Party{Kind: PartySwasta, Name: "PT Contoh", Procedure: &good}
	if es := p.Validate(fixture()); len(es) != 0 {
		t.Fatalf("a good procedure: %v", es)
	}
	bad := Procedure{Reviewers: []Reviewer{{Title: "Kepala Bagian Hukum"}, {Title: " kepala  bagian hukum "}, {Title: ""}},
		MonevPerYear: 13, IncompleteAfterDays: -1, MaxTermYears: 31}
	p.Procedure = &bad
	es := p.Validate(fixture())
	for field, code := range map[string]string{
		"procedure.reviewers[1].title":    "duplicate_reviewer",
		"procedure.reviewers[2].title":    "required",
		"procedure.reviewers":             "reviewer_required",
		"procedure.monev_per_year":        "out_of_range",
		"procedure.incomplete_after_days": "out_of_range",
		"procedure.max_term_years":        "out_of_range",
	} {
		if got := codes(es, field); !slices.Contains(got, code) {
			t.Errorf("%s: %v, want %s", field, got, code)
		}
	}
	for _, e := range es {
		for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
			if m := e.Message(l); strings.Contains(m, "("+e.Code+")") {
				t.Errorf("%s has no words in %v: %s", e.Code, l, m)
			}
		}
	}
}

func TestCheckUpdateHoldsTheGate(t *testing.T) {
	dir := procedureDir()
	day := NewDate(2025, 6, 2)
	a := readyToSign(ksb())
	a.DPRD = DPRDApproval{Burdens: AnswerNo, OutsideBudget: AnswerYes}
	stored := func() (*Agreement, error) { c := a; c.Status = StatusTelaah; return &c, nil }
	var es Errors
	if err := CheckUpdate(StatusTelaah, stored, &a, dir); !errors.As(err, &es) || len(codes(es, "dprd.number")) == 0 || len(codes(es, "reviews")) == 0 {
		t.Fatalf("Telaah → Siap without approval or reviews: %v", err)
	}
	a.Reviews = allAgreed(day)
	a.DPRD.Number, a.DPRD.Date = "172/4/DPRD", day
	if err := CheckUpdate(StatusTelaah, stored, &a, dir); err != nil {
		t.Fatalf("with both: %v", err)
	}
	// Our office's procedure, kept on the party marked ours, decides the reviewers.
	own := dir.parties[1]
	own.Own, own.Procedure = true, &Procedure{Reviewers: []Reviewer{{Title: "Inspektur Daerah", Required: true}}}
	dir.parties[1] = own
	if got := a.OwnProcedure(dir); len(got.Reviewers) != 1 || got.MonevPerYear != 2 {
		t.Errorf("own procedure %+v", got)
	}
	if err := CheckUpdate(StatusTelaah, stored, &a, dir); !errors.As(err, &es) || !slices.Contains(codes(es, "reviews"), "reviews_pending") {
		t.Errorf("the office's Inspektur was not asked for: %v", err)
	}
	// A record already past Siap Tanda Tangan is not held.
	a.Status = StatusDitandatangani
	a.Signing = &Signing{Date: day, Place: "Sumedang"}
	signed := func() (*Agreement, error) { c := a; return &c, nil }
	if err := CheckUpdate(StatusSiapTTD, signed, &a, dir); err != nil {
		t.Errorf("Siap → Ditandatangani held again: %v", err)
	}
}

func TestApprovalLetterMustBeAttached(t *testing.T) {
	a := ksb()
	a.DPRD = DPRDApproval{Burdens: AnswerYes, OutsideBudget: AnswerNo, Number: "1", Date: NewDate(2025, 6, 1), Letter: "abc"}
	a.Central.Letter = "def"
	es := a.Validate(fixture())
	if !slices.Contains(codes(es, "dprd.letter"), "letter_not_attached") || !slices.Contains(codes(es, "central.letter"), "letter_not_attached") {
		t.Fatalf("letters not attached: %v", es)
	}
	a.Attachments = []Attachment{{Kind: AttachLain, File: FileRef{Name: "dprd.pdf", SHA256: "abc"}}, {Kind: AttachLain, File: FileRef{Name: "pusat.pdf", SHA256: "def"}}}
	if es := a.Validate(fixture()); len(codes(es, "dprd.letter"))+len(codes(es, "central.letter")) != 0 {
		t.Errorf("attached letters: %v", es)
	}
	for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
		if m := (FieldError{Code: "letter_not_attached"}).Message(l); strings.Contains(m, "(letter_not_attached)") {
			t.Errorf("no words in %v", l)
		}
	}
}

func TestNoKuasaSignerOnKSBOrNK(t *testing.T) {
	dir := procedureDir()
	dir.mandates[22] = Mandate{ID: 22, PartyID: 4, GrantorID: 15, GranteeID: 15, Number: "1/Kemendagri", Date: NewDate(2025, 6, 1)}
	nk := withPartner(ksb(), 4, 15)
	nk.Kind = KindNK
	if got := codes(nk.Validate(dir), "parties[0].mandate_id"); len(got) != 0 {
		t.Fatalf("a minister signing for the ministry: %v", got)
	}
	nk.Parties[0].MandateID = 22
	if got := codes(nk.Validate(dir), "parties[0].mandate_id"); !slices.Contains(got, "ksb_no_mandate") {
		t.Errorf("a Nota Kesepakatan signed under a surat kuasa for a ministry: %v", got)
	}
	// With a private partner, a KSB is refused the same way.
	pt := withPartner(ksb(), 3, 14)
	pt.Parties[0].MandateID = 22
	if got := codes(pt.Validate(dir), "parties[0].mandate_id"); !slices.Contains(got, "ksb_no_mandate") {
		t.Errorf("a KSB signed under a surat kuasa for a company: %v", got)
	}
	for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
		if m := (FieldError{Code: "ksb_no_mandate", Args: []any{"Nota Kesepakatan"}}).Message(l); !strings.Contains(m, "Nota Kesepakatan") {
			t.Errorf("%v: %s", l, m)
		}
	}
}

func TestGateRefusesADocumentThatDoesNotFitThePartner(t *testing.T) {
	dir := procedureDir()
	day := NewDate(2025, 6, 2)
	ready := func(a Agreement) Agreement {
		a = readyToSign(a)
		a.Reviews = allAgreed(day)
		a.DPRD = DPRDApproval{Burdens: AnswerNo, OutsideBudget: AnswerNo}
		return a
	}
	ministryKSB := ready(withPartner(ksb(), 4, 15))
	if got := codes(ministryKSB.Gate(StatusTelaah, DefaultProcedure(), dir), "kind"); !slices.Contains(got, "ministry_needs_nk") {
		t.Errorf("a KSB with a ministry reached Siap Tanda Tangan: %v", got)
	}
	wrongCat := ready(withPartner(ksb(), 3, 14))
	wrongCat.Category = CatKSDD
	if got := codes(wrongCat.Gate(StatusTelaah, DefaultProcedure(), dir), "category"); !slices.Contains(got, "category_partner") {
		t.Errorf("KSDD with a company reached Siap Tanda Tangan: %v", got)
	}
	// While drafting it is a warning only, and what is past the gate stays.
	draft := ministryKSB
	draft.Status = StatusTelaah
	if es := draft.Gate(StatusKonsep, DefaultProcedure(), dir); len(es) != 0 {
		t.Errorf("a draft held: %v", es)
	}
	signed := ministryKSB
	signed.Status = StatusDitandatangani
	if es := signed.Gate(StatusSiapTTD, DefaultProcedure(), dir); len(es) != 0 {
		t.Errorf("a signed record held: %v", es)
	}
	// An Adendum of a legacy ministry PKS follows its parent.
	dir.agreements[41] = Agreement{ID: 41, Kind: KindPKS}
	add := ready(withPartner(ksb(), 4, 15))
	add.Kind, add.ParentID = KindAdendum, 41
	add.Parent = &ParentRef{Kind: KindPKS}
	if got := codes(add.Gate(StatusTelaah, DefaultProcedure(), dir), "kind"); len(got) != 0 {
		t.Errorf("an Adendum of a signed PKS held for its parent's kind: %v", got)
	}
	fits := ready(withPartner(ksb(), 2, 11))
	fits.Category = CatKSDD
	if es := fits.Gate(StatusTelaah, DefaultProcedure(), dir); len(es) != 0 {
		t.Errorf("a KSB with a region: %v", es)
	}
}
