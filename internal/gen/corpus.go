package gen

import (
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
)

// maxBack is how far back a child looks for its parent.
const maxBack = 12

const (
	kKSB = agreement.KindKSB
	kPKS = agreement.KindPKS
	kNK  = agreement.KindNK
	kADD = agreement.KindAdendum
	kPPJ = agreement.KindPerpanjangan

	sKonsep = agreement.StatusKonsep
	sTelaah = agreement.StatusTelaah
	sSiap   = agreement.StatusSiapTTD
	sTTD    = agreement.StatusDitandatangani
	sBatal  = agreement.StatusDibatalkan
)

// shape is what others need to know of an index before generating it: the rolled
// kind and status. The final kind and status of a KSB, NK or PKS always equal the
// rolled ones, so a child can choose its parent from shapes alone.
type shape struct {
	kind   agreement.Kind
	status agreement.Status
	rooted bool // a PKS without a parent
	offs   [6]int
	ext    [3]int // the later indices i+ext that may extend this agreement
}

func (g *Generator) shape(i int) shape {
	r := g.rng(i, 0)
	var s shape
	switch x := r.IntN(100); {
	case x < 30:
		s.kind = kKSB
	case x < 36:
		s.kind = kNK
	case x < 72:
		s.kind = kPKS
	case x < 84:
		s.kind = kADD
	default:
		s.kind = kPPJ
	}
	switch x := r.IntN(100); {
	case x < 6:
		s.status = sKonsep
	case x < 11:
		s.status = sTelaah
	case x < 15:
		s.status = sSiap
	case x < 22:
		s.status = sBatal
	default:
		s.status = sTTD
	}
	s.rooted = s.kind == kPKS && r.IntN(100) < 30
	for k := range s.offs {
		s.offs[k] = 1 + r.IntN(maxBack)
	}
	for k, e := range r.Perm(maxBack)[:len(s.ext)] {
		s.ext[k] = 1 + e
	}
	return s
}

// firstExtension reports whether index p+k is the first extension slot of p whose
// shape is a Perpanjangan.
func (g *Generator) firstExtension(p, k int) bool {
	ps := g.shape(p)
	slot := false
	for _, e := range ps.ext {
		slot = slot || e == k
	}
	if !slot {
		return false
	}
	for _, e := range ps.ext {
		if e < k && g.shape(p+e).kind == kPPJ {
			return false
		}
	}
	return true
}

// item is an agreement without its body, premises and monitoring, plus what its
// children and its own body need.
type item struct {
	a        agreement.Agreement
	idx      int
	stem     int
	parties  [2]int // party indices of PIHAK PERTAMA and PIHAK KEDUA
	partner  int
	signed   agreement.Date // zero when never signed
	planned  agreement.Date // planned signing date of a draft
	end      agreement.Date
	parent   *item
	cancelAt agreement.Date
}

func isDraft(s agreement.Status) bool { return s == sKonsep || s == sTelaah || s == sSiap }

func (g *Generator) days(d agreement.Date, n int) agreement.Date { return d.AddDate(0, 0, n) }

func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// core generates everything but the body of agreement i.
func (g *Generator) core(i int, cache map[int]*item) *item {
	if it := cache[i]; it != nil {
		return it
	}
	sh := g.shape(i)
	r := g.rng(i, 1)
	it := &item{idx: i}
	a := &it.a
	a.ID = g.agreementID(i)
	kind, status := sh.kind, sh.status

	// choose the parent among earlier indices, from their shapes
	var par *item
	eligible := func(p int) bool {
		ps := g.shape(p)
		// A PKS carries out a KSB; a Nota Kesepakatan is carried out by its
		// rencana aksi, never by a PKS.
		return ps.status == sTTD && (ps.kind == kKSB || (ps.kind == kNK && kind != kPKS) || (ps.kind == kPKS && kind != kPKS))
	}
	switch {
	case kind == kPPJ:
		// An agreement is extended at most once: only by the first of its extension
		// slots that holds a Perpanjangan.
		for k := 1; k <= maxBack && k <= i && par == nil; k++ {
			if !g.firstExtension(i-k, k) || !eligible(i-k) {
				continue
			}
			if pc := g.core(i-k, cache); pc.a.Term.Extendable && !pc.end.After(g.days(g.today, 270)) {
				par = pc
			}
		}
	case kind == kADD || (kind == kPKS && !sh.rooted):
		for _, k := range sh.offs {
			if k > i || !eligible(i-k) {
				continue
			}
			pc := g.core(i-k, cache)
			if kind == kPKS && isDraft(status) && pc.end.Before(g.days(g.today, 60)) {
				continue // no new PKS under an agreement about to end
			}
			par = pc
			break
		}
	}
	if par == nil && (kind == kADD || kind == kPPJ) {
		kind = kKSB // no parent within reach: it became a framework agreement of its own
	}
	it.parent = par
	a.Kind = kind

	// an adendum or extension of an agreement that has already ended was signed in time
	if par != nil && kind != kPKS && isDraft(status) && par.end.Before(g.today) {
		status = sTTD
	}
	signedCancel := status == sBatal && r.IntN(100) < 45
	signs := status == sTTD || signedCancel

	// parties and subject
	if par != nil {
		it.stem, it.partner, it.parties = par.stem, par.partner, par.parties
		a.Category, a.Voluntary = par.a.Category, par.a.Voluntary
		a.Subject = par.a.Subject
		if kind == kPKS && r.IntN(100) < 45 {
			a.Subject = titleCase(pick(r, stems[it.stem].scope))
		}
		a.Affairs = cloneS(par.a.Affairs)
		a.Implementers = cloneS(par.a.Implementers)
		a.LegalBases = append([]agreement.LegalBasis(nil), par.a.LegalBases...)
		a.Tags = cloneS(par.a.Tags)
		a.Funding = par.a.Funding
		numbers := par.a.Numbers()
		a.ParentID = par.a.ID
		a.Parent = &agreement.ParentRef{Kind: par.a.Kind, Subject: par.a.Subject, Numbers: cloneS(numbers), Date: par.signed, End: par.a.EffectiveEnd()}
	} else {
		g.chooseRoot(r, it, kind)
		st := &stems[it.stem]
		a.Subject = st.subject
		if r.IntN(100) < 45 {
			a.Subject += pick(r, qualifiers)
		}
		a.Affairs = cloneS(st.affairs)
		a.Implementers = cloneS(st.impl)
		if len(a.Implementers) > 1 && r.IntN(3) == 0 {
			a.Implementers = append(a.Implementers, pdKerjaSama)
		}
		a.Tags = cloneS(st.tags)
		a.Funding = g.funding(r, it, kind)
	}
	st := &stems[it.stem]

	// dates: signing, term, creation
	a.Term = g.term(r, it, kind, st)
	switch {
	case signs:
		it.signed = g.signingDate(r, it, kind, par)
		g.startTerm(r, it, kind, par)
	case isDraft(status):
		it.planned = g.days(g.today, between(r, 1, 45))
		if status == sKonsep || status == sTelaah {
			it.planned = g.days(g.today, between(r, 20, 120))
		}
		if kind != kADD && kind != kPPJ && r.IntN(100) < 40 {
			a.Term.Start = g.days(it.planned, between(r, 0, 20))
		}
	}
	if kind == kPPJ {
		a.Term.Start = g.days(par.end, 1) // an extension runs on from its parent, whatever its status
	}
	if !a.Term.Start.IsZero() {
		a.Term.End = a.Term.EndFor(a.Term.Start)
	}
	it.end = a.Term.End
	if it.end.IsZero() && !it.planned.IsZero() {
		it.end = a.Term.EndFor(it.planned)
	}
	var created agreement.Date
	switch {
	case signs:
		created = g.days(it.signed, -between(r, 14, 120))
	case status == sBatal:
		created = g.days(g.today, -between(r, 30, years*daysPerYear))
	case status == sKonsep:
		created = g.days(g.today, -between(r, 1, 150))
	default:
		created = g.days(g.today, -between(r, 20, 200))
	}
	if par != nil && !created.After(par.signed) {
		created = g.days(par.signed, 1)
	}
	created = minDate(created, g.today)
	if par == nil {
		a.LegalBases = g.legalBases(r, st, maxDate(created, it.signed))
	}

	// status and what goes with it
	a.Status = status
	if status == sBatal {
		a.CancelReason = pick(r, cancelReasons)
		if signedCancel {
			it.cancelAt = minDate(g.days(it.signed, between(r, 90, 900)), g.today)
		} else {
			it.cancelAt = minDate(g.days(created, between(r, 7, 150)), g.today)
		}
	}
	a.Copies = 2
	if r.IntN(100) < 6 && par == nil && kind == kKSB {
		a.Copies = 3
	}
	g.partiesOf(r, it, status, signs)
	if st.dprd && (kind == kPKS || (kind == kKSB && r.IntN(3) == 0)) {
		a.DPRD.Required = true
		if signs {
			d := g.days(it.signed, -between(r, 10, 70))
			a.DPRD.Number = "172/Kep." + strconv.Itoa(between(r, 2, 40)) + "-DPRD/" + strconv.Itoa(d.Year)
			a.DPRD.Date = d
		}
	}
	a.Created = g.stamp(r, created)
	var upd agreement.Date
	switch {
	case status == sBatal:
		upd = it.cancelAt
	case signs:
		upd = minDate(g.days(it.signed, between(r, 0, 25)), g.today)
	default:
		upd = g.days(created, between(r, 0, created.DaysUntil(g.today)))
	}
	a.Updated = g.stamp(r, upd)
	if a.Updated.Before(a.Created) {
		a.Updated = a.Created
	}
	if r.IntN(100) < 12 {
		a.Notes = pick(r, noteTexts)
	}
	cache[i] = it
	return it
}

// chooseRoot picks the partner, party order, subject stem and category of a root.
func (g *Generator) chooseRoot(r *rand.Rand, it *item, kind agreement.Kind) {
	var partner int
	x := r.IntN(100)
	switch kind {
	case kNK:
		partner = g.pickKind(r, agreement.PartyKementerian)
	case kKSB:
		switch {
		case x < 86:
			partner = g.pickRegion(r)
		case x < 92:
			partner = g.pickKind(r, agreement.PartyPT)
		case x < 95:
			partner = g.pickKind(r, agreement.PartyBUMD)
		case x < 98:
			partner = g.pickKind(r, agreement.PartySwasta)
		default:
			partner = g.pickKind(r, agreement.PartyLuarNegeri)
		}
	default:
		// never with a ministry: that is a Nota Kesepakatan
		switch {
		case x < 55:
			partner = g.pickRegion(r)
		case x < 67:
			partner = g.pickKind(r, agreement.PartyPT)
		case x < 82:
			partner = g.pickKind(r, agreement.PartyBUMD)
		default:
			partner = g.pickKind(r, agreement.PartySwasta)
		}
	}
	it.partner = partner
	pi := &g.parties[partner]
	ownFirst := r.IntN(100) < 50
	switch {
	case pi.party.Kind == agreement.PartyKementerian:
		ownFirst = r.IntN(100) < 20
	case !pi.isRegion:
		ownFirst = r.IntN(100) < 80
	}
	if ownFirst {
		it.parties = [2]int{g.own, partner}
	} else {
		it.parties = [2]int{partner, g.own}
	}
	if pi.isRegion {
		it.stem = g.regionStems[r.IntN(len(g.regionStems))]
	} else {
		it.stem = pi.stems[r.IntN(len(pi.stems))]
	}
	a := &it.a
	switch pi.party.Kind {
	case agreement.PartyPemprov, agreement.PartyPemkab, agreement.PartyPemkot:
		a.Category = agreement.CatKSDD
		a.Voluntary = !stems[it.stem].wajib
	case agreement.PartyKementerian:
		// a Nota Kesepakatan with the centre is not one of the PP 28/2018 categories
	case agreement.PartyLuarNegeri:
		a.Category = agreement.CatKSDLL
		if pi.foreign {
			a.Category = agreement.CatKSDPL
		}
	default:
		a.Category = agreement.CatKSDPK
	}
}

func (g *Generator) pickRegion(r *rand.Rand) int {
	switch x := r.IntN(100); {
	case x < 35 && len(g.favourites) > 0:
		return g.favourites[r.IntN(len(g.favourites))]
	case x < 60:
		return g.sameProv[r.IntN(len(g.sameProv))]
	}
	return g.allRegions[r.IntN(len(g.allRegions))]
}

func (g *Generator) pickKind(r *rand.Rand, k agreement.PartyKind) int {
	list := g.byKind[k]
	if len(list) == 0 {
		return g.pickRegion(r)
	}
	return list[r.IntN(len(list))]
}

func (g *Generator) funding(r *rand.Rand, it *item, kind agreement.Kind) agreement.Funding {
	pi := &g.parties[it.partner]
	var f agreement.Funding
	switch {
	case pi.isRegion:
		f.Source = pick(r, []string{"APBD masing-masing PARA PIHAK",
			"Anggaran Pendapatan dan Belanja Daerah masing-masing PARA PIHAK serta sumber lain yang sah dan tidak mengikat",
			"APBD PIHAK PERTAMA dan APBD PIHAK KEDUA"})
	case pi.party.Kind == agreement.PartyKementerian:
		f.Source = "APBN dan APBD menurut kewenangan masing-masing PARA PIHAK"
	case stems[it.stem].key == "tjsl":
		f.Source = "Dana tanggung jawab sosial dan lingkungan " + pi.party.ShortName
	default:
		f.Source = pick(r, []string{"Anggaran masing-masing PARA PIHAK", "APBD dan anggaran " + pi.party.ShortName + " berdasarkan kesepakatan PARA PIHAK",
			"Anggaran " + pi.party.ShortName + " dan sumber lain yang sah dan tidak mengikat"})
	}
	if kind == kPKS && r.IntN(100) < 40 {
		f.Amount = int64(between(r, 2, 400)) * 5_000_000
		f.Notes = "Dianggarkan pada DPA " + pick(r, stems[it.stem].impl) + " tahun anggaran berjalan."
	}
	return f
}

// term draws the length of the agreement; its dates are set later.
func (g *Generator) term(r *rand.Rand, it *item, kind agreement.Kind, st *stem) agreement.Term {
	var t agreement.Term
	t.Unit = agreement.UnitTahun
	x := r.IntN(100)
	switch kind {
	case kKSB, kNK:
		switch {
		case x < 58:
			t.Length = 5
		case x < 78:
			t.Length = 3
		case x < 88:
			t.Length = 2
		case x < 93:
			t.Length = 1
		case x < 96:
			t.Length = 4
		default:
			t.Unit, t.Length = agreement.UnitBulan, []int{18, 24, 36}[r.IntN(3)]
		}
	default:
		switch {
		case st.long && x < 40:
			t.Length = []int{10, 15, 20, 25, 30}[r.IntN(5)]
		case x < 30:
			t.Length = 1
		case x < 50:
			t.Length = 2
		case x < 70:
			t.Length = 3
		case x < 82:
			t.Length = 5
		default:
			t.Unit, t.Length = agreement.UnitBulan, []int{6, 6, 12, 18, 24}[r.IntN(5)]
		}
	}
	t.Extendable = r.IntN(100) < 65
	if it.parent != nil {
		switch kind {
		case kADD:
			return it.parent.a.Term
		case kPPJ:
			t.Length, t.Unit = it.parent.a.Term.Length, it.parent.a.Term.Unit
			if r.IntN(3) == 0 {
				t.Length, t.Unit = between(r, 1, 2), agreement.UnitTahun
			}
			t.Extendable = it.parent.a.Term.Extendable && r.IntN(2) == 0
		}
	}
	return t
}

// signingDate picks the signing date: for roots over the eight years before today,
// weighted to recent years; for children after the parent, within its term.
func (g *Generator) signingDate(r *rand.Rand, it *item, kind agreement.Kind, par *item) agreement.Date {
	last := g.days(g.today, -1)
	if par == nil {
		// some agreements are placed so that they end within the next half year
		if r.IntN(100) < 7 && it.a.Term.Length <= 5 {
			end := g.days(g.today, between(r, 0, 180))
			t := it.a.Term
			var start agreement.Date
			if t.Unit == agreement.UnitBulan {
				start = g.days(end, 1).AddDate(0, -t.Length, 0)
			} else {
				start = g.days(end, 1).AddDate(-t.Length, 0, 0)
			}
			return minDate(g.days(start, -between(r, 0, 10)), g.days(g.today, -3))
		}
		u := math.Pow(r.Float64(), 1.5)
		return g.days(g.today, -(3 + int(u*float64(years*daysPerYear-3))))
	}
	lo := g.days(par.signed, 1)
	hi := minDate(par.end, last)
	switch kind {
	case kPKS:
		hi = minDate(hi, g.days(lo, 420))
	case kADD:
		lo = minDate(g.days(par.signed, 30), last)
		hi = minDate(g.days(par.end, -20), last)
	case kPPJ:
		lo = minDate(maxDate(g.days(par.end, -90), g.days(par.signed, 1)), last)
		hi = minDate(g.days(par.end, -7), last)
	}
	if hi.Before(lo) {
		hi = lo
	}
	return g.days(lo, r.IntN(lo.DaysUntil(hi)+1))
}

// startTerm sets the term's start for a signed agreement.
func (g *Generator) startTerm(r *rand.Rand, it *item, kind agreement.Kind, par *item) {
	t := &it.a.Term
	switch {
	case kind == kADD:
		return // the adendum runs with its parent
	case kind == kPPJ:
		t.Start = g.days(par.end, 1)
	case r.IntN(100) < 72:
		t.Start = it.signed
	default:
		t.Start = g.days(it.signed, between(r, 1, 30))
	}
	if kind == kPKS && par != nil && t.Unit == agreement.UnitTahun {
		// a PKS should not outlive the agreement it carries out
		for t.Length > 1 && t.EndFor(t.Start).After(par.end) {
			t.Length--
		}
	}
}

func (g *Generator) legalBases(r *rand.Rand, st *stem, d agreement.Date) []agreement.LegalBasis {
	uu := lawUU23[0]
	switch {
	case d.Year >= 2023:
		uu = lawUU23[2]
	case d.Year >= 2021:
		uu = lawUU23[1]
	}
	out := []agreement.LegalBasis{uu}
	for _, k := range st.laws {
		if l, ok := laws[k]; ok && l.Year <= d.Year && (r.IntN(100) < 85) {
			out = append(out, l)
		}
	}
	out = append(out, lawPP28)
	if d.Year >= 2020 {
		out = append(out, lawPMDN)
	}
	// hierarchy: Undang-Undang, Peraturan Pemerintah, Peraturan Presiden, Peraturan Menteri; then by year
	rank := func(l agreement.LegalBasis) int {
		switch l.Kind {
		case "Undang-Undang":
			return 0
		case "Peraturan Pemerintah":
			return 1
		case "Peraturan Presiden":
			return 2
		}
		return 3
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0; j-- {
			a, b := out[j-1], out[j]
			if rank(a) < rank(b) || (rank(a) == rank(b) && a.Year <= b.Year) {
				break
			}
			out[j-1], out[j] = b, a
		}
	}
	return out
}

// partiesOf sets party entries, numbers, signers and the signing record.
func (g *Generator) partiesOf(r *rand.Rand, it *item, status agreement.Status, signs bool) {
	a := &it.a
	level := a.Kind
	if (level == kADD || level == kPPJ) && it.parent != nil {
		level = it.parent.a.Kind
	}
	when := it.signed
	if when.IsZero() {
		when = it.planned
	}
	if when.IsZero() {
		when = it.cancelAt // a draft cancelled back then had the officials of then
	}
	if when.IsZero() {
		when = g.today
	}
	withSigners := signs || status == sSiap || r.IntN(100) < 40
	roles := [2]agreement.Role{agreement.RolePihakPertama, agreement.RolePihakKedua}
	var signers []agreement.Signer
	for k, pidx := range it.parties {
		pi := &g.parties[pidx]
		ap := agreement.AgreementParty{PartyID: pi.party.ID, Role: roles[k], Own: pidx == g.own, Meterai: true}
		switch {
		case signs || (status == sSiap && r.IntN(100) < 50):
			if ap.Own {
				n, _ := g.scheme.Format(a.Kind, uint64(a.ID), when)
				ap.Number = n
			} else {
				ap.Number = g.partnerNumber(r, pi, a.Kind, when)
			}
		case status == sSiap:
			ap.Number = "........../........../" + strconv.Itoa(when.Year)
		}
		if withSigners {
			off, man := g.signer(r, pidx, level, when, a.Implementers)
			o := &g.officials[off]
			ap.SignerID = o.ID
			sg := agreement.Signer{PartyID: pi.party.ID, OfficialID: o.ID, Name: o.Name, Jabatan: o.Status.Prefix() + o.Jabatan}
			if man >= 0 {
				ap.MandateID = g.mandates[man].ID
				sg.MandateID = ap.MandateID
			}
			signers = append(signers, sg)
		}
		a.Parties = append(a.Parties, ap)
	}
	// planned place of signing
	host := g.own
	if r.IntN(100) < 40 && g.parties[it.partner].party.Kind != agreement.PartyLuarNegeri {
		host = it.partner
	}
	hp := &g.parties[host]
	a.Place = hp.party.Seat
	if !signs {
		return
	}
	s := &agreement.Signing{Date: it.signed, Place: placeName(hp), Venue: g.venue(r, hp), Signers: signers,
		Meterai: 2}
	if a.Copies > 2 {
		s.Meterai = a.Copies
	}
	if (a.Kind == kKSB || a.Kind == kNK) && r.IntN(100) < 25 {
		for _, pidx := range it.parties {
			pi := &g.parties[pidx]
			if !pi.isRegion {
				continue
			}
			name, _ := personName(r, pi.group, false)
			s.Witnesses = append(s.Witnesses, agreement.Witness{Name: name, Jabatan: "Sekretaris Daerah " + regionLabel(pi.region), PartyID: pi.party.ID})
		}
	}
	if r.IntN(100) < 5 {
		s.Notes = "Penandatanganan dirangkaikan dengan rapat koordinasi kerja sama daerah."
	}
	a.Signing = s
}

func placeName(pi *partyInfo) string {
	seat := pi.party.Seat
	for i := 0; i < len(seat); i++ {
		if seat[i] == ',' {
			return seat[:i]
		}
	}
	return seat
}

// signer picks who signs for a party on date d at signing level level.
func (g *Generator) signer(r *rand.Rand, party int, level agreement.Kind, d agreement.Date, impl []string) (official, mandate int) {
	pi := &g.parties[party]
	if !pi.isRegion {
		return pi.leader, -1
	}
	head := pi.heads[len(pi.heads)-1]
	if d.Before(g.officials[head].From) {
		head = pi.heads[0]
	}
	if level == kPKS && len(pi.agencies) > 0 && r.IntN(100) < 55 {
		// the head of the agency that carries the agreement out, if the party has one
		ah := &pi.agencies[r.IntN(len(pi.agencies))]
		matched := false
		for k := range pi.agencies {
			if contains(impl, pi.agencies[k].agency) {
				ah, matched = &pi.agencies[k], true
				break
			}
		}
		if !matched && party == g.own {
			return head, -1
		}
		for _, m := range ah.mandates {
			md := &g.mandates[m]
			if !md.Date.After(d) && (md.ValidUntil.IsZero() || !d.After(md.ValidUntil)) {
				return ah.official, m
			}
		}
	}
	return head, -1
}

func (g *Generator) venue(r *rand.Rand, pi *partyInfo) string {
	if !pi.isRegion {
		return pick(r, []string{"Ruang Rapat Pimpinan, Kantor " + pi.party.Name, "Aula " + pi.party.Name, "Kantor " + pi.party.Name + ", " + placeName(pi)})
	}
	rg := pi.region
	if pi.party.RegionCode == "32.11" {
		return pick(r, []string{"Gedung Negara Kabupaten Sumedang", "Ruang Rapat Bupati Sumedang",
			"Gedung Induk Pusat Pemerintahan Kabupaten Sumedang", "Ruang Rapat Sekretariat Daerah Kabupaten Sumedang"})
	}
	office := "Kantor " + rg.HeadTitle()
	return pick(r, []string{"Aula " + office, "Ruang Rapat Utama " + office, "Pendopo " + regionLabel(rg),
		"Ruang Rapat Sekretariat Daerah " + regionLabel(rg), "Gedung Serbaguna " + regionLabel(rg)})
}

// partner number styles, as other offices number their copies.
var kindCodeSets = [3]map[agreement.Kind]string{
	{kKSB: "KSB", kPKS: "PKS", kNK: "NK", kADD: "ADD", kPPJ: "PPJ"},
	{kKSB: "MoU", kPKS: "PKS", kNK: "MoU", kADD: "Add", kPPJ: "Perpj"},
	{kKSB: "NK", kPKS: "PK", kNK: "NK", kADD: "Adm", kPPJ: "PP"},
}

func (g *Generator) partnerNumber(r *rand.Rand, pi *partyInfo, kind agreement.Kind, d agreement.Date) string {
	code := kindCodeSets[pi.codes][kind]
	seq := between(r, 1, 240)
	y := strconv.Itoa(d.Year)
	rom := bahasa.Roman(int(d.Month))
	switch pi.style {
	case 0:
		return "100.3/" + pad(seq, 3) + "/" + pi.unit + "/" + y
	case 1:
		return pad(seq, 2) + "/" + code + "/TKKSD-" + pi.abbr + "/1.04/" + rom + "/" + y
	case 2:
		return "000.3/" + strconv.Itoa(seq) + "/" + code + "/" + pi.abbr + "/" + y
	case 3:
		return strconv.Itoa(seq) + "/" + code + "." + pad(between(r, 1, 12), 2) + "-" + pi.unit + "/" + y
	case 4:
		return "HK.07.0" + strconv.Itoa(between(r, 1, 3)) + "/" + strconv.Itoa(seq) + "/" + rom + "/" + y
	case 5:
		return strconv.Itoa(seq) + "/" + pi.abbr + "/HK.07.00/" + y
	case 6:
		return pad(seq, 3) + "/" + code + "/DIR-" + pi.abbr + "/" + rom + "/" + y
	}
	return "B-" + strconv.Itoa(seq) + "/" + pi.abbr + "/KS.01/" + rom + "/" + y
}

// full generates agreement i with its body, premises and monitoring.
func (g *Generator) full(i int, cache map[int]*item) agreement.Agreement {
	it := g.core(i, cache)
	a := clone(&it.a)
	r := g.rng(i, 2)
	bc := g.newBody(r, it)
	a.Body = bc.body() // first: a child recomputes its parent's article headings from this stream
	a.Premises = bc.premises()
	if a.Status == sTTD {
		a.Monitoring = g.monitoring(r, it)
		if n := len(a.Monitoring); n > 0 {
			if t := g.stamp(r, a.Monitoring[n-1].Date); t.After(a.Updated) {
				a.Updated = t
			}
		}
	}
	return a
}

func (g *Generator) monitoring(r *rand.Rand, it *item) []agreement.Monitoring {
	if it.a.Kind == kADD || it.signed.After(g.days(g.today, -150)) || r.IntN(100) < 45 {
		return nil
	}
	st := &stems[it.stem]
	var out []agreement.Monitoring
	y, half := it.signed.Year, 1
	if it.signed.Month > 6 {
		half = 2
	}
	for len(out) < 4 {
		if half == 1 {
			half = 2
		} else {
			half, y = 1, y+1
		}
		var d agreement.Date
		if half == 1 {
			d = agreement.NewDate(y, time.June, between(r, 5, 28))
		} else {
			d = agreement.NewDate(y, time.December, between(r, 1, 18))
		}
		if d.After(g.today) || (!it.end.IsZero() && d.After(g.days(it.end, 30))) {
			break
		}
		m := agreement.Monitoring{Date: d, Period: "Semester " + bahasa.Roman(half) + " " + strconv.Itoa(y),
			Activity: pick(r, activityPrefixes) + pick(r, st.scope), Realised: r.IntN(100) < 78}
		if !m.Realised || r.IntN(100) < 20 {
			m.Obstacles = upperFirst(pick(r, obstacles)) + "."
		}
		out = append(out, m)
	}
	if n := len(out); n > 0 {
		last := &out[n-1]
		switch {
		case !it.end.IsZero() && it.end.Before(g.days(g.today, 180)) && it.a.Term.Extendable:
			last.Recommendation = agreement.RecPerpanjang
		case !it.end.IsZero() && it.end.Before(g.days(g.today, 180)):
			last.Recommendation = agreement.RecAkhiri
		case r.IntN(100) < 15:
			last.Recommendation = agreement.RecUbah
		default:
			last.Recommendation = agreement.RecLanjut
		}
	}
	return out
}

func cloneS(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}

// clone copies a so that the caller may change any of it.
func clone(a *agreement.Agreement) agreement.Agreement {
	c := *a
	c.Affairs = cloneS(a.Affairs)
	c.Implementers = cloneS(a.Implementers)
	c.Tags = cloneS(a.Tags)
	c.LegalBases = append([]agreement.LegalBasis(nil), a.LegalBases...)
	c.Parties = append([]agreement.AgreementParty(nil), a.Parties...)
	if a.Parent != nil {
		p := *a.Parent
		p.Numbers = cloneS(a.Parent.Numbers)
		c.Parent = &p
	}
	if a.Signing != nil {
		s := *a.Signing
		s.Signers = append([]agreement.Signer(nil), a.Signing.Signers...)
		s.Witnesses = append([]agreement.Witness(nil), a.Signing.Witnesses...)
		c.Signing = &s
	}
	return c
}
