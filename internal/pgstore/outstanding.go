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
// stored list rows that where keeps, in order. Each list has a column of
// its own, its mark computed from the list row (NULL outside the list), and
// a partial index on it (migration 0008), so that a list is counted from
// its index alone and reads only the rows it shows.
type outstandingList struct {
	where, order string
	args         []any
}

// outstandingLists are the lists of what the procedure still waits for on
// the day today with the office's procedure p: DPRD, copies, monitoring, and
// drafts waiting on the partner.
func outstandingLists(today agreement.Date, p agreement.Procedure) [4]outstandingList {
	afterDays, partnerDays := p.IncompleteAfterDays, p.PartnerWaitDays
	return [4]outstandingList{
		{`dprd_waiting`, `id`, nil},
		// Signed before today less the office's days (Summary.CopiesOverdue).
		{`copies_due < $1`, `copies_due, id`, []any{today.AddDate(0, 0, -afterDays).String()}},
		// The first open round ended before today (Summary.MonevOverdue).
		{`monev_due < $1`, `monev_due, id`, []any{today.String()}},
		// Sent before today less the office's days (Summary.PartnerOverdue).
		{`sent_to_partner < $1`, `sent_to_partner, id`, []any{today.AddDate(0, 0, -partnerDays).String()}},
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

// refreshImportedRows is the Go part of migration 0009: the list rows of
// the agreements imported from an old register count their originals done.
func refreshImportedRows(ctx context.Context, tx pgx.Tx) error {
	ids, err := idsWhere(ctx, tx, `data ? 'imported'`)
	if err != nil {
		return err
	}
	return refreshRows(ctx, tx, ids)
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
