package sheet

import (
	"fmt"
	"strings"
	"unicode"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/wilayah"
)

// Env is what a plan is made against: our office, the registry, the region
// list, the numbers already in the register, the IDs in use and the day.
type Env struct {
	Own     agreement.Party
	Parties []agreement.Party
	Regions *wilayah.List
	// Numbers are the numbers the register carries (own and partners'), for
	// duplicates against the store; see NumberKey.
	Numbers map[string]bool
	// Agreements are the register's agreements by each of their numbers
	// (NumberKey), for the parents rows name.
	Agreements map[string][]Known
	Offsets    dataset.Offsets
	Today      agreement.Date
}

// NumberKey is a number as duplicates are found: case, spaces and dots
// around slashes ignored.
func NumberKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r != ' ' && r != '\t' && r != '\u00a0' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Plan is the rows of a table as they would be saved.
type Plan struct {
	Table   *Table
	Mapping Mapping
	Rows    []PlanRow
	env     Env
	matcher *Matcher
	dir     planDir
	// knownByID are the register's agreements rows were linked to.
	knownByID map[agreement.ID]Known
}

// PlanRow is one data row: the agreement it becomes, its partner, and what
// is wrong (Problems keep it out) or worth a look (Warnings).
type PlanRow struct {
	Line      int
	Agreement agreement.Agreement
	Partner   Match
	Parent    ParentLink
	Problems  []Finding
	Warnings  []Finding
	// Skip leaves a row out by the user's choice.
	Skip bool
	// noEnd: the row's cells give it neither a term nor an end; an
	// Adendum then ends with its parent (agreement.EndsWithParent).
	noEnd bool
}

// Finding is a row's problem or warning: its words and the check that
// found it, so that a check made again takes out its own earlier findings
// and no other's.
type Finding struct {
	i18n.Text
	Check Check
}

// Check is what found a Finding.
type Check uint8

const (
	// CheckCells: the row's own cells, read when the row is built.
	CheckCells Check = iota
	// CheckNumber: an own number twice in the file or already in the register.
	CheckNumber
	// CheckParent: the parent the row names (linkParents).
	CheckParent
)

// without is fs less the findings of check c.
func without(fs []Finding, c Check) []Finding {
	out := fs[:0:0]
	for _, f := range fs {
		if f.Check != c {
			out = append(out, f)
		}
	}
	return out
}

// finding is t with args filled in, found by c.
func finding(c Check, t i18n.Text, args ...any) Finding {
	return Finding{Text: format(t, args...), Check: c}
}

// OK reports whether the row goes in.
func (r *PlanRow) OK() bool { return len(r.Problems) == 0 && !r.Skip }

// NewPlan turns every row of t, read by m, into an imported agreement.
func NewPlan(t *Table, m Mapping, env Env) *Plan {
	p := &Plan{Table: t, Mapping: m, env: env, matcher: NewMatcher(env.Parties, env.Regions)}
	p.dir = planDir{parties: map[agreement.ID]agreement.Party{}, regions: env.Regions}
	for _, party := range env.Parties {
		p.dir.parties[party.ID] = party
	}
	p.dir.parties[env.Own.ID] = env.Own
	p.Rows = make([]PlanRow, len(t.Rows))
	for i := range t.Rows {
		p.Rows[i].Line = t.Rows[i].Line
		p.Rows[i].Partner = p.matcher.Find(p.value(i, Partner))
		p.build(i)
	}
	p.checkNumbers()
	p.linkParents()
	return p
}

// Matcher is the plan's partner matcher, to choose a partner by hand.
func (p *Plan) Matcher() *Matcher { return p.matcher }

// SetPartner changes a row's partner (one of Matcher.Choices) and builds
// the row again.
func (p *Plan) SetPartner(i int, m Match) {
	m.Text = p.value(i, Partner)
	p.Rows[i].Partner = m
	p.build(i)
	p.checkNumbers()
	p.linkParents()
}

// SetSkip leaves row i out (or takes it in again); rows hanging under it
// are told.
func (p *Plan) SetSkip(i int, skip bool) {
	p.Rows[i].Skip = skip
	p.linkParents()
}

// SetCell changes a row's cell (a fix in the preview) and builds the row
// again; a changed partner cell is matched again.
func (p *Plan) SetCell(i, col int, v string) {
	p.Table.Rows[i].Cells[col] = strings.TrimSpace(v)
	if p.Mapping[col] == Partner {
		p.Rows[i].Partner = p.matcher.Find(p.value(i, Partner))
	}
	if p.Mapping[col] == ParentNumber {
		p.Rows[i].Parent = ParentLink{Row: -1}
	}
	p.build(i)
	p.checkNumbers()
	p.linkParents()
}

func (p *Plan) value(i int, f Field) string {
	var parts []string
	for c, mf := range p.Mapping {
		// "-" is how registers write nothing.
		if mf == f && c < len(p.Table.Rows[i].Cells) && strings.Trim(p.Table.Rows[i].Cells[c], "-–—. ") != "" {
			parts = append(parts, p.Table.Rows[i].Cells[c])
		}
	}
	return strings.Join(parts, "; ")
}

// The words of a row's problems and warnings.
var (
	probSubject      = i18n.Text{ID: "Tentang kosong", EN: "Subject empty"}
	probPartner      = i18n.Text{ID: "Mitra kosong", EN: "Partner empty"}
	probRegion       = i18n.Text{ID: "Mitra %q: wilayah itu tidak ada di daftar Kemendagri; pilih mitranya", EN: "Partner %q: no such region in the Kemendagri list; choose the partner"}
	probDate         = i18n.Text{ID: "%s %q bukan tanggal yang dikenal (tulis mis. 4 Juli 2025 atau 04-07-2025)", EN: "%s %q is not a date that can be read (write e.g. 4 Juli 2025 or 04-07-2025)"}
	probTerm         = i18n.Text{ID: "Jangka waktu %q tidak dikenal (tulis mis. 5 tahun atau 60 bulan)", EN: "Term %q cannot be read (write e.g. 5 tahun or 60 bulan)"}
	probKind         = i18n.Text{ID: "Jenis %q tidak dikenal (KSB/MoU, PKS, Nota Kesepakatan, Adendum, Perpanjangan)", EN: "Kind %q is not known (KSB/MoU, PKS, Nota Kesepakatan, Adendum, Perpanjangan)"}
	probStatus       = i18n.Text{ID: "Status %q tidak dikenal", EN: "Status %q is not known"}
	probNoDate       = i18n.Text{ID: "Tanggal tanda tangan atau mulai berlaku diperlukan untuk perjanjian yang sudah ditandatangani", EN: "A signed agreement needs its signing or start date"}
	probEndBefore    = i18n.Text{ID: "Berakhir %s sebelum mulai %s", EN: "Ends %s before it starts %s"}
	probDupFile      = i18n.Text{ID: "Nomor %q sama dengan baris %d; ubah nomor salah satunya, atau jangan ikutkan salah satu baris", EN: "Number %q same as row %d; change one of the numbers, or leave one of the rows out"}
	probDupStore     = i18n.Text{ID: "Nomor %q sudah ada di daftar perjanjian; bila perjanjiannya sama, jangan ikutkan baris ini; bila bukan, ubah nomornya", EN: "Number %q is already in the register; if it is the same agreement, leave this row out; if not, change the number"}
	probNoSuchDate   = i18n.Text{ID: "%s %q: tanggal itu tidak ada (%s %d hanya sampai tanggal %d); perbaiki tanggalnya", EN: "%s %q: no such date (%s %d has %d days); fix the date"}
	probOwnPartner   = i18n.Text{ID: "Mitra %q adalah instansi kita sendiri (%s); tulis nama mitranya", EN: "Partner %q is our own office (%s); write the partner's name"}
	probSignedFuture = i18n.Text{ID: "Tanggal tanda tangan %s belum tiba (hari ini %s); perjanjian yang sudah ditandatangani tidak dapat bertanggal kemudian. Perbaiki tanggalnya, atau tulis statusnya Konsep bila belum ditandatangani",
		EN: "Signing date %s has not come yet (today is %s); a signed agreement cannot be dated later. Fix the date, or write its status as Konsep if it is not signed yet"}
	warnDraftDate   = i18n.Text{ID: "Tanggal tanda tangan %q untuk perjanjian konsep dicatat sebagai rencana di catatan", EN: "Signing date %q of a draft is kept in the notes as the planned date"}
	warnStatusEnded = i18n.Text{ID: "Di daftar lama statusnya %q, tetapi menurut tanggalnya perjanjian ini berakhir %s; diimpor sebagai Berakhir. Bila sudah diperpanjang, impor atau catat perpanjangannya",
		EN: "The old register says %q, but by its dates this agreement ended on %s; imported as ended. If it was extended, import or record the extension"}
	warnStatusInForce = i18n.Text{ID: "Di daftar lama statusnya %q, tetapi menurut tanggalnya perjanjian ini berlaku sampai %s; diimpor sebagai Berlaku. Bila sudah diakhiri lebih awal, catat pengakhirannya",
		EN: "The old register says %q, but by its dates this agreement is in force until %s; imported as in force. If it was ended early, record that"}
	probInvalid     = i18n.Text{ID: "%s", EN: "%s"}
	warnKindGuess   = i18n.Text{ID: "Jenis tidak tertulis; dianggap %s", EN: "No kind written; taken as %s"}
	warnPrecision   = i18n.Text{ID: "%s %q tanpa tanggal lengkap; dicatat %s", EN: "%s %q is not a whole date; recorded as %s"}
	warnWeekday     = i18n.Text{ID: "%s %q: %s jatuh pada hari %s, bukan %s; periksa tanggalnya", EN: "%s %q: %s falls on a %s, not a %s; check the date"}
	warnTermDates   = i18n.Text{ID: "Jangka waktu %q tidak cocok dengan tanggalnya; yang dipakai tanggal mulai dan berakhir: %s s.d. %s", EN: "Term %q does not fit the dates; the start and end dates are used: %s to %s"}
	warnApprox      = i18n.Text{ID: "Mitra %q dicocokkan dengan %s; periksa", EN: "Partner %q matched to %s; check it"}
	warnAmbiguous   = i18n.Text{ID: "Mitra %q: dipilih %s; juga mungkin %s", EN: "Partner %q: %s chosen; it may also be %s"}
	warnNewParty    = i18n.Text{ID: "Mitra %q belum ada; akan dibuat instansi baru", EN: "Partner %q is not in the registry; a new instansi will be made"}
	warnSignerDraft = i18n.Text{ID: "Penandatangan tidak dicatat untuk perjanjian yang belum ditandatangani; disimpan di catatan", EN: "Signer not recorded for an unsigned agreement; kept in the notes"}
)

// build makes row i's agreement from its cells and finds its problems.
func (p *Plan) build(i int) {
	r := &p.Rows[i]
	r.Problems, r.Warnings = nil, nil
	d1904 := p.Table.Date1904
	prob := func(t i18n.Text, args ...any) { r.Problems = append(r.Problems, finding(CheckCells, t, args...)) }
	warn := func(t i18n.Text, args ...any) { r.Warnings = append(r.Warnings, finding(CheckCells, t, args...)) }

	a := agreement.Agreement{Subject: tidyName(p.value(i, Subject)), Notes: p.value(i, Notes),
		Imported: &agreement.Imported{Source: p.Table.Source(), Row: r.Line, At: p.env.Today}}
	if a.Subject == "" {
		prob(probSubject)
	}
	// Kind: written, else read from the number or the subject.
	if v := p.value(i, Kind); v != "" {
		if k, ok := ParseKind(v); ok {
			a.Kind = k
		} else {
			prob(probKind, v)
		}
	} else {
		k, ok := ParseKind(p.value(i, Number))
		if !ok {
			k, ok = ParseKind(a.Subject)
		}
		if !ok {
			k = agreement.KindKSB
		}
		a.Kind = k
		warn(warnKindGuess, k.Title())
	}
	// Dates.
	dateFault := false // a date cell that cannot be read: its own problem
	date := func(f Field, end bool) agreement.Date {
		v := p.value(i, f)
		if v == "" {
			return agreement.Date{}
		}
		d, pr := ParseDatePrecision(v, d1904)
		switch pr {
		case NoDate:
			dateFault = true
			if y, m, ok := noSuchDate(v); ok {
				prob(probNoSuchDate, f.Label(i18n.ID), v, bahasa.MonthName(m), y, daysIn(y, m))
			} else {
				prob(probDate, f.Label(i18n.ID), v)
			}
		case FullDate:
			if wd, ok := StatedWeekday(v); ok && wd != d.Weekday() {
				warn(warnWeekday, f.Label(i18n.ID), v, longDate(d), bahasa.DayName(d.Weekday()), bahasa.DayName(wd))
			}
		case YearOnly:
			if end {
				d = agreement.NewDate(d.Year, 12, 31)
			}
			warn(warnPrecision, f.Label(i18n.ID), v, longDate(d))
		case MonthOnly:
			if end {
				d = d.AddDate(0, 1, -1)
			}
			warn(warnPrecision, f.Label(i18n.ID), v, longDate(d))
		}
		return d
	}
	signed, start, end := date(Signed, false), date(Start, false), date(End, true)
	length, unit := 0, agreement.TermUnit("")
	if v := p.value(i, Term); v != "" {
		if n, u, ok := ParseTerm(v); ok {
			length, unit = n, u
		} else {
			prob(probTerm, v)
		}
	}
	a.Status = agreement.StatusDitandatangani
	if v := p.value(i, Status); v != "" {
		if s, ok := ParseStatus(v); ok {
			a.Status = s
		} else {
			prob(probStatus, v)
		}
	}
	if a.Status == agreement.StatusDibatalkan {
		a.CancelReason = "Dibatalkan menurut daftar lama (" + p.value(i, Status) + ")"
	}
	if signed.IsZero() && a.Status != agreement.StatusKonsep {
		signed = start
	}
	effStart := start
	if effStart.IsZero() {
		effStart = signed
	}
	a.Term = agreement.Term{Length: length, Unit: unit, Start: start, End: end}
	if length > 0 && !effStart.IsZero() {
		want := a.Term.EndFor(effStart)
		switch {
		case end.IsZero():
			a.Term.End = want
		case want != end:
			warn(warnTermDates, p.value(i, Term), longDate(effStart), longDate(end))
			a.Term.Length, a.Term.Unit = 0, ""
			a.Notes = joinNotes(a.Notes, "Jangka waktu menurut daftar lama: "+p.value(i, Term))
		}
	}
	if !end.IsZero() && !effStart.IsZero() && end.Before(effStart) {
		prob(probEndBefore, longDate(end), longDate(effStart))
	}
	signers := splitList(p.value(i, Signer))
	switch {
	case a.Status == agreement.StatusKonsep:
		if v := p.value(i, Signed); !signed.IsZero() {
			// A draft's date is the one planned: kept in the notes.
			warn(warnDraftDate, v)
			a.Notes = joinNotes(a.Notes, "Rencana tanggal tanda tangan: "+longDate(signed))
		}
		if len(signers) > 0 {
			warn(warnSignerDraft)
			a.Notes = joinNotes(a.Notes, "Penandatangan: "+strings.Join(signers, "; "))
		}
	case signed.IsZero():
		if a.Status == agreement.StatusDitandatangani && !dateFault {
			prob(probNoDate)
		}
	case signed.After(p.env.Today):
		// Signed later than today cannot be: a typo in the year, or a
		// draft written down as signed.
		prob(probSignedFuture, longDate(signed), longDate(p.env.Today))
	default:
		a.Signing = &agreement.Signing{Date: signed}
		for _, s := range signers {
			a.Signing.Signers = append(a.Signing.Signers, agreement.Signer{Name: s})
		}
	}
	r.noEnd = a.Term.End.IsZero() && a.Term.Length == 0
	// What the sheet says of the status against what the dates say.
	if v := p.value(i, Status); v != "" && a.Signing != nil && a.Status == agreement.StatusDitandatangani {
		if e := a.EffectiveEnd(); e.Valid() {
			switch said := statusSaid(v); {
			case said == saidInForce && e.Before(p.env.Today):
				warn(warnStatusEnded, v, longDate(e))
			case said == saidEnded && !e.Before(p.env.Today):
				warn(warnStatusInForce, v, longDate(e))
			}
		}
	}
	a.Implementers = splitList(p.value(i, Implementer))
	// Parties: our office first, then the partner.
	own := agreement.AgreementParty{PartyID: p.env.Own.ID, Role: agreement.RolePihakPertama, Own: true, Number: strings.TrimSpace(p.value(i, Number))}
	partner := agreement.AgreementParty{Role: agreement.RolePihakKedua, Number: strings.TrimSpace(p.value(i, PartnerNumber))}
	m := r.Partner
	switch {
	case m.How != NoMatch && p.isOwn(m):
		// Our own office is the first party of every row, never the partner.
		prob(probOwnPartner, m.Text, p.env.Own.Name)
		m.How = NoMatch
	case m.How == NoMatch:
		prob(probPartner)
	case m.How == Approximate:
		warn(warnApprox, m.Text, m.Name)
	case m.How == Ambiguous:
		warn(warnAmbiguous, m.Text, m.Name, strings.Join(m.Others, ", "))
	case m.How == New:
		if m.Party != nil && m.Party.Kind.IsRegion() && m.Party.RegionCode == "" {
			prob(probRegion, m.Text)
		} else {
			warn(warnNewParty, m.Text)
		}
	}
	if m.How != NoMatch {
		partner.PartyID = p.partyID(m)
		if pt, ok := p.dir.parties[partner.PartyID]; ok {
			a.Category = categoryOf(pt.Kind)
		}
	}
	a.Parties = []agreement.AgreementParty{own, partner}
	if len(r.Problems) == 0 {
		if es := a.Validate(&p.dir); len(es) > 0 {
			r.Problems = append(r.Problems, Finding{Text: i18n.Text{ID: es.Message(i18n.ID), EN: es.Message(i18n.EN)}, Check: CheckCells})
		}
	}
	r.Agreement = a
}

// What a status cell says of the phase.
const (
	saidNothing = iota
	saidInForce
	saidEnded
)

func statusSaid(v string) int {
	k := " " + strings.ToLower(strings.Join(strings.FieldsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) }), " ")) + " "
	for _, w := range []string{" tidak aktif ", " tidak berlaku ", " berakhir ", " selesai ", " habis ", " kadaluarsa ", " kedaluwarsa ", " expired "} {
		if strings.Contains(k, w) {
			return saidEnded
		}
	}
	for _, w := range []string{" aktif ", " berlaku ", " masih berlaku ", " active ", " berjalan "} {
		if strings.Contains(k, w) {
			return saidInForce
		}
	}
	return saidNothing
}

// isOwn reports whether m is our own office: by region or by name.
func (p *Plan) isOwn(m Match) bool {
	own := p.env.Own
	if m.PartyID != 0 {
		return m.PartyID == own.ID
	}
	if m.Party == nil {
		return false
	}
	if m.Party.RegionCode != "" && m.Party.Kind.IsRegion() {
		return m.Party.RegionCode == own.RegionCode && m.Party.Kind == own.Kind
	}
	return key(m.Party.Name) == key(own.Name) || (own.ShortName != "" && key(m.Party.Name) == key(own.ShortName))
}

// partyID is the ID of a matched party; a new one gets the next free ID
// once, shared by every row that names it.
func (p *Plan) partyID(m Match) agreement.ID {
	if m.PartyID != 0 {
		return m.PartyID
	}
	if m.Party == nil {
		return 0
	}
	k := m.Party.RegionCode
	if k == "" {
		k = "name:" + key(m.Party.Name)
	}
	if id, ok := p.dir.newIDs[k]; ok {
		return id
	}
	if p.dir.newIDs == nil {
		p.dir.newIDs = map[string]agreement.ID{}
	}
	id := p.env.Offsets.Party + agreement.ID(len(p.dir.newIDs)+1)
	p.dir.newIDs[k] = id
	np := *m.Party
	np.ID = id
	p.dir.parties[id] = np
	p.dir.newOrder = append(p.dir.newOrder, id)
	return id
}

func categoryOf(k agreement.PartyKind) agreement.Category {
	switch {
	case k.IsRegion():
		return agreement.CatKSDD
	case k == agreement.PartyLuarNegeri:
		return agreement.CatKSDLL
	}
	return agreement.CatKSDPK
}

// checkNumbers marks own numbers carried twice in the file or already in
// the register. Partners' numbers are theirs and may repeat.
func (p *Plan) checkNumbers() {
	seen := map[string]int{}
	for i := range p.Rows {
		r := &p.Rows[i]
		// This check's earlier findings go: the numbers may have changed.
		r.Problems = without(r.Problems, CheckNumber)
		n := r.Agreement.OwnNumber()
		k := NumberKey(n)
		if k == "" || strings.Trim(k, ".-/") == "" {
			continue
		}
		if first, dup := seen[k]; dup {
			r.Problems = append(r.Problems, finding(CheckNumber, probDupFile, n, p.Rows[first].Line))
			continue
		}
		seen[k] = i
		if p.env.Numbers[k] {
			r.Problems = append(r.Problems, finding(CheckNumber, probDupStore, n))
		}
	}
}

// longDate writes a date as "4 Juli 2025".
func longDate(d agreement.Date) string {
	return fmt.Sprintf("%d %s %d", d.Day, bahasa.MonthName(d.Month), d.Year)
}

var partyKinds = map[agreement.PartyKind]i18n.Text{
	agreement.PartyPemprov: {ID: "pemerintah provinsi", EN: "provincial government"}, agreement.PartyPemkab: {ID: "pemerintah kabupaten", EN: "regency government"},
	agreement.PartyPemkot: {ID: "pemerintah kota", EN: "city government"}, agreement.PartyKementerian: {ID: "kementerian/lembaga", EN: "ministry/agency"},
	agreement.PartyBUMD: {ID: "BUMN/BUMD", EN: "state or regional enterprise"}, agreement.PartySwasta: {ID: "badan usaha swasta", EN: "private company"},
	agreement.PartyPT: {ID: "perguruan tinggi", EN: "university"}, agreement.PartyLuarNegeri: {ID: "lembaga luar negeri", EN: "foreign institution"},
}

// PartyKindLabel names a new instansi's kind in lang.
func PartyKindLabel(k agreement.PartyKind, l i18n.Lang) string { return partyKinds[k].In(l) }

func format(t i18n.Text, args ...any) i18n.Text {
	if len(args) == 0 {
		return t
	}
	return i18n.Text{ID: fmt.Sprintf(t.ID, args...), EN: fmt.Sprintf(t.EN, args...)}
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		if v := tidyName(part); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}

// Counts says how many rows go in, are left out, and how many new instansi
// they make.
type Counts struct {
	Accepted, Refused, Skipped, NewParties int
}

// Counts counts the plan's rows as they stand.
func (p *Plan) Counts() Counts {
	var c Counts
	for i := range p.Rows {
		switch r := &p.Rows[i]; {
		case r.Skip:
			c.Skipped++
		case len(r.Problems) > 0:
			c.Refused++
		default:
			c.Accepted++
		}
	}
	c.NewParties = len(p.NewParties())
	return c
}

// NewParties are the new instansi the accepted rows need, in order.
func (p *Plan) NewParties() []agreement.Party {
	need := map[agreement.ID]bool{}
	for i := range p.Rows {
		if r := &p.Rows[i]; r.OK() {
			for _, ap := range r.Agreement.Parties {
				need[ap.PartyID] = true
			}
		}
	}
	var out []agreement.Party
	for _, id := range p.dir.newOrder {
		if need[id] {
			out = append(out, p.dir.parties[id])
		}
	}
	return out
}

// Dataset is the accepted rows and the new instansi they need, numbered
// after the IDs in use: one Admin.Import writes them in one transaction.
func (p *Plan) Dataset() *dataset.Dataset {
	d := &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Parties: p.NewParties()}
	next := p.env.Offsets.Agreement
	ids := make([]agreement.ID, len(p.Rows))
	for i := range p.Rows {
		if p.Rows[i].OK() {
			next++
			ids[i] = next
		}
	}
	for i := range p.Rows {
		if r := &p.Rows[i]; r.OK() {
			a := r.Agreement
			a.ID = ids[i]
			// A parent in the file: its ID in this import (linkParents
			// refuses a row whose parent row does not go in).
			if lk := r.Parent; lk.Row >= 0 && a.Parent != nil {
				a.ParentID = ids[lk.Row]
			}
			d.Agreements = append(d.Agreements, a)
		}
	}
	return d
}

// planDir is the validation's view of the registry, the new instansi and
// the region list.
type planDir struct {
	parties  map[agreement.ID]agreement.Party
	regions  *wilayah.List
	newIDs   map[string]agreement.ID
	newOrder []agreement.ID
}

func (d *planDir) Party(id agreement.ID) (agreement.Party, bool) {
	p, ok := d.parties[id]
	return p, ok
}
func (d *planDir) Official(agreement.ID) (agreement.Official, bool) {
	return agreement.Official{}, false
}
func (d *planDir) Mandate(agreement.ID) (agreement.Mandate, bool) { return agreement.Mandate{}, false }
func (d *planDir) AgreementKind(agreement.ID) (agreement.Kind, bool) {
	return "", false
}
func (d *planDir) RegionName(code string) (string, bool) {
	if d.regions == nil {
		return "", false
	}
	return d.regions.Name(code)
}
