package store

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// txSource reads the full-text index inside one read transaction.
type txSource struct {
	tx                   *bolt.Tx
	dict, postings, docs *bolt.Bucket
	stats                search.Stats
	buf                  []search.Posting
	pending              map[uint64]pendingDoc
	pendingDocs          []uint64 // increasing
	pendingChunks        map[uint32]bool
}

// pendingDoc is an agreement saved since the last merge, analysed as it stands.
type pendingDoc struct {
	f     *forward
	norms [2]uint8
	// merged are the term numbers of the version merged before, increasing.
	merged []uint32
}

func (p pendingDoc) wasMerged(id uint32) bool {
	i := sort.Search(len(p.merged), func(i int) bool { return p.merged[i] >= id })
	return i < len(p.merged) && p.merged[i] == id
}

func (p pendingDoc) posting(doc uint64, term string) (search.Posting, bool) {
	tf, ok := p.f.terms[term]
	if !ok {
		return search.Posting{}, false
	}
	return postingOf(doc, tf, p.norms), true
}

// find matches a parsed query against the index as dir's transaction sees it,
// agreements saved since the last merge included.
func (s *Store) find(dir txDir, an *search.Analyzer, q search.Query) (*search.Match, error) {
	src, err := s.newTxSource(dir)
	if err != nil {
		return nil, err
	}
	return search.Find(src, an, q), nil
}

func (s *Store) newTxSource(dir txDir) (*txSource, error) {
	tx := dir.tx
	src := &txSource{tx: tx, dict: tx.Bucket(schema.SearchDict), postings: tx.Bucket(schema.SearchTerms),
		docs: tx.Bucket(schema.SearchDocs), pending: map[uint64]pendingDoc{}, pendingChunks: map[uint32]bool{}}
	meta := tx.Bucket(schema.Meta)
	docs := int64(getCounter(meta, schema.KeySearchDocs))
	lens := [2]int64{int64(getCounter(meta, schema.KeySearchLen0)), int64(getCounter(meta, schema.KeySearchLen1))}
	err := tx.Bucket(schema.SearchDelta).ForEach(func(k, _ []byte) error {
		f, ok, err := s.forwardNow(dir, keyID(k))
		if err != nil {
			return err
		}
		if !ok {
			f = &forward{terms: map[string][2]uint16{}} // removed: hides its old postings
		}
		old := src.docs.Get(k)
		switch {
		case old == nil && ok:
			docs++
		case old != nil && !ok:
			docs--
		}
		pd := pendingDoc{f: f, norms: search.Norms(f.lens)}
		var oldLens [2]uint32
		if old != nil {
			sf, ok := decodeStoredForward(old)
			if !ok {
				return service.ErrCorrupt
			}
			oldLens = sf.lens
			for _, t := range sf.terms {
				pd.merged = append(pd.merged, t.id)
			}
		}
		for i := range oldLens {
			lens[i] += int64(f.lens[i]) - int64(oldLens[i])
		}
		doc := binary.BigEndian.Uint64(k)
		src.pending[doc] = pd
		src.pendingDocs = append(src.pendingDocs, doc)
		src.pendingChunks[chunkOf(doc)] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	if docs > 0 {
		src.stats.Docs = int(docs)
		for i := range lens {
			src.stats.AvgLen[i] = float64(max(lens[i], 0)) / float64(docs)
		}
	}
	if k, _ := tx.Bucket(schema.Agreements).Cursor().Last(); len(k) >= 8 {
		src.stats.MaxDoc = binary.BigEndian.Uint64(k[:8])
	}
	return src, nil
}

func (s *txSource) Stats() search.Stats { return s.stats }

func (s *txSource) termID(term string) (uint32, uint64, bool) {
	return parseDict(s.dict.Get([]byte(term)))
}

// DF counts the agreements that hold term: the merged count, corrected for the
// pending agreements.
func (s *txSource) DF(term string) int {
	id, df, indexed := s.termID(term)
	n := int(df)
	for doc, p := range s.pending {
		if _, ok := p.posting(doc, term); ok {
			n++
		}
		if indexed && p.wasMerged(id) {
			n--
		}
	}
	return max(n, 0)
}

// block reads one postings block without the pending agreements' stale postings.
func (s *txSource) block(raw []byte, chunk uint32) []search.Posting {
	s.buf = decodeBlock(raw, s.buf[:0])
	if !s.pendingChunks[chunk] {
		return s.buf
	}
	kept := s.buf[:0]
	for _, p := range s.buf {
		if _, stale := s.pending[p.Doc]; !stale {
			kept = append(kept, p)
		}
	}
	return kept
}

func (s *txSource) Scan(term string, fn func([]search.Posting)) {
	var fresh []search.Posting // the pending agreements' postings, in order
	for _, doc := range s.pendingDocs {
		if p, ok := s.pending[doc].posting(doc, term); ok {
			fresh = append(fresh, p)
		}
	}
	if id, _, ok := s.termID(term); ok {
		prefix := termKey(id)
		c := s.postings.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			ps := s.block(v, binary.BigEndian.Uint32(k[4:]))
			if len(fresh) > 0 && len(ps) > 0 && fresh[0].Doc < ps[len(ps)-1].Doc {
				ps = mergePostings(ps, fresh, ps[len(ps)-1].Doc)
				fresh = fresh[len(fresh)-countAbove(fresh, ps[len(ps)-1].Doc):]
			}
			if len(ps) > 0 {
				fn(ps)
			}
		}
	}
	if len(fresh) > 0 {
		fn(fresh)
	}
}

// mergePostings merges the postings of fresh up to doc last into ps, in order.
func mergePostings(ps, fresh []search.Posting, last uint64) []search.Posting {
	out := make([]search.Posting, 0, len(ps)+len(fresh))
	i := 0
	for _, f := range fresh {
		if f.Doc > last {
			break
		}
		for i < len(ps) && ps[i].Doc < f.Doc {
			out = append(out, ps[i])
			i++
		}
		out = append(out, f)
	}
	return append(out, ps[i:]...)
}

// countAbove counts the postings of fresh (in order) after doc.
func countAbove(fresh []search.Posting, doc uint64) int {
	n := 0
	for i := len(fresh) - 1; i >= 0 && fresh[i].Doc > doc; i-- {
		n++
	}
	return n
}

func (s *txSource) Probe(term string, docs []uint64, fn func(int, search.Posting)) {
	id, _, indexed := s.termID(term)
	if !indexed && len(s.pending) == 0 {
		return
	}
	for i := 0; i < len(docs); {
		chunk := chunkOf(docs[i])
		j := i + 1
		for j < len(docs) && chunkOf(docs[j]) == chunk {
			j++
		}
		pendingChunk := s.pendingChunks[chunk]
		if pendingChunk {
			for x := i; x < j; x++ {
				if p, ok := s.pending[docs[x]]; ok {
					if ps, ok := p.posting(docs[x], term); ok {
						fn(x, ps)
					}
				}
			}
		}
		if indexed {
			if raw := s.postings.Get(postingsKey(id, chunk)); raw != nil {
				m := i // pending agreements' stale postings are out of the block
				for _, p := range s.block(raw, chunk) {
					for m < j && docs[m] < p.Doc {
						m++
					}
					if m == j {
						break
					}
					if docs[m] == p.Doc {
						fn(m, p)
					}
				}
			}
		}
		i = j
	}
}

// expandScan bounds how many dictionary entries a prefix reads.
const expandScan = 20000

// Expand lists the terms that start with prefix and the stems of the derived
// words that do ("pelay" → layan, from "pelayanan"), most frequent first.
func (s *txSource) Expand(prefix string, limit int) []string {
	df := map[string]int{}
	p := []byte(prefix)
	c := s.dict.Cursor()
	n := 0
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && n < expandScan; k, v = c.Next() {
		if _, d, ok := parseDict(v); ok && d > 0 {
			df[string(k)] = int(d)
		}
		n++
	}
	var stems []string
	c = s.tx.Bucket(schema.SearchWords).Cursor()
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && n < 2*expandScan; k, v = c.Next() {
		stems = append(stems, string(v))
		n++
	}
	for _, pd := range s.pending {
		for t := range pd.f.terms {
			if strings.HasPrefix(t, prefix) {
				stems = append(stems, t)
			}
		}
		for w, stem := range pd.f.surfaces {
			if strings.HasPrefix(w, prefix) {
				stems = append(stems, stem)
			}
		}
	}
	for _, t := range stems {
		if _, ok := df[t]; !ok {
			df[t] = s.DF(t)
		}
	}
	out := make([]string, 0, len(df))
	for t, d := range df {
		if d > 0 {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if df[out[i]] != df[out[j]] {
			return df[out[i]] > df[out[j]]
		}
		return out[i] < out[j]
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// filterIDs lists, in increasing order, the agreements an index says may pass the
// filter: those of its partner, year, kind or status (the first set), or ending
// within its days. It reports false when the filter uses none of those.
func filterIDs(tx *bolt.Tx, f agreement.Filter, today agreement.Date) ([]uint64, bool) {
	var bucket, prefix []byte
	switch {
	case f.Party != 0:
		bucket, prefix = schema.IdxParty, idKey(f.Party)
	case f.Year != 0:
		bucket, prefix = schema.IdxYear, year2(f.Year)
	case f.Kind != "":
		bucket, prefix = schema.IdxKind, cat([]byte(f.Kind), []byte{0})
	case f.EndsWithin > 0:
		var ids []uint64
		last := dateKey(today.AddDate(0, 0, f.EndsWithin))
		c := tx.Bucket(schema.IdxEnd).Cursor()
		for k, _ := c.Seek(dateKey(today)); k != nil && len(k) == 16 && bytes.Compare(k[:8], last) <= 0; k, _ = c.Next() {
			ids = append(ids, binary.BigEndian.Uint64(k[8:]))
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		return ids, true
	case f.Status != "":
		bucket, prefix = schema.IdxStatus, cat([]byte(f.Status), []byte{0})
	default:
		return nil, false
	}
	return indexIDs(tx, bucket, prefix), true
}

// Snippet is the snippet of one agreement for what a person typed: the line
// that best shows the match, the matched words in [brackets]; "" when the text
// does not match.
func (s *Store) Snippet(id agreement.ID, text string) (string, error) {
	an := s.an()
	parsed := search.ParseQuery(an, text)
	if parsed.Empty() {
		return "", nil
	}
	var out string
	err := s.db.View(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		m, err := s.find(dir, an, parsed)
		if err != nil {
			return err
		}
		m.Restrict([]uint64{uint64(id)})
		hits := m.Top(1, nil)
		if len(hits) == 0 {
			return nil
		}
		a, _, err := get[agreement.Agreement](tx, schema.Agreements, id)
		if err != nil {
			return err
		}
		out = search.Snippet(an, searchText(dir, &a), hits[0].Matched, 180)
		return nil
	})
	return out, err
}

// summaryLines are the texts of an agreement's list row.
func summaryLines(sum *agreement.Summary) []string {
	lines := []string{sum.Kind.Title(), sum.Subject, sum.OwnNumber, sum.PartnerNumber}
	for _, p := range sum.Parties {
		lines = append(lines, p.Name)
	}
	return lines
}

// restrictFrom is the number of matches from which a filter is applied through an
// index before ranking rather than agreement by agreement after it.
const restrictFrom = 512

// Search finds agreements matching what a person typed, best first, within the
// filters. An empty or stopword-only query gives no results and says why.
func (s *Store) Search(q service.SearchQuery) (service.SearchResult, error) {
	var res service.SearchResult
	an := s.an() // one analysis for the whole query
	parsed := search.ParseQuery(an, q.Text)
	res.Truncated = parsed.Truncated
	res.OnlyStopwords = parsed.OnlyStopwords
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	if parsed.Empty() {
		return res, nil
	}
	now := s.now()
	err := s.db.View(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		m, err := s.find(dir, an, parsed)
		if err != nil {
			return err
		}
		if m.Len() >= restrictFrom {
			if ids, ok := filterIDs(tx, q.Filter, agreement.DateOf(now)); ok {
				m.Restrict(ids)
			}
		}
		texts := map[uint64][2]string{}
		textOf := func(doc uint64) ([2]string, error) {
			if t, ok := texts[doc]; ok {
				return t, nil
			}
			a, _, err := get[agreement.Agreement](tx, schema.Agreements, agreement.ID(doc))
			if err != nil {
				return [2]string{}, err
			}
			t := searchText(dir, &a)
			texts[doc] = t
			return t, nil
		}
		var failed error
		accept := func(doc uint64) bool {
			sum, ok, err := dir.summary(agreement.ID(doc))
			if err != nil {
				failed = err
			}
			if err != nil || !ok || !q.Filter.Match(sum, now) {
				return false
			}
			for _, ph := range m.Phrases() {
				t, err := textOf(doc)
				if err != nil {
					failed = err
					return false
				}
				if !an.ContainsPhrase(t[0], ph) && !an.ContainsPhrase(t[1], ph) {
					return false
				}
			}
			return true
		}
		for i, h := range m.Top(limit, accept) {
			sum, _, err := dir.summary(agreement.ID(h.Doc))
			if err != nil {
				return err
			}
			if q.Snippets > 0 && i >= q.Snippets {
				res.Hits = append(res.Hits, service.SearchHit{Summary: sum, Score: h.Score})
				continue
			}
			// When the list row itself shows every word searched for, the snippet
			// comes from it; otherwise from the whole text, to show the match.
			lines := summaryLines(&sum)
			t := [2]string{strings.Join(lines, "\n"), ""}
			if _, decoded := texts[h.Doc]; decoded || !an.Covers(lines, m.Groups()) {
				if t, err = textOf(h.Doc); err != nil {
					return err
				}
			}
			res.Hits = append(res.Hits, service.SearchHit{Summary: sum, Score: h.Score,
				Snippet: search.Snippet(an, t, h.Matched, 180)})
		}
		return failed
	})
	return res, err
}
