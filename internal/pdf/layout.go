package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/jung-kurt/gofpdf"

	"sepakat/internal/naskah"
)

// word is a unit of line breaking.
type word struct {
	text string
	bold bool
	w    float64
	glue bool // no space before it: it continues the previous word across a style change
	// hyph marks the part of a hyphenated word after a hyphen: no space before
	// it, but a line may break there ("masing-" / "masing").
	hyph bool
}

// line is a laid-out line of words.
type line struct {
	words []word
	width float64 // of the words alone
	last  bool    // the paragraph's last line: not justified
}

func (r *doc) spaceW(bold bool) float64 {
	r.font(bold, r.p.FontSize)
	return r.f.GetStringWidth(" ")
}

// words splits runs into words, each measured in its style; a word longer than
// the width is broken by characters.
func (r *doc) words(p naskah.Para, width float64) []word {
	var out []word
	for ri, run := range p {
		r.font(run.Bold, r.p.FontSize)
		for wi, whole := range fields(keepTogether(run.Text, partyNames)) {
			glue := wi == 0 && ri > 0 && len(out) > 0 && !startsWithSpace(run.Text) && !endsWithSpace(p[ri-1].Text)
			if w := r.f.GetStringWidth(strings.ReplaceAll(whole, nbsp, " ")); w > width && strings.Contains(whole, nbsp) {
				// A phrase kept together that cannot fit breaks at its spaces after all.
				for i, t := range strings.Split(whole, nbsp) {
					out = append(out, word{text: t, bold: run.Bold, w: r.f.GetStringWidth(t), glue: glue && i == 0})
				}
				continue
			}
			for pi, t := range hyphenParts(whole) {
				t = strings.ReplaceAll(t, nbsp, " ")
				w := r.f.GetStringWidth(t)
				if w <= width {
					out = append(out, word{text: t, bold: run.Bold, w: w, glue: glue || pi > 0, hyph: pi > 0})
					continue
				}
				var chunk []rune
				for _, c := range t {
					if r.f.GetStringWidth(string(append(chunk, c))) > width && len(chunk) > 0 {
						out = append(out, word{text: string(chunk), bold: run.Bold, w: r.f.GetStringWidth(string(chunk))})
						chunk = chunk[:0]
					}
					chunk = append(chunk, c)
				}
				if len(chunk) > 0 {
					out = append(out, word{text: string(chunk), bold: run.Bold, w: r.f.GetStringWidth(string(chunk))})
				}
			}
		}
	}
	return out
}

// partyNames are never broken across lines: "PARA / PIHAK" reads badly.
var partyNames = []string{"PARA PIHAK", "PIHAK PERTAMA", "PIHAK KEDUA", "PIHAK KETIGA"}

// nbsp joins the words of a phrase that a line should not break inside.
const nbsp = "\u00a0"

// fields splits text at spaces, but not at no-break spaces.
func fields(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r != 0xa0 && unicode.IsSpace(r) })
}

// hyphenParts splits a word after each hyphen between two letters:
// "perundang-undangan" gives "perundang-" and "undangan". A number or code
// ("04/PKS/TKKSD-LS/1.04/VII/2025", "Rp1.000-an") is never split: a reader
// must see it whole on one line.
func hyphenParts(w string) []string {
	if !strings.Contains(w, "-") || strings.ContainsFunc(w, func(r rune) bool { return r == '/' || unicode.IsDigit(r) }) {
		return []string{w}
	}
	var out []string
	rs := []rune(w)
	start := 0
	for i := 1; i < len(rs)-1; i++ {
		if rs[i] == '-' && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) {
			out = append(out, string(rs[start:i+1]))
			start = i + 1
		}
	}
	return append(out, string(rs[start:]))
}

// keepTogether joins the words of each phrase found in text with no-break
// spaces, in the order given: a longer phrase goes before one inside it.
func keepTogether(text string, phrases []string) string {
	for _, ph := range phrases {
		if strings.Contains(ph, " ") && strings.Contains(text, ph) {
			text = strings.ReplaceAll(text, ph, strings.ReplaceAll(ph, " ", nbsp))
		}
	}
	return text
}

// wrap breaks a paragraph into lines of at most width (the first line may be
// narrower or wider by firstDelta).
func (r *doc) wrap(p naskah.Para, width float64) []line {
	ws := r.words(p, width)
	sp := r.spaceW(false)
	var lines []line
	var cur line
	for i, w := range ws {
		need := w.w
		if len(cur.words) > 0 && !w.glue {
			need += sp
		}
		if len(cur.words) > 0 && (!w.glue || w.hyph) && cur.width+need > width {
			var carry []word
			if w.hyph && i == len(ws)-1 {
				// "masing-" / "masing." would leave a fragment alone on the
				// last line: the whole word goes down instead.
				start := len(cur.words) - 1
				for start > 0 && cur.words[start].glue {
					start--
				}
				if start > 0 {
					carry = append(carry, cur.words[start:]...)
					cur.words = cur.words[:start]
					cur.width = lineWidth(cur.words, sp)
				}
			}
			lines = append(lines, cur)
			cur = line{words: carry}
			cur.width = lineWidth(carry, sp)
			need = w.w
		}
		cur.words = append(cur.words, w)
		cur.width += need
	}
	if len(cur.words) > 0 {
		cur.last = true
		lines = append(lines, cur)
	}
	return lines
}

// lineWidth is the width of words set with single spaces.
func lineWidth(ws []word, sp float64) float64 {
	w := 0.0
	for i, x := range ws {
		if i > 0 && !x.glue {
			w += sp
		}
		w += x.w
	}
	return w
}

// drawLine writes one line at x, justified to width unless it is last or align is set.
func (r *doc) drawLine(l line, x, width float64, align string) {
	gap := r.spaceW(false)
	switch align {
	case "C":
		x += (width - l.width) / 2
	case "R":
		x += width - l.width
	}
	baseline := r.y + r.lineH*0.72
	gaps := 0
	for i, w := range l.words {
		if i > 0 && !w.glue {
			gaps++
		}
	}
	if align == "J" && !l.last && gaps > 0 {
		// Only a line of very few words, stretched past seven spaces a gap,
		// reads worse justified than ragged.
		if extra := (width - l.width) / float64(gaps); extra <= 6*gap {
			gap += extra
		}
	}
	for i, w := range l.words {
		if i > 0 && !w.glue {
			x += gap
		}
		r.font(w.bold, r.p.FontSize)
		r.f.Text(x, baseline, w.text)
		x += w.w
	}
}

// paragraph flows a paragraph at x with width, breaking pages between lines but
// never leaving a single line of it at the foot of a page.
func (r *doc) paragraph(p naskah.Para, x, width float64, align string) {
	lines := r.wrap(p, width)
	for i, l := range lines {
		left := len(lines) - i
		if !r.room(r.lineH) || (i == 0 && left > 1 && !r.room(2*r.lineH)) {
			r.newPage()
		}
		r.drawLine(l, x, width, align)
		r.y += r.lineH
	}
}

func (r *doc) gap(f float64) { r.y += r.lineH * f }

// item draws a numbered paragraph with a hanging indent, then its children deeper.
func (r *doc) item(it naskah.Item, x, width float64) {
	labelW := r.labelWidth(it.Label)
	lines := r.wrap(it.Text, width-labelW)
	if !r.room(r.lineH * float64(min(len(lines), 2))) {
		r.newPage()
	}
	r.font(false, r.p.FontSize)
	r.f.Text(x, r.y+r.lineH*0.72, it.Label)
	for i, l := range lines {
		if i > 0 && !r.room(r.lineH) {
			r.newPage()
		}
		r.drawLine(l, x+labelW, width-labelW, "J")
		r.y += r.lineH
	}
	if len(lines) == 0 {
		r.y += r.lineH
	}
	for _, c := range it.Children {
		r.item(c, x+labelW, width-labelW)
	}
}

func (r *doc) labelWidth(label string) float64 {
	r.font(false, r.p.FontSize)
	w := r.f.GetStringWidth(label) + r.f.GetStringWidth("  ")
	return max(w, 8)
}

// centred writes centred lines, wrapping long ones.
func (r *doc) centred(text string, bold bool) {
	r.paragraph(naskah.Para{{Text: text, Bold: bold}}, r.left, r.width, "C")
}

func (r *doc) layout() {
	d := r.d
	r.lambang()
	for _, t := range d.Title {
		r.centred(t, true)
	}
	r.gap(0.5)
	r.numbers()
	r.gap(1)
	r.paragraph(d.Opening, r.left, r.width, "J")
	r.gap(0.4)
	for _, it := range d.Komparisi {
		r.item(it, r.left, r.width)
		r.gap(0.3)
	}
	r.paragraph(d.Together, r.left, r.width, "J")
	r.gap(0.6)
	if len(d.Premises) > 0 {
		r.paragraph(d.PremisIntro, r.left, r.width, "J")
		for _, it := range d.Premises {
			r.item(it, r.left, r.width)
		}
		r.gap(0.6)
	}
	if len(d.LegalBases) > 0 {
		r.paragraph(d.LegalIntro, r.left, r.width, "J")
		for _, it := range d.LegalBases {
			r.item(it, r.left, r.width)
		}
		r.gap(0.6)
	}
	r.paragraph(d.Agreement, r.left, r.width, "J")
	r.gap(0.6)
	for i, s := range d.Body {
		r.section(s, d.Body[i+1:])
	}
	r.closingAndSignatures()
	for _, l := range d.Lampiran {
		r.lampiran(l) // lampiran.go
	}
}

func (r *doc) lambang() {
	// Each image is decoded once; one that cannot be read leaves its place empty,
	// as for a lambang pasted by hand.
	images := make([][]byte, len(r.d.Lambang))
	any := false
	for i, l := range r.d.Lambang {
		if data, ok := normalizeImage(l.Image); ok {
			images[i], any = data, true
		}
	}
	if !any {
		return
	}
	const h = 24.0
	slots := len(r.d.Lambang)
	for i, data := range images {
		if data == nil {
			continue
		}
		var x float64
		switch {
		case slots == 1:
			x = r.left + r.width/2 - h/2
		case i == 0:
			x = r.left
		case i == slots-1:
			x = r.left + r.width - h
		default:
			x = r.left + r.width*float64(i)/float64(slots-1) - h/2
		}
		r.image(fmt.Sprintf("lambang-%d", i), data, x, r.y, h)
	}
	r.y += h + 4
}

func (r *doc) image(name string, data []byte, x, y, h float64) {
	info := r.f.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(data))
	if info == nil || r.f.Err() {
		r.f.ClearError()
		return
	}
	w := h * info.Width() / info.Height()
	if w > h*1.6 {
		w = h * 1.6
	}
	r.f.ImageOptions(name, x+(h-w)/2, y, w, h, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
}

func (r *doc) numbers() {
	r.font(false, r.p.FontSize)
	for _, n := range r.d.Numbers {
		r.centred(n.Label+" : "+n.Number, false)
	}
}

// sectionHead is the height of a section's label and heading.
func (r *doc) sectionHead(s naskah.Section) float64 {
	h := r.lineH
	if s.Heading != "" {
		h += r.lineH * float64(len(r.wrap(naskah.P(s.Heading), r.width*0.8)))
	}
	return h
}

func (r *doc) section(s naskah.Section, rest []naskah.Section) {
	need := r.sectionHead(s) + 2*r.lineH
	if s.Kind == naskah.SectionBab && len(rest) > 0 {
		need += r.sectionHead(rest[0]) + r.lineH
	}
	// A heading never stands alone at the foot of a page.
	if !r.room(need) {
		r.newPage()
	}
	r.centred(s.Label, true)
	if s.Heading != "" {
		r.paragraph(naskah.Para{{Text: s.Heading, Bold: true}}, r.left+r.width*0.1, r.width*0.8, "C")
	}
	if s.Kind == naskah.SectionBab {
		r.gap(0.6)
		return
	}
	own, restated := s.SplitIntro()
	if len(own.Plain()) > 0 {
		r.paragraph(own, r.left, r.width, "J")
	}
	if q := s.Restated; q != nil {
		// The parent's pasal set out anew, as a pasal: its label and heading
		// on their own lines, never alone at the foot of a page.
		head := naskah.Section{Label: q.Label, Heading: q.Heading}
		if !r.room(r.sectionHead(head) + 2*r.lineH) {
			r.newPage()
		}
		r.gap(0.3)
		r.centred(q.Label, true)
		if q.Heading != "" {
			r.paragraph(naskah.Para{{Text: q.Heading, Bold: true}}, r.left+r.width*0.1, r.width*0.8, "C")
		}
		if len(restated.Plain()) > 0 {
			r.paragraph(restated, r.left, r.width, "J")
		}
	}
	for _, it := range s.Items {
		r.item(it, r.left, r.width)
	}
	r.gap(0.6)
}

// signature block geometry
const (
	signSpace = 26.0 // room for signature and stamp, mm
	meteraiW  = 26.0
	meteraiH  = 17.0
)

// sigParts are a signature column's parts in the order they print: role,
// jabatan, name, pangkat, NIP; the signing space stands between jabatan and name.
func (r *doc) sigParts(s naskah.Signature) [5]naskah.Para {
	jabatan := r.jabatan(s)
	name := keepTogether(s.Name, s.Keep)
	return [5]naskah.Para{naskah.P(s.Role), naskah.P(jabatan), {{Text: name, Bold: true}}, naskah.P(s.Pangkat), naskah.P(s.NIP)}
}

// jabatan keeps the phrases of a signer's jabatan together as far as that
// costs no extra line: "KABUPATEN LAMPUNG SELATAN" whole when it fits so,
// else only "LAMPUNG SELATAN" ("… SATU PINTU KABUPATEN / LAMPUNG SELATAN,").
func (r *doc) jabatan(s naskah.Signature) string {
	colW := r.width/2 - 4
	text := s.JabatanLine(r.p.ActingAbbrev)
	best, bestN := text, len(r.wrap(naskah.P(text), colW))
	for k := len(s.Keep); k >= 0; k-- {
		kept := keepTogether(text, s.Keep[k:])
		if n := len(r.wrap(naskah.P(kept), colW)); n <= bestN {
			best, bestN = kept, n
		}
	}
	return best
}

// sigRow measures a row of signature columns: for each part, the lines of the
// taller side, so that both columns put each part at the same height.
func (r *doc) sigRow(row [2]*naskah.Signature, colW float64) (lines [5]int, h float64) {
	for _, s := range row {
		if s == nil {
			continue
		}
		for i, p := range r.sigParts(*s) {
			if p.Plain() != "" {
				lines[i] = max(lines[i], len(r.wrap(p, colW)))
			}
		}
	}
	n := 0
	for _, l := range lines {
		n += l
	}
	return lines, r.lineH*float64(n) + signSpace
}

// rows pairs signatures into left/right rows.
func (r *doc) rows() [][2]*naskah.Signature {
	var rows [][2]*naskah.Signature
	var cur [2]*naskah.Signature
	for i := range r.d.Signatures {
		s := &r.d.Signatures[i]
		side := 0
		if s.Right {
			side = 1
		}
		if cur[side] != nil {
			rows = append(rows, cur)
			cur = [2]*naskah.Signature{}
		}
		cur[side] = s
	}
	if cur[0] != nil || cur[1] != nil {
		rows = append(rows, cur)
	}
	return rows
}

func (r *doc) closingAndSignatures() {
	colW := r.width/2 - 4
	closing := r.wrap(r.d.Closing, r.width)
	rows := r.rows()
	// The paraf goes with the row of our signature (paraf.go).
	parafRow, parafSide := r.parafSides(rows)
	band := func(i int) float64 {
		if i == parafRow {
			return r.parafBand(colW)
		}
		return 0
	}
	first := 0.0
	if len(rows) > 0 {
		_, first = r.sigRow(rows[0], colW)
		first += band(0)
	}
	// The signature block never starts a page alone: the closing goes with it.
	need := r.lineH*float64(len(closing)) + r.lineH + first
	if !r.room(need) {
		r.newPage()
	}
	r.paragraph(r.d.Closing, r.left, r.width, "J")
	r.gap(1)
	for i, row := range rows {
		lines, h := r.sigRow(row, colW)
		if !r.room(h + band(i)) {
			r.newPage()
		}
		top := r.y
		for side, s := range row {
			if s == nil {
				continue
			}
			r.y = top
			r.signature(*s, lines, r.left+float64(side)*(r.width/2+4), colW)
		}
		r.y = top + h + r.lineH
		if band(i) > 0 {
			r.drawParaf(parafSide, colW)
		}
	}
	if len(r.d.Witnesses) > 0 {
		r.witnesses(colW)
	}
}

// signature draws one column; lines gives each part's height in the row, so
// that a part starts at the same height in both columns whatever wraps.
func (r *doc) signature(s naskah.Signature, lines [5]int, x, colW float64) {
	parts := r.sigParts(s)
	for i, p := range parts {
		top := r.y
		if p.Plain() != "" {
			r.paragraph(p, x, colW, "C")
		}
		r.y = top + r.lineH*float64(lines[i])
		if i == 1 {
			if s.Meterai {
				r.meterai(x, colW)
			}
			r.y += signSpace
		}
	}
}

func (r *doc) meterai(x, colW float64) {
	r.f.SetDrawColor(150, 150, 150)
	r.f.SetLineWidth(0.2)
	bx, by := x+colW/2-meteraiW-2, r.y+(signSpace-meteraiH)/2
	r.f.SetDashPattern([]float64{1, 1}, 0)
	r.f.Rect(bx, by, meteraiW, meteraiH, "D")
	r.f.SetDashPattern(nil, 0)
	r.f.SetTextColor(130, 130, 130)
	r.font(false, 7)
	r.f.SetXY(bx, by+meteraiH/2-4)
	r.f.CellFormat(meteraiW, 4, "METERAI", "", 2, "C", false, 0, "")
	r.f.SetX(bx)
	r.f.CellFormat(meteraiW, 4, "Rp10.000", "", 0, "C", false, 0, "")
	r.f.SetTextColor(0, 0, 0)
	r.f.SetDrawColor(0, 0, 0)
}

func (r *doc) witnesses(colW float64) {
	h := r.lineH * 2
	for _, w := range r.d.Witnesses {
		lines := len(r.wrap(naskah.P(w.Jabatan), colW)) + len(r.wrap(naskah.Para{{Text: w.Name, Bold: true}}, colW))
		h = max(h, r.lineH*float64(lines)+signSpace*0.7)
	}
	if !r.room(h + r.lineH) {
		r.newPage()
	}
	r.centred("Menyaksikan:", false)
	r.gap(0.5)
	for i := 0; i < len(r.d.Witnesses); i += 2 {
		if !r.room(h) {
			r.newPage()
		}
		top := r.y
		for side := 0; side < 2 && i+side < len(r.d.Witnesses); side++ {
			w := r.d.Witnesses[i+side]
			r.y = top
			x := r.left + float64(side)*(r.width/2+4)
			r.paragraph(naskah.P(w.Jabatan), x, colW, "C")
			r.y += signSpace * 0.7
			r.paragraph(naskah.Para{{Text: w.Name, Bold: true}}, x, colW, "C")
		}
		r.y = top + h + r.lineH
	}
}

func startsWithSpace(s string) bool { return s != "" && strings.TrimLeft(s, " \t\n") != s }

func endsWithSpace(s string) bool { return s != "" && strings.TrimRight(s, " \t\n") != s }
