package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

func exportJSON(t *testing.T, s *Store) []byte {
	t.Helper()
	d, err := s.Export()
	if err != nil {
		t.Fatal(err)
	}
	d.ExportedAt = d.ExportedAt.Truncate(0)
	var buf bytes.Buffer
	if err := dataset.Encode(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// stripStamp drops the export time, the one line that differs between two exports.
func stripStamp(b []byte) string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if !strings.Contains(l, `"exported_at"`) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestExportImportRoundTrip(t *testing.T) {
	src, _ := openTemp(t)
	w := seedWorld(t, src)
	a := w.ksb("Berbagi Informasi dan Inovasi Daerah")
	mustSave(t, src.SaveAgreement(&a))
	sign(t, src, &a)
	if _, err := src.ReserveNumber(w.sumedang.ID, agreement.KindPKS, agreement.NewDate(2025, 7, 4), a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := src.PutFile("scan.pdf", "application/pdf", []byte("%PDF-1.4 scan")); err != nil {
		t.Fatal(err)
	}
	first := exportJSON(t, src)

	d, err := dataset.Decode(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Numbers) != 1 || len(d.Files) != 1 || len(d.Counters) != 1 || len(d.Parties) != 2 || len(d.Agreements) != 1 {
		t.Fatalf("export lost records: %d numbers, %d files, %d counters, %d parties, %d agreements",
			len(d.Numbers), len(d.Files), len(d.Counters), len(d.Parties), len(d.Agreements))
	}
	kinds := map[dataset.RecordType]int{}
	for _, h := range d.History {
		kinds[h.Type]++
	}
	if kinds[dataset.TypeAgreement] == 0 || kinds[dataset.TypeParty] == 0 || kinds[dataset.TypeOfficial] == 0 || kinds[dataset.TypeMandate] == 0 {
		t.Fatalf("history of some record types missing: %v", kinds)
	}
	dst, _ := openTemp(t)
	if err := dst.Import(d); err != nil {
		t.Fatal(err)
	}
	second := exportJSON(t, dst)
	if stripStamp(first) != stripStamp(second) {
		t.Fatal("export of the imported store differs from the original export")
	}
	// New records continue after the imported IDs.
	b := w.ksb("Sesudah impor")
	mustSave(t, dst.SaveAgreement(&b))
	if b.ID != a.ID+1 {
		t.Errorf("new id %d after import of %d", b.ID, a.ID)
	}
	if n, _ := dst.ReserveNumber(w.sumedang.ID, agreement.KindPKS, agreement.NewDate(2025, 8, 1), 0); n != "2/PKS.05-Huk/2025" {
		t.Errorf("counter not carried over: %q", n)
	}
}

func TestImportBadInputLeavesStoreUntouched(t *testing.T) {
	src, _ := openTemp(t)
	w := seedWorld(t, src)
	a := w.ksb("Asli")
	mustSave(t, src.SaveAgreement(&a))
	good := exportJSON(t, src)

	dst, _ := openTemp(t)
	seedWorld(t, dst) // IDs 1.. already taken
	before := stripStamp(exportJSON(t, dst))

	edit := func(old, new string) []byte {
		if !bytes.Contains(good, []byte(old)) {
			t.Fatalf("fixture lacks %q", old)
		}
		return bytes.Replace(good, []byte(old), []byte(new), 1)
	}
	cases := []struct {
		name, want string
		data       []byte
	}{
		{"truncated", "terpotong", good[:len(good)/2]},
		{"malformed", "JSON tidak valid", edit(`"subject":`, `"subject";`)},
		{"unknown field", `"subjek"`, edit(`"subject"`, `"subjek"`)},
		{"wrong type", "jenis nilai salah", edit(`"copies": 2`, `"copies": "dua"`)},
		{"impossible date", "2030-02-30", edit(`"end": "2030-07-03"`, `"end": "2030-02-30"`)},
		{"not sepakat", "bukan berkas Sepakat", edit(`"format": "sepakat"`, `"format": "lain"`)},
		{"duplicate id in store", "parties[0] (id 1)", good},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := dataset.Decode(bytes.NewReader(c.data))
			if err == nil {
				err = dst.Import(d)
			}
			if err == nil {
				t.Fatal("accepted")
			}
			msg := err.Error()
			if me, ok := err.(interface{ Message(i18n.Lang) string }); ok {
				msg = me.Message(i18n.ID)
			}
			if !strings.Contains(msg, c.want) {
				t.Errorf("message %q lacks %q", msg, c.want)
			}
			if stripStamp(exportJSON(t, dst)) != before {
				t.Error("store changed by a refused import")
			}
		})
	}

	// Field and record are named for a decoding error inside a record.
	_, err := dataset.Decode(bytes.NewReader(edit(`"end": "2030-07-03"`, `"end": "2030-02-30"`)))
	var de *dataset.DecodeError
	if !errors.As(err, &de) || de.Field != "end" || !strings.HasPrefix(de.Record, "agreements[0]") || de.Line == 0 {
		t.Errorf("decode error %+v", de)
	}

	// Duplicate IDs inside one file.
	d, _ := dataset.Decode(bytes.NewReader(good))
	d.Agreements = append(d.Agreements, d.Agreements[0])
	fresh, _ := openTemp(t)
	err = fresh.Import(d)
	if !errors.Is(err, service.ErrDuplicate) || !strings.Contains(err.Error(), "agreements[1] (id 1)") {
		t.Errorf("duplicate in file: %v", err)
	}
	if n, _ := fresh.Total(); n != 0 {
		t.Error("partial import")
	}

	// A record that fails validation names itself and its field.
	d, _ = dataset.Decode(bytes.NewReader(good))
	d.Agreements[0].Term.End = agreement.NewDate(2020, 1, 1)
	err = fresh.Import(d)
	var ie *service.ImportError
	if !errors.As(err, &ie) || ie.Record != "agreements[0] (id 1)" || ie.Field != "term.end" {
		t.Errorf("invalid record: %v", err)
	}
	if n, _ := fresh.Total(); n != 0 {
		t.Error("partial import after validation error")
	}
}

func TestUnknownFieldInSingleFile(t *testing.T) {
	_, err := dataset.DecodeSingle(strings.NewReader(`{"format":"sepakat","version":1,"agreement":{"kind":"KSB","tanggal":"x"}}`))
	var de *dataset.DecodeError
	if !errors.As(err, &de) || de.Field != "tanggal" || de.Record != "agreement" {
		t.Fatalf("%+v", err)
	}
	_, err = dataset.DecodeSingle(strings.NewReader(`{"format":"sepakat","version":1}`))
	if err == nil {
		t.Fatal("empty single accepted")
	}
}

func TestLoadExamplesOnceAfterExistingRecords(t *testing.T) {
	src, _ := openTemp(t)
	w := seedWorld(t, src)
	a := w.ksb("Contoh")
	mustSave(t, src.SaveAgreement(&a))
	d, _ := src.Export()

	dst, _ := openTemp(t)
	seedWorld(t, dst)
	if err := dst.LoadDataset(d); err != nil {
		t.Fatal(err)
	}
	if ok, _ := dst.ExamplesLoaded(); !ok {
		t.Error("flag not set")
	}
	got, err := dst.Agreement(1)
	if err != nil || got.Subject != "Contoh" || got.Parties[0].PartyID != 2+2 {
		t.Fatalf("shifted example: %+v %v", got.Parties, err)
	}
	d2, _ := src.Export()
	if err := dst.LoadDataset(d2); !errors.Is(err, service.ErrExamplesLoaded) {
		t.Errorf("second load: %v", err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	s, path := openTemp(t)
	mustSave(t, s.db.Update(func(tx *txT) error { return putVersion(tx.Bucket(schema.Meta), SchemaVersion+1) }))
	s.Close()
	_, err := Open(path, Options{})
	if !errors.Is(err, service.ErrNewerSchema) {
		t.Fatalf("%v", err)
	}
	_ = os.Remove(filepath.Join(path))
}
