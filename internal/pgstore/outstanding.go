package pgstore

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// Outstanding lists what the procedure still waits for on the day of now:
// the server filters, counts and orders the stored list rows (their marks as
// agreement.Summary keeps them), and only the rows shown travel.
func (s *Store) Outstanding(now time.Time) (service.Outstanding, error) {
	ctx := bg()
	own, err := s.Parties()
	if err != nil {
		return service.Outstanding{}, err
	}
	p := agreement.OfficeProcedure(own)
	today := agreement.DateOf(now)
	o := service.Outstanding{AfterDays: p.IncompleteAfterDays, PartnerDays: p.PartnerWaitDays}
	signed := `sum->>'status' = 'ditandatangani'`
	lists := []struct {
		where, order string
		args         []any
		rows         *[]agreement.Summary
		count        *int
	}{
		{`(sum->>'dprd_waiting')::boolean`, `id`, nil, &o.DPRD, &o.DPRDCount},
		// Signed before today less the office's days (Summary.CopiesOverdue).
		{signed + ` AND NOT coalesce((sum->>'copies_done')::boolean, false) AND sum->>'signed' <> '' AND sum->>'signed' < $1`,
			`sum->>'signed', id`, []any{today.AddDate(0, 0, -p.IncompleteAfterDays).String()}, &o.Copies, &o.CopiesCount},
		// The first open round ended before today (Summary.MonevOverdue).
		{signed + ` AND coalesce(sum->>'monev_due', '') <> '' AND sum->>'monev_due' < $1`,
			`sum->>'monev_due', id`, []any{today.String()}, &o.Monev, &o.MonevCount},
		// Sent before today less the office's days (Summary.PartnerOverdue).
		{`coalesce(sum->>'sent_to_partner', '') <> '' AND sum->>'sent_to_partner' < $1`,
			`sum->>'sent_to_partner', id`, []any{today.AddDate(0, 0, -p.PartnerWaitDays).String()}, &o.Partner, &o.PartnerCount},
	}
	for _, l := range lists {
		if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM agreements WHERE `+l.where, l.args...).Scan(l.count); err != nil {
			return o, s.failed(err)
		}
		limit := fmt.Sprintf(" LIMIT %d", agreement.DashboardRows)
		rows, err := sumsWhere(ctx, s.pool, `WHERE `+l.where+` ORDER BY `+l.order+limit, l.args...)
		if err != nil {
			return o, s.failed(err)
		}
		*l.rows = rows
	}
	return o, nil
}

// refreshPartnerRows is the Go part of migration 0004: the list rows of
// every agreement with a draft attachment gain the day it went to the
// partner (Summary.SentToPartner).
func refreshPartnerRows(ctx context.Context, tx pgx.Tx) error {
	ids, err := idsWhere(ctx, tx, `data->'attachments' @> '[{"kind":"draft"}]'`)
	if err != nil {
		return err
	}
	return refreshRows(ctx, tx, ids)
}
