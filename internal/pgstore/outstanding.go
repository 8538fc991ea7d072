package pgstore

import (
	"context"
	"fmt"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/service"

	"github.com/jackc/pgx/v5"
)

// outstandingList is one of the Beranda's lists as the server reads it: the
// stored list rows (their marks as agreement.Summary keeps them) that where
// keeps, in order. Each where is the predicate of a partial index of
// migrations 0004 and 0005 (and a bound), so that a list reads its few rows
// through that index, never every row's JSONB.
type outstandingList struct {
	where, order string
	args         []any
}

// signedWhere is the part of the lists' predicates that says signed.
const signedWhere = `sum->>'status' = 'ditandatangani'`

// outstandingLists are the lists of what the procedure still waits for on
// the day today with the office's procedure p: DPRD, copies, monitoring, and
// drafts waiting on the partner.
func outstandingLists(today agreement.Date, p agreement.Procedure) [4]outstandingList {
	afterDays, partnerDays := p.IncompleteAfterDays, p.PartnerWaitDays
	return [4]outstandingList{
		{`(sum->>'dprd_waiting')::boolean`, `id`, nil},
		// Signed before today less the office's days (Summary.CopiesOverdue).
		{signedWhere + ` AND NOT coalesce((sum->>'copies_done')::boolean, false) AND sum->>'signed' <> '' AND sum->>'signed' < $1`,
			`sum->>'signed', id`, []any{today.AddDate(0, 0, -afterDays).String()}},
		// The first open round ended before today (Summary.MonevOverdue).
		{signedWhere + ` AND coalesce(sum->>'monev_due', '') <> '' AND sum->>'monev_due' < $1`,
			`sum->>'monev_due', id`, []any{today.String()}},
		// Sent before today less the office's days (Summary.PartnerOverdue).
		{`coalesce(sum->>'sent_to_partner', '') <> '' AND sum->>'sent_to_partner' < $1`,
			`sum->>'sent_to_partner', id`, []any{today.AddDate(0, 0, -partnerDays).String()}},
	}
}

// Outstanding lists what the procedure still waits for on the day of now:
// the server filters, counts and orders the stored list rows, and only the
// rows shown travel.
func (s *Store) Outstanding(now time.Time) (service.Outstanding, error) {
	ctx := bg()
	own, err := s.Parties()
	if err != nil {
		return service.Outstanding{}, err
	}
	p := agreement.OfficeProcedure(own)
	o := service.Outstanding{AfterDays: p.IncompleteAfterDays, PartnerDays: p.PartnerWaitDays}
	lists := outstandingLists(agreement.DateOf(now), p)
	into := [4]struct {
		rows  *[]agreement.Summary
		count *int
	}{{&o.DPRD, &o.DPRDCount}, {&o.Copies, &o.CopiesCount}, {&o.Monev, &o.MonevCount}, {&o.Partner, &o.PartnerCount}}
	for i, l := range lists {
		if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM agreements WHERE `+l.where, l.args...).Scan(into[i].count); err != nil {
			return o, s.failed(err)
		}
		limit := fmt.Sprintf(" LIMIT %d", agreement.DashboardRows)
		rows, err := sumsWhere(ctx, s.pool, `WHERE `+l.where+` ORDER BY `+l.order+limit, l.args...)
		if err != nil {
			return o, s.failed(err)
		}
		*into[i].rows = rows
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
