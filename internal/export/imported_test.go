package export

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

// An agreement imported from an old register has no text: printing it is
// refused in words, and nothing is written.
func TestImportedAgreementIsNotPrinted(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	a, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	off, err := s.Offsets()
	if err != nil {
		t.Fatal(err)
	}
	old := agreement.Agreement{ID: off.Agreement + 1, Kind: agreement.KindPKS, Subject: "Pelayanan Perizinan Lama",
		Status:   agreement.StatusDitandatangani,
		Parties:  []agreement.AgreementParty{{PartyID: a.Parties[0].PartyID, Role: agreement.RolePihakPertama, Own: a.Parties[0].Own}, {PartyID: a.Parties[1].PartyID, Role: agreement.RolePihakKedua, Own: a.Parties[1].Own}},
		Signing:  &agreement.Signing{Date: agreement.NewDate(2018, 5, 2)},
		Imported: &agreement.Imported{Source: "daftar lama.xlsx", Row: 4}}
	if err := s.Import(context.Background(), &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: []agreement.Agreement{old}}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = Printer{Src: s}.ExportPDF(context.Background(), old.ID, &buf, true)
	var nt *NoTextError
	if !errors.As(err, &nt) || buf.Len() != 0 {
		t.Fatalf("imported agreement printed: %v, %d bytes", err, buf.Len())
	}
	if m := service.Message(err, i18n.ID); !strings.Contains(m, "Naskah tidak tersedia untuk perjanjian impor") {
		t.Errorf("message %q", m)
	}
	if m := service.Message(err, i18n.EN); !strings.Contains(m, "No text for an imported agreement") {
		t.Errorf("English message %q", m)
	}
	// The stored examples still print.
	if err := (Printer{Src: s}).ExportPDF(context.Background(), 2, &buf, false); err != nil || buf.Len() == 0 {
		t.Errorf("example: %v", err)
	}
}
