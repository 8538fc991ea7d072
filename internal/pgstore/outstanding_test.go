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

// TestOutstandingThroughIndexes: each of the Beranda's lists, its count and
// its rows, is read through its partial index (migration 0004), whatever the
// planner would choose for a register this small.
func TestOutstandingThroughIndexes(t *testing.T) {
	s := open(t, time.Now)
	ctx := context.Background()
	index := [3]string{"agreements_dprd_waiting", "agreements_copies_due", "agreements_monev_due"}
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
			return err
		}
		for i, l := range outstandingLists(agreement.NewDate(2026, 12, 1), 30) {
			for _, q := range []string{
				"SELECT count(*) FROM agreements WHERE " + l.where,
				fmt.Sprintf("SELECT sum FROM agreements WHERE %s ORDER BY %s LIMIT %d", l.where, l.order, agreement.DashboardRows),
			} {
				rows, err := tx.Query(ctx, "EXPLAIN "+q, l.args...)
				if err != nil {
					return err
				}
				plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
				if err != nil {
					return err
				}
				if p := strings.Join(plan, "\n"); !strings.Contains(p, index[i]) {
					t.Errorf("%s\nis not read through %s:\n%s", q, index[i], p)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
