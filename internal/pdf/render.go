package pdf

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // lambang may be JPEG
	"image/png"
	"io"
	"math"
	"sync"
	"time"

	"github.com/boombuler/barcode/qr"
	"github.com/jung-kurt/gofpdf"

	"sepakat/internal/naskah"
	"sepakat/resources"
)

// Options are per-export choices.
type Options struct {
	// Compress the page streams; tests turn it off to compare bytes.
	Compress bool
	// Created is the creation date written into the PDF; now when zero.
	Created time.Time
}

// Renderer holds the font files, read once and shared by every export.
type Renderer struct {
	fonts map[string][]byte // "serif", "serifB", "sans", "sansB"
}

var (
	fontOnce sync.Once
	shared   *Renderer
	fontErr  error
)

// NewRenderer returns the renderer with the shipped fonts.
func NewRenderer() (*Renderer, error) {
	fontOnce.Do(func() {
		r := &Renderer{fonts: map[string][]byte{}}
		files := map[string]string{
			"serif": "LiberationSerif-Regular.ttf", "serifB": "LiberationSerif-Bold.ttf",
			"sans": "LiberationSans-Regular.ttf", "sansB": "LiberationSans-Bold.ttf",
		}
		for key, name := range files {
			data, err := resources.FS.ReadFile("fonts/" + name)
			if err != nil {
				fontErr = err
				return
			}
			r.fonts[key] = data
		}
		shared = r
	})
	return shared, fontErr
}

// Render writes d as a PDF to w. Nothing is written unless the whole document
// renders; a failure inside the PDF library comes back as an error, not a crash.
// A cancelled ctx stops it at the next page and returns ctx's error.
func (r *Renderer) Render(ctx context.Context, w io.Writer, d *naskah.Document, p Profile, o Options) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("PDF tidak dapat dibuat: %v", v)
		}
	}()
	if err := p.check(); err != nil {
		return err
	}
	pageW, pageH, _ := p.size()
	f := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "mm", Size: gofpdf.SizeType{Wd: pageW, Ht: pageH}})
	family := p.Font
	if family == "" {
		family = "serif"
	}
	f.AddUTF8FontFromBytes(family, "", r.fonts[family])
	f.AddUTF8FontFromBytes(family, "B", r.fonts[family+"B"])
	created := o.Created
	if created.IsZero() {
		created = time.Now()
	}
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetCatalogSort(true)
	f.SetCompression(o.Compress)
	f.SetTitle(d.Meta.Title, true)
	f.SetSubject(d.Meta.Subject, true)
	f.SetAuthor(d.Meta.Author, true)
	f.SetCreator(d.Meta.Creator, true)
	f.SetMargins(p.MarginLeft, p.MarginTop, p.MarginRight)
	f.SetAutoPageBreak(false, p.MarginBot)
	f.AliasNbPages("{nb}")

	rd := &doc{ctx: ctx, f: f, p: p, d: d, family: family, pageW: pageW, pageH: pageH,
		left: p.MarginLeft, width: pageW - p.MarginLeft - p.MarginRight,
		bottom: pageH - p.MarginBot, lineH: p.FontSize * p.LineSpacing * 25.4 / 72}
	rd.verify = d.Code + " · " + d.Fingerprint()
	if err := rd.prepareQR(d.Code, d.Fingerprint()); err != nil {
		return err
	}
	f.SetHeaderFuncMode(rd.header, false)
	f.SetFooterFunc(rd.footer)
	rd.newPage()
	rd.layout()
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("PDF tidak dapat dibuat: %w", err)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("PDF tidak dapat dibuat: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// doc is one render in progress.
type doc struct {
	ctx    context.Context
	f      *gofpdf.Fpdf
	p      Profile
	d      *naskah.Document
	family string
	pageW  float64
	pageH  float64
	left   float64
	width  float64
	bottom float64
	lineH  float64
	y      float64
	verify string
	qr     [][]bool
}

func (r *doc) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	r.f.SetFont(r.family, style, size)
}

func (r *doc) newPage() {
	if err := r.ctx.Err(); err != nil {
		r.f.SetError(err) // the library draws nothing more
		return
	}
	r.f.AddPage()
	r.y = r.p.MarginTop
}

// room reports whether h more millimetres fit on the page.
func (r *doc) room(h float64) bool { return r.y+h <= r.bottom+0.01 }

func (r *doc) header() {
	n := r.f.PageNo()
	if w := watermarkOf(r.d); w != "" {
		r.watermark(w)
	}
	if n < 2 {
		return
	}
	r.font(false, r.p.FontSize)
	r.f.SetTextColor(0, 0, 0)
	label := fmt.Sprintf("- %d -", n)
	if r.p.PageNumbers == NumberHalaman {
		label = fmt.Sprintf("Halaman %d dari {nb}", n)
	}
	r.f.SetXY(r.left, r.p.MarginTop/2)
	r.f.CellFormat(r.width, 5, label, "", 0, "C", false, 0, "")
}

// watermarkOf is what is written across every page of d: DIBATALKAN on a
// cancelled agreement, KONSEP on a draft, nothing on a copy to sign or keep.
func watermarkOf(d *naskah.Document) string {
	switch {
	case d.Cancelled:
		return "DIBATALKAN"
	case d.Draft:
		return "KONSEP"
	}
	return ""
}

// watermark writes text across the page, at most three quarters of its
// diagonal long.
func (r *doc) watermark(text string) {
	r.f.SetAlpha(0.2, "Normal")
	size := 100.0
	r.font(true, size)
	if tw, most := r.f.GetStringWidth(text), 0.75*math.Hypot(r.pageW, r.pageH); tw > most {
		size *= most / tw
		r.font(true, size)
	}
	r.f.SetTextColor(110, 110, 110)
	cx, cy := r.pageW/2, r.pageH/2
	r.f.TransformBegin()
	r.f.TransformRotate(50, cx, cy)
	tw := r.f.GetStringWidth(text)
	r.f.Text(cx-tw/2, cy+12*size/100, text)
	r.f.TransformEnd()
	r.f.SetAlpha(1, "Normal")
	r.f.SetTextColor(0, 0, 0)
}

func (r *doc) footer() {
	// The footer (QR code and paraf box, 15 mm) sits in the bottom margin and
	// never closer than 5 mm to the paper's edge.
	base := min(r.pageH-r.p.MarginBot+6, r.pageH-5-15)
	// Verification: short code, fingerprint and the same as a QR code.
	size := 14.0
	r.drawQR(r.left, base, size)
	r.font(false, 7)
	r.f.SetTextColor(90, 90, 90)
	r.f.SetXY(r.left+size+2, base+size/2-2)
	r.f.CellFormat(70, 4, r.verify, "", 0, "L", false, 0, "")
	r.f.SetTextColor(0, 0, 0)
	if r.p.Paraf && len(r.d.Parties) > 0 {
		r.parafBox(base)
	}
}

// parafBox draws a small initials box per party at the foot of the page, right.
func (r *doc) parafBox(top float64) {
	cellW, cellH, headH := 22.0, 11.0, 4.0
	n := float64(len(r.d.Parties))
	x := r.left + r.width - cellW*n
	r.f.SetDrawColor(0, 0, 0)
	r.f.SetLineWidth(0.2)
	r.font(false, 6.5)
	r.f.Rect(x, top, cellW*n, headH+cellH, "D")
	r.f.Line(x, top+headH, x+cellW*n, top+headH)
	r.f.SetXY(x, top)
	r.f.CellFormat(cellW*n, headH, "Paraf", "", 0, "C", false, 0, "")
	for i, label := range r.d.Parties {
		cx := x + cellW*float64(i)
		if i > 0 {
			r.f.Line(cx, top+headH, cx, top+headH+cellH)
		}
		r.f.SetXY(cx, top+headH+cellH-3.5)
		r.f.CellFormat(cellW, 3, label, "", 0, "C", false, 0, "")
	}
}

func (r *doc) prepareQR(code, fp string) error {
	bc, err := qr.Encode("SEPAKAT "+code+" "+fp, qr.M, qr.Auto)
	if err != nil {
		return fmt.Errorf("kode QR tidak dapat dibuat: %w", err)
	}
	b := bc.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := make([]bool, 0, b.Dx())
		for x := b.Min.X; x < b.Max.X; x++ {
			c, _, _, _ := bc.At(x, y).RGBA()
			row = append(row, c < 0x8000)
		}
		r.qr = append(r.qr, row)
	}
	return nil
}

func (r *doc) drawQR(x, y, size float64) {
	n := float64(len(r.qr))
	if n == 0 {
		return
	}
	m := size / n
	r.f.SetFillColor(0, 0, 0)
	for j, row := range r.qr {
		for i, on := range row {
			if on {
				r.f.Rect(x+float64(i)*m, y+float64(j)*m, m, m, "F")
			}
		}
	}
}

// normalizeImage decodes a lambang and re-encodes it as an 8-bit RGBA PNG, which
// gofpdf always reads; ok is false for a file that is not a readable PNG or JPEG.
func normalizeImage(data []byte) ([]byte, bool) {
	if len(data) == 0 {
		return nil, false
	}
	// Check the size before decoding: a small file may declare a huge image.
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width < 1 || cfg.Height < 1 || cfg.Width > 6000 || cfg.Height > 6000 {
		return nil, false
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, false
	}
	b := img.Bounds()
	if b.Dx() < 1 || b.Dy() < 1 || b.Dx() > 6000 || b.Dy() > 6000 {
		return nil, false
	}
	rgba := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(rgba, rgba.Bounds(), img, b.Min, draw.Src)
	var out bytes.Buffer
	if err := png.Encode(&out, rgba); err != nil {
		return nil, false
	}
	return out.Bytes(), true
}
