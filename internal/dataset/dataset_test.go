package dataset

import (
	"bytes"
	"errors"
	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"strings"
	"testing"
	"time"
)

func TestSaveEntry(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	e := SaveEntry(TypeParty, 4, 1, at, "ani", nil, []byte(`{"id":4,"name":"A"}`))
	if e.Action != "buat" || e.Changes != nil || e.Type != TypeParty || e.ID != 4 || e.Rev != 1 || !e.At.Equal(at) || e.By != "ani" {
		t.Errorf("new record: %+v", e)
	}
	e = SaveEntry(TypeParty, 4, 2, at, "ani", []byte(`{"id":4,"name":"A"}`), []byte(`{"id":4,"name":"B"}`))
	if e.Action != "ubah" || len(e.Changes) != 1 || e.Changes[0].Field != "name" {
		t.Errorf("changed name: %+v", e)
	}
}

func TestRecordTypeValid(t *testing.T) {
	for _, rt := range []RecordType{TypeAgreement, TypeParty, TypeOfficial, TypeMandate} {
		if !rt.Valid() {
			t.Errorf("%s not valid", rt)
		}
	}
	for _, rt := range []RecordType{"", "counter", "Party"} {
		if rt.Valid() {
			t.Errorf("%q valid", rt)
		}
	}
}

// goodFile is an encoded file with one party and one agreement.
func goodFile(t *testing.T) []byte {
	t.Helper()
	d := &Dataset{Format: Format, Version: Version,
		Parties: []agreement.Party{{ID: 1, Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Sumedang", RegionCode: "32.11"}},
		Agreements: []agreement.Agreement{{ID: 1, Kind: agreement.KindKSB, Subject: "Asli", Status: agreement.StatusKonsep, Copies: 2,
			Term: agreement.Term{Length: 5, Unit: agreement.UnitTahun, Start: agreement.NewDate(2025, 7, 4), End: agreement.NewDate(2030, 7, 3)}}}}
	var buf bytes.Buffer
	if err := Encode(&buf, d); err != nil {
		t.Fatal(err)
	}
	if _, err := Decode(bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatalf("the good file does not decode: %v", err)
	}
	return buf.Bytes()
}

func TestDecodeNamesWhatIsWrong(t *testing.T) {
	good := goodFile(t)
	// edit replaces old and returns the file and the line old was on.
	edit := func(old, new string) ([]byte, int) {
		i := bytes.Index(good, []byte(old))
		if i < 0 {
			t.Fatalf("fixture lacks %q", old)
		}
		return bytes.Replace(good, []byte(old), []byte(new), 1), 1 + bytes.Count(good[:i], []byte("\n"))
	}
	lines := 1 + bytes.Count(bytes.TrimRight(good, "\n"), []byte("\n"))
	type want struct {
		err           error
		record, field string
		line          int
	}
	cases := []struct {
		name string
		want want
		data []byte
	}{
		{"empty", want{ErrEmpty, "", "", 0}, nil},
		{"only spaces", want{ErrEmpty, "", "", 0}, []byte(" \n\t ")},
		{"a PDF", want{ErrNotJSON, "", "", 1}, []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")},
		{"a list", want{ErrNotJSON, "", "", 1}, []byte("[1, 2]")},
	}
	add := func(name string, w want, old, new string) {
		data, line := edit(old, new)
		if w.line < 0 {
			w.line = line
		}
		cases = append(cases, struct {
			name string
			want want
			data []byte
		}{name, w, data})
	}
	add("malformed", want{ErrSyntax, "agreements[0]", "", -1}, `"subject":`, `"subject";`)
	add("unknown field", want{ErrUnknownField, "agreements[0] (id 1)", "subjek", -1}, `"subject"`, `"subjek"`)
	add("wrong type", want{ErrWrongType, "agreements[0] (id 1)", "copies", -1}, `"copies": 2`, `"copies": "dua"`)
	add("impossible date", want{ErrBadDate, "agreements[0] (id 1)", "end", -1}, `"end": "2030-07-03"`, `"end": "2030-02-30"`)
	add("not sepakat", want{ErrForeign, "", "format", -1}, `"format": "sepakat"`, `"format": "lain"`)
	add("newer version", want{ErrVersion, "", "version", -1}, `"version": 1`, `"version": 99`)
	add("id 2^64", want{ErrNumberRange, "agreements[0]", "id", -1}, `"id": 1,
      "kind": "KSB"`, `"id": 18446744073709551616,
      "kind": "KSB"`)
	add("negative id", want{ErrNumberRange, "parties[0]", "id", -1}, `"id": 1,
      "kind": "pemkab"`, `"id": -1,
      "kind": "pemkab"`)
	add("id 1e30", want{ErrNumberRange, "parties[0]", "id", -1}, `"id": 1,
      "kind": "pemkab"`, `"id": 1e30,
      "kind": "pemkab"`)
	add("invalid UTF-8 in a string", want{ErrInvalidUTF8, "agreements[0]", "subject", -1}, `"Asli"`, "\"As\xffli\"")
	add("a lone continuation byte", want{ErrInvalidUTF8, "parties[0]", "name", -1}, `Sumedang`, "Sumed\x80ang")
	cases = append(cases, struct {
		name string
		want want
		data []byte
	}{"trailing data", want{ErrTrailing, "", "", lines + 1}, append(bytes.Clone(good), "{}"...)})
	add("unknown list", want{ErrUnknownField, "", "perjanjian", -1}, `"agreements"`, `"perjanjian"`)
	cases = append(cases, struct {
		name string
		want want
		data []byte
	}{"truncated", want{ErrTruncated, "agreements[0]", "", 0}, good[:len(good)*2/3]})
	for _, c := range cases {
		_, err := Decode(bytes.NewReader(c.data))
		var de *DecodeError
		if !errors.As(err, &de) {
			t.Errorf("%s: %v, want a DecodeError", c.name, err)
			continue
		}
		if !errors.Is(err, c.want.err) || !errors.Is(err, ErrFormat) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want.err)
		}
		if !strings.HasPrefix(de.Record, c.want.record) || (c.want.record == "" && de.Record != "") {
			t.Errorf("%s: record %q, want %q", c.name, de.Record, c.want.record)
		}
		if de.Field != c.want.field {
			t.Errorf("%s: field %q, want %q", c.name, de.Field, c.want.field)
		}
		if c.want.line > 0 && de.Line != c.want.line {
			t.Errorf("%s: line %d, want %d (%v)", c.name, de.Line, c.want.line, err)
		}
		if !strings.Contains(de.Where(i18n.EN), "line") && c.want.line > 0 {
			t.Errorf("%s: %q names no line", c.name, de.Where(i18n.EN))
		}
	}
}

func TestUnknownFieldInSingleFile(t *testing.T) {
	_, err := DecodeSingle(strings.NewReader(`{"format":"sepakat","version":1,"agreement":{"kind":"KSB","tanggal":"x"}}`))
	var de *DecodeError
	if !errors.As(err, &de) || de.Field != "tanggal" || de.Record != "agreement" {
		t.Fatalf("%+v", err)
	}
	if _, err = DecodeSingle(strings.NewReader(`{"format":"sepakat","version":1}`)); err == nil {
		t.Fatal("empty single accepted")
	}
}
