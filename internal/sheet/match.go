package sheet

import (
	"strings"

	"sepakat/internal/agreement"
	"sepakat/internal/pick"
	"sepakat/internal/wilayah"
)

// How says how a partner was found.
type How int

const (
	// NoMatch: the cell is empty.
	NoMatch How = iota
	// Exact: the registry's name or short name, or the region's own name.
	Exact
	// Approximate: by abbreviation or short name ("KAB. LAMSEL"); shown to confirm.
	Approximate
	// Ambiguous: more than one region has that name ("Bandung"); the first is
	// taken and the others shown.
	Ambiguous
	// New: nothing matches; a new instansi is made, after confirmation.
	New
)

// Match is the partner a cell names: a registry party (PartyID) or a new
// one (Party, from the region list or the text itself).
type Match struct {
	Text    string
	How     How
	PartyID agreement.ID
	// Party is the new instansi to make when PartyID is 0.
	Party *agreement.Party
	// Name is the matched party's name, for the preview.
	Name string
	// Others are the other candidates of an ambiguous match.
	Others []string
}

// Matcher finds partners in the registry and the Kemendagri region list.
type Matcher struct {
	parties  []agreement.Party
	partyIx  *pick.Index
	regions  []wilayah.Region
	cores    []string // each region's own words, folded
	regionIx *pick.Index
	byRegion map[string]int // region code → index in parties
	byName   map[string]int // folded name or short name → index in parties
	cache    map[string]Match
}

// NewMatcher prepares matching against the registry parties (our own office
// left out) and the region list.
func NewMatcher(parties []agreement.Party, regions *wilayah.List) *Matcher {
	m := &Matcher{byRegion: map[string]int{}, byName: map[string]int{}, cache: map[string]Match{}}
	var names []string
	for _, p := range parties {
		if p.Own {
			continue
		}
		i := len(m.parties)
		m.parties = append(m.parties, p)
		names = append(names, p.Name+" "+p.ShortName)
		if p.RegionCode != "" && p.Kind.IsRegion() {
			if _, dup := m.byRegion[p.RegionCode]; !dup {
				m.byRegion[p.RegionCode] = i
			}
		}
		for _, n := range []string{p.Name, p.ShortName} {
			if k := key(n); k != "" {
				if _, dup := m.byName[k]; !dup {
					m.byName[k] = i
				}
			}
		}
	}
	m.partyIx = pick.New(names)
	var texts []string
	if regions != nil {
		m.regions = append(append(m.regions, regions.Provinces...), regions.Regencies...)
		for _, r := range m.regions {
			texts = append(texts, r.GovernmentName())
			m.cores = append(m.cores, coreWords(r))
		}
	}
	m.regionIx = pick.New(texts)
	return m
}

func key(s string) string { return strings.Join(pick.Words(s), " ") }

// kindWords are words that say what kind of region a text names, and are
// not part of its name.
var regionWords = map[string]string{
	"pemerintah": "", "pemda": "", "pem": "",
	"kabupaten": "kab", "kab": "kab", "pemkab": "kab",
	"kota": "kota", "pemkot": "kota", "kotamadya": "kota",
	"provinsi": "prov", "prov": "prov", "pemprov": "prov", "propinsi": "prov",
}

func regionKind(r wilayah.Region) string {
	switch {
	case r.IsProvince():
		return "prov"
	case r.IsCity():
		return "kota"
	}
	return "kab"
}

// coreWords are a region's own words: "Kabupaten Lampung Selatan" → lampung selatan.
func coreWords(r wilayah.Region) string {
	ws := pick.Words(r.Name)
	for len(ws) > 1 && (ws[0] == "kabupaten" || ws[0] == "kota" || ws[0] == "provinsi" || ws[0] == "administrasi") {
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

// Find matches what a register wrote for a partner.
func (m *Matcher) Find(text string) Match {
	text = strings.TrimSpace(text)
	k := key(text)
	if k == "" {
		return Match{Text: text}
	}
	if c, ok := m.cache[k]; ok {
		c.Text = text
		return c
	}
	r := m.find(text, k)
	m.cache[k] = r
	return r
}

func (m *Matcher) find(text, k string) Match {
	if i, ok := m.byName[k]; ok {
		return m.registry(text, i, Exact)
	}
	ws := strings.Fields(k)
	kind := ""
	var core []string
	// Kind words open the name ("Kab. Lima Puluh Kota" is a kabupaten).
	core = ws
	for len(core) > 1 {
		kd, ok := regionWords[core[0]]
		if !ok {
			break
		}
		if kd != "" {
			kind = kd
		}
		core = core[1:]
	}
	if len(core) > 0 {
		c := strings.Join(core, " ")
		var exact []int
		for i, r := range m.regions {
			if m.cores[i] == c && (kind == "" || regionKind(r) == kind) {
				exact = append(exact, i)
			}
		}
		// "Jakarta": DKI Jakarta is the province; the same name is never two kinds there.
		if len(exact) > 0 {
			// A regency before a city of the same name when nothing says which.
			how := Exact
			var others []string
			if len(exact) > 1 {
				how = Ambiguous
				for _, i := range exact[1:] {
					others = append(others, m.regions[i].GovernmentName())
				}
			}
			res := m.region(text, m.regions[pickRegency(m.regions, exact)], how)
			res.Others = others
			return res
		}
		// By abbreviation or short name: every typed word matches.
		for _, i := range m.regionIx.Match(text, 5) {
			r := m.regions[i]
			if kind == "" || regionKind(r) == kind {
				return m.region(text, r, Approximate)
			}
		}
	}
	if hits := m.partyIx.Match(text, 1); len(hits) > 0 && len(ws) > 0 {
		return m.registry(text, hits[0], Approximate)
	}
	p := &agreement.Party{Kind: guessKind(ws), Name: tidyName(text)}
	if p.Kind.IsRegion() {
		// It says it is a region, and none has that name: a new non-region
		// party would be wrong, so it stays unmatched for the user to pick.
		return Match{Text: text, How: New, Party: p, Name: p.Name}
	}
	return Match{Text: text, How: New, Party: p, Name: p.Name}
}

func pickRegency(regions []wilayah.Region, idx []int) int {
	for _, i := range idx {
		if regionKind(regions[i]) == "kab" {
			return i
		}
	}
	return idx[0]
}

func (m *Matcher) registry(text string, i int, how How) Match {
	p := m.parties[i]
	return Match{Text: text, How: how, PartyID: p.ID, Name: p.Name}
}

func (m *Matcher) region(text string, r wilayah.Region, how How) Match {
	if i, ok := m.byRegion[r.Code]; ok {
		return Match{Text: text, How: how, PartyID: m.parties[i].ID, Name: m.parties[i].Name}
	}
	return Match{Text: text, How: how, Party: RegionParty(r), Name: r.GovernmentName()}
}

// RegionParty is a new instansi for a region's government.
func RegionParty(r wilayah.Region) *agreement.Party {
	p := &agreement.Party{Name: r.GovernmentName(), RegionCode: r.Code, ProvinceCode: r.ProvinceCode, Seat: r.PlaceName()}
	switch regionKind(r) {
	case "prov":
		p.Kind = agreement.PartyPemprov
	case "kota":
		p.Kind = agreement.PartyPemkot
	default:
		p.Kind = agreement.PartyPemkab
	}
	return p
}

// Choices are every partner a row may be given by hand: the registry's
// parties, then the regions without one, by name.
func (m *Matcher) Choices() []Match {
	out := make([]Match, 0, len(m.parties)+len(m.regions))
	for i := range m.parties {
		out = append(out, m.registry("", i, Exact))
	}
	for _, r := range m.regions {
		if _, ok := m.byRegion[r.Code]; !ok {
			out = append(out, m.region("", r, Exact))
		}
	}
	return out
}

// guessKind reads an unknown partner's kind from its words.
func guessKind(ws []string) agreement.PartyKind {
	has := func(list ...string) bool {
		for _, w := range ws {
			for _, l := range list {
				if w == l {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has("universitas", "institut", "politeknik", "sekolah", "akademi", "stie", "stikes", "univ", "poltek", "uin", "iain"):
		return agreement.PartyPT
	case has("kementerian", "kemendagri", "badan", "lembaga", "komisi", "direktorat", "kantor", "kepolisian", "polres", "polda", "kejaksaan", "pengadilan", "bpjs", "kpp", "bps", "tni", "kodim", "korem"):
		return agreement.PartyKementerian
	case has("perumda", "perusda", "pdam", "bumd", "bpr", "bank") && has("daerah", "perumda", "perusda", "pdam", "bumd", "bpr"):
		return agreement.PartyBUMD
	case has("kabupaten", "kab", "pemkab"):
		return agreement.PartyPemkab
	case has("kota", "pemkot"):
		return agreement.PartyPemkot
	case has("provinsi", "pemprov", "prov"):
		return agreement.PartyPemprov
	case has("government", "city", "university", "embassy", "kedutaan", "prefecture", "municipality"):
		return agreement.PartyLuarNegeri
	}
	return agreement.PartySwasta
}

// tidyName cleans a name written in a register: single spaces.
func tidyName(s string) string { return strings.Join(strings.Fields(s), " ") }
