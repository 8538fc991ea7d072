package export

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/store"
)

// The paraf our office chose in its page settings prints on the exported PDF,
// and the recorded fingerprint is that of the text alone.
func TestOfficeProfileChoosesTheParaf(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	export := func() (string, Result) {
		var buf bytes.Buffer
		res, err := PDF(context.Background(), s, 2, &buf, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return text(t, buf.Bytes()), res
	}
	before, plain := export()
	if strings.Contains(before, "Paraf Hierarki") || strings.Contains(before, "Paraf Koordinasi") {
		t.Fatal("a paraf printed that the office did not choose")
	}
	o := agreement.Official{PartyID: 1, Name: "Hendra Gunawan", BackTitle: "S.H., M.H.", Jabatan: "Kepala Bagian Hukum", Role: agreement.RoleLain}
	if err := s.SaveOfficial(&o); err != nil {
		t.Fatal(err)
	}
	own, _ := s.Party(1)
	pg := *own.Page
	pg.ParafHierarki, pg.ParafKoordinasi = []agreement.ID{o.ID}, true
	own.Page = &pg
	if err := s.SaveParty(&own); err != nil {
		t.Fatal(err)
	}
	after, res := export()
	for _, w := range []string{"Paraf Hierarki", "Kepala Bagian Hukum", "Hendra Gunawan, S.H., M.H.", "Paraf Koordinasi", "Badan Perencanaan Pembangunan"} {
		if !strings.Contains(after, w) {
			t.Errorf("the export lacks %q", w)
		}
	}
	if res.Fingerprint != plain.Fingerprint {
		t.Errorf("the paraf changed the fingerprint: %s, was %s", res.Fingerprint, plain.Fingerprint)
	}
}
