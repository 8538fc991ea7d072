package pgstore

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/search/fields"
	"sepakat/internal/service"
)

// source is the search index as one transaction sees it: search.Source over
// the postings and the term dictionary, so that matching and ranking are our own (search.Find), the
// same as the bbolt store's. Errors are kept in err (Source has no errors).
type source struct {
	ctx context.Context
	tx  pgx.Tx
	err error
	df  map[string]int
}

func (src *source) fail(err error) {
	if src.err == nil && err != nil {
		src.err = err
	}
}

func (src *source) Stats() search.Stats {
	var st search.Stats
	var docs, hi, body int64
	var maxDoc int64
	err := src.tx.QueryRow(src.ctx, `SELECT docs, total_high, total_body, (SELECT coalesce(max(id), 0) FROM search_docs) FROM search_stats`).
		Scan(&docs, &hi, &body, &maxDoc)
	if err != nil {
		src.fail(err)
		return st
	}
	st.Docs, st.MaxDoc = int(docs), uint64(maxDoc)
	if docs > 0 {
		st.AvgLen = [2]float64{float64(hi) / float64(docs), float64(body) / float64(docs)}
	}
	return st
}

func (src *source) DF(term string) int {
	if n, ok := src.df[term]; ok {
		return n
	}
	var n int
	err := src.tx.QueryRow(src.ctx, "SELECT df FROM search_terms WHERE term = $1", term).Scan(&n)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		src.fail(err)
	}
	src.df[term] = n
	return n
}

// upper is above every string that starts with a prefix, in byte order.
const upper = "\U0010FFFF"

func (src *source) Expand(prefix string, limit int) []string {
	rows, err := src.tx.Query(src.ctx, `SELECT t.term, t.df FROM search_terms t
		WHERE t.term IN (SELECT term FROM search_terms WHERE term >= $1 AND term < $2
			UNION SELECT stem FROM search_words WHERE word >= $1 AND word < $2)
		AND t.df > 0 ORDER BY t.df DESC, t.term LIMIT $3`, prefix, prefix+upper, limit)
	if err != nil {
		src.fail(err)
		return nil
	}
	var out []string
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			src.fail(err)
			return nil
		}
		src.df[t] = n
		out = append(out, t)
	}
	src.fail(rows.Err())
	return out
}

var _ search.TrigramSource = (*source)(nil)

// similarSQL reads the terms similar to $1 through search_terms_trgm, and
// the terms of $2 by name.
const similarSQL = `SELECT term, df FROM search_terms WHERE term % $1 AND df > 0
	UNION SELECT term, df FROM search_terms WHERE term = ANY($2) AND df > 0`

// Similar finds the terms for a typo through the trigram index on the term
// dictionary (search_terms_trgm): those at least sim similar to word, and
// those of exact, in one query.
func (src *source) Similar(word string, sim float64, exact []string) map[string]int {
	out := map[string]int{}
	// The threshold of the % operator, for this transaction only.
	if _, err := src.tx.Exec(src.ctx, "SELECT set_config('pg_trgm.similarity_threshold', $1, true)",
		strconv.FormatFloat(sim, 'f', 4, 64)); err != nil {
		src.fail(err)
		return out
	}
	rows, err := src.tx.Query(src.ctx, similarSQL, word, exact)
	if err != nil {
		src.fail(err)
		return out
	}
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			src.fail(err)
			return out
		}
		src.df[t] = n
		out[t] = n
	}
	src.fail(rows.Err())
	return out
}

// probeShare is how many of its postings a term's whole list (between the
// first and the last of the docs asked for) may hold per doc asked for, for
// Probe to read that range rather than look each doc up: the primary key
// (migration 0006) reads a range of postings many times faster than it
// finds one.
const probeShare = 8

// postings reads a term's postings, of docs (in order) only when docs is
// not nil: those of the docs looked up one by one, or the range between the
// first and the last doc when the term is not much more common than the
// docs are many (the caller skips the others).
func (src *source) postings(term string, docs []uint64) []search.Posting {
	sql := "SELECT doc, tf, norm FROM search_postings WHERE term = $1"
	args := []any{term}
	if docs != nil {
		if len(docs)*probeShare >= src.DF(term) {
			sql += " AND doc BETWEEN $2 AND $3"
			args = append(args, int64(docs[0]), int64(docs[len(docs)-1]))
		} else {
			ids := make([]int64, len(docs))
			for i, d := range docs {
				ids[i] = int64(d)
			}
			sql += " AND doc = ANY($2)"
			args = append(args, ids)
		}
	}
	rows, err := src.tx.Query(src.ctx, sql+" ORDER BY doc", args...)
	if err != nil {
		src.fail(err)
		return nil
	}
	var out []search.Posting
	for rows.Next() {
		var id int64
		var tf, norm int32
		if err := rows.Scan(&id, &tf, &norm); err != nil {
			src.fail(err)
			return nil
		}
		p := search.Posting{Doc: uint64(id), TF: [2]uint16{uint16(tf >> 16), uint16(tf)}}
		norms := [2]uint8{uint8(norm >> 8), uint8(norm)}
		for f := range p.TF {
			if p.TF[f] > 0 {
				p.Norm[f] = norms[f]
			}
		}
		out = append(out, p)
	}
	src.fail(rows.Err())
	return out
}

func (src *source) Scan(term string, fn func([]search.Posting)) {
	if ps := src.postings(term, nil); len(ps) > 0 {
		fn(ps)
	}
}

func (src *source) Probe(term string, docs []uint64, fn func(int, search.Posting)) {
	if len(docs) == 0 {
		return
	}
	ps := src.postings(term, docs)
	i := 0
	for _, p := range ps {
		for i < len(docs) && docs[i] < p.Doc {
			i++
		}
		if i == len(docs) {
			return
		}
		if docs[i] == p.Doc {
			fn(i, p)
		}
	}
}

// readTx runs fn in one read-only snapshot.
func (s *Store) readTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	tx, err := s.begin(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return s.failed(err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(tx); err != nil {
		return cancelled(ctx, s.failed(err))
	}
	if err := tx.Commit(ctx); err != nil {
		return cancelled(ctx, s.failed(err))
	}
	return nil
}

// backend is the search as service.RunSearch reads it, in tx, for query q
// (nil for a snippet): the list rows of the best matches are read a chunk at
// a time and the texts of those shown together, each with the directory
// records they name, rather than one round trip per row and name.
func (s *Store) backend(ctx context.Context, tx pgx.Tx, an *search.Analyzer, q *service.SearchQuery) (service.SearchBackend, *source) {
	src := &source{ctx: ctx, tx: tx, df: map[string]int{}}
	r := &reads{ctx: ctx, tx: tx, s: s, an: an, q: q, now: s.now(), sums: map[agreement.ID]agreement.Summary{},
		absent: map[agreement.ID]bool{}, texts: map[agreement.ID][2]string{}, nm: newNames(dir{ctx, tx, s, nil})}
	return service.SearchBackend{
		Analyzer: an,
		Find: func(q search.Query, _ agreement.Filter) (*search.Match, error) {
			r.m = search.Find(src, an, q)
			return r.m, src.err
		},
		Summary: r.summary,
		Text:    r.text,
	}, src
}

// reads serves a search's list rows and texts from tx.
type reads struct {
	ctx    context.Context
	tx     pgx.Tx
	s      *Store
	an     *search.Analyzer
	q      *service.SearchQuery
	now    time.Time
	m      *search.Match
	sums   map[agreement.ID]agreement.Summary
	absent map[agreement.ID]bool
	asked  []agreement.ID // the rows asked for, in order
	top    int            // how many of the best matches the rows were read for
	texts  map[agreement.ID][2]string
	nm     *names
}

// firstRows is how many of the best matches' rows the first read brings,
// for a query showing limit hits: as many as shown, three times as many
// when a kind named weighs the hits (service.RunSearch), and a few that a
// filter may refuse.
func firstRows(q *service.SearchQuery) int {
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	if len(service.KindsNamed(q.Text)) > 0 {
		limit *= 3
	}
	return limit + 10
}

func (r *reads) summary(id agreement.ID) (agreement.Summary, bool, error) {
	if sum, ok := r.sums[id]; ok {
		r.ask(id)
		return sum, true, nil
	}
	if r.absent[id] {
		return agreement.Summary{}, false, nil
	}
	ids := []int64{int64(id)}
	if r.m != nil && r.q != nil {
		// The rows of the next best matches come along, twice as many as
		// the time before.
		n := max(firstRows(r.q), 2*r.top)
		for _, h := range r.m.Top(n, nil) {
			if d := agreement.ID(h.Doc); d != id && !r.absent[d] {
				if _, ok := r.sums[d]; !ok {
					ids = append(ids, int64(d))
				}
			}
		}
		r.top = n
	}
	out, err := sumsWhere(r.ctx, r.tx, "WHERE id = ANY($1)", ids)
	if err != nil {
		return agreement.Summary{}, false, err
	}
	for _, sum := range out {
		r.sums[sum.ID] = sum
	}
	for _, d := range ids {
		if _, ok := r.sums[agreement.ID(d)]; !ok {
			r.absent[agreement.ID(d)] = true
		}
	}
	sum, ok := r.sums[id]
	if ok {
		r.ask(id)
	}
	return sum, ok, nil
}

func (r *reads) ask(id agreement.ID) {
	if !slices.Contains(r.asked, id) {
		r.asked = append(r.asked, id)
	}
}

// textSQL reads agreements ($1) with the parties, officials and surats
// kuasa their texts name (fields.Text) as (what, id, data); a name it
// misses is read on its own.
const textSQL = `WITH a AS (SELECT id, data, party_ids, signer_ids FROM agreements WHERE id = ANY($1)),
	m AS (SELECT id, data FROM mandates WHERE id IN (SELECT (x->>'mandate_id')::bigint
		FROM a, jsonb_array_elements(coalesce(a.data->'parties', '[]') || coalesce(a.data#>'{signing,signers}', '[]')) x
		WHERE jsonb_typeof(x->'mandate_id') = 'number'))
	SELECT 'a', id, data FROM a
	UNION ALL SELECT 'p', id, data FROM parties WHERE id IN (SELECT unnest(party_ids) FROM a)
	UNION ALL SELECT 'm', id, data FROM m
	UNION ALL SELECT 'o', id, data FROM officials WHERE id IN (SELECT unnest(signer_ids) FROM a
		UNION SELECT (data->>'grantor_id')::bigint FROM m WHERE jsonb_typeof(data->'grantor_id') = 'number'
		UNION SELECT (data->>'grantee_id')::bigint FROM m WHERE jsonb_typeof(data->'grantee_id') = 'number')`

// text is an agreement's text. The texts of the rows asked for that a
// query's filter keeps (the hits shown) and whose list row does not show
// every word searched for (service.RunSearch's snippets) are read with it.
func (r *reads) text(id agreement.ID) ([2]string, error) {
	if t, ok := r.texts[id]; ok {
		return t, nil
	}
	ids := []int64{int64(id)}
	if r.q != nil && r.m != nil {
		for _, d := range r.asked {
			if _, ok := r.texts[d]; ok || d == id || len(ids) >= firstRows(r.q) {
				continue
			}
			if sum := r.sums[d]; r.q.Filter.Match(sum, r.now) && !r.an.Covers(sum.Lines(), r.m.Groups()) {
				ids = append(ids, int64(d))
			}
		}
	}
	rows, err := r.tx.Query(r.ctx, textSQL, ids)
	if err != nil {
		return [2]string{}, err
	}
	var list []agreement.Agreement
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			var what string
			var rid int64
			var raw []byte
			if err := rows.Scan(&what, &rid, &raw); err != nil {
				return err
			}
			var err error
			switch what {
			case "a":
				var a agreement.Agreement
				if a, err = decode[agreement.Agreement](raw); err == nil {
					list = append(list, a)
				}
			case "p":
				r.nm.parties[agreement.ID(rid)], err = decode[agreement.Party](raw)
			case "o":
				r.nm.officials[agreement.ID(rid)], err = decode[agreement.Official](raw)
			case "m":
				r.nm.mandates[agreement.ID(rid)], err = decode[agreement.Mandate](raw)
			}
			if err != nil {
				return err
			}
		}
		return rows.Err()
	}()
	if err != nil {
		return [2]string{}, err
	}
	found := false
	for i := range list {
		r.texts[list[i].ID] = fields.Text(r.nm, &list[i])
		found = found || list[i].ID == id
	}
	if !found {
		// As get: an agreement not there has the empty record's text.
		r.texts[id] = fields.Text(r.nm, &agreement.Agreement{})
	}
	return r.texts[id], nil
}

// Search finds agreements matching what a person typed, best first, within the
// filters (service.RunSearch), in one snapshot of the server.
func (s *Store) Search(q service.SearchQuery) (service.SearchResult, error) {
	ctx := bg()
	var res service.SearchResult
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		an, err := s.analyzer(ctx, tx)
		if err != nil {
			return err
		}
		b, src := s.backend(ctx, tx, an, &q)
		if res, err = service.RunSearch(b, q, s.now()); err != nil {
			return err
		}
		return src.err
	})
	return res, err
}

// Snippet shows where one agreement matches what a person typed; "" when it
// does not match.
func (s *Store) Snippet(id agreement.ID, text string) (string, error) {
	ctx := bg()
	var out string
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		an, err := s.analyzer(ctx, tx)
		if err != nil {
			return err
		}
		b, src := s.backend(ctx, tx, an, nil)
		if out, err = service.RunSnippet(b, id, text); err != nil {
			return err
		}
		return src.err
	})
	return out, err
}

// Synonyms returns the shipped synonym list and the office's own.
func (s *Store) Synonyms() (shipped, own string, err error) {
	own, err = s.ownSynonyms(bg(), s.pool)
	return search.ShippedSynonyms(), own, s.failed(err)
}

// SetSynonyms replaces the office's own synonym list and rebuilds the search
// index with it in one transaction, or refuses the list (or is cancelled)
// and changes nothing.
func (s *Store) SetSynonyms(ctx context.Context, text string) error {
	an, err := service.SynonymsAnalyzer(text)
	if err != nil {
		return err
	}
	if err := s.backupBefore(ctx, service.ReasonSynonyms); err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO meta (key, value) VALUES ('synonyms', to_jsonb($1::text))
			ON CONFLICT (key) DO UPDATE SET value = to_jsonb($1::text)`, text); err != nil {
			return err
		}
		return s.rebuild(ctx, tx, an)
	})
	if err != nil {
		return s.failed(err)
	}
	s.mu.Lock()
	s.an = an
	s.mu.Unlock()
	return nil
}

// rebuild makes the whole search index again with an, in tx.
func (s *Store) rebuild(ctx context.Context, tx pgx.Tx, an *search.Analyzer) error {
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", searchLock); err != nil {
		return err
	}
	if err := unindexAll(ctx, tx); err != nil {
		return err
	}
	ids, err := allIDs(ctx, tx)
	if err != nil {
		return err
	}
	return s.indexWith(ctx, tx, an, ids)
}

// allIDs lists every agreement's ID in order.
func allIDs(ctx context.Context, q querier) ([]agreement.ID, error) {
	rows, err := q.Query(ctx, "SELECT id FROM agreements ORDER BY id")
	if err != nil {
		return nil, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	out := make([]agreement.ID, len(ids))
	for i, id := range ids {
		out[i] = agreement.ID(id)
	}
	return out, err
}
