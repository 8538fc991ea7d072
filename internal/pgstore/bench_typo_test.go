package pgstore

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/relevance"
	"sepakat/internal/search"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

// BenchmarkTypo times queries with a typo on the server (the trigram index)
// beside the same register in a bbolt file, and beside the server's search
// looking up every word one edit away (as before the trigram index):
// SEPAKAT_BENCH_N agreements (default 10 000) of the relevance corpus.
// Run with -bench Typo -benchtime 1x.
func BenchmarkTypo(b *testing.B) {
	n := 10_000
	if v := os.Getenv("SEPAKAT_BENCH_N"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	bolt, err := store.Open(filepath.Join(b.TempDir(), "typo.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer bolt.Close()
	pg, err := Open(ctx, pgtest.Fresh(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer pg.Close()
	for _, s := range []service.Service{bolt, pg} {
		if err := relevance.BuildCorpusN(ctx, s, n); err != nil {
			b.Fatal(err)
		}
	}
	if err := bolt.Reindex(ctx); err != nil {
		b.Fatal(err)
	}
	cases, err := relevance.TypoCases()
	if err != nil {
		b.Fatal(err)
	}
	queries := []string{"pelyanan rujukan pasuruan", "stuntng kolaka", "kompetensi tenaga kesehatn", "perizinann sekadau"}
	for _, c := range cases {
		queries = append(queries, c.Query)
	}
	for range b.N {
		for _, be := range []struct {
			name string
			s    service.Register
		}{{"bbolt", bolt}, {"postgres", pg}} {
			var d []time.Duration
			for range 5 {
				for _, q := range queries {
					t0 := time.Now()
					if _, err := be.s.Search(service.SearchQuery{Text: q, Limit: 20}); err != nil {
						b.Fatal(err)
					}
					d = append(d, time.Since(t0))
				}
			}
			b.Logf("%-8s %d agreements, %d typo queries: p50 %v p95 %v max %v", be.name, n+3, len(d), pct(d, .5), pct(d, .95), pct(d, 1))
		}
		err := pg.readTx(ctx, func(tx pgx.Tx) error {
			rows, err := tx.Query(ctx, "EXPLAIN "+similarSQL, "kesehtan", []string{"sehat"})
			if err != nil {
				return err
			}
			plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
			b.Logf("plan of the similar terms:\n%s", strings.Join(plan, "\n"))
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		// The server's matching alone, through the trigram index and word by word.
		for _, way := range []string{"trigrams", "word by word"} {
			var d []time.Duration
			err = pg.readTx(ctx, func(tx pgx.Tx) error {
				an, err := pg.analyzer(ctx, tx)
				if err != nil {
					return err
				}
				for range 5 {
					for _, q := range queries {
						src := &source{ctx: ctx, tx: tx, df: map[string]int{}}
						var s search.Source = src
						if way != "trigrams" {
							s = struct{ search.Source }{src}
						}
						t0 := time.Now()
						search.Find(s, an, search.ParseQuery(an, q))
						d = append(d, time.Since(t0))
						if src.err != nil {
							return src.err
						}
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("postgres matching, %s: p50 %v p95 %v max %v", way, pct(d, .5), pct(d, .95), pct(d, 1))
		}
	}
}
