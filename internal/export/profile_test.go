package export

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/store"
)

// text reads a PDF back with poppler's pdftotext, as one line of single spaces.
func text(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return regexp.MustCompile(`\s+`).ReplaceAllString(string(out), " ")
}

// Our office's page settings choose how the opening names the place and how
// an acting head's jabatan prints under the signature; the komparisi always
// writes the acting title in full words.
func TestOfficeProfileChoosesVenueAndActingStyle(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Agreement(2)
	head, err := s.Official(a.Parties[0].SignerID)
	if err != nil {
		t.Fatal(err)
	}
	head.Status, head.FrontTitle, head.BackTitle = agreement.StatusPj, "Dr.", "M.Si."
	if err := s.SaveOfficial(&head); err != nil {
		t.Fatal(err)
	}
	// A draft, so that the signer is read from the directory, not the signing record.
	a.Status = agreement.StatusKonsep
	a.ID, a.Rev = 0, 0
	for i := range a.Parties {
		a.Parties[i].Number = ""
	}
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	print := func() string {
		var buf bytes.Buffer
		if _, err := PDF(context.Background(), s, a.ID, &buf, Options{}); err != nil {
			t.Fatal(err)
		}
		return text(t, buf.Bytes())
	}
	got := print()
	for _, want := range []string{
		"bertempat di Gedung Command Center, Kompleks Pemerintahan Kabupaten Sumedang, yang bertanda tangan",
		"Dr. RADITYO EGI PRATAMA, M.Si., Penjabat Bupati Lampung Selatan, dalam hal ini",
		"PENJABAT BUPATI",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("default profile: lacks %q:\n%s", want, got)
		}
	}
	parties, _ := s.Parties()
	for _, p := range parties {
		if p.Own {
			pg := agreement.DefaultPageProfile()
			if p.Page != nil {
				pg = *p.Page
			}
			pg.ActingAbbrev, pg.OpeningPlaceOnly = true, true
			p.Page = &pg
			if err := s.SaveParty(&p); err != nil {
				t.Fatal(err)
			}
		}
	}
	got = print()
	for _, want := range []string{
		"bertempat di Sumedang, yang bertanda tangan",
		"Penjabat Bupati Lampung Selatan, dalam hal ini",
		"Pj. BUPATI",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("office profile: lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "PENJABAT BUPATI") || strings.Contains(got, "Command Center") {
		t.Errorf("office profile not followed:\n%s", got)
	}
}
