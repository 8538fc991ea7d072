package docx

import (
	"strings"

	"sepakat/internal/naskah"
)

// Block names of the parts of an agreement outside its pasal.
const (
	BlockTitle   = "Judul"
	BlockNumbers = "Nomor"
	BlockOpening = "Pembukaan"
	BlockPremis  = "Premis"
	BlockLegal   = "Dasar hukum"
	BlockClosing = "Penutup"
)

// Outline is what an agreement says, in the units a comparison matches: the
// title, the numbers, the opening, premises and legal bases, each pasal (or
// BAB) with its heading and its paragraphs, and the closing. Signatures are
// not part of it: they follow the records, not the text.
type Outline struct {
	Blocks []Block
	// Styled is false for a file whose paragraphs carry no Sepakat styles
	// (retyped from scratch): its opening, premises and legal bases are then
	// one block, and so a comparison takes ours the same way.
	Styled bool
}

// Block is one part of the outline: a pasal, a BAB heading, or a part outside
// the pasal (BlockTitle …).
type Block struct {
	Key      string // "Pasal 3", "BAB II", or a Block… name
	Heading  string // a pasal's or BAB's heading
	Units    []Unit
	Comments []Comment
}

// IsPasal reports whether the block is a pasal.
func (b Block) IsPasal() bool { return strings.HasPrefix(b.Key, "Pasal ") }

// Unit is one paragraph: a numbered item (ayat, point) or running text.
type Unit struct {
	Label string // "(2)", "b.", or "" for running text
	Path  string // the labels from the pasal down: "(2) b."
	Text  string // without its label, whitespace collapsed
	// Revisions are the tracked changes in the paragraph; Text holds the
	// insertions and not the deletions (what it says once they are accepted).
	Revisions []Revision
}

// RevisionKind is a tracked insertion or deletion.
type RevisionKind string

const (
	Inserted RevisionKind = "sisip"
	Deleted  RevisionKind = "hapus"
)

// Revision is one tracked change as Word records it.
type Revision struct {
	Kind   RevisionKind
	Author string
	Date   string
	Text   string
}

// Comment is a Word comment, attached to the block (and paragraph) it marks.
type Comment struct {
	Author string
	Date   string
	Text   string
	Path   string // the paragraph's Path, when it marks one
}

// OutlineOf is the outline of a document model: what our side sent.
func OutlineOf(d *naskah.Document) Outline {
	o := Outline{Styled: true}
	add := func(b Block) {
		if len(b.Units) > 0 || b.Heading != "" || strings.HasPrefix(b.Key, "Pasal ") || strings.HasPrefix(b.Key, "BAB ") {
			o.Blocks = append(o.Blocks, b)
		}
	}
	text := func(b *Block, p naskah.Para) {
		if t := normSpace(p.Plain()); t != "" {
			b.Units = append(b.Units, Unit{Text: t})
		}
	}
	var items func(b *Block, list []naskah.Item, path string)
	items = func(b *Block, list []naskah.Item, path string) {
		for _, it := range list {
			p := strings.TrimSpace(path + " " + it.Label)
			b.Units = append(b.Units, Unit{Label: it.Label, Path: p, Text: normSpace(it.Text.Plain())})
			items(b, it.Children, p)
		}
	}
	title := Block{Key: BlockTitle}
	for _, t := range d.Title {
		text(&title, naskah.P(t))
	}
	add(title)
	nums := Block{Key: BlockNumbers}
	for _, n := range d.Numbers {
		text(&nums, naskah.P(n.Label+" : "+n.Number))
	}
	add(nums)
	open := Block{Key: BlockOpening}
	text(&open, d.Opening)
	items(&open, d.Komparisi, "")
	text(&open, d.Together)
	prem := Block{Key: BlockPremis}
	if len(d.Premises) > 0 {
		text(&prem, d.PremisIntro)
		items(&prem, d.Premises, "")
	}
	legal := Block{Key: BlockLegal}
	if len(d.LegalBases) > 0 {
		text(&legal, d.LegalIntro)
		items(&legal, d.LegalBases, "")
	}
	// The sentence of agreement closes the last of these blocks, with its
	// style in the file (agreementStyle), so that reading order is kept.
	switch agreementStyle(d) {
	case styleLegal:
		text(&legal, d.Agreement)
	case stylePremis:
		text(&prem, d.Agreement)
	default:
		text(&open, d.Agreement)
	}
	add(open)
	add(prem)
	add(legal)
	for _, s := range d.Body {
		b := Block{Key: s.Label, Heading: normSpace(s.Heading)}
		text(&b, s.Intro)
		items(&b, s.Items, "")
		add(b)
	}
	closing := Block{Key: BlockClosing}
	text(&closing, d.Closing)
	add(closing)
	return o
}

// unstyled folds the opening, premises and legal bases into one opening
// block, as a retyped file is read.
func (o Outline) unstyled() Outline {
	out := Outline{}
	open := -1
	for _, b := range o.Blocks {
		switch b.Key {
		case BlockOpening, BlockPremis, BlockLegal:
			if open < 0 {
				out.Blocks = append(out.Blocks, Block{Key: BlockOpening})
				open = len(out.Blocks) - 1
			}
			out.Blocks[open].Units = append(out.Blocks[open].Units, b.Units...)
			out.Blocks[open].Comments = append(out.Blocks[open].Comments, b.Comments...)
			continue
		}
		out.Blocks = append(out.Blocks, b)
	}
	return out
}

func indexOf(bs []Block, key string) int {
	for i, b := range bs {
		if b.Key == key {
			return i
		}
	}
	return -1
}

// normSpace collapses runs of white space (and no-break spaces) to one
// space and trims the ends.
func normSpace(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// agreementStyle is the style of the sentence of agreement: that of the part
// it follows.
func agreementStyle(d *naskah.Document) string {
	switch {
	case len(d.LegalBases) > 0:
		return styleLegal
	case len(d.Premises) > 0:
		return stylePremis
	}
	return styleOpening
}
