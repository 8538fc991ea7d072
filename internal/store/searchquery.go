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
)

// txSource reads the full-text index inside one read transaction.
type txSource struct {
	tx    *bolt.Tx
	terms *bolt.Bucket
	docs  *bolt.Bucket
	// pending are the agreements not yet merged, analysed as they stand.
	pending map[uint64]*forward
	// extra corrects the merged statistics for the pending agreements.
	extraDocs int
	extraLen  [2]int64
}

func (s *Store) newTxSource(dir txDir) (*txSource, error) {
	tx := dir.tx
	src := &txSource{tx: tx, terms: tx.Bucket(bucketSearchTerms), docs: tx.Bucket(bucketSearchDocs), pending: map[uint64]*forward{}}
	err := tx.Bucket(bucketSearchDelta).ForEach(func(k, _ []byte) error {
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
			src.extraDocs++
		case old != nil && !ok:
			src.extraDocs--
		}
		var oldLens [2]uint32
		if old != nil {
			oldLens = lensOf(old)
		}
		for i := range oldLens {
			src.extraLen[i] += int64(f.lens[i]) - int64(oldLens[i])
		}
		src.pending[binary.BigEndian.Uint64(k)] = f
		return nil
	})
	return src, err
}

func (s *txSource) Postings(term string) []search.Posting {
	var out block
	prefix := append([]byte(term), 0)
	c := s.terms.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(k) == len(prefix)+4; k, v = c.Next() {
		n := len(out)
		out = decodeBlock(v, out)
		if len(s.pending) > 0 {
			kept := out[:n]
			for _, p := range out[n:] {
				if _, stale := s.pending[p.Doc]; !stale {
					kept = append(kept, p)
				}
			}
			out = kept
		}
	}
	for doc, f := range s.pending {
		if tf, ok := f.terms[term]; ok {
			out = append(out, search.Posting{Doc: doc, TF: tf})
		}
	}
	return out
}

func (s *txSource) Has(term string) bool {
	prefix := append([]byte(term), 0)
	if k, _ := s.terms.Cursor().Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(k) == len(prefix)+4 {
		return true
	}
	for _, f := range s.pending {
		if _, ok := f.terms[term]; ok {
			return true
		}
	}
	return false
}

func (s *txSource) Expand(prefix string, limit int) []string {
	df := map[string]int{}
	c := s.terms.Cursor()
	p := []byte(prefix)
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
		i := bytes.IndexByte(k, 0)
		if i < 0 {
			continue
		}
		n, _ := binary.Uvarint(v)
		df[string(k[:i])] += int(n)
		if len(df) > 4*limit {
			break
		}
	}
	for _, f := range s.pending {
		for t := range f.terms {
			if strings.HasPrefix(t, prefix) {
				df[t]++
			}
		}
	}
	out := make([]string, 0, len(df))
	for t := range df {
		out = append(out, t)
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

func (s *txSource) Stats() (int, [2]float64) {
	meta := s.tx.Bucket(bucketMeta)
	get := func(k []byte) float64 {
		if v := meta.Get(k); len(v) == 8 {
			return float64(binary.BigEndian.Uint64(v))
		}
		return 0
	}
	n := get(keySearchDocs) + float64(s.extraDocs)
	if n <= 0 {
		return 0, [2]float64{}
	}
	return int(n), [2]float64{(get(keySearchLen0) + float64(s.extraLen[0])) / n, (get(keySearchLen1) + float64(s.extraLen[1])) / n}
}

func (s *txSource) Len(doc uint64) [2]uint32 {
	if f, ok := s.pending[doc]; ok {
		return f.lens
	}
	if raw := s.docs.Get(idKey(agreement.ID(doc))); raw != nil {
		return lensOf(raw)
	}
	return [2]uint32{}
}

// Search finds agreements matching what a person typed, best first, within the
// filters. An empty or stopword-only query gives no results and says why.
func (s *Store) Search(q service.SearchQuery) (service.SearchResult, error) {
	var res service.SearchResult
	parsed := search.ParseQuery(s.analyzer, q.Text)
	res.Truncated = parsed.Truncated
	res.OnlyStopwords = parsed.OnlyStopwords
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		allow := func(doc uint64) bool {
			sum, ok, err := dir.summary(agreement.ID(doc))
			return err == nil && ok && q.Filter.Match(sum, s.now())
		}
		if parsed.Empty() {
			return nil
		}
		src, err := s.newTxSource(dir)
		if err != nil {
			return err
		}
		for _, h := range search.Rank(src, s.analyzer, parsed, limit, allow) {
			sum, ok, err := dir.summary(agreement.ID(h.Doc))
			if err != nil || !ok {
				continue
			}
			a, _, err := get[agreement.Agreement](tx, bucketAgreements, agreement.ID(h.Doc))
			if err != nil {
				return err
			}
			res.Hits = append(res.Hits, service.SearchHit{Summary: sum, Score: h.Score,
				Snippet: search.Snippet(s.analyzer, searchText(dir, &a), h.Matched, 180)})
		}
		return nil
	})
	return res, err
}
