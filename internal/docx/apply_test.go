package docx

import (
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
)

// key names a change for comparing lists.
func key(c Change) string { return c.Pasal + "|" + c.Where + "|" + string(c.Kind) }

// TestApplyAcceptedChanges: the changes accepted become the agreement's
// text, so that comparing the new text with the partner's file leaves
// exactly the changes rejected (and the comment).
func TestApplyAcceptedChanges(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	d := build(t, s, &a)
	theirs := read(t, partnerEdits(t, d, writeDocx(t, d, DefaultPage(), markerOf(a, d)))).Outline
	all := Compare(OutlineOf(d), theirs)
	if len(all) != 7 {
		t.Fatalf("%d changes", len(all))
	}
	for _, accept := range [][]int{
		{0, 1, 2, 3, 4, 5}, // everything but the comment
		{1, 2, 5},          // the word, the new ayat, the heading; not the removal nor the tracked proposals
		{0, 4},             // the removed point and the tracked deletion
		{},
	} {
		b := a
		var accepted []Change
		want := map[string]bool{}
		took := map[int]bool{}
		for _, i := range accept {
			accepted, took[i] = append(accepted, all[i]), true
		}
		for i, c := range all {
			if !took[i] {
				want[key(c)] = true
			}
		}
		applied := Apply(&b, accepted)
		if len(applied) != len(accepted) {
			t.Errorf("accept %v: %d applied", accept, len(applied))
		}
		lib, _ := naskah.Shipped()
		nd, err := naskah.Build(&b, s, lib, naskah.Options{Draft: true})
		if err != nil {
			t.Fatal(err)
		}
		left := Compare(OutlineOf(nd), theirs)
		got := map[string]bool{}
		for _, c := range left {
			got[key(c)] = true
		}
		if len(left) != len(want) {
			t.Errorf("accept %v: %d changes left, want %d:\n%s", accept, len(left), len(want), describe(left))
			continue
		}
		for k := range want {
			if !got[k] {
				t.Errorf("accept %v: %s no longer listed:\n%s", accept, k, describe(left))
			}
		}
		if len(accept) == 0 && !sameBody(a.Body, b.Body) {
			t.Error("nothing accepted, yet the body changed")
		}
	}
	// A comment or a change of the opening is not applied.
	if Applicable(Change{Pasal: "Pasal 2", Kind: Commented}) || Applicable(Change{Pasal: BlockOpening, Kind: Changed}) {
		t.Error("comments and the opening are records, not body text")
	}
}

func sameBody(a, b []agreement.Node) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Kind != b[i].Kind || a[i].Heading != b[i].Heading || a[i].Text != b[i].Text || !sameBody(a[i].Children, b[i].Children) {
			return false
		}
	}
	return true
}

// TestApplyWholePasal: a pasal the partner added, and one removed, in a
// 12-pasal body with BAB headings.
func TestApplyWholePasal(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	a.Body = bodyOf(24)
	d := build(t, s, &a)
	p := openPkg(t, writeDocx(t, d, DefaultPage(), markerOf(a, d)))
	// Remove Pasal 12 whole (label, heading and its paragraphs) by cutting
	// the document between its label and the next pasal's.
	doc := p.parts["word/document.xml"]
	start := indexOfPara(t, doc, "Pasal 12")
	end := indexOfPara(t, doc, "Pasal 13")
	doc = doc[:start] + doc[end:]
	// Add a pasal after Pasal 3.
	at := indexOfPara(t, doc, "Pasal 4")
	added := `<w:p><w:pPr><w:pStyle w:val="SepakatPasal"/></w:pPr><w:r><w:t>Pasal 4</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="SepakatJudulPasal"/></w:pPr><w:r><w:t>PERLINDUNGAN DATA PRIBADI</w:t></w:r></w:p>` +
		bodyPara("(1)\tPARA PIHAK menjaga kerahasiaan data.") + bodyPara("(2)\tKewajiban ini berlaku:") + bodyPara("a.\tselama kerja sama; dan") + bodyPara("b.\tsesudahnya.")
	doc = doc[:at] + added + doc[at:]
	p.set("word/document.xml", doc)
	theirs := read(t, p.bytes()).Outline
	all := Compare(OutlineOf(d), theirs)
	var kinds []string
	for _, c := range all {
		kinds = append(kinds, key(c))
	}
	if len(all) != 2 || !all[0].Whole || !all[1].Whole || all[0].Kind != Added || all[1].Kind != Removed {
		t.Fatalf("changes: %v\n%s", kinds, describe(all))
	}
	b := a
	if n := len(Apply(&b, all)); n != 2 {
		t.Fatalf("%d applied", n)
	}
	lib, _ := naskah.Shipped()
	nd, err := naskah.Build(&b, s, lib, naskah.Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	if left := Compare(OutlineOf(nd), theirs); len(left) != 0 {
		t.Errorf("after applying both:\n%s", describe(left))
	}
}

// indexOfPara is where the paragraph whose text is exactly text starts.
func indexOfPara(t *testing.T, doc, text string) int {
	t.Helper()
	i := indexString(doc, ">"+text+"<")
	if i < 0 {
		t.Fatalf("no paragraph %q", text)
	}
	return lastIndex(doc[:i], "<w:p>")
}

func TestRounds(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	d := build(t, s, &a)
	files := map[string][]byte{}
	keep := func(name string, data []byte, note string) {
		sha := name
		files[sha] = data
		a.Attachments = append(a.Attachments, agreement.Attachment{Kind: agreement.AttachDraft, File: agreement.FileRef{Name: name, SHA256: sha, MediaType: MediaType}, Added: fixed, Note: note})
	}
	file := func(sha string) ([]byte, error) { return files[sha], nil }
	if LastSent(&a, file) != 0 || NextRound(&a, ToPartner) != 1 {
		t.Fatal("no rounds yet")
	}
	if dir, _ := Turn(&a); dir != 0 {
		t.Fatal("a turn before any round")
	}
	a.Attachments = append(a.Attachments, agreement.Attachment{Kind: agreement.AttachScan, Note: "Dikirim ke mitra, putaran 9, revisi 9"})
	keep("a.docx", writeDocx(t, d, DefaultPage(), Marker{ID: 3, Rev: 4}), SentNote(1, 4))
	keep("b.docx", nil, ReceivedNote(1, 4, "3 diterima, 1 ditolak"))
	keep("c.docx", writeDocx(t, d, DefaultPage(), Marker{ID: 3, Rev: 7}), SentNote(2, 7))
	rs := Rounds(&a)
	if len(rs) != 3 || rs[0].Direction != ToPartner || rs[1].Direction != FromPartner || rs[1].N != 1 || rs[1].Rev != 4 || rs[2].N != 2 || rs[2].Rev != 7 {
		t.Fatalf("rounds %+v", rs)
	}
	if LastSent(&a, file) != 7 || NextRound(&a, ToPartner) != 3 || NextRound(&a, FromPartner) != 2 {
		t.Errorf("last sent %d, next %d/%d", LastSent(&a, file), NextRound(&a, ToPartner), NextRound(&a, FromPartner))
	}
	if dir, at := Turn(&a); dir != ToPartner || !at.Equal(fixed) {
		t.Errorf("turn %v %v", dir, at)
	}
	if got := ReceivedNote(2, 0, ""); got != "Diterima dari mitra, putaran 2" {
		t.Errorf("note %q", got)
	}
}

// TestApplyPremises: a premise changed, one removed and one added, accepted,
// leave no difference.
func TestApplyPremises(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	d := build(t, s, &a)
	if len(d.Premises) < 3 {
		t.Fatalf("%d premises", len(d.Premises))
	}
	p := openPkg(t, writeDocx(t, d, DefaultPage(), markerOf(a, d)))
	pb := d.Premises[1].Text.Plain()
	p.edit(pb, "bahwa ", "bahwa sesungguhnya ")
	p.remove(d.Premises[2].Text.Plain())
	// The last premise is no longer last: the partner ends it with ";".
	last := d.Premises[len(d.Premises)-1].Text.Plain()
	p.edit(last, esc(last), esc(strings.TrimSuffix(last, ".")+";"))
	last = strings.TrimSuffix(last, ".") + ";"
	p.after(last, `<w:p><w:pPr><w:pStyle w:val="SepakatPremis"/></w:pPr><w:r><w:t xml:space="preserve">z.`+"\t"+`bahwa PARA PIHAK sepakat menilai hasilnya bersama-sama.</w:t></w:r></w:p>`)
	theirs := read(t, p.bytes()).Outline
	all := Compare(OutlineOf(d), theirs)
	if len(all) != 4 {
		t.Fatalf("changes:\n%s", describe(all))
	}
	for _, c := range all {
		if !Applicable(c) {
			t.Errorf("not applicable: %+v", c)
		}
	}
	b := a
	if n := len(Apply(&b, all)); n != 4 {
		t.Fatalf("%d applied", n)
	}
	lib, _ := naskah.Shipped()
	nd, err := naskah.Build(&b, s, lib, naskah.Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	if left := Compare(OutlineOf(nd), theirs); len(left) != 0 {
		t.Errorf("after applying:\n%s", describe(left))
	}
	// The citation of the parent KSB comes from the records.
	c := a
	if n := len(Apply(&c, []Change{{Pasal: BlockPremis, Where: "a.", Kind: Changed, Theirs: "bahwa lain;"}})); n != 0 || len(c.Premises) != len(a.Premises) || c.Premises[0] != a.Premises[0] {
		t.Errorf("the parent's citation applied: %d, %q", n, c.Premises)
	}
	if Applicable(Change{Pasal: BlockPremis, Kind: Changed}) || Applicable(Change{Pasal: BlockPremis, Where: "1.", Kind: Changed}) {
		t.Error("the premises' lead sentence or a non-premise label is applicable")
	}
}
