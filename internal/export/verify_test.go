package export

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/service/fake"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store"
)

// A page exported and recorded is found again by its QR text: it matches;
// after a pasal changes it names that pasal and the change; a fingerprint
// never printed, a code of no agreement and what is no code get their words.
// On the in-memory fake and on a real data file.
func TestVerifyAPrintedPage(t *testing.T) {
	now := func() time.Time { return time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC) }
	for name, open := range map[string]func(t *testing.T) service.Service{
		"fake": func(t *testing.T) service.Service {
			f, err := fake.New(fake.Options{Now: now, User: "ani"})
			if err != nil {
				t.Fatal(err)
			}
			return f
		},
		"store": func(t *testing.T) service.Service {
			s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{Now: now, User: "ani"})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
	} {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			must := func(t *testing.T, err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			SeedWorld := servicetest.SeedWorld
			w := SeedWorld(t, s)
			a := w.KSB("Berbagi Informasi dan Inovasi Daerah")
			must(t, s.SaveAgreement(&a))
			p := Printer{Src: s}
			printed, err := p.PrintPDF(context.Background(), a.ID, &bytes.Buffer{}, false)
			must(t, err)
			must(t, p.RecordPrint(a.ID, printed))
			qr := "SEPAKAT " + printed.Code + " " + printed.Fingerprint // as pdf encodes the QR code
			v, err := Verify(s, qr)
			must(t, err)
			if v.Verdict != Matches || v.Print == nil || v.Print.Print.Rev != 1 || v.Agreement.ID != a.ID || v.Current != printed.Fingerprint {
				t.Fatalf("verify the page as printed: %+v", v)
			}
			if line := v.Lines(i18n.ID)[0]; !strings.HasPrefix(line, "COCOK.") || !strings.Contains(line, "KSB-1") || !strings.Contains(line, "revisi 1") {
				t.Errorf("answer: %q", line)
			}
			// The second pasal changes: the page no longer matches, and the answer names it.
			a.Body[1].Text = "Kesepakatan Bersama ini berlaku untuk jangka waktu 3 (tiga) tahun."
			must(t, s.SaveAgreement(&a))
			v, err = Verify(s, strings.ToLower(printed.Code)+" · "+strings.ToUpper(printed.Fingerprint))
			must(t, err)
			if v.Verdict != Changed || !reflect.DeepEqual(v.Changed, []string{"Pasal 2"}) || len(v.Added)+len(v.Removed) != 0 ||
				len(v.Since) != 1 || v.Since[0].Rev != 2 {
				t.Fatalf("verify after a change: %+v", v)
			}
			text := v.Text(i18n.ID)
			if !strings.HasPrefix(text, "BERUBAH.") || !strings.Contains(text, "Bagian yang berubah: Pasal 2.") || !strings.Contains(text, "revisi 2") {
				t.Errorf("answer after a change:\n%s", text)
			}
			if en := v.Text(i18n.EN); !strings.HasPrefix(en, "CHANGED.") || !strings.Contains(en, "Parts changed: Pasal 2.") {
				t.Errorf("English answer:\n%s", en)
			}
			// A fingerprint never printed from it, and a code of no agreement.
			v, err = Verify(s, "KSB-1 000000000000")
			must(t, err)
			if v.Verdict != Unknown || !strings.HasPrefix(v.Text(i18n.ID), "TIDAK DIKENAL.") {
				t.Errorf("wrong fingerprint: %+v", v)
			}
			// The text now, never printed: it matches, without a print on record.
			v, err = Verify(s, "KSB-1 "+v.Current)
			must(t, err)
			if v.Verdict != Unrecorded {
				t.Errorf("the current text's fingerprint: %v", v.Verdict)
			}
			for _, code := range []string{"KSB-7 " + printed.Fingerprint, "PKS-1 " + printed.Fingerprint} {
				if _, err := Verify(s, code); !errors.Is(err, service.ErrPageUnknown) {
					t.Errorf("%s: %v", code, err)
				}
			}
			for _, bad := range []string{"", "KSB-1", printed.Fingerprint, "SEPAKAT KSB-1 xyz", "ABC-1 " + printed.Fingerprint} {
				if _, err := Verify(s, bad); !errors.Is(err, service.ErrPageMark) {
					t.Errorf("%q: %v", bad, err)
				}
			}
		})
	}
}

// The fingerprint kept at signing is the one a print of the signed agreement
// carries, and verifying that print says it is the text as signed.
func TestTextKeptAtSigningIsThePrintedOne(t *testing.T) {
	now := func() time.Time { return time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC) }
	for name, s := range map[string]service.Service{"fake": newFake(t, now), "store": newStore(t, now)} {
		w := servicetest.SeedWorld(t, s)
		a := w.KSB("Berbagi Informasi dan Inovasi Daerah")
		if err := s.SaveAgreement(&a); err != nil {
			t.Fatal(err)
		}
		servicetest.Sign(t, s, &a, agreement.NewDate(2025, 7, 4))
		p := Printer{Src: s}
		printed, err := p.PrintPDF(context.Background(), a.ID, &bytes.Buffer{}, false)
		if err != nil {
			t.Fatal(err)
		}
		h, _ := s.AgreementHistory(a.ID)
		if last := h[len(h)-1]; last.Text != printed.Fingerprint {
			t.Fatalf("%s: kept at signing %q, printed %q", name, last.Text, printed.Fingerprint)
		}
		if err := p.RecordPrint(a.ID, printed); err != nil {
			t.Fatal(err)
		}
		v, err := Verify(s, printed.Code+" "+printed.Fingerprint)
		if err != nil || v.Verdict != Matches || v.Signed == nil || !strings.Contains(v.Text(i18n.ID), "Teks ini adalah teks yang ditandatangani (revisi 4") {
			t.Errorf("%s: %v\n%s", name, err, v.Text(i18n.ID))
		}
	}
}

func newFake(t *testing.T, now func() time.Time) service.Service {
	f, err := fake.New(fake.Options{Now: now, User: "ani", SigningText: TextFingerprint})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func newStore(t *testing.T, now func() time.Time) service.Service {
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{Now: now, User: "ani", SigningText: TextFingerprint})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// A page that still matches the text as signed says too that the agreement
// was amended since: its signed Adendum is named, with its number and day.
func TestVerifyNamesTheAmendmentsSince(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{User: "ani"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	pks, err := s.Agreement(3)
	if err != nil || !pks.Locked() {
		t.Fatalf("example PKS: %v", err)
	}
	p := Printer{Src: s}
	printed, err := p.PrintPDF(context.Background(), pks.ID, &bytes.Buffer{}, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.RecordPrint(pks.ID, printed); err != nil {
		t.Fatal(err)
	}
	qr := "SEPAKAT " + printed.Code + " " + printed.Fingerprint
	v, err := Verify(s, qr)
	if err != nil || len(v.Amended) != 0 || strings.Contains(v.Text(i18n.ID), "sudah diubah") {
		t.Fatalf("before any Adendum: %+v %v", v.Amended, err)
	}
	add, err := agreement.NewChild(&pks, agreement.KindAdendum, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	add.Amends = &agreement.Amendment{Text: "Ruang lingkup ditambah pelatihan bersama."}
	add.Body = []agreement.Node{{Kind: agreement.NodePasal, Text: "Ruang lingkup Perjanjian Kerja Sama ditambah dengan pelatihan bersama."}}
	if err := s.SaveAgreement(&add); err != nil {
		t.Fatal(err)
	}
	for i := range add.Parties {
		if add.Parties[i].Own {
			add.Parties[i].Number = "7/ADD.05-Huk/2026"
		}
	}
	servicetest.Sign(t, s, &add, agreement.NewDate(2025, 7, 20))
	v, err = Verify(s, qr)
	if err != nil {
		t.Fatal(err)
	}
	text := v.Text(i18n.ID)
	if v.Verdict != Matches || len(v.Amended) != 1 || v.Amended[0].ID != add.ID ||
		!strings.Contains(text, "sudah diubah atau diperpanjang sesudah ditandatangani, dengan Adendum Nomor 7/ADD.05-Huk/2026 tanggal 20 Juli 2025") {
		t.Errorf("after its Adendum, %v %d:\n%s", v.Verdict, len(v.Amended), text)
	}
}
