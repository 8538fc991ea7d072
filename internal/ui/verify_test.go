package ui

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
)

// A page exported from the register is recorded; Berkas → Verifikasi naskah
// finds it by what its foot says (read back from the PDF), says when it no
// longer matches and which pasal changed, and gives clear words to a wrong
// fingerprint and to something that is no code.
func TestVerifyAPrintedPageFromTheMenu(t *testing.T) {
	u, s, l := withExamples(t)
	ksb, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	pks.Subject = "Pertukaran Data Perizinan Berusaha"
	pks.Body = ksb.Body
	if err := s.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "pks.pdf")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	finished := false
	u.exportTo(pks.ID, w, true, func(err error) {
		if err != nil {
			t.Error(err)
		}
		finished = true
	})
	l.until("the export", func() bool { return finished })
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(PKS-\d+) · ([0-9a-f]{12})`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("no page code in the PDF:\n%s", out)
	}
	h, _ := s.AgreementHistory(pks.ID)
	if last := h[len(h)-1]; last.Action != dataset.ActionPrint || last.Print.Fingerprint != m[2] || !last.Print.Draft {
		t.Fatalf("the export is recorded as %+v", last)
	}

	if menuItem(t, u, "Berkas", "Verifikasi naskah…") == nil {
		t.Fatal("no menu item")
	}
	v := u.onVerify()
	if u.win.Canvas().Focused() != v.entry {
		t.Error("the code field does not have the cursor")
	}
	test.Type(v.entry, m[1]+" "+m[2])
	test.Tap(v.check)
	if !strings.HasPrefix(v.verdict.Text, "COCOK. Halaman ini dicetak dari "+m[1]) || !strings.Contains(v.verdict.Text, "(KONSEP)") || !v.open.Visible() {
		t.Fatalf("verdict %q", v.verdict.Text)
	}

	pks, _ = s.Agreement(pks.ID)
	pks.Body[1].Text += " Ditambah sesudah dicetak."
	if err := s.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}
	// A scanner types the QR code's text and Enter.
	v.entry.SetText("")
	test.Type(v.entry, "SEPAKAT "+m[1]+" "+m[2])
	v.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !strings.HasPrefix(v.verdict.Text, "BERUBAH.") || !strings.Contains(v.details.Text, "Bagian yang berubah: Pasal 2.") {
		t.Errorf("after a change: %q\n%s", v.verdict.Text, v.details.Text)
	}

	v.entry.SetText("")
	test.Type(v.entry, m[1]+" 0123456789ab")
	test.Tap(v.check)
	if !strings.HasPrefix(v.verdict.Text, "TIDAK DIKENAL.") {
		t.Errorf("a wrong fingerprint: %q", v.verdict.Text)
	}
	v.entry.SetText("")
	test.Type(v.entry, "halaman 3")
	test.Tap(v.check)
	if !strings.HasPrefix(v.verdict.Text, "Tidak dapat diperiksa: Kode halaman tidak terbaca.") || v.open.Visible() {
		t.Errorf("no code: %q", v.verdict.Text)
	}
	v.entry.SetText("")
	test.Type(v.entry, "PKS-99 "+m[2])
	test.Tap(v.check)
	if !strings.Contains(v.verdict.Text, "tidak menunjuk perjanjian mana pun") {
		t.Errorf("an unknown code: %q", v.verdict.Text)
	}

	v.entry.SetText("")
	test.Type(v.entry, m[1]+" "+m[2])
	test.Tap(v.check)
	test.Tap(v.open)
	if _, ok := u.editors[pks.ID]; !ok {
		t.Error("Buka perjanjian did not open the agreement")
	}
}
