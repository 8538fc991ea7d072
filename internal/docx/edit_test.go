package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// pkg is a .docx opened for editing its parts, as a partner's Word would.
type pkg struct {
	t     testing.TB
	names []string
	parts map[string]string
}

func openPkg(t testing.TB, data []byte) *pkg {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	p := &pkg{t: t, parts: map[string]string{}}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		p.names = append(p.names, f.Name)
		p.parts[f.Name] = string(b)
	}
	return p
}

func (p *pkg) set(name, body string) {
	if _, ok := p.parts[name]; !ok {
		p.names = append(p.names, name)
	}
	p.parts[name] = body
}

func (p *pkg) bytes() []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, n := range p.names {
		w, err := z.Create(n)
		if err != nil {
			p.t.Fatal(err)
		}
		io.WriteString(w, p.parts[n])
	}
	if err := z.Close(); err != nil {
		p.t.Fatal(err)
	}
	return buf.Bytes()
}

// para finds the paragraph of document.xml holding text and returns its
// bounds.
func (p *pkg) para(text string) (start, end int) {
	p.t.Helper()
	doc := p.parts["word/document.xml"]
	i := strings.Index(doc, esc(text))
	if i < 0 || strings.Count(doc, esc(text)) != 1 {
		p.t.Fatalf("%d paragraphs hold %q", strings.Count(doc, esc(text)), text)
	}
	start = strings.LastIndex(doc[:i], "<w:p>")
	end = i + strings.Index(doc[i:], "</w:p>") + len("</w:p>")
	return start, end
}

// edit replaces old with new inside the paragraph holding anchor.
func (p *pkg) edit(anchor, old, new string) {
	p.t.Helper()
	s, e := p.para(anchor)
	doc := p.parts["word/document.xml"]
	in := doc[s:e]
	if !strings.Contains(in, old) {
		p.t.Fatalf("%q not in the paragraph of %q", old, anchor)
	}
	p.parts["word/document.xml"] = doc[:s] + strings.Replace(in, old, new, 1) + doc[e:]
}

// after inserts raw XML after the paragraph holding anchor.
func (p *pkg) after(anchor, raw string) {
	p.t.Helper()
	_, e := p.para(anchor)
	doc := p.parts["word/document.xml"]
	p.parts["word/document.xml"] = doc[:e] + raw + doc[e:]
}

// remove deletes the paragraph holding anchor.
func (p *pkg) remove(anchor string) {
	p.t.Helper()
	s, e := p.para(anchor)
	doc := p.parts["word/document.xml"]
	p.parts["word/document.xml"] = doc[:s] + doc[e:]
}

// comment adds a Word comment on the paragraph holding anchor.
func (p *pkg) comment(anchor, author, text string) {
	p.t.Helper()
	s, e := p.para(anchor)
	doc := p.parts["word/document.xml"]
	in := doc[s:e]
	body := strings.Index(in, "</w:pPr>") + len("</w:pPr>")
	in = in[:body] + `<w:commentRangeStart w:id="0"/>` + in[body:len(in)-len("</w:p>")] +
		`<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`
	p.parts["word/document.xml"] = doc[:s] + in + doc[e:]
	p.set("word/comments.xml", xmlHeader+`<w:comments xmlns:w="`+nsW+`"><w:comment w:id="0" w:author="`+author+`" w:date="2026-11-23T10:00:00Z" w:initials="M"><w:p><w:r><w:t>`+esc(text)+`</w:t></w:r></w:p></w:comment></w:comments>`)
	p.set("[Content_Types].xml", contentTypes(true))
	rels := p.parts["word/_rels/document.xml.rels"]
	p.set("word/_rels/document.xml.rels", strings.Replace(rels, "</Relationships>",
		`<Relationship Id="rIdComments" Type="`+relBase+`comments" Target="comments.xml"/></Relationships>`, 1))
}

func bodyPara(text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="SepakatIsi"/></w:pPr><w:r><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r></w:p>`
}
