package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"sepakat/internal/i18n"
)

// Limits that keep reading a partner's file bounded in time and memory.
const (
	// MaxFileSize is the largest file read (an agreement with lambang is
	// well under 5 MB).
	MaxFileSize = 50 << 20
	// MaxParagraphs stops reading a document far longer than an agreement
	// (a 40-pasal PKS has about 400 paragraphs).
	MaxParagraphs = 5000
	// maxPart bounds one decompressed part (document.xml), against zip bombs.
	maxPart = 64 << 20
)

// Ignored is a kind of content in the partner's file that the comparison
// leaves out, and where it stood.
type Ignored struct {
	What  IgnoredKind
	Where string // block key: "Pasal 3", "Pembukaan"
	Count int
}

// IgnoredKind is what was left out.
type IgnoredKind string

const (
	IgnoredImage    IgnoredKind = "gambar"
	IgnoredTable    IgnoredKind = "tabel"
	IgnoredFootnote IgnoredKind = "catatan kaki"
)

// Received is a partner's file as read.
type Received struct {
	Outline Outline
	// Marker is the file's tie to an agreement; nil when it has none (a file
	// retyped, or the properties removed).
	Marker  *Marker
	Format  string // "docx" or "odt"
	Ignored []Ignored
	// Paragraphs counts the paragraphs read.
	Paragraphs int
}

// Check refuses a file made for another agreement (id) or from a revision
// older than lastSent (0: nothing sent yet). A file without a marker passes.
func (r *Received) Check(id, lastSent uint64, code string) error {
	m := r.Marker
	if m == nil {
		return nil
	}
	if m.ID != id {
		other := m.Code
		if other == "" {
			other = "#" + strconv.FormatUint(m.ID, 10)
		}
		return fail(ProblemOtherAgreement, nil, other, code)
	}
	if lastSent > 0 && m.Rev < lastSent {
		return fail(ProblemOlderRevision, nil, m.Rev, lastSent)
	}
	return nil
}

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// An encrypted OOXML file is an OLE container with these streams.
	oleEncrypted = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")
)

// Read reads a partner's .docx (or .odt) of size bytes.
func Read(r io.ReaderAt, size int64) (*Received, error) {
	if size > MaxFileSize {
		return nil, fail(ProblemTooLong, nil, MaxParagraphs)
	}
	head := make([]byte, 8)
	if n, _ := r.ReadAt(head, 0); n < 4 {
		return nil, fail(ProblemCorrupt, nil)
	}
	if bytes.Equal(head, oleMagic) {
		data, err := io.ReadAll(io.NewSectionReader(r, 0, size))
		if err != nil {
			return nil, fail(ProblemCorrupt, err)
		}
		if bytes.Contains(data, oleEncrypted) {
			return nil, fail(ProblemEncrypted, nil)
		}
		return nil, fail(ProblemOldWord, nil)
	}
	if !bytes.HasPrefix(head, []byte("PK")) {
		return nil, fail(ProblemNotDocument, nil)
	}
	z, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fail(ProblemCorrupt, err)
	}
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[f.Name] = f
	}
	if _, ok := files["word/document.xml"]; ok {
		return readDocx(files)
	}
	if mt, ok := files["mimetype"]; ok {
		data, err := readPart(mt)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(string(data)) == "application/vnd.oasis.opendocument.text" {
			return readODT(files)
		}
		return nil, fail(ProblemNotDocument, nil)
	}
	if _, ok := files["[Content_Types].xml"]; ok && (files["xl/workbook.xml"] != nil || files["ppt/presentation.xml"] != nil) {
		return nil, fail(ProblemNotDocument, nil)
	}
	return nil, fail(ProblemCorrupt, errors.New("no word/document.xml"))
}

// readPart reads one zip entry whole, refusing one larger than maxPart.
func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fail(ProblemCorrupt, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, fail(ProblemCorrupt, err)
	}
	if len(data) > maxPart {
		return nil, fail(ProblemTooLong, nil, MaxParagraphs)
	}
	return data, nil
}

// openPart streams one zip entry, bounded by maxPart.
func openPart(f *zip.File) (io.ReadCloser, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fail(ProblemCorrupt, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&limited{r: rc, n: maxPart}, rc}, nil
}

// limited is io.LimitReader that fails past its limit instead of ending.
type limited struct {
	r io.Reader
	n int64
}

var errPartTooLarge = errors.New("part too large")

func (l *limited) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errPartTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// xmlError turns a decoding error of a part into the file's problem.
func xmlError(err error) error {
	if errors.Is(err, errPartTooLarge) {
		return fail(ProblemTooLong, nil, MaxParagraphs)
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return fail(ProblemCorrupt, err)
}

// para is a paragraph as read from the file, before it is placed.
type para struct {
	role     string // one of our style IDs, or ""
	text     strings.Builder
	revs     []Revision
	comments []string
	numbered bool
}

// reading collects a document's paragraphs and what was left out.
type reading struct {
	paras   []*para
	ignored []ignoredAt
	styled  bool
}

type ignoredAt struct {
	what  IgnoredKind
	after int // index of the paragraph before it
}

func (rd *reading) ignore(what IgnoredKind) {
	rd.ignored = append(rd.ignored, ignoredAt{what, len(rd.paras) - 1})
}

func readDocx(files map[string]*zip.File) (*Received, error) {
	roles := map[string]string{}
	if f := files["word/styles.xml"]; f != nil {
		data, err := readPart(f)
		if err != nil {
			return nil, err
		}
		roles = styleRoles(data)
	}
	comments := map[string]Comment{}
	if f := files["word/comments.xml"]; f != nil {
		data, err := readPart(f)
		if err != nil {
			return nil, err
		}
		comments = readComments(data)
	}
	var marker *Marker
	if f := files["docProps/custom.xml"]; f != nil {
		data, err := readPart(f)
		if err != nil {
			return nil, err
		}
		marker = readMarker(data)
	}
	rc, err := openPart(files["word/document.xml"])
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	rd := &reading{}
	if err := rd.document(xml.NewDecoder(rc), roles); err != nil {
		return nil, xmlError(err)
	}
	rec := rd.outline(comments)
	rec.Marker, rec.Format = marker, "docx"
	return rec, nil
}

// styleRoles maps the file's paragraph style IDs to our roles, by ID or by
// the name Word shows (LibreOffice may rename IDs when it saves).
func styleRoles(data []byte) map[string]string {
	byName := map[string]string{}
	for id, name := range styleNames {
		byName[strings.ToLower(name)] = id
	}
	roles := map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(data))
	var id string
	for {
		tok, err := d.Token()
		if err != nil {
			return roles
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "style":
			id = attr(se, "styleId")
			if _, ours := styleNames[id]; ours {
				roles[id] = id
			}
		case "name":
			if role, ok := byName[strings.ToLower(attr(se, "val"))]; ok && id != "" {
				roles[id] = role
			}
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// readComments reads word/comments.xml: each comment's author, date and text.
func readComments(data []byte) map[string]Comment {
	out := map[string]Comment{}
	d := xml.NewDecoder(bytes.NewReader(data))
	var id string
	var cur Comment
	var text strings.Builder
	inT := false
	for {
		tok, err := d.Token()
		if err != nil {
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "comment":
				id, cur = attr(t, "id"), Comment{Author: attr(t, "author"), Date: attr(t, "date")}
				text.Reset()
			case "p":
				if text.Len() > 0 {
					text.WriteByte(' ')
				}
			case "t":
				inT = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "comment":
				cur.Text = normSpace(text.String())
				out[id] = cur
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				text.Write(t)
			}
		}
	}
}

// readMarker reads our properties from docProps/custom.xml.
func readMarker(data []byte) *Marker {
	props := map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(data))
	var name string
	var val strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "property" {
				name = attr(t, "name")
				val.Reset()
			}
		case xml.EndElement:
			if t.Name.Local == "property" {
				props[name] = strings.TrimSpace(val.String())
				name = ""
			}
		case xml.CharData:
			if name != "" {
				val.Write(t)
			}
		}
	}
	return markerFrom(props)
}

func markerFrom(props map[string]string) *Marker {
	id, err := strconv.ParseUint(props[propID], 10, 64)
	if err != nil || id == 0 {
		return nil
	}
	rev, _ := strconv.ParseUint(props[propRev], 10, 64)
	return &Marker{ID: id, Rev: rev, Code: props[propCode], Fingerprint: props[propFingerprint]}
}

// revState is an open w:ins or w:del.
type revState struct {
	kind         RevisionKind
	author, date string
}

// document walks word/document.xml once, collecting paragraphs with their
// accepted text, tracked changes and comment anchors.
func (rd *reading) document(d *xml.Decoder, roles map[string]string) error {
	var cur *para
	var revs []revState
	inRun, inT, inDelT, inPPr := 0, false, false, 0
	table := 0
	var tableText strings.Builder
	tableOurs := false
	appendRev := func(kind RevisionKind, text string) {
		if cur == nil || len(revs) == 0 {
			return
		}
		r := revs[len(revs)-1]
		if n := len(cur.revs); n > 0 {
			last := &cur.revs[n-1]
			if last.Kind == kind && last.Author == r.author && last.Date == r.date {
				last.Text += text
				return
			}
		}
		cur.revs = append(cur.revs, Revision{Kind: kind, Author: r.author, Date: r.date, Text: text})
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				if table == 0 {
					tableText.Reset()
					tableOurs = false
				}
				table++
			case "tblStyle":
				tableOurs = tableOurs || slices.Contains([]string{tableSignature, tableLambang, tableParaf, tableLampiran}, attr(t, "val"))
			case "p":
				if table > 0 {
					tableText.WriteByte(' ')
					continue
				}
				if len(rd.paras) >= MaxParagraphs {
					return fail(ProblemTooLong, nil, MaxParagraphs)
				}
				cur = &para{}
				rd.paras = append(rd.paras, cur)
			case "pPr":
				inPPr++
			case "pStyle":
				if cur != nil && table == 0 {
					if role, ok := roles[attr(t, "val")]; ok {
						cur.role = role
						rd.styled = true
					}
				}
			case "numPr":
				if cur != nil && table == 0 && inPPr > 0 {
					cur.numbered = true
				}
			case "r":
				inRun++
			case "ins", "moveTo":
				revs = append(revs, revState{Inserted, attr(t, "author"), attr(t, "date")})
			case "del", "moveFrom":
				revs = append(revs, revState{Deleted, attr(t, "author"), attr(t, "date")})
			case "t":
				inT = true
			case "delText":
				inDelT = true
			case "tab":
				if inRun > 0 && cur != nil && table == 0 {
					cur.text.WriteByte('\t')
				}
			case "br", "cr":
				if inRun > 0 && cur != nil && table == 0 {
					cur.text.WriteByte(' ')
				}
			case "noBreakHyphen":
				if cur != nil && table == 0 {
					cur.text.WriteByte('-')
				}
			case "drawing", "pict", "object":
				if table == 0 {
					rd.ignore(IgnoredImage)
				}
				if err := d.Skip(); err != nil {
					return err
				}
			case "footnoteReference", "endnoteReference":
				if table == 0 {
					rd.ignore(IgnoredFootnote)
				}
			case "commentRangeStart", "commentReference":
				if cur != nil && table == 0 {
					id := attr(t, "id")
					seen := false
					for _, c := range cur.comments {
						seen = seen || c == id
					}
					if !seen {
						cur.comments = append(cur.comments, id)
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "tbl":
				table--
				if table == 0 {
					text := tableText.String()
					if !tableOurs && !strings.Contains(text, "PIHAK PERTAMA") && !strings.Contains(text, "PIHAK KEDUA") {
						rd.ignore(IgnoredTable)
					}
				}
			case "pPr":
				inPPr--
			case "r":
				inRun--
			case "ins", "moveTo", "del", "moveFrom":
				if len(revs) > 0 {
					revs = revs[:len(revs)-1]
				}
			case "t":
				inT = false
			case "delText":
				inDelT = false
			case "p":
				if table == 0 {
					cur = nil
				}
			}
		case xml.CharData:
			switch {
			case table > 0:
				if inT {
					tableText.Write(t)
				}
			case cur == nil:
			case inT && inRun > 0:
				deleted := len(revs) > 0 && revs[len(revs)-1].kind == Deleted
				if !deleted {
					cur.text.Write(t)
					if len(revs) > 0 {
						appendRev(Inserted, string(t))
					}
				}
			case inDelT:
				appendRev(Deleted, string(t))
			}
		}
	}
}

var (
	pasalLabel = regexp.MustCompile(`^Pasal\s+(\d{1,3}|[IVXLCDM]{1,7})\b\s*(.*)$`)
	babLabel   = regexp.MustCompile(`^BAB\s+([IVXLCDM]{1,7}|\d{1,3})\b\s*(.*)$`)
	itemLabel  = regexp.MustCompile(`^(\(\d{1,3}\)|\d{1,3}\)|\d{1,3}\.|[a-z]{1,2}\.|[IVXLC]{1,6}\.)(\s+|$)`)
	numberLine = regexp.MustCompile(`^NOMOR\s*:\s*`)
)

// labelKind sorts item labels into their levels: "(1)", "a.", "1)", "1.", "I.".
func labelKind(label string) int {
	switch {
	case label == "":
		return 0
	case strings.HasPrefix(label, "("):
		return 1
	case strings.HasSuffix(label, ")"):
		return 3
	case label[0] >= 'a' && label[0] <= 'z':
		return 2
	case label[0] >= '0' && label[0] <= '9':
		return 4
	}
	return 5
}

func isUpper(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters = true
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters
}

// placing puts paragraphs into blocks.
type placing struct {
	out      Outline
	block    int // index of the current block, -1 before any
	stack    []string
	heading  bool // the paragraph after a pasal label may be its heading
	phase    int
	styled   bool
	unitOf   map[*para][2]int // paragraph → block, unit (-1: the heading or label)
	comments map[string]Comment
}

const (
	phaseFront = iota
	phaseBody
	phaseClosing
	phaseAfter
)

func (pl *placing) cur() *Block { return &pl.out.Blocks[pl.block] }

// to makes key the current block, reusing a front block already begun.
func (pl *placing) to(key string) {
	if !strings.HasPrefix(key, "Pasal ") && !strings.HasPrefix(key, "BAB ") {
		if pl.block >= 0 && pl.cur().Key == key {
			return
		}
		if i := indexOf(pl.out.Blocks, key); i >= 0 {
			pl.block = i
			pl.stack = nil
			return
		}
	}
	pl.out.Blocks = append(pl.out.Blocks, Block{Key: key})
	pl.block = len(pl.out.Blocks) - 1
	pl.stack = nil
}

func (rd *reading) outline(comments map[string]Comment) *Received {
	pl := &placing{block: -1, styled: rd.styled, unitOf: map[*para][2]int{}, comments: comments}
	pl.out.Styled = rd.styled
	where := make([]string, len(rd.paras))
	for i, p := range rd.paras {
		pl.place(p)
		if pl.block >= 0 {
			where[i] = pl.cur().Key
		}
	}
	rec := &Received{Paragraphs: len(rd.paras)}
	// Comments go to the block and paragraph they mark.
	for _, p := range rd.paras {
		at, ok := pl.unitOf[p]
		for _, id := range p.comments {
			c, known := comments[id]
			if !known || !ok {
				continue
			}
			b := &pl.out.Blocks[at[0]]
			if at[1] >= 0 {
				c.Path = b.Units[at[1]].Path
				if c.Path == "" {
					c.Path = b.Units[at[1]].Label
				}
			}
			b.Comments = append(b.Comments, c)
		}
	}
	for _, ig := range rd.ignored {
		w := BlockTitle
		if ig.after >= 0 && where[ig.after] != "" {
			w = where[ig.after]
		}
		if n := len(rec.Ignored); n > 0 && rec.Ignored[n-1].What == ig.what && rec.Ignored[n-1].Where == w {
			rec.Ignored[n-1].Count++
			continue
		}
		rec.Ignored = append(rec.Ignored, Ignored{What: ig.what, Where: w, Count: 1})
	}
	rec.Outline = pl.out
	return rec
}

func (pl *placing) place(p *para) {
	raw := strings.ReplaceAll(p.text.String(), "\u00a0", " ")
	t := normSpace(raw)
	if t == "" {
		if len(p.comments) > 0 && pl.block >= 0 {
			pl.unitOf[p] = [2]int{pl.block, -1}
		}
		return
	}
	role := p.role
	if pl.phase == phaseAfter {
		return
	}
	heading := pl.heading
	pl.heading = false
	// A pasal's label, with its heading when typed on the same line.
	if m := pasalLabel.FindStringSubmatch(t); m != nil && pl.phase <= phaseBody &&
		(role == stylePasal || m[2] == "" || (role != styleBody && role != styleOpening && role != stylePremis && role != styleLegal && (m[2] == "" || isUpper(m[2])))) {
		pl.phase = phaseBody
		pl.to("Pasal " + m[1])
		pl.cur().Heading = m[2]
		pl.heading = m[2] == ""
		pl.unitOf[p] = [2]int{pl.block, -1}
		return
	}
	if m := babLabel.FindStringSubmatch(t); m != nil && pl.phase <= phaseBody && (role == styleBab || role == "") && (m[2] == "" || isUpper(m[2])) {
		pl.phase = phaseBody
		pl.to("BAB " + m[1])
		pl.cur().Heading = m[2]
		pl.heading = m[2] == ""
		pl.unitOf[p] = [2]int{pl.block, -1}
		return
	}
	if heading && (role == styleHeading || role == styleBab || (role != styleBody && itemLabel.FindString(t) == "" && isUpper(t))) {
		pl.cur().Heading = t
		pl.unitOf[p] = [2]int{pl.block, -1}
		return
	}
	switch {
	case role == styleClosing || (pl.phase == phaseBody && role == "" && strings.HasPrefix(t, "Demikian")):
		pl.phase = phaseClosing
		pl.to(BlockClosing)
	case pl.phase == phaseClosing || role == styleSignature:
		pl.phase = phaseAfter
		return
	case pl.phase == phaseBody:
		// Any other paragraph after a pasal label is the pasal's text.
	case role == styleTitle:
		pl.to(BlockTitle)
	case role == styleNumber || numberLine.MatchString(t):
		pl.to(BlockNumbers)
		t = numberLine.ReplaceAllString(t, "NOMOR : ")
		pl.unit(p, Unit{Text: t}, false)
		return
	case role == styleOpening:
		pl.to(BlockOpening)
	case role == stylePremis:
		pl.to(BlockPremis)
	case role == styleLegal:
		pl.to(BlockLegal)
	case pl.block < 0 || pl.cur().Key == BlockTitle && indexOf(pl.out.Blocks, BlockNumbers) < 0:
		pl.to(BlockTitle)
	case pl.cur().Key == BlockNumbers:
		pl.to(BlockOpening)
	}
	if pl.cur().Key == BlockTitle {
		pl.unit(p, Unit{Text: t}, false)
		return
	}
	pl.content(p, t)
}

// content places running text or a numbered item in the current block,
// splitting items the partner merged and joining paragraphs split.
func (pl *placing) content(p *para, t string) {
	b := pl.cur()
	label := strings.TrimSpace(itemLabel.FindString(t))
	if label == "" {
		if p.numbered {
			// Word numbered it itself (the partner typed "(3)" and Word made
			// a list of it): the label follows the item before.
			label := "•"
			if n := len(b.Units); n > 0 {
				if next := successor(b.Units[n-1].Label); next != "" {
					label = next
				}
			}
			pl.unit(p, Unit{Label: label, Path: pl.path(label), Text: t}, false)
			return
		}
		// A paragraph split in two: the second half has no label. In a
		// pasal any text after the first is a continuation; before it, in
		// the opening, only text that ends no sentence.
		if n := len(b.Units); n > 0 {
			last := b.Units[n-1].Text
			if b.IsPasal() || (b.Units[n-1].Label != "" && !strings.ContainsAny(last[len(last)-1:], ".;:")) {
				pl.unit(p, Unit{Text: t}, true)
				return
			}
		}
		pl.stack = nil
		pl.unit(p, Unit{Text: t}, false)
		return
	}
	text := strings.TrimSpace(t[len(itemLabel.FindString(t)):])
	// Items merged into one paragraph: "(1) … (2) …".
	for {
		next := nextLabel(label)
		i := -1
		if next != "" {
			i = strings.Index(text, " "+next+" ")
		}
		if i < 0 {
			break
		}
		pl.unit(p, Unit{Label: label, Path: pl.path(label), Text: strings.TrimSpace(text[:i])}, false)
		label, text = next, strings.TrimSpace(text[i+len(next)+2:])
	}
	pl.unit(p, Unit{Label: label, Path: pl.path(label), Text: text}, false)
}

// nextLabel is the label after an ayat "(k)" or a "k)" item; others are not
// split, since "b." and "2." occur in running text.
func nextLabel(label string) string {
	inner := strings.Trim(label, "()")
	n, err := strconv.Atoi(inner)
	if err != nil {
		return ""
	}
	if strings.HasPrefix(label, "(") {
		return "(" + strconv.Itoa(n+1) + ")"
	}
	if strings.HasSuffix(label, ")") {
		return strconv.Itoa(n+1) + ")"
	}
	return ""
}

// successor is the label after label at the same level: "(3)" after "(2)",
// "c." after "b.", "3)" after "2)", "4." after "3."; "" for others.
func successor(label string) string {
	if next := nextLabel(label); next != "" {
		return next
	}
	body, ok := strings.CutSuffix(label, ".")
	if !ok || body == "" {
		return ""
	}
	if n, err := strconv.Atoi(body); err == nil {
		return strconv.Itoa(n+1) + "."
	}
	if len(body) == 1 && body[0] >= 'a' && body[0] < 'z' {
		return string(rune(body[0]+1)) + "."
	}
	return ""
}

// path puts label on the stack of labels above it and returns the path.
func (pl *placing) path(label string) string {
	k := labelKind(label)
	for i, l := range pl.stack {
		if labelKind(l) == k {
			pl.stack = pl.stack[:i]
			break
		}
	}
	pl.stack = append(pl.stack, label)
	return strings.Join(pl.stack, " ")
}

func (pl *placing) unit(p *para, u Unit, join bool) {
	b := pl.cur()
	u.Revisions = p.revs
	if join && len(b.Units) > 0 {
		last := &b.Units[len(b.Units)-1]
		last.Text = normSpace(last.Text + " " + u.Text)
		last.Revisions = append(last.Revisions, u.Revisions...)
		pl.unitOf[p] = [2]int{pl.block, len(b.Units) - 1}
		return
	}
	b.Units = append(b.Units, u)
	pl.unitOf[p] = [2]int{pl.block, len(b.Units) - 1}
}

var ignoredWords = map[IgnoredKind]i18n.Text{
	IgnoredImage:    {ID: "%d gambar di %s", EN: "%d image(s) in %s"},
	IgnoredTable:    {ID: "%d tabel di %s", EN: "%d table(s) in %s"},
	IgnoredFootnote: {ID: "%d catatan kaki di %s", EN: "%d footnote(s) in %s"},
}

// IgnoredText says what the comparison left out, in the user's language:
// "Tidak dibandingkan: 1 gambar di Pasal 2; 1 tabel di Pasal 4." or "".
func IgnoredText(list []Ignored, l i18n.Lang) string {
	if len(list) == 0 {
		return ""
	}
	var parts []string
	for _, ig := range list {
		parts = append(parts, ignoredWords[ig.What].In(l, ig.Count, ig.Where))
	}
	lead := i18n.Text{ID: "Tidak dibandingkan (diabaikan): ", EN: "Not compared (left out): "}
	return lead.In(l) + strings.Join(parts, "; ") + "."
}
