package editor

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// reviewAll records, as a person does on the Persetujuan & Telaah tab, every
// required reviewer agreeing: the line offers the next one pending, dated
// today, so each is one tap on Catat telaah.
func reviewAll(t *testing.T, e *Editor) {
	t.Helper()
	e.tabs.SelectIndex(tabApproval)
	r := &e.approval.review
	for range 10 {
		if strings.HasPrefix(r.pending.Text, "Semua") {
			return
		}
		test.Tap(r.add)
	}
	t.Fatalf("reviews still pending: %q %q", r.pending.Text, r.problem.Text)
}

// answer taps the radio option reading text in the question's group.
func answer(t *testing.T, e *Editor, which string, text string) {
	t.Helper()
	g := e.approval.burdens
	if which == "outside" {
		g = e.approval.outside
	}
	tapRow(t, g, text)
}

func TestDPRDGateRefusesReadyToSignUntilTheApprovalIsRecorded(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	w := e.Window()
	ap := e.approval
	e.tabs.SelectIndex(tabApproval)
	if ap.dprdBox.Visible() || ap.centralBox.Visible() {
		t.Error("approval fields shown before any yes, with a partner at home")
	}
	if want := "Belum menyetujui: Kepala Bagian Kerja Sama, Kepala Bagian Hukum, Sekretaris Daerah."; ap.review.pending.Text != want {
		t.Errorf("pending %q, want %q", ap.review.pending.Text, want)
	}
	answer(t, e, "burdens", "Ya")
	answer(t, e, "outside", "Tidak")
	if !ap.dprdBox.Visible() {
		t.Fatal("a yes does not ask for the DPRD's approval")
	}
	reviewAll(t, e)
	e.tabs.SelectIndex(tabSigning)
	sg := e.signing
	test.Tap(sg.stepBtns[agreement.StatusTelaah])
	test.Tap(sg.stepBtns[agreement.StatusSiapTTD])
	if e.a.Status != agreement.StatusTelaah {
		t.Fatalf("moved to %s without the DPRD's approval", e.a.Status)
	}
	if l := e.problems["dprd.number"]; !l.Visible() || !strings.Contains(l.Text, "memerlukan persetujuan DPRD") {
		t.Errorf("no refusal at the approval's number: %q", l.Text)
	}
	if !e.problems["dprd.date"].Visible() || e.tabs.SelectedIndex() != tabApproval {
		t.Errorf("date problem %v, tab %d", e.problems["dprd.date"].Visible(), e.tabs.SelectedIndex())
	}
	if stored, _ := h.s.Agreement(e.a.ID); stored.Status != agreement.StatusTelaah || stored.DPRD.Burdens != agreement.AnswerYes || len(stored.Reviews) != 3 {
		t.Errorf("stored %s %+v, %d reviews", stored.Status, stored.DPRD, len(stored.Reviews))
	}

	// The approval, with its letter attached from here.
	test.Type(ap.dprd.number, "172/12/DPRD/2026")
	test.Type(ap.dprd.date, "10/11/2026")
	if !ap.attachLetter(&ap.dprd, "persetujuan-dprd.pdf", []byte("%PDF-1.4 persetujuan")) {
		t.Fatalf("the letter was not attached: %q", e.general.Text)
	}
	if ap.dprd.letter.Selected != "persetujuan-dprd.pdf" {
		t.Errorf("letter chosen %q", ap.dprd.letter.Selected)
	}
	e.tabs.SelectIndex(tabSigning)
	test.Tap(sg.stepBtns[agreement.StatusSiapTTD])
	if e.a.Status != agreement.StatusSiapTTD {
		t.Fatalf("not let through with the approval: %q %q", e.general.Text, e.problems["dprd.number"].Text)
	}
	stored, _ := h.s.Agreement(e.a.ID)
	if stored.Status != agreement.StatusSiapTTD || stored.DPRD.Number != "172/12/DPRD/2026" || stored.DPRD.Date != agreement.NewDate(2026, 11, 10) {
		t.Fatalf("stored %s %+v", stored.Status, stored.DPRD)
	}
	if len(stored.Attachments) != 1 || stored.DPRD.Letter != stored.Attachments[0].File.SHA256 {
		t.Errorf("letter %q among %+v", stored.DPRD.Letter, stored.Attachments)
	}
	// Taking the letter off the Lampiran is refused at the letter.
	e.tabs.SelectIndex(tabAttachments)
	e.attachments.list.Select(0)
	test.Tap(e.attachments.detach)
	if e.Save() || !e.problems["dprd.letter"].Visible() {
		t.Errorf("the letter was detached: %q", e.general.Text)
	}
	_ = w
}

func TestReviewNeedsEveryRequiredReviewerToAgree(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	w := e.Window()
	r := &e.approval.review
	e.tabs.SelectIndex(tabApproval)
	answer(t, e, "burdens", "Tidak")
	answer(t, e, "outside", "Tidak")
	if r.reviewer.Selected != "Kepala Bagian Kerja Sama" || r.date.Text != "22/11/2026" {
		t.Fatalf("the line offers %q on %q", r.reviewer.Selected, r.date.Text)
	}
	test.Tap(r.add)
	// The Kabag Hukum asks for changes: a note is needed.
	if r.reviewer.Selected != "Kepala Bagian Hukum" {
		t.Fatalf("next offered %q", r.reviewer.Selected)
	}
	choose(t, w, r.outcome, "Perbaikan")
	test.Tap(r.add)
	if !r.problem.Visible() || !strings.Contains(r.problem.Text, "catatan") {
		t.Errorf("a perbaikan without a note: %q", r.problem.Text)
	}
	test.Type(r.note, "Pasal 5 tentang pembiayaan diperjelas")
	test.Tap(r.add)
	choose(t, w, r.reviewer, "Sekretaris Daerah")
	test.Tap(r.add)
	if want := "Belum menyetujui: Kepala Bagian Hukum."; r.pending.Text != want {
		t.Errorf("pending %q, want %q", r.pending.Text, want)
	}
	e.tabs.SelectIndex(tabSigning)
	test.Tap(e.signing.stepBtns[agreement.StatusTelaah])
	test.Tap(e.signing.stepBtns[agreement.StatusSiapTTD])
	if l := e.problems["reviews"]; e.a.Status != agreement.StatusTelaah || !l.Visible() || !strings.Contains(l.Text, "Kepala Bagian Hukum") {
		t.Fatalf("status %s, refusal %q", e.a.Status, l.Text)
	}
	// Agreed after the change; then it moves on.
	e.tabs.SelectIndex(tabApproval)
	if r.reviewer.Selected != "Kepala Bagian Hukum" {
		t.Fatalf("the line offers %q", r.reviewer.Selected)
	}
	test.Tap(r.add)
	// The refusal is gone with the reason for it: the tab no longer says
	// both that everyone agreed and that someone has not (QA 18).
	if l := e.problems["reviews"]; l.Visible() || r.pending.Text != "Semua penelaah wajib telah menyetujui." {
		t.Errorf("after the last agreement: pending %q, refusal shown %v %q", r.pending.Text, l.Visible(), l.Text)
	}
	e.tabs.SelectIndex(tabSigning)
	test.Tap(e.signing.stepBtns[agreement.StatusSiapTTD])
	if e.a.Status != agreement.StatusSiapTTD {
		t.Fatalf("not let through: %q", e.general.Text)
	}
	stored, _ := h.s.Agreement(e.a.ID)
	if len(stored.Reviews) != 4 || stored.Reviews[1].Outcome != agreement.ReviewPerbaikan || stored.Reviews[1].Note != "Pasal 5 tentang pembiayaan diperjelas" {
		t.Errorf("stored reviews %+v", stored.Reviews)
	}
}

func TestReviewSheetPrintsFromTheTab(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	r := &e.approval.review
	e.tabs.SelectIndex(tabApproval)
	test.Tap(r.add) // the Kabag Kerja Sama agrees
	choose(t, e.Window(), r.outcome, "Tolak")
	test.Type(r.note, "Belum ada kajian manfaat")
	test.Tap(r.add) // the Kabag Hukum refuses
	if !r.print.Visible() {
		t.Fatal("no Cetak lembar telaah")
	}
	job, ok := e.telaahJob(nil)
	if !ok || job.FileName() != fmt.Sprintf("Telaah-PKS-%d.pdf", e.a.ID) {
		t.Fatalf("job %v %q", ok, job.FileName())
	}
	// Cetak lembar telaah saves the reviews first, then asks where.
	test.Tap(r.print)
	if e.Dirty() {
		t.Fatalf("the reviews were not saved first: %q", e.general.Text)
	}
	if stored, _ := h.s.Agreement(e.a.ID); len(stored.Reviews) != 2 {
		t.Fatalf("stored %d reviews", len(stored.Reviews))
	}
	for _, o := range e.Window().Canvas().Overlays().List() {
		o.Hide() // the save dialog, answered below as it would be
	}
	path := filepath.Join(t.TempDir(), job.FileName())
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	var done bool
	var outcome error
	job.Done = func(err error) { done, outcome = true, err }
	kit.ExportPDF(job, w)
	h.l.until("the review sheet", func() bool { return done })
	if outcome != nil {
		t.Fatal(outcome)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	got := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"LEMBAR TELAAH DAN DISPOSISI", "Rancangan Perjanjian Kerja Sama",
		"1 Kepala Bagian Kerja Sama * 22-11-2026 Setuju", "2 Kepala Bagian Hukum * 22-11-2026 Tolak Belum ada kajian manfaat",
		"Belum menyetujui: Kepala Bagian Hukum, Sekretaris Daerah.", "DISPOSISI"} {
		if !strings.Contains(got, want) {
			t.Errorf("the sheet lacks %q\n%s", want, got)
		}
	}
}

func TestDuplicateIsReviewedAndApprovedAnew(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	a := e.Agreement()
	ref, err := h.s.PutFile("dprd.pdf", "application/pdf", []byte("%PDF-1.4 dprd"))
	if err != nil {
		t.Fatal(err)
	}
	a.Attachments = []agreement.Attachment{{Kind: agreement.AttachLain, File: ref, Added: fixedNow()}}
	a.DPRD = agreement.DPRDApproval{Burdens: agreement.AnswerYes, OutsideBudget: agreement.AnswerNo, Number: "1/DPRD", Date: agreement.NewDate(2026, 11, 1), Letter: ref.SHA256}
	a.Reviews = []agreement.Review{{Reviewer: "Sekretaris Daerah", Date: agreement.NewDate(2026, 11, 2), Outcome: agreement.ReviewSetuju}}
	if err := h.s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	e.Close()
	e = h.open(a.ID, nil)
	test.Tap(e.duplicate)
	if len(h.created) != 1 {
		t.Fatalf("no copy made: %q", e.general.Text)
	}
	c, err := h.s.Agreement(h.created[0])
	if err != nil || len(c.Reviews) != 0 || c.DPRD != (agreement.DPRDApproval{}) || c.Central != (agreement.ApprovalRecord{}) {
		t.Errorf("the copy carries the original's review or approval: %+v %+v, %v", c.Reviews, c.DPRD, err)
	}
}

func TestForeignCooperationAsksForTheCentralApproval(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	// The PKS's partner is a foreign city.
	city := agreement.Party{Kind: agreement.PartyLuarNegeri, Name: "Kota Shizuoka, Jepang", Seat: "Shizuoka"}
	if err := h.s.SaveParty(&city); err != nil {
		t.Fatal(err)
	}
	mayor := agreement.Official{PartyID: city.ID, Name: "Takashi Nanba", Jabatan: "Wali Kota Shizuoka", Role: agreement.RolePimpinan}
	if err := h.s.SaveOfficial(&mayor); err != nil {
		t.Fatal(err)
	}
	a := e.Agreement()
	a.Category = agreement.CatKSDPL
	for i := range a.Parties {
		if !a.Parties[i].Own {
			a.Parties[i] = agreement.AgreementParty{PartyID: city.ID, Role: a.Parties[i].Role, SignerID: mayor.ID}
		}
	}
	if err := h.s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	e.Close()
	e = h.open(a.ID, nil)
	ap := e.approval
	e.tabs.SelectIndex(tabApproval)
	if !ap.centralBox.Visible() || ap.dprdBox.Visible() {
		t.Fatalf("central %v, dprd %v", ap.centralBox.Visible(), ap.dprdBox.Visible())
	}
	answer(t, e, "burdens", "Tidak")
	answer(t, e, "outside", "Tidak")
	reviewAll(t, e)
	e.tabs.SelectIndex(tabSigning)
	test.Tap(e.signing.stepBtns[agreement.StatusTelaah])
	test.Tap(e.signing.stepBtns[agreement.StatusSiapTTD])
	if l := e.problems["central.number"]; e.a.Status != agreement.StatusTelaah || !l.Visible() || !strings.Contains(l.Text, "Pemerintah Pusat") {
		t.Fatalf("status %s, refusal %q", e.a.Status, l.Text)
	}
	test.Type(ap.central.number, "B/2101/KS.02/2026")
	test.Type(ap.central.date, "12/11/2026")
	test.Type(ap.centralBy, "Menteri Dalam Negeri")
	e.tabs.SelectIndex(tabSigning)
	test.Tap(e.signing.stepBtns[agreement.StatusSiapTTD])
	stored, _ := h.s.Agreement(a.ID)
	if stored.Status != agreement.StatusSiapTTD || stored.Central.Number != "B/2101/KS.02/2026" || stored.Central.By != "Menteri Dalam Negeri" || stored.Central.Date != agreement.NewDate(2026, 11, 12) {
		t.Errorf("stored %s %+v: %q", stored.Status, stored.Central, e.general.Text)
	}
}
