// Package wilayah is the Kemendagri list of provinces and regencies/cities
// (idn-area-data 4.0.1, ODbL; see resources/wilayah/LICENSE.md).
package wilayah

import (
	"encoding/csv"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"sepakat/resources"
)

// Region is a province or a regency/city.
type Region struct {
	Code         string // "32.11"
	ProvinceCode string // "32"
	Name         string // "Kabupaten Sumedang"
}

// IsProvince reports whether r is a province.
func (r Region) IsProvince() bool { return r.ProvinceCode == "" }

// IsCity reports whether r is a kota.
func (r Region) IsCity() bool { return strings.HasPrefix(r.Name, "Kota ") }

// GovernmentName returns the official name of the region's government:
// "Pemerintah Kabupaten Sumedang", "Pemerintah Provinsi Jawa Barat".
func (r Region) GovernmentName() string {
	if r.IsProvince() {
		return "Pemerintah Provinsi " + r.Name
	}
	return "Pemerintah " + r.Name
}

// HeadTitle returns the jabatan of the head of region: Gubernur, Bupati or Wali Kota.
func (r Region) HeadTitle() string {
	switch {
	case r.IsProvince():
		return "Gubernur " + r.Name
	case r.IsCity():
		return "Wali Kota " + strings.TrimPrefix(r.Name, "Kota ")
	}
	return "Bupati " + strings.TrimPrefix(r.Name, "Kabupaten ")
}

// PlaceName is the bare name used for a seat: "Sumedang".
func (r Region) PlaceName() string {
	n := strings.TrimPrefix(r.Name, "Kabupaten ")
	return strings.TrimPrefix(n, "Kota ")
}

// List is the loaded region list.
type List struct {
	Provinces []Region
	Regencies []Region
	byCode    map[string]Region
}

var (
	once   sync.Once
	loaded *List
	errLd  error
)

// Load returns the shipped list, read once.
func Load() (*List, error) {
	once.Do(func() { loaded, errLd = load(resources.FS) })
	return loaded, errLd
}

// MustLoad is Load for callers that ship the list and cannot go on without it.
func MustLoad() *List {
	l, err := Load()
	if err != nil {
		panic("wilayah: shipped region list unreadable: " + err.Error())
	}
	return l
}

func load(fsys fs.FS) (*List, error) {
	l := &List{byCode: map[string]Region{}}
	provs, err := readCSV(fsys, "wilayah/provinces.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range provs {
		p := Region{Code: r[0], Name: r[1]}
		l.Provinces = append(l.Provinces, p)
		l.byCode[p.Code] = p
	}
	regs, err := readCSV(fsys, "wilayah/regencies.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range regs {
		g := Region{Code: r[0], ProvinceCode: r[1], Name: r[2]}
		l.Regencies = append(l.Regencies, g)
		l.byCode[g.Code] = g
	}
	sort.Slice(l.Regencies, func(i, j int) bool { return l.Regencies[i].Code < l.Regencies[j].Code })
	return l, nil
}

func readCSV(fsys fs.FS, name string) ([][]string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) < 2 {
		return nil, fs.ErrNotExist
	}
	return rows[1:], nil
}

// Get returns the region with code.
func (l *List) Get(code string) (Region, bool) {
	r, ok := l.byCode[code]
	return r, ok
}

// Name returns the region's name, for agreement.Directory.
func (l *List) Name(code string) (string, bool) {
	r, ok := l.byCode[code]
	return r.Name, ok
}

// Province returns the province of a regency.
func (l *List) Province(r Region) (Region, bool) {
	if r.IsProvince() {
		return r, true
	}
	return l.Get(r.ProvinceCode)
}
