package pgstore

import (
	"github.com/jackc/pgx/v5"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
)

// RecordPrint adds to agreement id's history that p was printed, at the
// revision stored now, in one transaction; the agreement's row is locked so
// that its prints are numbered one after another.
func (s *Store) RecordPrint(id agreement.ID, p dataset.Print) error {
	ctx := bg()
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var rev, seq int64
		err := tx.QueryRow(ctx, "SELECT rev FROM agreements WHERE id = $1 FOR UPDATE", int64(id)).Scan(&rev)
		if err == pgx.ErrNoRows {
			return service.ErrNotFound
		}
		if err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, "SELECT coalesce(max(seq), 0) FROM history WHERE type = 'agreement' AND id = $1",
			int64(id)).Scan(&seq); err != nil {
			return err
		}
		e := dataset.HistoryEntry{Type: dataset.TypeAgreement, ID: id, Rev: uint64(rev), Seq: uint64(seq) + 1,
			At: s.now(), By: s.user, Action: dataset.ActionPrint, Print: &p}
		return appendHistory(ctx, tx, &e)
	})
	return s.failed(err)
}
