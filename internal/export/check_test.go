package export

import (
	"path/filepath"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/store"
)

// The check reads the stored agreement as a final copy prints: the examples
// pass; a term typed in the text that differs from the record is named.
func TestCheckReadsTheStoredAgreement(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	for id := 1; id <= 3; id++ {
		if ps, err := Check(s, agreement.ID(id)); err != nil || len(ps) > 0 {
			t.Fatalf("example %d: %v %v", id, err, ps)
		}
	}
	a, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	a.Term.Length, a.Term.End = 3, agreement.Date{} // the text says five years in words of its own
	a.Body = literalTerm(a.Body)
	a.Status, a.Signing = agreement.StatusKonsep, nil
	a.ID, a.Rev = 0, 0
	for i := range a.Parties {
		a.Parties[i].Number = ""
	}
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	ps, err := Check(s, a.ID)
	if err != nil || len(ps) != 1 {
		t.Fatalf("check: %v, %d problems %v", err, len(ps), ps)
	}
	if got := ps[0].Message(i18n.ID); got != "Pasal 5 ayat (1): jangka waktu di teks 5 tahun, di data 3 tahun." {
		t.Fatalf("message %q", got)
	}
}

// literalTerm writes the term as literal text where the text uses {jangka_waktu}.
func literalTerm(ns []agreement.Node) []agreement.Node {
	out := make([]agreement.Node, len(ns))
	for i, n := range ns {
		n.Text = strings.ReplaceAll(n.Text, "{jangka_waktu}", "5 (lima) tahun")
		n.Children = literalTerm(n.Children)
		out[i] = n
	}
	return out
}
