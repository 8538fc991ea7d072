package pgstore

import (
	"context"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/dataset"
	"sepakat/internal/service"
)

// checkChains verifies every record's history chain, one record in memory at
// a time, and adds a *service.CheckError naming each break to errs.
func checkChains(ctx context.Context, tx pgx.Tx, errs *[]error) error {
	rows, err := tx.Query(ctx, `SELECT type, id, entry FROM history ORDER BY type COLLATE "C", id, rev, seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var rep service.CheckReport
	var t string
	var id int64
	var entries []dataset.HistoryEntry
	flush := func() {
		for _, b := range dataset.CheckChain(entries) {
			rep.Problems = append(rep.Problems, service.CheckProblem{Record: service.RecordRef{Type: t, ID: uint64(id)}, Text: service.ChainText(b)})
		}
		entries = entries[:0]
	}
	for rows.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		var rt string
		var rid int64
		var raw []byte
		if err := rows.Scan(&rt, &rid, &raw); err != nil {
			return err
		}
		if rt != t || rid != id {
			flush()
			t, id = rt, rid
		}
		e, err := decode[dataset.HistoryEntry](raw)
		if err != nil {
			continue // named by Check as unreadable
		}
		entries = append(entries, e)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	flush()
	if len(rep.Problems) > 0 {
		*errs = append(*errs, &service.CheckError{Report: rep})
	}
	return nil
}

// chainHistory is the Go part of migration 0003: it seals every record's
// history in order (dataset.HistoryEntry.Seal), reading a batch of rows at a
// time, with the append-only trigger off inside the migration's transaction
// only (0003 turns it off; this turns it on again).
func chainHistory(ctx context.Context, tx pgx.Tx) error {
	type row struct {
		t        string
		id       int64
		rev, seq int64
		e        dataset.HistoryEntry
	}
	var last row
	var prev *dataset.HistoryEntry
	for first := true; ; first = false {
		rows, err := tx.Query(ctx, `SELECT type, id, rev, seq, entry FROM history
			WHERE $1 OR (type COLLATE "C", id, rev, seq) > ($2 COLLATE "C", $3, $4, $5)
			ORDER BY type COLLATE "C", id, rev, seq LIMIT 1000`, first, last.t, last.id, last.rev, last.seq)
		if err != nil {
			return err
		}
		var batch []row
		for rows.Next() {
			var r row
			var raw []byte
			if err := rows.Scan(&r.t, &r.id, &r.rev, &r.seq, &raw); err != nil {
				rows.Close()
				return err
			}
			if r.e, err = decode[dataset.HistoryEntry](raw); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(batch) == 0 {
			break
		}
		for i := range batch {
			r := &batch[i]
			if r.t != last.t || r.id != last.id {
				prev = nil // the first entry of a record
			}
			if r.e.Hash == "" {
				r.e.Seal(prev)
				if _, err := tx.Exec(ctx, "UPDATE history SET entry = $5 WHERE type = $1 AND id = $2 AND rev = $3 AND seq = $4",
					r.t, r.id, r.rev, r.seq, encode(&r.e)); err != nil {
					return err
				}
			}
			e := r.e
			prev = &e
			last = *r
		}
	}
	_, err := tx.Exec(ctx, "ALTER TABLE history ENABLE TRIGGER history_append_only")
	return err
}
