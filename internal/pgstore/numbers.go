package pgstore

import (
	"context"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/service"
)

// foldSigningRecords is the Go part of migration 0011: every agreement whose
// signing record still holds numbers or a rangkap is written again as
// agreement.FoldSigning reads it (decode folds), with its own number's key
// where no other agreement of the office carries it (the check names a
// number two agreements share), and its list row.
func foldSigningRecords(ctx context.Context, tx pgx.Tx) error {
	ids, err := idsWhere(ctx, tx, `data->'signing' ?| array['numbers', 'copies']`)
	if err != nil || len(ids) == 0 {
		return err
	}
	for rest := ids; len(rest) > 0; {
		part := rest[:min(len(rest), indexBatch)]
		rest = rest[len(part):]
		list, err := agreementsWhere(ctx, tx, "WHERE id = ANY($1) ORDER BY id", toInt64s(part))
		if err != nil {
			return err
		}
		for i := range list {
			a := &list[i]
			if _, err := tx.Exec(ctx, "UPDATE agreements SET data = $2 WHERE id = $1", int64(a.ID), encode(a)); err != nil {
				return err
			}
			office, key, _ := service.OwnNumber(a)
			if key == "" {
				continue
			}
			if _, err := tx.Exec(ctx, `UPDATE agreements SET own_office = $2, own_key = $3 WHERE id = $1 AND own_key IS NULL
				AND NOT EXISTS (SELECT 1 FROM agreements WHERE own_office = $2 AND own_key = $3)`, int64(a.ID), int64(office), key); err != nil {
				return err
			}
		}
	}
	return refreshRows(ctx, tx, ids)
}
