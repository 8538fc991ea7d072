package pgstore

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/relevance"
	"sepakat/internal/search"
)

// plainSource hides the trigram index: search.Find then looks up every word
// one edit from a typo, as on bbolt, here in the whole dictionary read once.
type plainSource struct {
	search.Source
	dict map[string]int
}

func (p plainSource) DF(term string) int { return p.dict[term] }

// countingSource counts the trigram look-ups.
type countingSource struct {
	*source
	similar int
}

func (c *countingSource) Similar(word string, sim float64, exact []string) map[string]int {
	c.similar++
	return c.source.Similar(word, sim, exact)
}

// typos makes words one edit from w: each kind of edit at the start, the
// middle and the end.
func typos(w string) []string {
	n := len(w)
	var out []string
	for _, i := range []int{0, n / 2, n - 2} {
		out = append(out,
			w[:i]+w[i+1:], // deletion
			w[:i]+string(w[i+1])+string(w[i])+w[i+2:], // transposition
			w[:i]+"q"+w[i+1:],                         // substitution
			w[:i]+"x"+w[i:],                           // insertion
		)
	}
	return out
}

// TestTypoThroughTrigrams checks that the terms a typo stands for come from
// the trigram index on the term dictionary and are exactly those the
// look-up of every one-edit word finds (bbolt's way), for typos of every
// kind in the dictionary's words, derived words included.
func TestTypoThroughTrigrams(t *testing.T) {
	s := open(t, time.Now)
	if err := relevance.BuildCorpusN(context.Background(), s, 300); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	t0 := time.Now()
	var words []string
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `(SELECT term FROM search_terms WHERE term ~ '^[a-z]{5,}$' ORDER BY df DESC, term LIMIT 40)
			UNION ALL (SELECT word FROM search_words WHERE word ~ '^[a-z]{7,}$' ORDER BY word LIMIT 20)`)
		if err != nil {
			return err
		}
		words, err = pgx.CollectRows(rows, pgx.RowTo[string])
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(words) < 60 {
		t.Fatalf("the dictionary gave %d words, want 60", len(words))
	}
	// The similar terms come from the trigram index, whatever the planner
	// would choose for a dictionary this small.
	err = s.readTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, "EXPLAIN "+similarSQL, "kesehtan", []string{"sehat"})
		if err != nil {
			return err
		}
		plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		if !strings.Contains(strings.Join(plan, "\n"), "search_terms_trgm") {
			t.Errorf("the similar terms are not read through the trigram index:\n%s", strings.Join(plan, "\n"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var asked, viaTypo int
	err = s.readTx(ctx, func(tx pgx.Tx) error {
		an, err := s.analyzer(ctx, tx)
		if err != nil {
			return err
		}
		src := &countingSource{source: &source{ctx: ctx, tx: tx, df: map[string]int{}}}
		rows, err := tx.Query(ctx, "SELECT term, df FROM search_terms")
		if err != nil {
			return err
		}
		dict := map[string]int{}
		var term string
		var df int
		if _, err := pgx.ForEachRow(rows, []any{&term, &df}, func() error { dict[term] = df; return nil }); err != nil {
			return err
		}
		plain := plainSource{&source{ctx: ctx, tx: tx, df: map[string]int{}}, dict}
		for _, w := range words {
			for _, typo := range typos(w) {
				q := search.ParseQuery(an, typo+" ")
				before := src.similar
				got := search.Find(src, an, q).Groups()
				want := search.Find(plain, an, q).Groups()
				if !slices.EqualFunc(got, want, slices.Equal[[]string]) {
					t.Errorf("%q (of %q): through trigrams %v, word by word %v", typo, w, got, want)
				}
				if src.similar > before {
					asked++
					if len(got) > 0 {
						viaTypo++
					}
				}
			}
		}
		if src.err != nil {
			return src.err
		}
		return plain.Source.(*source).err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Most typos have no completion and so reach the trigram index; most of
	// those find their word again.
	if asked < len(words)*4 || viaTypo < asked/2 {
		t.Errorf("%d typos went to the trigram index, %d of them found a term; want at least %d and half", asked, viaTypo, len(words)*4)
	}
	t.Logf("%v; %d words, %d typos through the trigram index, %d found terms", time.Since(t0), len(words), asked, viaTypo)
}
