package docx

import (
	"bytes"
	"strings"
	"testing"
)

func read(t testing.TB, data []byte) *Received {
	t.Helper()
	rec, err := Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestUnchangedFileHasNoChanges: our own file read back says exactly what
// the document says, for the examples and a 40-pasal PKS.
func TestUnchangedFileHasNoChanges(t *testing.T) {
	s := examples(t)
	for id := 1; id <= 4; id++ {
		a, err := s.Agreement(agreementID(id))
		if err != nil {
			if id == 4 {
				a, d := pks40(t, s)
				check(t, "pks40", a.ID, d)
			}
			continue
		}
		check(t, "example", a.ID, build(t, s, &a))
	}
}

// TestLambang: the coats of arms go into the file as images in our table, and
// read back as no change and nothing left out.
func TestLambang(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(1)
	d := build(t, s, &a)
	if len(d.Lambang) != 2 {
		t.Fatalf("%d lambang", len(d.Lambang))
	}
	withLambang(t, d)
	data := writeDocx(t, d, DefaultPage(), markerOf(a, d))
	p := openPkg(t, data)
	if len(p.parts["word/media/lambang1.png"]) == 0 || len(p.parts["word/media/lambang2.jpeg"]) == 0 ||
		strings.Count(p.parts["word/document.xml"], "<w:drawing>") != 2 || !strings.Contains(p.parts["word/_rels/document.xml.rels"], `Target="media/lambang2.jpeg"`) {
		t.Fatal("the lambang are not in the file")
	}
	rec := read(t, data)
	if changes := Compare(OutlineOf(d), rec.Outline); len(changes) != 0 || len(rec.Ignored) != 0 {
		t.Errorf("lambang read back: %v, ignored %v", describe(changes), rec.Ignored)
	}
	// One that cannot be read leaves its place empty.
	d.Lambang[0].Image = []byte("bukan gambar")
	p = openPkg(t, writeDocx(t, d, DefaultPage(), markerOf(a, d)))
	if strings.Count(p.parts["word/document.xml"], "<w:drawing>") != 1 {
		t.Error("an unreadable lambang was written")
	}
}

func TestKeepPhrases(t *testing.T) {
	got := keep("KEPALA DINAS PENANAMAN MODAL KABUPATEN LAMPUNG SELATAN,", []string{"KABUPATEN LAMPUNG SELATAN", "LAMPUNG SELATAN"})
	if got != "KEPALA DINAS PENANAMAN MODAL KABUPATEN LAMPUNG\u00a0SELATAN," {
		t.Errorf("%q", got)
	}
}

// TestDraftHeader: a draft's pages say KONSEP in the header, and the page
// number from the second page on; a signed one's do not.
func TestDraftHeader(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(1)
	d := build(t, s, &a)
	for _, draft := range []bool{true, false} {
		d.Draft = draft
		p := openPkg(t, writeDocx(t, d, DefaultPage(), markerOf(a, d)))
		first, rest := p.parts["word/header2.xml"], p.parts["word/header1.xml"]
		if strings.Contains(first, "KONSEP") != draft || strings.Contains(rest, "KONSEP") != draft || !strings.Contains(rest, `w:instr=" PAGE "`) || strings.Contains(first, "PAGE") {
			t.Errorf("draft %v: first %q, rest %q", draft, first, rest)
		}
		if !strings.Contains(p.parts["word/document.xml"], `<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>`) {
			t.Error("no first-page header")
		}
	}
}
