// Command odt writes an agreement from a Sepakat data file as an OpenDocument text
// file with the same words and paragraphs as its PDF, so that bench/pdf.sh can time
// LibreOffice converting the equivalent document.
//
//	go run ./bench/odt --db FILE --id ID -o FILE.odt
package main

import (
	"archive/zip"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"strings"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
	"sepakat/internal/store"
)

func main() {
	db := flag.String("db", "", "data file")
	id := flag.Uint64("id", 0, "agreement ID")
	out := flag.String("o", "", "output .odt")
	flag.Parse()
	if err := run(*db, agreement.ID(*id), *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(db string, id agreement.ID, out string) error {
	s, err := store.Open(db, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	a, err := s.Agreement(id)
	if err != nil {
		return err
	}
	lib, err := naskah.Shipped()
	if err != nil {
		return err
	}
	d, err := naskah.Build(&a, s, lib, naskah.Options{})
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	z := zip.NewWriter(f)
	// The mimetype entry comes first and uncompressed.
	w, err := z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		return err
	}
	w.Write([]byte("application/vnd.oasis.opendocument.text"))
	w, _ = z.Create("META-INF/manifest.xml")
	w.Write([]byte(manifest))
	w, _ = z.Create("content.xml")
	w.Write([]byte(content(d)))
	return z.Close()
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func content(d *naskah.Document) string {
	var b strings.Builder
	b.WriteString(head)
	p := func(style, text string) {
		fmt.Fprintf(&b, `<text:p text:style-name="%s">%s</text:p>`, style, esc(text))
	}
	items := func(list []naskah.Item) {
		var walk func(list []naskah.Item, depth int)
		walk = func(list []naskah.Item, depth int) {
			for _, it := range list {
				p(fmt.Sprintf("L%d", min(depth, 3)), it.Label+"\t"+it.Text.Plain())
				walk(it.Children, depth+1)
			}
		}
		walk(list, 0)
	}
	for _, t := range d.Title {
		p("Title", t)
	}
	for _, n := range d.Numbers {
		p("Center", n.Label+" : "+n.Number)
	}
	p("Body", d.Opening.Plain())
	items(d.Komparisi)
	p("Body", d.Together.Plain())
	p("Body", d.PremisIntro.Plain())
	items(d.Premises)
	p("Body", d.LegalIntro.Plain())
	items(d.LegalBases)
	p("Body", d.Agreement.Plain())
	for _, s := range d.Body {
		p("Title", s.Label)
		p("Title", s.Heading)
		if s.Intro.Plain() != "" {
			p("Body", s.Intro.Plain())
		}
		items(s.Items)
	}
	p("Body", d.Closing.Plain())
	for _, s := range d.Signatures {
		p("Center", s.Role)
		p("Center", s.Jabatan)
		p("Center", "")
		p("Center", "")
		p("Title", s.Name)
		if s.NIP != "" {
			p("Center", s.Pangkat)
			p("Center", s.NIP)
		}
	}
	b.WriteString(tail)
	return b.String()
}

const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`

const head = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">
<office:automatic-styles>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt"/></style:style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:line-height="115%"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt"/></style:style>
<style:style style:name="L0" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-left="0.8cm" fo:text-indent="-0.8cm"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt"/></style:style>
<style:style style:name="L1" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-left="1.6cm" fo:text-indent="-0.8cm"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt"/></style:style>
<style:style style:name="L2" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-left="2.4cm" fo:text-indent="-0.8cm"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt"/></style:style>
<style:style style:name="L3" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-left="3.2cm" fo:text-indent="-0.8cm"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt"/></style:style>
</office:automatic-styles>
<office:body><office:text>`

const tail = `</office:text></office:body></office:document-content>`
