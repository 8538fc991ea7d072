package docx

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// cfb builds a compound file (the OLE container of .doc and of encrypted
// Office files) holding empty streams with the given names: a 512-byte
// header, one FAT sector and one directory sector.
func cfb(streams ...string) []byte {
	const free, endChain, fatSect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
	head := make([]byte, 512)
	copy(head, oleMagic)
	le := binary.LittleEndian
	le.PutUint16(head[0x18:], 0x003E) // minor version
	le.PutUint16(head[0x1A:], 0x0003) // major version 3
	le.PutUint16(head[0x1C:], 0xFFFE) // little-endian
	le.PutUint16(head[0x1E:], 9)      // 512-byte sectors
	le.PutUint16(head[0x20:], 6)      // 64-byte mini sectors
	le.PutUint32(head[0x2C:], 1)      // one FAT sector
	le.PutUint32(head[0x30:], 1)      // directory starts at sector 1
	le.PutUint32(head[0x38:], 4096)   // mini stream cutoff
	le.PutUint32(head[0x3C:], endChain)
	le.PutUint32(head[0x44:], endChain)
	for i := 0; i < 109; i++ {
		le.PutUint32(head[0x4C+4*i:], free)
	}
	le.PutUint32(head[0x4C:], 0) // the FAT is sector 0
	fat := make([]byte, 512)
	for i := 0; i < 128; i++ {
		le.PutUint32(fat[4*i:], free)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], endChain)
	dir := make([]byte, 512)
	entry := func(i int, name string, typ byte, child, right uint32) {
		e := dir[128*i : 128*(i+1)]
		u := utf16.Encode([]rune(name))
		for k, c := range u {
			le.PutUint16(e[2*k:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42], e[0x43] = typ, 1 // black
		le.PutUint32(e[0x44:], free)
		le.PutUint32(e[0x48:], right)
		le.PutUint32(e[0x4C:], child)
		le.PutUint32(e[0x74:], endChain)
	}
	entry(0, "Root Entry", 5, 1, free)
	for i, s := range streams {
		right := uint32(free)
		if i+1 < len(streams) && i+2 < 4 {
			right = uint32(i + 2)
		}
		entry(i+1, s, 2, free, right)
	}
	return append(append(head, fat...), dir...)
}

func problem(t *testing.T, name string, data []byte, want Problem) {
	t.Helper()
	_, err := Read(bytes.NewReader(data), int64(len(data)))
	if ProblemOf(err) != want {
		t.Errorf("%s: %v, want problem %d", name, err, want)
		return
	}
	// Every refusal has words of its own in both languages, not Go's.
	id, en := err.(*Error).Message("id"), err.(*Error).Message("en")
	if id == "" || en == "" || id == en || strings.Contains(id, "docx:") || strings.Contains(id, "%!") {
		t.Errorf("%s: words %q / %q", name, id, en)
	}
}

func TestBadFiles(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(1)
	d := build(t, s, &a)
	good := writeDocx(t, d, DefaultPage(), markerOf(a, d))

	problem(t, "old .doc", cfb("WordDocument", "1Table"), ProblemOldWord)
	problem(t, "encrypted .docx", cfb("EncryptionInfo", "EncryptedPackage"), ProblemEncrypted)
	problem(t, "truncated", good[:len(good)/2], ProblemCorrupt)
	problem(t, "empty", nil, ProblemCorrupt)
	problem(t, "a PDF", []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"), ProblemNotDocument)
	// A zip that is no document: a spreadsheet.
	x := openPkg(t, good)
	delete(x.parts, "word/document.xml")
	x.names = []string{"[Content_Types].xml", "xl/workbook.xml"}
	x.parts["xl/workbook.xml"] = "<workbook/>"
	problem(t, "a spreadsheet", x.bytes(), ProblemNotDocument)
	// A .docx whose document.xml is cut short.
	c := openPkg(t, good)
	c.set("word/document.xml", c.parts["word/document.xml"][:5000])
	problem(t, "broken XML", c.bytes(), ProblemCorrupt)
}

func TestMarkerChecks(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	d := build(t, s, &a)
	rec := read(t, writeDocx(t, d, DefaultPage(), Marker{ID: 3, Rev: 4, Code: "PKS-3"}))
	for _, c := range []struct {
		id, last uint64
		want     Problem
	}{{3, 0, 0}, {3, 4, 0}, {3, 3, 0}, {2, 0, ProblemOtherAgreement}, {3, 5, ProblemOlderRevision}} {
		err := rec.Check(c.id, c.last, fmt.Sprintf("X-%d", c.id))
		if ProblemOf(err) != c.want {
			t.Errorf("check(%d, %d): %v, want %d", c.id, c.last, err, c.want)
		}
	}
	msg := rec.Check(2, 0, "KSB-2").(*Error).Message("id")
	if !strings.Contains(msg, "PKS-3") || !strings.Contains(msg, "KSB-2") {
		t.Errorf("other agreement: %q", msg)
	}
	msg = rec.Check(3, 6, "PKS-3").(*Error).Message("en")
	if !strings.Contains(msg, "revision 4") || !strings.Contains(msg, "revision 6") {
		t.Errorf("older revision: %q", msg)
	}
	// A file without a marker (retyped) passes, and says so by a nil Marker.
	p := openPkg(t, writeDocx(t, d, DefaultPage(), Marker{ID: 3}))
	p.set("docProps/custom.xml", xmlHeader+`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>`)
	if r := read(t, p.bytes()); r.Marker != nil || r.Check(3, 9, "PKS-3") != nil {
		t.Errorf("no marker: %+v", r.Marker)
	}
}

// TestImagesTablesFootnotesAreNamed: what the comparison leaves out is
// listed with where it stood, and changes nothing in the text.
func TestImagesTablesFootnotesAreNamed(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	d := build(t, s, &a)
	p := openPkg(t, writeDocx(t, d, DefaultPage(), markerOf(a, d)))
	p21 := item(t, d, "Pasal 2", "(1)")
	p.edit(p21, "</w:t></w:r>", `</w:t></w:r><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="100" cy="100"/><w:txbxContent><w:p><w:r><w:t>teks di dalam gambar</w:t></w:r></w:p></w:txbxContent></wp:inline></w:drawing></w:r>`)
	p.after(item(t, d, "Pasal 4", "(1)"), `<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>Rincian anggaran</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`)
	p.edit(item(t, d, "Pasal 6", "(1)"), "</w:t></w:r>", `</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>`)
	rec := read(t, p.bytes())
	want := []Ignored{{IgnoredImage, "Pasal 2", 1}, {IgnoredTable, "Pasal 4", 1}, {IgnoredFootnote, "Pasal 6", 1}}
	if fmt.Sprint(rec.Ignored) != fmt.Sprint(want) {
		t.Errorf("ignored %v, want %v", rec.Ignored, want)
	}
	if changes := Compare(OutlineOf(d), rec.Outline); len(changes) != 0 {
		t.Errorf("left-out content changed the text:\n%s", describe(changes))
	}
	if got := IgnoredText(rec.Ignored, "id"); !strings.Contains(got, "1 gambar di Pasal 2") || !strings.Contains(got, "1 tabel di Pasal 4") || !strings.Contains(got, "1 catatan kaki di Pasal 6") {
		t.Errorf("words: %q", got)
	}
}

// TestFiveHundredPages: a document of 500 pages is refused early, in bounded
// time and memory.
func TestFiveHundredPages(t *testing.T) {
	var doc strings.Builder
	doc.WriteString(xmlHeader + `<w:document xmlns:w="` + nsW + `"><w:body>`)
	para := strings.Repeat("Kalimat panjang yang diulang untuk mengisi halaman dokumen. ", 6)
	for i := 0; i < 500*25; i++ {
		if i%40 == 0 {
			fmt.Fprintf(&doc, `<w:p><w:r><w:t>Pasal %d</w:t></w:r></w:p>`, i/40+1)
		}
		fmt.Fprintf(&doc, `<w:p><w:r><w:t>(%d) %s</w:t></w:r></w:p>`, i%40+1, para)
	}
	doc.WriteString(`</w:body></w:document>`)
	p := &pkg{t: t, parts: map[string]string{}}
	p.set("[Content_Types].xml", contentTypes(false))
	p.set("word/document.xml", doc.String())
	data := p.bytes()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := Read(bytes.NewReader(data), int64(len(data)))
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if ProblemOf(err) != ProblemTooLong {
		t.Fatalf("500 pages: %v", err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("500 pages (%d KB zipped, %d KB XML): refused in %v, %d MB allocated", len(data)>>10, doc.Len()>>10, took, alloc>>20)
	if took > 2*time.Second || alloc > 200<<20 {
		t.Errorf("500 pages: %v, %d MB", took, alloc>>20)
	}
}
