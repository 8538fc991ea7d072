package store

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/search/fields"
	"sepakat/internal/service"
	"sepakat/internal/store/fts"
	"sepakat/internal/store/schema"
)

// find matches a parsed query against the index as dir's transaction sees it,
// agreements saved since the last merge included.
func find(src *fts.Source, q search.Query) *search.Match {
	return search.Find(src, src.Analyzer(), q)
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
		last := today.AddDate(0, 0, f.EndsWithin).Key()
		c := tx.Bucket(schema.IdxEnd).Cursor()
		for k, _ := c.Seek(today.Key()); k != nil && len(k) == 16 && bytes.Compare(k[:8], last) <= 0; k, _ = c.Next() {
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
	var out string
	err := s.db.View(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		src, err := s.fts.Source(tx, indexDocs{dir})
		if err != nil {
			return err
		}
		an := src.Analyzer()
		parsed := search.ParseQuery(an, text)
		if parsed.Empty() {
			return nil
		}
		m := find(src, parsed)
		m.Restrict([]uint64{uint64(id)})
		hits := m.Top(1, nil)
		if len(hits) == 0 {
			return nil
		}
		a, _, err := get[agreement.Agreement](tx, schema.Agreements, id)
		if err != nil {
			return err
		}
		out = search.Snippet(an, fields.Text(dir, &a), hits[0].Matched, 180)
		return nil
	})
	return out, err
}

// restrictFrom is the number of matches from which a filter is applied through an
// index before ranking rather than agreement by agreement after it.
const restrictFrom = 512

// Search finds agreements matching what a person typed, best first, within the
// filters. An empty or stopword-only query gives no results and says why.
func (s *Store) Search(q service.SearchQuery) (service.SearchResult, error) {
	var res service.SearchResult
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	now := s.now()
	err := s.db.View(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		an, err := s.fts.Analyzer(tx) // one analysis for the whole query
		if err != nil {
			return err
		}
		parsed := search.ParseQuery(an, q.Text)
		res.Truncated = parsed.Truncated
		res.OnlyStopwords = parsed.OnlyStopwords
		if parsed.Empty() {
			return nil
		}
		src, err := s.fts.Source(tx, indexDocs{dir})
		if err != nil {
			return err
		}
		m := find(src, parsed)
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
			t := fields.Text(dir, &a)
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
			lines := sum.Lines()
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
