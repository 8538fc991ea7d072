package relevance_test

import (
	"context"
	"path/filepath"
	"testing"

	"sepakat/internal/pgstore"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/relevance"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// TestRelevancePostgres runs the relevance set and the typo cases on the
// PostgreSQL backend with the same expectations as on bbolt; the server finds
// the words one edit from a typo through its trigram index.
func TestRelevancePostgres(t *testing.T) {
	cases, err := relevance.Cases()
	if err != nil {
		t.Fatal(err)
	}
	typos, err := relevance.TypoCases()
	if err != nil {
		t.Fatal(err)
	}
	cases = append(cases, typos...)
	s, err := pgstore.Open(context.Background(), pgtest.Fresh(t), pgstore.Options{BackupDir: filepath.Join(t.TempDir(), "cadangan")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	checkRelevance(t, s, cases)
}
