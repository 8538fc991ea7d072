package pdf

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
)

// rowWriter writes a report table's rows, the borders and the text, as the
// very bytes gofpdf's Rect and CellFormat write, without their fmt calls and
// allocations per cell: the list of agreements in force at 100 000 is 3 000
// pages of them. Text with a rune the font has not been given yet goes
// through CellFormat, which adds it to the font's subset; after that the
// rune is known here and its text is written directly.
//
// It writes what CellFormat writes for our cells only: no border or fill of
// the cell, one of the aligns "L", "C" and "R", no underline, strike-out or
// word spacing (report.go sets none).
type rowWriter struct {
	f    *gofpdf.Fpdf
	buf  []byte
	rd   bytes.Reader
	seen [2][]bool // per font (regular, bold): runes CellFormat has shown, by code point
	// asciiW are the widths of printable ASCII in the font's units, as
	// SplitText counts them; 0: not measured yet.
	asciiW [2][128]int
	// Per row: the page's height, the scale, the cell margin, the font size
	// in user units, and the "q … " that wraps text in another colour than
	// the fill colour (CellFormat's colorFlag); empty when they are the same.
	pageH, k, cMargin, fontSize float64
	colour                      string
	rgb                         [6]int // the text and fill colours colour was made for
	known                       bool
}

func newRowWriter(f *gofpdf.Fpdf) *rowWriter {
	return &rowWriter{f: f, seen: [2][]bool{make([]bool, 1<<16), make([]bool, 1<<16)}}
}

func styleIndex(bold bool) int {
	if bold {
		return 1
	}
	return 0
}

// colourOp is gofpdf's operator for an RGB fill or text colour.
func colourOp(r, g, b int) string {
	if r == g && r == b {
		return fmt.Sprintf("%.3f g", float64(r)/255)
	}
	return fmt.Sprintf("%.3f %.3f %.3f rg", float64(r)/255, float64(g)/255, float64(b)/255)
}

// begin reads the state a row is drawn in: call it after the row's font and
// colours are set.
func (w *rowWriter) begin() {
	_, w.pageH = w.f.GetPageSize()
	w.k = w.f.GetConversionRatio()
	w.cMargin = w.f.GetCellMargin()
	_, w.fontSize = w.f.GetFontSize()
	tr, tg, tb := w.f.GetTextColor()
	fr, fg, fb := w.f.GetFillColor()
	if rgb := [6]int{tr, tg, tb, fr, fg, fb}; !w.known || rgb != w.rgb {
		w.rgb, w.known = rgb, true
		text := colourOp(tr, tg, tb)
		w.colour = ""
		if text != colourOp(fr, fg, fb) {
			w.colour = "q " + text + " "
		}
	}
	w.buf = w.buf[:0]
}

func (w *rowWriter) num(v float64) {
	w.buf = strconv.AppendFloat(w.buf, v, 'f', 2, 64)
	w.buf = append(w.buf, ' ')
}

// rect is Rect(x, y, width, h, "D").
func (w *rowWriter) rect(x, y, width, h float64) {
	w.num(x * w.k)
	w.num((w.pageH - y) * w.k)
	w.num(width * w.k)
	w.num(-h * w.k)
	w.buf = append(w.buf, "re S\n"...)
}

// text is SetXY(x, y) and CellFormat(width, h, s, "", 0, align, false, 0, "")
// for a non-empty s; false when s must go through CellFormat.
func (w *rowWriter) text(x, y, width, h float64, s, align string, bold bool) bool {
	if !utf8.ValidString(s) {
		return false
	}
	seen := w.seen[styleIndex(bold)]
	for _, r := range s {
		if r >= 1<<16 || !seen[r] {
			return false
		}
	}
	var dx float64
	switch align {
	case "L":
		dx = w.cMargin
	case "R":
		dx = width - w.cMargin - w.f.GetStringWidth(s)
	case "C":
		dx = (width - w.f.GetStringWidth(s)) / 2
	default:
		return false
	}
	dy := 0.0
	w.buf = append(w.buf, w.colour...)
	w.buf = append(w.buf, "BT "...)
	w.num((x + dx) * w.k)
	w.num((w.pageH - (y + dy + .5*h + .3*w.fontSize)) * w.k)
	w.buf = append(w.buf, "Td ("...)
	for _, r := range s { // UTF-16BE, escaped byte by byte as gofpdf's escape does
		for _, b := range [2]byte{byte(r >> 8), byte(r)} {
			switch b {
			case '\\', '(', ')':
				w.buf = append(w.buf, '\\', b)
			case '\r':
				w.buf = append(w.buf, '\\', 'r')
			default:
				w.buf = append(w.buf, b)
			}
		}
	}
	w.buf = append(w.buf, ")Tj ET"...)
	if w.colour != "" {
		w.buf = append(w.buf, " Q"...)
	}
	w.buf = append(w.buf, '\n')
	return true
}

// shown records that CellFormat has shown s in the font.
func (w *rowWriter) shown(s string, bold bool) {
	seen := w.seen[styleIndex(bold)]
	for _, r := range s {
		if r < 1<<16 {
			seen[r] = true
		}
	}
}

// flush hands what was written to gofpdf (which ends it with a newline, as
// every operator line).
func (w *rowWriter) flush() {
	if len(w.buf) == 0 {
		return
	}
	w.rd.Reset(w.buf[:len(w.buf)-1])
	w.f.RawWriteBuf(&w.rd)
	w.buf = w.buf[:0]
}

// fits reports whether SplitText(s, width) would give s whole: printable
// ASCII only, no wider than the line, in the current font (bold or not).
func (w *rowWriter) fits(s string, width float64, bold bool) bool {
	ws := &w.asciiW[styleIndex(bold)]
	_, fontSize := w.f.GetFontSize()
	wmax := int(math.Ceil((width - 2*w.f.GetCellMargin()) * 1000 / fontSize))
	sum := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' {
			return false
		}
		if ws[c] == 0 {
			// The font's own width; 0 (a zero-width marker) stays
			// unmeasured and sends the text to SplitText.
			ws[c] = w.f.GetStringSymbolWidth(s[i : i+1])
			if ws[c] == 0 {
				return false
			}
		}
		sum += ws[c]
		if sum > wmax {
			return false
		}
	}
	return true
}

// fitsLines reports whether SplitText(s, width) would give s's lines as
// they are ("nomor\nnomor mitra"): each one not empty and fitting. (At a
// newline SplitText always breaks, and a line that fits is never broken.)
func (w *rowWriter) fitsLines(s string, width float64, bold bool) bool {
	if !strings.Contains(s, "\n") || strings.HasSuffix(s, "\n") {
		return false
	}
	for line := range strings.SplitSeq(s, "\n") {
		if line == "" || !w.fits(line, width, bold) {
			return false
		}
	}
	return true
}
