package servicetest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

func testNumbering(t *testing.T, c Config) {
	s := fresh(t, c)
	w := SeedWorld(t, s)
	d := agreement.NewDate(2025, 7, 4)
	reserve := func(office agreement.ID, kind agreement.Kind, day agreement.Date) string {
		t.Helper()
		n, err := s.ReserveNumber(office, kind, day, 0)
		must(t, err)
		return n
	}
	n1 := reserve(w.Sumedang.ID, agreement.KindPKS, d)
	n2 := reserve(w.Sumedang.ID, agreement.KindPKS, d)
	k1 := reserve(w.Sumedang.ID, agreement.KindKSB, d)
	y1 := reserve(w.Sumedang.ID, agreement.KindPKS, agreement.NewDate(2026, 1, 2))
	n3 := reserve(w.Sumedang.ID, agreement.KindPKS, agreement.NewDate(2025, 12, 31))
	if n1 != "1/PKS.05-Huk/2025" || n2 != "2/PKS.05-Huk/2025" || k1 != "1/MoU.05-Huk/2025" || y1 != "1/PKS.05-Huk/2026" || n3 != "3/PKS.05-Huk/2025" {
		t.Fatalf("numbers %q %q %q %q %q", n1, n2, k1, y1, n3)
	}
	if _, err := s.ReserveNumber(w.Lamsel.ID, agreement.KindPKS, d, 0); !errors.Is(err, service.ErrNoScheme) {
		t.Errorf("office without scheme: %v", err)
	}
	if _, err := s.ReserveNumber(999, agreement.KindPKS, d, 0); !errors.Is(err, service.ErrNotFound) {
		t.Errorf("missing office: %v", err)
	}
	if _, err := s.ReserveNumber(w.Sumedang.ID, agreement.KindPKS, agreement.Date{}, 0); !errors.Is(err, agreement.ErrInvalid) {
		t.Errorf("no date: %v", err)
	}
	if _, err := s.ReserveNumber(w.Sumedang.ID, agreement.Kind("XYZ"), d, 0); !errors.Is(err, agreement.ErrInvalid) {
		t.Errorf("unknown kind: %v", err)
	}
	// Refusals use up no number; every number issued is exported.
	if n := reserve(w.Sumedang.ID, agreement.KindPKS, d); n != "4/PKS.05-Huk/2025" {
		t.Errorf("after refusals: %q", n)
	}
	ex, err := s.Export(context.Background())
	must(t, err)
	if len(ex.Numbers) != 6 {
		t.Errorf("%d issued numbers exported, want 6", len(ex.Numbers))
	}
	for _, n := range ex.Numbers {
		if n.Office != w.Sumedang.ID || n.Seq == 0 || n.At.IsZero() {
			t.Errorf("issued number %+v", n)
		}
	}
}

func testFiles(t *testing.T, c Config) {
	s := fresh(t, c)
	ref, err := s.PutFile("lambang.png", "image/png", []byte("\x89PNG fake"))
	if err != nil || ref.Size != 9 || len(ref.SHA256) != 64 || ref.Name != "lambang.png" || ref.MediaType != "image/png" {
		t.Fatalf("%+v %v", ref, err)
	}
	data, err := s.File(ref.SHA256)
	if err != nil || string(data) != "\x89PNG fake" {
		t.Fatalf("file not read back: %q %v", data, err)
	}
	data[0] = 'X'
	if again, _ := s.File(ref.SHA256); string(again) != "\x89PNG fake" {
		t.Error("the store shares a file's bytes with the caller")
	}
	same, err := s.PutFile("salinan.png", "image/png", []byte("\x89PNG fake"))
	if err != nil || same.SHA256 != ref.SHA256 {
		t.Errorf("same bytes, other name: %+v %v", same, err)
	}
	empty, err := s.PutFile("kosong.txt", "text/plain", nil)
	if err != nil || empty.Size != 0 {
		t.Errorf("empty file: %+v %v", empty, err)
	}
	if _, err := s.PutFile("besar.pdf", "application/pdf", make([]byte, service.MaxFileSize+1)); !errors.Is(err, service.ErrTooLarge) {
		t.Errorf("oversized file: %v", err)
	} else if m := service.Message(err, i18n.ID); !strings.Contains(m, "terlalu besar") || !strings.Contains(m, "besar.pdf") {
		t.Errorf("oversized file message %q", m)
	}
	if _, err := s.File("0000"); !errors.Is(err, service.ErrNotFound) {
		t.Errorf("missing file: %v", err)
	}
}

func testExamples(t *testing.T, c Config) {
	s := fresh(t, c)
	if ok, err := s.ExamplesLoaded(); ok || err != nil {
		t.Fatalf("loaded before loading: %v %v", ok, err)
	}
	must(t, s.LoadExamples())
	if ok, err := s.ExamplesLoaded(); !ok || err != nil {
		t.Errorf("flag not set: %v %v", ok, err)
	}
	if err := s.LoadExamples(); !errors.Is(err, service.ErrExamplesLoaded) {
		t.Errorf("second load: %v", err)
	}
	if n := total(t, s); n != 3 {
		t.Fatalf("%d agreements after loading twice", n)
	}
	page, err := s.List(service.Query{Limit: 10})
	if err != nil || len(page.Items) != 3 {
		t.Fatalf("%d examples listed, %v", len(page.Items), err)
	}
	var ksb, pks *agreement.Agreement
	for _, it := range page.Items {
		a, err := s.Agreement(it.ID)
		must(t, err)
		if a.Kind == agreement.KindPKS {
			pks = &a
		} else if a.Signing != nil && a.Signing.Date == agreement.NewDate(2025, 7, 4) {
			ksb = &a
		}
		if a.Status != agreement.StatusDitandatangani {
			t.Errorf("example %d is %s", a.ID, a.Status)
		}
		if h, err := s.AgreementHistory(a.ID); err != nil || len(h) == 0 {
			t.Errorf("example %d has no history: %v", a.ID, err)
		}
	}
	if ksb == nil || pks == nil || pks.ParentID != ksb.ID {
		t.Fatal("the Lampung Selatan KSB and its PKS are not linked")
	}

	// Another office's register: Sumedang's examples would make a second
	// "our office"; they are refused and nothing changes.
	other := fresh(t, c)
	purbalingga := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Purbalingga", ShortName: "Pemkab Purbalingga",
		RegionCode: "33.03", ProvinceCode: "33", Seat: "Purbalingga", Own: true}
	must(t, other.SaveParty(&purbalingga))
	if err := other.LoadExamples(); !errors.Is(err, service.ErrExamplesOtherOffice) {
		t.Errorf("examples into Purbalingga's register: %v", err)
	}
	if n := total(t, other); n != 0 {
		t.Errorf("%d agreements after a refused load", n)
	}
	if ps, err := other.Parties(); err != nil || len(ps) != 1 || !ps[0].Own || ps[0].Name != purbalingga.Name {
		t.Errorf("parties after a refused load: %+v %v", ps, err)
	}
	if ok, err := other.ExamplesLoaded(); ok || err != nil {
		t.Errorf("marked loaded after a refused load: %v %v", ok, err)
	}
	for _, ap := range pks.Parties {
		o, err := s.Official(ap.SignerID)
		if err != nil || o.Role != agreement.RoleKepalaPD || ap.MandateID == 0 {
			t.Errorf("PKS signer %+v %v", o, err)
		}
	}
	scope := 0
	for _, n := range pks.Body {
		if n.Heading == "RUANG LINGKUP" {
			for _, ch := range n.Children {
				if ch.Kind == agreement.NodePoint {
					scope++
				}
			}
		}
	}
	if scope != 4 {
		t.Errorf("PKS scope items: %d", scope)
	}
	if mou, err := s.Agreement(1); err != nil || mou.Signing == nil || mou.Signing.Date.Weekday() != time.Monday {
		t.Errorf("MoU Lampung Timur not signed on Monday 15 September 2025: %+v %v", mou.Signing, err)
	}
	// New records follow the examples' IDs.
	parties, _ := s.Parties()
	p := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Lampung Barat", RegionCode: "18.04"}
	must(t, s.SaveParty(&p))
	if p.ID != parties[len(parties)-1].ID+1 {
		t.Errorf("new party %d after %d", p.ID, parties[len(parties)-1].ID)
	}
}

// exportJSON is an instance's export without its time stamp.
func exportJSON(t *testing.T, s service.Admin) string {
	t.Helper()
	d, err := s.Export(context.Background())
	must(t, err)
	var buf bytes.Buffer
	must(t, dataset.Encode(&buf, d))
	var out []string
	for _, l := range strings.Split(buf.String(), "\n") {
		if !strings.Contains(l, `"exported_at"`) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func testAdmin(t *testing.T, c Config) {
	t.Run("ExportImportRoundTrip", func(t *testing.T) {
		src := fresh(t, c)
		w := SeedWorld(t, src)
		a := w.KSB("Berbagi Informasi dan Inovasi Daerah")
		scan, err := src.PutFile("scan.pdf", "application/pdf", []byte("%PDF-1.4 scan"))
		must(t, err)
		a.Attachments = []agreement.Attachment{{Kind: agreement.AttachScan, File: scan, Added: Start}}
		must(t, src.SaveAgreement(&a))
		Sign(t, src, &a, agreement.NewDate(2025, 7, 4))
		if _, err := src.ReserveNumber(w.Sumedang.ID, agreement.KindPKS, agreement.NewDate(2025, 7, 4), a.ID); err != nil {
			t.Fatal(err)
		}
		first := exportJSON(t, src)
		d, err := dataset.Decode(strings.NewReader(first))
		must(t, err)
		if len(d.Numbers) != 1 || len(d.Files) != 1 || len(d.Counters) != 1 || len(d.Parties) != 2 || len(d.Officials) != 4 || len(d.Mandates) != 2 || len(d.Agreements) != 1 {
			t.Fatalf("export lost records: %d numbers, %d files, %d counters, %d parties, %d agreements",
				len(d.Numbers), len(d.Files), len(d.Counters), len(d.Parties), len(d.Agreements))
		}
		kinds := map[dataset.RecordType]int{}
		for _, h := range d.History {
			kinds[h.Type]++
		}
		if kinds[dataset.TypeAgreement] != 4 || kinds[dataset.TypeParty] != 2 || kinds[dataset.TypeOfficial] != 4 || kinds[dataset.TypeMandate] != 2 {
			t.Fatalf("history by record type: %v", kinds)
		}
		dst := fresh(t, c)
		must(t, dst.Import(context.Background(), d))
		if second := exportJSON(t, dst); first != second {
			t.Fatal("export of the imported instance differs from the original export")
		}
		got, err := dst.Agreement(a.ID)
		if err != nil || got.Rev != a.Rev || got.Subject != a.Subject || !got.Updated.Equal(a.Updated) {
			t.Errorf("imported agreement %d rev %d %v", got.ID, got.Rev, err)
		}
		if h, _ := dst.AgreementHistory(a.ID); len(h) != 4 {
			t.Errorf("imported history: %d entries", len(h))
		}
		if sums, err := dst.Summaries([]agreement.ID{a.ID}); err != nil || sums[0].Partners() != w.Lamsel.Name {
			t.Errorf("imported summary %+v %v", sums, err)
		}
		if got := searchIDs(t, dst, "inovasi", agreement.Filter{}); len(got) != 1 || got[0] != a.ID {
			t.Errorf("imported agreement not found: %v", got)
		}
		// New records continue after the imported IDs and numbers.
		b := w.KSB("Sesudah impor")
		must(t, dst.SaveAgreement(&b))
		if b.ID != a.ID+1 {
			t.Errorf("new id %d after import of %d", b.ID, a.ID)
		}
		if n, _ := dst.ReserveNumber(w.Sumedang.ID, agreement.KindPKS, agreement.NewDate(2025, 8, 1), 0); n != "2/PKS.05-Huk/2025" {
			t.Errorf("counter not carried over: %q", n)
		}
		off, err := dst.Offsets()
		must(t, err)
		if off.Party != w.Lamsel.ID || off.Official != w.KadisLs.ID || off.Mandate != w.KuasaLs.ID || off.Agreement != b.ID {
			t.Errorf("offsets %+v", off)
		}
		// Saving an imported record follows its revision.
		got.Notes = "Catatan sesudah impor"
		must(t, dst.SaveAgreement(&got))
		if got.Rev != a.Rev+1 {
			t.Errorf("revision after import %d", got.Rev)
		}
		must(t, dst.Check(context.Background()))
	})

	t.Run("ImportAllOrNothing", func(t *testing.T) {
		src := fresh(t, c)
		w := SeedWorld(t, src)
		a := w.KSB("Asli")
		must(t, src.SaveAgreement(&a))
		good, err := src.Export(context.Background())
		must(t, err)
		load := func() *dataset.Dataset {
			var buf bytes.Buffer
			must(t, dataset.Encode(&buf, good))
			d, err := dataset.Decode(&buf)
			must(t, err)
			return d
		}

		dst := fresh(t, c)
		SeedWorld(t, dst) // IDs 1.. already taken
		before := exportJSON(t, dst)
		err = dst.Import(context.Background(), load())
		var ie *service.ImportError
		if !errors.As(err, &ie) || !errors.Is(err, service.ErrDuplicate) || !strings.Contains(service.Message(err, i18n.ID), "parties[0] (id 1)") {
			t.Errorf("IDs in use: %v", err)
		}
		if exportJSON(t, dst) != before {
			t.Error("instance changed by a refused import")
		}

		empty := fresh(t, c)
		d := load()
		d.Agreements = append(d.Agreements, d.Agreements[0])
		err = empty.Import(context.Background(), d)
		if !errors.Is(err, service.ErrDuplicate) || !strings.Contains(err.Error(), "agreements[1] (id 1)") {
			t.Errorf("duplicate in the file: %v", err)
		}
		d = load()
		d.Agreements[0].Term.End = agreement.NewDate(2020, 1, 1)
		err = empty.Import(context.Background(), d)
		if !errors.As(err, &ie) || ie.Record != "agreements[0] (id 1)" || ie.Field != "term.end" {
			t.Errorf("invalid record: %v", err)
		}
		d = load()
		d.History = append(d.History, dataset.HistoryEntry{Type: dataset.TypeAgreement, ID: 99, Rev: 1, Action: "buat"})
		if err := empty.Import(context.Background(), d); err == nil || !strings.Contains(err.Error(), "history[") {
			t.Errorf("orphan history: %v", err)
		}
		d = load()
		d.History[0].Rev = 50
		if err := empty.Import(context.Background(), d); err == nil {
			t.Error("history beyond the record's revision accepted")
		}
		d = load()
		d.Files = []dataset.File{{SHA256: strings.Repeat("0", 64), MediaType: "text/plain", Data: []byte("isi")}}
		// The import file is at fault, never the data file.
		if err := empty.Import(context.Background(), d); !errors.Is(err, service.ErrImportHash) || errors.Is(err, service.ErrCorrupt) {
			t.Errorf("file with a wrong SHA-256: %v", err)
		}
		d = load()
		d.Officials[0].ID = 0
		if err := empty.Import(context.Background(), d); !errors.As(err, &ie) || ie.Field != "id" {
			t.Errorf("record without an ID: %v", err)
		}
		if n := total(t, empty); n != 0 {
			t.Errorf("partial import: %d agreements", n)
		}
		if list, _ := empty.Parties(); len(list) != 0 {
			t.Errorf("partial import: %d parties", len(list))
		}
		if off, _ := empty.Offsets(); off != (dataset.Offsets{}) {
			t.Errorf("a refused import moved the offsets: %+v", off)
		}
		must(t, empty.Import(context.Background(), load()))
		if exportJSON(t, empty) == "" || total(t, empty) != 1 {
			t.Error("the good file after refused ones")
		}
	})

	t.Run("CheckAndBackup", func(t *testing.T) {
		s := withExamples(t, c)
		must(t, s.Check(context.Background()))
		path := filepath.Join(t.TempDir(), "cadangan.db")
		must(t, s.Backup(context.Background(), path))
		fi, err := os.Stat(path)
		if err != nil || fi.Size() == 0 {
			t.Fatalf("backup file: %v", err)
		}
		if c.OpenBackup != nil {
			b := c.OpenBackup(t, path)
			if exportJSON(t, b) != exportJSON(t, s) {
				t.Error("the backup holds other records")
			}
		}
		if err := s.Backup(context.Background(), filepath.Join(t.TempDir(), "tidak-ada", "x", "cadangan.db")); err == nil {
			t.Error("backup into a missing folder reported no error")
		} else if !service.Known(err) {
			t.Errorf("backup error has no words: %v", err)
		}
	})

	t.Run("Synonyms", func(t *testing.T) {
		s := withExamples(t, c)
		shipped, own, err := s.Synonyms()
		if err != nil || shipped == "" || own != "" {
			t.Fatalf("synonyms %d bytes shipped, own %q, %v", len(shipped), own, err)
		}
		if got := searchIDs(t, s, "RB ", agreement.Filter{}); len(got) != 0 {
			t.Fatalf("RB found %v before it is a synonym", got)
		}
		err = s.SetSynonyms(context.Background(), "# singkatan kantor kami\nRB\n\nRB, Reformasi Birokrasi\nSTT, , ")
		var se *service.SynonymsError
		if !errors.As(err, &se) || len(se.Problems) != 2 || se.Problems[0].Line != 2 || se.Problems[1].Line != 5 {
			t.Fatalf("bad list: %v", err)
		}
		if _, own, _ := s.Synonyms(); own != "" {
			t.Fatalf("a refused list was kept: %q", own)
		}
		err = s.SetSynonyms(context.Background(), strings.Repeat("RB, Reformasi Birokrasi\n", 4000))
		if !errors.As(err, &se) || !se.TooLarge {
			t.Errorf("a huge list: %v", err)
		}
		const list = "RB, Reformasi Birokrasi"
		must(t, s.SetSynonyms(context.Background(), list))
		if _, own, _ := s.Synonyms(); own != list {
			t.Errorf("own list %q", own)
		}
		if got := searchIDs(t, s, "RB ", agreement.Filter{}); len(got) == 0 || got[0] != 1 {
			t.Fatalf("RB after the synonym: %v", got)
		}
		must(t, s.SetSynonyms(context.Background(), ""))
		if got := searchIDs(t, s, "RB ", agreement.Filter{}); len(got) != 0 {
			t.Errorf("RB after clearing: %v", got)
		}
	})
}
