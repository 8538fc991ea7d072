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
	Role    string // "PIHAK PERTAMA,"
	Jabatan string // "BUPATI SUMEDANG," in capitals
	Name    string // in capitals, printed bold
	Pangkat string // ASN only
	NIP     string // ASN only, "NIP. 19700101 199003 1 001"
	Meterai bool
	Right   bool // stands in the right column
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
	// Parties names the parties in order, for the paraf box.
	Parties []string
	// Draft prints the KONSEP watermark.
	Draft bool
	Meta  Meta
}

// Text returns the canonical plain text of the document: what it says, one
// paragraph a line, without layout. Its hash identifies a printed version.
func (d *Document) Text() string {
	var b strings.Builder
	line := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	var items func(list []Item, depth int)
	items = func(list []Item, depth int) {
		for _, it := range list {
			line(strings.Repeat("  ", depth) + it.Label + " " + it.Text.Plain())
			items(it.Children, depth+1)
		}
	}
	for _, t := range d.Title {
		line(t)
	}
	for _, n := range d.Numbers {
		line(n.Label + ": " + n.Number)
	}
	line(d.Opening.Plain())
	items(d.Komparisi, 0)
	line(d.Together.Plain())
	line(d.PremisIntro.Plain())
	items(d.Premises, 0)
	line(d.LegalIntro.Plain())
	items(d.LegalBases, 0)
	line(d.Agreement.Plain())
	for _, s := range d.Body {
		line(s.Label)
		line(s.Heading)
		line(s.Intro.Plain())
		items(s.Items, 0)
	}
	line(d.Closing.Plain())
	for _, s := range d.Signatures {
		line(s.Role + " " + s.Jabatan + " " + s.Name + " " + s.Pangkat + " " + s.NIP)
	}
	for _, w := range d.Witnesses {
		line(w.Jabatan + " " + w.Name)
	}
	return b.String()
}

// Fingerprint is the first 12 hex digits of the SHA-256 of the canonical text.
func (d *Document) Fingerprint() string {
	sum := sha256.Sum256([]byte(d.Text()))
	return hex.EncodeToString(sum[:])[:12]
}
