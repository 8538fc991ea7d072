package pgstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/relevance"
	"sepakat/internal/service"
)

// indexState is the search index and the list rows as text, table by table.
func indexState(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for name, sql := range map[string]string{
		"postings": "SELECT term || ' ' || doc || ' ' || tf || ' ' || norm FROM search_postings ORDER BY term, doc",
		"docs":     "SELECT id || ' ' || len_high || ' ' || len_body || ' ' || terms::text FROM search_docs ORDER BY id",
		"terms":    "SELECT term || ' ' || df FROM search_terms ORDER BY term",
		"stats":    "SELECT docs || ' ' || total_high || ' ' || total_body FROM search_stats",
		"rows":     "SELECT id || ' ' || coalesce(end_key, 0) || ' ' || sum::text FROM agreements ORDER BY id",
	} {
		rows, err := s.pool.Query(context.Background(), sql)
		if err != nil {
			t.Fatal(err)
		}
		lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		out[name] = lines
	}
	return out
}

// TestSavesKeepTheIndexOfARebuild checks that what saves write to the search
// index and the list rows (only the rows that change) is what rebuilding
// both from the records writes: after notes that grow, shrink and vanish,
// counts beyond what a tsvector keeps, a subject changed, an Adendum moved
// to another parent, and a party renamed.
func TestSavesKeepTheIndexOfARebuild(t *testing.T) {
	s := open(t, time.Now)
	ctx := context.Background()
	if err := relevance.BuildCorpusN(ctx, s, 80); err != nil {
		t.Fatal(err)
	}
	page, err := s.List(service.Query{Order: service.ByChanged, Limit: 80})
	if err != nil {
		t.Fatal(err)
	}
	edit := func(id agreement.ID, fn func(a *agreement.Agreement)) {
		t.Helper()
		a, err := s.Agreement(id)
		if err != nil {
			t.Fatal(err)
		}
		fn(&a)
		if err := s.SaveAgreement(&a); err != nil {
			t.Fatalf("save %d: %v", id, err)
		}
	}
	ids := make([]agreement.ID, len(page.Items))
	for i, it := range page.Items {
		ids[i] = it.ID
	}
	notes := []string{
		"rapat koordinasi pelayanan terpadu",
		"rapat koordinasi pelayanan terpadu dan pengawasan bersama 2026",
		"",
		strings.Repeat("kerja sama daerah ", 300) + "pantai", // beyond 255 positions
		strings.Repeat("kerja sama daerah ", 300) + "kerja",  // the same length, a capped count grows
	}
	for round, n := range notes {
		for _, id := range ids[:10] {
			edit(id, func(a *agreement.Agreement) { a.Notes = n })
		}
		if round == 1 {
			edit(ids[10], func(a *agreement.Agreement) { a.Notes = n + " " + fmt.Sprint(round) })
		}
	}
	edit(ids[11], func(a *agreement.Agreement) { a.Notes = "sekali" }) // unchanged after: no write
	edit(ids[11], func(a *agreement.Agreement) {})
	// The same terms and lengths, other counts.
	edit(ids[12], func(a *agreement.Agreement) { a.Notes = "pantai pantai laut" })
	edit(ids[12], func(a *agreement.Agreement) { a.Notes = "pantai laut laut" })
	moved := false
	for _, it := range page.Items {
		a, err := s.Agreement(it.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.ParentID == 0 || a.Status == agreement.StatusDitandatangani {
			continue
		}
		for _, other := range page.Items {
			if other.ID == a.ParentID || other.ID == a.ID || other.Kind != it.Kind && other.Kind == "" {
				continue
			}
			b := a
			b.ParentID = other.ID
			if err := s.SaveAgreement(&b); err == nil {
				moved = true
				break
			}
		}
		if moved {
			break
		}
	}
	if !moved {
		t.Log("no Adendum could move to another parent in this corpus")
	}
	a, err := s.Agreement(ids[0])
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Party(a.Parties[0].PartyID)
	if err != nil {
		t.Fatal(err)
	}
	p.Name += " Baru"
	if err := s.SaveParty(&p); err != nil {
		t.Fatal(err)
	}
	saved := indexState(t, s)
	err = s.inTx(ctx, func(tx pgx.Tx) error {
		all, err := allIDs(ctx, tx)
		if err != nil {
			return err
		}
		if err := refreshRows(ctx, tx, all); err != nil {
			return err
		}
		an, err := s.analyzer(ctx, tx)
		if err != nil {
			return err
		}
		return s.rebuild(ctx, tx, an)
	})
	if err != nil {
		t.Fatal(err)
	}
	rebuilt := indexState(t, s)
	for name, want := range rebuilt {
		got := saved[name]
		if len(want) == 0 {
			t.Errorf("%s: the rebuild wrote nothing", name)
		}
		if len(got) != len(want) {
			t.Errorf("%s: saves left %d rows, a rebuild %d", name, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("%s: saves left\n%.300s\na rebuild\n%.300s", name, got[i], want[i])
				break
			}
		}
	}
}

// TestListRowsNeverReadTheText: a save reads its family without listText;
// the list rows made from agreements without those fields are the ones made
// from the whole agreements, and each field is one the examples have (a
// field renamed would be read in full again, not silently kept).
func TestListRowsNeverReadTheText(t *testing.T) {
	row := func(r listRow) string {
		if r.end == nil {
			return r.sum
		}
		return fmt.Sprint(*r.end, " ", r.sum)
	}
	ds, err := dataset.Examples()
	if err != nil {
		t.Fatal(err)
	}
	parties := map[agreement.ID]agreement.Party{}
	for _, p := range ds.Parties {
		parties[p.ID] = p
	}
	party := func(id agreement.ID) (agreement.Party, bool) { p, ok := parties[id]; return p, ok }
	seen := map[string]bool{}
	strip := func(a agreement.Agreement) agreement.Agreement {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(encode(&a), &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range listText {
			if _, ok := m[k]; ok {
				seen[k] = true
			}
			delete(m, k)
		}
		raw, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		b, err := decode[agreement.Agreement](raw)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, a := range ds.Agreements {
		var kids, bare []agreement.Agreement
		for _, c := range ds.Agreements {
			if c.ParentID == a.ID {
				kids = append(kids, c)
				bare = append(bare, strip(c))
			}
		}
		b := strip(a)
		whole := listRowsOf(rowsSource{list: []agreement.Agreement{a}, kids: map[agreement.ID][]agreement.Agreement{a.ID: kids}}, party)
		part := listRowsOf(rowsSource{list: []agreement.Agreement{b}, kids: map[agreement.ID][]agreement.Agreement{a.ID: bare}}, party)
		if row(whole[0]) != row(part[0]) {
			t.Errorf("agreement %d: list row %s without its text, %s with it", a.ID, row(part[0]), row(whole[0]))
		}
	}
	for _, k := range listText {
		if !seen[k] {
			t.Errorf("no example agreement has the field %q", k)
		}
	}
}
