package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/store"
)

// A page printed by "pdf" is in the agreement's history, and "verify" finds
// it by the QR code's text: it matches, and after the record changes it names
// the changed pasal; an unknown fingerprint, an unknown code and something
// that is no code each get their words and exit code.
func TestPrintedPageVerified(t *testing.T) {
	dir, db := demoFile(t)
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
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
	s.Close()

	r := run(t, i18n.ID, "--db", db, "pdf", pks.ID.String(), "-o", filepath.Join(dir, "pks.pdf"), "--tetap")
	m := regexp.MustCompile(`kode (PKS-\d+), sidik ([0-9a-f]{12})`).FindStringSubmatch(r.stderr)
	if r.code != 0 || m == nil {
		t.Fatalf("pdf: %+v", r)
	}
	qr := "SEPAKAT " + m[1] + " " + m[2]
	r = run(t, i18n.ID, "--db", db, "verify", qr)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "COCOK. Halaman ini dicetak dari "+m[1]+" “Pertukaran Data Perizinan Berusaha”, revisi 1") {
		t.Fatalf("verify: %+v", r)
	}
	// Unquoted, as a scanner may type it into a shell, and in English.
	if r = run(t, i18n.EN, append([]string{"--db", db, "verify"}, strings.Fields(qr)...)...); r.code != 0 || !strings.HasPrefix(r.stdout, "MATCHES.") {
		t.Errorf("verify unquoted: %+v", r)
	}

	s, err = store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pks, err = s.Agreement(pks.ID); err != nil {
		t.Fatal(err)
	}
	pks.Body[0].Text += " Ditambah sesudah dicetak."
	if err := s.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}
	h, _ := s.AgreementHistory(pks.ID)
	s.Close()
	if len(h) != 3 || h[1].Action != dataset.ActionPrint || h[1].Print.Rev != 1 {
		t.Fatalf("history %+v", h)
	}
	r = run(t, i18n.ID, "--db", db, "verify", qr)
	if r.code != ExitChanged || !strings.HasPrefix(r.stdout, "BERUBAH.") || !strings.Contains(r.stdout, "Bagian yang berubah: Pasal 1.") ||
		!strings.Contains(r.stdout, "revisi 2, ") || !strings.Contains(r.stderr, "tidak sama lagi") {
		t.Errorf("verify after a change: %+v", r)
	}
	r = run(t, i18n.ID, "--db", db, "verify", m[1]+" 0123456789ab")
	if r.code != ExitUnknown || !strings.HasPrefix(r.stdout, "TIDAK DIKENAL.") {
		t.Errorf("verify a wrong fingerprint: %+v", r)
	}
	r = run(t, i18n.ID, "--db", db, "verify", "PKS-999 "+m[2])
	if r.code != ExitUnknown || !strings.Contains(r.stderr, "tidak menunjuk perjanjian mana pun") {
		t.Errorf("verify an unknown code: %+v", r)
	}
	for _, bad := range [][]string{{"verify"}, {"verify", "halo"}} {
		if r := run(t, i18n.ID, append([]string{"--db", db}, bad...)...); r.code != ExitMisuse || r.stderr == "" {
			t.Errorf("%v: %+v", bad, r)
		}
	}
}
