package fts

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/search"
	"sepakat/internal/search/postings"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// Source reads the full-text index inside one transaction: the merged postings,
// minus the pending agreements' old ones, plus the pending agreements analysed
// as they stand.
type Source struct {
	dict, blocks, words *bolt.Bucket
	stats               search.Stats
	buf                 []search.Posting
	pending             map[uint64]pendingDoc
	pendingDocs         []uint64 // increasing
	pendingChunks       map[uint32]bool
	analyzer            *search.Analyzer
}

var _ search.Source = (*Source)(nil)

// pendingDoc is an agreement saved since the last merge, analysed as it stands.
type pendingDoc struct {
	f     *postings.Forward
	norms [2]uint8
	// merged are the term numbers of the version merged before, increasing.
	merged []uint32
}

func (p pendingDoc) wasMerged(id uint32) bool {
	i := sort.Search(len(p.merged), func(i int) bool { return p.merged[i] >= id })
	return i < len(p.merged) && p.merged[i] == id
}

func (p pendingDoc) posting(doc uint64, term string) (search.Posting, bool) {
	tf, ok := p.f.Terms[term]
	if !ok {
		return search.Posting{}, false
	}
	return postings.PostingOf(doc, tf, p.norms), true
}

// Source returns what queries read in tx, and the analysis to parse them with.
// While a rebuild is under way it returns a *service.RebuildingError.
func (x *Index) Source(tx *bolt.Tx, docs Docs) (*Source, error) {
	if st, err := readState(tx); err != nil || st != nil {
		if err == nil {
			err = rebuilding(st)
		}
		return nil, err
	}
	an, err := x.Analyzer(tx)
	if err != nil {
		return nil, err
	}
	src := &Source{dict: tx.Bucket(schema.SearchDict), blocks: tx.Bucket(schema.SearchTerms),
		words: tx.Bucket(schema.SearchWords), pending: map[uint64]pendingDoc{}, pendingChunks: map[uint32]bool{},
		analyzer: an}
	stored := tx.Bucket(schema.SearchDocs)
	meta := tx.Bucket(schema.Meta)
	n := int64(getCounter(meta, schema.KeySearchDocs))
	lens := [2]int64{int64(getCounter(meta, schema.KeySearchLen0)), int64(getCounter(meta, schema.KeySearchLen1))}
	err = tx.Bucket(schema.SearchDelta).ForEach(func(k, _ []byte) error {
		doc := binary.BigEndian.Uint64(k)
		f, ok, err := x.forward(an, nil, docs, doc)
		if err != nil {
			return err
		}
		if !ok {
			f = postings.Empty() // removed: hides its old postings
		}
		old := stored.Get(k)
		switch {
		case old == nil && ok:
			n++
		case old != nil && !ok:
			n--
		}
		pd := pendingDoc{f: f, norms: search.Norms(f.Lens)}
		var oldLens [2]uint32
		if old != nil {
			sf, ok := postings.DecodeStored(old)
			if !ok {
				return service.ErrCorrupt
			}
			oldLens = sf.Lens
			for _, t := range sf.Terms {
				pd.merged = append(pd.merged, t.ID)
			}
		}
		for i := range oldLens {
			lens[i] += int64(f.Lens[i]) - int64(oldLens[i])
		}
		src.pending[doc] = pd
		src.pendingDocs = append(src.pendingDocs, doc)
		src.pendingChunks[postings.ChunkOf(doc)] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	if n > 0 {
		src.stats.Docs = int(n)
		for i := range lens {
			src.stats.AvgLen[i] = float64(max(lens[i], 0)) / float64(n)
		}
	}
	src.stats.MaxDoc = docs.Last()
	return src, nil
}

// Analyzer is the analysis the index was read with.
func (s *Source) Analyzer() *search.Analyzer { return s.analyzer }

// Stats implements search.Source.
func (s *Source) Stats() search.Stats { return s.stats }

func (s *Source) termID(term string) (uint32, uint64, bool) {
	return postings.ParseDict(s.dict.Get([]byte(term)))
}

// DF counts the agreements that hold term: the merged count, corrected for the
// pending agreements.
func (s *Source) DF(term string) int {
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
func (s *Source) block(raw []byte, chunk uint32) []search.Posting {
	s.buf = postings.DecodeBlock(raw, s.buf[:0])
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

// Scan implements search.Source.
func (s *Source) Scan(term string, fn func([]search.Posting)) {
	var fresh []search.Posting // the pending agreements' postings, in order
	for _, doc := range s.pendingDocs {
		if p, ok := s.pending[doc].posting(doc, term); ok {
			fresh = append(fresh, p)
		}
	}
	if id, _, ok := s.termID(term); ok {
		prefix := schema.TermKey(id)
		c := s.blocks.Cursor()
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

// Probe implements search.Source.
func (s *Source) Probe(term string, docs []uint64, fn func(int, search.Posting)) {
	id, _, indexed := s.termID(term)
	if !indexed && len(s.pending) == 0 {
		return
	}
	for i := 0; i < len(docs); {
		chunk := postings.ChunkOf(docs[i])
		j := i + 1
		for j < len(docs) && postings.ChunkOf(docs[j]) == chunk {
			j++
		}
		if s.pendingChunks[chunk] {
			for x := i; x < j; x++ {
				if p, ok := s.pending[docs[x]]; ok {
					if ps, ok := p.posting(docs[x], term); ok {
						fn(x, ps)
					}
				}
			}
		}
		if indexed {
			if raw := s.blocks.Get(schema.PostingsKey(id, chunk)); raw != nil {
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

// Derived implements search.Source: the words bucket and the documents not
// yet merged.
func (s *Source) Derived(words []string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words {
		if s.words.Get([]byte(w)) != nil {
			out[w] = true
			continue
		}
		for _, pd := range s.pending {
			if _, ok := pd.f.Surfaces[w]; ok {
				out[w] = true
				break
			}
		}
	}
	return out
}

// expandScan bounds how many dictionary entries a prefix reads.
const expandScan = 20000

// Expand lists the terms that start with prefix and the stems of the derived
// words that do ("pelay" → layan, from "pelayanan"), most frequent first.
func (s *Source) Expand(prefix string, limit int) []string {
	df := map[string]int{}
	p := []byte(prefix)
	c := s.dict.Cursor()
	n := 0
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && n < expandScan; k, v = c.Next() {
		if _, d, ok := postings.ParseDict(v); ok && d > 0 {
			df[string(k)] = int(d)
		}
		n++
	}
	var stems []string
	c = s.words.Cursor()
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p) && n < 2*expandScan; k, v = c.Next() {
		stems = append(stems, string(v))
		n++
	}
	for _, pd := range s.pending {
		for t := range pd.f.Terms {
			if strings.HasPrefix(t, prefix) {
				stems = append(stems, t)
			}
		}
		for w, stem := range pd.f.Surfaces {
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
