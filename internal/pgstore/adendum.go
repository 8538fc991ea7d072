package pgstore

import (
	"context"
	"slices"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/agreement"
)

// refreshHeirs refreshes, in a's save (prev before it), the list rows of
// the Adenda that end with an agreement whose end the save moved
// (agreement.EndsWithParent): with a itself (a new end, a cancellation:
// agreement.ChangesEndGiven), and with the parents whose end a sets or
// that it moved between (agreement.ChangesParentEnd). An Adendum whose own
// save holds its row is skipped: that save then waits for the parent this
// one holds, and makes its row from what this one commits.
func refreshHeirs(ctx context.Context, tx pgx.Tx, a, prev *agreement.Agreement) error {
	var parents []int64
	if agreement.ChangesEndGiven(prev, a) {
		parents = append(parents, int64(a.ID))
	}
	if agreement.ChangesParentEnd(prev, a) {
		for _, p := range []agreement.ID{a.ParentID, parentOf(prev)} {
			if p != 0 && !slices.Contains(parents, int64(p)) {
				parents = append(parents, int64(p))
			}
		}
	}
	if len(parents) == 0 {
		return nil
	}
	rows, err := tx.Query(ctx, "SELECT id FROM agreements WHERE parent_id = ANY($1) AND kind = 'ADD' ORDER BY id FOR UPDATE SKIP LOCKED", parents)
	if err != nil {
		return err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil || len(ids) == 0 {
		return err
	}
	heirs := make([]agreement.ID, len(ids))
	for i, id := range ids {
		heirs[i] = agreement.ID(id)
	}
	return refreshRows(ctx, tx, heirs)
}

func parentOf(a *agreement.Agreement) agreement.ID {
	if a == nil {
		return 0
	}
	return a.ParentID
}

// refreshAdendumRows is the Go part of migration 0010: the list row of
// every Adendum, which ends with its parent unless it has a term of its own
// (agreement.EndsWithParent).
func refreshAdendumRows(ctx context.Context, tx pgx.Tx) error {
	ids, err := idsWhere(ctx, tx, `kind = 'ADD'`)
	if err != nil {
		return err
	}
	return refreshRows(ctx, tx, ids)
}
