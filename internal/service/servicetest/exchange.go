package servicetest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// BadImport is one file of the bad-import matrix: what must refuse it, where.
type BadImport struct {
	Name string
	Data []byte
	// Is is the error the refusal wraps.
	Is error
	// Record is the start of the record named ("" for none), Field the field.
	Record, Field string
	// Line is the line named; 0 for a file without lines.
	Line int
}

// ExchangeWorld fills s with what an exchange file holds: the seeded world, a
// signed agreement with an attachment, its child, a reserved number and a
// stored file. It returns s's export.
func ExchangeWorld(t testing.TB, s service.Service) []byte {
	t.Helper()
	w := SeedWorld(t, s)
	scan := []byte("%PDF-1.4 naskah yang ditandatangani")
	ref, err := s.PutFile("naskah-ttd.pdf", "application/pdf", scan)
	must(t, err)
	a := w.KSB("Berbagi Informasi dan Inovasi Daerah")
	a.Attachments = []agreement.Attachment{{Kind: agreement.AttachScan, File: ref, Added: Start}}
	must(t, s.SaveAgreement(&a))
	Sign(t, s, &a, agreement.NewDate(2025, 7, 4))
	if _, err := s.ReserveNumber(w.Sumedang.ID, agreement.KindPKS, agreement.NewDate(2025, 7, 4), a.ID); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	_, err = s.ExportTo(context.Background(), &buf)
	must(t, err)
	return buf.Bytes()
}

// BadImports builds the bad-import matrix from good, an export of
// ExchangeWorld: truncated JSON, invalid UTF-8, bad base64, a hash mismatch,
// an oversize file, bad file names, duplicate IDs, a dangling reference, an
// overflowing counter, a PDF renamed .json, an empty file.
func BadImports(t testing.TB, good []byte) []BadImport {
	t.Helper()
	text := string(good)
	// edit replaces the first old after the start of list, and returns the
	// file with the line of the change and the line of its element's start.
	edit := func(list, old, new string) (data []byte, line, elem int) {
		t.Helper()
		from := strings.Index(text, fmt.Sprintf("\n  %q: [", list))
		i := strings.Index(text[from+1:], old)
		if from < 0 || i < 0 {
			t.Fatalf("the good file lacks %q in %s", old, list)
		}
		i += from + 1
		line = 1 + strings.Count(text[:i], "\n")
		elem = 1 + strings.Count(text[:strings.LastIndex(text[:i], "\n    {\n")+1], "\n")
		return []byte(text[:i] + new + text[i+len(old):]), line, elem
	}
	var out []BadImport
	add := func(name, list, old, new string, is error, record, field string, atElement bool) {
		data, line, elem := edit(list, old, new)
		if atElement {
			line = elem
		}
		out = append(out, BadImport{Name: name, Data: data, Is: is, Record: record, Field: field, Line: line})
	}
	lines := strings.Count(text, "\n")
	out = append(out,
		BadImport{Name: "empty file", Data: nil, Is: dataset.ErrEmpty},
		BadImport{Name: "PDF renamed .json", Data: []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>\nendobj\n"), Is: dataset.ErrNotJSON, Line: 1},
		BadImport{Name: "truncated JSON", Data: good[:len(good)*3/5], Is: dataset.ErrTruncated, Line: 1 + strings.Count(text[:len(good)*3/5], "\n")},
		BadImport{Name: "trailing data", Data: append(bytes.Clone(good), "{}\n"...), Is: dataset.ErrTrailing, Line: lines + 1},
	)
	add("invalid UTF-8", "agreements", "Berbagi Informasi", "Berbagi Inf\xc3\x28ormasi", dataset.ErrInvalidUTF8, "agreements[0]", "subject", false)
	add("Latin-1 text", "parties", "Sumedang", "Sum\xe9dang", dataset.ErrInvalidUTF8, "parties[", "name", false)
	// The stored file's base64 and sum.
	scan := []byte("%PDF-1.4 naskah yang ditandatangani")
	b64 := base64.StdEncoding.EncodeToString(scan)
	add("bad base64", "files", `"data": "`+b64, `"data": "!!`+b64[2:], dataset.ErrBase64, "files[0]", "data", false)
	add("hash mismatch", "files", `"data": "`+b64, `"data": "`+base64.StdEncoding.EncodeToString([]byte("%PDF-1.4 naskah lain")), service.ErrImportHash, "files[0]", "sha256", true)
	big := bytes.Repeat([]byte{'x'}, service.MaxFileSize+1)
	sum := sha256.Sum256(scan)
	bigSum := sha256.Sum256(big)
	data, _, elem := edit("files", hex.EncodeToString(sum[:]), hex.EncodeToString(bigSum[:]))
	data = bytes.Replace(data, []byte(`"data": "`+b64), []byte(`"data": "`+base64.StdEncoding.EncodeToString(big)), 1)
	out = append(out, BadImport{Name: "oversize file (20 MB + 1)", Data: data, Is: service.ErrTooLarge, Record: "files[0]", Field: "data", Line: elem})
	add("attachment named ..", "agreements", `"name": "naskah-ttd.pdf"`, `"name": ".."`, service.ErrFileName, "agreements[0] (id 1)", "attachments[0].file.name", true)
	add("attachment with a path", "agreements", `"name": "naskah-ttd.pdf"`, `"name": "../../etc/passwd"`, service.ErrFileName, "agreements[0] (id 1)", "attachments[0].file.name", true)
	add("absolute attachment path", "agreements", `"name": "naskah-ttd.pdf"`, `"name": "/home/ani/naskah.pdf"`, service.ErrFileName, "agreements[0] (id 1)", "attachments[0].file.name", true)
	add("attachment with NUL", "agreements", `"name": "naskah-ttd.pdf"`, `"name": "naskah\u0000.pdf"`, service.ErrFileName, "agreements[0] (id 1)", "attachments[0].file.name", true)
	add("empty attachment name", "agreements", `"name": "naskah-ttd.pdf"`, `"name": ""`, service.ErrFileName, "agreements[0] (id 1)", "attachments[0].file.name", true)
	add("duplicate ID", "officials", `"id": 2,`, `"id": 1,`, service.ErrDuplicate, "officials[1] (id 1)", "id", true)
	add("dangling reference", "mandates", `"grantee_id": 3`, `"grantee_id": 999`, agreement.ErrInvalid, "mandates[0] (id 1)", "grantee_id", true)
	add("counter 2^64", "counters", `"last": 1`, `"last": 18446744073709551616`, dataset.ErrNumberRange, "counters[0]", "last", false)
	add("negative counter", "counters", `"last": 1`, `"last": -1`, dataset.ErrNumberRange, "counters[0]", "last", false)
	add("ID 1e30", "agreements", `"id": 1,`, `"id": 1e30,`, dataset.ErrNumberRange, "agreements[0]", "id", false)
	add("ID beyond 2^53", "parties", `"id": 1,`, `"id": 9007199254740993,`, service.ErrImportRange, "parties[0] (id 9007199254740993)", "id", true)
	return out
}

// checkRefusal says what is wrong with err as the refusal of b.
func checkRefusal(t testing.TB, b BadImport, err error) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: accepted", b.Name)
		return
	}
	if !errors.Is(err, b.Is) {
		t.Errorf("%s: %v, want %v", b.Name, err, b.Is)
	}
	if errors.Is(err, service.ErrCorrupt) {
		t.Errorf("%s: the data file is blamed: %v", b.Name, err)
	}
	for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
		msg := service.Message(err, l)
		var want []string
		if b.Line > 0 {
			at := i18n.Text{ID: "baris %d", EN: "line %d"}.In(l, b.Line)
			if !strings.Contains(msg, at+",") && !strings.Contains(msg, at+":") {
				t.Errorf("%s, %s: %q lacks %q", b.Name, l, msg, at)
			}
		}
		if b.Record != "" {
			want = append(want, b.Record)
		}
		if b.Field != "" {
			want = append(want, i18n.Text{ID: "isian %s", EN: "field %s"}.In(l, b.Field))
		}
		for _, w := range want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s, %s: %q lacks %q", b.Name, l, msg, w)
			}
		}
		if !service.Known(err) || strings.Contains(msg, "service:") || strings.Contains(msg, "dataset:") || strings.Contains(msg, "json:") {
			t.Errorf("%s, %s: not in words: %q", b.Name, l, msg)
		}
	}
}

// exportStream is an instance's ExportTo without its time stamp.
func exportStream(t testing.TB, s service.Admin) string {
	t.Helper()
	var buf bytes.Buffer
	_, err := s.ExportTo(context.Background(), &buf)
	must(t, err)
	var out []string
	for _, l := range strings.Split(buf.String(), "\n") {
		if !strings.Contains(l, `"exported_at"`) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// opener opens data afresh each time, counting the opens.
func opener(data []byte, opens *int) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) {
		*opens++
		return io.NopCloser(bytes.NewReader(data)), nil
	}
}

func testExchange(t *testing.T, c Config) {
	t.Run("StreamRoundTrip", func(t *testing.T) {
		src := fresh(t, c)
		good := ExchangeWorld(t, src)
		if got := exportStream(t, src); got != exportJSON(t, src) {
			t.Fatalf("ExportTo differs from Export:\n%s\n---\n%s", got, exportJSON(t, src))
		}
		dst := fresh(t, c)
		opens := 0
		counts, err := dst.ImportFrom(context.Background(), opener(good, &opens))
		must(t, err)
		if counts != (dataset.Counts{Agreements: 1, Parties: 2, Officials: 4, Mandates: 2}) || opens < 1 {
			t.Errorf("counts %+v after %d opens", counts, opens)
		}
		if exportStream(t, dst) != exportStream(t, src) {
			t.Fatal("the imported instance exports differently")
		}
		// The imported register works: lists, search, history, new IDs.
		if got := searchIDs(t, dst, "inovasi", agreement.Filter{}); len(got) != 1 || got[0] != 1 {
			t.Errorf("imported agreement not found: %v", got)
		}
		if h, _ := dst.AgreementHistory(1); len(h) != 4 {
			t.Errorf("imported history: %d entries", len(h))
		}
		if n := total(t, dst); n != 1 {
			t.Errorf("total %d", n)
		}
		must(t, dst.Check(context.Background()))
		// Importing it again refuses the first record, naming its line.
		_, err = dst.ImportFrom(context.Background(), opener(good, &opens))
		var ie *service.ImportError
		if !errors.As(err, &ie) || !errors.Is(err, service.ErrDuplicate) || ie.Record != "parties[0] (id 1)" || ie.Line < 5 {
			t.Errorf("again: %v", err)
		}
	})

	t.Run("ForwardReferencesAndOrder", func(t *testing.T) {
		// A hand-made file: agreements first, the child before its parent,
		// parties last, no bookkeeping, no history.
		src := fresh(t, c)
		good := ExchangeWorld(t, src)
		d, err := dataset.Decode(bytes.NewReader(good))
		must(t, err)
		child := d.Agreements[0]
		child.ID, child.ParentID, child.Kind, child.Subject, child.Status, child.Signing = 2, 1, agreement.KindPKS, "Turunan", agreement.StatusKonsep, nil
		child.Rev, child.Created, child.Updated = 0, Start.AddDate(0, 0, -1), Start.AddDate(0, 0, -1)
		child.Parties = append([]agreement.AgreementParty(nil), child.Parties...)
		for i := range child.Parties {
			child.Parties[i].Number = ""
		}
		var b strings.Builder
		fmt.Fprintf(&b, `{"agreements": [%s, %s], "format": "sepakat", "version": 1, "officials": %s, "mandates": %s, "parties": %s, "files": %s}`,
			jsonOf(t, child), jsonOf(t, d.Agreements[0]), jsonOf(t, d.Officials), jsonOf(t, d.Mandates), jsonOf(t, d.Parties), jsonOf(t, d.Files))
		dst := fresh(t, c)
		opens := 0
		if _, err := dst.ImportFrom(context.Background(), opener([]byte(b.String()), &opens)); err != nil {
			if es := (agreement.Errors{}); errors.As(err, &es) && es[0].Field != "parent_id" {
				t.Logf("child of this kind refused: %v", err)
			}
			t.Fatal(err)
		}
		sums, err := dst.Summaries([]agreement.ID{1, 2})
		must(t, err)
		if len(sums) != 2 || sums[0].Partners() == "" || sums[1].Partners() == "" {
			t.Errorf("summaries without the parties named after them: %+v", sums)
		}
		if h, _ := dst.AgreementHistory(2); len(h) != 1 || h[0].Action != "impor" {
			t.Errorf("history of a record without any: %+v", h)
		}
		must(t, dst.Check(context.Background()))
	})

	t.Run("CancelAtEveryCheck", func(t *testing.T) {
		src := fresh(t, c)
		good := ExchangeWorld(t, src)
		dst := fresh(t, c)
		opens := 0
		count := Counting()
		_, err := fresh(t, c).ImportFrom(count, opener(good, &opens))
		must(t, err)
		n := count.Calls()
		if n < 1 {
			t.Fatal("ImportFrom never checks its context")
		}
		before := exportStream(t, dst)
		for i := range n {
			_, err := dst.ImportFrom(CancelAfter(i), opener(good, &opens))
			wantCancelled(t, fmt.Sprintf("cancel at check %d of %d", i, n), err)
			if exportStream(t, dst) != before {
				t.Fatalf("cancel at check %d changed the instance", i)
			}
		}
		_, err = dst.ImportFrom(context.Background(), opener(good, &opens))
		must(t, err)
	})

	t.Run("BadImportMatrix", func(t *testing.T) {
		src := fresh(t, c)
		good := ExchangeWorld(t, src)
		dst := fresh(t, c)
		other := agreement.Party{Kind: agreement.PartySwasta, Name: "PT Sudah Ada"}
		must(t, dst.SaveParty(&other))
		before, offsets := exportStream(t, dst), mustOffsets(t, dst)
		for _, b := range BadImports(t, good) {
			data := b.Data
			opens := 0
			empty := fresh(t, c)
			emptyBefore := exportStream(t, empty)
			_, err := empty.ImportFrom(context.Background(), opener(data, &opens))
			checkRefusal(t, b, err)
			if exportStream(t, empty) != emptyBefore {
				t.Errorf("%s: the instance changed", b.Name)
			}
			if n := total(t, empty); n != 0 {
				t.Errorf("%s: %d agreements after a refused import", b.Name, n)
			}
		}
		// An instance with records of its own is not changed either (the
		// empty file and the PDF: a backend may refuse a later fault first for
		// an ID already in use).
		for _, b := range BadImports(t, good)[:2] {
			opens := 0
			_, err := dst.ImportFrom(context.Background(), opener(b.Data, &opens))
			checkRefusal(t, b, err)
		}
		if exportStream(t, dst) != before || mustOffsets(t, dst) != offsets {
			t.Error("a refused import changed the instance")
		}
	})
}

func jsonOf(t testing.TB, v any) string {
	t.Helper()
	var buf bytes.Buffer
	must(t, dataset.Encode(&buf, v))
	return strings.TrimSpace(buf.String())
}
