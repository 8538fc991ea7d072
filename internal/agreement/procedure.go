package agreement

import (
	"strings"
	"time"
)

// This file holds the procedure of kerja sama daerah around the document
// (PP 28/2018, Permendagri 22/2020): which document fits which partner, the
// DPRD gate, the TKKSD review, the signed copies and monitoring. Where regions
// differ, the office's Procedure chooses.

// Answer is the answer to a yes-or-no question, empty while unanswered.
type Answer string

const (
	AnswerYes Answer = "ya"
	AnswerNo  Answer = "tidak"
)

// ReviewOutcome is a reviewer's decision in the telaah.
type ReviewOutcome string

const (
	ReviewSetuju    ReviewOutcome = "setuju"
	ReviewPerbaikan ReviewOutcome = "perbaikan"
	ReviewTolak     ReviewOutcome = "tolak"
)

// ReviewOutcomes lists every outcome in display order.
var ReviewOutcomes = []ReviewOutcome{ReviewSetuju, ReviewPerbaikan, ReviewTolak}

// Review is one reviewer's telaah of the draft.
type Review struct {
	// Reviewer is the office of the reviewer, as the procedure names it
	// ("Kepala Bagian Hukum").
	Reviewer string        `json:"reviewer"`
	Name     string        `json:"name,omitempty"`
	Date     Date          `json:"date"`
	Outcome  ReviewOutcome `json:"outcome"`
	Note     string        `json:"note,omitempty"`
}

// ApprovalRecord is a letter of approval: the DPRD's persetujuan, or the
// central government's for foreign cooperation.
type ApprovalRecord struct {
	Number string `json:"number,omitempty"`
	Date   Date   `json:"date"`
	// By is who approved ("Menteri Dalam Negeri").
	By string `json:"by,omitempty"`
	// Letter is the SHA-256 of the approval letter among the attachments.
	Letter string `json:"letter,omitempty"`
}

// Given reports whether the approval's number and date are recorded.
func (r ApprovalRecord) Given() bool {
	return strings.TrimSpace(r.Number) != "" && !r.Date.IsZero()
}

// ActionItem is one row of a Nota Kesepakatan's rencana aksi.
type ActionItem struct {
	Activity string `json:"activity"`
	// Unit is the perangkat daerah or unit responsible.
	Unit string `json:"unit"`
	// Time is when, as the document says it ("Triwulan II 2026").
	Time string `json:"time"`
}

// CopyCheck is the checklist of one signed original (Copy, from 1) as held by
// one party: paraf on every page, meterai, stempel, exchanged with the
// partner, scan attached.
type CopyCheck struct {
	Copy      int  `json:"copy"`
	PartyID   ID   `json:"party_id"`
	Paraf     bool `json:"paraf,omitempty"`
	Meterai   bool `json:"meterai,omitempty"`
	Stempel   bool `json:"stempel,omitempty"`
	Exchanged bool `json:"exchanged,omitempty"`
	Scanned   bool `json:"scanned,omitempty"`
}

// Done reports whether every item of the copy is done.
func (c CopyCheck) Done() bool {
	return c.Paraf && c.Meterai && c.Stempel && c.Exchanged && c.Scanned
}

// Reviewer is one office of the telaah in the procedure.
type Reviewer struct {
	Title string `json:"title"`
	// Required reviewers must agree before the agreement is ready to sign.
	Required bool `json:"required,omitempty"`
}

// Procedure is an office's choices for the steps the rules leave to each region.
type Procedure struct {
	Reviewers []Reviewer `json:"reviewers,omitempty"`
	// MonevPerYear is how many monitoring rounds each perangkat daerah owes
	// per budget year.
	MonevPerYear int `json:"monev_per_year,omitempty"`
	// IncompleteAfterDays is how long after signing an unfinished copy
	// checklist is listed on the Beranda.
	IncompleteAfterDays int `json:"incomplete_after_days,omitempty"`
	// MaxTermYears is the longest term without a stated sectoral basis.
	MaxTermYears int `json:"max_term_years,omitempty"`
	// PartnerWaitDays is how long a draft may wait on the partner before the
	// Beranda lists it.
	PartnerWaitDays int `json:"partner_wait_days,omitempty"`
}

// DefaultProcedure is the common practice: the TKKSD's four reviewers, of whom
// the Asisten may be left out, monitoring twice a year, copies finished within
// 30 days, and five years as the longest term.
func DefaultProcedure() Procedure {
	return Procedure{
		Reviewers: []Reviewer{
			{Title: "Kepala Bagian Kerja Sama", Required: true},
			{Title: "Kepala Bagian Hukum", Required: true},
			{Title: "Asisten Pemerintahan", Required: false},
			{Title: "Sekretaris Daerah", Required: true},
		},
		MonevPerYear:        2,
		IncompleteAfterDays: 30,
		MaxTermYears:        5,
		PartnerWaitDays:     DefaultPartnerWaitDays,
	}
}

// WithDefaults fills what p leaves unset from DefaultProcedure.
func (p Procedure) WithDefaults() Procedure {
	d := DefaultProcedure()
	if len(p.Reviewers) == 0 {
		p.Reviewers = d.Reviewers
	}
	if p.MonevPerYear <= 0 {
		p.MonevPerYear = d.MonevPerYear
	}
	if p.IncompleteAfterDays <= 0 {
		p.IncompleteAfterDays = d.IncompleteAfterDays
	}
	if p.MaxTermYears <= 0 {
		p.MaxTermYears = d.MaxTermYears
	}
	if p.PartnerWaitDays <= 0 {
		p.PartnerWaitDays = d.PartnerWaitDays
	}
	return p
}

// OfficeProcedure is the procedure of the office marked as ours among
// parties, or the default.
func OfficeProcedure(parties []Party) Procedure {
	for _, p := range parties {
		if p.Own && p.Procedure != nil {
			return p.Procedure.WithDefaults()
		}
	}
	return DefaultProcedure()
}

// validate checks an office's procedure as the settings keep it: at least
// one required reviewer, each named once, and counts within sensible bounds
// (zero leaves the default).
func (p *Procedure) validate(es *Errors) {
	seen := map[string]bool{}
	required := false
	for i, r := range p.Reviewers {
		f := idx("procedure.reviewers", i) + ".title"
		checkText(es, f, r.Title, maxName, true)
		key := foldTitle(r.Title)
		if key != "" && seen[key] {
			es.add(f, "duplicate_reviewer", strings.TrimSpace(r.Title))
		}
		seen[key] = true
		required = required || r.Required
	}
	if len(p.Reviewers) > 0 && !required {
		es.add("procedure.reviewers", "reviewer_required")
	}
	for _, n := range []struct {
		field  string
		v, max int
	}{{"procedure.monev_per_year", p.MonevPerYear, 12}, {"procedure.incomplete_after_days", p.IncompleteAfterDays, 365},
		{"procedure.max_term_years", p.MaxTermYears, 30}, {"procedure.partner_wait_days", p.PartnerWaitDays, 365}} {
		if n.v < 0 || n.v > n.max {
			es.add(n.field, "out_of_range", 1.0, float64(n.max))
		}
	}
}

// OwnProcedure is the procedure kept on our office (the party marked Own in
// the directory) among the agreement's parties, else on the party standing
// as ours in it (a perangkat daerah in a PKS), else the default.
func (a *Agreement) OwnProcedure(dir Directory) Procedure {
	var standIn *Procedure
	for _, ap := range a.Parties {
		if ap.PartyID == 0 {
			continue
		}
		p, ok := dir.Party(ap.PartyID)
		if !ok || p.Procedure == nil {
			continue
		}
		if p.Own {
			return p.Procedure.WithDefaults()
		}
		if ap.Own && standIn == nil {
			standIn = p.Procedure
		}
	}
	if standIn != nil {
		return standIn.WithDefaults()
	}
	return DefaultProcedure()
}

// CategoryFor is the PP 28/2018 category that partners of these kinds imply:
// a foreign party makes it KSDLL (KSDPL is the user's choice for a foreign
// regional government), a region KSDD, a ministry or central agency none (a
// Nota Kesepakatan with the centre is not kerja sama daerah), anyone else
// KSDPK. It is "" when no partner is known.
func CategoryFor(partners []PartyKind) Category {
	if len(partners) == 0 {
		return ""
	}
	region := true
	for _, k := range partners {
		if k == PartyLuarNegeri {
			return CatKSDLL
		}
		if k == PartyKementerian {
			return ""
		}
		if !k.IsRegion() {
			region = false
		}
	}
	if region {
		return CatKSDD
	}
	return CatKSDPK
}

// DocumentsFor lists the kinds of document fit for partners of these kinds:
// with a ministry or central agency a Nota Kesepakatan and never a KSB or
// PKS; with anyone else a KSB and the PKS under it. Adenda and extensions
// follow their parent.
func DocumentsFor(partners []PartyKind) []Kind {
	for _, k := range partners {
		if k == PartyKementerian {
			return []Kind{KindNK, KindAdendum, KindPerpanjangan}
		}
	}
	return []Kind{KindKSB, KindPKS, KindAdendum, KindPerpanjangan}
}

// Foreign reports whether the agreement is with a foreign party, which
// needs the central government's approval.
func (a *Agreement) Foreign(dir Directory) bool {
	if a.Category == CatKSDPL || a.Category == CatKSDLL {
		return true
	}
	for _, k := range a.partnerKinds(dir) {
		if k == PartyLuarNegeri {
			return true
		}
	}
	return false
}

// partnerKinds are the kinds of the parties other than our own, as far as
// the directory knows them.
func (a *Agreement) partnerKinds(dir Directory) []PartyKind {
	var out []PartyKind
	for _, ap := range a.Parties {
		if ap.Own || ap.PartyID == 0 {
			continue
		}
		if p, ok := dir.Party(ap.PartyID); ok {
			out = append(out, p.Kind)
		}
	}
	return out
}

// NeedsDPRD reports whether the DPRD must approve the agreement: it was
// marked so, or it burdens the public and the region, or its funding is
// outside this year's APBD.
func (d DPRDApproval) NeedsDPRD() bool {
	return d.Required || d.Burdens == AnswerYes || d.OutsideBudget == AnswerYes
}

// Given reports whether the persetujuan's number and date are recorded.
func (d DPRDApproval) Given() bool {
	return strings.TrimSpace(d.Number) != "" && !d.Date.IsZero()
}

// Answered reports whether both questions of the gate have an answer.
func (d DPRDApproval) Answered() bool {
	return d.Burdens != "" && d.OutsideBudget != ""
}

// ReviewsPending lists the required reviewers of p whose latest review of
// the agreement is not "setuju": those who have not reviewed it, and those
// who asked for changes or refused.
func (a *Agreement) ReviewsPending(p Procedure) []string {
	latest := map[string]Review{}
	for _, r := range a.Reviews {
		key := foldTitle(r.Reviewer)
		if old, ok := latest[key]; !ok || !r.Date.Before(old.Date) {
			latest[key] = r
		}
	}
	var out []string
	for _, rv := range p.WithDefaults().Reviewers {
		if !rv.Required {
			continue
		}
		if r, ok := latest[foldTitle(rv.Title)]; !ok || r.Outcome != ReviewSetuju {
			out = append(out, rv.Title)
		}
	}
	return out
}

func foldTitle(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// Checklist returns the copy checklist for every original and party, in
// order (copy 1 for each party, then copy 2 …): what is recorded, and an
// empty entry for what is not yet.
func (a *Agreement) Checklist() []CopyCheck {
	copies := a.Copies
	have := map[[2]uint64]CopyCheck{}
	if a.Signing != nil {
		for _, c := range a.Signing.Checklist {
			have[[2]uint64{uint64(c.Copy), uint64(c.PartyID)}] = c
		}
	}
	var out []CopyCheck
	for n := 1; n <= copies; n++ {
		for _, ap := range a.Parties {
			c, ok := have[[2]uint64{uint64(n), uint64(ap.PartyID)}]
			if !ok {
				c = CopyCheck{Copy: n, PartyID: ap.PartyID}
			}
			out = append(out, c)
		}
	}
	return out
}

// CopiesComplete reports whether a signed agreement's every original is
// finished for every party; done and total count the copies.
func (a *Agreement) CopiesComplete() (complete bool, done, total int) {
	list := a.Checklist()
	for _, c := range list {
		if c.Done() {
			done++
		}
	}
	return len(list) > 0 && done == len(list), done, len(list)
}

// IncompleteAt reports whether a signed agreement's copies are still
// unfinished more than p's days after its signing, on the day of now.
func (a *Agreement) IncompleteAt(p Procedure, now time.Time) bool {
	if a.Status != StatusDitandatangani || a.Signing == nil || a.Signing.Date.IsZero() || a.IsImported() {
		return false
	}
	if ok, _, _ := a.CopiesComplete(); ok {
		return false
	}
	limit := a.Signing.Date.AddDate(0, 0, p.WithDefaults().IncompleteAfterDays).Time()
	return DateOf(now).After(DateOf(limit))
}

// MonevGap is a monitoring round a perangkat daerah owed and did not record:
// the period ended with no entry of that unit dated inside it.
type MonevGap struct {
	Unit        string
	Year        int
	Round       int // from 1
	Rounds      int // rounds a year
	From, To    Date
	DaysOverdue int
}

// MonevDue lists the rounds of monitoring that are overdue on the day of now:
// per perangkat daerah carrying the agreement (or the agreement as a whole
// when none is named), p's rounds per budget year, each a equal part of the
// year, counted while the agreement is in force and only once a round has
// ended. An agreement imported from an old register owes only the rounds
// that end after it came in: the register did not follow the earlier ones.
func (a *Agreement) MonevDue(p Procedure, now time.Time) []MonevGap {
	if a.Status != StatusDitandatangani {
		return nil
	}
	start, end := a.EffectiveStart(), a.EffectiveEnd()
	if start.IsZero() {
		return nil
	}
	owedFrom := start
	if a.Imported != nil && a.Imported.At.After(owedFrom) {
		owedFrom = a.Imported.At
	}
	today := DateOf(now)
	rounds := p.WithDefaults().MonevPerYear
	if rounds > 12 {
		rounds = 12
	}
	units := a.Implementers
	if len(units) == 0 {
		units = []string{""}
	}
	var out []MonevGap
	for _, unit := range units {
		for year := start.Year; year <= today.Year; year++ {
			for r := 1; r <= rounds; r++ {
				from := NewDate(year, time.Month((r-1)*12/rounds+1), 1)
				to := from.AddDate(0, 12/rounds, -1)
				if r == rounds {
					to = NewDate(year, time.December, 31)
				}
				if !today.After(to) || to.Before(owedFrom) || (!end.IsZero() && from.After(end)) {
					continue
				}
				if a.monitoredIn(unit, from, to) {
					continue
				}
				days := to.DaysUntil(today)
				out = append(out, MonevGap{Unit: unit, Year: year, Round: r, Rounds: rounds, From: from, To: to, DaysOverdue: days})
			}
		}
	}
	return out
}

// monitoredIn reports whether a monitoring entry of unit (any entry, when
// unit is "") is dated within from–to.
func (a *Agreement) monitoredIn(unit string, from, to Date) bool {
	for _, m := range a.Monitoring {
		if m.Date.IsZero() || m.Date.Before(from) || m.Date.After(to) {
			continue
		}
		if unit == "" || m.Unit == "" || foldTitle(m.Unit) == foldTitle(unit) {
			return true
		}
	}
	return false
}

// LastRecommendation is the recommendation of the newest monitoring entry
// that gives one, or "".
func (a *Agreement) LastRecommendation() Recommendation {
	var best Monitoring
	found := false
	for _, m := range a.Monitoring {
		if m.Recommendation == RecBelumDinilai {
			continue
		}
		if !found || !m.Date.Before(best.Date) {
			best, found = m, true
		}
	}
	return best.Recommendation
}

// validateProcedure checks that the approvals, reviews, copies, rencana aksi
// and monitoring entries are well formed.
func (a *Agreement) validateProcedure(es *Errors, dir Directory) {
	checkApproval(es, "dprd", ApprovalRecord{Number: a.DPRD.Number, Date: a.DPRD.Date})
	for _, q := range []struct {
		field string
		v     Answer
	}{{"dprd.burdens", a.DPRD.Burdens}, {"dprd.outside_budget", a.DPRD.OutsideBudget}} {
		if q.v != "" && q.v != AnswerYes && q.v != AnswerNo {
			es.add(q.field, "bad_value", string(q.v))
		}
	}
	checkApproval(es, "central", a.Central)
	for _, l := range []struct{ field, sha string }{{"dprd.letter", a.DPRD.Letter}, {"central.letter", a.Central.Letter}} {
		if l.sha != "" && !a.attached(l.sha) {
			es.add(l.field, "letter_not_attached")
		}
	}
	for i, r := range a.Reviews {
		f := idx("reviews", i)
		checkText(es, f+".reviewer", r.Reviewer, maxName, true)
		checkText(es, f+".name", r.Name, maxName, false)
		checkText(es, f+".note", r.Note, 5000, false)
		checkDate(es, f+".date", r.Date)
		if r.Date.IsZero() {
			es.add(f+".date", "required")
		}
		switch r.Outcome {
		case ReviewSetuju, ReviewPerbaikan, ReviewTolak:
		default:
			es.add(f+".outcome", "bad_value", string(r.Outcome))
		}
		if (r.Outcome == ReviewPerbaikan || r.Outcome == ReviewTolak) && isBlank(r.Note) {
			es.add(f+".note", "review_note")
		}
	}
	for i, it := range a.ActionPlan {
		f := idx("action_plan", i)
		checkText(es, f+".activity", it.Activity, 2000, true)
		checkText(es, f+".unit", it.Unit, maxName, true)
		checkText(es, f+".time", it.Time, maxName, true)
	}
	if a.Signing != nil {
		parties := map[ID]bool{}
		for _, ap := range a.Parties {
			parties[ap.PartyID] = true
		}
		copies := a.Copies
		for i, c := range a.Signing.Checklist {
			f := idx("signing.checklist", i)
			if c.Copy < 1 || c.Copy > copies {
				es.add(f+".copy", "out_of_range", 1.0, float64(copies))
			}
			if !parties[c.PartyID] {
				es.add(f+".party_id", "not_found", c.PartyID)
			}
		}
	}
	for i, m := range a.Monitoring {
		f := idx("monitoring", i)
		if m.Score != 0 && (m.Score < 1 || m.Score > 5) {
			es.add(f+".score", "out_of_range", 1.0, 5.0)
		}
		checkText(es, f+".unit", m.Unit, maxName, false)
		checkText(es, f+".planned", m.Planned, 5000, false)
		checkText(es, f+".result", m.Result, 5000, false)
		checkText(es, f+".reasons", m.Reasons, 5000, false)
		switch m.Recommendation {
		case RecBelumDinilai, RecLanjut, RecUbah, RecPerpanjang, RecAkhiri:
		default:
			es.add(f+".recommendation", "bad_value", string(m.Recommendation))
		}
	}
	checkText(es, "term.sectoral_basis", a.Term.SectoralBasis, 2000, false)
}

// FitErrors are the document-fit errors (checkDocumentFits) that a save
// refuses at the field while the agreement is still being drafted. A signed
// or cancelled agreement, an imported one and an Adendum or Perpanjangan
// (which follow their parent) have none: what was signed stays as it was,
// and Warnings names a misfit there.
func (a *Agreement) FitErrors(dir Directory) Errors {
	if !a.fitChecked() {
		return nil
	}
	var es Errors
	a.checkDocumentFits(&es, dir)
	return es
}

// fitChecked reports whether a save checks the document against its partner.
func (a *Agreement) fitChecked() bool {
	return stage(a.Status) < 3 && a.Status != StatusDibatalkan && !a.IsImported() &&
		a.Kind != KindAdendum && a.Kind != KindPerpanjangan
}

// checkDocumentFits finds a document or category that does not fit the
// partners: a KSB or PKS with a ministry, a Nota Kesepakatan with anyone
// else, a category for other partners.
func (a *Agreement) checkDocumentFits(es *Errors, dir Directory) {
	partners := a.partnerKinds(dir)
	level := a.signingLevel(dir)
	ministry := false
	for _, k := range partners {
		if k == PartyKementerian {
			ministry = true
		}
	}
	switch {
	case ministry && (level == KindKSB || level == KindPKS):
		es.add("kind", "ministry_needs_nk", level.Title())
	case !ministry && level == KindNK && len(partners) > 0:
		es.add("kind", "nk_needs_ministry")
	}
	if a.Category != "" && len(partners) > 0 {
		if want := categoryFits(a.Category, partners); want != "" {
			es.add("category", "category_partner", string(a.Category), want)
		}
	}
}

// categoryFits returns "" when category c fits partners of these kinds, or
// the words for the partners c needs.
func categoryFits(c Category, partners []PartyKind) string {
	var region, foreign, other bool
	for _, k := range partners {
		switch {
		case k.IsRegion():
			region = true
		case k == PartyLuarNegeri:
			foreign = true
		default:
			other = true
		}
	}
	switch c {
	case CatKSDD:
		if foreign || other {
			return "daerah lain"
		}
	case CatKSDPK:
		if region || foreign {
			return "pihak ketiga"
		}
	case CatKSDPL, CatKSDLL:
		if !foreign {
			return "pihak luar negeri"
		}
	}
	return ""
}

// attached reports whether a file of this SHA-256 is among the attachments.
func (a *Agreement) attached(sha string) bool {
	for _, at := range a.Attachments {
		if at.File.SHA256 == sha {
			return true
		}
	}
	return false
}

func checkApproval(es *Errors, field string, r ApprovalRecord) {
	checkText(es, field+".number", r.Number, 200, false)
	checkText(es, field+".by", r.By, maxName, false)
	checkDate(es, field+".date", r.Date)
}

// Gate lists what must be done before an agreement moves from status prev to
// a.Status, when that move reaches Siap Tanda Tangan or beyond for the first
// time: the DPRD's approval where it is needed, the central government's for
// foreign cooperation, the required reviewers' agreement, a Nota
// Kesepakatan's rencana aksi, and a document and category that fit the
// partner. Unanswered DPRD questions are a warning (Warnings), not a stop.
func (a *Agreement) Gate(prev Status, p Procedure, dir Directory) Errors {
	if stage(prev) >= 2 || stage(a.Status) < 2 || a.Status == StatusDibatalkan {
		return nil
	}
	var es Errors
	if a.DPRD.NeedsDPRD() && !a.DPRD.Given() {
		if strings.TrimSpace(a.DPRD.Number) == "" {
			es.add("dprd.number", "dprd_required")
		}
		if a.DPRD.Date.IsZero() {
			es.add("dprd.date", "dprd_date_required")
		}
	}
	if a.Foreign(dir) && !a.Central.Given() {
		es.add("central.number", "central_required")
	}
	if pending := a.ReviewsPending(p); len(pending) > 0 {
		es.add("reviews", "reviews_pending", strings.Join(pending, ", "))
	}
	if a.signingLevel(dir) == KindNK && a.Kind == KindNK && len(a.ActionPlan) == 0 {
		es.add("action_plan", "action_plan_required")
	}
	// A document or category that does not fit the partner goes no further
	// than a draft; an Adendum or Perpanjangan follows its parent as signed.
	if a.Kind != KindAdendum && a.Kind != KindPerpanjangan {
		a.checkDocumentFits(&es, dir)
	}
	return es
}

// Warnings are what a careful reviewer would question but the program does
// not stop: a signed, cancelled or imported document or category that does
// not fit the partner (while drafting FitErrors refuses it), the DPRD
// questions unanswered, a recommendation without its reasons, and a
// term longer than p allows without a stated sectoral basis.
func (a *Agreement) Warnings(p Procedure, dir Directory) Errors {
	var es Errors
	if !a.fitChecked() && a.Kind != KindAdendum && a.Kind != KindPerpanjangan {
		a.checkDocumentFits(&es, dir)
	}
	if a.Status != StatusDibatalkan && !a.DPRD.Answered() && !a.DPRD.Required {
		es.add("dprd.burdens", "dprd_unanswered")
	}
	for i, m := range a.Monitoring {
		if m.Recommendation != RecBelumDinilai && isBlank(m.Reasons) {
			es.add(idx("monitoring", i)+".reasons", "recommendation_reasons")
		}
	}
	if a.Term.OverMax(p) {
		es.add("term.length", "term_over_max", p.WithDefaults().MaxTermYears)
	}
	return es
}

// OverMax reports whether t is longer than p allows without a stated
// sectoral basis.
func (t Term) OverMax(p Procedure) bool {
	return t.Years() > float64(p.WithDefaults().MaxTermYears) && isBlank(t.SectoralBasis)
}
