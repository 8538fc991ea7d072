package agreement

import (
	"strconv"
	"strings"
	"time"
)

// Kind is the kind of agreement document.
type Kind string

const (
	KindKSB          Kind = "KSB" // Kesepakatan Bersama (MoU, Nota Kesepahaman)
	KindPKS          Kind = "PKS" // Perjanjian Kerja Sama
	KindNK           Kind = "NK"  // Nota Kesepakatan with a ministry or central agency
	KindAdendum      Kind = "ADD" // Adendum (Perubahan)
	KindPerpanjangan Kind = "PPJ" // Perpanjangan
)

// Kinds lists every kind in display order.
var Kinds = []Kind{KindKSB, KindPKS, KindNK, KindAdendum, KindPerpanjangan}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Title returns the document title of the kind ("Kesepakatan Bersama").
func (k Kind) Title() string {
	switch k {
	case KindKSB:
		return "Kesepakatan Bersama"
	case KindPKS:
		return "Perjanjian Kerja Sama"
	case KindNK:
		return "Nota Kesepakatan"
	case KindAdendum:
		return "Adendum"
	case KindPerpanjangan:
		return "Perpanjangan"
	}
	return string(k)
}

// Category is the PP 28/2018 category of cooperation.
type Category string

const (
	CatKSDD  Category = "KSDD"  // with another region
	CatKSDPK Category = "KSDPK" // with a third party
	CatKSDPL Category = "KSDPL" // with a foreign regional government
	CatKSDLL Category = "KSDLL" // with a foreign institution
)

// Categories lists every category.
var Categories = []Category{CatKSDD, CatKSDPK, CatKSDPL, CatKSDLL}

// Status is the stored life-cycle state of an agreement.
type Status string

const (
	StatusKonsep         Status = "konsep"
	StatusTelaah         Status = "telaah"
	StatusSiapTTD        Status = "siap_ttd"
	StatusDitandatangani Status = "ditandatangani"
	StatusDibatalkan     Status = "dibatalkan"
)

// Statuses lists every stored status in life-cycle order.
var Statuses = []Status{StatusKonsep, StatusTelaah, StatusSiapTTD, StatusDitandatangani, StatusDibatalkan}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Role is a party's role in an agreement.
type Role string

const (
	RolePihakPertama Role = "pihak_pertama"
	RolePihakKedua   Role = "pihak_kedua"
	RolePihakKetiga  Role = "pihak_ketiga"
)

// Label returns "PIHAK PERTAMA" and so on.
func (r Role) Label() string {
	return strings.ToUpper(strings.ReplaceAll(string(r), "_", " "))
}

// AgreementParty is one party's place in an agreement, in order.
type AgreementParty struct {
	PartyID ID   `json:"party_id"`
	Role    Role `json:"role"`
	// Own marks our own office; its Number comes from our numbering scheme.
	Own bool `json:"own,omitempty"`
	// Number is this party's number for the agreement; empty or dots when filled in by hand.
	Number    string `json:"number,omitempty"`
	SignerID  ID     `json:"signer_id,omitempty"`
	MandateID ID     `json:"mandate_id,omitempty"`
	Meterai   bool   `json:"meterai,omitempty"`
	// Unit is the perangkat daerah that stands as the party of a PKS between
	// perangkat daerah ("Dinas Komunikasi dan Informatika Kabupaten Sumedang"),
	// acting for the regional government PartyID; empty when the government
	// itself is the party.
	Unit string `json:"unit,omitempty"`
}

// LegalBasis is one entry of the dasar hukum list.
type LegalBasis struct {
	Kind   string `json:"kind"` // "Undang-Undang", "Peraturan Pemerintah", "Peraturan Menteri Dalam Negeri" …
	Number string `json:"number"`
	Year   int    `json:"year"`
	About  string `json:"about"`
}

// String renders "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah".
func (l LegalBasis) String() string {
	var b strings.Builder
	b.WriteString(l.Kind)
	if l.Number != "" {
		b.WriteString(" Nomor " + l.Number)
	}
	if l.Year != 0 {
		b.WriteString(" Tahun " + strconv.Itoa(l.Year))
	}
	if l.About != "" {
		b.WriteString(" tentang " + l.About)
	}
	return b.String()
}

// NodeKind is the level of a body element.
type NodeKind string

const (
	NodeBab      NodeKind = "bab"
	NodePasal    NodeKind = "pasal"
	NodeAyat     NodeKind = "ayat"
	NodePoint    NodeKind = "butir"     // a., b.
	NodeSubPoint NodeKind = "sub_butir" // 1), 2)
)

// Node is an element of the body tree: BAB > Pasal > ayat > butir > sub-butir.
// Numbers are derived from position, never stored.
type Node struct {
	Kind     NodeKind `json:"kind"`
	Heading  string   `json:"heading,omitempty"` // BAB and Pasal only
	Text     string   `json:"text,omitempty"`
	Children []Node   `json:"children,omitempty"`
}

// TermUnit is the unit of an agreement's length.
type TermUnit string

const (
	UnitTahun TermUnit = "tahun"
	UnitBulan TermUnit = "bulan"
)

// Term is how long an agreement runs.
type Term struct {
	Length int      `json:"length"`
	Unit   TermUnit `json:"unit"`
	// Start is empty while it is "sejak tanggal ditandatangani" and not yet signed.
	Start      Date `json:"start"`
	End        Date `json:"end"`
	Extendable bool `json:"extendable,omitempty"`
	// SectoralBasis is the rule that allows a term longer than the usual
	// five years ("PP 27/2014 tentang Pengelolaan BMN/BMD, Pasal 37").
	SectoralBasis string `json:"sectoral_basis,omitempty"`
}

// Years is the term's length in years.
func (t Term) Years() float64 {
	if t.Unit == UnitBulan {
		return float64(t.Length) / 12
	}
	return float64(t.Length)
}

// EndFor returns the last day of the term when it starts on start.
func (t Term) EndFor(start Date) Date {
	if start.IsZero() || t.Length <= 0 {
		return Date{}
	}
	switch t.Unit {
	case UnitBulan:
		return start.AddDate(0, t.Length, -1)
	default:
		return start.AddDate(t.Length, 0, -1)
	}
}

// Funding says who pays.
type Funding struct {
	Source string `json:"source,omitempty"` // "APBD masing-masing PARA PIHAK"
	Amount int64  `json:"amount,omitempty"` // rupiah
	Notes  string `json:"notes,omitempty"`
}

// DPRDApproval records the persetujuan DPRD where one is needed.
type DPRDApproval struct {
	Required bool   `json:"required,omitempty"`
	Number   string `json:"number,omitempty"`
	Date     Date   `json:"date"`
	// Burdens answers: does the agreement burden the public and the region?
	Burdens Answer `json:"burdens,omitempty"`
	// OutsideBudget answers: is its funding outside this year's APBD?
	OutsideBudget Answer `json:"outside_budget,omitempty"`
	// Letter is the SHA-256 of the persetujuan letter among the attachments.
	Letter string `json:"letter,omitempty"`
}

// ParentRef is what a child carries over from its parent, so its document can cite it.
type ParentRef struct {
	Kind    Kind     `json:"kind"`
	Subject string   `json:"subject"`
	Numbers []string `json:"numbers,omitempty"`
	Date    Date     `json:"date"`
	// End is the parent's last day, cited by a Perpanjangan.
	End Date `json:"end"`
	// Changes are the parent's signed Adenda and Perpanjangan the child
	// recites, in signing order (Recite).
	Changes []ParentChange `json:"changes,omitempty"`
}

// AttachmentKind says what an attached file is.
type AttachmentKind string

const (
	AttachDraft AttachmentKind = "draft"   // draft sent to the partner
	AttachScan  AttachmentKind = "scan"    // signed original, scanned
	AttachBukti AttachmentKind = "bukti"   // evidence of a follow-up
	AttachLain  AttachmentKind = "lainnya" // anything else
)

// Attachment is a file attached to an agreement.
type Attachment struct {
	Kind  AttachmentKind `json:"kind"`
	File  FileRef        `json:"file"`
	Added time.Time      `json:"added"`
	Note  string         `json:"note,omitempty"`
}

// Signer is who actually signed for a party, as it stood on the day.
type Signer struct {
	PartyID    ID     `json:"party_id"`
	OfficialID ID     `json:"official_id,omitempty"`
	Name       string `json:"name"`
	Jabatan    string `json:"jabatan"`
	Pangkat    string `json:"pangkat,omitempty"`
	NIP        string `json:"nip,omitempty"`
	// MandateID is set when a representative signed under a Surat Kuasa.
	MandateID ID `json:"mandate_id,omitempty"`
}

// Witness is someone who witnessed the signing ("Menyaksikan").
type Witness struct {
	Name    string `json:"name"`
	Jabatan string `json:"jabatan,omitempty"`
	PartyID ID     `json:"party_id,omitempty"`
}

// Signing is the record of the signing ceremony.
type Signing struct {
	Date    Date     `json:"date"`
	Place   string   `json:"place"` // the city in the opening: "Sumedang"
	Venue   string   `json:"venue,omitempty"`
	Signers []Signer `json:"signers,omitempty"`
	// Witnesses present at the signing.
	Witnesses []Witness `json:"witnesses,omitempty"`
	// The numbers on the originals are the parties' (AgreementParty.Number)
	// and their rangkap the agreement's (Agreement.Copies): one of each, what
	// the signing tab and the Identitas tab both edit. A record written
	// before kept them here too, typed at signing: OldNumbers (one per party
	// in order) and OldCopies are only read, and FoldSigning moves them to
	// their one place as the record is decoded; nothing else uses them.
	OldNumbers []string `json:"numbers,omitempty"`
	OldCopies  int      `json:"copies,omitempty"`
	Meterai    int      `json:"meterai,omitempty"` // stamps affixed in all
	// Scan is the SHA-256 of the attached scan of the signed original.
	Scan  string `json:"scan,omitempty"`
	Notes string `json:"notes,omitempty"`
	// Checklist is the state of each signed original, per copy and party.
	Checklist []CopyCheck `json:"checklist,omitempty"`
}

// Recommendation closes a monitoring entry.
type Recommendation string

const (
	RecLanjut       Recommendation = "lanjut"
	RecUbah         Recommendation = "ubah"
	RecPerpanjang   Recommendation = "perpanjang"
	RecAkhiri       Recommendation = "akhiri"
	RecBelumDinilai Recommendation = ""
)

// Monitoring is a follow-up activity or a monitoring and evaluation note.
type Monitoring struct {
	Date           Date           `json:"date"`
	Period         string         `json:"period,omitempty"` // "Semester I 2026"
	Activity       string         `json:"activity"`
	Realised       bool           `json:"realised,omitempty"`
	Obstacles      string         `json:"obstacles,omitempty"`
	Recommendation Recommendation `json:"recommendation,omitempty"`
	Evidence       []string       `json:"evidence,omitempty"` // SHA-256 of attached evidence
	// Unit is the perangkat daerah whose monev this is.
	Unit string `json:"unit,omitempty"`
	// Planned and Result are the activities planned and realised in the period.
	Planned string `json:"planned,omitempty"`
	Result  string `json:"result,omitempty"`
	// Score rates the period from 1 to 5; 0 while not scored.
	Score int `json:"score,omitempty"`
	// Reasons give the grounds of the recommendation.
	Reasons string `json:"reasons,omitempty"`
}

// Agreement is one cooperation document and everything known about it.
type Agreement struct {
	ID       ID       `json:"id,omitempty"`
	Rev      uint64   `json:"rev,omitempty"`
	Kind     Kind     `json:"kind"`
	Category Category `json:"category,omitempty"`
	// Voluntary distinguishes KSDD sukarela from wajib.
	Voluntary bool       `json:"voluntary,omitempty"`
	Subject   string     `json:"subject"` // tentang …
	ParentID  ID         `json:"parent_id,omitempty"`
	Parent    *ParentRef `json:"parent,omitempty"`
	// Amends is what an Adendum or Perpanjangan changes in its parent.
	Amends *Amendment `json:"amends,omitempty"`
	Status Status     `json:"status"`
	// CancelReason explains a Dibatalkan status.
	CancelReason string           `json:"cancel_reason,omitempty"`
	Parties      []AgreementParty `json:"parties"`
	// Place is the planned place of signing, for the opening of the draft.
	Place        string       `json:"place,omitempty"`
	Affairs      []string     `json:"affairs,omitempty"`      // urusan pemerintahan
	Implementers []string     `json:"implementers,omitempty"` // perangkat daerah pelaksana
	Premises     []string     `json:"premises,omitempty"`
	LegalBases   []LegalBasis `json:"legal_bases,omitempty"`
	Body         []Node       `json:"body,omitempty"`
	Term         Term         `json:"term"`
	Funding      Funding      `json:"funding"`
	DPRD         DPRDApproval `json:"dprd"`
	// Central is the central government's approval of foreign cooperation.
	Central ApprovalRecord `json:"central"`
	// Reviews are the TKKSD's telaah of the draft, oldest first.
	Reviews []Review `json:"reviews,omitempty"`
	// ActionPlan is a Nota Kesepakatan's rencana aksi, printed as its lampiran.
	ActionPlan  []ActionItem `json:"action_plan,omitempty"`
	Copies      int          `json:"copies"` // rangkap
	Tags        []string     `json:"tags,omitempty"`
	Notes       string       `json:"notes,omitempty"`
	Attachments []Attachment `json:"attachments,omitempty"`
	Signing     *Signing     `json:"signing,omitempty"`
	Monitoring  []Monitoring `json:"monitoring,omitempty"`
	// ParafUnits are the units whose paraf koordinasi prints, when the office
	// prints one; empty takes the implementers (CoordinationUnits).
	ParafUnits []string `json:"paraf_units,omitempty"`
	// Imported marks a record brought in from an old register (a spreadsheet):
	// it has no drafting workflow and no text, so nothing prints it as a document.
	Imported *Imported `json:"imported,omitempty"`
	// Exchange ties a draft to its mirror in a partner office that uses
	// Sepakat too (.sepakat packages, internal/exchange).
	Exchange *Exchange `json:"exchange,omitempty"`
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
}

// Imported says where an imported record came from.
type Imported struct {
	// Source is the file's name and sheet ("daftar 2019.xlsx, lembar 2019").
	Source string `json:"source,omitempty"`
	// Row is the record's row in that sheet, counted from 1.
	Row int  `json:"row,omitempty"`
	At  Date `json:"at"`
}

// IsImported reports whether a came from an old register, without its text.
func (a *Agreement) IsImported() bool { return a.Imported != nil }

// OwnParty returns our own party entry, if any.
func (a *Agreement) OwnParty() (AgreementParty, bool) {
	for _, p := range a.Parties {
		if p.Own {
			return p, true
		}
	}
	return AgreementParty{}, false
}

// OwnNumber is our office's number for the agreement.
func (a *Agreement) OwnNumber() string {
	p, _ := a.OwnParty()
	return p.Number
}

// PartnerNumber is the first partner's number for the agreement.
func (a *Agreement) PartnerNumber() string {
	for _, p := range a.Parties {
		if !p.Own {
			return p.Number
		}
	}
	return ""
}

// PartnerIDs returns the parties other than our own office.
func (a *Agreement) PartnerIDs() []ID {
	var ids []ID
	for _, p := range a.Parties {
		if !p.Own {
			ids = append(ids, p.PartyID)
		}
	}
	return ids
}

// Numbers returns every party's number, in party order.
func (a *Agreement) Numbers() []string {
	out := make([]string, len(a.Parties))
	for i, p := range a.Parties {
		out[i] = p.Number
	}
	return out
}

// Year is the agreement's year for filing: signed, else start, else created.
func (a *Agreement) Year() int {
	switch {
	case a.Signing != nil && !a.Signing.Date.IsZero():
		return a.Signing.Date.Year
	case !a.Term.Start.IsZero():
		return a.Term.Start.Year
	}
	return a.Created.Year()
}

// CountPasal returns the number of pasal in the body, inside BAB or not.
func (a *Agreement) CountPasal() int {
	n := 0
	for _, b := range a.Body {
		if b.Kind == NodeBab {
			for _, c := range b.Children {
				if c.Kind == NodePasal {
					n++
				}
			}
		} else if b.Kind == NodePasal {
			n++
		}
	}
	return n
}
