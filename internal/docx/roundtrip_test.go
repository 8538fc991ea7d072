package docx

import (
	"fmt"
	"strings"
	"testing"

	"sepakat/internal/naskah"
)

// item returns the text of the item at labels in the pasal labelled pasal.
func item(t testing.TB, d *naskah.Document, pasal string, labels ...string) string {
	t.Helper()
	for _, s := range d.Body {
		if s.Label != pasal {
			continue
		}
		list := s.Items
		var it naskah.Item
		for _, l := range labels {
			found := false
			for _, c := range list {
				if c.Label == l {
					it, list, found = c, c.Children, true
					break
				}
			}
			if !found {
				t.Fatalf("%s %v: no item %s", pasal, labels, l)
			}
		}
		return it.Text.Plain()
	}
	t.Fatalf("no %s", pasal)
	return ""
}

func heading(t testing.TB, d *naskah.Document, pasal string) string {
	for _, s := range d.Body {
		if s.Label == pasal {
			return s.Heading
		}
	}
	t.Fatalf("no %s", pasal)
	return ""
}

func describe(cs []Change) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "  %s %q %s tracked=%v author=%q: %q → %q\n", c.Pasal, c.Where, c.Kind, c.Tracked, c.Author, c.Ours, c.Theirs)
	}
	return b.String()
}

// TestRoundTrip exports a draft, changes the .docx as a partner would (a word
// in an ayat, a new ayat, a deleted point, a renamed heading, a tracked
// insertion and deletion, a comment), reads it back and wants exactly those
// changes.
func TestRoundTrip(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	d := build(t, s, &a)
	data := partnerEdits(t, d, writeDocx(t, d, DefaultPage(), markerOf(a, d)))
	checkRoundTrip(t, d, read(t, data))
}

// partnerEdits changes our file of example 3 as the partner does in the
// round-trip test.
func partnerEdits(t *testing.T, d *naskah.Document, data []byte) []byte {
	p := openPkg(t, data)

	// A word in an ayat: Pasal 6 (1), its fourth word.
	p61 := item(t, d, "Pasal 6", "(1)")
	w := strings.Fields(p61)
	p.edit(p61, " "+w[3]+" ", " dikeluarkan ")
	// A new ayat after Pasal 6 (2).
	p.after(item(t, d, "Pasal 6", "(2)"), bodyPara("(3)\tLaporan penggunaan biaya disampaikan setiap semester."))
	// A deleted point: Pasal 3 b.
	p3b := item(t, d, "Pasal 3", "b.")
	p.remove(p3b)
	// A renamed heading: Pasal 8.
	h8 := heading(t, d, "Pasal 8")
	p.edit(h8, esc(h8), "PEMANTAUAN DAN EVALUASI")
	// A tracked insertion in Pasal 7 (1) and a tracked deletion in Pasal 7 (3).
	p71 := item(t, d, "Pasal 7", "(1)")
	w71 := strings.Fields(p71)
	p.edit(p71, " "+w71[2]+" ", " "+w71[2]+` </w:t></w:r><w:ins w:id="1" w:author="Bagian Hukum Mitra" w:date="2026-11-23T09:00:00Z"><w:r><w:t xml:space="preserve">pertama </w:t></w:r></w:ins><w:r><w:t xml:space="preserve">`)
	p73 := item(t, d, "Pasal 7", "(3)")
	w73 := strings.Fields(p73)
	p.edit(p73, " "+w73[1]+" ", ` </w:t></w:r><w:del w:id="2" w:author="Bagian Hukum Mitra" w:date="2026-11-23T09:05:00Z"><w:r><w:delText xml:space="preserve">`+w73[1]+` </w:delText></w:r></w:del><w:r><w:t xml:space="preserve">`)
	// A comment on Pasal 11 (1).
	p.comment(item(t, d, "Pasal 11", "(1)"), "Kabag Hukum Mitra", "Mohon dicantumkan jangka waktu musyawarah.")
	return p.bytes()
}

// checkRoundTrip wants exactly the changes partnerEdits made.
func checkRoundTrip(t *testing.T, d *naskah.Document, rec *Received) {
	t.Helper()
	w := strings.Fields(item(t, d, "Pasal 6", "(1)"))
	p3b := item(t, d, "Pasal 3", "b.")
	h8 := heading(t, d, "Pasal 8")
	w71 := strings.Fields(item(t, d, "Pasal 7", "(1)"))
	w73 := strings.Fields(item(t, d, "Pasal 7", "(3)"))
	changes := Compare(OutlineOf(d), rec.Outline)
	type want struct {
		pasal, where string
		kind         ChangeKind
		tracked      bool
		marked       string
	}
	wants := []want{
		{"Pasal 3", "b.", Removed, false, ""},
		{"Pasal 6", "(1)", Changed, false, "[-" + w[3] + "-] [+dikeluarkan+]"},
		{"Pasal 6", "(3)", Added, false, ""},
		{"Pasal 7", "(1)", Changed, true, "[+pertama+]"},
		{"Pasal 7", "(3)", Changed, true, "[-" + w73[1] + "-]"},
		{"Pasal 8", "", HeadingChanged, false, "[-MONITORING-] [+PEMANTAUAN+]"},
		{"Pasal 11", "(1)", Commented, false, ""},
	}
	if len(changes) != len(wants) {
		t.Fatalf("%d changes, want %d:\n%s", len(changes), len(wants), describe(changes))
	}
	for i, c := range changes {
		wt := wants[i]
		if c.Pasal != wt.pasal || c.Where != wt.where || c.Kind != wt.kind || c.Tracked != wt.tracked {
			t.Errorf("change %d: %s %q %s tracked=%v; want %+v", i, c.Pasal, c.Where, c.Kind, c.Tracked, wt)
		}
		if wt.marked != "" {
			var marks []string
			for _, w := range c.Words {
				if w.Op != Same {
					marks = append(marks, Marked([]Word{w}))
				}
			}
			if got := strings.Join(marks, " "); got != wt.marked {
				t.Errorf("change %d (%s %s): words %q, want %q", i, c.Pasal, c.Where, got, wt.marked)
			}
		}
	}
	if c := changes[0]; c.Ours != p3b {
		t.Errorf("removed point: %q", c.Ours)
	}
	if c := changes[2]; c.Theirs != "Laporan penggunaan biaya disampaikan setiap semester." {
		t.Errorf("added ayat: %q", c.Theirs)
	}
	if c := changes[3]; c.Author != "Bagian Hukum Mitra" || !strings.Contains(c.Theirs, w71[2]+" pertama") {
		t.Errorf("tracked insertion: %+v", c)
	}
	if c := changes[4]; c.Author != "Bagian Hukum Mitra" || c.Theirs != strings.Join(append(w73[:1:1], w73[2:]...), " ") {
		t.Errorf("tracked deletion: %q", c.Theirs)
	}
	if c := changes[6]; c.Author != "Kabag Hukum Mitra" || c.Theirs != "Mohon dicantumkan jangka waktu musyawarah." {
		t.Errorf("comment: %+v", c)
	}
	if c := changes[5]; c.Ours != h8 || c.Theirs != "PEMANTAUAN DAN EVALUASI" {
		t.Errorf("heading: %+v", c)
	}
}

// TestRetypedSplitAndMerged: a file without our styles (retyped), a
// paragraph split in two and two ayat merged into one read as the same text.
func TestRetypedSplitAndMerged(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	d := build(t, s, &a)
	data := writeDocx(t, d, DefaultPage(), Marker{})

	p := openPkg(t, data)
	doc := p.parts["word/document.xml"]
	for _, id := range []string{styleTitle, styleNumber, styleOpening, stylePremis, styleLegal, styleBab, stylePasal, styleHeading, styleBody, styleClosing, styleSignature} {
		doc = strings.ReplaceAll(doc, `<w:pStyle w:val="`+id+`"/>`, `<w:pStyle w:val="Normal"/>`)
	}
	p.set("word/document.xml", doc)
	// Split Pasal 6 (1) after its fifth word.
	p61 := item(t, d, "Pasal 6", "(1)")
	w := strings.Fields(p61)
	cut := strings.Join(w[:5], " ")
	p.edit(p61, esc(cut)+" ", esc(cut)+`</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">`)
	// Merge Pasal 11 (1) and (2).
	p112 := item(t, d, "Pasal 11", "(2)")
	p.remove(p112)
	p.edit(item(t, d, "Pasal 11", "(1)"), "</w:t></w:r></w:p>", " (2) "+esc(p112)+"</w:t></w:r></w:p>")

	rec := read(t, p.bytes())
	if rec.Outline.Styled {
		t.Fatal("a file without our styles read as styled")
	}
	if changes := Compare(OutlineOf(d), rec.Outline); len(changes) != 0 {
		t.Errorf("retyped, split and merged: %d changes:\n%s", len(changes), describe(changes))
	}
	// The same file with a word changed in the merged ayat (2) shows that one.
	p.edit(item(t, d, "Pasal 11", "(1)"), " (2) "+esc(p112), " (2) "+esc(strings.Replace(p112, " ", " segera ", 1)))
	changes := Compare(OutlineOf(d), read(t, p.bytes()).Outline)
	if len(changes) != 1 || changes[0].Pasal != "Pasal 11" || changes[0].Where != "(2)" || changes[0].Kind != Changed {
		t.Errorf("a change in a merged ayat:\n%s", describe(changes))
	}
}

// TestWordNumberedParagraph: a new ayat that Word turned into a numbered
// list (its label no longer in the text) takes the label after the one
// before it, and applies as that ayat.
func TestWordNumberedParagraph(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	d := build(t, s, &a)
	p := openPkg(t, writeDocx(t, d, DefaultPage(), markerOf(a, d)))
	p.after(item(t, d, "Pasal 6", "(2)"), `<w:p><w:pPr><w:pStyle w:val="SepakatIsi"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Laporan disampaikan setiap semester.</w:t></w:r></w:p>`)
	changes := Compare(OutlineOf(d), read(t, p.bytes()).Outline)
	if len(changes) != 1 || changes[0].Pasal != "Pasal 6" || changes[0].Where != "(3)" || changes[0].Kind != Added {
		t.Fatalf("changes:\n%s", describe(changes))
	}
	b := a
	Apply(&b, changes)
	lib, _ := naskah.Shipped()
	nd, err := naskah.Build(&b, s, lib, naskah.Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := item(t, nd, "Pasal 6", "(3)"); got != "Laporan disampaikan setiap semester." {
		t.Errorf("applied: %q", got)
	}
	for in, want := range map[string]string{"(2)": "(3)", "b.": "c.", "9)": "10)", "3.": "4.", "z.": "", "II.": "", "": ""} {
		if got := successor(in); got != want {
			t.Errorf("successor(%q) = %q, want %q", in, got, want)
		}
	}
}
