package kit

import (
	"sort"
	"sync"

	"fyne.io/fyne/v2/lang"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/wilayah"
)

// Governments lists every regional government of the Kemendagri region list by
// its official name ("Pemerintah Kabupaten Sumedang"), sorted, with its region.
// The list is shared: callers copy it before changing it.
var Governments = sync.OnceValues(func() ([]string, map[string]wilayah.Region) {
	list := wilayah.MustLoad()
	byName := map[string]wilayah.Region{}
	var names []string
	for _, r := range append(append([]wilayah.Region(nil), list.Provinces...), list.Regencies...) {
		byName[r.GovernmentName()] = r
		names = append(names, r.GovernmentName())
	}
	sort.Strings(names)
	return names, byName
})

// RegionParty is a regional government as a party of the registry. The region
// list has no seats: a city's seat is the city, any other is left empty for
// the user to write (Kabupaten Tegal sits in Slawi, not "Tegal"); SeatGuess
// offers the region's name as a visible guess.
func RegionParty(r wilayah.Region) agreement.Party {
	kind := agreement.PartyPemkab
	switch {
	case r.IsProvince():
		kind = agreement.PartyPemprov
	case r.IsCity():
		kind = agreement.PartyPemkot
	}
	p := agreement.Party{Kind: kind, Name: r.GovernmentName(), RegionCode: r.Code, ProvinceCode: r.ProvinceCode}
	if r.IsCity() {
		p.Seat = r.PlaceName()
	}
	return p
}

// SeatPlaceholder is what a seat field shows while empty: for a region whose
// seat the list does not give, its name as a guess to check.
func SeatPlaceholder(r wilayah.Region, known bool) string {
	if !known || r.IsCity() {
		return lang.L("ibu kota, mis. Kalianda")
	}
	return lang.L("tebakan: {{.Guess}} — tulis ibu kota {{.Region}}", map[string]any{"Region": r.Name, "Guess": r.PlaceName()})
}

// PartyOfRegion finds a region's government among parties, or registers it; added
// reports a party saved now.
func PartyOfRegion(svc service.Directory, parties []agreement.Party, r wilayah.Region) (p agreement.Party, added bool, err error) {
	for _, p := range parties {
		if p.RegionCode == r.Code {
			return p, false, nil
		}
	}
	p = RegionParty(r)
	err = svc.SaveParty(&p)
	return p, err == nil, err
}
