package fts

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"runtime"
	"slices"
	"sort"
	"sync"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/search"
	"sepakat/internal/search/postings"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// A full rebuild runs in steps, one write transaction each, so that its memory
// and its dirty pages stay bounded whatever the register's size; the state in
// meta (schema.KeySearchBuild) says how far it got, and a rebuild killed
// half-way resumes from there at the next Step. While the state is there,
// Source refuses with a *service.RebuildingError and Merge leaves the marked
// agreements for later.
//
//  1. docs: a batch of agreements in ID order is analysed; their forward
//     entries go to search_docs, new terms to search_ids, and the batch's
//     postings, term by term, to search_build under part(4) term(4): every
//     write appends at the end of its bucket.
//  2. terms: the parts are merged into search_terms term by term (all parts are
//     read side by side), again appending, a bounded number of bytes per step.
//  3. dict: the dictionary is written in term order with the document
//     frequencies counted from the postings, the scratch bucket dropped, the
//     counters and the analysis's fingerprint stored, and the state removed.
const (
	phaseDocs  = 1
	phaseTerms = 2
	phaseDict  = 3
)

// buildState is the meta record of a rebuild under way.
type buildState struct {
	Phase       int      `json:"phase"`
	Analyzer    string   `json:"analyzer"`        // fingerprint of the analysis it builds with
	Next        uint64   `json:"next"`            // docs: the next agreement ID; terms: the next term number
	Last        uint64   `json:"last"`            // the highest agreement ID when it began, for progress
	Terms       uint32   `json:"terms"`           // terms numbered so far
	Parts       []uint32 `json:"parts,omitempty"` // the chunk of each part written in phase docs
	Docs        uint64   `json:"docs"`
	Len0, Len1  uint64
	Steps       int  `json:"steps"`
	Cleared     bool `json:"cleared"` // the old index is gone (the first step)
	ResumeCount int  `json:"resumes"` // how many times a process took it up again
}

// Progress is how far a rebuild got.
type Progress struct {
	// Building is false when the index is complete.
	Building bool
	// Percent is an estimate, 0–99 while building.
	Percent int
	// Phase: 1 analysing agreements, 2 writing postings, 3 the dictionary.
	Phase int
	// Docs analysed so far.
	Docs uint64
	// Resumes counts the times a rebuild was taken up again by a new process.
	Resumes int
}

func (st *buildState) progress() Progress {
	p := Progress{Building: true, Phase: st.Phase, Docs: st.Docs, Resumes: st.ResumeCount}
	switch st.Phase {
	case phaseDocs:
		if st.Last > 0 {
			p.Percent = int(min(st.Next, st.Last) * 85 / (st.Last + 1))
		}
	case phaseTerms:
		p.Percent = 85
		if st.Terms > 0 {
			p.Percent += int(min(st.Next, uint64(st.Terms)) * 13 / uint64(st.Terms))
		}
	default:
		p.Percent = 99
	}
	return p
}

func readState(tx *bolt.Tx) (*buildState, error) {
	raw := tx.Bucket(schema.Meta).Get(schema.KeySearchBuild)
	if raw == nil {
		return nil, nil
	}
	var st buildState
	if err := json.Unmarshal(raw, &st); err != nil || st.Phase < phaseDocs || st.Phase > phaseDict {
		return nil, service.ErrCorrupt
	}
	return &st, nil
}

func writeState(tx *bolt.Tx, st *buildState) error {
	raw, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return tx.Bucket(schema.Meta).Put(schema.KeySearchBuild, raw)
}

// State reports how far a rebuild under way got; Building is false when none is.
func State(tx *bolt.Tx) (Progress, error) {
	st, err := readState(tx)
	if err != nil || st == nil {
		return Progress{}, err
	}
	return st.progress(), nil
}

// rebuilding is the error queries get while a rebuild is under way.
func rebuilding(st *buildState) error {
	return &service.RebuildingError{Percent: st.progress().Percent}
}

// Begin empties the index and records a rebuild with the analysis in use, in
// tx; the Steps that follow build it. Agreements marked before are analysed
// by the build itself; those saved while it runs stay marked for a merge after.
func (x *Index) Begin(tx *bolt.Tx, docs Docs) error {
	an, err := x.Analyzer(tx)
	if err != nil {
		return err
	}
	return x.BeginWith(tx, docs, an.Fingerprint())
}

// BeginWith is Begin with the analysis of that fingerprint, which the Steps
// build (they begin again when the analysis in use has another).
func (x *Index) BeginWith(tx *bolt.Tx, docs Docs, fingerprint string) error {
	x.pending.reset()
	x.dropBuild()
	// Emptying the old index frees many pages: left to the first Step, so that
	// an open that begins a rebuild returns at once.
	return writeState(tx, &buildState{Phase: phaseDocs, Analyzer: fingerprint, Last: docs.Last()})
}

// clear empties the index for the rebuild st begins.
func (x *Index) clear(tx *bolt.Tx, st *buildState) error {
	for _, name := range append([][]byte{schema.SearchBuild}, schema.SearchBuckets...) {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	meta := tx.Bucket(schema.Meta)
	for _, key := range [][]byte{schema.KeySearchDocs, schema.KeySearchLen0, schema.KeySearchLen1, schema.KeySearchNextTerm} {
		if err := meta.Delete(key); err != nil {
			return err
		}
	}
	st.Cleared = true
	return nil
}

// builderState is what a rebuild keeps in memory between its steps: the term
// numbers (reloaded from search_ids when a new process resumes) and the
// analysis workers with their memos.
type builderState struct {
	ids     map[string]uint32
	terms   []string
	workers []*search.Worker
	an      *search.Analyzer
}

func (x *Index) dropBuild() {
	x.buildMu.Lock()
	x.build = nil
	x.buildMu.Unlock()
}

// SetBatch sets how many agreements a step analyses and how many postings
// bytes it writes; tests make them small to cross many steps.
func (x *Index) SetBatch(docs int, bytes int) {
	x.batchDocs, x.batchBytes = docs, bytes
}

const (
	defaultBatchDocs  = 4096
	defaultBatchBytes = 48 << 20
)

// Step does one step of the rebuild under way in tx and reports its progress;
// done is true when the index is complete (also when no rebuild was under
// way). A step that fails leaves the state as it was: the next one does it
// again.
func (x *Index) Step(tx *bolt.Tx, docs Docs) (Progress, bool, error) {
	st, err := readState(tx)
	if err != nil || st == nil {
		return Progress{}, st == nil && err == nil, err
	}
	an, err := x.Analyzer(tx)
	if err != nil {
		return Progress{}, false, err
	}
	if an.Fingerprint() != st.Analyzer {
		// The word lists or the synonyms changed since it began: begin again.
		if err := x.BeginWith(tx, docs, an.Fingerprint()); err != nil {
			return Progress{}, false, err
		}
		st, _ = readState(tx)
	}
	x.buildMu.Lock()
	defer x.buildMu.Unlock()
	if !st.Cleared {
		x.build = nil
		// Emptying the old index reads every page of it.
		if err := x.reading(tx, func() error { return x.clear(tx, st) }); err != nil {
			return Progress{}, false, err
		}
		if err := writeState(tx, st); err != nil {
			return Progress{}, false, err
		}
		return st.progress(), false, nil
	}
	b := x.build
	if b == nil || b.an != an || len(b.terms) != int(st.Terms) {
		if b, err = loadBuilder(tx, an, st); err != nil {
			return Progress{}, false, err
		}
		if st.Steps > 0 {
			st.ResumeCount++
		}
	}
	x.build = nil // set again only when the step succeeds
	phase := st.Phase
	err = x.reading(tx, func() error {
		switch phase {
		case phaseDocs:
			return x.stepDocs(tx, docs, st, b)
		case phaseTerms:
			return x.stepTerms(tx, st)
		case phaseDict:
			return x.stepDict(tx, st, b)
		}
		return nil
	})
	if phase == phaseDict && err == nil {
		return Progress{Percent: 100}, true, nil
	}
	if err != nil {
		return Progress{}, false, err
	}
	st.Steps++
	if err := writeState(tx, st); err != nil {
		return Progress{}, false, err
	}
	x.build = b
	return st.progress(), false, nil
}

// Abandon tells the index that the transaction of a successful Step did not
// commit, so that the next Step reloads what it keeps in memory.
func (x *Index) Abandon() { x.dropBuild() }

func loadBuilder(tx *bolt.Tx, an *search.Analyzer, st *buildState) (*builderState, error) {
	b := &builderState{ids: map[string]uint32{}, an: an}
	c := tx.Bucket(schema.SearchIDs).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) != 4 || binary.BigEndian.Uint32(k) != uint32(len(b.terms)) {
			return nil, service.ErrCorrupt
		}
		t := string(v)
		b.ids[t] = uint32(len(b.terms))
		b.terms = append(b.terms, t)
	}
	if len(b.terms) != int(st.Terms) {
		return nil, service.ErrCorrupt
	}
	b.workers = make([]*search.Worker, max(1, min(runtime.NumCPU(), 8)))
	for i := range b.workers {
		b.workers[i] = an.NewWorker()
	}
	return b, nil
}

// docJob is one agreement of a build step: its text, then its analysis as
// term numbers (known) and terms new to the dictionary (fresh).
type docJob struct {
	doc   uint64
	text  func() ([2]string, error)
	lens  [2]uint32
	known []postings.TermTF
	fresh []freshTerm
	err   error
}

type freshTerm struct {
	term string
	tf   [2]uint16
}

// errBatchFull ends the walk over the agreements once a batch is gathered.
var errBatchFull = errors.New("fts: batch full")

// partKey is the search_build key of a term's postings in one part.
func partKey(part, term uint32) []byte {
	var k [8]byte
	binary.BigEndian.PutUint32(k[:4], part)
	binary.BigEndian.PutUint32(k[4:], term)
	return k[:]
}

func (x *Index) stepDocs(tx *bolt.Tx, docs Docs, st *buildState, b *builderState) error {
	limit := cmp0(x.batchDocs, defaultBatchDocs)
	// A part stays within one chunk, so that phase terms can tell a block's chunk.
	var batch []docJob
	var chunk uint32
	err := docs.From(st.Next, func(id uint64, text func() ([2]string, error)) error {
		if len(batch) == 0 {
			chunk = postings.ChunkOf(id)
		} else if len(batch) >= limit || postings.ChunkOf(id) != chunk {
			return errBatchFull
		}
		batch = append(batch, docJob{doc: id, text: text})
		return nil
	})
	if err != nil && !errors.Is(err, errBatchFull) {
		return err
	}
	if len(batch) == 0 {
		st.Phase, st.Next = phaseTerms, 0
		return nil
	}
	// Analysed on every core, each worker gathering the derived words it met
	// and keeping of each document only its terms by number (the dictionary
	// is only read here) and the terms it is the first to use.
	var wg sync.WaitGroup
	for w, worker := range b.workers {
		worker.Surfaces = map[string]string{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(batch); i += len(b.workers) {
				j := &batch[i]
				text, err := j.text()
				if err != nil {
					j.err = err
					continue
				}
				var terms map[string][2]uint16
				terms, j.lens = worker.Scan(text)
				j.known = make([]postings.TermTF, 0, len(terms))
				for term, tf := range terms {
					if id, ok := b.ids[term]; ok {
						j.known = append(j.known, postings.TermTF{ID: id, TF: tf})
					} else {
						j.fresh = append(j.fresh, freshTerm{term, tf})
					}
				}
			}
		}()
	}
	wg.Wait()
	// Postings by term number, for this part.
	blocks := map[uint32]*chunkBuf{}
	stored := tx.Bucket(schema.SearchDocs)
	stored.FillPercent = 1
	back := tx.Bucket(schema.SearchIDs)
	back.FillPercent = 1
	var entry postings.Stored
	for i := range batch {
		j := &batch[i]
		if j.err != nil {
			return j.err
		}
		for _, t := range j.fresh {
			id, ok := b.ids[t.term]
			if !ok {
				id = uint32(len(b.terms))
				b.ids[t.term] = id
				b.terms = append(b.terms, t.term)
				if err := back.Put(schema.TermKey(id), []byte(t.term)); err != nil {
					return err
				}
			}
			j.known = append(j.known, postings.TermTF{ID: id, TF: t.tf})
		}
		norms := search.Norms(j.lens)
		slices.SortFunc(j.known, func(a, b postings.TermTF) int { return cmp.Compare(a.ID, b.ID) })
		entry.Lens, entry.Posted, entry.Terms = j.lens, j.lens, j.known
		for _, t := range j.known {
			cb := blocks[t.ID]
			if cb == nil {
				cb = &chunkBuf{chunk: chunk}
				blocks[t.ID] = cb
			}
			cb.data = postings.AppendPosting(cb.data, cb.prev, postings.PostingOf(j.doc, t.TF, norms))
			cb.prev = j.doc
			cb.n++
		}
		if err := stored.Put(schema.ID(j.doc), entry.Encode()); err != nil {
			return err
		}
		j.known, j.fresh = nil, nil
		st.Docs++
		st.Len0 += uint64(j.lens[0])
		st.Len1 += uint64(j.lens[1])
	}
	part := uint32(len(st.Parts))
	order := make([]uint32, 0, len(blocks))
	for id := range blocks {
		order = append(order, id)
	}
	sort.Slice(order, func(i, k int) bool { return order[i] < order[k] })
	scratch := tx.Bucket(schema.SearchBuild)
	scratch.FillPercent = 1
	for _, id := range order {
		cb := blocks[id]
		v := binary.AppendUvarint(make([]byte, 0, len(cb.data)+3), uint64(cb.n))
		if err := scratch.Put(partKey(part, id), append(v, cb.data...)); err != nil {
			return err
		}
	}
	words := tx.Bucket(schema.SearchWords)
	for _, w := range b.workers {
		for surface, stem := range w.Surfaces {
			if words.Get([]byte(surface)) == nil {
				if err := words.Put([]byte(surface), []byte(stem)); err != nil {
					return err
				}
			}
		}
		w.Surfaces = nil
	}
	st.Parts = append(st.Parts, chunk)
	st.Terms = uint32(len(b.terms))
	st.Next = batch[len(batch)-1].doc + 1
	return nil
}

// partCursor reads one part's postings in term order.
type partCursor struct {
	c     *bolt.Cursor
	part  uint32
	chunk uint32
	term  uint32
	v     []byte
	done  bool
}

func (p *partCursor) set(k, v []byte) {
	if k == nil || len(k) != 8 || binary.BigEndian.Uint32(k[:4]) != p.part {
		p.done = true
		return
	}
	p.term, p.v = binary.BigEndian.Uint32(k[4:]), v
}

func (x *Index) stepTerms(tx *bolt.Tx, st *buildState) error {
	limit := cmp0(x.batchBytes, defaultBatchBytes)
	scratch := tx.Bucket(schema.SearchBuild)
	parts := make([]*partCursor, len(st.Parts))
	for i, chunk := range st.Parts {
		p := &partCursor{c: scratch.Cursor(), part: uint32(i), chunk: chunk}
		p.set(p.c.Seek(partKey(uint32(i), uint32(min(st.Next, uint64(^uint32(0)))))))
		parts[i] = p
	}
	post := tx.Bucket(schema.SearchTerms)
	post.FillPercent = 1
	written := 0
	var buf []search.Posting
	for written < limit {
		term, any := uint32(0), false
		for _, p := range parts {
			if !p.done && (!any || p.term < term) {
				term, any = p.term, true
			}
		}
		if !any {
			st.Phase, st.Next = phaseDict, 0
			return nil
		}
		// The parts holding term, in part (and so document) order; parts of
		// one chunk become one block.
		var group []*partCursor
		var chunk uint32
		for _, p := range parts {
			if p.done || p.term != term {
				continue
			}
			if len(group) > 0 && p.chunk != chunk {
				if err := putGroup(post, term, chunk, group, &buf, &written); err != nil {
					return err
				}
				group = group[:0]
			}
			chunk = p.chunk
			group = append(group, p)
		}
		if err := putGroup(post, term, chunk, group, &buf, &written); err != nil {
			return err
		}
		for _, p := range parts {
			if !p.done && p.term == term {
				p.set(p.c.Next())
			}
		}
		st.Next = uint64(term) + 1
	}
	return nil
}

// putGroup writes the postings of term in one chunk, gathered from the parts
// of group (in document order).
func putGroup(post *bolt.Bucket, term, chunk uint32, group []*partCursor, buf *[]search.Posting, written *int) error {
	if len(group) == 0 {
		return nil
	}
	v := group[0].v
	if len(group) > 1 {
		*buf = (*buf)[:0]
		for _, p := range group {
			*buf = postings.DecodeBlock(p.v, *buf)
		}
		v = postings.EncodeBlock(*buf)
	}
	*written += len(v) + 8
	return post.Put(schema.PostingsKey(term, chunk), v)
}

func (x *Index) stepDict(tx *bolt.Tx, st *buildState, b *builderState) error {
	// Document frequencies: the counts at the head of each block.
	df := make([]uint64, len(b.terms))
	c := tx.Bucket(schema.SearchTerms).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		id := binary.BigEndian.Uint32(k)
		n, i := binary.Uvarint(v)
		if len(k) != 8 || int(id) >= len(df) || i <= 0 {
			return service.ErrCorrupt
		}
		df[id] += n
	}
	if err := tx.DeleteBucket(schema.SearchBuild); err != nil {
		return err
	}
	order := make([]uint32, len(b.terms))
	for i := range order {
		order[i] = uint32(i)
	}
	sort.Slice(order, func(i, j int) bool { return b.terms[order[i]] < b.terms[order[j]] })
	dict := tx.Bucket(schema.SearchDict)
	dict.FillPercent = 1
	for _, id := range order {
		if err := dict.Put([]byte(b.terms[id]), postings.DictValue(id, df[id])); err != nil {
			return err
		}
	}
	meta := tx.Bucket(schema.Meta)
	if err := meta.Put(schema.KeySearchAnalyzer, []byte(st.Analyzer)); err != nil {
		return err
	}
	for key, v := range map[*[]byte]uint64{&schema.KeySearchDocs: st.Docs, &schema.KeySearchLen0: st.Len0,
		&schema.KeySearchLen1: st.Len1, &schema.KeySearchNextTerm: uint64(len(b.terms))} {
		if err := putCounter(meta, *key, v); err != nil {
			return err
		}
	}
	return meta.Delete(schema.KeySearchBuild)
}

func cmp0(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}
