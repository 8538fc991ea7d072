package editor

import (
	"regexp"
	"strings"
	"testing"

	"sepakat/internal/agreement"
)

// Riwayat names what changed in words: the status by its label, the surat
// kuasa by its number, the signer by name, a ticked original by its copy and
// party; never a field path, a code or an id.
func TestRiwayatSpeaksWords(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	a, err := h.s.Agreement(e.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	mandates, err := h.s.Mandates()
	if err != nil || len(mandates) == 0 {
		t.Fatalf("the examples hold no surat kuasa: %v", err)
	}
	officials, err := h.s.Officials()
	if err != nil || len(officials) == 0 {
		t.Fatalf("the examples hold no pejabat: %v", err)
	}
	m, o := mandates[0], officials[0]
	own := 0
	for i, p := range a.Parties {
		if p.Own {
			own = i
		}
	}
	ownID := a.Parties[own].PartyID
	a.Parties[own].MandateID = m.ID
	if a.Signing == nil {
		a.Signing = &agreement.Signing{}
	}
	a.Signing.Signers = []agreement.Signer{{PartyID: ownID, OfficialID: o.ID, Name: o.FullName(), Jabatan: o.Jabatan}}
	a.Signing.Checklist = []agreement.CopyCheck{{Copy: 1, PartyID: ownID, Paraf: true}}
	a.Signing.Date = agreement.NewDate(2026, 4, 14)
	if err := a.Transition(agreement.StatusTelaah, ""); err != nil {
		t.Fatal(err)
	}
	if err := h.s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	e = h.open(a.ID, nil)
	party, err := h.s.Party(ownID)
	if err != nil {
		t.Fatal(err)
	}
	partyName := party.ShortName
	if partyName == "" {
		partyName = party.Name
	}
	role := a.Parties[own].Role.Label()
	last := e.history.lines[len(e.history.lines)-1]
	for _, want := range []string{
		"Status: Konsep → Telaah",
		"Surat kuasa " + role + ": " + m.Number,
		"Penanda tangan " + role + ": " + o.FullName(),
		"Naskah asli 1, " + partyName + ": paraf: tidak → ya",
		"Tanggal penandatanganan: 14 April 2026",
	} {
		if !strings.Contains(last, want) {
			t.Errorf("Riwayat lacks %q:\n%s", want, last)
		}
	}
	t.Log(last)
	raw := regexp.MustCompile(`[a-z]_[a-z]|\[\d+\]|\b(signing|parties|status)\.`)
	for i, line := range e.history.lines {
		if raw.MatchString(line) {
			t.Errorf("Riwayat line %d shows a field path or code: %s", i, line)
		}
		for _, c := range e.history.rows[i].Changes {
			if strings.ContainsAny(c.Field, ".[_") && strings.Contains(line, c.Field) {
				t.Errorf("Riwayat line %d shows %q: %s", i, c.Field, line)
			}
		}
	}
}
