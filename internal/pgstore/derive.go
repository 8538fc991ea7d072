package pgstore

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
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

// endsOf lists the agreements whose list rows an agreement's save changes:
// its own, its parent's and, when it moved, its former parent's.
func endsOf(x, prev *agreement.Agreement) []agreement.ID {
	ends := []agreement.ID{x.ID}
	if x.ParentID != 0 {
		ends = append(ends, x.ParentID)
	}
	if prev != nil && prev.ParentID != 0 && prev.ParentID != x.ParentID {
		ends = append(ends, prev.ParentID)
	}
	return ends
}

// lockParentsSQL locks the parents whose list rows an agreement's save
// changes: the one it names ($1) and the one stored for it ($2). A child's
// save holds its parent from its first round trip on, so a list row is made
// from what is committed: a save of a parent reads its children after every
// child's save that went before it.
const lockParentsSQL = "SELECT 1 FROM agreements WHERE id = $1 OR id = (SELECT parent_id FROM agreements WHERE id = $2) ORDER BY id FOR UPDATE"

// familySQL reads the agreements an agreement's save ($2, 0 when new)
// changes the list rows of (it, the parent it names, $1, and its stored
// parent) and their children, all but the agreement itself, without the
// text a list row never reads (listText).
const familySQL = `WITH e AS (SELECT $1::bigint AS id UNION SELECT $2 UNION SELECT parent_id FROM agreements WHERE id = $2),
	f AS (SELECT a.id FROM e JOIN agreements a ON a.id = e.id UNION SELECT a.id FROM e JOIN agreements a ON a.parent_id = e.id AND e.id <> 0)
	SELECT data - $3::text[] FROM agreements WHERE id IN (SELECT id FROM f) AND id <> $2 ORDER BY id`

// listText are the fields of an agreement familySQL leaves out: its text,
// the bulk of it, which no list row is made of.
var listText = []string{"body", "premises", "legal_bases"}

// queueFamily queues in b the lock of a's parents and the read of its
// family (familySQL); its function reads them.
func queueFamily(b *pgx.Batch, a *agreement.Agreement) func(pgx.BatchResults) ([]agreement.Agreement, error) {
	b.Queue(lockParentsSQL, int64(a.ParentID), int64(a.ID))
	b.Queue(familySQL, int64(a.ParentID), int64(a.ID), listText)
	return func(br pgx.BatchResults) ([]agreement.Agreement, error) {
		if _, err := br.Exec(); err != nil {
			return nil, err
		}
		rows, err := br.Query()
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []agreement.Agreement
		for rows.Next() {
			var raw []byte
			if err := rows.Scan(&raw); err != nil {
				return nil, err
			}
			a, err := decode[agreement.Agreement](raw)
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
		return out, rows.Err()
	}
}

// rowsSource is what the list rows of some agreements are made of: the
// agreements and their children, by parent.
type rowsSource struct {
	list []agreement.Agreement
	kids map[agreement.ID][]agreement.Agreement
}

// end is the end a's list row shows (agreement.EndIn): its parent, when a
// ends with it, and its siblings are in src.
func (src rowsSource) end(a *agreement.Agreement) agreement.Date {
	var parent *agreement.Agreement
	for i := range src.list {
		if a.ParentID != 0 && src.list[i].ID == a.ParentID {
			parent = &src.list[i]
		}
	}
	return a.EndIn(src.kids[a.ID], parent, src.kids[a.ParentID])
}

// familyOf is the source of the list rows of ends when a is saved: the
// agreements of ends and their children among family (as stored, without
// a) and a as it is saved.
func familyOf(family []agreement.Agreement, a *agreement.Agreement, ends []agreement.ID) rowsSource {
	src := rowsSource{kids: map[agreement.ID][]agreement.Agreement{}}
	all := make([]agreement.Agreement, 0, len(family)+1)
	all = append(all, family...)
	all = append(all, *a)
	slices.SortFunc(all, func(x, y agreement.Agreement) int { return cmp.Compare(x.ID, y.ID) })
	for _, x := range all {
		if slices.Contains(ends, x.ID) {
			src.list = append(src.list, x)
		}
		if x.ParentID != 0 && slices.Contains(ends, x.ParentID) {
			src.kids[x.ParentID] = append(src.kids[x.ParentID], x)
		}
	}
	return src
}

// listRow is an agreement's list row as stored: its effective end as
// YYYYMMDD (nil for none) and its summary as JSON.
type listRow struct {
	id  int64
	end *int32
	sum string
}

// listRowsOf makes the list rows of src.list (parties through party).
func listRowsOf(src rowsSource, party func(agreement.ID) (agreement.Party, bool)) []listRow {
	out := make([]listRow, 0, len(src.list))
	for i := range src.list {
		a := &src.list[i]
		k := src.kids[a.ID]
		sum := agreement.Summarize(a, len(k), party)
		sum.End = src.end(a) // a signed Adendum moves the end; one without a term ends with its parent
		out = append(out, rowOf(&sum))
	}
	return out
}

// rowOf is a list row as stored.
func rowOf(sum *agreement.Summary) listRow {
	r := listRow{id: int64(sum.ID), sum: string(encode(sum))}
	if k := endKey(sum.End); k != nil {
		v := int32(*k)
		r.end = &v
	}
	return r
}

// rowsUpdate is the statement that stores list rows.
func rowsUpdate(rows []listRow) (string, []any) {
	ids := make([]int64, len(rows))
	keys := make([]*int32, len(rows))
	sums := make([]string, len(rows))
	for i, r := range rows {
		ids[i], keys[i], sums[i] = r.id, r.end, r.sum
	}
	return `UPDATE agreements a SET end_key = x.k, sum = x.s FROM unnest($1::bigint[], $2::int[], $3::jsonb[]) x(id, k, s)
		WHERE a.id = x.id`, []any{ids, keys, sums}
}

// queueRows queues in b the update of stored list rows.
func queueRows(b *pgx.Batch, rows []listRow) {
	if len(rows) == 0 {
		return
	}
	sql, args := rowsUpdate(rows)
	b.Queue(sql, args...)
}

// indexSelf queues in b, after an agreement's save read its stored index
// entry (olds), the writes of its index (doc, analysed apart) and of the
// shared rows.
func indexSelf(b *pgx.Batch, a *agreement.Agreement, nm *names, doc *pendingDoc, olds map[int64]oldDoc) {
	ix := &indexer{nm: nm, delta: map[string]int{}}
	ix.surfaces = doc.wait()
	ix.queueAnalysed(b, []agreement.Agreement{*a}, []analysed{doc.analysed}, olds)
	ix.finish(b)
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
		rows := make([]listRow, len(sums))
		for i := range sums {
			rows[i] = rowOf(&sums[i])
		}
		sql, args := rowsUpdate(rows)
		if _, err := q.Exec(ctx, sql, args...); err != nil {
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

// names answers agreement.Directory and fields.Names from q, remembering
// what it read (a save asks for the same parties several times); what a
// save needs is read ahead in one round trip (prefetch).
type names struct {
	d         dir
	parties   map[agreement.ID]agreement.Party
	officials map[agreement.ID]agreement.Official
	mandates  map[agreement.ID]agreement.Mandate
	kinds     map[agreement.ID]agreement.Kind
}

func newNames(d dir) *names {
	return &names{d: d, parties: map[agreement.ID]agreement.Party{}, officials: map[agreement.ID]agreement.Official{},
		mandates: map[agreement.ID]agreement.Mandate{}, kinds: map[agreement.ID]agreement.Kind{}}
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

func (n *names) AgreementKind(id agreement.ID) (agreement.Kind, bool) {
	if k, ok := n.kinds[id]; ok {
		return k, k != ""
	}
	k, ok := n.d.AgreementKind(id)
	if ok {
		n.kinds[id] = k
	}
	return k, ok
}

func (n *names) RegionName(code string) (string, bool) { return n.d.RegionName(code) }

// prefetchSQL reads the directory records an agreement names, its parent's
// kind and its parent's parties (the parent's list row), as (what, id, data).
const prefetchSQL = `SELECT 'p', id, data FROM parties WHERE id = ANY($1)
	OR id IN (SELECT unnest(party_ids) FROM agreements WHERE id = $4)
	UNION ALL SELECT 'o', id, data FROM officials WHERE id = ANY($2)
	UNION ALL SELECT 'm', id, data FROM mandates WHERE id = ANY($3)
	UNION ALL SELECT 'k', id, to_jsonb(kind) FROM agreements WHERE id = $4`

// queuePrefetch queues prefetchSQL for a in b; readPrefetch reads its rows.
func (n *names) queuePrefetch(b *pgx.Batch, a *agreement.Agreement) func(pgx.BatchResults) error {
	var parties, officials, mandates []int64
	for _, ap := range a.Parties {
		parties = append(parties, int64(ap.PartyID))
		officials = append(officials, int64(ap.SignerID))
		mandates = append(mandates, int64(ap.MandateID))
	}
	if sg := a.Signing; sg != nil {
		for _, x := range sg.Signers {
			parties = append(parties, int64(x.PartyID))
			officials = append(officials, int64(x.OfficialID))
			mandates = append(mandates, int64(x.MandateID))
		}
	}
	b.Queue(prefetchSQL, parties, officials, mandates, int64(a.ParentID))
	return func(br pgx.BatchResults) error {
		rows, err := br.Query()
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var what string
			var id int64
			var raw []byte
			if err := rows.Scan(&what, &id, &raw); err != nil {
				return err
			}
			switch what {
			case "p":
				v, err := decode[agreement.Party](raw)
				if err != nil {
					return err
				}
				n.parties[agreement.ID(id)] = v
			case "o":
				v, err := decode[agreement.Official](raw)
				if err != nil {
					return err
				}
				n.officials[agreement.ID(id)] = v
			case "m":
				v, err := decode[agreement.Mandate](raw)
				if err != nil {
					return err
				}
				n.mandates[agreement.ID(id)] = v
			case "k":
				k, err := decode[string](raw)
				if err != nil {
					return err
				}
				n.kinds[agreement.ID(id)] = agreement.Kind(k)
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		// What was asked for and is not there is known absent.
		for _, id := range parties {
			if _, ok := n.parties[agreement.ID(id)]; !ok {
				n.parties[agreement.ID(id)] = agreement.Party{}
			}
		}
		for _, id := range officials {
			if _, ok := n.officials[agreement.ID(id)]; !ok {
				n.officials[agreement.ID(id)] = agreement.Official{}
			}
		}
		for _, id := range mandates {
			if _, ok := n.mandates[agreement.ID(id)]; !ok {
				n.mandates[agreement.ID(id)] = agreement.Mandate{}
			}
		}
		return nil
	}
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
	ix := newIndexer(an, newNames(dir{ctx, tx, s, nil}), len(ids))
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
		rows, err := tx.Query(ctx, oldDocsSQL, toInt64s(part))
		if err != nil {
			return err
		}
		olds, err := readOldDocs(rows)
		if err != nil {
			return err
		}
		b := &pgx.Batch{}
		ix.queue(b, list, olds)
		if len(ids) == 0 {
			ix.finish(b)
		}
		if b.Len() > 0 {
			if err := tx.SendBatch(ctx, b).Close(); err != nil {
				return err
			}
		}
	}
	return nil
}

// indexer gathers what indexing agreements changes in the shared rows (the
// term dictionary, the totals, the derived words) while it queues each
// agreement's own rows.
type indexer struct {
	workers          []*search.Worker
	nm               *names
	delta            map[string]int
	docs, high, body int64
	// surfaces are the derived words met by an analysis done apart.
	surfaces map[string]string
}

// newIndexer analyses with a worker per processor, or for a few agreements
// with the analyzer's shared memo.
func newIndexer(an *search.Analyzer, nm *names, n int) *indexer {
	ix := &indexer{nm: nm, delta: map[string]int{}}
	if n <= 4 {
		w := an.SharedWorker()
		w.Surfaces = map[string]string{}
		ix.workers = []*search.Worker{w}
		return ix
	}
	ix.workers = make([]*search.Worker, runtime.GOMAXPROCS(0))
	for i := range ix.workers {
		ix.workers[i] = an.NewWorker()
		ix.workers[i].Surfaces = map[string]string{}
	}
	return ix
}

// oldDoc is an agreement's stored index entry: per term its counts as its
// tsvector keeps them (positions weighted A, and the rest), and its field
// lengths.
type oldDoc struct {
	terms      map[string][2]int
	high, body int64
}

// oldDocsSQL reads the stored index entries of agreements ($1).
const oldDocsSQL = `SELECT d.id, d.len_high, d.len_body, coalesce(array_agg(u.lexeme) FILTER (WHERE u.lexeme IS NOT NULL), '{}'),
	coalesce(array_agg(cardinality(array_positions(u.weights, 'A'))) FILTER (WHERE u.lexeme IS NOT NULL), '{}'),
	coalesce(array_agg(cardinality(u.positions)) FILTER (WHERE u.lexeme IS NOT NULL), '{}')
	FROM search_docs d LEFT JOIN LATERAL unnest(d.terms) u ON true WHERE d.id = ANY($1) GROUP BY d.id`

func readOldDocs(rows pgx.Rows) (map[int64]oldDoc, error) {
	defer rows.Close()
	olds := map[int64]oldDoc{}
	for rows.Next() {
		var id int64
		var o oldDoc
		var terms []string
		var high, all []int32
		if err := rows.Scan(&id, &o.high, &o.body, &terms, &high, &all); err != nil {
			return nil, err
		}
		o.terms = make(map[string][2]int, len(terms))
		for i, t := range terms {
			o.terms[t] = [2]int{int(high[i]), int(all[i] - high[i])}
		}
		olds[id] = o
	}
	return olds, rows.Err()
}

// kept is a term's counts as a tsvector keeps them (tsvector).
func kept(tf [2]uint16) [2]int {
	hi := min(int(tf[0]), maxPositions)
	return [2]int{hi, min(int(tf[1]), maxPositions-hi)}
}

// queue analyses list and queues, per agreement, the writes of its own
// index rows that change: its entry in search_docs, and its postings of
// terms it lost, gained or holds with other counts or norms.
func (ix *indexer) queue(b *pgx.Batch, list []agreement.Agreement, olds map[int64]oldDoc) {
	ix.queueAnalysed(b, list, analyse(ix.workers, list, ix.nm), olds)
}

// queueAnalysed is queue with list analysed (docsOf).
func (ix *indexer) queueAnalysed(b *pgx.Batch, list []agreement.Agreement, docsOf []analysed, olds map[int64]oldDoc) {
	for i := range list {
		a := &list[i]
		terms, lens := docsOf[i].terms, docsOf[i].lens
		o, had := olds[int64(a.ID)]
		var gone []string
		for t := range o.terms {
			ix.delta[t]--
			if _, ok := terms[t]; !ok {
				gone = append(gone, t)
			}
		}
		for t := range terms {
			ix.delta[t]++
		}
		if !had {
			ix.docs++
		}
		ix.high += int64(lens[0]) - o.high
		ix.body += int64(lens[1]) - o.body
		ts, tfs, norm := postingsOf(terms, lens)
		_, _, oldNorm := postingsOf(nil, [2]uint32{uint32(o.high), uint32(o.body)})
		same := had && len(gone) == 0 && int64(lens[0]) == o.high && int64(lens[1]) == o.body
		var cts []string
		var ctfs []int32
		for j, t := range ts {
			k := kept(terms[t])
			old, held := o.terms[t]
			if !held || old != k {
				same = false
			}
			// A term's stored counts are exact below the positions' cap.
			if !held || old != k || old[0]+old[1] >= maxPositions || norm != oldNorm {
				cts, ctfs = append(cts, t), append(ctfs, tfs[j])
			}
		}
		if same {
			continue
		}
		b.Queue(`INSERT INTO search_docs (id, len_high, len_body, terms) VALUES ($1, $2, $3, $4::tsvector)
			ON CONFLICT (id) DO UPDATE SET len_high = $2, len_body = $3, terms = $4::tsvector`,
			int64(a.ID), int64(lens[0]), int64(lens[1]), tsvector(terms))
		if len(gone) > 0 {
			sort.Strings(gone)
			b.Queue("DELETE FROM search_postings WHERE term = ANY($1) AND doc = $2", gone, int64(a.ID))
		}
		if len(cts) > 0 {
			b.Queue(`INSERT INTO search_postings (term, doc, tf, norm) SELECT t, $2, f, $4 FROM unnest($1::text[], $3::int[]) x(t, f)
				ON CONFLICT (term, doc) DO UPDATE SET tf = EXCLUDED.tf, norm = EXCLUDED.norm`, cts, int64(a.ID), ctfs, norm)
		}
	}
}

// finish queues the writes of the shared rows.
func (ix *indexer) finish(b *pgx.Batch) {
	var terms []string
	var counts []int64
	for t, d := range ix.delta {
		if d != 0 {
			terms = append(terms, t)
		}
	}
	sort.Strings(terms)
	for _, t := range terms {
		counts = append(counts, int64(ix.delta[t]))
	}
	if len(terms) > 0 {
		b.Queue(`INSERT INTO search_terms (term, df) SELECT * FROM unnest($1::text[], $2::int[])
			ON CONFLICT (term) DO UPDATE SET df = search_terms.df + EXCLUDED.df`, terms, counts)
		b.Queue("DELETE FROM search_terms WHERE term = ANY($1) AND df <= 0", terms)
	}
	if ix.docs != 0 || ix.high != 0 || ix.body != 0 {
		b.Queue("UPDATE search_stats SET docs = docs + $1, total_high = total_high + $2, total_body = total_body + $3",
			ix.docs, ix.high, ix.body)
	}
	surfaces := map[string]string{}
	for k, v := range ix.surfaces {
		surfaces[k] = v
	}
	for _, w := range ix.workers {
		for k, v := range w.Surfaces {
			surfaces[k] = v
		}
	}
	queueSurfaces(b, surfaces)
}

// analysed is one agreement's terms and field lengths.
type analysed struct {
	terms map[string][2]uint16
	lens  [2]uint32
}

// pendingDoc is the analysis of one agreement's text, run while its save
// waits for the server.
type pendingDoc struct {
	done chan struct{}
	analysed
	surfaces map[string]string
}

// analyseApart analyses text on a goroutine of its own (the text is read
// before: the names it reads are not safe for concurrent use).
func analyseApart(an *search.Analyzer, text [2]string) *pendingDoc {
	p := &pendingDoc{done: make(chan struct{})}
	go func() {
		defer close(p.done)
		w := an.SharedWorker()
		w.Surfaces = map[string]string{}
		p.terms, p.lens = w.Document(text)
		p.surfaces = w.Surfaces
	}()
	return p
}

// wait waits for the analysis and returns the derived words it met.
func (p *pendingDoc) wait() map[string]string {
	<-p.done
	return p.surfaces
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

// queueSurfaces queues the derived words met and their stems.
func queueSurfaces(b *pgx.Batch, surfaces map[string]string) {
	if len(surfaces) == 0 {
		return
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
	b.Queue(`INSERT INTO search_words (word, stem) SELECT * FROM unnest($1::text[], $2::text[])
		ON CONFLICT (word) DO NOTHING`, words, stems)
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
	if raw == nil {
		return nil
	}
	// Only the file references are decoded.
	var refs struct {
		Attachments []struct {
			File struct {
				SHA256 string `json:"sha256"`
			} `json:"file"`
		} `json:"attachments"`
		Lambang *struct {
			SHA256 string `json:"sha256"`
		} `json:"lambang"`
	}
	if json.Unmarshal(raw, &refs) != nil {
		return nil
	}
	switch t {
	case dataset.TypeAgreement:
		for _, at := range refs.Attachments {
			if sha := at.File.SHA256; sha != "" && !slices.Contains(out, sha) {
				out = append(out, sha)
			}
		}
	case dataset.TypeParty:
		if refs.Lambang != nil && refs.Lambang.SHA256 != "" {
			out = append(out, refs.Lambang.SHA256)
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
