package editor

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/naskah"
	"sepakat/internal/service/servicetest"
)

// pdfWords exports agreement id and reads the PDF back with pdftotext, its
// words joined by single spaces.
func pdfWords(t *testing.T, h *harness, id agreement.ID) string {
	t.Helper()
	var buf bytes.Buffer
	if err := (export.Printer{Src: h.s}).ExportPDF(context.Background(), id, &buf, false); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "naskah.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils): %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// The example PKS (3 July 2025 – 3 July 2026) is extended by a year through
// "Buat Adendum": the dialog asks what changes, the Adendum's Pasal I says it
// in full, it comes into force on its signing date, and once signed the PKS
// is in force again until 3 July 2027.
func TestAdendumAsksWhatChangesAndExtendsTheParent(t *testing.T) {
	h := newHarness(t)
	e := h.open(3, nil)
	b := e.actions[agreement.KindAdendum]
	if !b.Visible() {
		t.Fatal("no Buat Adendum on a signed PKS")
	}
	test.Tap(b)
	d := e.changes
	if d == nil || e.Window().Canvas().Overlays().Top() == nil {
		t.Fatal("Buat Adendum did not ask what changes")
	}
	test.Tap(d.create)
	if !d.problem.Visible() || d.problem.Text != "Pilih sekurang-kurangnya satu hal yang diubah." || len(h.created) != 0 {
		t.Fatalf("nothing chosen: says %q, made %v", d.problem.Text, h.created)
	}
	test.Tap(d.term)
	if d.length.Disabled() || d.length.Text != "1" || d.unit.Selected != "tahun" || !d.newEnd.Disabled() {
		t.Fatalf("term fields: length %q (off %v), unit %q, new end off %v", d.length.Text, d.length.Disabled(), d.unit.Selected, d.newEnd.Disabled())
	}
	test.Tap(d.create)
	if len(h.created) != 1 {
		t.Fatalf("made %v; the dialog says %q", h.created, d.problem.Text)
	}
	if e.Window().Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open after the Adendum is made")
	}
	add, err := h.s.Agreement(h.created[0])
	if err != nil {
		t.Fatal(err)
	}
	newEnd := agreement.NewDate(2027, 7, 3)
	if add.Kind != agreement.KindAdendum || add.Amends == nil || !add.Amends.Term || add.Amends.End != newEnd {
		t.Fatalf("the Adendum records %+v, want the PKS to end on %v", add.Amends, newEnd)
	}
	if add.Term.Start.Valid() || add.Term.Length != 0 {
		t.Errorf("the Adendum has a term of its own: %+v", add.Term)
	}
	for _, l := range add.Body {
		if strings.Contains(l.Text, "…") {
			t.Errorf("a placeholder left to fill: %q", l.Text)
		}
	}

	// Its Jangka Waktu tab has no length of its own, and says what it does.
	ae := h.open(add.ID, nil)
	ae.tabs.SelectIndex(tabJangka)
	if ae.term.form.Items[0].Widget.Visible() || !ae.term.adendum.Visible() ||
		!strings.Contains(ae.term.adendum.Text, "perjanjian induk berlaku sampai dengan 3 Juli 2027") {
		t.Errorf("the Adendum's term tab: length shown %v, says %q", ae.term.form.Items[0].Widget.Visible(), ae.term.adendum.Text)
	}
	if !ae.onSave() {
		t.Fatalf("the Adendum does not save from its editor: %s", ae.general.Text)
	}
	if add, err = h.s.Agreement(add.ID); err != nil || add.Term.Length != 0 || add.Amends.End != newEnd {
		t.Fatalf("saved from its editor, the Adendum has term %+v, change %+v (%v)", add.Term, add.Amends, err)
	}

	// Drafted, the PKS still ended on 3 July 2026.
	row := func() agreement.Summary {
		rows, err := h.s.Summaries([]agreement.ID{3})
		if err != nil {
			t.Fatal(err)
		}
		return rows[0]
	}
	if r := row(); r.End != agreement.NewDate(2026, 7, 3) || r.Phase(fixedNow(), agreement.DefaultSoonDays) != agreement.PhaseBerakhir {
		t.Errorf("before signing the PKS shows end %v, %s", r.End, r.Phase(fixedNow(), agreement.DefaultSoonDays))
	}
	// The PKS was signed under mandates that ended in 2025: the Adendum is
	// signed by the heads of region themselves, as the KSB was.
	ksb, err := h.s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	for i := range add.Parties {
		for _, kp := range ksb.Parties {
			if kp.PartyID == add.Parties[i].PartyID {
				add.Parties[i].SignerID, add.Parties[i].MandateID = kp.SignerID, 0
			}
		}
	}
	servicetest.Sign(t, h.s, &add, agreement.NewDate(2026, 6, 20))
	if r := row(); r.End != newEnd || r.Phase(fixedNow(), agreement.DefaultSoonDays) != agreement.PhaseBerlaku {
		t.Errorf("after signing the PKS shows end %v, %s; want %v, Berlaku", r.End, r.Phase(fixedNow(), agreement.DefaultSoonDays), newEnd)
	}

	pks, err := h.s.Agreement(3)
	if err != nil {
		t.Fatal(err)
	}
	term := 0
	for _, p := range naskah.PasalOf(&pks) {
		if strings.Contains(p.Heading, "JANGKA WAKTU") {
			term = p.Number
		}
	}
	if term == 0 {
		t.Fatal("the example PKS has no JANGKA WAKTU pasal")
	}
	words := pdfWords(t, h, add.ID)
	nums := strings.Join(pks.Numbers(), " dan Nomor ")
	for _, want := range []string{
		"ADENDUM",
		"b. bahwa untuk melanjutkan pelaksanaan kerja sama, PARA PIHAK sepakat untuk memperpanjang jangka waktu Perjanjian Kerja Sama Nomor " + nums + ".",
		"Pasal I Jangka waktu Perjanjian Kerja Sama Nomor " + nums + " sebagaimana diatur dalam Pasal " + strconv.Itoa(term) +
			" diperpanjang selama 1 (satu) tahun, terhitung sejak tanggal 4 Juli 2026 sampai dengan tanggal 3 Juli 2027.",
		"Pasal II",
		"Adendum ini mulai berlaku sejak tanggal 20 Juni 2026.",
	} {
		if !strings.Contains(words, want) {
			t.Errorf("the Adendum's PDF lacks %q\n%s", want, words)
		}
	}
	// The Adendum's own numbers are written on the originals at signing;
	// from the opening on, nothing is left to fill.
	if _, rest, _ := strings.Cut(words, "Pada hari ini"); strings.Contains(rest, "…") || strings.Contains(rest, "{") {
		t.Errorf("the Adendum's PDF has something left to fill:\n%s", rest)
	}

	// A second Adendum, made now, is titled ADENDUM KEDUA, recites the
	// first, and lengthens the term from the end the first set.
	e = h.open(3, nil)
	test.Tap(e.actions[agreement.KindAdendum])
	test.Tap(e.changes.term)
	test.Tap(e.changes.create)
	if len(h.created) != 2 {
		t.Fatalf("made %v; the dialog says %q", h.created, e.changes.problem.Text)
	}
	add2, err := h.s.Agreement(h.created[1])
	if err != nil {
		t.Fatal(err)
	}
	if add2.Parent == nil || len(add2.Parent.Changes) != 1 || add2.Parent.Changes[0].Date != agreement.NewDate(2026, 6, 20) {
		t.Fatalf("the second Adendum keeps the recital %+v", add2.Parent)
	}
	words = pdfWords(t, h, add2.ID)
	for _, want := range []string{
		"ADENDUM KEDUA ATAS PERJANJIAN KERJA SAMA",
		"tentang " + pks.Subject + " sebagaimana telah diubah dengan Adendum",
		"tanggal 20 Juni 2026; b. bahwa",
		"diperpanjang selama 1 (satu) tahun, terhitung sejak tanggal 4 Juli 2027 sampai dengan tanggal 3 Juli 2028.",
	} {
		if !strings.Contains(words, want) {
			t.Errorf("the second Adendum's PDF lacks %q\n%s", want, words)
		}
	}
}

// Changing the text of a chosen pasal writes it in place of the old one.
func TestAdendumRewritesAChosenPasal(t *testing.T) {
	h := newHarness(t)
	e := h.open(3, nil)
	test.Tap(e.actions[agreement.KindAdendum])
	d := e.changes
	if len(d.pasalOn) < 2 {
		t.Fatalf("the dialog offers %d pasal", len(d.pasalOn))
	}
	if d.pasalText[1].Visible() {
		t.Error("a pasal's text shows before it is chosen")
	}
	test.Tap(d.pasalOn[1])
	if !d.pasalText[1].Visible() || strings.Contains(d.pasalText[1].Text, "{jenis}") {
		t.Fatalf("the chosen pasal's text: shown %v, %q", d.pasalText[1].Visible(), d.pasalText[1].Text)
	}
	en := d.pasalText[1]
	en.SetText("")
	en.Resize(fyne.NewSize(700, 120)) // laid out as the dialog shows it
	e.Window().Canvas().Focus(en)
	test.Type(en, "Ruang lingkup kerja sama meliputi pertukaran data perizinan berusaha.")
	en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(en, "Data dipertukarkan melalui sistem elektronik PARA PIHAK.")
	test.Tap(d.create)
	if len(h.created) != 1 {
		t.Fatalf("made %v; the dialog says %q", h.created, d.problem.Text)
	}
	add, err := h.s.Agreement(h.created[0])
	if err != nil {
		t.Fatal(err)
	}
	first := add.Body[0]
	if first.Text != "Ketentuan Pasal 2 {induk_singkat} diubah sehingga berbunyi sebagai berikut:" || len(first.Children) != 2 ||
		first.Children[1].Text != "Data dipertukarkan melalui sistem elektronik PARA PIHAK." {
		t.Errorf("Pasal I: %+v", first)
	}
	if add.Amends.Term {
		t.Error("a pasal's new text changed the term")
	}

	// In its editor, the statement's placeholder is said in words under it.
	ae := h.open(add.ID, nil)
	ae.tabs.SelectIndex(tabBody)
	h.l.until("the preview", func() bool { return strings.Contains(previewText(ae), "ADENDUM") })
	tapRow(t, ae.body.tree, ae.body.label([]int{0}))
	cited := "{induk_singkat} = Perjanjian Kerja Sama Nomor " + strings.Join(e.a.Numbers(), " dan Nomor ")
	h.l.until("what {induk_singkat} prints as", func() bool {
		return ae.body.fills.Visible() && strings.Contains(ae.body.fills.Text, cited)
	})
	ae.body.tree.Select(pathUID([]int{0, 0}))
	if ae.body.selected != pathUID([]int{0, 0}) || ae.body.text.Text != "Ruang lingkup kerja sama meliputi pertukaran data perizinan berusaha." {
		t.Fatalf("selected %q: %q", ae.body.selected, ae.body.text.Text)
	}
	if ae.body.fills.Visible() {
		t.Errorf("an ayat without placeholders says %q", ae.body.fills.Text)
	}

	// Printed, the new Pasal 2 stands as a pasal: its label and heading on
	// lines of their own under the statement, then its ayat.
	heading := naskah.PasalOf(&e.a)[1].Heading
	var buf bytes.Buffer
	if err := (export.Printer{Src: h.s}).ExportPDF(context.Background(), add.ID, &buf, true); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "add.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils): %v", err)
	}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	found := false
	for i := 0; i+3 < len(lines); i++ {
		if strings.HasSuffix(lines[i], "diubah sehingga berbunyi sebagai berikut:") {
			found = lines[i+1] == "Pasal 2" && lines[i+2] == heading &&
				strings.HasPrefix(lines[i+3], "(1) Ruang lingkup kerja sama meliputi pertukaran data")
			if !found {
				t.Errorf("after the statement the PDF prints %q, want Pasal 2, %q, then its ayat", lines[i+1:i+4], heading)
			}
			break
		}
	}
	if !found {
		t.Errorf("the PDF does not restate Pasal 2:\n%s", strings.Join(lines, "\n"))
	}
}

// "Buat PKS dari KSB ini" starts from the PKS template, with the KSB's scope,
// and the PKS cites the KSB's numbers and date.
func TestPKSFromKSBStartsFromTheTemplate(t *testing.T) {
	h := newHarness(t)
	e := h.open(1, nil) // the signed MoU with Lampung Timur
	ksb := e.a
	test.Tap(e.actions[agreement.KindPKS])
	if len(h.created) != 1 {
		t.Fatalf("made %v: %q", h.created, e.general.Text)
	}
	pks, err := h.s.Agreement(h.created[0])
	if err != nil {
		t.Fatal(err)
	}
	lib, err := naskah.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	want := lib.StartBody(agreement.KindPKS)
	if len(pks.Body) != len(want) || len(want) < 10 {
		t.Fatalf("the PKS starts with %d pasal, the template has %d", len(pks.Body), len(want))
	}
	var scope string
	for _, p := range naskah.PasalOf(&ksb) {
		if p.Heading == "RUANG LINGKUP" {
			scope = p.Text
		}
	}
	found := false
	for i, n := range pks.Body {
		if n.Heading != want[i].Heading {
			t.Errorf("pasal %d is %q, the template's %q", i+1, n.Heading, want[i].Heading)
		}
		if n.Heading == "RUANG LINGKUP" {
			found = true
			// The KSB's scope, and "Kesepakatan Bersama ini" is now this PKS.
			if got := naskah.PasalOf(&agreement.Agreement{Kind: agreement.KindPKS, Body: []agreement.Node{n}})[0].Text; got != strings.ReplaceAll(scope, "Kesepakatan Bersama ini", "Perjanjian Kerja Sama ini") || !strings.HasPrefix(got, "Ruang lingkup Perjanjian Kerja Sama ini meliputi:") {
				t.Errorf("the PKS's scope:\n%s\nwant the KSB's:\n%s", got, scope)
			}
		}
	}
	if !found {
		t.Error("the PKS has no RUANG LINGKUP")
	}
	words := pdfWords(t, h, pks.ID)
	cite := "bahwa PARA PIHAK telah menandatangani Kesepakatan Bersama Nomor " + strings.Join(ksb.Numbers(), " dan Nomor ") +
		" tanggal 15 September 2025 tentang " + ksb.Subject
	if !strings.Contains(words, cite) {
		t.Errorf("the PKS does not cite the KSB: want %q in\n%s", cite, words)
	}
	if strings.Contains(words, "{") {
		t.Errorf("a placeholder is left in the PKS:\n%s", words)
	}
}

// "Perpanjang" asks the same question with the term already chosen, as long
// as the parent's own term; the Perpanjangan runs from the day after the end.
func TestPerpanjangExtendsFromTheDayAfterTheEnd(t *testing.T) {
	h := newHarness(t)
	e := h.open(3, nil)
	test.Tap(e.actions[agreement.KindPerpanjangan])
	d := e.changes
	if d == nil || !d.term.Checked || d.length.Text != "1" || d.unit.Selected != "tahun" {
		t.Fatalf("Perpanjang asks with term %v, length %q %q", d != nil && d.term.Checked, d.length.Text, d.unit.Selected)
	}
	test.Tap(d.term) // a Perpanjangan without a term is refused
	test.Tap(d.signers)
	test.Tap(d.create)
	if len(h.created) != 0 || d.problem.Text != "Perpanjangan mengubah jangka waktu: centang \"Jangka waktu\"." {
		t.Fatalf("made %v, says %q", h.created, d.problem.Text)
	}
	test.Tap(d.term)
	test.Tap(d.signers)
	// A new end before the present one is no extension.
	tapRow(t, d.termHow, "Berakhir pada tanggal")
	if d.termHow.Selected != "Berakhir pada tanggal" || d.newEnd.Disabled() {
		t.Fatalf("the new end date is %q, off %v", d.termHow.Selected, d.newEnd.Disabled())
	}
	test.Type(d.newEnd, "01/07/2026")
	test.Tap(d.create)
	if len(h.created) != 0 || d.problem.Text != "Akhir perpanjangan harus sesudah akhir jangka waktu sekarang, 03/07/2026: isi tanggal yang lebih akhir." {
		t.Fatalf("made %v, says %q", h.created, d.problem.Text)
	}
	tapRow(t, d.termHow, "Diperpanjang selama")
	test.Tap(d.create)
	if len(h.created) != 1 {
		t.Fatalf("made %v; says %q", h.created, d.problem.Text)
	}
	ppj, err := h.s.Agreement(h.created[0])
	if err != nil {
		t.Fatal(err)
	}
	if ppj.Kind != agreement.KindPerpanjangan || ppj.Term.Start != agreement.NewDate(2026, 7, 4) || ppj.EffectiveEnd() != agreement.NewDate(2027, 7, 3) ||
		ppj.Amends == nil || ppj.Amends.End != agreement.NewDate(2027, 7, 3) {
		t.Fatalf("the Perpanjangan: term %+v, change %+v", ppj.Term, ppj.Amends)
	}
	if got := ppj.Body[0].Text; !strings.HasPrefix(got, "PARA PIHAK sepakat bahwa jangka waktu {induk_singkat} sebagaimana diatur dalam Pasal ") ||
		!strings.HasSuffix(got, "diperpanjang selama 1 (satu) tahun, terhitung sejak tanggal 4 Juli 2026 sampai dengan tanggal 3 Juli 2027.") {
		t.Errorf("Pasal I: %q", got)
	}
}

// An Adendum that changes a pasal has no term of its own: its Jangka Waktu
// tab says it ends with the PKS, and when, and its PDF prints no end date.
func TestAdendumTermTabSaysItEndsWithItsParent(t *testing.T) {
	h := newHarness(t)
	e := h.open(3, nil) // the signed example PKS, 3 July 2025 – 3 July 2026
	test.Tap(e.actions[agreement.KindAdendum])
	d := e.changes
	test.Tap(d.pasalOn[1])
	test.Tap(d.create)
	if len(h.created) != 1 {
		t.Fatalf("made %v; the dialog says %q", h.created, d.problem.Text)
	}
	ae := h.open(h.created[0], nil)
	ae.tabs.SelectIndex(tabJangka)
	if want := "Adendum berakhir bersama perjanjian induknya, kini pada 3 Juli 2026, dan ikut bila perjanjian induk diperpanjang."; !ae.term.adendum.Visible() || !strings.Contains(ae.term.adendum.Text, want) {
		t.Errorf("the Adendum's term tab says %q, want %q in it", ae.term.adendum.Text, want)
	}
	if words := pdfWords(t, h, ae.a.ID); strings.Contains(words, "3 Juli 2026") || !strings.Contains(words, "merupakan bagian yang tidak terpisahkan dari") {
		t.Errorf("the Adendum's PDF:\n%s", words)
	}
}

// A draft Adendum made before another Adendum of the same PKS was signed
// recites it once saved, and becomes the second Adendum.
func TestDraftAdendumRecitesAChangeSignedSinceItWasMade(t *testing.T) {
	h := newHarness(t)
	derive := func() agreement.Agreement {
		t.Helper()
		e := h.open(3, nil)
		test.Tap(e.actions[agreement.KindAdendum])
		test.Tap(e.changes.signers)
		test.Tap(e.changes.create)
		a, err := h.s.Agreement(h.created[len(h.created)-1])
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	draft := derive()
	signed := derive()
	if len(draft.Parent.Changes) != 0 || len(signed.Parent.Changes) != 0 {
		t.Fatalf("nothing signed yet, yet recited: %+v, %+v", draft.Parent.Changes, signed.Parent.Changes)
	}
	// The PKS was signed under mandates that ended in 2025: the Adendum is
	// signed by the heads of region themselves, as the KSB was.
	ksb, err := h.s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	for i := range signed.Parties {
		for _, kp := range ksb.Parties {
			if kp.PartyID == signed.Parties[i].PartyID {
				signed.Parties[i].SignerID, signed.Parties[i].MandateID = kp.SignerID, 0
			}
		}
	}
	servicetest.Sign(t, h.s, &signed, agreement.NewDate(2026, 6, 20))

	e := h.open(draft.ID, nil)
	if !e.onSave() {
		t.Fatalf("the draft does not save: %s", e.general.Text)
	}
	got, err := h.s.Agreement(draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Parent.Changes) != 1 || got.Parent.Changes[0].Date != agreement.NewDate(2026, 6, 20) {
		t.Fatalf("saved, the draft recites %+v", got.Parent.Changes)
	}
	if words := pdfWords(t, h, draft.ID); !strings.HasPrefix(words, "ADENDUM KEDUA ATAS PERJANJIAN KERJA SAMA") ||
		!strings.Contains(words, "sebagaimana telah diubah dengan Adendum tanggal 20 Juni 2026;") {
		t.Errorf("the draft's PDF:\n%s", words)
	}

	// Signed, its citation stays as it was signed.
	signedE := h.open(signed.ID, nil)
	if !signedE.onSave() {
		t.Fatalf("the signed Adendum does not save: %s", signedE.general.Text)
	}
	if again, _ := h.s.Agreement(signed.ID); len(again.Parent.Changes) != 0 {
		t.Errorf("a signed Adendum's citation changed on save: %+v", again.Parent.Changes)
	}
}

// A PKS made from a KSB that an Adendum has changed cites the KSB as changed.
func TestPKSFromAnAmendedKSBRecitesItsAdendum(t *testing.T) {
	h := newHarness(t)
	e := h.open(1, nil) // the signed MoU with Lampung Timur
	test.Tap(e.actions[agreement.KindAdendum])
	test.Tap(e.changes.signers)
	test.Tap(e.changes.create)
	if len(h.created) != 1 {
		t.Fatalf("made %v: %q", h.created, e.changes.problem.Text)
	}
	add, err := h.s.Agreement(h.created[0])
	if err != nil {
		t.Fatal(err)
	}
	servicetest.Sign(t, h.s, &add, agreement.NewDate(2026, 3, 2))
	e = h.open(1, nil)
	test.Tap(e.actions[agreement.KindPKS])
	if len(h.created) != 2 {
		t.Fatalf("made %v: %q", h.created, e.general.Text)
	}
	pks, err := h.s.Agreement(h.created[1])
	if err != nil {
		t.Fatal(err)
	}
	words := pdfWords(t, h, pks.ID)
	if want := "tentang " + e.a.Subject + " sebagaimana telah diubah dengan Adendum tanggal 2 Maret 2026, yang perlu ditindaklanjuti dengan Perjanjian Kerja Sama;"; !strings.Contains(words, want) {
		t.Errorf("the PKS's citation of the KSB lacks %q:\n%s", want, words)
	}
}
