package editor

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/docx"
)

// rewrite changes word/document.xml of a .docx, as the partner's Word would.
func rewrite(t *testing.T, data []byte, edit func(string) string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range z.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			b = []byte(edit(string(b)))
		}
		fw, _ := w.Create(f.Name)
		fw.Write(b)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// once replaces old, which must occur exactly once.
func once(t *testing.T, doc, old, new string) string {
	t.Helper()
	if n := strings.Count(doc, old); n != 1 {
		t.Fatalf("%q occurs %d times", old, n)
	}
	return strings.Replace(doc, old, new, 1)
}

// TestNegotiationRoundTrip: Kirim ke mitra writes the Word file and keeps it
// as round 1; the partner's file comes back with three changes; in the
// comparison one is accepted, one rejected and one left open by tapping
// their buttons; Terapkan saves a new revision with the accepted change only,
// and the round received in its lampiran and history; the comparison prints
// as a PDF table.
func TestNegotiationRoundTrip(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	dir := t.TempDir()
	sent := filepath.Join(dir, "untuk mitra.docx")
	w, err := storage.Writer(storage.NewFileURI(sent))
	if err != nil {
		t.Fatal(err)
	}
	before := e.Agreement().Rev
	if !e.negotiation.sendTo(w, "untuk mitra.docx") {
		t.Fatalf("send: %s", e.general.Text)
	}
	a, _ := h.s.Agreement(e.Agreement().ID)
	if len(a.Attachments) != 1 || a.Attachments[0].Note != docx.SentNote(1, before) || a.Rev != before+1 {
		t.Fatalf("the round sent: rev %d, %+v", a.Rev, a.Attachments)
	}
	if !strings.Contains(e.general.Text, "putaran 1") {
		t.Errorf("notice %q", e.general.Text)
	}
	if e.negotiation.turn.Text != "Menunggu mitra sejak 22 November 2026 (0 hari)" {
		t.Errorf("turn %q", e.negotiation.turn.Text)
	}
	data, err := os.ReadFile(sent)
	if err != nil {
		t.Fatal(err)
	}
	// The partner: a word in Pasal 1 (1), a tracked insertion in Pasal 2
	// (1), a new last ayat in Pasal 8.
	d, _, err := e.negotiation.document(&a)
	if err != nil {
		t.Fatal(err)
	}
	p2 := d.Body[1].Items[0].Text.Plain()
	p8 := d.Body[7].Items[len(d.Body[7].Items)-1]
	next := "(" + string(rune(p8.Label[1]+1)) + ")"
	back := rewrite(t, data, func(doc string) string {
		doc = once(t, doc, ">Maksud Kesepakatan Bersama ini", ">Tujuan pokok Kesepakatan Bersama ini")
		first := strings.Fields(p2)[0]
		doc = once(t, doc, ">"+p2[:len(first)], ">"+first+`</w:t></w:r><w:ins w:id="7" w:author="Mitra"><w:r><w:t xml:space="preserve"> bersama</w:t></w:r></w:ins><w:r><w:t xml:space="preserve">`)
		end := strings.Index(doc[strings.Index(doc, p8.Text.Plain()):], "</w:p>") + strings.Index(doc, p8.Text.Plain()) + len("</w:p>")
		return doc[:end] + `<w:p><w:pPr><w:pStyle w:val="SepakatIsi"/></w:pPr><w:r><w:t xml:space="preserve">` + next + "\tHasil evaluasi diumumkan kepada masyarakat.</w:t></w:r></w:p>" + doc[end:]
	})
	v := e.negotiation.receiveFile("dari mitra.docx", back)
	if v == nil {
		t.Fatalf("receive: %s", e.general.Text)
	}
	if len(v.changes) != 3 || v.changes[0].Pasal != "Pasal 1" || v.changes[1].Pasal != "Pasal 2" || !v.changes[1].Tracked || v.changes[2].Pasal != "Pasal 8" || v.changes[2].Kind != docx.Added {
		t.Fatalf("changes: %+v", v.changes)
	}
	// Nothing decided yet: nothing to apply.
	if !v.applyBtn.Disabled() || v.status.Text != "0 diterima, 0 ditolak, 3 belum diputuskan." {
		t.Errorf("before deciding: %q, apply disabled %v", v.status.Text, v.applyBtn.Disabled())
	}
	test.Tap(v.accept[0])
	test.Tap(v.reject[1])
	if v.applyBtn.Disabled() || v.status.Text != "1 diterima, 1 ditolak, 1 belum diputuskan." {
		t.Errorf("after deciding: %q, apply disabled %v", v.status.Text, v.applyBtn.Disabled())
	}
	if v.accept[0].Importance != widget.SuccessImportance || v.reject[1].Importance != widget.DangerImportance || v.accept[2].Importance != widget.MediumImportance {
		t.Error("the decisions do not show on their buttons")
	}
	// The comparison on paper.
	pdfPath := filepath.Join(dir, "perbandingan.pdf")
	pw, err := storage.Writer(storage.NewFileURI(pdfPath))
	if err != nil {
		t.Fatal(err)
	}
	if !v.printTo(pw, "perbandingan.pdf") {
		t.Fatalf("print: %s", v.status.Text)
	}
	out, err := exec.Command("pdftotext", "-layout", pdfPath, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Perbandingan naskah dengan mitra", "Pasal 1 (1)", "Tujuan", "Diterima", "Ditolak", "Belum diputuskan", "Hasil evaluasi diumumkan"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed comparison lacks %q", want)
		}
	}
	test.Tap(v.applyBtn)
	got, _ := h.s.Agreement(a.ID)
	if got.Rev != a.Rev+1 {
		t.Fatalf("no new revision: %d (%s)", got.Rev, v.status.Text)
	}
	nd, _, _ := e.negotiation.document(&got)
	if p := nd.Body[0].Items[0].Text.Plain(); !strings.HasPrefix(p, "Tujuan pokok Kesepakatan Bersama ini") {
		t.Errorf("accepted change not applied: %q", p)
	}
	if p := nd.Body[1].Items[0].Text.Plain(); p != p2 {
		t.Errorf("rejected proposal applied: %q", p)
	}
	if n := len(nd.Body[7].Items); n != len(d.Body[7].Items) {
		t.Errorf("an undecided ayat was added: %d items", n)
	}
	last := got.Attachments[len(got.Attachments)-1]
	if last.Note != "Diterima dari mitra, putaran 1, dibuat dari revisi "+itoa(before)+": 1 diterima, 1 ditolak" || last.Kind != agreement.AttachDraft {
		t.Errorf("the round received: %+v", last)
	}
	hist, _ := h.s.AgreementHistory(a.ID)
	line := historyLine(hist[len(hist)-1], &got, agreement.ChangeNames{})
	if !strings.Contains(line, "Diterima dari mitra, putaran 1") {
		t.Errorf("history: %q", line)
	}
	if !strings.Contains(e.general.Text, "Dari mitra, putaran 1: 1 perubahan diterima, 1 ditolak") || e.Agreement().Rev != got.Rev {
		t.Errorf("editor: %q rev %d", e.general.Text, e.Agreement().Rev)
	}
	if e.negotiation.turn.Text != "Giliran kita: berkas mitra diterima 22 November 2026" {
		t.Errorf("turn %q", e.negotiation.turn.Text)
	}
	// The same file again is now compared with the new text: the rejected
	// and the open change remain.
	if v2 := e.negotiation.receiveFile("dari mitra.docx", back); v2 == nil || len(v2.changes) != 2 {
		t.Errorf("the file again: %v", v2)
	}
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }

// TestNegotiationRefusals: a .doc, another agreement's file and a file from
// an older round are refused in words, with no window and nothing saved.
func TestNegotiationRefusals(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	rev := e.Agreement().Rev
	old := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
	if v := e.negotiation.receiveFile("lama.doc", old); v != nil || !strings.Contains(e.general.Text, "Word lama (.doc)") {
		t.Errorf(".doc: %q", e.general.Text)
	}
	// A signed agreement's text is no longer negotiated.
	signed := h.open(1, nil)
	if !signed.negotiation.send.Disabled() || !signed.negotiation.receive.Disabled() || e.negotiation.send.Disabled() {
		t.Error("the round trip is offered for a signed agreement, or not for a draft")
	}
	// A file made from another draft.
	other := h.draft(nil)
	var buf bytes.Buffer
	if !other.negotiation.sendTo(&nopCloser{&buf}, "lain.docx") {
		t.Fatalf("another draft: %s", other.general.Text)
	}
	if v := e.negotiation.receiveFile("lain.docx", buf.Bytes()); v != nil || !strings.Contains(e.general.Text, "perjanjian lain") {
		t.Errorf("another agreement: %q", e.general.Text)
	}
	if got, _ := h.s.Agreement(e.Agreement().ID); got.Rev != rev {
		t.Errorf("a refusal saved something: rev %d → %d", rev, got.Rev)
	}
	// Two rounds sent: the partner's answer to the first is too old.
	var first, second bytes.Buffer
	if !e.negotiation.sendTo(&nopCloser{&first}, "putaran 1.docx") || !e.negotiation.sendTo(&nopCloser{&second}, "putaran 2.docx") {
		t.Fatalf("send: %s", e.general.Text)
	}
	rev = e.Agreement().Rev
	if v := e.negotiation.receiveFile("jawaban lama.docx", first.Bytes()); v != nil ||
		!strings.Contains(e.general.Text, "dibuat dari revisi "+itoa(rev-2)+", padahal revisi "+itoa(rev-1)+" sudah dikirim") {
		t.Errorf("older round: %q", e.general.Text)
	}
	if v := e.negotiation.receiveFile("jawaban.docx", second.Bytes()); v == nil || len(v.changes) != 0 {
		t.Errorf("the answer to the last round: %q", e.general.Text)
	}
	if got, _ := h.s.Agreement(e.Agreement().ID); got.Rev != rev {
		t.Errorf("reading saved something: rev %d → %d", rev, got.Rev)
	}
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
