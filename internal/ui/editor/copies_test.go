package editor

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
)

// The signed KSB's originals are finished by ticking each item, the scan by
// attaching it; the agreement counts as complete only when all are done.
func TestEditorSignedCopiesChecklistByTapping(t *testing.T) {
	h := newHarness(t)
	e := h.open(2, nil) // the signed KSB
	e.tabs.SelectIndex(tabSigning)
	sg := e.signing
	if !sg.copiesCard.Visible() || len(sg.copyRows) == 0 {
		t.Fatalf("no checklist on a signed agreement: %d rows", len(sg.copyRows))
	}
	a := e.Agreement()
	if want := len(a.Checklist()); len(sg.copyRows) != want {
		t.Fatalf("%d rows, want %d (copies × parties)", len(sg.copyRows), want)
	}
	if sg.copyRows[0].scanned.Text != "belum" || sg.copyRows[0].check.Scanned {
		t.Errorf("the scan item without a scan: %q", sg.copyRows[0].scanned.Text)
	}
	for _, r := range sg.copyRows {
		test.Tap(r.paraf)
		test.Tap(r.meterai)
		test.Tap(r.stempel)
		test.Tap(r.exchanged)
	}
	if !e.Dirty() || sg.copiesState.Text != "Belum lengkap: 0 dari 4 naskah asli selesai." {
		t.Errorf("after ticking all but the scan: dirty %v, %q", e.Dirty(), sg.copiesState.Text)
	}
	test.Tap(e.saveBtn)
	got, _ := h.s.Agreement(2)
	if ok, done, total := got.CopiesComplete(); ok || done != 0 || total != len(sg.copyRows) {
		t.Errorf("stored without a scan: complete %v, %d of %d", ok, done, total)
	}
	if sums, _ := h.s.Summaries([]agreement.ID{2}); len(sums) != 1 || sums[0].CopiesDone {
		t.Errorf("the register marks it complete: %+v", sums)
	}
	// Attaching the scan finishes every original.
	png, err := os.ReadFile("../../../resources/icon.png")
	if err != nil {
		t.Fatal(err)
	}
	e.tabs.SelectIndex(tabAttachments)
	choose(t, e.Window(), e.attachments.kind, "Pindaian naskah bertanda tangan")
	if !e.attachments.attach("Pindaian KSB.png", png) {
		t.Fatalf("attach: %q", e.general.Text)
	}
	test.Tap(e.saveBtn)
	if sg.copyRows[0].scanned.Text != "terlampir" || sg.copiesState.Text != "Lengkap: semua 4 naskah asli selesai." {
		t.Errorf("after the scan: %q", sg.copiesState.Text)
	}
	got, _ = h.s.Agreement(2)
	if ok, _, _ := got.CopiesComplete(); !ok || got.Signing.Scan == "" || got.Signing.Scan != got.Attachments[0].File.SHA256 {
		t.Errorf("stored checklist %+v, scan %q", got.Signing.Checklist, got.Signing.Scan)
	}
	if sums, _ := h.s.Summaries([]agreement.ID{2}); len(sums) != 1 || !sums[0].CopiesDone {
		t.Errorf("the register does not mark it complete: %+v", sums)
	}
	// Untick one stamp: incomplete again.
	e.tabs.SelectIndex(tabSigning)
	test.Tap(sg.copyRows[1].stempel)
	if sg.copiesState.Text != "Belum lengkap: 3 dari 4 naskah asli selesai." {
		t.Errorf("after unticking: %q", sg.copiesState.Text)
	}
	test.Tap(e.saveBtn)
	got, _ = h.s.Agreement(2)
	if ok, done, _ := got.CopiesComplete(); ok || done != 3 || got.Signing.Checklist[1].Stempel {
		t.Errorf("stored %+v", got.Signing.Checklist)
	}
}

// A draft shows no copies checklist.
func TestEditorNoCopiesChecklistBeforeSigning(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	if e.signing.copiesCard.Visible() || len(e.signing.copyRows) != 0 {
		t.Error("a draft shows the copies checklist")
	}
}
