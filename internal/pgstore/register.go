package pgstore

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/search"
	"sepakat/internal/service"
)

// summarize makes the list rows of agreements read as (id, data) rows, and
// of the Adenda that end with one of them (agreement.EndsWithParent): their
// children and parties are read in two more queries, and the parents of the
// Adenda that end with them in two more when there are any.
func summarize(ctx context.Context, q querier, list []agreement.Agreement) ([]agreement.Summary, error) {
	ids := make([]agreement.ID, len(list))
	for i := range list {
		ids[i] = list[i].ID
	}
	kids, err := children(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	in := map[agreement.ID]bool{}
	for _, id := range ids {
		in[id] = true
	}
	for _, id := range ids {
		for _, k := range kids[id] {
			if k.EndsWithParent() && !in[k.ID] {
				in[k.ID] = true
				list = append(list, k)
			}
		}
	}
	parents := map[agreement.ID]*agreement.Agreement{}
	var missing []agreement.ID
	for i := range list {
		parents[list[i].ID] = &list[i]
	}
	for i := range list {
		if p := list[i].ParentID; list[i].EndsWithParent() && parents[p] == nil && !slices.Contains(missing, p) {
			missing = append(missing, p)
		}
	}
	if len(missing) > 0 {
		more, err := agreementsWhere(ctx, q, "WHERE id = ANY($1)", toInt64s(missing))
		if err != nil {
			return nil, err
		}
		siblings, err := children(ctx, q, missing)
		if err != nil {
			return nil, err
		}
		for i := range more {
			parents[more[i].ID] = &more[i]
			kids[more[i].ID] = siblings[more[i].ID]
		}
	}
	partyIDs := map[agreement.ID]bool{}
	for i := range list {
		for _, ap := range list[i].Parties {
			partyIDs[ap.PartyID] = true
		}
	}
	pids := make([]agreement.ID, 0, len(partyIDs))
	for id := range partyIDs {
		pids = append(pids, id)
	}
	parties, err := partiesByID(ctx, q, pids)
	if err != nil {
		return nil, err
	}
	party := func(id agreement.ID) (agreement.Party, bool) {
		p, ok := parties[id]
		return p, ok
	}
	out := make([]agreement.Summary, len(list))
	for i := range list {
		a := &list[i]
		k := kids[a.ID]
		out[i] = agreement.Summarize(a, len(k), party)
		// A signed Adendum moves the end; one without a term ends with its parent.
		out[i].End = a.EndIn(k, parents[a.ParentID], kids[a.ParentID])
	}
	return out, nil
}

func partiesByID(ctx context.Context, q querier, ids []agreement.ID) (map[agreement.ID]agreement.Party, error) {
	out := map[agreement.ID]agreement.Party{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := q.Query(ctx, "SELECT data FROM parties WHERE id = ANY($1)", toInt64s(ids))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var raw []byte
		if err := rows.Scan(&raw); err != nil {
			return nil, err
		}
		p, err := decode[agreement.Party](raw)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out[p.ID] = p
	}
	return out, rows.Err()
}

// agreementsWhere reads the agreements an SQL tail (conditions, order, limit) selects.
func agreementsWhere(ctx context.Context, q querier, tail string, args ...any) ([]agreement.Agreement, error) {
	rows, err := q.Query(ctx, "SELECT data FROM agreements "+tail, args...)
	if err != nil {
		return nil, err
	}
	var out []agreement.Agreement
	for rows.Next() {
		var raw []byte
		if err := rows.Scan(&raw); err != nil {
			return nil, err
		}
		a, err := decode[agreement.Agreement](raw)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// sumsWhere reads the stored list rows an SQL tail (conditions, order,
// limit) selects.
func sumsWhere(ctx context.Context, q querier, tail string, args ...any) ([]agreement.Summary, error) {
	rows, err := q.Query(ctx, "SELECT sum FROM agreements "+tail, args...)
	if err != nil {
		return nil, err
	}
	var out []agreement.Summary
	for rows.Next() {
		var raw []byte
		if err := rows.Scan(&raw); err != nil {
			return nil, err
		}
		sm, err := decode[agreement.Summary](raw)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, sm)
	}
	return out, rows.Err()
}

// allSummaries is the list row of every agreement, in ID order.
func (s *Store) allSummaries(ctx context.Context) ([]agreement.Summary, error) {
	return sumsWhere(ctx, s.pool, "ORDER BY id")
}

// cursor encodes a page's position: a sort value and the ID.
func cursor(v, id int64) []byte {
	b := binary.BigEndian.AppendUint64(nil, uint64(v))
	return binary.BigEndian.AppendUint64(b, uint64(id))
}

func parseCursor(b []byte) (int64, int64, error) {
	if len(b) != 16 {
		return 0, 0, fmt.Errorf("%w: posisi halaman tidak dikenal", service.ErrNotFound)
	}
	return int64(binary.BigEndian.Uint64(b)), int64(binary.BigEndian.Uint64(b[8:])), nil
}

// List returns one page of summaries in the order of q, read through the
// columns' indexes. A page's Next is the position of its last row, so that
// later pages continue after it even when rows change in between.
func (s *Store) List(q service.Query) (service.Page, error) {
	page, err := s.list(bg(), q)
	return page, s.failed(err)
}

func (s *Store) list(ctx context.Context, q service.Query) (service.Page, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	var sortCol, order string
	desc := true
	switch q.Order {
	case service.ByChanged:
		sortCol = "updated_ns"
	case service.ByStatus:
		where = append(where, "status = "+arg(string(q.Status)))
	case service.ByKind:
		where = append(where, "kind = "+arg(string(q.Kind)))
	case service.ByParty:
		where = append(where, "party_ids @> ARRAY["+arg(int64(q.Party))+"::bigint]")
	case service.ByYear:
		where = append(where, "year = "+arg(q.Year))
	case service.ByEnd:
		desc = false
		sortCol = "end_key"
		where = append(where, "end_key IS NOT NULL")
		if k := endKey(q.EndFrom); k != nil {
			where = append(where, "end_key >= "+arg(*k))
		}
	case service.ByParent:
		desc = false
		where = append(where, "parent_id = "+arg(int64(q.Parent)), "parent_id <> 0")
	default:
		return service.Page{}, fmt.Errorf("pgstore: unknown order %d", q.Order)
	}
	if q.After != nil {
		v, id, err := parseCursor(q.After)
		if err != nil {
			return service.Page{}, err
		}
		op := ">"
		if desc {
			op = "<"
		}
		if sortCol != "" {
			where = append(where, fmt.Sprintf("(%s, id) %s (%s, %s)", sortCol, op, arg(v), arg(id)))
		} else {
			where = append(where, "id "+op+" "+arg(id))
		}
	}
	dir := " ASC"
	if desc {
		dir = " DESC"
	}
	if sortCol != "" {
		order = sortCol + dir + ", id" + dir
	} else {
		order = "id" + dir
	}
	sql := ""
	if len(where) > 0 {
		sql = "WHERE " + strings.Join(where, " AND ")
	}
	sql += " ORDER BY " + order + " LIMIT " + arg(q.Limit+1)
	sums, err := sumsWhere(ctx, s.pool, sql, args...)
	if err != nil {
		return service.Page{}, err
	}
	more := len(sums) > q.Limit
	if more {
		sums = sums[:q.Limit]
	}
	page := service.Page{Items: sums}
	if more && len(sums) > 0 {
		last := sums[len(sums)-1]
		var v int64
		switch q.Order {
		case service.ByChanged:
			v = last.Updated.UnixNano()
		case service.ByEnd:
			if k := endKey(last.End); k != nil {
				v = int64(*k)
			}
		}
		page.Next = cursor(v, int64(last.ID))
	}
	return page, nil
}

// Total returns the number of agreements.
func (s *Store) Total() (int, error) {
	var n int
	err := s.pool.QueryRow(bg(), "SELECT count(*) FROM agreements").Scan(&n)
	return n, s.failed(err)
}

// Summaries returns the list rows of agreements, in the order asked; an ID that
// does not exist gives service.ErrNotFound.
func (s *Store) Summaries(ids []agreement.ID) ([]agreement.Summary, error) {
	out, err := s.summariesOf(bg(), ids)
	return out, s.failed(err)
}

func (s *Store) summariesOf(ctx context.Context, ids []agreement.ID) ([]agreement.Summary, error) {
	sums, err := sumsWhere(ctx, s.pool, "WHERE id = ANY($1)", toInt64s(ids))
	if err != nil {
		return nil, err
	}
	byID := make(map[agreement.ID]agreement.Summary, len(sums))
	for _, sum := range sums {
		byID[sum.ID] = sum
	}
	out := make([]agreement.Summary, 0, len(ids))
	for _, id := range ids {
		sum, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("%s %d: %w", dataset.TypeAgreement, id, service.ErrNotFound)
		}
		out = append(out, sum)
	}
	return out, nil
}

var (
	hasEnd     = service.HasEnd
	hasParty   = service.HasParty
	endsWithin = service.EndsWithin
)

// Arrange lists every agreement an arrangement selects, in its order; those the
// sort has no key for (no end date) follow, newest first.
func (s *Store) Arrange(a service.Arrangement) ([]agreement.ID, error) {
	sums, err := s.allSummaries(bg())
	if err != nil {
		return nil, s.failed(err)
	}
	return service.ArrangeSummaries(sums, a, agreement.DateOf(s.now())), nil
}

// Choices lists the values the register's filters offer.
func (s *Store) Choices() (service.Choices, error) {
	ctx := bg()
	var ch service.Choices
	rows, err := s.pool.Query(ctx, "SELECT DISTINCT year FROM agreements ORDER BY year DESC")
	if err != nil {
		return ch, s.failed(err)
	}
	if ch.Years, err = collectInts(rows); err != nil {
		return ch, s.failed(err)
	}
	parts, err := s.pool.Query(ctx, `SELECT p.data FROM parties p WHERE p.id IN (SELECT DISTINCT unnest(party_ids) FROM agreements)
		AND NOT coalesce((p.data->>'own')::bool, false) ORDER BY p.id`)
	if err != nil {
		return ch, s.failed(err)
	}
	for parts.Next() {
		var raw []byte
		if err := parts.Scan(&raw); err != nil {
			return ch, s.failed(err)
		}
		p, err := decode[agreement.Party](raw)
		if err != nil {
			parts.Close()
			return ch, err
		}
		if !p.Own {
			ch.Partners = append(ch.Partners, agreement.PartyName{ID: p.ID, Name: p.Name, Short: p.ShortName})
		}
	}
	if err := parts.Err(); err != nil {
		return ch, s.failed(err)
	}
	slices.SortStableFunc(ch.Partners, func(a, b agreement.PartyName) int {
		return cmp.Compare(search.Fold(a.Name), search.Fold(b.Name))
	})
	impl := map[string]string{} // key → as first written, in ID order
	ims, err := s.pool.Query(ctx, `SELECT x.name FROM agreements a, jsonb_array_elements_text(coalesce(a.data->'implementers', '[]')) WITH ORDINALITY x(name, n)
		WHERE jsonb_typeof(a.data->'implementers') = 'array' ORDER BY a.id, x.n`)
	if err != nil {
		return ch, s.failed(err)
	}
	for ims.Next() {
		var im string
		if err := ims.Scan(&im); err != nil {
			return ch, s.failed(err)
		}
		if k := string(search.ImplementerKey(im)); k != "" {
			if _, seen := impl[k]; !seen {
				impl[k] = strings.Join(strings.Fields(im), " ")
			}
		}
	}
	if err := ims.Err(); err != nil {
		return ch, s.failed(err)
	}
	keys := make([]string, 0, len(impl))
	for k := range impl {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		ch.Implementers = append(ch.Implementers, impl[k])
	}
	return ch, nil
}

func collectInts(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close()
}) ([]int, error) {
	defer rows.Close()
	var out []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// The Beranda's ending and sleeping agreements are counted and their first
// rows read by the server, through indexes: signed agreements by effective
// end but the Adenda that end with their parent (agreements_signed_end,
// migrations 0007 and 0010; agreement.EndingNoticeOf), and signed Kesepakatan
// Bersama without children or follow-ups by the day they were signed
// (agreements_quiet, migration 0008). The predicates are the rules of
// agreement (EndingNoticeOf, Sleeping) over the stored list rows: end_key is
// the row's valid end, and a stored row's dates are valid (they decode).
const (
	// endingSQL counts the signed agreements ending within each horizon
	// of agreement.EndingWindows ($1 today, $2..$4 the horizons' last days).
	endingSQL = `SELECT count(*) FILTER (WHERE end_key <= $2), count(*) FILTER (WHERE end_key <= $3), count(*)
	FROM agreements WHERE status = 'ditandatangani' AND end_key IS NOT NULL AND NOT (sum ? 'ends_with_parent') AND end_key BETWEEN $1 AND $4`
	// endingRowsSQL reads the first rows of each window, soonest first.
	endingRowsSQL = `SELECT w, sum FROM (
	(SELECT 0 AS w, sum, end_key, id FROM agreements WHERE status = 'ditandatangani' AND end_key IS NOT NULL AND NOT (sum ? 'ends_with_parent') AND end_key BETWEEN $1 AND $2 ORDER BY end_key, id LIMIT $5)
	UNION ALL (SELECT 1, sum, end_key, id FROM agreements WHERE status = 'ditandatangani' AND end_key IS NOT NULL AND NOT (sum ? 'ends_with_parent') AND end_key > $2 AND end_key <= $3 ORDER BY end_key, id LIMIT $5)
	UNION ALL (SELECT 2, sum, end_key, id FROM agreements WHERE status = 'ditandatangani' AND end_key IS NOT NULL AND NOT (sum ? 'ends_with_parent') AND end_key > $3 AND end_key <= $4 ORDER BY end_key, id LIMIT $5)
	) x ORDER BY w, end_key, id`
	// sleepingWhere keeps the quiet signed KSB (quiet_signed, migration
	// 0008) signed before the cut ($2) and in force ($1).
	sleepingWhere = `WHERE quiet_signed < $2 AND (end_key IS NULL OR end_key >= $1)`
	// sleepingOrder is oldest signed first, then by end (none last).
	sleepingOrder = ` ORDER BY quiet_signed, coalesce(end_key, 99999999), id`
)

func endingArgs(today agreement.Date) []any {
	args := []any{*endKey(today)}
	for _, days := range agreement.EndingWindows {
		args = append(args, *endKey(today.AddDate(0, 0, days)))
	}
	return args
}

func sleepingArgs(today agreement.Date) []any {
	return []any{*endKey(today), agreement.SleepingCut(today).String()}
}

// Dashboard gathers what the Beranda shows on the day of now: the counts and
// the rows shown, each list in one query, all in one round trip but the
// two lists of the register.
func (s *Store) Dashboard(now time.Time) (service.Dashboard, error) {
	ctx := bg()
	today := agreement.DateOf(now)
	d := service.Dashboard{Counts: map[agreement.Status]int{}}
	for _, st := range agreement.Statuses {
		d.Counts[st] = 0
	}
	b := &pgx.Batch{}
	b.Queue("SELECT status, count(*) FROM agreements GROUP BY status")
	ending := endingArgs(today)
	b.Queue(endingSQL, ending...)
	b.Queue(endingRowsSQL, append(ending, agreement.DashboardRows)...)
	sleeping := sleepingArgs(today)
	b.Queue("SELECT count(*) FROM agreements "+sleepingWhere, sleeping...)
	b.Queue("SELECT sum FROM agreements "+sleepingWhere+sleepingOrder+" LIMIT $3", append(sleeping, agreement.DashboardRows)...)
	br := s.pool.SendBatch(ctx, b)
	err := func() error {
		rows, err := br.Query()
		if err != nil {
			return err
		}
		var st string
		var n int
		if _, err := pgx.ForEachRow(rows, []any{&st, &n}, func() error { d.Counts[agreement.Status(st)] = n; return nil }); err != nil {
			return err
		}
		if err := br.QueryRow().Scan(&d.EndingCount[0], &d.EndingCount[1], &d.EndingCount[2]); err != nil {
			return err
		}
		if rows, err = br.Query(); err != nil {
			return err
		}
		var w int
		var raw []byte
		if _, err := pgx.ForEachRow(rows, []any{&w, &raw}, func() error {
			sm, err := decode[agreement.Summary](raw)
			d.Ending[w] = append(d.Ending[w], sm)
			return err
		}); err != nil {
			return err
		}
		if err := br.QueryRow().Scan(&d.SleepingCount); err != nil {
			return err
		}
		if rows, err = br.Query(); err != nil {
			return err
		}
		_, err = pgx.ForEachRow(rows, []any{&raw}, func() error {
			sm, err := decode[agreement.Summary](raw)
			d.Sleeping = append(d.Sleeping, sm)
			return err
		})
		return err
	}()
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return d, s.failed(err)
	}
	err = d.AddLists(func(q service.Query) (service.Page, error) { return s.list(ctx, q) })
	return d, s.failed(err)
}
