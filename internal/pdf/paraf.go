package pdf

import (
	"strconv"

	"sepakat/internal/naskah"
)

// The paraf beside our signature, as tata naskah writes it: under our
// signature column a small table of the paraf hierarki (No, jabatan and name,
// a box to initial), and under the other column the paraf koordinasi of the
// units concerned (under ours when there is no hierarki). The tables go with
// the signature row onto its page.

const (
	parafSize = 8.0  // points
	parafNoW  = 6.0  // mm, the No column
	parafBoxW = 16.0 // mm, the column to initial in
	parafMinH = 7.0  // mm, the least height of a row to initial in
)

func (r *doc) parafLineH() float64 { return parafSize * 1.15 * 25.4 / 72 }

// parafRow is one row of a paraf table, its text broken into lines.
type parafRow struct {
	lines []string
	bold  int // how many of the first lines are the jabatan
	h     float64
}

// parafRows lays out the rows of a table colW wide.
func (r *doc) parafRows(entries []naskah.ParafEntry, colW float64) []parafRow {
	textW := colW - parafNoW - parafBoxW - 2
	lh := r.parafLineH()
	var out []parafRow
	for _, e := range entries {
		r.font(false, parafSize)
		lines := r.f.SplitText(e.Jabatan, textW)
		row := parafRow{lines: lines}
		if e.Name != "" {
			r.font(true, parafSize)
			row.lines = append(row.lines, r.f.SplitText(e.Name, textW)...)
		}
		row.bold = len(lines)
		row.h = max(float64(len(row.lines))*lh+1.6, parafMinH)
		out = append(out, row)
	}
	return out
}

// parafTableH is the height of a table of rows under its heading; 0 without rows.
func (r *doc) parafTableH(rows []parafRow) float64 {
	if len(rows) == 0 {
		return 0
	}
	h := r.parafLineH() + 1.6
	for _, row := range rows {
		h += row.h
	}
	return h
}

// parafSides says where the paraf prints: the row of our signature (the
// last row when none is ours) and our side in it.
func (r *doc) parafSides(rows [][2]*naskah.Signature) (row, side int) {
	row = len(rows) - 1
	for i, rw := range rows {
		for s, sig := range rw {
			if sig != nil && sig.Own {
				return i, s
			}
		}
	}
	return row, 0
}

// parafBand is the height the paraf takes under the signature row, with the
// line after it; 0 when nothing prints.
func (r *doc) parafBand(colW float64) float64 {
	p := r.d.Paraf
	if p.Empty() {
		return 0
	}
	h := max(r.parafTableH(r.parafRows(p.Hierarki, colW)), r.parafTableH(r.parafRows(p.Koordinasi, colW)))
	return h + r.lineH
}

// drawParaf draws the paraf tables from r.y: the hierarki under side, the
// koordinasi under the other side (or under side, alone).
func (r *doc) drawParaf(side int, colW float64) {
	p := r.d.Paraf
	x := func(s int) float64 { return r.left + float64(s)*(r.width/2+4) }
	top := r.y
	other := side
	if len(p.Hierarki) > 0 {
		r.parafTable("Paraf Hierarki", p.Hierarki, x(side), top, colW)
		other = 1 - side
	}
	if len(p.Koordinasi) > 0 {
		r.parafTable("Paraf Koordinasi", p.Koordinasi, x(other), top, colW)
	}
	r.y = top + r.parafBand(colW)
}

// parafTable draws one table at x, y: the heading, then a row per entry with
// its number, its jabatan (and name, bold) and a box to initial in.
func (r *doc) parafTable(title string, entries []naskah.ParafEntry, x, y, colW float64) {
	lh := r.parafLineH()
	rows := r.parafRows(entries, colW)
	f := r.f
	f.SetDrawColor(0, 0, 0)
	f.SetLineWidth(0.2)
	headH := lh + 1.6
	f.Rect(x, y, colW, headH, "D")
	r.font(true, parafSize)
	f.SetXY(x, y+0.8)
	f.CellFormat(colW, lh, title, "", 0, "C", false, 0, "")
	y += headH
	for i, row := range rows {
		f.Rect(x, y, colW, row.h, "D")
		f.Line(x+parafNoW, y, x+parafNoW, y+row.h)
		f.Line(x+colW-parafBoxW, y, x+colW-parafBoxW, y+row.h)
		r.font(false, parafSize)
		f.SetXY(x, y+0.8)
		f.CellFormat(parafNoW, lh, strconv.Itoa(i+1)+".", "", 0, "C", false, 0, "")
		for j, l := range row.lines {
			r.font(j >= row.bold, parafSize)
			f.SetXY(x+parafNoW+1, y+0.8+float64(j)*lh)
			f.CellFormat(colW-parafNoW-parafBoxW-2, lh, l, "", 0, "L", false, 0, "")
		}
		y += row.h
	}
}
