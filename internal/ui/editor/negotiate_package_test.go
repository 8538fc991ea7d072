package editor

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/docx"
	"sepakat/internal/exchange"
	"sepakat/internal/store"
)

// TestNegotiationWithAPackage: Kirim ke mitra offers the Word file and the
// .sepakat package; the package goes to Lampung Selatan's own register,
// which takes it as its draft, changes a word of Pasal 1 and sends it back;
// Terima dari mitra shows the comparison, a tap accepts the change and
// Terapkan saves it with Lampung Selatan's number. The same package again,
// and a tampered one, are refused in words with nothing saved.
func TestNegotiationWithAPackage(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	test.Tap(e.negotiation.send)
	if e.negotiation.choice == nil || !e.negotiation.sendWord.Visible() || !e.negotiation.sendPack.Visible() {
		t.Fatal("Kirim ke mitra offers no choice")
	}
	e.negotiation.choice.Hide()
	var out bytes.Buffer
	if !e.negotiation.sendTo(&nopCloser{&out}, "untuk mitra.sepakat") {
		t.Fatalf("send: %s", e.general.Text)
	}
	a, _ := h.s.Agreement(e.Agreement().ID)
	if a.Exchange == nil || a.Exchange.Key == "" || len(a.Attachments) != 1 || a.Attachments[0].File.MediaType != exchange.MediaType ||
		!strings.Contains(e.general.Text, "Paket .sepakat untuk mitra") {
		t.Fatalf("the package sent: %+v %+v, %q", a.Exchange, a.Attachments, e.general.Text)
	}

	// Lampung Selatan, in its own register.
	b, err := store.Open(filepath.Join(t.TempDir(), "lamsel.db"), store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	own := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Lampung Selatan", RegionCode: "18.01", ProvinceCode: "18", Seat: "Kalianda", Own: true}
	if err := b.SaveParty(&own); err != nil {
		t.Fatal(err)
	}
	p, err := exchange.Read(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	rc, err := exchange.Prepare(b, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := rc.CreateMirror(b, out.Bytes(), fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	for i := range m.Parties {
		if m.Parties[i].Own {
			m.Parties[i].Number = "07/PKS/TKKSD-LS/XI/2026"
		}
	}
	m.Body[0].Children[0].Text = strings.Replace(m.Body[0].Children[0].Text, "Maksud", "Tujuan pokok", 1)
	if err := b.SaveAgreement(&m); err != nil {
		t.Fatal(err)
	}
	pb, round, err := exchange.Send(b, &m, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	var back bytes.Buffer
	if err := exchange.Write(&back, pb); err != nil {
		t.Fatal(err)
	}
	if err := exchange.Keep(b, &m, pb, round, back.Bytes(), fixedNow()); err != nil {
		t.Fatal(err)
	}

	// Back at Sumedang.
	rev := e.Agreement().Rev
	v := e.negotiation.receiveFile("jawaban.sepakat", back.Bytes())
	if v == nil {
		t.Fatalf("receive: %s", e.general.Text)
	}
	var body []int
	for i, c := range v.changes {
		if docx.Applicable(c) {
			body = append(body, i)
		}
	}
	if len(body) != 1 || v.changes[body[0]].Pasal != "Pasal 1" || !strings.Contains(v.changes[body[0]].Theirs, "Tujuan pokok") {
		t.Fatalf("changes: %+v", v.changes)
	}
	test.Tap(v.accept[body[0]])
	// The comparison on paper: the partner's number carried over, the word accepted.
	pdfPath := filepath.Join(t.TempDir(), "perbandingan.pdf")
	pw, err := storage.Writer(storage.NewFileURI(pdfPath))
	if err != nil {
		t.Fatal(err)
	}
	if !v.printTo(pw, "perbandingan.pdf") {
		t.Fatalf("print: %s", v.status.Text)
	}
	printed, err := exec.Command("pdftotext", "-layout", pdfPath, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(printed)), " ")
	for _, want := range []string{"Perbandingan naskah dengan mitra", "jawaban.sepakat", "Nomor mitra ikut diperbarui", "07/PKS/TKKSD-LS/XI/2026", "Tujuan pokok", "Diterima"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed comparison lacks %q", want)
		}
	}
	test.Tap(v.applyBtn)
	got, _ := h.s.Agreement(a.ID)
	if got.Rev != rev+1 || !strings.HasPrefix(got.Body[0].Children[0].Text, "Tujuan pokok") {
		t.Fatalf("after Terapkan: rev %d (was %d), %q, %s", got.Rev, rev, got.Body[0].Children[0].Text, v.status.Text)
	}
	for _, ap := range got.Parties {
		if !ap.Own && ap.Number != "07/PKS/TKKSD-LS/XI/2026" {
			t.Errorf("the partner's number: %+v", ap)
		}
	}
	if last := got.Attachments[len(got.Attachments)-1]; !strings.HasPrefix(last.Note, "Diterima dari mitra, putaran 1") || last.File.MediaType != exchange.MediaType {
		t.Errorf("the round received: %+v", last)
	}

	// Refused: the same package again, a tampered one.
	rev = got.Rev
	if v := e.negotiation.receiveFile("jawaban.sepakat", back.Bytes()); v != nil || !strings.Contains(e.general.Text, "sudah diterima") {
		t.Errorf("again: %q", e.general.Text)
	}
	tampered := bytes.Replace(back.Bytes(), []byte("Tujuan pokok"), []byte("Tujuan utama"), 1)
	if v := e.negotiation.receiveFile("diubah.sepakat", tampered); v != nil || !strings.Contains(e.general.Text, "SHA-256") {
		t.Errorf("tampered: %q", e.general.Text)
	}
	if got, _ := h.s.Agreement(a.ID); got.Rev != rev {
		t.Errorf("a refusal saved something: rev %d → %d", rev, got.Rev)
	}
}
