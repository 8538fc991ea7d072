package editor

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
)

// The title and the status say that changes wait, until they are saved.
func TestEditorMarksUnsavedChangesInTitleAndStatus(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	w := e.Window()
	if strings.HasPrefix(w.Title(), "•") || e.general.Visible() {
		t.Fatalf("a fresh editor says it has unsaved changes: %q, %q", w.Title(), e.general.Text)
	}
	retype(w, e.identity.place, "Jatinangor")
	if !strings.HasPrefix(w.Title(), "• PKS ") || e.general.Text != "• belum disimpan" || !e.general.Visible() {
		t.Fatalf("after typing: title %q, status %q", w.Title(), e.general.Text)
	}
	shortcut(w, fyne.KeyS)
	if strings.HasPrefix(w.Title(), "•") || !strings.HasPrefix(e.general.Text, "Tersimpan: revisi") {
		t.Fatalf("after saving: title %q, status %q", w.Title(), e.general.Text)
	}
	// The next change replaces "Tersimpan" with the mark again.
	test.Type(e.identity.place, " Barat")
	if e.general.Text != "• belum disimpan" {
		t.Fatalf("a stale 'saved' stays while edits wait: %q", e.general.Text)
	}
}

// A pasal whose number disagrees with its words shows under the preview, and
// a final print asks first; a KONSEP print does not.
func TestEditorChecksTheTextBeforeAFinalPrint(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	w := e.Window()
	body := e.body
	e.tabs.SelectIndex(tabBody)
	h.l.until("the preview", func() bool { return strings.Contains(previewText(e), "PERJANJIAN KERJA SAMA") })
	if body.problems.Visible() {
		t.Fatalf("problems in the example's text: %s", body.problems.Text)
	}
	tapRow(t, body.tree, body.label([]int{0}))
	test.Tap(body.addPasal)
	retype(w, body.heading, "PELAPORAN")
	n := len(body.body)
	test.Type(body.text, "Laporan disampaikan setiap 3 (empat) bulan sebagaimana dimaksud dalam Pasal 40.")
	h.l.until("the check under the preview", func() bool { return body.problems.Visible() })
	for _, want := range []string{`Pasal 2: 3 ditulis dengan huruf "empat", yang berarti 4.`, "Pasal 2: menyebut Pasal 40, padahal naskah ini hanya sampai Pasal " + strconv.Itoa(n) + "."} {
		if !strings.Contains(body.problems.Text, want) {
			t.Errorf("under the preview: %q\nlacks %q", body.problems.Text, want)
		}
	}

	// Ekspor PDF saves, then asks before printing the final copy.
	test.Tap(e.exportBtn)
	if e.Dirty() {
		t.Fatal("not saved before the check")
	}
	buttons := dialogButtons(t, w, "no question before printing a text with problems")
	if buttons["Cetak tetap"] == nil || buttons["Perbaiki dulu"] == nil {
		t.Fatalf("buttons %v", buttons)
	}
	test.Tap(buttons["Perbaiki dulu"])
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatal("a dialog stayed after 'Perbaiki dulu'")
	}
	test.Tap(e.exportBtn)
	test.Tap(dialogButtons(t, w, "no question the second time")["Cetak tetap"])
	if top := w.Canvas().Overlays().Top(); top == nil || !hasButton(top, "Save") && !hasButton(top, "Simpan") {
		t.Fatal("'Cetak tetap' did not ask where to save the PDF")
	}
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())

	// A KONSEP copy is printed without the question.
	test.Tap(e.draftBtn)
	if top := w.Canvas().Overlays().Top(); top == nil || hasButton(top, "Cetak tetap") {
		t.Fatal("a KONSEP print asked about the text, or asked nothing")
	}
}

func hasButton(o fyne.CanvasObject, text string) bool {
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			return true
		}
	}
	return false
}

// The preview writes an acting head as the office's signature blocks do:
// "Pj." when the profile says so, the full words otherwise.
func TestPreviewFollowsTheOfficesActingStyle(t *testing.T) {
	h := newHarness(t)
	parties, err := h.s.Parties()
	if err != nil {
		t.Fatal(err)
	}
	var own, partner agreement.Party
	for _, p := range parties {
		if p.Own {
			own = p
		} else if p.Kind == agreement.PartyPemkab && partner.ID == 0 && strings.Contains(p.Name, "Lampung Selatan") {
			partner = p
		}
	}
	pj := agreement.Official{PartyID: partner.ID, Name: "Andi Wijaya", Jabatan: "Bupati Lampung Selatan", Role: agreement.RoleKepalaDaerah,
		Status: agreement.StatusPj, From: agreement.NewDate(2024, 1, 1)}
	if err := h.s.SaveOfficial(&pj); err != nil {
		t.Fatal(err)
	}
	e := h.draft(nil)
	a := e.a
	for i := range a.Parties {
		if a.Parties[i].PartyID == partner.ID {
			a.Parties[i].SignerID, a.Parties[i].MandateID = pj.ID, 0
		}
	}
	if err := h.s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	e.Close()
	for _, abbrev := range []bool{true, false} {
		if own.Page == nil {
			own.Page = &agreement.PageProfile{}
		}
		own.Page.ActingAbbrev = abbrev
		if err := h.s.SaveParty(&own); err != nil {
			t.Fatal(err)
		}
		e := h.open(a.ID, nil)
		e.tabs.SelectIndex(tabBody)
		h.l.until("the preview", func() bool { return strings.Contains(previewText(e), "ANDI WIJAYA") })
		want, not := "PIHAK PERTAMA, PJ. BUPATI LAMPUNG SELATAN", "PENJABAT BUPATI LAMPUNG SELATAN, ANDI"
		if !abbrev {
			want, not = "PIHAK PERTAMA, PENJABAT BUPATI LAMPUNG SELATAN", "PJ. BUPATI"
		}
		text := previewText(e)
		if !strings.Contains(strings.ToUpper(text), want) || strings.Contains(strings.ToUpper(text), not) {
			t.Errorf("abbrev %v: the signature block lacks %q or has %q:\n%s", abbrev, want, not, text)
		}
		// The komparisi always writes the words in full.
		if !strings.Contains(text, "Penjabat Bupati Lampung Selatan") {
			t.Errorf("abbrev %v: komparisi without the full words", abbrev)
		}
		e.Close()
		own, _ = h.s.Party(own.ID)
	}
}
