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
	edit := func(old, new string) []byte {
		if !bytes.Contains(good, []byte(old)) {
			t.Fatalf("fixture lacks %q", old)
		}
		return bytes.Replace(good, []byte(old), []byte(new), 1)
	}
	for _, c := range []struct {
		name, want string
		data       []byte
	}{
		{"truncated", "terpotong", good[:len(good)/2]},
		{"malformed", "JSON tidak valid", edit(`"subject":`, `"subject";`)},
		{"unknown field", `"subjek"`, edit(`"subject"`, `"subjek"`)},
		{"wrong type", "jenis nilai salah", edit(`"copies": 2`, `"copies": "dua"`)},
		{"impossible date", "2030-02-30", edit(`"end": "2030-07-03"`, `"end": "2030-02-30"`)},
		{"not sepakat", "bukan berkas Sepakat", edit(`"format": "sepakat"`, `"format": "lain"`)},
	} {
		_, err := Decode(bytes.NewReader(c.data))
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		msg := err.Error()
		if me, ok := err.(interface{ Message(i18n.Lang) string }); ok {
			msg = me.Message(i18n.ID)
		}
		if !strings.Contains(msg, c.want) {
			t.Errorf("%s: message %q lacks %q", c.name, msg, c.want)
		}
	}
	// Field and record are named for a decoding error inside a record.
	_, err := Decode(bytes.NewReader(edit(`"end": "2030-07-03"`, `"end": "2030-02-30"`)))
	var de *DecodeError
	if !errors.As(err, &de) || de.Field != "end" || !strings.HasPrefix(de.Record, "agreements[0]") || de.Line == 0 {
		t.Errorf("decode error %+v", de)
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
