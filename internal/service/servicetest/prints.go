package servicetest

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
)

// testPrintLog: every export recorded in the agreement's history (issue 15),
// numbered per agreement, kept by export and import. (Looking a page up,
// export.Verify, is tested in internal/export on the fake and the store.)
func testPrintLog(t *testing.T, c Config) {
	t.Run("RecordedInHistory", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		a := w.KSB("Berbagi Informasi dan Inovasi Daerah")
		must(t, s.SaveAgreement(&a))
		konsep := dataset.Print{Code: "KSB-1", Fingerprint: "e74fc4e49ec7", Rev: 1, Draft: true,
			Parts: []dataset.PartPrint{{Part: "title", Hash: "0a1b2c3d"}, {Part: "Pasal 1", Hash: "4e5f6a7b"}}}
		must(t, s.RecordPrint(a.ID, konsep))
		a.Notes = "catatan di luar naskah"
		must(t, s.SaveAgreement(&a))
		final := konsep
		final.Rev, final.Draft = 2, false
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
		for i := range h3 {
			if h3[i].Hash == "" || h3[i].Hash != h[i].Hash || h3[i].Prev != h[i].Prev {
				t.Errorf("import did not keep the chain at entry %d: %s>%s, was %s>%s", i, h3[i].Prev, h3[i].Hash, h[i].Prev, h[i].Hash)
			}
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

	t.Run("TextKeptAtSigning", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		a := w.KSB("Berbagi Informasi dan Inovasi Daerah")
		must(t, s.SaveAgreement(&a))
		Sign(t, s, &a, agreement.NewDate(2025, 7, 4))
		a.Notes = "sesudah ditandatangani"
		must(t, s.SaveAgreement(&a))
		h, err := s.AgreementHistory(a.ID)
		must(t, err)
		var kept []string
		for _, e := range h {
			kept = append(kept, e.Text)
		}
		// buat, telaah, siap, ditandatangani, catatan: only the signing keeps the text.
		if len(h) != 5 || len(h[3].Text) != 12 || strings.Join(kept, "") != h[3].Text {
			t.Fatalf("texts kept %q", kept)
		}
		if breaks := dataset.CheckChain(h); len(breaks) != 0 || h[0].Prev != "" || h[4].Prev != h[3].Hash {
			t.Errorf("chain %+v", breaks)
		}
	})
}
