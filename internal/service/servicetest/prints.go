package servicetest

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"sepakat/internal/export"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// testPrintLog: every export recorded in the agreement's history (issue 15),
// numbered per agreement, kept by export and import, and looked up again by
// the page's code and fingerprint.
func testPrintLog(t *testing.T, c Config) {
	t.Run("RecordedInHistory", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		a := w.KSB("Berbagi Informasi dan Inovasi Daerah")
		must(t, s.SaveAgreement(&a))
		p := export.Printer{Src: s}
		var buf bytes.Buffer
		konsep, err := p.PrintPDF(context.Background(), a.ID, &buf, true)
		must(t, err)
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) || konsep.Code != "KSB-1" || len(konsep.Fingerprint) != 12 || konsep.Rev != 1 || !konsep.Draft || len(konsep.Parts) < 4 {
			t.Fatalf("konsep print %+v (%d bytes)", konsep, buf.Len())
		}
		must(t, p.RecordPrint(a.ID, konsep))
		a.Notes = "catatan di luar naskah"
		must(t, s.SaveAgreement(&a))
		final, err := p.PrintPDF(context.Background(), a.ID, &bytes.Buffer{}, false)
		must(t, err)
		if final.Draft || final.Rev != 2 || final.Fingerprint != konsep.Fingerprint {
			t.Errorf("final print %+v; the KONSEP watermark is no part of the text", final)
		}
		must(t, s.RecordPrint(a.ID, final))
		h, err := s.AgreementHistory(a.ID)
		must(t, err)
		var got []string
		for _, e := range h {
			got = append(got, e.Action)
		}
		if strings.Join(got, " ") != "buat cetak ubah cetak" {
			t.Fatalf("history %v", got)
		}
		if e := h[1]; e.Seq != 1 || e.Rev != 1 || e.Print == nil || !reflect.DeepEqual(*e.Print, konsep) || e.By == "" || e.At.IsZero() {
			t.Errorf("first print entry %+v", e)
		}
		if e := h[3]; e.Seq != 2 || e.Rev != 2 || e.Print == nil || e.Print.Draft {
			t.Errorf("second print entry %+v", e)
		}
		if c.User != "" && h[1].By != c.User {
			t.Errorf("printed by %q, want %q", h[1].By, c.User)
		}
		// No agreement, no entry.
		if err := s.RecordPrint(99, final); !errors.Is(err, service.ErrNotFound) {
			t.Errorf("print of no agreement: %v", err)
		}
		if h2, _ := s.AgreementHistory(a.ID); len(h2) != 4 {
			t.Errorf("history after a refused print: %d entries", len(h2))
		}
		must(t, s.Check(context.Background()))

		// Export and import keep the prints; numbering goes on after them.
		d, err := s.Export(context.Background())
		must(t, err)
		dst := fresh(t, c)
		must(t, dst.Import(context.Background(), d))
		h3, err := dst.AgreementHistory(a.ID)
		must(t, err)
		if len(h3) != 4 || h3[1].Print == nil || !reflect.DeepEqual(*h3[1].Print, konsep) || h3[3].Seq != 2 {
			t.Fatalf("imported history %+v", h3)
		}
		if again := exportJSON(t, dst); again != exportJSON(t, s) {
			t.Error("export of the imported instance differs from the original's")
		}
		must(t, dst.RecordPrint(a.ID, final))
		if h4, _ := dst.AgreementHistory(a.ID); len(h4) != 5 || h4[4].Seq != 3 {
			t.Errorf("print after import: %+v", h4[len(h4)-1])
		}
		must(t, dst.Check(context.Background()))
		// A print numbered twice is refused, as a revision twice is.
		d.History = append(d.History, d.History[1])
		if err := fresh(t, c).Import(context.Background(), d); !errors.Is(err, service.ErrDuplicate) {
			t.Errorf("import of a print twice: %v", err)
		}
	})

	t.Run("VerifyAPrintedPage", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		a := w.KSB("Berbagi Informasi dan Inovasi Daerah")
		must(t, s.SaveAgreement(&a))
		p := export.Printer{Src: s}
		printed, err := p.PrintPDF(context.Background(), a.ID, &bytes.Buffer{}, false)
		must(t, err)
		must(t, p.RecordPrint(a.ID, printed))
		qr := "SEPAKAT " + printed.Code + " " + printed.Fingerprint // as pdf encodes the QR code
		v, err := export.Verify(s, qr)
		must(t, err)
		if v.Verdict != export.Matches || v.Print == nil || v.Print.Print.Rev != 1 || v.Agreement.ID != a.ID || v.Current != printed.Fingerprint {
			t.Fatalf("verify the page as printed: %+v", v)
		}
		if line := v.Lines(i18n.ID)[0]; !strings.HasPrefix(line, "COCOK.") || !strings.Contains(line, "KSB-1") || !strings.Contains(line, "revisi 1") {
			t.Errorf("answer: %q", line)
		}
		// The second pasal changes: the page no longer matches, and the answer names it.
		a.Body[1].Text = "Kesepakatan Bersama ini berlaku untuk jangka waktu 3 (tiga) tahun."
		must(t, s.SaveAgreement(&a))
		v, err = export.Verify(s, strings.ToLower(printed.Code)+" · "+strings.ToUpper(printed.Fingerprint))
		must(t, err)
		if v.Verdict != export.Changed || !reflect.DeepEqual(v.Changed, []string{"Pasal 2"}) || len(v.Added)+len(v.Removed) != 0 ||
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
		v, err = export.Verify(s, "KSB-1 000000000000")
		must(t, err)
		if v.Verdict != export.Unknown || !strings.HasPrefix(v.Text(i18n.ID), "TIDAK DIKENAL.") {
			t.Errorf("wrong fingerprint: %+v", v)
		}
		// The text now, never printed: it matches, without a print on record.
		v, err = export.Verify(s, "KSB-1 "+v.Current)
		must(t, err)
		if v.Verdict != export.Unrecorded {
			t.Errorf("the current text's fingerprint: %v", v.Verdict)
		}
		for _, code := range []string{"KSB-7 " + printed.Fingerprint, "PKS-1 " + printed.Fingerprint} {
			if _, err := export.Verify(s, code); !errors.Is(err, service.ErrPageUnknown) {
				t.Errorf("%s: %v", code, err)
			}
		}
		for _, bad := range []string{"", "KSB-1", printed.Fingerprint, "SEPAKAT KSB-1 xyz", "ABC-1 " + printed.Fingerprint} {
			if _, err := export.Verify(s, bad); !errors.Is(err, service.ErrPageMark) {
				t.Errorf("%q: %v", bad, err)
			}
		}
	})
}
