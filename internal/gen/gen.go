// Package gen generates a realistic, deterministic corpus of Kerja Sama Daerah
// records: one party per region of the Kemendagri list and a few dozen other
// institutions, their officials and mandates, and any number of agreements of every
// kind and status, with bodies in formal Indonesian. It does no I/O.
//
// Agreement i depends only on the seed and i (and, through its parent, on the seed
// and the parent's index), so a large corpus can be generated in independent batches.
package gen

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/wilayah"
)

// Options configure a Generator.
type Options struct {
	Seed uint64
	// Now is the "today" of the corpus: dates spread over the 8 years before it and
	// a little after. time.Now() when zero.
	Now time.Time
	// Offsets are added to every ID so that the corpus joins a non-empty store.
	Offsets dataset.Offsets
}

// Generator builds the corpus. It is safe for concurrent use once built.
type Generator struct {
	opt     Options
	now     time.Time // UTC
	today   agreement.Date
	first   agreement.Date // eight years before today
	regions *wilayah.List

	parties   []partyInfo
	officials []agreement.Official
	mandates  []agreement.Mandate
	own       int // index of our own party

	allRegions  []int // region parties that can be partners
	favourites  []int // frequent partners
	sameProv    []int // region parties in our own province
	byKind      map[agreement.PartyKind][]int
	stemIdx     map[string]int
	regionStems []int
	scheme      agreement.NumberingScheme
}

type partyInfo struct {
	party    agreement.Party
	region   wilayah.Region
	isRegion bool
	heads    []int // official indices of heads of region, oldest first
	agencies []agencyHead
	leader   int // official index of the pimpinan of a non-region party
	style    int // partner numbering style
	codes    int // kind code set for partner numbers
	unit     string
	abbr     string
	stems    []int // subjects a non-region party takes part in
	group    int   // name group of its people
	foreign  bool  // foreign regional government (KSDPL)
}

type agencyHead struct {
	official int
	agency   string
	mandates []int // mandate indices, one per head of region who gave one
}

const (
	dirStream   = 0xD1EC7081
	years       = 8
	daysPerYear = 365
)

// mix is splitmix64: it spreads consecutive inputs over the whole range.
func mix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// rng returns the random stream number stream of agreement index i.
func (g *Generator) rng(i int, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.opt.Seed, mix(uint64(i)<<3|stream)))
}

// New builds a generator and its directory of parties, officials and mandates.
func New(opt Options, regions *wilayah.List) *Generator {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	g := &Generator{opt: opt, now: opt.Now.UTC(), regions: regions, byKind: map[agreement.PartyKind][]int{}, stemIdx: map[string]int{}}
	g.today = agreement.DateOf(g.now)
	g.first = g.today.AddDate(-years, 0, 0)
	for i, s := range stems {
		g.stemIdx[s.key] = i
		if s.region {
			g.regionStems = append(g.regionStems, i)
		}
	}
	g.scheme = agreement.NumberingScheme{
		Template:       "{nomor}/{jenis}.{klasifikasi}-{unit}/{tahun}",
		Classification: "05",
		UnitCode:       "KS", // not the examples' Huk: their numbers stay theirs alone
		KindCodes: map[agreement.Kind]string{agreement.KindKSB: "KSB", agreement.KindPKS: "PKS",
			agreement.KindNK: "NK", agreement.KindAdendum: "ADD", agreement.KindPerpanjangan: "PPJ"},
	}
	g.buildDirectory(rand.New(rand.NewPCG(opt.Seed, mix(dirStream))))
	return g
}

func (g *Generator) partyID(i int) agreement.ID {
	return g.opt.Offsets.Party + agreement.ID(i+1)
}
func (g *Generator) officialID(i int) agreement.ID {
	return g.opt.Offsets.Official + agreement.ID(i+1)
}
func (g *Generator) mandateID(i int) agreement.ID {
	return g.opt.Offsets.Mandate + agreement.ID(i+1)
}
func (g *Generator) agreementID(i int) agreement.ID {
	return g.opt.Offsets.Agreement + agreement.ID(i+1)
}

// stamp is a time on day d during office hours (WIB), never after now.
func (g *Generator) stamp(r *rand.Rand, d agreement.Date) time.Time {
	t := time.Date(d.Year, d.Month, d.Day, 1+r.IntN(8), r.IntN(60), r.IntN(60), 0, time.UTC)
	if t.After(g.now) {
		t = g.now.Add(-time.Duration(1+r.IntN(3600)) * time.Second)
	}
	return t
}

func groupOf(r *rand.Rand, prov string) int {
	if r.IntN(6) == 0 {
		return []int{grpJawa, grpSunda, grpMelayu, grpBatak}[r.IntN(4)]
	}
	switch prov {
	case "12":
		return grpBatak
	case "13":
		return grpMinang
	case "18":
		return []int{grpJawa, grpMelayu}[r.IntN(2)]
	case "31":
		return []int{grpJawa, grpSunda, grpBatak, grpMelayu}[r.IntN(4)]
	case "32", "36":
		return grpSunda
	case "33", "34", "35":
		return grpJawa
	case "51":
		return grpBali
	case "53", "71", "81", "91", "92", "93", "94", "95", "96":
		return grpTimur
	case "72", "73", "74", "75", "76":
		return grpBugis
	}
	return grpMelayu
}

// personName returns a full name with titles; female reports the sex for the NIP.
func personName(r *rand.Rand, group int, senior bool) (name string, female bool) {
	ng := &nameGroups[group]
	female = r.IntN(100) < 18
	var b strings.Builder
	if senior && r.IntN(100) < 30 {
		b.WriteString("Dr. ")
	} else if r.IntN(100) < 6 {
		b.WriteString([]string{"Ir. ", "Drs. "}[r.IntN(2)])
	}
	if ng.muslim && r.IntN(100) < 40 {
		if female {
			b.WriteString("Hj. ")
		} else {
			b.WriteString("H. ")
		}
	}
	first, lasts := ng.male, ng.lastMale
	if female {
		first, lasts = ng.female, ng.lastFemale
	}
	if group == grpBali {
		if female {
			b.WriteString(pick(r, baliFemale))
		} else {
			b.WriteString(pick(r, baliMale))
		}
	}
	f := pick(r, first)
	b.WriteString(f)
	if r.IntN(100) < 30 && group != grpBali {
		// a second given name
		s := pick(r, first)
		if s != f && !strings.Contains(s, " ") && !strings.Contains(f, " ") {
			b.WriteString(" " + s)
		}
	}
	l := pick(r, lasts)
	if l != f {
		b.WriteString(" " + l)
	}
	if r.IntN(100) < 90 {
		b.WriteString(", " + pick(r, degreesS1))
		if r.IntN(100) < 70 {
			b.WriteString(", " + pick(r, degreesS2))
		}
	}
	return b.String(), female
}

// nip builds an 18-digit NIP: birth date, appointment month, sex, sequence.
func nip(r *rand.Rand, female bool, today agreement.Date) string {
	by := today.Year - 42 - r.IntN(16)
	birth := agreement.NewDate(by, time.Month(1+r.IntN(12)), 1+r.IntN(28))
	ay := by + 23 + r.IntN(7)
	sex := "1"
	if female {
		sex = "2"
	}
	return pad(birth.Year, 4) + pad(int(birth.Month), 2) + pad(birth.Day, 2) +
		pad(ay, 4) + pad(1+r.IntN(12), 2) + sex + pad(1+r.IntN(12), 3)
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

func abbrev(name string) string {
	w := strings.Fields(name)
	if len(w) == 1 {
		s := strings.ToUpper(name)
		if len(s) > 3 {
			s = s[:3]
		}
		return s
	}
	var b strings.Builder
	for _, x := range w {
		if x == "dan" {
			continue
		}
		b.WriteByte(strings.ToUpper(x)[0])
	}
	return b.String()
}

func (g *Generator) addOfficial(o agreement.Official) int {
	o.ID = g.officialID(len(g.officials))
	g.officials = append(g.officials, o)
	return len(g.officials) - 1
}

func (g *Generator) buildDirectory(r *rand.Rand) {
	setup := g.first.AddDate(0, 0, -60)
	created := g.stamp(r, setup)
	addParty := func(pi partyInfo) int {
		pi.party.ID = g.partyID(len(g.parties))
		pi.party.Created, pi.party.Updated = created, created
		g.parties = append(g.parties, pi)
		return len(g.parties) - 1
	}
	region := func(rg wilayah.Region) {
		p := agreement.Party{Name: rg.GovernmentName(), RegionCode: rg.Code, Seat: rg.PlaceName()}
		switch {
		case rg.IsProvince():
			p.Kind, p.ShortName = agreement.PartyPemprov, "Pemprov "+rg.PlaceName()
		case rg.IsCity():
			p.Kind, p.ShortName, p.ProvinceCode = agreement.PartyPemkot, "Pemkot "+rg.PlaceName(), rg.ProvinceCode
		default:
			p.Kind, p.ShortName, p.ProvinceCode = agreement.PartyPemkab, "Pemkab "+rg.PlaceName(), rg.ProvinceCode
		}
		p.Address = pick(r, streets) + " Nomor " + strconv.Itoa(1+r.IntN(150)) + ", " + rg.PlaceName()
		prov := rg.ProvinceCode
		if rg.IsProvince() {
			prov = rg.Code
		}
		pi := partyInfo{party: p, region: rg, isRegion: true, style: r.IntN(4), codes: r.IntN(3),
			unit: pick(r, []string{"Tapem", "Pem", "KS", "Hkm", "Setda"}), abbr: abbrev(rg.PlaceName()), group: groupOf(r, prov)}
		addParty(pi)
	}
	for _, rg := range g.regions.Provinces {
		region(rg)
	}
	for _, rg := range g.regions.Regencies {
		region(rg)
	}
	// our own office: Kabupaten Sumedang when the list has it
	g.own = -1
	for i := range g.parties {
		if g.parties[i].party.RegionCode == "32.11" {
			g.own = i
		}
	}
	if g.own < 0 {
		g.own = len(g.regions.Provinces) // first regency
	}
	ownP := &g.parties[g.own].party
	ownP.Own = true
	scheme := g.scheme
	ownP.Numbering = &scheme
	page := agreement.DefaultPageProfile()
	ownP.Page = &page
	if ownP.RegionCode == "32.11" {
		ownP.Address = "Jalan Prabu Geusan Ulun Nomor 36, Sumedang"
	}
	for _, o := range orgs {
		p := agreement.Party{Kind: o.kind, Name: o.name, ShortName: o.short, Seat: o.seat,
			Address: pick(r, streets) + " Nomor " + strconv.Itoa(1+r.IntN(200)) + ", " + o.seat}
		pi := partyInfo{party: p, style: o.style, codes: r.IntN(3), abbr: strings.ReplaceAll(o.short, " ", ""), unit: pick(r, []string{"Dir", "Hk", "Sekr", "Leg"}),
			group: []int{grpJawa, grpSunda, grpBatak, grpMinang, grpMelayu, grpBugis}[r.IntN(6)], foreign: o.foreign}
		if o.style == 6 && r.IntN(2) == 0 {
			pi.style = 3
		}
		for _, k := range o.stems {
			pi.stems = append(pi.stems, g.stemIdx[k])
		}
		i := addParty(pi)
		g.byKind[o.kind] = append(g.byKind[o.kind], i)
	}

	// officials: heads of region (previous and current), heads of agencies, pimpinan
	for i := range g.parties {
		pi := &g.parties[i]
		if !pi.isRegion {
			g.addLeader(r, i, orgs[i-len(g.regions.Provinces)-len(g.regions.Regencies)])
			continue
		}
		cur := g.today.AddDate(0, 0, -(150 + r.IntN(4*daysPerYear+180)))
		prevFrom := cur.AddDate(-5, 0, 0)
		if !prevFrom.Before(g.first) {
			prevFrom = g.first.AddDate(0, 0, -(30 + r.IntN(700)))
		}
		prev := g.head(r, i, prevFrom, cur.AddDate(0, 0, -1), []int{85, 12, 3})
		now := g.head(r, i, cur, agreement.Date{}, []int{86, 10, 4})
		pi.heads = []int{prev, now}
		n := 1 + r.IntN(2)
		if i == g.own {
			n = len(agencyHeads) // our own office knows all its heads of agency
		}
		used := map[int]bool{}
		for k := 0; k < n; k++ {
			a := r.IntN(len(agencyHeads))
			if i == g.own {
				a = k
			}
			if used[a] {
				continue
			}
			used[a] = true
			pi.agencies = append(pi.agencies, agencyHead{official: g.agencyHead(r, i, agencyHeads[a]), agency: agencyHeads[a]})
		}
	}
	// mandates: each head of region gives each agency head a Surat Kuasa
	for i := range g.parties {
		pi := &g.parties[i]
		for k := range pi.agencies {
			ah := &pi.agencies[k]
			kadis := g.officials[ah.official]
			for _, h := range pi.heads {
				head := g.officials[h]
				from := head.From
				if kadis.From.After(from) {
					from = kadis.From
				}
				date := from.AddDate(0, 0, 14+r.IntN(80))
				if date.After(g.today) || (!head.To.IsZero() && date.After(head.To.AddDate(0, 0, -30))) {
					continue
				}
				m := agreement.Mandate{
					ID: g.mandateID(len(g.mandates)), PartyID: pi.party.ID, GrantorID: head.ID, GranteeID: kadis.ID,
					Number:     "180/" + strconv.Itoa(10+r.IntN(400)) + "/SK-" + pi.abbr + "/" + strconv.Itoa(date.Year),
					Date:       date,
					Scope:      "Menandatangani Perjanjian Kerja Sama, Adendum dan Perpanjangan Perjanjian Kerja Sama yang pelaksanaannya menjadi tugas " + ah.agency + " " + regionLabel(pi.region) + ", untuk dan atas nama " + head.Jabatan + ".",
					ValidUntil: head.To,
				}
				m.Created = g.stamp(r, date)
				m.Updated = m.Created
				ah.mandates = append(ah.mandates, len(g.mandates))
				g.mandates = append(g.mandates, m)
			}
		}
	}

	// partner pools
	ownProv := g.parties[g.own].party.ProvinceCode
	for i := range g.parties {
		pi := &g.parties[i]
		if !pi.isRegion || i == g.own || strings.HasPrefix(pi.party.RegionCode, "31.") {
			continue // DKI's administrative cities do not enter into KSD themselves
		}
		g.allRegions = append(g.allRegions, i)
		if pi.party.ProvinceCode == ownProv || pi.party.RegionCode == ownProv {
			g.sameProv = append(g.sameProv, i)
		}
	}
	for k := 0; k < 24 && len(g.allRegions) > 0; k++ {
		g.favourites = append(g.favourites, g.allRegions[r.IntN(len(g.allRegions))])
	}
	if len(g.sameProv) == 0 {
		g.sameProv = g.allRegions
	}
}

func (g *Generator) head(r *rand.Rand, party int, from, to agreement.Date, weights []int) int {
	pi := &g.parties[party]
	name, _ := personName(r, pi.group, true)
	st := agreement.StatusDefinitif
	switch x := r.IntN(100); {
	case x >= weights[0]+weights[1]:
		st = agreement.StatusPlt
	case x >= weights[0]:
		st = agreement.StatusPj
	}
	o := agreement.Official{PartyID: pi.party.ID, Name: name, Jabatan: pi.region.HeadTitle(), Role: agreement.RoleKepalaDaerah,
		Status: st, From: from, To: to}
	o.Created = g.stamp(r, maxDate(from, g.first.AddDate(0, 0, -60)))
	o.Updated = o.Created
	return g.addOfficial(o)
}

func (g *Generator) agencyHead(r *rand.Rand, party int, agency string) int {
	pi := &g.parties[party]
	name, female := personName(r, pi.group, false)
	st := agreement.StatusDefinitif
	if r.IntN(100) < 8 {
		st = agreement.StatusPlt
	}
	from := g.today.AddDate(0, 0, -(365 + r.IntN(7*daysPerYear)))
	o := agreement.Official{PartyID: pi.party.ID, Name: name, Jabatan: "Kepala " + agency + " " + regionLabel(pi.region),
		Role: agreement.RoleKepalaPD, Status: st, NIP: nip(r, female, g.today), Pangkat: pick(r, pangkatPD), From: from}
	if pi.region.IsProvince() {
		o.Pangkat = "Pembina Utama Muda (IV/c)"
	}
	o.Created = g.stamp(r, maxDate(from, g.first.AddDate(0, 0, -60)))
	o.Updated = o.Created
	return g.addOfficial(o)
}

func (g *Generator) addLeader(r *rand.Rand, party int, def org) {
	pi := &g.parties[party]
	name, female := personName(r, pi.group, true)
	if def.kind == agreement.PartyPT && r.IntN(2) == 0 {
		name = "Prof. " + strings.TrimPrefix(name, "Dr. ")
		if !strings.HasPrefix(name, "Prof. Dr. ") {
			name = strings.Replace(name, "Prof. ", "Prof. Dr. ", 1)
		}
	}
	if def.person != "" {
		name = def.person
	}
	jab := def.leader
	if def.kind != agreement.PartyLuarNegeri {
		jab += " " + def.name
	}
	// one pimpinan signs for the whole span of the corpus
	from := g.first.AddDate(0, 0, -(30 + r.IntN(2*daysPerYear)))
	o := agreement.Official{PartyID: pi.party.ID, Name: name, Jabatan: jab, Role: agreement.RolePimpinan,
		Status: agreement.StatusDefinitif, From: from}
	if def.kind == agreement.PartyKementerian || (def.kind == agreement.PartyPT && def.short != "IPDN") {
		o.NIP = nip(r, female, g.today)
		o.Pangkat = pick(r, []string{"Pembina Utama Madya (IV/d)", "Pembina Utama (IV/e)"})
	}
	o.Created = g.stamp(r, maxDate(from, g.first.AddDate(0, 0, -60)))
	o.Updated = o.Created
	pi.leader = g.addOfficial(o)
}

func regionLabel(rg wilayah.Region) string {
	if rg.IsProvince() {
		return "Provinsi " + rg.Name
	}
	return rg.Name
}

func maxDate(a, b agreement.Date) agreement.Date {
	if a.After(b) {
		return a
	}
	return b
}

func minDate(a, b agreement.Date) agreement.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// Directory returns the parties, officials and mandates, IDs starting at Offsets+1.
func (g *Generator) Directory() *dataset.Dataset {
	d := &dataset.Dataset{Format: dataset.Format, Version: dataset.Version}
	for _, pi := range g.parties {
		p := pi.party
		if p.Numbering != nil {
			s := *p.Numbering
			s.KindCodes = make(map[agreement.Kind]string, len(g.scheme.KindCodes))
			for k, v := range g.scheme.KindCodes {
				s.KindCodes[k] = v
			}
			p.Numbering = &s
		}
		if p.Page != nil {
			pg := *p.Page
			p.Page = &pg
		}
		d.Parties = append(d.Parties, p)
	}
	d.Officials = append([]agreement.Official(nil), g.officials...)
	d.Mandates = append([]agreement.Mandate(nil), g.mandates...)
	return d
}

// OwnPartyID returns the ID of the party marked as our own office.
func (g *Generator) OwnPartyID() agreement.ID { return g.parties[g.own].party.ID }

// Agreements returns agreements with index from..from+count-1; agreement index i
// has ID Offsets.Agreement+i+1.
func (g *Generator) Agreements(from, count int) []agreement.Agreement {
	if from < 0 {
		count += from
		from = 0
	}
	if count <= 0 {
		return nil
	}
	cache := map[int]*item{}
	out := make([]agreement.Agreement, 0, count)
	for i := from; i < from+count; i++ {
		out = append(out, g.full(i, cache))
		// parents lie at most maxBack indices back: drop what no later index needs
		delete(cache, i-maxBack-1)
	}
	return out
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }
