// Package docx writes a naskah document as a Word file (.docx) for a partner
// office, reads a partner's Word or OpenDocument file back into the outline of
// an agreement (title, numbers, premises, pasal, ayat, points, tracked changes
// and comments), and compares two outlines pasal by pasal, word by word.
// It uses the standard library only (archive/zip, encoding/xml) and does no
// I/O of its own beyond the reader and writer it is given.
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	stdimage "image"
	_ "image/jpeg" // a lambang may be JPEG
	_ "image/png"
	"io"
	"strconv"
	"strings"
	"time"

	"sepakat/internal/naskah"
)

// Page is the office's page profile as Word knows it.
type Page struct {
	Paper       string  // "A4" or "F4"
	Font        string  // "serif" (Times New Roman) or "sans" (Arial)
	FontSize    float64 // points
	LineSpacing float64 // multiple of single spacing
	MarginTop   float64 // mm
	MarginRight float64
	MarginBot   float64
	MarginLeft  float64
	// Halaman numbers pages "Halaman 2 dari 5" instead of "- 2 -".
	Halaman bool
	// ActingAbbrev writes "Pj." in the signature block instead of "PENJABAT".
	ActingAbbrev bool
}

// DefaultPage is the usual tata naskah page, as pdf.DefaultProfile.
func DefaultPage() Page {
	return Page{Paper: "A4", Font: "serif", FontSize: 12, LineSpacing: 1.15,
		MarginTop: 25, MarginRight: 25, MarginBot: 30, MarginLeft: 30}
}

// Marker ties a file to the agreement and the revision it was made from. It is
// kept in the document's custom properties, which Word and LibreOffice keep
// when the partner edits and saves the file.
type Marker struct {
	ID          uint64 // agreement ID
	Rev         uint64 // the agreement's revision the file was made from
	Code        string // "PKS-12"
	Fingerprint string // naskah.Document.Fingerprint of the text sent
	Made        time.Time
}

// marker property names in docProps/custom.xml.
const (
	propID          = "SepakatID"
	propRev         = "SepakatRevisi"
	propCode        = "SepakatKode"
	propFingerprint = "SepakatSidik"
)

// Paragraph styles: the role of a paragraph, which the reader uses when the
// file comes back. Word keeps a paragraph's style when its text is edited and
// gives a new paragraph (Enter) the style of the one before.
const (
	styleTitle     = "SepakatJudul"
	styleNumber    = "SepakatNomor"
	styleOpening   = "SepakatPembukaan"
	stylePremis    = "SepakatPremis"
	styleLegal     = "SepakatDasarHukum"
	styleBab       = "SepakatBab"
	stylePasal     = "SepakatPasal"
	styleHeading   = "SepakatJudulPasal"
	styleBody      = "SepakatIsi"
	styleClosing   = "SepakatPenutup"
	styleSignature = "SepakatTandaTangan"
	tableSignature = "SepakatTabelTandaTangan"
	tableLambang   = "SepakatTabelLambang"
	tableParaf     = "SepakatTabelParaf"
	tableLampiran  = "SepakatTabelLampiran"
)

// styleNames are the names Word shows; LibreOffice may rename the IDs on
// saving, so the reader also knows a style by its name.
var styleNames = map[string]string{
	styleTitle: "Sepakat Judul", styleNumber: "Sepakat Nomor", styleOpening: "Sepakat Pembukaan",
	stylePremis: "Sepakat Premis", styleLegal: "Sepakat Dasar Hukum", styleBab: "Sepakat Bab",
	stylePasal: "Sepakat Pasal", styleHeading: "Sepakat Judul Pasal", styleBody: "Sepakat Isi",
	styleClosing: "Sepakat Penutup", styleSignature: "Sepakat Tanda Tangan",
}

// Write writes d as a .docx to w in page p, with marker m in its properties.
// The output depends only on its inputs (m.Made dates the zip entries).
func Write(w io.Writer, d *naskah.Document, p Page, m Marker) error {
	if p.FontSize <= 0 {
		p.FontSize = 12
	}
	if p.LineSpacing <= 0 {
		p.LineSpacing = 1
	}
	pw, ph, ok := paperSize(p.Paper)
	if !ok {
		return fail(ProblemPaper, nil, p.Paper)
	}
	if m.Made.IsZero() {
		m.Made = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	wr := &writer{p: p, pageW: pw, textW: pw - twips(p.MarginLeft) - twips(p.MarginRight)}
	wr.document(d, ph)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes(false)},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreXML(d.Meta, m.Made)},
		{"docProps/app.xml", appXML},
		{"docProps/custom.xml", customXML(m)},
		{"word/_rels/document.xml.rels", documentRels(wr.images)},
		{"word/document.xml", wr.b.String()},
		{"word/styles.xml", stylesXML(p)},
		{"word/settings.xml", settingsXML},
		{"word/header1.xml", headerXML(p.Halaman, d.Draft, wr.textW, true)},
		{"word/header2.xml", headerXML(p.Halaman, d.Draft, wr.textW, false)},
	}
	for _, im := range wr.images {
		parts = append(parts, struct{ name, body string }{"word/" + im.target, string(im.data)})
	}
	z := zip.NewWriter(w)
	for _, part := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: m.Made.UTC()})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, part.body); err != nil {
			return err
		}
	}
	return z.Close()
}

func paperSize(paper string) (w, h int, ok bool) {
	switch strings.ToUpper(strings.TrimSpace(paper)) {
	case "A4", "":
		return twips(210), twips(297), true
	case "F4":
		return twips(215), twips(330), true
	}
	return 0, 0, false
}

// twips converts millimetres to twentieths of a point.
func twips(mm float64) int { return int(mm*1440/25.4 + 0.5) }

// labelIndent is the hanging indent of one level of numbered items.
const labelIndent = 567 // 10 mm

type writer struct {
	p      Page
	b      strings.Builder
	pageW  int
	textW  int
	images []picture
}

// picture is a lambang stored in the file.
type picture struct {
	rel, target string // "rIdLambang1", "media/lambang1.png"
	data        []byte
}

func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\t', '\n', '\r':
			b.WriteByte(' ')
		default:
			if r < 0x20 || r == 0xFFFE || r == 0xFFFF {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pPr are a paragraph's properties beyond its style.
type pPr struct {
	style       string
	align       string // "", "center", "both"
	left, hang  int    // twips
	right       int
	before      int // spacing before, twips
	after       int
	keepNext    bool
	pageBreakBf bool
}

func (w *writer) open(pp pPr) {
	b := &w.b
	b.WriteString("<w:p><w:pPr>")
	fmt.Fprintf(b, `<w:pStyle w:val="%s"/>`, pp.style)
	if pp.keepNext {
		b.WriteString("<w:keepNext/>")
	}
	if pp.hang > 0 {
		fmt.Fprintf(b, `<w:tabs><w:tab w:val="left" w:pos="%d"/></w:tabs>`, pp.left)
	}
	if pp.before > 0 || pp.after > 0 {
		fmt.Fprintf(b, `<w:spacing w:before="%d" w:after="%d"/>`, pp.before, pp.after)
	}
	if pp.left > 0 || pp.right > 0 || pp.hang > 0 {
		fmt.Fprintf(b, `<w:ind w:left="%d" w:right="%d" w:hanging="%d"/>`, pp.left, pp.right, pp.hang)
	}
	if pp.align != "" {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, pp.align)
	}
	b.WriteString("</w:pPr>")
}

func (w *writer) close() { w.b.WriteString("</w:p>") }

func (w *writer) run(text string, bold bool) {
	if text == "" {
		return
	}
	w.b.WriteString("<w:r>")
	if bold {
		w.b.WriteString("<w:rPr><w:b/></w:rPr>")
	}
	fmt.Fprintf(&w.b, `<w:t xml:space="preserve">%s</w:t></w:r>`, esc(text))
}

func (w *writer) runs(p naskah.Para) {
	for _, r := range p {
		w.run(r.Text, r.Bold)
	}
}

func (w *writer) para(style string, p naskah.Para, align string, after int) {
	if strings.TrimSpace(p.Plain()) == "" {
		return
	}
	w.open(pPr{style: style, align: align, after: after})
	w.runs(p)
	w.close()
}

// item writes a numbered paragraph, its label hanging before the text, then
// its children one level deeper.
func (w *writer) item(style string, it naskah.Item, level int) {
	left := labelIndent * (level + 1)
	w.open(pPr{style: style, align: "both", left: left, hang: labelIndent})
	w.run(it.Label, false)
	w.b.WriteString("<w:r><w:tab/></w:r>")
	w.runs(it.Text)
	w.close()
	for _, c := range it.Children {
		w.item(style, c, level+1)
	}
}

func (w *writer) document(d *naskah.Document, pageH int) {
	b := &w.b
	b.WriteString(xmlHeader)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP + `"><w:body>`)
	line := int(w.p.FontSize * 20 * w.p.LineSpacing) // one line, twips
	w.lambang(d, line)
	for _, t := range d.Title {
		w.para(styleTitle, naskah.Para{{Text: t, Bold: true}}, "", 0)
	}
	for i, n := range d.Numbers {
		pp := pPr{style: styleNumber}
		if i == 0 {
			pp.before = line / 2
		}
		if i == len(d.Numbers)-1 {
			pp.after = line
		}
		w.open(pp)
		w.run(n.Label+" : "+n.Number, false)
		w.close()
	}
	w.para(styleOpening, d.Opening, "", line/3)
	for _, it := range d.Komparisi {
		w.item(styleOpening, it, 0)
	}
	w.para(styleOpening, d.Together, "", line/2)
	if len(d.Premises) > 0 {
		w.para(stylePremis, d.PremisIntro, "", 0)
		for _, it := range d.Premises {
			w.item(stylePremis, it, 0)
		}
	}
	if len(d.LegalBases) > 0 {
		w.open(pPr{style: styleLegal, before: line / 2})
		w.runs(d.LegalIntro)
		w.close()
		for _, it := range d.LegalBases {
			w.item(styleLegal, it, 0)
		}
	}
	w.open(pPr{style: agreementStyle(d), before: line / 2, after: line / 2})
	w.runs(d.Agreement)
	w.close()
	for _, s := range d.Body {
		w.section(s, line)
	}
	w.open(pPr{style: styleClosing, before: line / 2, after: line, keepNext: true})
	w.runs(d.Closing)
	w.close()
	w.signatures(d, line)
	for _, l := range d.Lampiran {
		w.lampiran(l, line)
	}
	fmt.Fprintf(b, `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/><w:pgSz w:w="%d" w:h="%d"/>`+
		`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="709" w:footer="709" w:gutter="0"/><w:titlePg/></w:sectPr>`,
		w.pageW, pageH, twips(w.p.MarginTop), twips(w.p.MarginRight), twips(w.p.MarginBot), twips(w.p.MarginLeft))
	b.WriteString(`</w:body></w:document>`)
}

func (w *writer) section(s naskah.Section, line int) {
	if s.Kind == naskah.SectionBab {
		w.open(pPr{style: styleBab, before: line / 2, keepNext: true})
		w.run(s.Label, true)
		w.close()
		if s.Heading != "" {
			w.open(pPr{style: styleBab, after: line / 2, keepNext: true})
			w.run(s.Heading, true)
			w.close()
		}
		return
	}
	w.open(pPr{style: stylePasal, before: line / 2, keepNext: true})
	w.run(s.Label, true)
	w.close()
	if s.Heading != "" {
		side := w.textW / 10
		w.open(pPr{style: styleHeading, left: side, right: side, keepNext: true})
		w.run(s.Heading, true)
		w.close()
	}
	w.para(styleBody, s.Intro, "", 0)
	for _, it := range s.Items {
		w.item(styleBody, it, 0)
	}
}

// signatures writes the signature block as a borderless table, one row per
// part (role, jabatan, signing space, name, pangkat, NIP), so that the two
// columns stay level whatever wraps, as in the PDF.
func (w *writer) signatures(d *naskah.Document, line int) {
	rows := pairs(d.Signatures)
	col := w.textW / 2
	parafRow, parafSide := parafSides(rows)
	for ri, row := range rows {
		w.tableStart(col)
		parts := func(s *naskah.Signature) []naskah.Para {
			if s == nil {
				return make([]naskah.Para, 6)
			}
			space := naskah.Para{}
			if s.Meterai {
				space = naskah.P("Meterai Rp10.000")
			}
			return []naskah.Para{naskah.P(s.Role), naskah.P(keep(s.JabatanLine(w.p.ActingAbbrev), s.Keep)), space,
				{{Text: keep(s.Name, s.Keep), Bold: true}}, naskah.P(s.Pangkat), naskah.P(s.NIP)}
		}
		l, r := parts(row[0]), parts(row[1])
		last := 3 // the name; then pangkat and NIP where either side has them
		for i := 4; i < len(l); i++ {
			if l[i].Plain() != "" || r[i].Plain() != "" {
				last = i
			}
		}
		for i := range l {
			if i >= 4 && l[i].Plain() == "" && r[i].Plain() == "" {
				continue
			}
			height := 0
			if i == 2 {
				height = twips(26)
			}
			// Each row kept with the next, the last too when the paraf follows:
			// the block never breaks across pages.
			w.tableRow(col, height, l[i], r[i], i == 2, i < last || (ri == parafRow && !d.Paraf.Empty()))
		}
		w.b.WriteString("</w:tbl>")
		if ri == parafRow {
			w.paraf(d.Paraf, parafSide)
		}
		w.open(pPr{style: styleSignature, after: line / 2})
		w.close()
	}
	if len(d.Witnesses) == 0 {
		return
	}
	w.open(pPr{style: styleSignature, before: line / 2, after: line / 2, keepNext: true})
	w.run("Menyaksikan:", false)
	w.close()
	for i := 0; i < len(d.Witnesses); i += 2 {
		w.tableStart(col)
		var jab, space, name [2]naskah.Para
		for side := 0; side < 2 && i+side < len(d.Witnesses); side++ {
			wt := d.Witnesses[i+side]
			jab[side], name[side] = naskah.P(wt.Jabatan), naskah.Para{{Text: wt.Name, Bold: true}}
		}
		w.tableRow(col, 0, jab[0], jab[1], false, true)
		w.tableRow(col, twips(18), space[0], space[1], false, true)
		w.tableRow(col, 0, name[0], name[1], false, false)
		w.b.WriteString("</w:tbl>")
	}
}

// lambang writes the parties' coats of arms above the title, 24 mm high, as
// the PDF places them: one centred, two at the margins, more spread between;
// a lambang that cannot be read leaves its place empty.
func (w *writer) lambang(d *naskah.Document, line int) {
	type pic struct {
		rel    string
		cx, cy int // EMU
	}
	pics := make([]*pic, len(d.Lambang))
	found := false
	for i, l := range d.Lambang {
		cfg, format, err := stdimage.DecodeConfig(bytes.NewReader(l.Image))
		if err != nil || cfg.Height == 0 || (format != "png" && format != "jpeg") {
			continue
		}
		const h = 24.0 // mm
		wd := min(h*float64(cfg.Width)/float64(cfg.Height), h*1.6)
		n := len(w.images) + 1
		im := picture{rel: fmt.Sprintf("rIdLambang%d", n), target: fmt.Sprintf("media/lambang%d.%s", n, format), data: l.Image}
		w.images = append(w.images, im)
		pics[i], found = &pic{im.rel, int(wd * 36000), int(h * 36000)}, true
	}
	if !found {
		return
	}
	cols := len(pics)
	col := w.textW / cols
	fmt.Fprintf(&w.b, `<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>`+
		`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`+
		`<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`, tableLambang, col*cols)
	for range pics {
		fmt.Fprintf(&w.b, `<w:gridCol w:w="%d"/>`, col)
	}
	w.b.WriteString(`</w:tblGrid><w:tr>`)
	for i, p := range pics {
		align := "center"
		switch {
		case cols > 1 && i == 0:
			align = "left"
		case cols > 1 && i == cols-1:
			align = "right"
		}
		fmt.Fprintf(&w.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, col)
		w.open(pPr{style: styleTitle, align: align})
		if p != nil {
			id := i + 1
			fmt.Fprintf(&w.b, `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%[1]d" cy="%[2]d"/>`+
				`<wp:docPr id="%[3]d" name="Lambang %[3]d"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">`+
				`<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">`+
				`<pic:nvPicPr><pic:cNvPr id="%[3]d" name="lambang%[3]d"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="%[4]s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
				`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%[1]d" cy="%[2]d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
				p.cx, p.cy, id, p.rel)
		}
		w.close()
		w.b.WriteString(`</w:tc>`)
	}
	w.b.WriteString(`</w:tr></w:tbl>`)
	w.open(pPr{style: styleSignature, after: line / 2})
	w.close()
}

// keep joins the words of each phrase with no-break spaces, so that a line
// never breaks inside a region's name ("LAMPUNG SELATAN") or a name's titles.
// Of two phrases one inside the other, the shorter is kept: Word cannot weigh
// which costs no extra line, as the PDF does.
func keep(text string, phrases []string) string {
	for _, ph := range phrases {
		inner := false
		for _, o := range phrases {
			inner = inner || (o != ph && strings.Contains(ph, o))
		}
		if strings.Contains(ph, " ") && !inner {
			text = strings.ReplaceAll(text, ph, strings.ReplaceAll(ph, " ", "\u00a0"))
		}
	}
	return text
}

func pairs(sigs []naskah.Signature) [][2]*naskah.Signature {
	var rows [][2]*naskah.Signature
	var cur [2]*naskah.Signature
	for i := range sigs {
		s := &sigs[i]
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

func (w *writer) tableStart(col int) {
	fmt.Fprintf(&w.b, `<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>`+
		`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`+
		`<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="%d"/><w:gridCol w:w="%d"/></w:tblGrid>`,
		tableSignature, 2*col, col, col)
}

// tableRow writes a row of two cells; keep keeps it on the page of the next
// (every row of a signature but its last, and its last when the paraf follows).
func (w *writer) tableRow(col, height int, left, right naskah.Para, small, keep bool) {
	b := &w.b
	b.WriteString("<w:tr><w:trPr><w:cantSplit/>")
	if height > 0 {
		fmt.Fprintf(b, `<w:trHeight w:val="%d" w:hRule="atLeast"/>`, height)
	}
	b.WriteString("</w:trPr>")
	for _, p := range []naskah.Para{left, right} {
		valign := "top" // each part starts level in both columns, as in the PDF
		if small {
			valign = "center"
		}
		fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="%s"/></w:tcPr>`, col, valign)
		w.open(pPr{style: styleSignature, align: "center", keepNext: keep})
		if small && p.Plain() != "" {
			fmt.Fprintf(b, `<w:r><w:rPr><w:color w:val="808080"/><w:sz w:val="14"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, esc(p.Plain()))
		} else {
			w.runs(p)
		}
		w.close()
		b.WriteString("</w:tc>")
	}
	b.WriteString("</w:tr>")
}

// parafSides says where the paraf prints, as the PDF does: the row of our
// signature (the last row when none is ours) and our side in it.
func parafSides(rows [][2]*naskah.Signature) (row, side int) {
	for i, rw := range rows {
		for s, sig := range rw {
			if sig != nil && sig.Own {
				return i, s
			}
		}
	}
	return len(rows) - 1, 0
}

// paraf writes the paraf tables under our signature as the PDF draws them:
// the paraf hierarki under our side, the paraf koordinasi under the other
// (under ours when there is no hierarki); each a No column, the jabatan with
// the name in bold, and a box to initial in. Nothing when p is empty.
func (w *writer) paraf(p naskah.Paraf, side int) {
	if p.Empty() {
		return
	}
	var tables [2][]naskah.ParafEntry
	var titles [2]string
	other := side
	if len(p.Hierarki) > 0 {
		tables[side], titles[side] = p.Hierarki, "Paraf Hierarki"
		other = 1 - side
	}
	if len(p.Koordinasi) > 0 {
		tables[other], titles[other] = p.Koordinasi, "Paraf Koordinasi"
	}
	gap := twips(4)
	col := (w.textW - gap) / 2
	no, box := twips(6), twips(16)
	widths := []int{no, col - no - box, box, gap, no, col - no - box, box}
	b := &w.b
	fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>`+
		`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`,
		tableParaf, w.textW)
	for _, wd := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, wd)
	}
	b.WriteString(`</w:tblGrid>`)
	const border = `<w:tcBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/></w:tcBorders>`
	cell := func(width, span int, bordered bool, valign string, body func()) {
		b.WriteString(`<w:tc><w:tcPr>`)
		fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, width)
		if span > 1 {
			fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
		}
		if bordered {
			b.WriteString(border)
		}
		fmt.Fprintf(b, `<w:vAlign w:val="%s"/></w:tcPr>`, valign)
		body()
		b.WriteString(`</w:tc>`)
	}
	keep := true // every row but the last keeps with the next: the tables stay whole
	small := func(text string, bold bool, align string) {
		w.open(pPr{style: styleSignature, align: align, keepNext: keep})
		if text != "" {
			b.WriteString(`<w:r><w:rPr>`)
			if bold {
				b.WriteString(`<w:b/>`)
			}
			fmt.Fprintf(b, `<w:sz w:val="16"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, esc(text))
		}
		w.close()
	}
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	for s := range 2 {
		if s == 1 {
			cell(gap, 1, false, "top", func() { small("", false, "") })
		}
		cell(col, 3, titles[s] != "", "center", func() { small(titles[s], true, "center") })
	}
	b.WriteString(`</w:tr>`)
	rows := max(len(tables[0]), len(tables[1]))
	for i := range rows {
		keep = i < rows-1
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="397" w:hRule="atLeast"/></w:trPr>`)
		for s := range 2 {
			if s == 1 {
				cell(gap, 1, false, "top", func() { small("", false, "") })
			}
			if i >= len(tables[s]) {
				cell(col, 3, false, "top", func() { small("", false, "") })
				continue
			}
			e := tables[s][i]
			cell(no, 1, true, "top", func() { small(fmt.Sprintf("%d.", i+1), false, "center") })
			cell(col-no-box, 1, true, "top", func() {
				small(e.Jabatan, false, "left")
				if e.Name != "" {
					small(e.Name, true, "left")
				}
			})
			cell(box, 1, true, "top", func() { small("", false, "") })
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

// lampiran writes l from a new page, as the PDF prints it: the lines that say
// whose lampiran it is in the right part of the page, the title centred, then
// the table, its header row repeated on every page. Both are tables of ours,
// which the reader passes over when the file comes back.
func (w *writer) lampiran(l naskah.Lampiran, line int) {
	b := &w.b
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleSignature + `"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>`)
	left := w.textW * 45 / 100
	fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/>`+
		`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`+
		`<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="%d"/><w:gridCol w:w="%d"/></w:tblGrid>`,
		tableLampiran, w.textW, left, w.textW-left)
	b.WriteString(`<w:tr><w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(left) + `" w:type="dxa"/></w:tcPr>`)
	w.open(pPr{style: styleSignature})
	w.close()
	b.WriteString(`</w:tc><w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w.textW-left) + `" w:type="dxa"/></w:tcPr>`)
	for _, h := range l.Heading {
		w.open(pPr{style: styleSignature, align: "left"})
		w.run(h, false)
		w.close()
	}
	b.WriteString(`</w:tc></w:tr><w:tr><w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w.textW) + `" w:type="dxa"/><w:gridSpan w:val="2"/></w:tcPr>`)
	w.open(pPr{style: styleSignature, align: "center", before: line, after: line / 2})
	w.run(l.Title, true)
	w.close()
	b.WriteString(`</w:tc></w:tr></w:tbl>`)
	w.open(pPr{style: styleSignature}) // two tables side by side would be merged into one
	w.close()

	total := 0.0
	for _, v := range l.Widths {
		total += v
	}
	widths := make([]int, len(l.Header))
	for i := range widths {
		share := 1.0 / float64(len(widths))
		if i < len(l.Widths) && total > 0 {
			share = l.Widths[i] / total
		}
		widths[i] = int(float64(w.textW) * share)
	}
	fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/>`+
		`<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>`+
		`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`,
		tableLampiran, w.textW)
	for _, wd := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, wd)
	}
	b.WriteString(`</w:tblGrid>`)
	row := func(cells []string, header bool) {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		for i, wd := range widths {
			text := ""
			if i < len(cells) {
				text = cells[i]
			}
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, wd)
			if header {
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E6E6E6"/><w:vAlign w:val="center"/>`)
			}
			b.WriteString(`</w:tcPr>`)
			align := "left"
			if header {
				align = "center"
			}
			w.open(pPr{style: styleSignature, align: align})
			fmt.Fprintf(b, `<w:r><w:rPr>%s<w:sz w:val="%d"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`,
				map[bool]string{true: "<w:b/>"}[header], int((w.p.FontSize-1)*2), esc(text))
			w.close()
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	row(l.Header, true)
	for _, r := range l.Rows {
		row(r, false)
	}
	b.WriteString(`</w:tbl>`)
}

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP      = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	relBase   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

func contentTypes(comments bool) string {
	s := xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
		`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
		`<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>`
	if comments {
		s += `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>`
	}
	return s + `</Types>`
}

const rootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` +
	`<Relationship Id="rId4" Type="` + relBase + `custom-properties" Target="docProps/custom.xml"/>` +
	`</Relationships>`

func documentRels(images []picture) string {
	s := xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="` + relBase + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="` + relBase + `settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdHeader" Type="` + relBase + `header" Target="header1.xml"/>` +
		`<Relationship Id="rIdHeaderFirst" Type="` + relBase + `header" Target="header2.xml"/>`
	for _, im := range images {
		s += `<Relationship Id="` + im.rel + `" Type="` + relBase + `image" Target="` + im.target + `"/>`
	}
	return s + `</Relationships>`
}

const appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Sepakat</Application></Properties>`

const settingsXML = xmlHeader + `<w:settings xmlns:w="` + nsW + `"><w:defaultTabStop w:val="567"/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

func coreXML(m naskah.Meta, made time.Time) string {
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(m.Title) + `</dc:title><dc:subject>` + esc(m.Subject) + `</dc:subject><dc:creator>` + esc(m.Author) + `</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + made.UTC().Format(time.RFC3339) + `</dcterms:created>` +
		`</cp:coreProperties>`
}

func customXML(m Marker) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	props := [][2]string{{propID, strconv.FormatUint(m.ID, 10)}, {propRev, strconv.FormatUint(m.Rev, 10)}, {propCode, m.Code}, {propFingerprint, m.Fingerprint}}
	for i, p := range props {
		fmt.Fprintf(&b, `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" name="%s"><vt:lpwstr>%s</vt:lpwstr></property>`, i+2, p[0], esc(p[1]))
	}
	b.WriteString(`</Properties>`)
	return b.String()
}

// headerXML is a page header: the page number centred (from the second
// page on, numbered) and, on a draft, "KONSEP" at the right margin.
func headerXML(halaman, draft bool, width int, numbered bool) string {
	fld := func(instr, shown string) string {
		return `<w:fldSimple w:instr=" ` + instr + ` "><w:r><w:t>` + shown + `</w:t></w:r></w:fldSimple>`
	}
	t := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	tab := `<w:r><w:tab/></w:r>`
	body := tab // to the centre
	if numbered {
		body += t("- ") + fld("PAGE", "2") + t(" -")
		if halaman {
			body = tab + t("Halaman ") + fld("PAGE", "2") + t(" dari ") + fld("NUMPAGES", "2")
		}
	}
	if draft {
		body += tab + `<w:r><w:rPr><w:b/><w:color w:val="A0A0A0"/></w:rPr><w:t>KONSEP</w:t></w:r>`
	}
	return xmlHeader + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:tabs>` +
		fmt.Sprintf(`<w:tab w:val="center" w:pos="%d"/><w:tab w:val="right" w:pos="%d"/>`, width/2, width) +
		`</w:tabs><w:jc w:val="left"/></w:pPr>` + body + `</w:p></w:hdr>`
}

func stylesXML(p Page) string {
	font := "Times New Roman"
	if p.Font == "sans" {
		font = "Arial"
	}
	size := int(p.FontSize*2 + 0.5)
	line := int(240*p.LineSpacing + 0.5)
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles xmlns:w="` + nsW + `">`)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:cs="%[1]s" w:eastAsia="%[1]s"/>`+
		`<w:sz w:val="%[2]d"/><w:szCs w:val="%[2]d"/><w:lang w:val="id-ID"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="%[3]d" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`,
		font, size, line)
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	centred := map[string]bool{styleTitle: true, styleNumber: true, styleBab: true, stylePasal: true, styleHeading: true, styleSignature: true}
	bold := map[string]bool{styleTitle: true, styleBab: true, stylePasal: true, styleHeading: true}
	for _, id := range []string{styleTitle, styleNumber, styleOpening, stylePremis, styleLegal, styleBab, stylePasal, styleHeading, styleBody, styleClosing, styleSignature} {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>`, id, styleNames[id])
		if centred[id] {
			b.WriteString(`<w:jc w:val="center"/>`)
		} else {
			b.WriteString(`<w:jc w:val="both"/>`)
		}
		b.WriteString(`</w:pPr>`)
		if bold[id] {
			b.WriteString(`<w:rPr><w:b/></w:rPr>`)
		}
		b.WriteString(`</w:style>`)
	}
	fmt.Fprintf(&b, `<w:style w:type="table" w:customStyle="1" w:styleId="%s"><w:name w:val="Sepakat Tabel Tanda Tangan"/><w:basedOn w:val="TableNormal"/></w:style>`, tableSignature)
	fmt.Fprintf(&b, `<w:style w:type="table" w:customStyle="1" w:styleId="%s"><w:name w:val="Sepakat Tabel Lambang"/><w:basedOn w:val="TableNormal"/></w:style>`, tableLambang)
	fmt.Fprintf(&b, `<w:style w:type="table" w:customStyle="1" w:styleId="%s"><w:name w:val="Sepakat Tabel Paraf"/><w:basedOn w:val="TableNormal"/></w:style>`, tableParaf)
	fmt.Fprintf(&b, `<w:style w:type="table" w:customStyle="1" w:styleId="%s"><w:name w:val="Sepakat Tabel Lampiran"/><w:basedOn w:val="TableNormal"/></w:style>`, tableLampiran)
	b.WriteString(`</w:styles>`)
	return b.String()
}
