package pgstore

import (
	"context"
	"errors"
	"strconv"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
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

// postings reads a term's postings, of docs only when docs is not nil.
func (src *source) postings(term string, docs []uint64) []search.Posting {
	sql := "SELECT doc, tf, norm FROM search_postings WHERE term = $1"
	args := []any{term}
	if docs != nil {
		ids := make([]int64, len(docs))
		for i, d := range docs {
			ids[i] = int64(d)
		}
		sql += " AND doc = ANY($2)"
		args = append(args, ids)
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

// backend is the search as service.RunSearch reads it, in tx.
func (s *Store) backend(ctx context.Context, tx pgx.Tx, an *search.Analyzer) (service.SearchBackend, *source) {
	src := &source{ctx: ctx, tx: tx, df: map[string]int{}}
	sums := map[agreement.ID]agreement.Summary{}
	return service.SearchBackend{
		Analyzer: an,
		Find: func(q search.Query, _ agreement.Filter) (*search.Match, error) {
			m := search.Find(src, an, q)
			return m, src.err
		},
		Summary: func(id agreement.ID) (agreement.Summary, bool, error) {
			if sum, ok := sums[id]; ok {
				return sum, true, nil
			}
			out, err := sumsWhere(ctx, tx, "WHERE id = $1", int64(id))
			if err != nil || len(out) == 0 {
				return agreement.Summary{}, false, err
			}
			sums[id] = out[0]
			return out[0], true, nil
		},
		Text: func(id agreement.ID) ([2]string, error) {
			a, _, err := get[agreement.Agreement](ctx, tx, dataset.TypeAgreement, id)
			if err != nil {
				return [2]string{}, err
			}
			return fields.Text(dir{ctx, tx, s, nil}, &a), nil
		},
	}, src
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
		b, src := s.backend(ctx, tx, an)
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
		b, src := s.backend(ctx, tx, an)
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
