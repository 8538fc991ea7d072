package pgstore

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/relevance"
	"sepakat/internal/search/fields"
	"sepakat/internal/service"
)

// TestSearchReadsAheadTheSame checks that a search reading the list rows of
// its best matches and the texts of its hits ahead, a chunk per round trip,
// finds, orders and shows what reading each row and name on its own finds:
// for every query of the relevance set, with filters a query's rows pass or
// fail, few and many hits, and a kind named.
func TestSearchReadsAheadTheSame(t *testing.T) {
	s := open(t, time.Now)
	ctx := context.Background()
	if err := relevance.BuildCorpusN(ctx, s, 300); err != nil {
		t.Fatal(err)
	}
	cases, err := relevance.Cases()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	queries := []service.SearchQuery{{Text: "kesepakatan bersama pendidikan", Limit: 20}, {Text: "pks sampah", Limit: 5}}
	for _, c := range cases {
		queries = append(queries, service.SearchQuery{Text: c.Query, Limit: 20},
			service.SearchQuery{Text: c.Query, Limit: 3, Snippets: 1},
			service.SearchQuery{Text: c.Query, Limit: 10, Filter: agreement.Filter{Status: agreement.StatusDitandatangani}},
			service.SearchQuery{Text: c.Query, Limit: 50, Filter: agreement.Filter{Kind: agreement.KindKSB, EndsWithin: 400}})
	}
	hits := 0
	for _, q := range queries {
		var ahead, alone service.SearchResult
		err := s.readTx(ctx, func(tx pgx.Tx) error {
			an, err := s.analyzer(ctx, tx)
			if err != nil {
				return err
			}
			b, _ := s.backend(ctx, tx, an, &q)
			if ahead, err = service.RunSearch(b, q, now); err != nil {
				return err
			}
			// No query: each row on its own, each text as the record and
			// every name it holds read one by one.
			b, _ = s.backend(ctx, tx, an, nil)
			b.Text = func(id agreement.ID) ([2]string, error) {
				a, _, err := get[agreement.Agreement](ctx, tx, dataset.TypeAgreement, id)
				return fields.Text(dir{ctx, tx, s, nil}, &a), err
			}
			alone, err = service.RunSearch(b, q, now)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ahead, alone) {
			t.Fatalf("%+v: read ahead\n%+v\nrow by row\n%+v", q, ahead, alone)
		}
		hits += len(ahead.Hits)
	}
	if hits < len(queries) {
		t.Fatalf("%d hits for %d queries: the corpus does not answer them", hits, len(queries))
	}
}
