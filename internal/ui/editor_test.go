package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/store"
)

// draftEditor opens the editor on a new PKS drafted under the KSB with Lampung Selatan.
func draftEditor(t *testing.T) (*App, *store.Store, *Editor) {
	t.Helper()
	u, s, _ := withExamples(t)
	ksb, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	pks.Subject = "Pertukaran Data Perizinan Berusaha"
	pks.Body = ksb.Body // until the Isi Naskah tab edits pasal
	if err := s.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}
	u.onOpen(pks.ID)
	e := u.editors[pks.ID]
	if e == nil {
		t.Fatal("no editor")
	}
	return u, s, e
}

func TestEditorShowsProblemsBesideFieldsAndKeepsTheText(t *testing.T) {
	_, s, e := draftEditor(t)
	before, _ := s.Agreement(e.a.ID)
	e.subject.SetText("")
	test.Type(e.notes, "Menunggu masukan Bagian Hukum")
	if e.save() {
		t.Fatal("saved without a subject")
	}
	if l := e.problems["subject"]; !l.Visible() || l.Text == "" {
		t.Errorf("no problem shown beside the subject: %q", l.Text)
	}
	if e.notes.Text != "Menunggu masukan Bagian Hukum" || !e.dirty {
		t.Errorf("typed text lost: %q, dirty %v", e.notes.Text, e.dirty)
	}
	if after, _ := s.Agreement(e.a.ID); after.Rev != before.Rev {
		t.Error("a failed save changed the store")
	}

	e.subject.SetText("Pertukaran Data Perizinan Berusaha")
	e.termLength.SetText("lima")
	if e.save() {
		t.Fatal("saved a length in words")
	}
	if !e.problems["term.length"].Visible() || e.tabs.SelectedIndex() != tabJangka {
		t.Errorf("length problem %q on tab %d", e.problems["term.length"].Text, e.tabs.SelectedIndex())
	}
	if e.problems["subject"].Visible() {
		t.Error("the subject's old problem still shows")
	}

	e.termLength.SetText("2")
	if !e.save() {
		t.Fatalf("save failed: %q", e.general.Text)
	}
	after, _ := s.Agreement(e.a.ID)
	if after.Notes != "Menunggu masukan Bagian Hukum" || after.Term.Length != 2 || e.dirty {
		t.Errorf("saved %+v, dirty %v", after.Term, e.dirty)
	}
	last := e.historyRows[len(e.historyRows)-1]
	if line := historyLine(last); len(e.historyRows) < 2 || !strings.Contains(line, last.By) || !strings.Contains(line, fieldLabel("term.length")+": 5 → 2") {
		t.Errorf("history line %q", line)
	}
}

func TestEditorAsksBeforeClosingWithUnsavedChanges(t *testing.T) {
	u, s, e := draftEditor(t)
	id := e.a.ID
	e.place.SetText("Jatinangor")
	e.onClose()
	buttons := func() map[string]*widget.Button { return dialogButtons(t, e.win, "no question before closing") }
	test.Tap(buttons()[lang.L("Batal")])
	if u.editors[id] == nil || e.place.Text != "Jatinangor" {
		t.Fatal("cancel closed the editor or lost the text")
	}
	e.onClose()
	test.Tap(buttons()[lang.L("Simpan")])
	if u.editors[id] != nil {
		t.Error("the editor stayed open after saving")
	}
	if a, _ := s.Agreement(id); a.Place != "Jatinangor" {
		t.Errorf("place %q not saved", a.Place)
	}

	u.onOpen(id)
	e = u.editors[id]
	e.place.SetText("Kota Sumedang")
	e.onClose()
	test.Tap(buttons()[lang.L("Buang perubahan")])
	if u.editors[id] != nil {
		t.Error("discarding did not close")
	}
	if a, _ := s.Agreement(id); a.Place != "Jatinangor" {
		t.Errorf("discarded text saved: %q", a.Place)
	}
}

func TestQuittingAsksAboutUnsavedEditorsAndRemembersThePlace(t *testing.T) {
	u, s, e := draftEditor(t)
	place := &fakePlacement{x: 140, y: 60}
	u.Placement = place
	id := e.a.ID
	buttons := func() map[string]*widget.Button { return dialogButtons(t, u.win, "no question before quitting") }
	e.place.SetText("Jatinangor")
	u.onQuit()
	test.Tap(buttons()[lang.L("Batal")])
	if u.editors[id] == nil || e.place.Text != "Jatinangor" {
		t.Fatal("cancel closed the editor or lost the text")
	}
	// A save that fails keeps everything open, with the problem at its field.
	e.subject.SetText("")
	u.onQuit()
	test.Tap(buttons()[lang.L("Simpan semua dan keluar")])
	if u.editors[id] == nil || !e.problems["subject"].Visible() {
		t.Fatal("quit although the editor could not be saved")
	}
	if a, _ := s.Agreement(id); a.Place == "Jatinangor" {
		t.Error("a failed save stored the place")
	}
	e.subject.SetText("Pertukaran Data Perizinan Berusaha")
	u.onQuit()
	test.Tap(buttons()[lang.L("Simpan semua dan keluar")])
	if len(u.editors) != 0 {
		t.Error("editors still open after quitting")
	}
	if a, _ := s.Agreement(id); a.Place != "Jatinangor" {
		t.Errorf("place %q not saved on quitting", a.Place)
	}
	// The next start puts the window back where it was.
	u2 := New(u.app, s, export.Printer{Src: s}, fixedNow)
	u2.Placement = place
	u2.Place()
	if place.movedX != 140 || place.movedY != 60 {
		t.Errorf("window moved to %d,%d, want 140,60", place.movedX, place.movedY)
	}
}

func TestEditorExportSavesFirstThenAsksWhere(t *testing.T) {
	_, s, e := draftEditor(t)
	e.subject.SetText("")
	e.export(false)
	if e.win.Canvas().Overlays().Top() != nil {
		t.Fatal("asked where to save a PDF of a form that cannot be saved")
	}
	e.subject.SetText("Pertukaran Data Perizinan Berusaha")
	e.place.SetText("Jatinangor")
	e.export(true)
	if a, _ := s.Agreement(e.a.ID); a.Place != "Jatinangor" || e.dirty {
		t.Errorf("not saved before the export: place %q, dirty %v", a.Place, e.dirty)
	}
	if e.win.Canvas().Overlays().Top() == nil {
		t.Error("no save dialog over the editor")
	}
}

func TestEditorRecordsFollowUpsAndLocksSignedText(t *testing.T) {
	u, s, _ := withExamples(t)
	u.onOpen(2)
	e := u.editors[2]
	if e.subject.Disabled() == false || e.termLength.Disabled() == false {
		t.Error("the signed KSB's text is editable")
	}
	if e.notes.Disabled() {
		t.Error("notes of a signed agreement should stay editable")
	}
	n := len(e.allMonitoring())
	e.monActivity.SetText("Rapat koordinasi tindak lanjut")
	e.onAddMonitoring()
	if !e.problems["monitoring"].Visible() {
		t.Error("a follow-up without a date was accepted")
	}
	e.monDate.SetText("15/1/2026")
	e.monActivity.SetText("Rapat koordinasi tindak lanjut")
	e.onAddMonitoring()
	if len(e.allMonitoring()) != n+1 || !e.dirty {
		t.Fatalf("follow-ups %d, dirty %v", len(e.allMonitoring()), e.dirty)
	}
	if !e.save() {
		t.Fatalf("save failed: %q", e.general.Text)
	}
	a, _ := s.Agreement(2)
	if len(a.Monitoring) != n+1 || a.Monitoring[n].Date != agreement.NewDate(2026, 1, 15) {
		t.Errorf("monitoring %+v", a.Monitoring)
	}
}

func TestParseFormDate(t *testing.T) {
	for in, want := range map[string]agreement.Date{
		"3/7/2025": agreement.NewDate(2025, 7, 3), "03-07-2025": agreement.NewDate(2025, 7, 3),
		"2025-07-03": agreement.NewDate(2025, 7, 3), "": {},
	} {
		if got, err := parseFormDate(in); err != nil || got != want {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	for _, bad := range []string{"31/2/2025", "3 Juli 2025", "1/2", "a/b/c"} {
		if _, err := parseFormDate(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestEditorMakesAPKSThatInheritsTheParties(t *testing.T) {
	u, s, _ := withExamples(t)
	u.onOpen(1) // the signed MoU with Lampung Timur
	e := u.editors[1]
	if !e.actions[agreement.KindPKS].Visible() || !e.actions[agreement.KindAdendum].Visible() {
		t.Fatal("a signed KSB offers no PKS or Adendum")
	}
	ksb := e.a
	test.Tap(e.actions[agreement.KindPKS])
	var pks *Editor
	for id, ed := range u.editors {
		if id != 1 {
			pks = ed
		}
	}
	if pks == nil {
		t.Fatal("no editor for the new PKS")
	}
	if pks.a.Kind != agreement.KindPKS || pks.a.ParentID != 1 || pks.a.Status != agreement.StatusKonsep {
		t.Errorf("new agreement %s under %d, %s", pks.a.Kind, pks.a.ParentID, pks.a.Status)
	}
	if len(pks.a.Parties) != len(ksb.Parties) || pks.a.Parties[0].PartyID != ksb.Parties[0].PartyID {
		t.Errorf("parties %+v, want those of the KSB", pks.a.Parties)
	}
	if pks.subject.Disabled() || pks.ownNumber.Text != "" || pks.actions[agreement.KindPKS].Visible() {
		t.Error("the new PKS draft should be editable, unnumbered, and not offer a PKS of its own")
	}
	// The Para Pihak tab shows the inherited parties, by name.
	pks.tabs.SelectIndex(tabParties)
	var titles []string
	for _, o := range test.LaidOutObjects(pks.parties.list) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold {
			titles = append(titles, l.Text)
		}
	}
	if len(titles) != 2 || !strings.Contains(strings.Join(titles, "|"), "Pemerintah Kabupaten Lampung Timur") {
		t.Errorf("party blocks %q", titles)
	}
	if stored, err := s.Agreement(pks.a.ID); err != nil || stored.ParentID != 1 {
		t.Errorf("stored %+v, %v", stored.ParentID, err)
	}
	// Its copy is another draft with the same parties and no number.
	test.Tap(pks.duplicate)
	if len(u.editors) != 3 {
		t.Errorf("%d editors after duplicating", len(u.editors))
	}
}

// stepButton finds the button for a status step on the Penandatanganan tab.
func stepButton(t *testing.T, e *Editor, to agreement.Status) *widget.Button {
	t.Helper()
	for _, o := range e.signing.steps.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == stepLabel(to) {
			return b
		}
	}
	t.Fatalf("no step to %s", to)
	return nil
}

func TestEditorMarksSignedAndLocksTheText(t *testing.T) {
	_, s, e := draftEditor(t)
	test.Tap(stepButton(t, e, agreement.StatusTelaah))
	test.Tap(stepButton(t, e, agreement.StatusSiapTTD))
	if e.a.Status != agreement.StatusSiapTTD {
		t.Fatalf("status %s: %q", e.a.Status, e.general.Text)
	}
	confirm := func() {
		t.Helper()
		top := e.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("no confirmation before marking signed")
		}
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := o.(*widget.Button); ok && (b.Text == "Ya" || b.Text == "Yes") {
				test.Tap(b)
				return
			}
		}
		t.Fatal("no confirm button")
	}
	// Without a date of signing it cannot be signed: the problem shows at the date.
	test.Tap(stepButton(t, e, agreement.StatusDitandatangani))
	confirm()
	if e.a.Status != agreement.StatusSiapTTD || !e.problems["signing.date"].Visible() || e.tabs.SelectedIndex() != tabSigning {
		t.Fatalf("status %s, date problem %q, tab %d, other %q", e.a.Status, e.problems["signing.date"].Text, e.tabs.SelectedIndex(), e.general.Text)
	}
	e.signing.date.SetText("20/11/2026")
	e.signing.place.SetText("Sumedang")
	test.Tap(stepButton(t, e, agreement.StatusDitandatangani))
	confirm()
	if e.a.Status != agreement.StatusDitandatangani {
		t.Fatalf("not signed: %q %v", e.general.Text, e.problems)
	}
	if !e.subject.Disabled() || !e.termLength.Disabled() || !e.signing.date.Disabled() || !e.lockNote.Visible() {
		t.Error("the signed text is not locked")
	}
	stored, _ := s.Agreement(e.a.ID)
	if stored.Status != agreement.StatusDitandatangani || stored.Signing == nil || stored.Signing.Date != agreement.NewDate(2026, 11, 20) {
		t.Errorf("stored %s %+v", stored.Status, stored.Signing)
	}
	// Now it may only be cancelled, or given an Adendum or Perpanjangan.
	if len(e.signing.steps.Objects) != 1 || !e.actions[agreement.KindAdendum].Visible() {
		t.Errorf("steps after signing: %d", len(e.signing.steps.Objects))
	}
}

func TestEditorAddsARegionalGovernmentAsAParty(t *testing.T) {
	_, s, e := draftEditor(t)
	p := e.parties
	n := len(p.rows)
	p.onAddRegion("Pemerintah Kabupaten Garut")
	if len(p.rows) != n+1 || !e.dirty {
		t.Fatalf("%d parties, dirty %v", len(p.rows), e.dirty)
	}
	added, ok := p.party(p.rows[n].PartyID)
	if !ok || added.RegionCode == "" || added.Kind != agreement.PartyPemkab || added.Seat != "Garut" {
		t.Errorf("registered %+v", added)
	}
	if p.rows[n].Role != agreement.RolePihakKetiga {
		t.Errorf("role %s", p.rows[n].Role)
	}
	p.onAddRegion("Pemerintah Kabupaten Garut")
	if len(p.rows) != n+1 || !e.general.Visible() {
		t.Error("the same party added twice")
	}
	p.onAddRegion("Pemerintah Kabupaten Atlantis")
	if len(p.rows) != n+1 {
		t.Error("a region not in the list was added")
	}
	if !e.save() {
		t.Fatalf("save: %q", e.general.Text)
	}
	stored, _ := s.Agreement(e.a.ID)
	if len(stored.Parties) != n+1 || stored.Parties[n].PartyID != added.ID {
		t.Errorf("stored parties %+v", stored.Parties)
	}
	// Removing it again.
	p.remove(n)
	if !e.save() {
		t.Fatalf("save: %q", e.general.Text)
	}
	if stored, _ := s.Agreement(e.a.ID); len(stored.Parties) != n {
		t.Errorf("%d parties after removing", len(stored.Parties))
	}
}

// previewText is the preview as plain text.
func previewText(e *Editor) string {
	var b strings.Builder
	for _, s := range e.body.previewSegs {
		if t, ok := s.(*widget.TextSegment); ok {
			b.WriteString(t.Text + "\n")
		}
	}
	return b.String()
}

func TestEditorAddsAPasalAndSeesItInThePreview(t *testing.T) {
	u, s, e := draftEditor(t)
	l := useLoop(t, u)
	e.do = func(f func()) { l.ch <- f }
	body := e.body
	n := len(body.body)
	if previewText(e) != "" {
		t.Error("the preview was built before its tab showed")
	}
	e.tabs.SelectIndex(tabBody)
	l.until("the preview", func() bool { return strings.Contains(previewText(e), "PERJANJIAN KERJA SAMA") })
	body.selectPath([]int{n - 1})
	body.add(agreement.NodePasal)
	if len(body.body) != n+1 || body.selected != fmt.Sprint(n) {
		t.Fatalf("%d pasal, selected %q", len(body.body), body.selected)
	}
	body.heading.SetText("SINKRONISASI DATA")
	body.text.SetText("PARA PIHAK saling bertukar data perizinan setiap bulan melalui sistem informasi.")
	l.until("the preview", func() bool { return strings.Contains(previewText(e), "SINKRONISASI DATA") })
	if !strings.Contains(previewText(e), fmt.Sprintf("Pasal %d", n+1)) || !strings.Contains(previewText(e), "saling bertukar data perizinan") {
		t.Errorf("preview lacks the new pasal:\n%s", previewText(e))
	}
	body.add(agreement.NodeAyat)
	body.text.SetText("Data yang dipertukarkan dijaga kerahasiaannya.")
	if got := body.label(parsePath(body.selected)); !strings.HasPrefix(got, "(1) Data") {
		t.Errorf("ayat label %q", got)
	}
	if !e.save() {
		t.Fatalf("save: %q", e.general.Text)
	}
	a, _ := s.Agreement(e.a.ID)
	if a.CountPasal() != n+1 || a.Body[n].Heading != "SINKRONISASI DATA" || len(a.Body[n].Children) != 1 {
		t.Errorf("stored body: %d pasal, last %+v", a.CountPasal(), a.Body[n])
	}
	// Moving it up, then removing it.
	body.selectPath([]int{n})
	body.move(-1)
	if body.body[n-1].Heading != "SINKRONISASI DATA" {
		t.Error("move up")
	}
	body.remove()
	if len(body.body) != n {
		t.Error("remove")
	}
}

func TestEditorKeepsAttachmentsInTheDataFile(t *testing.T) {
	_, s, e := draftEditor(t)
	at := e.attachments
	pdf, err := os.ReadFile("../../resources/icon.png")
	if err != nil {
		t.Fatal(err)
	}
	if at.attach("catatan.docx", []byte("x")) || len(at.rows) != 0 {
		t.Error("a .docx was attached")
	}
	if at.attach("besar.pdf", make([]byte, maxAttachment+1)) {
		t.Error("a file over 20 MB was attached")
	}
	at.kind.SetSelectedIndex(1) // the signed scan
	if !at.attach("Pindaian KSB.png", pdf) || !e.dirty {
		t.Fatalf("attach failed: %q", e.general.Text)
	}
	if !e.save() {
		t.Fatalf("save: %q", e.general.Text)
	}
	a, _ := s.Agreement(e.a.ID)
	if len(a.Attachments) != 1 || a.Attachments[0].Kind != agreement.AttachScan || a.Attachments[0].File.Size != int64(len(pdf)) {
		t.Fatalf("stored attachments %+v", a.Attachments)
	}
	var opened string
	at.opened = func(path string) { opened = path }
	at.onOpen(0)
	got, err := os.ReadFile(opened)
	if err != nil || !bytes.Equal(got, pdf) || filepath.Base(opened) != "Pindaian KSB.png" {
		t.Errorf("opened %q: %d bytes, %v", opened, len(got), err)
	}
	os.RemoveAll(filepath.Dir(opened))
	at.remove(0)
	if !e.save() {
		t.Fatal(e.general.Text)
	}
	if a, _ := s.Agreement(e.a.ID); len(a.Attachments) != 0 {
		t.Error("detached file still listed")
	}
	if u := fileURL("/tmp/sepakat-lampiran-1/a b.pdf"); u.String() != "file:///tmp/sepakat-lampiran-1/a%20b.pdf" {
		t.Errorf("url %s", u)
	}
}

func TestFieldLabels(t *testing.T) {
	if got := fieldLabel("term.length"); got != lang.L("jangka waktu") {
		t.Errorf("term.length: %q", got)
	}
	if got := fieldLabel("body[2].children[0].text"); !strings.HasPrefix(got, lang.L("isi naskah")+" (body[2]") {
		t.Errorf("body path: %q", got)
	}
	if got := fieldLabel("something_new"); got != "something_new" {
		t.Errorf("unknown: %q", got)
	}
}
