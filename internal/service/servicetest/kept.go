package servicetest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// testUniqueNumbers: no two agreements of one office carry the same own
// number, however it got there; reserving skips every number carried.
func testUniqueNumbers(t *testing.T, c Config) {
	t.Run("SaveRefusedAtTheField", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		first := w.KSB("Pengelolaan Sampah Regional")
		must(t, s.SaveAgreement(&first))
		second := w.KSB("Pelayanan Kesehatan")
		// The same number, typed with other spaces and case.
		second.Parties[1].Number = "  119/mou.05-huk/2025 "
		err := s.SaveAgreement(&second)
		if !errors.Is(err, service.ErrNumberTaken) || !errors.Is(err, agreement.ErrInvalid) {
			t.Fatalf("duplicate own number saved: %v", err)
		}
		es := fieldErrors(t, err)
		if len(es.For("parties[1].number")) != 1 || second.ID != 0 {
			t.Fatalf("refusal not at the own number's field: %+v (id %d)", es, second.ID)
		}
		for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
			m := es.For("parties[1].number")[0].Message(l)
			if !strings.Contains(m, "Pengelolaan Sampah Regional") || !strings.Contains(m, "(ID 1)") || !strings.Contains(m, "119/mou.05-huk/2025") {
				t.Errorf("%s: the other agreement is not named: %q", l, m)
			}
		}
		if m := service.Message(err, i18n.EN); !strings.Contains(m, "already carried by Kesepakatan Bersama tentang Pengelolaan Sampah Regional (ID 1)") {
			t.Errorf("message %q", m)
		}
		if n := total(t, s); n != 1 {
			t.Fatalf("%d agreements after the refusal", n)
		}
		// Another number saves; moving the first onto it is refused too.
		second.Parties[1].Number = "120/MoU.05-Huk/2025"
		must(t, s.SaveAgreement(&second))
		first.Parties[1].Number = "120/MoU.05-Huk/2025"
		if err := s.SaveAgreement(&first); !errors.Is(err, service.ErrNumberTaken) {
			t.Fatalf("update onto a carried number: %v", err)
		}
		// Once the second gives its number up, the first may take it.
		second.Parties[1].Number = "121/MoU.05-Huk/2025"
		must(t, s.SaveAgreement(&second))
		must(t, s.SaveAgreement(&first))
		// Saving an agreement again with its own number is no conflict.
		first.Notes = "catatan"
		must(t, s.SaveAgreement(&first))
		// Numbers not given yet (empty, or dots filled in by hand at signing) repeat freely.
		for range 2 {
			d := w.KSB("Konsep tanpa nomor")
			d.Parties[1].Number = "........../........../2025"
			must(t, s.SaveAgreement(&d))
			e := w.KSB("Konsep kosong")
			e.Parties[1].Number = ""
			must(t, s.SaveAgreement(&e))
		}
	})
	t.Run("OtherOfficeMayCarryIt", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		a := w.KSB("Kerja sama A")
		must(t, s.SaveAgreement(&a))
		// The partner's number is not ours: the same text there is no conflict.
		b := w.KSB("Kerja sama B")
		b.Parties[0].Number = a.OwnNumber()
		must(t, s.SaveAgreement(&b))
		// Lampung Selatan as our side: its numbers are its own.
		c2 := w.KSB("Kerja sama C")
		c2.Parties[0].Own, c2.Parties[1].Own = true, false
		c2.Parties[0].Number, c2.Parties[1].Number = a.OwnNumber(), "77/LS"
		must(t, s.SaveAgreement(&c2))
	})
	t.Run("ImportRefused", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		a := w.KSB("Sudah ada")
		must(t, s.SaveAgreement(&a))
		ex, err := s.Export(context.Background())
		must(t, err)
		dup := ex.Agreements[0]
		dup.ID, dup.Subject = 50, "Dari berkas impor"
		d := &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: []agreement.Agreement{dup}}
		err = s.Import(context.Background(), d)
		if !errors.Is(err, service.ErrNumberTaken) {
			t.Fatalf("import of a carried number: %v", err)
		}
		if es := fieldErrors(t, err); len(es.For("parties[1].number")) != 1 {
			t.Errorf("import refusal %+v", es)
		}
		if n := total(t, s); n != 1 {
			t.Fatalf("%d agreements after the refused import", n)
		}
		// Two agreements of one file with one number: the second is refused.
		one, two := dup, dup
		one.Parties = slices.Clone(dup.Parties)
		one.Parties[1].Number = "500/MoU"
		two.ID, two.Parties = 51, slices.Clone(one.Parties)
		d = &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: []agreement.Agreement{one, two}}
		if err := s.Import(context.Background(), d); !errors.Is(err, service.ErrNumberTaken) {
			t.Fatalf("file with one number twice: %v", err)
		}
	})
	t.Run("ReserveSkipsCarried", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		day := agreement.NewDate(2025, 7, 4)
		// Typed by hand: the next two numbers of the scheme.
		for i, n := range []string{"1/PKS.05-Huk/2025", "2/pks.05-huk/2025"} {
			a := w.KSB("Diketik tangan")
			a.Parties[1].Number = n
			a.Subject += " " + n
			must(t, s.SaveAgreement(&a))
			_ = i
		}
		// Imported: the one after.
		ex, err := s.Export(context.Background())
		must(t, err)
		imp := ex.Agreements[0]
		imp.ID, imp.Parties = 90, slices.Clone(imp.Parties)
		imp.Parties[1].Number = "3/PKS.05-Huk/2025"
		must(t, s.Import(context.Background(), &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: []agreement.Agreement{imp}}))
		n, err := s.ReserveNumber(w.Sumedang.ID, agreement.KindPKS, day, 0)
		must(t, err)
		if n != "4/PKS.05-Huk/2025" {
			t.Fatalf("reserved %q, want 4/PKS.05-Huk/2025 past the three carried", n)
		}
		// The number reserved saves on a new agreement; the counter moved past it.
		a := w.KSB("Dengan nomor diambil")
		a.Parties[1].Number = n
		must(t, s.SaveAgreement(&a))
		if n, _ := s.ReserveNumber(w.Sumedang.ID, agreement.KindPKS, day, 0); n != "5/PKS.05-Huk/2025" {
			t.Errorf("next reserved %q", n)
		}
	})
	t.Run("Examples", func(t *testing.T) {
		s := withExamples(t, c)
		page, err := s.List(service.Query{Limit: 10})
		must(t, err)
		var own agreement.ID
		var carried string
		for _, it := range page.Items {
			for _, p := range it.Parties {
				if p.Own {
					own = p.ID
				}
			}
			if it.Kind == agreement.KindPKS {
				carried = it.OwnNumber
			}
		}
		// The example PKS carries 119/PKS.05-Huk/2025: reserve up to it and past.
		got := map[string]bool{}
		for range 125 {
			n, err := s.ReserveNumber(own, agreement.KindPKS, agreement.NewDate(2025, 7, 4), 0)
			must(t, err)
			got[n] = true
		}
		if carried == "" || got[carried] || !got["125/PKS.05-Huk/2025"] || !got["126/PKS.05-Huk/2025"] {
			t.Errorf("reserving handed out the example's %q (%v), or did not skip it", carried, got[carried])
		}
	})
}

// testStagedFiles: a file enters the data file with the save that refers to
// it, and leaves with the save that drops the last reference.
func testStagedFiles(t *testing.T, c Config) {
	files := func(t *testing.T, s service.Service) []string {
		t.Helper()
		ex, err := s.Export(context.Background())
		must(t, err)
		var out []string
		for _, f := range ex.Files {
			out = append(out, f.SHA256)
		}
		return out
	}
	t.Run("Agreement", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		ref, err := s.PutFile("draf.pdf", "application/pdf", []byte("%PDF-1.4 draf"))
		must(t, err)
		if data, err := s.File(ref.SHA256); err != nil || string(data) != "%PDF-1.4 draf" {
			t.Fatalf("a staged file is not served before the save: %q %v", data, err)
		}
		if got := files(t, s); len(got) != 0 {
			t.Fatalf("a file no save refers to is stored: %v", got)
		}
		a := w.KSB("Dengan lampiran")
		a.Attachments = []agreement.Attachment{{Kind: agreement.AttachDraft, File: ref, Added: Start}}
		must(t, s.SaveAgreement(&a))
		if got := files(t, s); !slices.Equal(got, []string{ref.SHA256}) {
			t.Fatalf("after the save, files %v", got)
		}
		// A second agreement refers to the same bytes; dropping one reference keeps the file.
		b := w.KSB("Lampiran yang sama")
		b.Attachments = a.Attachments
		must(t, s.SaveAgreement(&b))
		a.Attachments = nil
		must(t, s.SaveAgreement(&a))
		if got := files(t, s); len(got) != 1 {
			t.Fatalf("a file still referred to was dropped: %v", got)
		}
		b.Attachments = nil
		must(t, s.SaveAgreement(&b))
		if got := files(t, s); len(got) != 0 {
			t.Fatalf("a file nothing refers to stays: %v", got)
		}
		if _, err := s.File(ref.SHA256); !errors.Is(err, service.ErrNotFound) {
			t.Errorf("swept file still read: %v", err)
		}
	})
	t.Run("RefusedSaveStoresNothing", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		ref, err := s.PutFile("scan.pdf", "application/pdf", []byte("%PDF scan"))
		must(t, err)
		a := w.KSB("")
		a.Attachments = []agreement.Attachment{{Kind: agreement.AttachScan, File: ref, Added: Start}}
		if err := s.SaveAgreement(&a); err == nil {
			t.Fatal("an agreement without subject saved")
		}
		if got := files(t, s); len(got) != 0 {
			t.Fatalf("a refused save stored its file: %v", got)
		}
	})
	t.Run("Lambang", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		old, err := s.PutFile("lama.png", "image/png", []byte("\x89PNG lama"))
		must(t, err)
		w.Lamsel.Lambang = &old
		must(t, s.SaveParty(&w.Lamsel))
		fresh, err := s.PutFile("baru.png", "image/png", []byte("\x89PNG baru"))
		must(t, err)
		w.Lamsel.Lambang = &fresh
		must(t, s.SaveParty(&w.Lamsel))
		if got := files(t, s); !slices.Equal(got, []string{fresh.SHA256}) {
			t.Fatalf("after a new lambang, files %v, want only %s", got, fresh.SHA256)
		}
	})
	t.Run("ImportKeepsReferencedFiles", func(t *testing.T) {
		src := fresh(t, c)
		w := SeedWorld(t, src)
		lambang, err := src.PutFile("lambang.png", "image/png", []byte("\x89PNG ls"))
		must(t, err)
		w.Lamsel.Lambang = &lambang
		must(t, src.SaveParty(&w.Lamsel))
		scan, err := src.PutFile("scan.pdf", "application/pdf", []byte("%PDF scan"))
		must(t, err)
		a := w.KSB("Dengan lampiran")
		a.Attachments = []agreement.Attachment{{Kind: agreement.AttachScan, File: scan, Added: Start}}
		must(t, src.SaveAgreement(&a))
		d, err := src.Export(context.Background())
		must(t, err)
		dst := fresh(t, c)
		must(t, dst.Import(context.Background(), d))
		want := []string{lambang.SHA256, scan.SHA256}
		slices.Sort(want)
		if got := files(t, dst); !slices.Equal(got, want) {
			t.Fatalf("imported files %v, want the lambang and the scan %v", got, want)
		}
		// The imported references count: dropping the lambang sweeps it.
		p, err := dst.Party(w.Lamsel.ID)
		must(t, err)
		p.Lambang = nil
		must(t, dst.SaveParty(&p))
		if got := files(t, dst); !slices.Equal(got, []string{scan.SHA256}) {
			t.Errorf("after dropping the imported lambang, files %v", got)
		}
	})
	t.Run("ImportLeavesUnreferencedOut", func(t *testing.T) {
		s := fresh(t, c)
		SeedWorld(t, s)
		d := &dataset.Dataset{Format: dataset.Format, Version: dataset.Version,
			Files: []dataset.File{{SHA256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MediaType: "text/plain", Data: []byte{}}}}
		must(t, s.Import(context.Background(), d))
		if got := files(t, s); len(got) != 0 {
			t.Fatalf("an imported file nothing refers to was stored: %v", got)
		}
	})
}
