package naskah

import (
	"fmt"
	"strings"

	"sepakat/internal/agreement"
)

// Lampiran is a table printed after the signatures, from a page of its own:
// the lines that say whose lampiran it is (top right), a centred title, and
// the table, whose header repeats on every page it continues on.
type Lampiran struct {
	Heading []string // "LAMPIRAN NOTA KESEPAKATAN", "NOMOR …", "TENTANG …"
	Title   string   // "RENCANA AKSI"
	Header  []string
	// Widths are the columns' shares of the width.
	Widths []float64
	Rows   [][]string
}

// lampiran adds a Nota Kesepakatan's rencana aksi as its lampiran.
func (b *builder) lampiran(d *Document) {
	if b.a.Kind != agreement.KindNK || len(b.a.ActionPlan) == 0 {
		return
	}
	l := Lampiran{
		Heading: []string{"LAMPIRAN " + strings.ToUpper(b.a.Kind.Title())},
		Title:   "RENCANA AKSI",
		Header:  []string{"NO.", "KEGIATAN", "UNIT PELAKSANA", "WAKTU"},
		Widths:  []float64{1, 4.4, 2.6, 2},
	}
	for _, n := range d.Numbers {
		l.Heading = append(l.Heading, fmt.Sprintf("%s %s", n.Label, n.Number))
	}
	l.Heading = append(l.Heading, "TENTANG "+strings.ToUpper(clean(b.a.Subject)))
	for i, it := range b.a.ActionPlan {
		l.Rows = append(l.Rows, []string{fmt.Sprintf("%d.", i+1), clean(it.Activity), clean(it.Unit), clean(it.Time)})
	}
	d.Lampiran = append(d.Lampiran, l)
}

// lampiranParagraphs are a lampiran's lines in reading order: its heading,
// title, then each row's cells joined.
func (l Lampiran) paragraphs(add func(Part, int, string)) {
	for _, h := range l.Heading {
		add(PartTitle, 0, h)
	}
	add(PartTitle, 0, l.Title)
	for _, row := range l.Rows {
		add(PartText, 0, strings.Join(row, " "))
	}
}
