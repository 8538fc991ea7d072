package agreement

import (
	"encoding/json"
	"strings"
	"time"
	"unicode"
)

// PartyKind is the kind of institution (instansi).
type PartyKind string

const (
	PartyPemprov     PartyKind = "pemprov"
	PartyPemkab      PartyKind = "pemkab"
	PartyPemkot      PartyKind = "pemkot"
	PartyKementerian PartyKind = "kementerian_lembaga"
	PartyBUMD        PartyKind = "bumd"
	PartySwasta      PartyKind = "swasta"
	PartyPT          PartyKind = "perguruan_tinggi"
	PartyLuarNegeri  PartyKind = "luar_negeri"
)

// PartyKinds lists every party kind in display order.
var PartyKinds = []PartyKind{PartyPemprov, PartyPemkab, PartyPemkot, PartyKementerian, PartyBUMD, PartySwasta, PartyPT, PartyLuarNegeri}

// IsRegion reports whether the kind is a regional government with a kepala daerah.
func (k PartyKind) IsRegion() bool {
	return k == PartyPemprov || k == PartyPemkab || k == PartyPemkot
}

// Valid reports whether k is a known kind.
func (k PartyKind) Valid() bool {
	for _, v := range PartyKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Party is an institution that signs agreements.
type Party struct {
	ID   ID        `json:"id,omitempty"`
	Rev  uint64    `json:"rev,omitempty"`
	Kind PartyKind `json:"kind"`
	// Name is the official name as it stands in the title: "Pemerintah Kabupaten Sumedang".
	Name      string `json:"name"`
	ShortName string `json:"short_name,omitempty"`
	// RegionCode is the Kemendagri code ("32.11" for a regency, "32" for a province) of a government party.
	RegionCode   string `json:"region_code,omitempty"`
	ProvinceCode string `json:"province_code,omitempty"`
	// Seat is the place the party is based, as in "berkedudukan di Sumedang".
	Seat    string `json:"seat,omitempty"`
	Address string `json:"address,omitempty"`
	// Lambang refers to the coat of arms image among the stored files.
	Lambang   *FileRef         `json:"lambang,omitempty"`
	Numbering *NumberingScheme `json:"numbering,omitempty"`
	Page      *PageProfile     `json:"page,omitempty"`
	// Procedure is our office's choices for reviews, monitoring and terms.
	Procedure *Procedure `json:"procedure,omitempty"`
	// Own marks the office that uses this copy of the program.
	Own     bool      `json:"own,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// PageProfile is an office's paper and type settings for printed agreements.
type PageProfile struct {
	Paper       string  `json:"paper"` // "A4" or "F4"
	Font        string  `json:"font"`
	FontSize    float64 `json:"font_size"`
	LineSpacing float64 `json:"line_spacing"`
	MarginTop   float64 `json:"margin_top_mm"`
	MarginRight float64 `json:"margin_right_mm"`
	MarginBot   float64 `json:"margin_bottom_mm"`
	MarginLeft  float64 `json:"margin_left_mm"`
	// PageNumbers is "dash" ("- 2 -", the default) or "halaman" ("Halaman 2 dari 5").
	PageNumbers string `json:"page_numbers,omitempty"`
	// NoParaf leaves out the initials box printed on every page.
	NoParaf bool `json:"no_paraf,omitempty"`
	// ParafHierarki are up to three officials of our office (MaxParafHierarki)
	// whose paraf hierarki prints beside our signature, the lowest first.
	ParafHierarki []ID `json:"paraf_hierarki,omitempty"`
	// ParafKoordinasi prints a paraf koordinasi block for the units concerned
	// (Agreement.CoordinationUnits).
	ParafKoordinasi bool `json:"paraf_koordinasi,omitempty"`
	// FirstPartyRight puts PIHAK PERTAMA's signature in the right column.
	FirstPartyRight bool `json:"first_party_right,omitempty"`
	// TitleCaseDate writes the date in words in Title Case ("Senin Tanggal Lima Belas…").
	TitleCaseDate bool `json:"title_case_date,omitempty"`
	// NumericDate adds the date in figures after the date in words.
	NumericDate bool `json:"numeric_date,omitempty"`
	// OpeningPlaceOnly names only the place in the opening ("bertempat di
	// Sumedang"), not the venue recorded at signing before it.
	OpeningPlaceOnly bool `json:"opening_place_only,omitempty"`
	// ActingAbbrev writes an acting head's status abbreviated in the signature
	// block ("Pj. BUPATI …"); by default in full words ("PENJABAT BUPATI …").
	ActingAbbrev bool `json:"acting_abbrev,omitempty"`
}

// Page numbering styles of PageProfile.PageNumbers.
const (
	PageNumbersDash    = "dash"
	PageNumbersHalaman = "halaman"
)

// DefaultPageProfile follows the usual tata naskah settings.
func DefaultPageProfile() PageProfile {
	return PageProfile{Paper: "A4", Font: "Liberation Serif", FontSize: 12, LineSpacing: 1.15,
		MarginTop: 25, MarginRight: 25, MarginBot: 30, MarginLeft: 30}
}

// OfficialRole says what an official is, as far as signing rules care.
type OfficialRole string

const (
	RoleKepalaDaerah      OfficialRole = "kepala_daerah" // Gubernur, Bupati, Wali Kota
	RoleWakilKepalaDaerah OfficialRole = "wakil_kepala_daerah"
	RoleSekda             OfficialRole = "sekda"
	RoleKepalaPD          OfficialRole = "kepala_perangkat_daerah"
	RolePimpinan          OfficialRole = "pimpinan" // head of a non-region party: menteri, direktur, rektor
	RoleLain              OfficialRole = "lain"
)

// OfficialRoles lists every role in display order.
var OfficialRoles = []OfficialRole{RoleKepalaDaerah, RoleWakilKepalaDaerah, RoleSekda, RoleKepalaPD, RolePimpinan, RoleLain}

// OfficeStatus is whether an official holds the office fully or in an acting capacity.
type OfficeStatus string

const (
	StatusDefinitif OfficeStatus = "definitif"
	StatusPlt       OfficeStatus = "plt"
	StatusPlh       OfficeStatus = "plh"
	StatusPj        OfficeStatus = "pj"
)

// Prefix returns "Plt. ", "Plh. ", "Pj. " or "".
func (s OfficeStatus) Prefix() string {
	switch s {
	case StatusPlt:
		return "Plt. "
	case StatusPlh:
		return "Plh. "
	case StatusPj:
		return "Pj. "
	}
	return ""
}

// Word returns the acting status in full words, as the komparisi writes it:
// "Penjabat", "Pelaksana Tugas", "Pelaksana Harian" or "".
func (s OfficeStatus) Word() string {
	switch s {
	case StatusPlt:
		return "Pelaksana Tugas"
	case StatusPlh:
		return "Pelaksana Harian"
	case StatusPj:
		return "Penjabat"
	}
	return ""
}

// ActingStatuses lists the acting statuses, for reading a prefix written in a jabatan.
var ActingStatuses = []OfficeStatus{StatusPj, StatusPlt, StatusPlh}

// SplitActing takes a written acting prefix ("Pj.", "Plt.", "Plh.", or the full
// words) off the front of a jabatan: "Pj. Bupati Garut" gives StatusPj and
// "Bupati Garut". A jabatan without one comes back whole with "".
func SplitActing(jabatan string) (OfficeStatus, string) {
	j := strings.TrimSpace(jabatan)
	lower := strings.ToLower(j)
	for _, st := range ActingStatuses {
		for _, p := range []string{strings.ToLower(strings.TrimSpace(st.Prefix())), strings.ToLower(strings.TrimSuffix(strings.TrimSpace(st.Prefix()), ".")) + " ", strings.ToLower(st.Word()) + " "} {
			if strings.HasPrefix(lower, p) {
				return st, strings.TrimSpace(j[len(p):])
			}
		}
	}
	return "", j
}

// Official is a person holding an office (pejabat) in a party, for a period.
type Official struct {
	ID      ID     `json:"id,omitempty"`
	Rev     uint64 `json:"rev,omitempty"`
	PartyID ID     `json:"party_id"`
	// Name is the name alone, without academic titles: "Dony Ahmad Munir".
	Name string `json:"name"`
	// FrontTitle and BackTitle are the academic titles (gelar depan and
	// belakang) as written: "Dr. Ir." and "M.Si.".
	FrontTitle string       `json:"front_title,omitempty"`
	BackTitle  string       `json:"back_title,omitempty"`
	Jabatan    string       `json:"jabatan"` // "Bupati Sumedang"
	Role       OfficialRole `json:"role"`
	Status     OfficeStatus `json:"status,omitempty"`
	NIP        string       `json:"nip,omitempty"`
	Pangkat    string       `json:"pangkat,omitempty"` // "Pembina Utama Muda (IV/c)"
	From       Date         `json:"from"`
	To         Date         `json:"to"` // zero while in office
	Created    time.Time    `json:"created"`
	Updated    time.Time    `json:"updated"`
}

// InOffice reports whether the official held office on d.
func (o Official) InOffice(d Date) bool {
	if !o.From.IsZero() && d.Before(o.From) {
		return false
	}
	return o.To.IsZero() || !d.After(o.To)
}

// Period writes the term of office: "2021-02-26 – 2023-05-22", "sejak 2021-02-26".
func (o Official) Period() string {
	switch {
	case o.From.IsZero() && o.To.IsZero():
		return "-"
	case o.To.IsZero():
		return o.From.String() + " – …"
	case o.From.IsZero():
		return "… – " + o.To.String()
	}
	return o.From.String() + " – " + o.To.String()
}

// Position is the office as held: "Pj. Wali Kota Tegal", "Bupati Banyumas".
func (o Official) Position() string { return o.Status.Prefix() + o.Jabatan }

// FullName is the name with its titles, as people write it: "Dr. Ir. Nama, M.Si.".
func (o Official) FullName() string { return JoinName(o.FrontTitle, o.Name, o.BackTitle) }

// UnmarshalJSON reads an official; a record from before titles were kept apart,
// whose name carries them ("Dr. Nama, M.Si."), is split by SplitName.
func (o *Official) UnmarshalJSON(data []byte) error {
	type plain Official
	var x plain
	if err := json.Unmarshal(data, &x); err != nil {
		return err
	}
	if x.FrontTitle == "" && x.BackTitle == "" {
		x.FrontTitle, x.Name, x.BackTitle = SplitName(x.Name)
	}
	*o = Official(x)
	return nil
}

// SplitName takes the academic titles off a name as people write it: the
// abbreviations ending in a dot before the name ("Dr.", "Ir.", "H.", "drg.")
// and everything after the first comma ("S.Sos., M.Si."). A name without
// them comes back whole.
func SplitName(full string) (front, name, back string) {
	full = strings.Join(strings.Fields(full), " ")
	head, tail, found := strings.Cut(full, ",")
	if found {
		back = strings.TrimSpace(tail)
	}
	words := strings.Fields(head)
	n := 0
	for n < len(words)-1 && isTitleWord(words[n]) {
		n++
	}
	return strings.Join(words[:n], " "), strings.Join(words[n:], " "), back
}

// isTitleWord reports a front title: a short abbreviation ending in a dot with
// a small letter in it ("Dr.", "Ir.", "Prof.", "Hj.", "drg."), or "H." and
// "K.H."; an initial such as "M." is part of the name.
func isTitleWord(w string) bool {
	switch w {
	case "H.", "K.H.", "KH.":
		return true
	}
	if !strings.HasSuffix(w, ".") || len(w) > 6 {
		return false
	}
	lower := false
	for _, r := range w {
		if r != '.' && !unicode.IsLetter(r) {
			return false
		}
		lower = lower || unicode.IsLower(r)
	}
	return lower
}

// JoinName writes a name with its titles: "Dr. Ir. Nama, M.Si.".
func JoinName(front, name, back string) string {
	out := strings.TrimSpace(name)
	if f := strings.TrimSpace(front); f != "" {
		out = f + " " + out
	}
	if b := b4(back); b != "" {
		out += ", " + b
	}
	return out
}

func b4(back string) string { return strings.TrimLeft(strings.TrimSpace(back), ", ") }

// PrintedName writes a name as tata naskah prints it: the name in capitals,
// the titles in their own case ("Dr. Ir. NAMA, M.Si."). full may carry its
// titles, as a signing record keeps them.
func PrintedName(full string) string {
	front, name, back := SplitName(full)
	return JoinName(front, strings.ToUpper(name), back)
}

// IsASN reports whether the official is a civil servant, whose pangkat and NIP are printed.
func (o Official) IsASN() bool { return o.NIP != "" }

// Mandate is a Surat Kuasa (Khusus) by which one official lets another sign.
type Mandate struct {
	ID         ID        `json:"id,omitempty"`
	Rev        uint64    `json:"rev,omitempty"`
	PartyID    ID        `json:"party_id"`
	GrantorID  ID        `json:"grantor_id"` // pemberi kuasa
	GranteeID  ID        `json:"grantee_id"` // penerima kuasa
	Number     string    `json:"number"`
	Date       Date      `json:"date"`
	Scope      string    `json:"scope"`
	ValidUntil Date      `json:"valid_until"`
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated"`
}

// FileRef points at a file kept inside the data file.
type FileRef struct {
	Name      string `json:"name"`
	MediaType string `json:"media_type"`
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
}
