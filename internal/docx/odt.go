package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// readODT reads an OpenDocument text (.odt), as LibreOffice saves it: the
// same roles by style name, tracked changes, annotations and the marker in
// the user-defined properties.
func readODT(files map[string]*zip.File) (*Received, error) {
	content := files["content.xml"]
	if content == nil {
		return nil, fail(ProblemCorrupt, nil)
	}
	roles := map[string]string{}
	if f := files["styles.xml"]; f != nil {
		data, err := readPart(f)
		if err != nil {
			return nil, err
		}
		odtStyleRoles(data, roles)
	}
	var marker *Marker
	if f := files["meta.xml"]; f != nil {
		data, err := readPart(f)
		if err != nil {
			return nil, err
		}
		marker = odtMarker(data)
	}
	rc, err := openPart(content)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	rd := &reading{}
	comments := map[string]Comment{}
	if err := rd.odt(xml.NewDecoder(rc), roles, comments); err != nil {
		return nil, xmlError(err)
	}
	rec := rd.outline(comments)
	rec.Marker, rec.Format = marker, "odt"
	return rec, nil
}

// odtRole is the role of a style name as LibreOffice writes it
// ("Sepakat_20_Judul_20_Pasal") or shows it ("Sepakat Judul Pasal").
func odtRole(name string) (string, bool) {
	name = strings.ToLower(strings.ReplaceAll(name, "_20_", " "))
	for id, n := range styleNames {
		if strings.ToLower(n) == name {
			return id, true
		}
	}
	return "", false
}

// odtStyleRoles maps style names to roles, following parent styles (the
// automatic styles of content.xml name ours as their parent).
func odtStyleRoles(data []byte, roles map[string]string) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "style" {
			odtStyle(se, roles)
		}
	}
}

func odtStyle(se xml.StartElement, roles map[string]string) {
	name := attr(se, "name")
	for _, n := range []string{name, attr(se, "display-name"), attr(se, "parent-style-name")} {
		if role, ok := odtRole(n); ok {
			roles[name] = role
			return
		}
		if role, ok := roles[n]; ok && n != "" {
			roles[name] = role
			return
		}
	}
}

func odtMarker(data []byte) *Marker {
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
			if t.Name.Local == "user-defined" {
				name = attr(t, "name")
				val.Reset()
			}
		case xml.EndElement:
			if t.Name.Local == "user-defined" && name != "" {
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

// odtRegion is a tracked change of an .odt.
type odtRegion struct {
	kind         RevisionKind
	author, date string
	text         string // the deleted text
}

// plainText reads the text of the element just opened, to its end.
func plainText(d *xml.Decoder) (string, error) {
	var b strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "p", "h":
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
			case "s", "tab", "line-break":
				b.WriteByte(' ')
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			b.Write(t)
		}
	}
	return b.String(), nil
}

// odt walks content.xml once.
func (rd *reading) odt(d *xml.Decoder, roles map[string]string, comments map[string]Comment) error {
	regions := map[string]odtRegion{}
	var cur *para
	var open []odtRegion // insertions open in the text
	table := 0
	var tableText strings.Builder
	tableOurs := false
	annotations, lists := 0, 0
	write := func(s string) {
		switch {
		case table > 0:
			tableText.WriteString(s)
		case cur != nil:
			cur.text.WriteString(s)
			if n := len(open); n > 0 {
				r := open[n-1]
				if k := len(cur.revs); k > 0 && cur.revs[k-1].Kind == Inserted && cur.revs[k-1].Author == r.author && cur.revs[k-1].Date == r.date {
					cur.revs[k-1].Text += s
				} else {
					cur.revs = append(cur.revs, Revision{Kind: Inserted, Author: r.author, Date: r.date, Text: s})
				}
			}
		}
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
			case "style":
				odtStyle(t, roles)
			case "changed-region":
				id := attr(t, "id")
				reg, err := odtChange(d)
				if err != nil {
					return err
				}
				regions[id] = reg
			case "table":
				if table == 0 {
					tableText.Reset()
					tableOurs = false
				}
				table++
			case "p", "h":
				if table > 0 {
					tableText.WriteByte(' ')
					role := roles[attr(t, "style-name")]
					tableOurs = tableOurs || role == styleSignature || role == styleTitle
					continue
				}
				if len(rd.paras) >= MaxParagraphs {
					return fail(ProblemTooLong, nil, MaxParagraphs)
				}
				// In a list Writer numbers, the label is not in the text.
				cur = &para{numbered: lists > 0}
				if role, ok := roles[attr(t, "style-name")]; ok {
					cur.role = role
					rd.styled = true
				}
				rd.paras = append(rd.paras, cur)
			case "list":
				lists++
			case "s":
				n, err := strconv.Atoi(attr(t, "c"))
				if err != nil || n < 1 {
					n = 1
				}
				write(strings.Repeat(" ", min(n, 100)))
			case "tab":
				write("\t")
			case "line-break":
				write(" ")
			case "change-start":
				if r, ok := regions[attr(t, "change-id")]; ok && r.kind == Inserted {
					open = append(open, r)
				}
			case "change-end":
				if len(open) > 0 {
					open = open[:len(open)-1]
				}
			case "change":
				if r, ok := regions[attr(t, "change-id")]; ok && r.kind == Deleted && cur != nil && table == 0 {
					cur.revs = append(cur.revs, Revision{Kind: Deleted, Author: r.author, Date: r.date, Text: r.text})
				}
			case "frame", "image", "object":
				if table == 0 {
					rd.ignore(IgnoredImage)
				}
				if err := d.Skip(); err != nil {
					return err
				}
			case "note":
				if table == 0 {
					rd.ignore(IgnoredFootnote)
				}
				if err := d.Skip(); err != nil {
					return err
				}
			case "annotation":
				c, err := odtAnnotation(d)
				if err != nil {
					return err
				}
				if cur != nil && table == 0 {
					annotations++
					id := "odt-" + strconv.Itoa(annotations)
					comments[id] = c
					cur.comments = append(cur.comments, id)
				}
			case "tracked-changes":
				// regions follow as changed-region elements
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "list":
				lists--
			case "table":
				table--
				if table == 0 {
					text := tableText.String()
					if !tableOurs && !strings.Contains(text, "PIHAK PERTAMA") && !strings.Contains(text, "PIHAK KEDUA") {
						rd.ignore(IgnoredTable)
					}
				}
			case "p", "h":
				if table == 0 {
					cur = nil
				}
			}
		case xml.CharData:
			write(string(t))
		}
	}
}

// odtChange reads a text:changed-region just opened.
func odtChange(d *xml.Decoder) (odtRegion, error) {
	var r odtRegion
	var field *string
	depth := 1
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			return r, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "insertion":
				r.kind = Inserted
			case "deletion":
				r.kind = Deleted
			case "format-change":
				r.kind = ""
			case "creator":
				field = &r.author
			case "date":
				field = &r.date
			case "p", "h":
				text, err := plainText(d)
				if err != nil {
					return r, err
				}
				depth--
				r.text = strings.TrimSpace(r.text + " " + text)
			}
		case xml.EndElement:
			depth--
			field = nil
		case xml.CharData:
			if field != nil {
				*field += string(t)
			}
		}
	}
	return r, nil
}

// odtAnnotation reads an office:annotation just opened.
func odtAnnotation(d *xml.Decoder) (Comment, error) {
	var c Comment
	var field *string
	var text strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			return c, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "creator":
				field = &c.Author
			case "date":
				field = &c.Date
			case "p", "h":
				s, err := plainText(d)
				if err != nil {
					return c, err
				}
				depth--
				text.WriteString(s + " ")
			}
		case xml.EndElement:
			depth--
			field = nil
		case xml.CharData:
			if field != nil {
				*field += string(t)
			}
		}
	}
	c.Text = normSpace(text.String())
	return c, nil
}
