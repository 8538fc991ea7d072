// Package fts keeps Sepakat's full-text index in the bbolt file: the buckets
// schema.Search*, written through a small API. Mark records, in a save's own
// transaction, that an agreement changed; Merge later folds the marked
// agreements into the postings; Rebuild builds everything again; Source is what
// queries read in a transaction, marked agreements included, so the index is
// never out of step with the records. The encodings are in search/postings.
//
// Terms are numbered: search_dict maps a term to its number and document
// frequency, search_ids the number back to the term. Postings are keyed by term
// number and chunk; each posting carries the norms of the fields it occurs in, so
// ranking reads nothing else.
package fts

import (
	"encoding/binary"
	"sync"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/search"
	"sepakat/internal/search/postings"
	"sepakat/internal/store/schema"
)

// MergeEvery is how many pending agreements wait before they are merged. Kept
// small, search_delta stays inline in its parent page, so marking an agreement
// pending writes no page of its own.
const MergeEvery = 32

// Docs is what the index reads of the records, inside one transaction.
type Docs interface {
	// Rev is a document's revision; false when it no longer exists.
	Rev(id uint64) (uint64, bool, error)
	// Text is a document's text by field group (see search/fields).
	Text(id uint64) ([2]string, error)
	// From calls fn with every document from ID from on, in increasing ID
	// order, and a function giving its text, which may be called from other
	// goroutines until the transaction ends. An error from fn ends the walk
	// and is returned.
	From(from uint64, fn func(id uint64, text func() ([2]string, error)) error) error
	// Last is the highest document ID, 0 when there is none.
	Last() uint64
}

// Index is the full-text index of one open data file: the analysis, loaded when
// first needed, and the analysis of pending agreements, remembered per revision.
type Index struct {
	mu    sync.Mutex // held while the analysis is built
	an    atomic.Pointer[search.Analyzer]
	loads atomic.Int64

	pending pendingCache
	slack   int // see postings.NormSlack

	// The rebuild under way (build.go).
	buildMu               sync.Mutex
	build                 *builderState
	batchDocs, batchBytes int
	// Reading, when set, runs a rebuild step in tx, whose writes stay in
	// memory until commit, so that the file's mapping does not move meanwhile:
	// the store releases the mapped pages the step reads as it goes.
	Reading func(tx *bolt.Tx, step func() error) error
}

func (x *Index) reading(tx *bolt.Tx, read func() error) error {
	if x.Reading == nil {
		return read()
	}
	return x.Reading(tx, read)
}

// New returns the index of a data file just opened; nothing is loaded yet.
func New() *Index { return &Index{slack: postings.NormSlack} }

// SetNormSlack sets how many norm steps a document's lengths may move before a
// merge rewrites all its postings; 0 makes merged postings exactly those a
// rebuild writes, which tests compare.
func (x *Index) SetNormSlack(steps int) { x.slack = steps }

// Analyzer returns the analysis: the shipped lists and the office's synonyms as
// stored in tx, built on first use (about 30 000 root words).
func (x *Index) Analyzer(tx *bolt.Tx) (*search.Analyzer, error) {
	if an := x.an.Load(); an != nil {
		return an, nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if an := x.an.Load(); an != nil {
		return an, nil
	}
	an, err := search.Shipped() // shared, with its memos warm
	if own := Synonyms(tx); own != "" {
		an, err = search.WithUserSynonyms(own)
	}
	if err != nil {
		return nil, err
	}
	x.loads.Add(1)
	// A SetSynonyms committed meanwhile has stored its own analysis: keep it.
	x.an.CompareAndSwap(nil, an)
	return x.an.Load(), nil
}

// Loads counts how many times the analysis was built for this index.
func (x *Index) Loads() int64 { return x.loads.Load() }

// Use makes an the analysis from now on (the office's synonyms changed and the
// index was rebuilt with it), forgetting what was analysed with the old one.
func (x *Index) Use(an *search.Analyzer) {
	x.an.Store(an)
	x.pending.reset()
}

// Synonyms is the office's own synonym list stored in tx.
func Synonyms(tx *bolt.Tx) string {
	if meta := tx.Bucket(schema.Meta); meta != nil {
		return string(meta.Get(schema.KeySearchSynonyms))
	}
	return ""
}

// Current reports whether the index in tx was built with the analysis the
// shipped lists and the stored synonyms make now. It reads the lists but does
// not build the analysis.
func Current(tx *bolt.Tx) (bool, error) {
	want, err := search.FingerprintFor(Synonyms(tx))
	if err != nil {
		return false, err
	}
	return string(tx.Bucket(schema.Meta).Get(schema.KeySearchAnalyzer)) == want, nil
}

// Init marks the empty index of a new data file as built with the analysis the
// shipped lists make, so that opening it builds nothing.
func Init(tx *bolt.Tx) error {
	fp, err := search.FingerprintFor(Synonyms(tx))
	if err != nil {
		return err
	}
	return tx.Bucket(schema.Meta).Put(schema.KeySearchAnalyzer, []byte(fp))
}

// Mark records that an agreement was saved (or removed), in the save's
// transaction: queries analyse it as it stands until a merge folds it in.
func (x *Index) Mark(tx *bolt.Tx, id uint64) error {
	x.pending.drop(id) // a party or signer it names may have changed
	return tx.Bucket(schema.SearchDelta).Put(schema.ID(id), nil)
}

// Pending counts the agreements marked since the last merge.
func Pending(tx *bolt.Tx) int { return tx.Bucket(schema.SearchDelta).Stats().KeyN }

// pendingCache remembers the analysis of pending agreements per revision.
type pendingCache struct {
	mu sync.Mutex
	m  map[uint64]pendingEntry
}

type pendingEntry struct {
	rev uint64
	f   *postings.Forward
}

func (c *pendingCache) drop(id uint64) {
	c.mu.Lock()
	delete(c.m, id)
	c.mu.Unlock()
}

func (c *pendingCache) reset() {
	c.mu.Lock()
	c.m = nil
	c.mu.Unlock()
}

// forward analyses a document as it stands in docs, reusing the analysis of the
// same revision; w is the caller's worker (nil: the shared memo). It reports
// false when the document no longer exists.
func (x *Index) forward(an *search.Analyzer, w *search.Worker, docs Docs, id uint64) (*postings.Forward, bool, error) {
	rev, ok, err := docs.Rev(id)
	if err != nil || !ok {
		return nil, false, err
	}
	x.pending.mu.Lock()
	e, hit := x.pending.m[id]
	x.pending.mu.Unlock()
	if hit && e.rev == rev {
		return e.f, true, nil
	}
	text, err := docs.Text(id)
	if err != nil {
		return nil, false, err
	}
	f := postings.ForwardOf(an, w, text)
	x.pending.mu.Lock()
	if x.pending.m == nil || len(x.pending.m) >= 4096 {
		x.pending.m = map[uint64]pendingEntry{}
	}
	x.pending.m[id] = pendingEntry{rev: rev, f: f}
	x.pending.mu.Unlock()
	return f, true, nil
}

func getCounter(meta *bolt.Bucket, key []byte) uint64 {
	if raw := meta.Get(key); len(raw) == 8 {
		return binary.BigEndian.Uint64(raw)
	}
	return 0
}

func putCounter(meta *bolt.Bucket, key []byte, v uint64) error {
	return meta.Put(key, binary.BigEndian.AppendUint64(nil, v))
}

func addCounter(meta *bolt.Bucket, key []byte, delta int64) error {
	return putCounter(meta, key, uint64(int64(getCounter(meta, key))+delta))
}

// Size is the space the index's buckets take in the file, in bytes.
func Size(tx *bolt.Tx) int64 {
	var n int64
	for _, name := range schema.SearchBuckets {
		if b := tx.Bucket(name); b != nil {
			st := b.Stats()
			n += int64(st.BranchAlloc + st.LeafAlloc)
		}
	}
	return n
}
