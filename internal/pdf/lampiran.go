package pdf

import "sepakat/internal/naskah"

// lampiran prints l from a new page: its heading at the top right, its title
// centred, then its table; a row that does not fit starts a new page, which
// repeats the header row.
func (r *doc) lampiran(l naskah.Lampiran) {
	r.newPage()
	size := r.p.FontSize - 1
	lineH := size * 1.2 * 25.4 / 72
	// The heading: the right part of the page, lines left-aligned.
	hx, hw := r.left+r.width*0.45, r.width*0.55
	r.font(false, size)
	for _, h := range l.Heading {
		for _, s := range r.f.SplitText(h, hw) {
			r.f.SetXY(hx, r.y)
			r.f.CellFormat(hw, lineH, s, "", 0, "L", false, 0, "")
			r.y += lineH
		}
	}
	r.y += lineH
	r.font(true, r.p.FontSize)
	r.f.SetXY(r.left, r.y)
	r.f.CellFormat(r.width, r.lineH, l.Title, "", 0, "C", false, 0, "")
	r.y += r.lineH * 1.5

	total := 0.0
	for _, w := range l.Widths {
		total += w
	}
	widths := make([]float64, len(l.Header))
	for i := range widths {
		share := 1.0
		if i < len(l.Widths) && total > 0 {
			share = l.Widths[i] / total * float64(len(widths))
		}
		widths[i] = r.width * share / float64(len(widths))
	}
	const pad = 1.5
	cells := func(row []string, bold bool) ([][]string, float64) {
		r.font(bold, size)
		out := make([][]string, len(widths))
		h := 0.0
		for i := range widths {
			text := ""
			if i < len(row) {
				text = row[i]
			}
			out[i] = r.f.SplitText(text, widths[i]-2*pad)
			h = max(h, float64(len(out[i]))*lineH+2*pad)
		}
		return out, h
	}
	draw := func(lines [][]string, h float64, bold bool) {
		r.font(bold, size)
		x := r.left
		for i, w := range widths {
			if bold {
				r.f.SetFillColor(230, 230, 230)
				r.f.Rect(x, r.y, w, h, "FD")
			} else {
				r.f.Rect(x, r.y, w, h, "D")
			}
			align := "L"
			if bold {
				align = "C"
			}
			for j, s := range lines[i] {
				r.f.SetXY(x+pad, r.y+pad+float64(j)*lineH)
				r.f.CellFormat(w-2*pad, lineH, s, "", 0, align, false, 0, "")
			}
			x += w
		}
		r.y += h
	}
	r.f.SetDrawColor(0, 0, 0)
	r.f.SetLineWidth(0.2)
	head, headH := cells(l.Header, true)
	draw(head, headH, true)
	for _, row := range l.Rows {
		lines, h := cells(row, false)
		if !r.room(h) {
			r.newPage()
			draw(head, headH, true)
		}
		draw(lines, h, false)
	}
}
