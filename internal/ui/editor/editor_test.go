package editor

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

func TestEditorShowsProblemsBesideFieldsAndKeepsTheText(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	w := e.Window()
	before, _ := h.s.Agreement(e.a.ID)
	retype(w, e.identity.subject, "")
	test.Type(e.identity.notes, "Menunggu masukan Bagian Hukum")
	test.Tap(e.saveBtn)
	if l := e.problems["subject"]; !l.Visible() || l.Text == "" {
		t.Errorf("no problem shown beside the subject: %q", l.Text)
	}
	if e.identity.notes.Text != "Menunggu masukan Bagian Hukum" || !e.Dirty() {
		t.Errorf("typed text lost: %q, dirty %v", e.identity.notes.Text, e.Dirty())
	}
	if after, _ := h.s.Agreement(e.a.ID); after.Rev != before.Rev {
		t.Error("a failed save changed the store")
	}

	test.Type(e.identity.subject, "Pertukaran Data Perizinan Berusaha")
	e.tabs.SelectIndex(tabJangka)
	retype(w, e.term.length, "lima")
	e.tabs.SelectIndex(tabIdentitas)
	test.Tap(e.saveBtn)
	if got := e.problems["term.length"]; !got.Visible() || got.Text != "Isi dengan angka bulat, mis. 5." || e.tabs.SelectedIndex() != tabJangka {
		t.Errorf("length problem %q on tab %d", got.Text, e.tabs.SelectedIndex())
	}
	if e.problems["subject"].Visible() {
		t.Error("the subject's old problem still shows")
	}

	retype(w, e.term.length, "2")
	test.Tap(e.saveBtn)
	if e.general.Text != "Tersimpan: revisi 2." {
		t.Fatalf("after saving: %q", e.general.Text)
	}
	after, _ := h.s.Agreement(e.a.ID)
	if after.Notes != "Menunggu masukan Bagian Hukum" || after.Term.Length != 2 || e.Dirty() {
		t.Errorf("saved %+v, dirty %v", after.Term, e.Dirty())
	}
	rows := e.history.rows
	last := rows[len(rows)-1]
	if line := e.history.lines[len(rows)-1]; len(rows) < 2 || !strings.Contains(line, last.By) || !strings.Contains(line, "Jangka waktu: 5 → 2") {
		t.Errorf("history line %q", line)
	}
}

func TestEditorAsksBeforeClosingWithUnsavedChanges(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	id := e.a.ID
	w := e.Window()
	retype(w, e.identity.place, "Jatinangor")
	shortcut(w, fyne.KeyW)
	buttons := func() map[string]*widget.Button { return dialogButtons(t, w, "no question before closing") }
	test.Tap(buttons()["Batal"])
	if h.closed || e.identity.place.Text != "Jatinangor" {
		t.Fatal("cancel closed the editor or lost the text")
	}
	shortcut(w, fyne.KeyW)
	test.Tap(buttons()["Simpan"])
	if !h.closed {
		t.Error("the editor stayed open after saving")
	}
	if a, _ := h.s.Agreement(id); a.Place != "Jatinangor" {
		t.Errorf("place %q not saved", a.Place)
	}

	h.closed = false
	e = h.open(id, nil)
	w = e.Window()
	retype(w, e.identity.place, "Kota Sumedang")
	shortcut(w, fyne.KeyW)
	test.Tap(dialogButtons(t, w, "no question before closing")["Buang perubahan"])
	if !h.closed {
		t.Error("discarding did not close")
	}
	if a, _ := h.s.Agreement(id); a.Place != "Jatinangor" {
		t.Errorf("discarded text saved: %q", a.Place)
	}
}

func TestEditorExportSavesFirstThenAsksWhere(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	w := e.Window()
	retype(w, e.identity.subject, "")
	test.Tap(e.exportBtn)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("asked where to save a PDF of a form that cannot be saved")
	}
	test.Type(e.identity.subject, "Pertukaran Data Perizinan Berusaha")
	retype(w, e.identity.place, "Jatinangor")
	test.Tap(e.draftBtn)
	if a, _ := h.s.Agreement(e.a.ID); a.Place != "Jatinangor" || e.Dirty() {
		t.Errorf("not saved before the export: place %q, dirty %v", a.Place, e.Dirty())
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Error("no save dialog over the editor")
	}
}

func TestEditorRecordsFollowUpsAndLocksSignedText(t *testing.T) {
	h := newHarness(t)
	e := h.open(2, nil) // the signed KSB
	if !e.identity.subject.Disabled() || !e.term.length.Disabled() {
		t.Error("the signed KSB's text is editable")
	}
	if e.identity.notes.Disabled() {
		t.Error("notes of a signed agreement should stay editable")
	}
	m := e.monitoring
	e.tabs.SelectIndex(tabMonitoring)
	n := len(m.all())
	test.Type(m.activity, "Rapat koordinasi tindak lanjut")
	test.Tap(m.add)
	if !m.problem.Visible() || m.problem.Text != "Isi tanggal (hh/bb/tttt) dan kegiatannya." {
		t.Errorf("a follow-up without a date: %q", m.problem.Text)
	}
	test.Type(m.date, "15/1/2026")
	test.Tap(m.add)
	if len(m.all()) != n+1 || !e.Dirty() || m.activity.Text != "" {
		t.Fatalf("follow-ups %d, dirty %v", len(m.all()), e.Dirty())
	}
	shortcut(e.Window(), fyne.KeyS)
	if e.Dirty() {
		t.Fatalf("Ctrl+S did not save: %q", e.general.Text)
	}
	a, _ := h.s.Agreement(2)
	if len(a.Monitoring) != n+1 || a.Monitoring[n].Date != agreement.NewDate(2026, 1, 15) || a.Monitoring[n].Activity != "Rapat koordinasi tindak lanjut" {
		t.Errorf("monitoring %+v", a.Monitoring)
	}
}

func TestEditorMakesAPKSThatInheritsTheParties(t *testing.T) {
	h := newHarness(t)
	e := h.open(1, nil) // the signed MoU with Lampung Timur
	if !e.actions[agreement.KindPKS].Visible() || !e.actions[agreement.KindAdendum].Visible() {
		t.Fatal("a signed KSB offers no PKS or Adendum")
	}
	ksb := e.a
	test.Tap(e.actions[agreement.KindPKS])
	if len(h.created) != 1 {
		t.Fatalf("opened %v: %q", h.created, e.general.Text)
	}
	pks := h.open(h.created[0], nil)
	if pks.a.Kind != agreement.KindPKS || pks.a.ParentID != 1 || pks.a.Status != agreement.StatusKonsep {
		t.Errorf("new agreement %s under %d, %s", pks.a.Kind, pks.a.ParentID, pks.a.Status)
	}
	if len(pks.a.Parties) != len(ksb.Parties) || pks.a.Parties[0].PartyID != ksb.Parties[0].PartyID {
		t.Errorf("parties %+v, want those of the KSB", pks.a.Parties)
	}
	if pks.identity.subject.Disabled() || pks.identity.ownNumber.Text != "" || pks.actions[agreement.KindPKS].Visible() {
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
	// Its copy is another draft with the same parties and no number.
	test.Tap(pks.duplicate)
	if len(h.created) != 2 {
		t.Fatalf("opened %v after duplicating", h.created)
	}
	c, err := h.s.Agreement(h.created[1])
	if err != nil || c.Status != agreement.StatusKonsep || len(c.Parties) != len(pks.a.Parties) || c.OwnNumber() != "" {
		t.Errorf("copy %+v, %v", c, err)
	}
}

// confirm taps the Ya of the question over w.
func confirm(t *testing.T, w fyne.Window) {
	t.Helper()
	b := dialogButtons(t, w, "no confirmation before marking signed")["Ya"]
	if b == nil {
		t.Fatal("no Ya button")
	}
	test.Tap(b)
}

func TestEditorMarksSignedAndLocksTheText(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	w := e.Window()
	e.tabs.SelectIndex(tabSigning)
	sg := e.signing
	test.Tap(sg.stepBtns[agreement.StatusTelaah])
	reviewAll(t, e) // approval_test.go: the TKKSD agrees before Siap Tanda Tangan
	e.tabs.SelectIndex(tabSigning)
	test.Tap(sg.stepBtns[agreement.StatusSiapTTD])
	if e.a.Status != agreement.StatusSiapTTD {
		t.Fatalf("status %s: %q", e.a.Status, e.general.Text)
	}
	// Without a date of signing it cannot be signed: the problem shows at the date.
	test.Tap(sg.stepBtns[agreement.StatusDitandatangani])
	confirm(t, w)
	if e.a.Status != agreement.StatusSiapTTD || !e.problems["signing.date"].Visible() || e.tabs.SelectedIndex() != tabSigning {
		t.Fatalf("status %s, date problem %q, tab %d, other %q", e.a.Status, e.problems["signing.date"].Text, e.tabs.SelectedIndex(), e.general.Text)
	}
	// Nor on a day still to come (today is 22 November 2026).
	test.Type(sg.date, "30/11/2026")
	retype(w, sg.place, "Sumedang")
	test.Tap(sg.stepBtns[agreement.StatusDitandatangani])
	confirm(t, w)
	if stored, _ := h.s.Agreement(e.a.ID); e.a.Status != agreement.StatusSiapTTD || stored.Status != agreement.StatusSiapTTD ||
		!strings.Contains(e.problems["signing.date"].Text, "30/11/2026 belum tiba") {
		t.Fatalf("signed ahead: status %s, stored %s, date problem %q", e.a.Status, stored.Status, e.problems["signing.date"].Text)
	}
	retype(w, sg.date, "20/11/2026")
	test.Tap(sg.stepBtns[agreement.StatusDitandatangani])
	confirm(t, w)
	if e.a.Status != agreement.StatusDitandatangani {
		t.Fatalf("not signed: %q", e.general.Text)
	}
	if !e.identity.subject.Disabled() || !e.term.length.Disabled() || !sg.date.Disabled() || !e.identity.lockNote.Visible() {
		t.Error("the signed text is not locked")
	}
	stored, _ := h.s.Agreement(e.a.ID)
	if stored.Status != agreement.StatusDitandatangani || stored.Signing == nil || stored.Signing.Date != agreement.NewDate(2026, 11, 20) {
		t.Errorf("stored %s %+v", stored.Status, stored.Signing)
	}
	// Now it may only be cancelled, or given an Adendum or Perpanjangan.
	if len(sg.stepBtns) != 1 || sg.stepBtns[agreement.StatusDibatalkan] == nil || !e.actions[agreement.KindAdendum].Visible() {
		t.Errorf("steps after signing: %d", len(sg.stepBtns))
	}
}

func TestEditorAddsARegionalGovernmentAsAParty(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	e.tabs.SelectIndex(tabParties)
	p := e.parties
	n := len(p.rows)
	test.Type(p.region, "Pemerintah Kabupaten Garut")
	test.Tap(p.addRegion)
	if len(p.rows) != n+1 || !e.Dirty() || p.region.Text != "" {
		t.Fatalf("%d parties, dirty %v", len(p.rows), e.Dirty())
	}
	added, ok := p.party(p.rows[n].PartyID)
	if !ok || added.RegionCode == "" || added.Kind != agreement.PartyPemkab || added.Seat != "" { // no seat guessed from the name (QA 12)
		t.Errorf("registered %+v", added)
	}
	if p.rows[n].Role != agreement.RolePihakKetiga {
		t.Errorf("role %s", p.rows[n].Role)
	}
	test.Type(p.region, "Pemerintah Kabupaten Garut")
	test.Tap(p.addRegion)
	if len(p.rows) != n+1 || e.general.Text != "Pemerintah Kabupaten Garut sudah menjadi pihak." {
		t.Errorf("the same party added twice: %q", e.general.Text)
	}
	test.Type(p.region, "Pemerintah Kabupaten Atlantis")
	test.Tap(p.addRegion)
	if len(p.rows) != n+1 || e.general.Text != "\"Pemerintah Kabupaten Atlantis\" tidak ada di daftar wilayah Kemendagri." {
		t.Errorf("a region not in the list: %q", e.general.Text)
	}
	test.Tap(e.saveBtn)
	stored, _ := h.s.Agreement(e.a.ID)
	if len(stored.Parties) != n+1 || stored.Parties[n].PartyID != added.ID {
		t.Fatalf("stored parties %+v: %q", stored.Parties, e.general.Text)
	}
	// Removing it again.
	test.Tap(p.removes[n])
	test.Tap(e.saveBtn)
	if stored, _ := h.s.Agreement(e.a.ID); len(stored.Parties) != n {
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
	h := newHarness(t)
	e := h.draft(nil)
	w := e.Window()
	body := e.body
	n := len(body.body)
	if previewText(e) != "" {
		t.Error("the preview was built before its tab showed")
	}
	e.tabs.SelectIndex(tabBody)
	h.l.until("the preview", func() bool { return strings.Contains(previewText(e), "PERJANJIAN KERJA SAMA") })
	tapRow(t, body.tree, body.label([]int{n - 1}))
	test.Tap(body.addPasal)
	if len(body.body) != n+1 || body.selected != fmt.Sprint(n) {
		t.Fatalf("%d pasal, selected %q", len(body.body), body.selected)
	}
	retype(w, body.heading, "SINKRONISASI DATA")
	test.Type(body.text, "PARA PIHAK saling bertukar data perizinan setiap bulan melalui sistem informasi.")
	h.l.until("the preview", func() bool { return strings.Contains(previewText(e), "SINKRONISASI DATA") })
	if !strings.Contains(previewText(e), fmt.Sprintf("Pasal %d", n+1)) || !strings.Contains(previewText(e), "saling bertukar data perizinan") {
		t.Errorf("preview lacks the new pasal:\n%s", previewText(e))
	}
	test.Tap(body.addAyat)
	test.Type(body.text, "Data yang dipertukarkan dijaga kerahasiaannya.")
	if got := body.label(parsePath(body.selected)); !strings.HasPrefix(got, "(1) Data") {
		t.Errorf("ayat label %q", got)
	}
	test.Tap(e.saveBtn)
	a, _ := h.s.Agreement(e.a.ID)
	if a.CountPasal() != n+1 || a.Body[n].Heading != "SINKRONISASI DATA" || len(a.Body[n].Children) != 1 {
		t.Errorf("stored body: %d pasal, last %+v", a.CountPasal(), a.Body[n])
	}
	// Moving it up, then removing it.
	tapRow(t, body.tree, body.label([]int{n}))
	test.Tap(body.up)
	if body.body[n-1].Heading != "SINKRONISASI DATA" {
		t.Error("move up")
	}
	test.Tap(body.remove)
	if len(body.body) != n {
		t.Error("remove")
	}
	// Closing stops a preview still waiting to be built.
	test.Type(body.text, "x")
	e.Close()
	if body.stopPreview == nil {
		t.Fatal("no preview was asked for")
	}
}

func TestEditorKeepsAttachmentsInTheDataFile(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	w := e.Window()
	e.tabs.SelectIndex(tabAttachments)
	at := e.attachments
	png, err := os.ReadFile("../../../resources/icon.png")
	if err != nil {
		t.Fatal(err)
	}
	if at.attach("catatan.docx", []byte("x")) || len(at.rows) != 0 || e.general.Text != "catatan.docx bukan PDF, JPG atau PNG." {
		t.Errorf("a .docx: %q", e.general.Text)
	}
	if at.attach("besar.pdf", make([]byte, service.MaxFileSize+1)) {
		t.Error("a file over 20 MB was attached")
	}
	choose(t, w, at.kind, "Pindaian naskah bertanda tangan")
	if !at.attach("Pindaian KSB.png", png) || !e.Dirty() {
		t.Fatalf("attach failed: %q", e.general.Text)
	}
	test.Tap(e.saveBtn)
	a, _ := h.s.Agreement(e.a.ID)
	if len(a.Attachments) != 1 || a.Attachments[0].Kind != agreement.AttachScan || a.Attachments[0].File.Size != int64(len(png)) {
		t.Fatalf("stored attachments %+v: %q", a.Attachments, e.general.Text)
	}
	var opened string
	at.tmpDir = t.TempDir()
	at.openURL = func(u *url.URL) error { opened = u.Path; return nil }
	test.Tap(at.open)
	if e.general.Text != "Pilih dulu lampiran yang akan dibuka." {
		t.Errorf("Buka with nothing chosen: %q", e.general.Text)
	}
	tapRow(t, at.list, at.rowText(0))
	test.Tap(at.open)
	got, err := os.ReadFile(opened)
	if err != nil || !bytes.Equal(got, png) || filepath.Base(opened) != "Pindaian KSB.png" {
		t.Errorf("opened %q: %d bytes, %v", opened, len(got), err)
	}
	test.Tap(at.detach)
	test.Tap(e.saveBtn)
	if a, _ := h.s.Agreement(e.a.ID); len(a.Attachments) != 0 {
		t.Error("detached file still listed")
	}
}

func TestWindowShortcutsWorkWhileTypingInAField(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	notes := e.identity.notes
	e.Window().Canvas().Focus(notes)
	test.Type(notes, "Menunggu paraf Kabag Hukum")
	// The driver hands a shortcut to the focused field, as a key press does.
	notes.TypedShortcut(&fyne.ShortcutSelectAll{})
	if notes.SelectedText() != "Menunggu paraf Kabag Hukum" {
		t.Errorf("Ctrl+A in the field selected %q", notes.SelectedText())
	}
	notes.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if a, _ := h.s.Agreement(e.a.ID); a.Notes != "Menunggu paraf Kabag Hukum" || e.Dirty() {
		t.Errorf("Ctrl+S in a field: notes %q stored, dirty %v", a.Notes, e.Dirty())
	}
}

func TestSavingOnTheTextTabRebuildsThePreview(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	e.tabs.SelectIndex(tabBody)
	h.l.until("the preview", func() bool { return strings.Contains(previewText(e), "PERTUKARAN DATA PERIZINAN BERUSAHA") })
	retype(e.Window(), e.identity.subject, "Integrasi Layanan Perizinan")
	shortcut(e.Window(), fyne.KeyS)
	if e.Dirty() {
		t.Fatalf("not saved: %q", e.general.Text)
	}
	h.l.until("the preview of the saved form", func() bool { return strings.Contains(previewText(e), "INTEGRASI LAYANAN PERIZINAN") })
}
