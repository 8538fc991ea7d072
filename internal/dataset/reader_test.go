package dataset

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
)

// fullDataset has an element in every list.
func fullDataset() *Dataset {
	at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	return &Dataset{Format: Format, Version: Version, ExportedAt: at,
		Parties:    []agreement.Party{{ID: 1, Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten <Sumedang> & \"Co\"", RegionCode: "32.11"}, {ID: 2, Name: "Kota"}},
		Officials:  []agreement.Official{{ID: 3, PartyID: 1, Name: "Dony"}},
		Mandates:   []agreement.Mandate{{ID: 4, PartyID: 1}},
		Agreements: []agreement.Agreement{{ID: 5, Kind: agreement.KindKSB, Subject: "Asli ✓"}},
		Counters:   []Counter{{Office: 1, Kind: agreement.KindKSB, Year: 2025, Last: 7}},
		Numbers:    []IssuedNumber{{Number: "1/KSB/2025", Office: 1, Kind: agreement.KindKSB, Year: 2025, Seq: 1, At: at, By: "ani"}},
		History:    []HistoryEntry{{Type: TypeAgreement, ID: 5, Rev: 1, At: at, By: "ani", Action: "buat"}},
		Files:      []File{{SHA256: "ab", MediaType: "application/pdf", Data: []byte("%PDF\x00\xff")}},
	}
}

func TestWriterWritesWhatEncodeWrites(t *testing.T) {
	for _, d := range []*Dataset{fullDataset(), {Format: Format, Version: Version}, {Format: Format, Version: Version, Agreements: fullDataset().Agreements, Files: fullDataset().Files}} {
		var want, got bytes.Buffer
		if err := Encode(&want, d); err != nil {
			t.Fatal(err)
		}
		counts, err := WriteDataset(&got, d)
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("streamed:\n%s\nencoded:\n%s", got.String(), want.String())
		}
		if counts != (Counts{Agreements: len(d.Agreements), Parties: len(d.Parties), Officials: len(d.Officials), Mandates: len(d.Mandates)}) {
			t.Errorf("counts %+v", counts)
		}
		back, err := Decode(&got)
		if err != nil {
			t.Fatal(err)
		}
		var again bytes.Buffer
		if _, err := WriteDataset(&again, back); err != nil || again.String() != want.String() {
			t.Errorf("read back and written again differs: %v", err)
		}
	}
}

func TestReaderGivesElementsWithTheirLines(t *testing.T) {
	var buf bytes.Buffer
	if _, err := WriteDataset(&buf, fullDataset()); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	r := NewReader(&buf)
	var names []string
	for {
		it, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, it.Name())
		// The line holds the element's opening brace.
		lines := strings.Split(string(raw), "\n")
		if it.Line < 1 || strings.TrimSpace(lines[it.Line-1]) != "{" {
			t.Errorf("%s at line %d: %q", it.Name(), it.Line, lines[it.Line-1])
		}
	}
	want := "parties[0] (id 1) parties[1] (id 2) officials[0] (id 3) mandates[0] (id 4) agreements[0] (id 5) counters[0] issued_numbers[0] history[0] files[0]"
	if strings.Join(names, " ") != want {
		t.Errorf("names %q", names)
	}
	if !r.ExportedAt().Equal(fullDataset().ExportedAt) {
		t.Errorf("exported at %v", r.ExportedAt())
	}
}

func TestBadBase64NamesTheFile(t *testing.T) {
	var buf bytes.Buffer
	if _, err := WriteDataset(&buf, fullDataset()); err != nil {
		t.Fatal(err)
	}
	data := strings.Replace(buf.String(), `"data": "JVBERgD/"`, `"data": "JVBER!!gD/"`, 1)
	if data == buf.String() {
		t.Fatal("fixture lacks the blob")
	}
	_, err := Decode(strings.NewReader(data))
	var de *DecodeError
	if !errors.As(err, &de) || !errors.Is(err, ErrBase64) || de.Record != "files[0]" || de.Field != "data" {
		t.Fatalf("%v", err)
	}
	if line := 1 + strings.Count(data[:strings.Index(data, `"data": "JVBER!!`)], "\n"); de.Line != line {
		t.Errorf("line %d, want %d", de.Line, line)
	}
}

// endless is a file whose one blob never ends; it counts what was read.
type endless struct {
	head []byte
	read int64
}

func (e *endless) Read(p []byte) (int, error) {
	n := copy(p, e.head)
	e.head = e.head[n:]
	for i := n; i < len(p); i++ {
		p[i] = 'A'
	}
	e.read += int64(len(p))
	return len(p), nil
}

func TestOversizeBlobRefusedWithoutReadingItAll(t *testing.T) {
	src := &endless{head: []byte("{\n  \"format\": \"sepakat\",\n  \"version\": 1,\n  \"files\": [\n    {\n      \"sha256\": \"ab\",\n      \"media_type\": \"application/pdf\",\n      \"data\": \"")}
	_, err := Decode(src)
	var de *DecodeError
	if !errors.As(err, &de) || !errors.Is(err, ErrFileTooLarge) || de.Record != "files[0]" || de.Field != "data" || de.Line != 8 {
		t.Fatalf("%+v", err)
	}
	if src.read > 3*maxString {
		t.Errorf("read %d MB of an endless blob before refusing it", src.read>>20)
	}
	// A blob just within the limit is read.
	blob := bytes.Repeat([]byte{7}, MaxFileSize)
	d := &Dataset{Format: Format, Version: Version, Files: []File{{SHA256: "x", MediaType: "image/png", Data: blob}}}
	var buf bytes.Buffer
	if _, err := WriteDataset(&buf, d); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(&buf)
	if err != nil || !bytes.Equal(back.Files[0].Data, blob) {
		t.Fatalf("a blob of %d MB: %v", MaxFileSize>>20, err)
	}
}

func TestInvalidUTF8AcrossReads(t *testing.T) {
	// A valid multi-byte rune split between two reads is fine; a broken one is not.
	var buf bytes.Buffer
	if _, err := WriteDataset(&buf, fullDataset()); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	if _, err := Decode(&oneByte{good}); err != nil {
		t.Fatalf("byte by byte: %v", err)
	}
	i := bytes.Index(good, []byte("✓"))
	bad := append(append(bytes.Clone(good[:i]), good[i:i+2]...), good[i+3:]...) // the rune's last byte dropped
	_, err := Decode(&oneByte{bad})
	var de *DecodeError
	if !errors.As(err, &de) || !errors.Is(err, ErrInvalidUTF8) || de.Field != "subject" || !strings.HasPrefix(de.Record, "agreements[0]") {
		t.Fatalf("%+v", err)
	}
}

func TestByteOrderMarkIsSkipped(t *testing.T) {
	var buf bytes.Buffer
	if _, err := WriteDataset(&buf, fullDataset()); err != nil {
		t.Fatal(err)
	}
	d, err := Decode(bytes.NewReader(append([]byte{0xEF, 0xBB, 0xBF}, buf.Bytes()...)))
	if err != nil || len(d.Agreements) != 1 {
		t.Fatalf("a file with a BOM: %v", err)
	}
	// Elsewhere it is text, and the JSON around it must hold it.
	_, err = Decode(bytes.NewReader(append([]byte("{\xEF\xBB\xBF"), buf.Bytes()[1:]...)))
	if !errors.Is(err, ErrSyntax) {
		t.Errorf("a BOM inside: %v", err)
	}
}

type oneByte struct{ b []byte }

func (o *oneByte) Read(p []byte) (int, error) {
	if len(o.b) == 0 {
		return 0, io.EOF
	}
	p[0] = o.b[0]
	o.b = o.b[1:]
	return 1, nil
}
