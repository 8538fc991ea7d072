package dataset

import (
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
