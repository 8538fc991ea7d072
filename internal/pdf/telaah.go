package pdf

import (
	"context"
	"io"
)

// TelaahDoc is a lembar telaah dan disposisi: on the office's letterhead, the
// draft it is about (label and value rows), the TKKSD's reviews as tables
// with a column for the reviewers' paraf, then a box for the disposisi.
type TelaahDoc struct {
	Letterhead Letterhead
	Title      string
	Lines      []string
	// Fields are label and value rows about the draft.
	Fields [][2]string
	// Blocks are the reviews, the reviewers pending and the history.
	Blocks    []ReportBlock
	Disposisi Disposisi
	PageLabel string
	Footer    string
	Meta      ReportMeta
}

// Disposisi is the box the official who decides writes in by hand: a heading,
// labelled lines to fill, and the place for the signature.
type Disposisi struct {
	Heading string
	Lines   []string
	// Signer is the office that signs the disposisi ("Sekretaris Daerah").
	Signer string
}

// RenderTelaah writes d as a portrait PDF in profile p's paper; nothing is
// written unless the whole sheet renders.
func (r *Renderer) RenderTelaah(ctx context.Context, w io.Writer, d *TelaahDoc, p Profile, o Options) error {
	rep := &ReportDoc{Letterhead: d.Letterhead, Title: d.Title, Lines: d.Lines, PageLabel: d.PageLabel, Footer: d.Footer, Meta: d.Meta}
	return r.renderSheet(ctx, w, rep, p, o, false, func(rr *reportRender) {
		rr.letterhead()
		rr.title()
		rr.fields(d.Fields)
		for i := range d.Blocks {
			rr.block(&d.Blocks[i])
		}
		rr.disposisi(d.Disposisi)
	})
}

// fields draws label : value rows, the value wrapped beside its label.
func (r *reportRender) fields(rows [][2]string) {
	const labelW, colonW, lineH = 45.0, 4.0, 5.0
	valueW := r.width - labelW - colonW
	for _, row := range rows {
		r.font(false, 10)
		lines := r.f.SplitText(row[1], valueW)
		if len(lines) == 0 {
			lines = []string{""}
		}
		r.ensure(float64(len(lines)) * lineH)
		r.f.SetXY(r.left, r.y)
		r.f.CellFormat(labelW, lineH, row[0], "", 0, "L", false, 0, "")
		r.f.CellFormat(colonW, lineH, ":", "", 0, "L", false, 0, "")
		for i, l := range lines {
			r.f.SetXY(r.left+labelW+colonW, r.y+float64(i)*lineH)
			r.f.CellFormat(valueW, lineH, l, "", 0, "L", false, 0, "")
		}
		r.y += float64(len(lines)) * lineH
	}
	r.y += 5
}

// disposisi draws the box: its heading, each line with dots to write on, and
// the signer's place at the right.
func (r *reportRender) disposisi(d Disposisi) {
	if d.Heading == "" {
		return
	}
	const lineH, signH = 7.5, 22.0
	h := 8 + float64(len(d.Lines))*lineH + signH
	r.ensure(h + 2)
	top := r.y
	r.f.SetDrawColor(0, 0, 0)
	r.f.SetLineWidth(0.3)
	r.f.Rect(r.left, top, r.width, h, "D")
	r.font(true, 10.5)
	r.f.SetXY(r.left+3, top+2)
	r.f.CellFormat(r.width-6, 5, d.Heading, "", 0, "L", false, 0, "")
	y := top + 8
	r.font(false, 10)
	for _, label := range d.Lines {
		r.f.SetXY(r.left+3, y+2)
		r.f.CellFormat(35, 5, label, "", 0, "L", false, 0, "")
		r.f.SetDashPattern([]float64{0.6, 1}, 0)
		r.f.Line(r.left+40, y+6.5, r.left+r.width-4, y+6.5)
		r.f.SetDashPattern(nil, 0)
		y += lineH
	}
	if d.Signer != "" {
		x := r.left + r.width*0.55
		r.f.SetXY(x, y+2)
		r.f.CellFormat(r.width*0.45-4, 5, d.Signer+",", "", 0, "C", false, 0, "")
		r.f.SetDashPattern([]float64{0.6, 1}, 0)
		r.f.Line(x+8, y+signH-4, r.left+r.width-12, y+signH-4)
		r.f.SetDashPattern(nil, 0)
	}
	r.y = top + h + 4
}
