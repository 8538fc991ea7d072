package fts

import (
	"bytes"
	"context"
	"encoding/binary"
	"runtime"
	"sort"
	"sync"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/search"
	"sepakat/internal/search/postings"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// termTable numbers terms inside a merge.
type termTable struct {
	dict, ids *bolt.Bucket
	meta      *bolt.Bucket
	next      uint32
	known     map[string]uint32
	df        map[uint32]int64
}

func (t *termTable) id(term string) (uint32, error) {
	if id, ok := t.known[term]; ok {
		return id, nil
	}
	if id, _, ok := postings.ParseDict(t.dict.Get([]byte(term))); ok {
		t.known[term] = id
		return id, nil
	}
	id := t.next
	t.next++
	t.known[term] = id
	if err := t.dict.Put([]byte(term), postings.DictValue(id, 0)); err != nil {
		return 0, err
	}
	return id, t.ids.Put(schema.TermKey(id), []byte(term))
}

// flush writes the changed document frequencies; a term no document holds any
// more leaves the dictionary.
func (t *termTable) flush() error {
	for id, d := range t.df {
		if d == 0 {
			continue
		}
		term := t.ids.Get(schema.TermKey(id))
		if term == nil {
			return service.ErrCorrupt
		}
		term = bytes.Clone(term)
		_, df, ok := postings.ParseDict(t.dict.Get(term))
		if !ok {
			return service.ErrCorrupt
		}
		n := int64(df) + d
		if n <= 0 {
			if err := t.dict.Delete(term); err != nil {
				return err
			}
			if err := t.ids.Delete(schema.TermKey(id)); err != nil {
				return err
			}
			continue
		}
		if err := t.dict.Put(term, postings.DictValue(id, uint64(n))); err != nil {
			return err
		}
	}
	return putCounter(t.meta, schema.KeySearchNextTerm, uint64(t.next))
}

// Merge folds the pending agreements into the postings, in tx. While a
// rebuild is under way it does nothing: the agreements stay marked.
func (x *Index) Merge(tx *bolt.Tx, docs Docs) error {
	if tx.Bucket(schema.Meta).Get(schema.KeySearchBuild) != nil {
		return nil
	}
	an, err := x.Analyzer(tx)
	if err != nil {
		return err
	}
	meta := tx.Bucket(schema.Meta)
	delta, stored, blocks := tx.Bucket(schema.SearchDelta), tx.Bucket(schema.SearchDocs), tx.Bucket(schema.SearchTerms)
	words := tx.Bucket(schema.SearchWords)
	tt := &termTable{dict: tx.Bucket(schema.SearchDict), ids: tx.Bucket(schema.SearchIDs), meta: meta,
		next: uint32(getCounter(meta, schema.KeySearchNextTerm)), known: map[string]uint32{}, df: map[uint32]int64{}}
	changes := map[string][]postings.Change{} // postings key → changes
	var done [][]byte
	encoded := map[string][]byte{}
	var lenDelta [2]int64
	var docDelta int64
	worker := an.NewWorker() // agreements from the same templates share lines
	err = delta.ForEach(func(k, _ []byte) error {
		doc := binary.BigEndian.Uint64(k)
		next, exists, err := x.forward(an, worker, docs, doc)
		if err != nil {
			return err
		}
		var prev *postings.Stored
		if raw := stored.Get(k); raw != nil {
			var ok bool
			if prev, ok = postings.DecodeStored(raw); !ok {
				return service.ErrCorrupt
			}
			if !exists {
				docDelta--
			}
		} else if exists {
			docDelta++
		}
		if !exists {
			next = nil
		}
		plan, err := postings.PlanMerge(doc, prev, next, x.slack, tt.id)
		if err != nil {
			return err
		}
		for f := range lenDelta {
			lenDelta[f] += plan.LenDelta[f]
		}
		if plan.Entry != nil {
			encoded[string(k)] = plan.Entry.Encode()
		}
		for id, d := range plan.DF {
			tt.df[id] += int64(d)
		}
		chunk := postings.ChunkOf(doc)
		for _, c := range plan.Changes {
			key := string(schema.PostingsKey(c.Term, chunk))
			changes[key] = append(changes[key], c)
		}
		if next != nil {
			for surface, stem := range next.Surfaces {
				if words.Get([]byte(surface)) == nil {
					if err := words.Put([]byte(surface), []byte(stem)); err != nil {
						return err
					}
				}
			}
		}
		done = append(done, bytes.Clone(k))
		return nil
	})
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(changes))
	for k := range changes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf, out []search.Posting
	for _, k := range keys {
		buf = postings.DecodeBlock(blocks.Get([]byte(k)), buf[:0])
		chs := changes[k]
		sort.Slice(chs, func(i, j int) bool { return chs[i].P.Doc < chs[j].P.Doc })
		out = postings.Apply(buf, chs, out[:0])
		if len(out) == 0 {
			if err := blocks.Delete([]byte(k)); err != nil {
				return err
			}
			continue
		}
		if err := blocks.Put([]byte(k), postings.EncodeBlock(out)); err != nil {
			return err
		}
	}
	if err := tt.flush(); err != nil {
		return err
	}
	for _, k := range done {
		if v, ok := encoded[string(k)]; ok {
			if err := stored.Put(k, v); err != nil {
				return err
			}
		} else if err := stored.Delete(k); err != nil {
			return err
		}
		if err := delta.Delete(k); err != nil {
			return err
		}
	}
	if err := addCounter(meta, schema.KeySearchDocs, docDelta); err != nil {
		return err
	}
	if err := addCounter(meta, schema.KeySearchLen0, lenDelta[0]); err != nil {
		return err
	}
	return addCounter(meta, schema.KeySearchLen1, lenDelta[1])
}

// chunkBuf is one postings block being built.
type chunkBuf struct {
	chunk uint32
	n     int
	prev  uint64
	data  []byte
}

// buildBatch is how many agreements are analysed together while building.
const buildBatch = 2048

// checkEvery is how many terms a rebuild writes between looks at its context.
const checkEvery = 4096

// buildJob is one agreement to analyse while building.
type buildJob struct {
	doc  uint64
	text func() ([2]string, error)
	f    *postings.Forward
	err  error
}

// builder gathers the postings of a full build in memory, as encoded blocks.
type builder struct {
	ids    map[string]uint32
	terms  []string
	df     []uint64
	blocks [][]chunkBuf
	total  [2]uint64
	count  int
	entry  postings.Stored
}

// add numbers a document's terms, appends its postings, and returns its forward entry.
func (b *builder) add(doc uint64, f *postings.Forward) []byte {
	norms := search.Norms(f.Lens)
	b.entry.Lens, b.entry.Posted, b.entry.Terms = f.Lens, f.Lens, b.entry.Terms[:0]
	chunk := postings.ChunkOf(doc)
	for term, tf := range f.Terms {
		id, ok := b.ids[term]
		if !ok {
			id = uint32(len(b.terms))
			b.ids[term] = id
			b.terms = append(b.terms, term)
			b.df = append(b.df, 0)
			b.blocks = append(b.blocks, nil)
		}
		b.df[id]++
		b.entry.Terms = append(b.entry.Terms, postings.TermTF{ID: id, TF: tf})
		bs := b.blocks[id]
		if len(bs) == 0 || bs[len(bs)-1].chunk != chunk {
			bs = append(bs, chunkBuf{chunk: chunk})
			b.blocks[id] = bs
		}
		cb := &bs[len(bs)-1]
		cb.data = postings.AppendPosting(cb.data, cb.prev, postings.PostingOf(doc, tf, norms))
		cb.prev = doc
		cb.n++
	}
	sort.Slice(b.entry.Terms, func(i, j int) bool { return b.entry.Terms[i].ID < b.entry.Terms[j].ID })
	b.total[0] += uint64(f.Lens[0])
	b.total[1] += uint64(f.Lens[1])
	b.count++
	return b.entry.Encode()
}

// Rebuild empties the index and builds it from every agreement, with the
// analysis in use.
func (x *Index) Rebuild(ctx context.Context, tx *bolt.Tx, docs Docs) error {
	an, err := x.Analyzer(tx)
	if err != nil {
		return err
	}
	return x.RebuildWith(ctx, tx, docs, an)
}

// RebuildWith is Rebuild with the analysis an. Batches are analysed on all cores
// while the previous batch's postings are gathered; the dictionary and the
// blocks are then written in key order. ctx is checked before each batch and
// every checkEvery terms written; a cancel returns ctx.Err() for the caller to
// roll back.
func (x *Index) RebuildWith(ctx context.Context, tx *bolt.Tx, docs Docs, an *search.Analyzer) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	// A batched rebuild under way is replaced by this one.
	if err := tx.Bucket(schema.Meta).Delete(schema.KeySearchBuild); err != nil {
		return err
	}
	if tx.Bucket(schema.SearchBuild) != nil {
		if err := tx.DeleteBucket(schema.SearchBuild); err != nil {
			return err
		}
	}
	x.dropBuild()
	for _, name := range schema.SearchBuckets {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	x.pending.reset()
	stored := tx.Bucket(schema.SearchDocs)
	stored.FillPercent = 1
	b := &builder{ids: map[string]uint32{}}
	workers := make([]*search.Worker, max(1, min(runtime.NumCPU(), 8)))
	for i := range workers {
		workers[i] = an.NewWorker()
		workers[i].Surfaces = map[string]string{}
	}
	analyse := func(batch []buildJob) {
		var wg sync.WaitGroup
		for w, worker := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < len(batch); i += len(workers) {
					text, err := batch[i].text()
					if err != nil {
						batch[i].err = err
						continue
					}
					f := &postings.Forward{}
					f.Terms, f.Lens = worker.Document(text)
					batch[i].f = f
				}
			}()
		}
		wg.Wait()
	}
	gather := func(batch []buildJob) error {
		for _, j := range batch {
			if j.err != nil {
				return j.err
			}
			if err := stored.Put(schema.ID(j.doc), b.add(j.doc, j.f)); err != nil {
				return err
			}
		}
		return nil
	}
	// Batch n is analysed while batch n-1 is gathered.
	var prev []buildJob
	var prevDone chan struct{}
	next := make([]buildJob, 0, buildBatch)
	flush := func() error {
		if prevDone != nil {
			<-prevDone
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		done := make(chan struct{})
		go func(batch []buildJob) {
			analyse(batch)
			close(done)
		}(next)
		if err := gather(prev); err != nil {
			<-done
			return err
		}
		prev, prevDone = next, done
		next = make([]buildJob, 0, buildBatch)
		return nil
	}
	err := docs.From(0, func(id uint64, text func() ([2]string, error)) error {
		next = append(next, buildJob{doc: id, text: text})
		if len(next) < buildBatch {
			return nil
		}
		return flush()
	})
	if err == nil {
		err = flush()
	}
	if prevDone != nil {
		<-prevDone
	}
	if err != nil {
		return err
	}
	if err := gather(prev); err != nil {
		return err
	}
	order := make([]uint32, len(b.terms))
	for i := range order {
		order[i] = uint32(i)
	}
	sort.Slice(order, func(i, j int) bool { return b.terms[order[i]] < b.terms[order[j]] })
	dict := tx.Bucket(schema.SearchDict)
	dict.FillPercent = 1
	for i, id := range order {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := dict.Put([]byte(b.terms[id]), postings.DictValue(id, b.df[id])); err != nil {
			return err
		}
	}
	back := tx.Bucket(schema.SearchIDs)
	back.FillPercent = 1
	post := tx.Bucket(schema.SearchTerms)
	post.FillPercent = 1
	for id, bs := range b.blocks {
		if id%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := back.Put(schema.TermKey(uint32(id)), []byte(b.terms[id])); err != nil {
			return err
		}
		for _, cb := range bs {
			v := binary.AppendUvarint(make([]byte, 0, len(cb.data)+3), uint64(cb.n))
			if err := post.Put(schema.PostingsKey(uint32(id), cb.chunk), append(v, cb.data...)); err != nil {
				return err
			}
		}
		b.blocks[id] = nil
	}
	surfaces := map[string]string{}
	for _, w := range workers {
		for word, stem := range w.Surfaces {
			surfaces[word] = stem
		}
	}
	words := make([]string, 0, len(surfaces))
	for w := range surfaces {
		words = append(words, w)
	}
	sort.Strings(words)
	wb := tx.Bucket(schema.SearchWords)
	wb.FillPercent = 1
	for _, w := range words {
		if err := wb.Put([]byte(w), []byte(surfaces[w])); err != nil {
			return err
		}
	}
	meta := tx.Bucket(schema.Meta)
	if err := meta.Put(schema.KeySearchAnalyzer, []byte(an.Fingerprint())); err != nil {
		return err
	}
	for key, v := range map[*[]byte]uint64{&schema.KeySearchDocs: uint64(b.count), &schema.KeySearchLen0: b.total[0],
		&schema.KeySearchLen1: b.total[1], &schema.KeySearchNextTerm: uint64(len(b.terms))} {
		if err := putCounter(meta, *key, v); err != nil {
			return err
		}
	}
	return nil
}
