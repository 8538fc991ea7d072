package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/search/fields"
	"sepakat/internal/service"
	"sepakat/internal/store/fts"
	"sepakat/internal/store/schema"
)

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

// searchBackend is the store's full-text index and records as dir's
// transaction sees them, agreements saved since the last merge included.
func (s *Store) searchBackend(dir txDir, src *fts.Source, an *search.Analyzer, now time.Time) service.SearchBackend {
	tx := dir.tx
	return service.SearchBackend{
		Analyzer: an,
		Find: func(q search.Query, f agreement.Filter) (*search.Match, error) {
			if src == nil {
				var err error
				if src, err = s.fts.Source(tx, indexDocs{dir}); err != nil {
					return nil, err
				}
			}
			m := search.Find(src, src.Analyzer(), q)
			if m.Len() >= restrictFrom {
				if ids, ok := filterIDs(tx, f, agreement.DateOf(now)); ok {
					m.Restrict(ids)
				}
			}
			return m, nil
		},
		// A damaged agreement is left out of the hits; the register, the Beranda
		// and check name it.
		Summary: func(id agreement.ID) (agreement.Summary, bool, error) {
			sum, ok, err := dir.summary(id)
			if errors.Is(err, service.ErrCorrupt) {
				return agreement.Summary{}, false, nil
			}
			return sum, ok, err
		},
		Text: func(id agreement.ID) ([2]string, error) {
			a, _, err := get[agreement.Agreement](tx, schema.Agreements, id)
			if err != nil {
				return [2]string{}, err
			}
			return fields.Text(dir, &a), nil
		},
	}
}

// Snippet is the snippet of one agreement for what a person typed (service.RunSnippet).
func (s *Store) Snippet(id agreement.ID, text string) (string, error) {
	var out string
	err := s.view(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		src, err := s.fts.Source(tx, indexDocs{dir})
		if err != nil {
			return err
		}
		out, err = service.RunSnippet(s.searchBackend(dir, src, src.Analyzer(), s.now()), id, text)
		return err
	})
	return out, err
}

// restrictFrom is the number of matches from which a filter is applied through an
// index before ranking rather than agreement by agreement after it.
const restrictFrom = 512

// Search finds agreements matching what a person typed, best first, within the
// filters (service.RunSearch), in one read transaction.
func (s *Store) Search(q service.SearchQuery) (service.SearchResult, error) {
	var res service.SearchResult
	now := s.now()
	err := s.view(func(tx *bolt.Tx) error {
		an, err := s.fts.Analyzer(tx) // one analysis for the whole query
		if err != nil {
			return err
		}
		res, err = service.RunSearch(s.searchBackend(s.dir(tx), nil, an, now), q, now)
		return err
	})
	return res, err
}
