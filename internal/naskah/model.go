// Package naskah turns an agreement and its template into a document model: the
// one description of the printed text that the PDF renderer, the in-app preview and
// the plain-text rendering all read. It does no I/O.
package naskah

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Run is a piece of text in one style.
type Run struct {
	Text string
	Bold bool
}

// Para is a paragraph of runs.
type Para []Run

// Plain returns the paragraph's text without styles.
func (p Para) Plain() string {
	var b strings.Builder
	for _, r := range p {
		b.WriteString(r.Text)
	}
	return b.String()
}

// P makes a paragraph of plain text.
func P(text string) Para { return Para{{Text: text}} }

// Item is a numbered paragraph with a hanging label ("(1)", "a.", "1)"), and its
// sub-items one level deeper.
type Item struct {
	Label    string
	Text     Para
	Children []Item
}

// Section is a BAB or a Pasal: a centred label over a centred heading, then text.
type Section struct {
	Kind    SectionKind
	Label   string // "BAB I", "Pasal 3", "Pasal I"
	Heading string // "PELAKSANAAN"; may be empty
	// Intro is the pasal's own text before its items, or its whole text.
	Intro Para
	Items []Item
	// Restated is set when the pasal of an Adendum sets out a pasal of the
	// parent anew ("Ketentuan Pasal 3 … diubah sehingga berbunyi sebagai
	// berikut:"): that pasal prints under its own label and heading.
	Restated *Restated
}

// Restated is a pasal of the parent as an Adendum's pasal sets it out anew.
// Its text is the end of the Section's Intro, from byte At on, and its items
// are the Section's Items; a reader of Intro and Items alone reads it all
// as one paragraph.
type Restated struct {
	Label   string // "Pasal 3", the parent's own number
	Heading string // "RUANG LINGKUP"; may be empty
	At      int
}

// SplitIntro is the section's Intro cut where its restated pasal begins:
// the pasal's own statement, and the restated pasal's opening text (nil when
// nothing is restated).
func (s Section) SplitIntro() (own, restated Para) {
	if s.Restated == nil {
		return s.Intro, nil
	}
	at := s.Restated.At
	for _, r := range s.Intro {
		switch {
		case at <= 0:
			restated = append(restated, r)
		case at >= len(r.Text):
			own = append(own, r)
		default:
			own = append(own, Run{Text: strings.TrimRight(r.Text[:at], " "), Bold: r.Bold})
			restated = append(restated, Run{Text: strings.TrimLeft(r.Text[at:], " "), Bold: r.Bold})
		}
		at -= len(r.Text)
	}
	return own, restated
}

// SectionKind says whether a section is a BAB heading or a Pasal.
type SectionKind int

const (
	SectionPasal SectionKind = iota
	SectionBab
)

// Lambang is a party's coat of arms above the title.
type Lambang struct {
	Party     string
	Image     []byte // PNG or JPEG; nil prints an empty frame
	MediaType string
}

// NumberLine is one party's number under the title.
type NumberLine struct {
	Label  string // "NOMOR"
	Number string // dots when it is filled in by hand at signing
}

// Signature is one party's signature column.
type Signature struct {
	Role string // "PIHAK PERTAMA,"
	// Acting is an acting head's status in full words ("PENJABAT") and
	// ActingShort the same abbreviated ("Pj."); the office profile chooses.
	Acting      string
	ActingShort string
	Jabatan     string // "BUPATI SUMEDANG," in capitals, after Acting
	// Keep lists phrases of the jabatan and name that a line should not break
	// inside, such as the region's name ("LAMPUNG SELATAN") and the titles
	// after a name ("S.Sos., M.Si.").
	Keep    []string
	Name    string // in capitals, printed bold
	Pangkat string // ASN only
	NIP     string // ASN only, "NIP. 19700101 199003 1 001"
	Meterai bool
	Right   bool // stands in the right column
	// Own marks our office's signature, beside which its paraf prints.
	Own bool
}

// JabatanLine is the jabatan as it prints, with the acting status in full
// words or abbreviated.
func (s Signature) JabatanLine(short bool) string {
	a := s.Acting
	if short && s.ActingShort != "" {
		a = s.ActingShort
	}
	if a == "" {
		return s.Jabatan
	}
	return a + " " + s.Jabatan
}

// Witness is a signer under "Menyaksikan".
type Witness struct {
	Jabatan string
	Name    string
}

// Meta is the PDF's document information.
type Meta struct {
	Title, Subject, Author, Creator string
}

// Document is a whole agreement as it prints.
type Document struct {
	// Code is the short code printed on every page, e.g. "KSB-2".
	Code        string
	Lambang     []Lambang
	Title       []string // centred lines in capitals
	Numbers     []NumberLine
	Opening     Para
	Komparisi   []Item
	Together    Para
	PremisIntro Para
	Premises    []Item
	LegalIntro  Para
	LegalBases  []Item
	Agreement   Para
	Body        []Section
	Closing     Para
	Signatures  []Signature
	Witnesses   []Witness
	// Lampiran are tables printed after the signatures (lampiran.go).
	Lampiran []Lampiran
	// Parties names the parties in order, for the paraf box.
	Parties []string
	// Paraf is the paraf beside our signature (paraf.go); like the paraf
	// box, it is not part of what the agreement says.
	Paraf Paraf
	// Draft prints the KONSEP watermark.
	Draft bool
	// Cancelled prints the DIBATALKAN watermark instead: the agreement was
	// cancelled, and no copy of it may pass for one to sign or to keep.
	Cancelled bool
	Meta      Meta
	// Fills is what each placeholder of the agreement's text ("{jenis}")
	// says in this document; no part of the text.
	Fills map[string]string
}

// Part is what a paragraph of a document is.
type Part int

// The parts of a document, in the order they print.
const (
	PartTitle   Part = iota // a line of the title block
	PartNumber              // "NOMOR: …"
	PartText                // a paragraph of running text
	PartItem                // a numbered item: komparisi, premis, legal basis, ayat, point
	PartSection             // a pasal's label or heading
	PartSigner              // a signer: role, jabatan, name, pangkat, NIP
	PartWitness             // a witness
)

// Paragraph is one paragraph of a document, as plain text; an item's text
// starts with its label, and Depth counts the items above it.
type Paragraph struct {
	Part  Part
	Depth int
	Text  string
}

// Paragraphs lists the document's paragraphs in reading order; a part left
// empty (a pasal without a heading) is left out.
func (d *Document) Paragraphs() []Paragraph {
	var out []Paragraph
	add := func(part Part, depth int, text string) {
		if text = strings.TrimSpace(text); text != "" {
			out = append(out, Paragraph{part, depth, text})
		}
	}
	var items func(list []Item, depth int)
	items = func(list []Item, depth int) {
		for _, it := range list {
			add(PartItem, depth, it.Label+" "+it.Text.Plain())
			items(it.Children, depth+1)
		}
	}
	for _, t := range d.Title {
		add(PartTitle, 0, t)
	}
	for _, n := range d.Numbers {
		add(PartNumber, 0, n.Label+": "+n.Number)
	}
	add(PartText, 0, d.Opening.Plain())
	items(d.Komparisi, 0)
	add(PartText, 0, d.Together.Plain())
	add(PartText, 0, d.PremisIntro.Plain())
	items(d.Premises, 0)
	add(PartText, 0, d.LegalIntro.Plain())
	items(d.LegalBases, 0)
	add(PartText, 0, d.Agreement.Plain())
	for _, s := range d.Body {
		add(PartSection, 0, s.Label)
		add(PartSection, 0, s.Heading)
		own, restated := s.SplitIntro()
		add(PartText, 0, own.Plain())
		if r := s.Restated; r != nil {
			add(PartSection, 0, r.Label)
			add(PartSection, 0, r.Heading)
			add(PartText, 0, restated.Plain())
		}
		items(s.Items, 0)
	}
	add(PartText, 0, d.Closing.Plain())
	for _, s := range d.Signatures {
		add(PartSigner, 0, s.Role+" "+s.JabatanLine(false)+" "+s.Name+" "+s.Pangkat+" "+s.NIP)
	}
	for _, w := range d.Witnesses {
		add(PartWitness, 0, w.Jabatan+" "+w.Name)
	}
	for _, l := range d.Lampiran {
		l.paragraphs(add)
	}
	return out
}

// Text returns the canonical plain text of the document: what it says, one
// paragraph a line, without layout. Its hash identifies a printed version.
func (d *Document) Text() string {
	var b strings.Builder
	for _, p := range d.Paragraphs() {
		b.WriteString(p.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// Fingerprint is the first 12 hex digits of the SHA-256 of the canonical text.
func (d *Document) Fingerprint() string {
	sum := sha256.Sum256([]byte(d.Text()))
	return hex.EncodeToString(sum[:])[:12]
}
