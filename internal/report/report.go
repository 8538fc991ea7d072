// Package report computes the period report of the register (Laporan): counts
// by kind, status, category, partner, province and perangkat daerah, what was
// signed, what ends soon, sleeping MoUs, monitoring, and the agreements in
// force. It reads the register as a stream over the service seam and keeps
// only counts and the rows of the agreements in force.
package report

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"
	"unicode"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/service"
)

// Period is a closed range of days.
type Period struct {
	From, To agreement.Date
}

// Year is the calendar year y.
func Year(y int) Period {
	return Period{agreement.NewDate(y, time.January, 1), agreement.NewDate(y, time.December, 31)}
}

// Semester is the first (half 1) or second half of year y.
func Semester(y, half int) Period {
	if half == 2 {
		return Period{agreement.NewDate(y, time.July, 1), agreement.NewDate(y, time.December, 31)}
	}
	return Period{agreement.NewDate(y, time.January, 1), agreement.NewDate(y, time.June, 30)}
}

// Valid reports whether both ends are real days, From not after To.
func (p Period) Valid() bool {
	return p.From.Valid() && p.To.Valid() && !p.To.Before(p.From)
}

// Contains reports whether d falls in the period.
func (p Period) Contains(d agreement.Date) bool {
	return d.Valid() && !d.Before(p.From) && !d.After(p.To)
}

// Source is what a report reads: the facts stream and the registry of parties.
type Source interface {
	ReportFacts(ctx context.Context, since agreement.Date, f func(service.ReportFact) error) ([]service.RecordRef, error)
	Parties() ([]agreement.Party, error)
}

// Count is one line of a count table.
type Count struct {
	// Key is the stored value (a kind, status, category, party ID, province
	// code or perangkat daerah); Label what a person reads.
	Key   string
	Label string
	N     int
}

// Row is one agreement in a list of the report.
type Row struct {
	ID            agreement.ID
	Kind          agreement.Kind
	Category      agreement.Category
	OwnNumber     string
	PartnerNumber string
	Subject       string
	Partner       string
	Start, End    agreement.Date
	Signed        agreement.Date
	Phase         agreement.Phase
	// DaysLeft counts the days from the report's day to the end; -1 without an end.
	DaysLeft int
}

// Report is a period's report.
type Report struct {
	Period Period
	// AsOf is the day the report's state is taken: the period's end, or today
	// when the period has not ended.
	AsOf agreement.Date
	// Total counts the agreements of the period: those signed whose term
	// overlaps it or that were signed in it, and those not signed that
	// existed and were changed in it.
	Total      int
	ByKind     []Count
	ByStatus   []Count
	ByCategory []Count
	// Signed counts, per kind, the agreements signed in the period.
	Signed      []Count
	SignedTotal int
	// ByPartner, ByProvince and ByImplementer count the agreements of the
	// period per partner party, its province, and perangkat daerah, most first.
	ByPartner     []Count
	ByProvince    []Count
	ByImplementer []Count
	// Ending90 and Ending180 count the signed agreements not ended on AsOf
	// that end within 90 and 180 days of it (agreement.EndingNoticeOf: an
	// Adendum that ends with its parent is counted in its parent).
	Ending90, Ending180 int
	// Ending lists those ending within 180 days, soonest first.
	Ending []Row
	// Sleeping lists the sleeping MoUs on AsOf (agreement.Sleeping), oldest first.
	Sleeping []Row
	// MonitoringDone counts the monitoring entries realised in the period, over
	// MonitoringAgreements agreements; MonitoringOverdue the entries planned
	// in the period, due by AsOf and not realised, over OverdueAgreements.
	MonitoringDone, MonitoringAgreements int
	MonitoringOverdue, OverdueAgreements int
	// InForce lists every agreement in force on AsOf, by end (open-ended last).
	InForce []Row
	// PerYear counts, per year the period covers and kind, the agreements
	// signed in the period (so they add up to SignedTotal), for the chart;
	// YearLabel marks a year the period covers only in part.
	PerYear []service.YearCount
	// Damaged names the agreements that could not be read and were left out.
	Damaged []service.RecordRef
}

// Options tune a report.
type Options struct {
	// Today is the day the report is made; the period's state is taken on
	// the earlier of Today and the period's end.
	Today agreement.Date
	// Province names a province code ("32"); nil or false: the code itself.
	Province func(code string) (string, bool)
}

// Build reads the register from src and computes the report of period p.
func Build(ctx context.Context, src Source, p Period, opt Options) (*Report, error) {
	if !p.Valid() {
		return nil, agreement.ErrInvalid
	}
	if !opt.Today.Valid() {
		opt.Today = agreement.DateOf(time.Now())
	}
	parties, err := src.Parties()
	if err != nil {
		return nil, err
	}
	b := newBuilder(p, opt, parties)
	// What ended before the period and did not change in it plays no part.
	damaged, err := src.ReportFacts(ctx, p.From, func(f service.ReportFact) error {
		b.add(&f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	r := b.finish()
	r.Damaged = damaged
	return r, nil
}

type builder struct {
	r        Report
	province func(string) (string, bool)
	parties  map[agreement.ID]agreement.Party
	kinds    map[agreement.Kind]int
	statuses map[agreement.Status]int
	cats     map[agreement.Category]int
	signed   map[agreement.Kind]int
	partners map[agreement.ID]int
	names    map[agreement.ID]string
	provs    map[string]int
	impls    map[string]int
	// implKeys memoises implementerKey; spelled counts each office's spellings.
	implKeys map[string]string
	spelled  map[string]map[string]int
	analyzer *search.Analyzer
	perYear  map[service.YearCount]int
}

func newBuilder(p Period, opt Options, parties []agreement.Party) *builder {
	asOf := p.To
	if opt.Today.Before(asOf) {
		asOf = opt.Today
	}
	b := &builder{
		r: Report{Period: p, AsOf: asOf}, province: opt.Province,
		parties: map[agreement.ID]agreement.Party{}, kinds: map[agreement.Kind]int{}, statuses: map[agreement.Status]int{},
		cats: map[agreement.Category]int{}, signed: map[agreement.Kind]int{}, partners: map[agreement.ID]int{},
		names: map[agreement.ID]string{}, provs: map[string]int{}, impls: map[string]int{},
		implKeys: map[string]string{}, spelled: map[string]map[string]int{}, perYear: map[service.YearCount]int{},
	}
	b.analyzer, _ = search.Shipped() // none: offices told apart by their spelling alone
	for _, pt := range parties {
		b.parties[pt.ID] = pt
	}
	return b
}

// InPeriod reports whether an agreement belongs to the period: signed with a
// term overlapping it or signed in it, or else (not signed, or signed with no
// date at all) created by its end and changed since its start.
func InPeriod(s *agreement.Summary, p Period) bool {
	if s.Status == agreement.StatusDitandatangani && (s.Signed.Valid() || s.Start.Valid()) {
		if p.Contains(s.Signed) {
			return true
		}
		start := s.Start
		if !start.Valid() {
			start = s.Signed
		}
		started := !start.After(p.To)
		notEnded := s.End.IsZero() || !s.End.Before(p.From)
		return started && notEnded
	}
	created, updated := agreement.DateOf(s.Created), agreement.DateOf(s.Updated)
	return !created.After(p.To) && !updated.Before(p.From)
}

// InForce reports whether a signed agreement is in force on day d.
func InForce(s *agreement.Summary, d agreement.Date) bool {
	if s.Status != agreement.StatusDitandatangani {
		return false
	}
	start := s.Start
	if start.IsZero() {
		start = s.Signed
	}
	if start.IsZero() || start.After(d) {
		return false
	}
	return s.End.IsZero() || !s.End.Valid() || !s.End.Before(d)
}

func (b *builder) add(f *service.ReportFact) {
	s := &f.Summary
	asOf := b.r.AsOf
	if InForce(s, asOf) {
		b.r.InForce = append(b.r.InForce, b.row(f))
	}
	if days := agreement.EndingNoticeOf(*s, asOf, 180); days >= 0 {
		b.r.Ending180++
		if days <= 90 {
			b.r.Ending90++
		}
		b.r.Ending = append(b.r.Ending, b.row(f))
	}
	if agreement.Sleeping(*s, asOf) {
		b.r.Sleeping = append(b.r.Sleeping, b.row(f))
	}
	if !InPeriod(s, b.r.Period) {
		return
	}
	b.r.Total++
	b.kinds[s.Kind]++
	b.statuses[s.Status]++
	b.cats[f.Category]++
	if b.r.Period.Contains(s.Signed) && s.Status == agreement.StatusDitandatangani {
		b.signed[s.Kind]++
		b.r.SignedTotal++
		b.perYear[service.YearCount{Year: s.Signed.Year, Kind: s.Kind}]++
	}
	provinces := map[string]bool{}
	for _, pn := range s.Parties {
		if pn.Own {
			continue
		}
		b.partners[pn.ID]++
		if _, ok := b.names[pn.ID]; !ok {
			b.names[pn.ID] = pn.Name
		}
		provinces[b.provinceOf(pn.ID)] = true
	}
	for code := range provinces {
		b.provs[code]++
	}
	seen := map[string]bool{}
	for _, im := range s.Implementers {
		key := b.implementerKey(im)
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		b.impls[key]++
		if b.spelled[key] == nil {
			b.spelled[key] = map[string]int{}
		}
		// Spellings tallied whatever their case, shown as first written.
		spelling := strings.Join(strings.Fields(im), " ")
		for seen := range b.spelled[key] {
			if strings.EqualFold(seen, spelling) {
				spelling = seen
				break
			}
		}
		b.spelled[key][spelling]++
	}
	done, due := false, false
	for _, m := range f.Monitoring {
		if !b.r.Period.Contains(m.Date) {
			continue
		}
		if m.Realised {
			b.r.MonitoringDone++
			done = true
		} else if !m.Date.After(asOf) {
			b.r.MonitoringOverdue++
			due = true
		}
	}
	// A round the procedure owes that no entry covers, ended in the period
	// and past by AsOf: what the Beranda lists as Monev terlambat.
	if b.r.Period.Contains(s.MonevDue) && s.MonevOverdue(asOf.Time()) {
		b.r.MonitoringOverdue++
		due = true
	}
	if done {
		b.r.MonitoringAgreements++
	}
	if due {
		b.r.OverdueAgreements++
	}
}

// implementerKey tells perangkat daerah apart: the names of one office
// written short or long ("Bappeda", "Badan Perencanaan Pembangunan Daerah",
// "Dinas Kominfo", "Diskominfo") meet in the search's synonym groups and
// agency short forms; a region named keeps offices of two regions apart.
func (b *builder) implementerKey(name string) string {
	norm := strings.ToLower(strings.Join(strings.Fields(name), " "))
	if k, ok := b.implKeys[norm]; ok {
		return k
	}
	key := norm
	// A Bagian is always of the Sekretariat Daerah, named or not.
	if strings.HasPrefix(norm, "bagian ") {
		for _, setda := range []string{" sekretariat daerah", " setda"} {
			key = strings.TrimSuffix(key, setda)
		}
	}
	if b.analyzer != nil && key != "" {
		plain := strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return ' '
		}, key)
		var terms []string
		for _, t := range search.ParseQuery(b.analyzer, plain+" ").Terms {
			terms = append(terms, t.Text)
		}
		if len(terms) > 0 {
			key = "\x00" + strings.Join(terms, " ")
		}
	}
	b.implKeys[norm] = key
	return key
}

// provinceOf is the province code of a party: its own, or that of its region;
// "" for a party outside the region list.
func (b *builder) provinceOf(id agreement.ID) string {
	p, ok := b.parties[id]
	switch {
	case !ok:
		return ""
	case p.ProvinceCode != "":
		return p.ProvinceCode
	case p.RegionCode != "":
		code, _, _ := strings.Cut(p.RegionCode, ".")
		return code
	}
	return ""
}

func (b *builder) row(f *service.ReportFact) Row {
	s := &f.Summary
	r := Row{ID: s.ID, Kind: s.Kind, Category: f.Category, OwnNumber: s.OwnNumber, PartnerNumber: s.PartnerNumber,
		Subject: s.Subject, Partner: s.Partners(), Start: s.Start, End: s.End, Signed: s.Signed,
		Phase: s.Phase(b.r.AsOf.Time(), agreement.DefaultSoonDays), DaysLeft: -1}
	if r.Start.IsZero() {
		r.Start = s.Signed
	}
	if !s.End.IsZero() && s.End.Valid() {
		r.DaysLeft = b.r.AsOf.DaysUntil(s.End)
	}
	return r
}

func (b *builder) finish() *Report {
	r := &b.r
	for _, k := range agreement.Kinds {
		r.ByKind = append(r.ByKind, Count{Key: string(k), N: b.kinds[k]})
		r.Signed = append(r.Signed, Count{Key: string(k), N: b.signed[k]})
	}
	for _, s := range agreement.Statuses {
		r.ByStatus = append(r.ByStatus, Count{Key: string(s), N: b.statuses[s]})
	}
	for _, c := range agreement.Categories {
		r.ByCategory = append(r.ByCategory, Count{Key: string(c), N: b.cats[c]})
	}
	if n := b.cats[""]; n > 0 {
		r.ByCategory = append(r.ByCategory, Count{Key: "", N: n})
	}
	r.PerYear = b.years()
	for id, n := range b.partners {
		name := b.names[id]
		if p, ok := b.parties[id]; ok && p.Name != "" {
			name = p.Name
		}
		r.ByPartner = append(r.ByPartner, Count{Key: id.String(), Label: name, N: n})
	}
	for code, n := range b.provs {
		label := code
		if b.province != nil && code != "" {
			if name, ok := b.province(code); ok {
				label = name
			}
		}
		r.ByProvince = append(r.ByProvince, Count{Key: code, Label: label, N: n})
	}
	for key, n := range b.impls {
		// An office under the spelling most used, the longer of two as used.
		label, most := "", 0
		for name, k := range b.spelled[key] {
			if k > most || k == most && (len(name) > len(label) || len(name) == len(label) && name < label) {
				label, most = name, k
			}
		}
		r.ByImplementer = append(r.ByImplementer, Count{Key: strings.ToLower(label), Label: label, N: n})
	}
	for _, list := range [][]Count{r.ByPartner, r.ByProvince, r.ByImplementer} {
		slices.SortFunc(list, func(a, b Count) int {
			return cmp.Or(b.N-a.N, cmp.Compare(a.Label, b.Label), cmp.Compare(a.Key, b.Key))
		})
	}
	byEnd := func(a, b Row) int {
		switch {
		case a.End.IsZero() != b.End.IsZero():
			if a.End.IsZero() {
				return 1
			}
			return -1
		}
		return cmp.Or(a.End.Compare(b.End), cmp.Compare(a.ID, b.ID))
	}
	slices.SortFunc(r.InForce, byEnd)
	slices.SortFunc(r.Ending, byEnd)
	slices.SortFunc(r.Sleeping, func(a, b Row) int { return cmp.Or(a.Signed.Compare(b.Signed), cmp.Compare(a.ID, b.ID)) })
	return r
}

// years lists the signed-in-period counts for every year from the first that
// holds any (or the period's first) to the period's last, a year without
// signings with zero counts, so a bar reads "none" rather than vanishing.
func (b *builder) years() []service.YearCount {
	p := b.r.Period
	first := p.To.Year
	for yc := range b.perYear {
		first = min(first, yc.Year)
	}
	if p.To.Year-p.From.Year < 15 {
		first = min(first, p.From.Year)
	}
	var out []service.YearCount
	for y := first; y <= p.To.Year; y++ {
		for _, k := range agreement.Kinds {
			out = append(out, service.YearCount{Year: y, Kind: k, Count: b.perYear[service.YearCount{Year: y, Kind: k}]})
		}
	}
	return out
}

// Partial reports whether the period covers year y only in part, and the
// part it covers.
func (p Period) Partial(y int) (from, to agreement.Date, partial bool) {
	from, to = agreement.NewDate(y, time.January, 1), agreement.NewDate(y, time.December, 31)
	if p.From.After(from) {
		from = p.From
	}
	if p.To.Before(to) {
		to = p.To
	}
	return from, to, from != agreement.NewDate(y, time.January, 1) || to != agreement.NewDate(y, time.December, 31)
}
