package ui

import (
	"sort"
	"sync"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/wilayah"
)

// governments lists every regional government of the Kemendagri region list by
// its official name ("Pemerintah Kabupaten Sumedang"), sorted, with its region.
// The list is shared: callers copy it before changing it.
var governments = sync.OnceValues(func() ([]string, map[string]wilayah.Region) {
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

// regionParty is a regional government as a party of the registry.
func regionParty(r wilayah.Region) agreement.Party {
	kind := agreement.PartyPemkab
	switch {
	case r.IsProvince():
		kind = agreement.PartyPemprov
	case r.IsCity():
		kind = agreement.PartyPemkot
	}
	return agreement.Party{Kind: kind, Name: r.GovernmentName(), RegionCode: r.Code, ProvinceCode: r.ProvinceCode, Seat: r.PlaceName()}
}

// partyOfRegion finds a region's government among parties, or registers it; added
// reports a party saved now.
func partyOfRegion(svc service.Directory, parties []agreement.Party, r wilayah.Region) (p agreement.Party, added bool, err error) {
	for _, p := range parties {
		if p.RegionCode == r.Code {
			return p, false, nil
		}
	}
	p = regionParty(r)
	err = svc.SaveParty(&p)
	return p, err == nil, err
}
