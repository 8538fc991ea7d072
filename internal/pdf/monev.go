package pdf

import (
	"context"
	"io"
)

// MonevDoc is the monitoring and evaluation report of one agreement: a
// report on the office letterhead (the agreement, then its monev per
// perangkat daerah and what is overdue), closed by the signature of the
// official who reports.
type MonevDoc struct {
	Report ReportDoc
	Sign   ReportSign
}

// ReportSign is a signature at the foot of a report, at the right: the place
// and date, the office, room to sign, the name and the NIP.
type ReportSign struct {
	PlaceDate string // "Sumedang, 22 November 2026"
	Office    string // "KEPALA BAGIAN KERJA SAMA,"
	Name      string
	NIP       string // with its label: "NIP 19700101 199001 1 001"
}

// RenderMonev writes d as a PDF to w, as RenderReport does, the signature
// after the last block.
func (r *Renderer) RenderMonev(ctx context.Context, w io.Writer, d *MonevDoc, p Profile, o Options) error {
	return r.renderReport(ctx, w, &d.Report, p, o, func(rr *reportRender) { rr.signature(d.Sign) })
}

// signature draws s at the right third of the page, kept whole on one page.
func (r *reportRender) signature(s ReportSign) {
	if s.Office == "" && s.Name == "" {
		return
	}
	const lineH = 5.0
	r.ensure(8*lineH + 20)
	width := r.width * 0.4
	x := r.left + r.width - width
	line := func(text string, bold bool) {
		r.font(bold, 10)
		for _, l := range r.f.SplitText(text, width) {
			r.f.SetXY(x, r.y)
			r.f.CellFormat(width, lineH, l, "", 0, "C", false, 0, "")
			r.y += lineH
		}
	}
	r.y += 4
	if s.PlaceDate != "" {
		line(s.PlaceDate, false)
	}
	line(s.Office, false)
	r.y += 20 // room to sign
	if s.Name != "" {
		line(s.Name, true)
	}
	if s.NIP != "" {
		line(s.NIP, false)
	}
}
