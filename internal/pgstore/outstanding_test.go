package pgstore

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/agreement"
)

// TestBerandaThroughIndexes: each of the Beranda's lists, its count and its
// rows, and the candidates for ending and sleeping agreements are read
// through their indexes (migration 0004), whatever the planner would choose
// for a register this small: never every agreement's JSONB.
func TestBerandaThroughIndexes(t *testing.T) {
	s := open(t, time.Now)
	ctx := context.Background()
	today := agreement.NewDate(2026, 12, 1)
	type query struct {
		sql, index string
		args       []any
	}
	var queries []query
	index := [3]string{"agreements_dprd_waiting", "agreements_copies_due", "agreements_monev_due"}
	for i, l := range outstandingLists(today, 30) {
		queries = append(queries, query{"SELECT count(*) FROM agreements WHERE " + l.where, index[i], l.args},
			query{fmt.Sprintf("SELECT sum FROM agreements WHERE %s ORDER BY %s LIMIT %d", l.where, l.order, agreement.DashboardRows), index[i], l.args})
	}
	queries = append(queries, query{"SELECT sum FROM agreements " + endingWhere + " ORDER BY id", "agreements_end", endingArgs(today)},
		query{"SELECT sum FROM agreements " + sleepingWhere + " ORDER BY id", "agreements_quiet_ksb", sleepingArgs(today)})
	// In a transaction that is rolled back: without the indexes an empty
	// table would rather use for ORDER BY id, only the index meant for a
	// query can spare it reading every row.
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	err = func() error {
		if _, err := tx.Exec(ctx, `SET LOCAL enable_seqscan = off; DROP INDEX agreements_status, agreements_kind;
			ALTER TABLE agreements DROP CONSTRAINT agreements_pkey`); err != nil {
			return err
		}
		for _, q := range queries {
			{
				rows, err := tx.Query(ctx, "EXPLAIN "+q.sql, q.args...)
				if err != nil {
					return err
				}
				plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
				if err != nil {
					return err
				}
				if p := strings.Join(plan, "\n"); !strings.Contains(p, q.index) {
					t.Errorf("%s\nis not read through %s:\n%s", q.sql, q.index, p)
				}
			}
		}
		return nil
	}()
	if err != nil {
		t.Fatal(err)
	}
}
