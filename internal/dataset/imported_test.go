package dataset

import (
	"bytes"
	"testing"

	"sepakat/internal/agreement"
)

// The mark of a record imported from an old register survives the exchange
// file, both ways: the whole-file writer and the strict reader.
func TestImportedMarkIsCarried(t *testing.T) {
	in := &Dataset{Format: Format, Version: Version,
		Agreements: []agreement.Agreement{{ID: 7, Kind: agreement.KindPKS, Subject: "Lama", Status: agreement.StatusDitandatangani,
			Imported: &agreement.Imported{Source: "daftar 2019.xlsx, lembar 2019", Row: 12, At: agreement.NewDate(2026, 11, 30)}}}}
	var buf bytes.Buffer
	if _, err := WriteDataset(&buf, in); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"imported"`)) {
		t.Fatalf("no imported field written:\n%s", buf.String())
	}
	out, err := Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	got := out.Agreements[0].Imported
	if got == nil || *got != *in.Agreements[0].Imported {
		t.Errorf("mark read back as %+v, want %+v", got, in.Agreements[0].Imported)
	}
	if !out.Agreements[0].IsImported() {
		t.Error("IsImported false after the round trip")
	}
}
