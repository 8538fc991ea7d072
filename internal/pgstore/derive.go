package pgstore

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/search"
	"sepakat/internal/search/fields"
	"sepakat/internal/service"
)

// What a save derives from its record in the same transaction: the
// agreements' effective end (a signed Adendum moves its parent's), and the
// search index of every agreement whose text the record is part of.

// searchLock serialises writes to the search index's shared rows (the term
// dictionary and the totals), so that concurrent saves never deadlock there.
const searchLock = 0x5e9a4a7

func (s *Store) derive(ctx context.Context, tx pgx.Tx, t dataset.RecordType, v any, prev *agreement.Agreement) error {
	switch x := v.(type) {
	case *agreement.Agreement:
		ends := []agreement.ID{x.ID}
		if x.ParentID != 0 {
			ends = append(ends, x.ParentID)
		}
		if prev != nil && prev.ParentID != 0 && prev.ParentID != x.ParentID {
			ends = append(ends, prev.ParentID)
		}
		if err := refreshRows(ctx, tx, ends); err != nil {
			return err
		}
		return s.indexIDs(ctx, tx, []agreement.ID{x.ID})
	case *agreement.Party:
		ids, err := idsWhere(ctx, tx, "party_ids @> ARRAY[$1::bigint]", int64(x.ID))
		if err != nil {
			return err
		}
		if err := refreshRows(ctx, tx, ids); err != nil {
			return err
		}
		return s.indexIDs(ctx, tx, ids)
	case *agreement.Official:
		return s.indexWhere(ctx, tx, "signer_ids @> ARRAY[$1::bigint]", int64(x.ID))
	}
	return nil
}

// endKey is a date as YYYYMMDD; nil for none.
func endKey(d agreement.Date) *int {
	if d.IsZero() || !d.Valid() {
		return nil
	}
	k := d.Year*10000 + int(d.Month)*100 + d.Day
	return &k
}

// refreshRows stores the list rows and effective ends of agreements, after
// their children and parties, a batch per round trip.
func refreshRows(ctx context.Context, q querier, ids []agreement.ID) error {
	for len(ids) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		part := ids[:min(len(ids), indexBatch)]
		ids = ids[len(part):]
		list, err := agreementsWhere(ctx, q, "WHERE id = ANY($1)", toInt64s(part))
		if err != nil {
			return err
		}
		sums, err := summarize(ctx, q, list)
		if err != nil {
			return err
		}
		rowIDs := make([]int64, len(sums))
		keys := make([]*int32, len(sums))
		raws := make([]string, len(sums))
		for i := range sums {
			rowIDs[i] = int64(sums[i].ID)
			if k := endKey(sums[i].End); k != nil {
				v := int32(*k)
				keys[i] = &v
			}
			raws[i] = string(encode(&sums[i]))
		}
		if _, err := q.Exec(ctx, `UPDATE agreements a SET end_key = x.k, sum = x.s FROM unnest($1::bigint[], $2::int[], $3::jsonb[]) x(id, k, s)
			WHERE a.id = x.id`, rowIDs, keys, raws); err != nil {
			return err
		}
	}
	return nil
}

// children reads the children of agreements, by parent.
func children(ctx context.Context, q querier, ids []agreement.ID) (map[agreement.ID][]agreement.Agreement, error) {
	rows, err := q.Query(ctx, "SELECT data FROM agreements WHERE parent_id = ANY($1) ORDER BY id", toInt64s(ids))
	if err != nil {
		return nil, err
	}
	out := map[agreement.ID][]agreement.Agreement{}
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
		out[a.ParentID] = append(out[a.ParentID], a)
	}
	return out, rows.Err()
}

func toInt64s(ids []agreement.ID) []int64 {
	out := make([]int64, len(ids))
	for i, id := range ids {
		out[i] = int64(id)
	}
	return out
}

// analyzer is the search analysis with the office's synonyms.
func (s *Store) analyzer(ctx context.Context, q querier) (*search.Analyzer, error) {
	s.mu.Lock()
	an := s.an
	s.mu.Unlock()
	if an != nil {
		return an, nil
	}
	own, err := s.ownSynonyms(ctx, q)
	if err != nil {
		return nil, err
	}
	if own == "" {
		an, err = search.Shipped()
	} else {
		an, err = service.SynonymsAnalyzer(own)
	}
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.an = an
	s.mu.Unlock()
	return an, nil
}

func (s *Store) ownSynonyms(ctx context.Context, q querier) (string, error) {
	var own string
	err := q.QueryRow(ctx, "SELECT value #>> '{}' FROM meta WHERE key = 'synonyms'").Scan(&own)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return own, err
}

// indexWhere re-indexes the agreements a condition on their columns selects.
func (s *Store) indexWhere(ctx context.Context, tx pgx.Tx, cond string, args ...any) error {
	ids, err := idsWhere(ctx, tx, cond, args...)
	if err != nil {
		return err
	}
	return s.indexIDs(ctx, tx, ids)
}

// idsWhere lists the agreements a condition on their columns selects.
func idsWhere(ctx context.Context, q querier, cond string, args ...any) ([]agreement.ID, error) {
	rows, err := q.Query(ctx, "SELECT id FROM agreements WHERE "+cond+" ORDER BY id", args...)
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

// indexBatch is how many agreements indexIDs reads and writes per round trip.
const indexBatch = 500

// names answers fields.Names from q, remembering what it read.
type names struct {
	d         dir
	parties   map[agreement.ID]agreement.Party
	officials map[agreement.ID]agreement.Official
	mandates  map[agreement.ID]agreement.Mandate
}

func (n *names) Party(id agreement.ID) (agreement.Party, bool) {
	if p, ok := n.parties[id]; ok {
		return p, p.ID != 0
	}
	p, ok := n.d.Party(id)
	n.parties[id] = p
	return p, ok
}

func (n *names) Official(id agreement.ID) (agreement.Official, bool) {
	if o, ok := n.officials[id]; ok {
		return o, o.ID != 0
	}
	o, ok := n.d.Official(id)
	n.officials[id] = o
	return o, ok
}

func (n *names) Mandate(id agreement.ID) (agreement.Mandate, bool) {
	if m, ok := n.mandates[id]; ok {
		return m, m.ID != 0
	}
	m, ok := n.d.Mandate(id)
	n.mandates[id] = m
	return m, ok
}

// indexIDs brings the search index of agreements up to date with what tx
// sees, a batch at a time. The term dictionary and the totals change once
// per call (a row changed many times in one transaction grows a chain of
// versions every later change must walk).
func (s *Store) indexIDs(ctx context.Context, tx pgx.Tx, ids []agreement.ID) error {
	an, err := s.analyzer(ctx, tx)
	if err != nil {
		return err
	}
	return s.indexWith(ctx, tx, an, ids)
}

func (s *Store) indexWith(ctx context.Context, tx pgx.Tx, an *search.Analyzer, ids []agreement.ID) error {
	if len(ids) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", searchLock); err != nil {
		return err
	}
	workers := make([]*search.Worker, runtime.GOMAXPROCS(0))
	for i := range workers {
		workers[i] = an.NewWorker()
		workers[i].Surfaces = map[string]string{}
	}
	nm := &names{d: dir{ctx, tx, s, nil}, parties: map[agreement.ID]agreement.Party{}, officials: map[agreement.ID]agreement.Official{},
		mandates: map[agreement.ID]agreement.Mandate{}}
	delta := map[string]int{}
	var docs, high, body int64
	for len(ids) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		part := ids[:min(len(ids), indexBatch)]
		ids = ids[len(part):]
		list, err := agreementsWhere(ctx, tx, "WHERE id = ANY($1) ORDER BY id", toInt64s(part))
		if err != nil {
			return err
		}
		type old struct {
			terms      []string
			high, body int64
		}
		olds := map[int64]old{}
		rows, err := tx.Query(ctx, "SELECT id, tsvector_to_array(terms), len_high, len_body FROM search_docs WHERE id = ANY($1)", toInt64s(part))
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var o old
			if err := rows.Scan(&id, &o.terms, &o.high, &o.body); err != nil {
				return err
			}
			olds[id] = o
		}
		if err := rows.Err(); err != nil {
			return err
		}
		docsOf := analyse(workers, list, nm)
		b := &pgx.Batch{}
		for i := range list {
			a := &list[i]
			terms, lens := docsOf[i].terms, docsOf[i].lens
			o, had := olds[int64(a.ID)]
			for _, t := range o.terms {
				delta[t]--
			}
			for t := range terms {
				delta[t]++
			}
			if !had {
				docs++
			}
			high += int64(lens[0]) - o.high
			body += int64(lens[1]) - o.body
			b.Queue(`INSERT INTO search_docs (id, len_high, len_body, terms) VALUES ($1, $2, $3, $4::tsvector)
				ON CONFLICT (id) DO UPDATE SET len_high = $2, len_body = $3, terms = $4::tsvector`,
				int64(a.ID), int64(lens[0]), int64(lens[1]), tsvector(terms))
			if len(o.terms) > 0 {
				b.Queue("DELETE FROM search_postings WHERE term = ANY($1) AND doc = $2", o.terms, int64(a.ID))
			}
			ts, tfs, norm := postingsOf(terms, lens)
			b.Queue(`INSERT INTO search_postings (term, doc, tf, norm) SELECT t, $2, f, $4 FROM unnest($1::text[], $3::int[]) x(t, f)`,
				ts, int64(a.ID), tfs, norm)
		}
		if b.Len() > 0 {
			if err := tx.SendBatch(ctx, b).Close(); err != nil {
				return err
			}
		}
	}
	var terms []string
	var counts []int64
	for t, d := range delta {
		if d != 0 {
			terms = append(terms, t)
		}
	}
	sort.Strings(terms)
	for _, t := range terms {
		counts = append(counts, int64(delta[t]))
	}
	if len(terms) > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO search_terms (term, df) SELECT * FROM unnest($1::text[], $2::int[])
			ON CONFLICT (term) DO UPDATE SET df = search_terms.df + EXCLUDED.df`, terms, counts); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM search_terms WHERE term = ANY($1) AND df <= 0", terms); err != nil {
			return err
		}
	}
	if docs != 0 || high != 0 || body != 0 {
		if _, err := tx.Exec(ctx, "UPDATE search_stats SET docs = docs + $1, total_high = total_high + $2, total_body = total_body + $3",
			docs, high, body); err != nil {
			return err
		}
	}
	surfaces := workers[0].Surfaces
	for _, w := range workers[1:] {
		for k, v := range w.Surfaces {
			surfaces[k] = v
		}
	}
	return putSurfaces(ctx, tx, surfaces)
}

// analysed is one agreement's terms and field lengths.
type analysed struct {
	terms map[string][2]uint16
	lens  [2]uint32
}

// analyse runs the analysis of agreements' texts on every worker at once
// (the texts are gathered first: nm is not safe for concurrent use).
func analyse(workers []*search.Worker, list []agreement.Agreement, nm *names) []analysed {
	texts := make([][2]string, len(list))
	for i := range list {
		texts[i] = fields.Text(nm, &list[i])
	}
	out := make([]analysed, len(list))
	var wg sync.WaitGroup
	for k, w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := k; i < len(texts); i += len(workers) {
				out[i].terms, out[i].lens = w.Document(texts[i])
			}
		}()
	}
	wg.Wait()
	return out
}

// unindexAll empties the search index. The caller holds searchLock.
func unindexAll(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `TRUNCATE search_docs, search_postings, search_terms, search_words;
		UPDATE search_stats SET docs = 0, total_high = 0, total_body = 0`)
	return err
}

func putSurfaces(ctx context.Context, tx pgx.Tx, surfaces map[string]string) error {
	if len(surfaces) == 0 {
		return nil
	}
	words := make([]string, 0, len(surfaces))
	for w := range surfaces {
		words = append(words, w)
	}
	sort.Strings(words)
	stems := make([]string, len(words))
	for i, w := range words {
		stems[i] = surfaces[w]
	}
	_, err := tx.Exec(ctx, `INSERT INTO search_words (word, stem) SELECT * FROM unnest($1::text[], $2::text[])
		ON CONFLICT (word) DO NOTHING`, words, stems)
	return err
}

// postingsOf lists a document's terms in order with their packed counts, and
// its packed norms.
func postingsOf(terms map[string][2]uint16, lens [2]uint32) ([]string, []int32, int32) {
	ts := make([]string, 0, len(terms))
	for t := range terms {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	tfs := make([]int32, len(ts))
	for i, t := range ts {
		tf := terms[t]
		tfs[i] = int32(tf[0])<<16 | int32(tf[1])
	}
	norms := search.Norms(lens)
	return ts, tfs, int32(norms[0])<<8 | int32(norms[1])
}

// maxPositions is how many positions PostgreSQL keeps per lexeme: a term's
// counts are capped there (ranking saturates long before).
const maxPositions = 255

// tsvector writes a document's terms as a tsvector literal: per term, one
// position per occurrence, weight A in the high fields, D in the body.
func tsvector(terms map[string][2]uint16) string {
	keys := make([]string, 0, len(terms))
	for t := range terms {
		keys = append(keys, t)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, t := range keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(lexeme(t))
		b.WriteByte(':')
		tf := terms[t]
		hi := min(int(tf[0]), maxPositions)
		body := min(int(tf[1]), maxPositions-hi)
		pos := 0
		for range hi {
			if pos > 0 {
				b.WriteByte(',')
			}
			pos++
			b.WriteString(strconv.Itoa(pos))
			b.WriteByte('A')
		}
		for range body {
			if pos > 0 {
				b.WriteByte(',')
			}
			pos++
			b.WriteString(strconv.Itoa(pos))
		}
	}
	return b.String()
}

// lexeme quotes a term for a tsvector or tsquery literal.
func lexeme(t string) string {
	var b bytes.Buffer
	b.WriteByte('\'')
	for _, r := range t {
		switch r {
		case '\'':
			b.WriteString("''")
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// checkNumber refuses next's own number when the save gives it and another
// agreement of the office carries it.
func (s *Store) checkNumber(ctx context.Context, q querier, prev, next *agreement.Agreement) error {
	office, key, _ := service.OwnNumber(next)
	if key == "" || !service.NumberChanged(prev, next) {
		return nil
	}
	other, ok, err := carrier(ctx, q, office, key, next.ID)
	if err != nil || !ok {
		return err
	}
	return service.NumberTaken(next, agreement.Summary{ID: other.ID, Kind: other.Kind, Subject: other.Subject})
}

// carrier is an agreement other than self carrying number key for office.
func carrier(ctx context.Context, q querier, office agreement.ID, key string, self agreement.ID) (agreement.Agreement, bool, error) {
	var raw []byte
	err := q.QueryRow(ctx, "SELECT data FROM agreements WHERE own_office = $1 AND own_key = $2 AND id <> $3 LIMIT 1",
		int64(office), key, int64(self)).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return agreement.Agreement{}, false, nil
	}
	if err != nil {
		return agreement.Agreement{}, false, err
	}
	a, err := decode[agreement.Agreement](raw)
	return a, err == nil, err
}

// filesOf lists the stored files a record (an agreement or party, as JSON)
// refers to.
func filesOf(t dataset.RecordType, raw []byte) []string {
	var out []string
	switch t {
	case dataset.TypeAgreement:
		a, err := decode[agreement.Agreement](raw)
		if err != nil {
			return nil
		}
		for _, at := range a.Attachments {
			if sha := at.File.SHA256; sha != "" && !slices.Contains(out, sha) {
				out = append(out, sha)
			}
		}
	case dataset.TypeParty:
		p, err := decode[agreement.Party](raw)
		if err == nil && p.Lambang != nil && p.Lambang.SHA256 != "" {
			out = append(out, p.Lambang.SHA256)
		}
	}
	return out
}

// referenced reports whether any agreement or party refers to file sha.
func referenced(ctx context.Context, q querier, sha string) (bool, error) {
	for _, t := range []dataset.RecordType{dataset.TypeAgreement, dataset.TypeParty} {
		rows, err := q.Query(ctx, "SELECT data FROM "+table[t]+" WHERE strpos(data::text, $1) > 0", sha)
		if err != nil {
			return false, err
		}
		raws, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
		if err != nil {
			return false, err
		}
		for _, raw := range raws {
			if slices.Contains(filesOf(t, raw), sha) {
				return true, nil
			}
		}
	}
	return false, nil
}

// moveFiles follows a record's save from prevRaw to raw (already written):
// staged files it now refers to are stored, files nothing refers to any more
// are dropped. It returns the staged files it stored.
func (s *Store) moveFiles(ctx context.Context, tx pgx.Tx, t dataset.RecordType, prevRaw, raw []byte) ([]string, error) {
	old, fresh := filesOf(t, prevRaw), filesOf(t, raw)
	var took []string
	for _, sha := range fresh {
		if slices.Contains(old, sha) {
			continue
		}
		s.mu.Lock()
		file, ok := s.staged[sha]
		s.mu.Unlock()
		if !ok {
			continue
		}
		if _, err := tx.Exec(ctx, "INSERT INTO files (sha, media_type, data) VALUES ($1, $2, $3) ON CONFLICT (sha) DO NOTHING",
			sha, file.MediaType, file.Data); err != nil {
			return nil, err
		}
		took = append(took, sha)
	}
	for _, sha := range old {
		if slices.Contains(fresh, sha) {
			continue
		}
		used, err := referenced(ctx, tx, sha)
		if err != nil {
			return nil, err
		}
		if !used {
			if _, err := tx.Exec(ctx, "DELETE FROM files WHERE sha = $1", sha); err != nil {
				return nil, err
			}
		}
	}
	return took, nil
}
