package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// The full-text index. A save marks the agreement as pending in search_delta, in
// the same transaction, so the index is never out of step with the records.
// Queries read the chunked postings of search_terms, minus the pending agreements,
// plus the pending agreements analysed as they stand now (remembered per revision).
// A merge later folds the pending agreements into the postings in its own
// transaction, so a save neither analyses text nor rewrites posting blocks.
//
// Terms are numbered: search_dict maps a term to its number and document
// frequency, search_ids the number back to the term. Postings are keyed by term
// number and chunk; each posting carries the norms of the fields it occurs in, so
// ranking reads nothing else.

// chunkShift groups postings of 4 096 consecutive agreement IDs into one value.
const chunkShift = 12

// mergeEvery is how many pending agreements wait before they are merged. Kept
// small, search_delta stays inline in its parent page, so marking an agreement
// pending writes no page of its own.
const mergeEvery = 32

// forward is one agreement's analysis: field lengths, term counts, and its
// derived words with their stems.
type forward struct {
	lens     [2]uint32
	terms    map[string][2]uint16
	surfaces map[string]string
}

// termTF is one term of a stored forward entry.
type termTF struct {
	id uint32
	tf [2]uint16
}

// storedForward is a forward entry as merged: terms by number, in increasing
// order. posted are the field lengths whose norms the postings carry: a merge
// rewrites every posting of an agreement only when its length has moved more
// than a norm step from them, so a small edit rewrites only the terms it changed.
type storedForward struct {
	lens   [2]uint32
	posted [2]uint32
	terms  []termTF
}

func (f *storedForward) encode() []byte {
	out := make([]byte, 0, 16+4*len(f.terms))
	out = binary.AppendUvarint(out, uint64(f.lens[0]))
	out = binary.AppendUvarint(out, uint64(f.lens[1]))
	out = binary.AppendUvarint(out, uint64(f.posted[0]))
	out = binary.AppendUvarint(out, uint64(f.posted[1]))
	out = binary.AppendUvarint(out, uint64(len(f.terms)))
	var prev uint32
	for _, t := range f.terms {
		out = binary.AppendUvarint(out, uint64(t.id-prev))
		out = binary.AppendUvarint(out, uint64(t.tf[0]))
		out = binary.AppendUvarint(out, uint64(t.tf[1]))
		prev = t.id
	}
	return out
}

func decodeStoredForward(raw []byte) (*storedForward, bool) {
	r := &byteReader{b: raw}
	f := &storedForward{}
	f.lens[0], f.lens[1] = uint32(r.uvarint()), uint32(r.uvarint())
	f.posted[0], f.posted[1] = uint32(r.uvarint()), uint32(r.uvarint())
	n := r.uvarint()
	if r.bad || n > uint64(len(raw)) {
		return nil, false
	}
	f.terms = make([]termTF, n)
	var id uint32
	for i := range f.terms {
		id += uint32(r.uvarint())
		f.terms[i] = termTF{id: id, tf: [2]uint16{uint16(r.uvarint()), uint16(r.uvarint())}}
	}
	return f, !r.bad
}

// names resolves the parties and officials an agreement refers to.
type names interface {
	Party(agreement.ID) (agreement.Party, bool)
	Official(agreement.ID) (agreement.Official, bool)
}

// searchText collects what a person might search for in an agreement, in two
// groups: subject, tags, parties, numbers and signers weigh more than the rest.
func searchText(dir names, a *agreement.Agreement) [2]string {
	var hi, body strings.Builder
	w := func(b *strings.Builder, s ...string) {
		for _, x := range s {
			if x != "" {
				b.WriteString(x)
				b.WriteByte('\n')
			}
		}
	}
	w(&hi, a.Kind.Title(), string(a.Kind), a.Subject)
	w(&hi, a.Tags...)
	for _, ap := range a.Parties {
		if p, ok := dir.Party(ap.PartyID); ok {
			w(&hi, p.Name, p.ShortName)
		}
		w(&hi, ap.Number)
		if o, ok := dir.Official(ap.SignerID); ok {
			w(&hi, o.Name, o.Jabatan)
		}
	}
	if a.Parent != nil {
		w(&body, a.Parent.Subject)
		w(&body, a.Parent.Numbers...)
	}
	if s := a.Signing; s != nil {
		w(&hi, s.Numbers...)
		w(&body, s.Place, s.Venue, s.Notes)
		for _, sg := range s.Signers {
			w(&hi, sg.Name, sg.Jabatan)
		}
		for _, wt := range s.Witnesses {
			w(&body, wt.Name, wt.Jabatan)
		}
	}
	w(&body, a.Place, a.Notes, a.CancelReason, a.Funding.Source, a.Funding.Notes)
	w(&body, a.Affairs...)
	w(&body, a.Implementers...)
	w(&body, a.Premises...)
	for _, l := range a.LegalBases {
		w(&body, l.String())
	}
	var nodes func([]agreement.Node)
	nodes = func(ns []agreement.Node) {
		for _, n := range ns {
			w(&body, n.Heading, n.Text)
			nodes(n.Children)
		}
	}
	nodes(a.Body)
	for _, m := range a.Monitoring {
		w(&body, m.Period, m.Activity, m.Obstacles)
	}
	return [2]string{hi.String(), body.String()}
}

// forwardOf analyses one agreement's text, with w's memo (nil: the shared one).
func forwardOf(an *search.Analyzer, w *search.Worker, text [2]string) *forward {
	if w == nil {
		w = an.SharedWorker()
	}
	w.Surfaces = map[string]string{}
	f := &forward{surfaces: w.Surfaces}
	f.terms, f.lens = w.Document(text)
	return f
}

func getCounter(meta *bolt.Bucket, key []byte) uint64 {
	if raw := meta.Get(key); len(raw) == 8 {
		return binary.BigEndian.Uint64(raw)
	}
	return 0
}

func addCounter(meta *bolt.Bucket, key []byte, delta int64) error {
	return meta.Put(key, u64(uint64(int64(getCounter(meta, key))+delta)))
}

// indexAgreement marks a as pending for the full-text index; its remembered
// analysis is dropped, as a party or signer it names may have changed.
func (s *Store) indexAgreement(dir txDir, a *agreement.Agreement) error {
	s.pending.mu.Lock()
	delete(s.pending.m, a.ID)
	s.pending.mu.Unlock()
	return dir.tx.Bucket(schema.SearchDelta).Put(idKey(a.ID), nil)
}

// pendingCache remembers the analysis of pending agreements per revision.
type pendingCache struct {
	mu sync.Mutex
	m  map[agreement.ID]pendingEntry
}

type pendingEntry struct {
	rev uint64
	f   *forward
}

// forwardNow analyses an agreement as it stands in tx, reusing the analysis of the
// same revision.
func (s *Store) forwardNow(dir txDir, id agreement.ID) (*forward, bool, error) {
	return s.forwardWith(nil, dir, id)
}

// forwardWith is forwardNow with a worker of the caller's (nil: the shared memo).
func (s *Store) forwardWith(w *search.Worker, dir txDir, id agreement.ID) (*forward, bool, error) {
	raw := dir.tx.Bucket(schema.Agreements).Get(idKey(id))
	if raw == nil {
		return nil, false, nil
	}
	h, _, _, ok := parseAgreementValue(raw, true)
	if !ok {
		return nil, false, service.ErrCorrupt
	}
	s.pending.mu.Lock()
	e, hit := s.pending.m[id]
	s.pending.mu.Unlock()
	if hit && e.rev == h.Rev {
		return e.f, true, nil
	}
	var a agreement.Agreement
	if err := decode(raw, &a); err != nil {
		return nil, false, err
	}
	f := forwardOf(s.an(), w, searchText(dir, &a))
	s.pending.mu.Lock()
	if s.pending.m == nil || len(s.pending.m) >= 4096 {
		s.pending.m = map[agreement.ID]pendingEntry{}
	}
	s.pending.m[id] = pendingEntry{rev: h.Rev, f: f}
	s.pending.mu.Unlock()
	return f, true, nil
}

func chunkOf(doc uint64) uint32 { return uint32(doc >> chunkShift) }

func postingsKey(term uint32, chunk uint32) []byte {
	var k [8]byte
	binary.BigEndian.PutUint32(k[:4], term)
	binary.BigEndian.PutUint32(k[4:], chunk)
	return k[:]
}

func termKey(id uint32) []byte { return binary.BigEndian.AppendUint32(nil, id) }

// dictValue is a term's number and document frequency.
func dictValue(id uint32, df uint64) []byte {
	return binary.AppendUvarint(binary.BigEndian.AppendUint32(nil, id), df)
}

func parseDict(v []byte) (id uint32, df uint64, ok bool) {
	if len(v) < 5 {
		return 0, 0, false
	}
	df, n := binary.Uvarint(v[4:])
	return binary.BigEndian.Uint32(v), df, n > 0
}

// A postings block: the count, then per posting the document gap shifted left
// once (the low bit set when both counts fit in one byte), the counts, and the
// norm of each field the term occurs in.
func appendPosting(out []byte, prev uint64, p search.Posting) []byte {
	gap := (p.Doc - prev) << 1
	if p.TF[0] < 16 && p.TF[1] < 16 {
		out = binary.AppendUvarint(out, gap|1)
		out = append(out, byte(p.TF[0]<<4|p.TF[1]))
	} else {
		out = binary.AppendUvarint(out, gap)
		out = binary.AppendUvarint(out, uint64(p.TF[0]))
		out = binary.AppendUvarint(out, uint64(p.TF[1]))
	}
	for f, tf := range p.TF {
		if tf > 0 {
			out = append(out, p.Norm[f])
		}
	}
	return out
}

func encodeBlock(ps []search.Posting) []byte {
	out := binary.AppendUvarint(make([]byte, 0, 4+5*len(ps)), uint64(len(ps)))
	var prev uint64
	for _, p := range ps {
		out = appendPosting(out, prev, p)
		prev = p.Doc
	}
	return out
}

// decodeBlock appends the postings of raw to into; a damaged block ends early.
func decodeBlock(raw []byte, into []search.Posting) []search.Posting {
	n, i := binary.Uvarint(raw)
	if i <= 0 || n > uint64(len(raw)) {
		return into
	}
	var doc uint64
	for ; n > 0; n-- {
		var p search.Posting
		gap, k := uvarintAt(raw, i)
		if k <= 0 {
			return into
		}
		i += k
		doc += gap >> 1
		p.Doc = doc
		if gap&1 == 1 {
			if i >= len(raw) {
				return into
			}
			p.TF = [2]uint16{uint16(raw[i] >> 4), uint16(raw[i] & 15)}
			i++
		} else {
			for f := range p.TF {
				tf, k := uvarintAt(raw, i)
				if k <= 0 {
					return into
				}
				p.TF[f] = uint16(tf)
				i += k
			}
		}
		for f, tf := range p.TF {
			if tf > 0 {
				if i >= len(raw) {
					return into
				}
				p.Norm[f] = raw[i]
				i++
			}
		}
		into = append(into, p)
	}
	return into
}

// uvarintAt decodes a uvarint at raw[i:], with a fast path for one byte.
func uvarintAt(raw []byte, i int) (uint64, int) {
	if i < len(raw) && raw[i] < 0x80 {
		return uint64(raw[i]), 1
	}
	if i >= len(raw) {
		return 0, 0
	}
	return binary.Uvarint(raw[i:])
}

// postingOf is a document's posting for a term, with norms for the fields it occurs in.
func postingOf(doc uint64, tf [2]uint16, norms [2]uint8) search.Posting {
	p := search.Posting{Doc: doc, TF: tf}
	for f := range tf {
		if tf[f] > 0 {
			p.Norm[f] = norms[f]
		}
	}
	return p
}

// normsDrifted reports whether lengths have moved more than one norm step from
// those the postings carry.
func normsDrifted(posted, lens [2]uint32) bool {
	for f := range lens {
		if d := int(search.NormOf(lens[f])) - int(search.NormOf(posted[f])); d > 1 || d < -1 {
			return true
		}
	}
	return false
}

// merge folds the pending agreements into the postings, in one transaction.
func (s *Store) merge() error {
	return s.db.Update(s.mergeTx)
}

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
	if id, _, ok := parseDict(t.dict.Get([]byte(term))); ok {
		t.known[term] = id
		return id, nil
	}
	id := t.next
	t.next++
	t.known[term] = id
	if err := t.dict.Put([]byte(term), dictValue(id, 0)); err != nil {
		return 0, err
	}
	return id, t.ids.Put(termKey(id), []byte(term))
}

// flush writes the changed document frequencies; a term no document holds any
// more leaves the dictionary.
func (t *termTable) flush() error {
	for id, d := range t.df {
		if d == 0 {
			continue
		}
		term := t.ids.Get(termKey(id))
		if term == nil {
			return service.ErrCorrupt
		}
		term = bytes.Clone(term)
		_, df, ok := parseDict(t.dict.Get(term))
		if !ok {
			return service.ErrCorrupt
		}
		n := int64(df) + d
		if n <= 0 {
			if err := t.dict.Delete(term); err != nil {
				return err
			}
			if err := t.ids.Delete(termKey(id)); err != nil {
				return err
			}
			continue
		}
		if err := t.dict.Put(term, dictValue(id, uint64(n))); err != nil {
			return err
		}
	}
	return t.meta.Put(schema.KeySearchNextTerm, u64(uint64(t.next)))
}

func (s *Store) mergeTx(tx *bolt.Tx) error {
	dir := s.dir(tx)
	meta := tx.Bucket(schema.Meta)
	delta, docs, postings := tx.Bucket(schema.SearchDelta), tx.Bucket(schema.SearchDocs), tx.Bucket(schema.SearchTerms)
	words := tx.Bucket(schema.SearchWords)
	tt := &termTable{dict: tx.Bucket(schema.SearchDict), ids: tx.Bucket(schema.SearchIDs), meta: meta,
		next: uint32(getCounter(meta, schema.KeySearchNextTerm)), known: map[string]uint32{}, df: map[uint32]int64{}}
	type change struct {
		p      search.Posting
		remove bool
	}
	changes := map[string][]change{} // postings key → changes
	var done [][]byte
	encoded := map[string][]byte{}
	var lenDelta [2]int64
	var docDelta int64
	worker := s.an().NewWorker() // agreements from the same templates share lines
	err := delta.ForEach(func(k, _ []byte) error {
		doc := binary.BigEndian.Uint64(k)
		next, exists, err := s.forwardWith(worker, dir, agreement.ID(doc))
		if err != nil {
			return err
		}
		if !exists {
			next = &forward{terms: map[string][2]uint16{}}
		}
		prev := &storedForward{}
		if raw := docs.Get(k); raw != nil {
			var ok bool
			if prev, ok = decodeStoredForward(raw); !ok {
				return service.ErrCorrupt
			}
			if !exists {
				docDelta--
			}
		} else if exists {
			docDelta++
		}
		cur := &storedForward{lens: next.lens, posted: prev.posted, terms: make([]termTF, 0, len(next.terms))}
		if normsDrifted(prev.posted, cur.lens) {
			cur.posted = cur.lens
		}
		for term, tf := range next.terms {
			id, err := tt.id(term)
			if err != nil {
				return err
			}
			cur.terms = append(cur.terms, termTF{id, tf})
		}
		sort.Slice(cur.terms, func(i, j int) bool { return cur.terms[i].id < cur.terms[j].id })
		lenDelta[0] += int64(cur.lens[0]) - int64(prev.lens[0])
		lenDelta[1] += int64(cur.lens[1]) - int64(prev.lens[1])
		if exists {
			encoded[string(k)] = cur.encode()
		}
		nextNorms, prevNorms := search.Norms(cur.posted), search.Norms(prev.posted)
		add := func(id uint32, c change) {
			key := string(postingsKey(id, chunkOf(doc)))
			changes[key] = append(changes[key], c)
		}
		i, j := 0, 0
		for i < len(prev.terms) || j < len(cur.terms) {
			switch {
			case j == len(cur.terms) || (i < len(prev.terms) && prev.terms[i].id < cur.terms[j].id):
				add(prev.terms[i].id, change{p: search.Posting{Doc: doc}, remove: true})
				tt.df[prev.terms[i].id]--
				i++
			case i == len(prev.terms) || cur.terms[j].id < prev.terms[i].id:
				add(cur.terms[j].id, change{p: postingOf(doc, cur.terms[j].tf, nextNorms)})
				tt.df[cur.terms[j].id]++
				j++
			default:
				p, old := postingOf(doc, cur.terms[j].tf, nextNorms), postingOf(doc, prev.terms[i].tf, prevNorms)
				if p != old {
					add(cur.terms[j].id, change{p: p})
				}
				i++
				j++
			}
		}
		for surface, stem := range next.surfaces {
			if words.Get([]byte(surface)) == nil {
				if err := words.Put([]byte(surface), []byte(stem)); err != nil {
					return err
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
		buf = decodeBlock(postings.Get([]byte(k)), buf[:0])
		chs := changes[k]
		sort.Slice(chs, func(i, j int) bool { return chs[i].p.Doc < chs[j].p.Doc })
		out = out[:0]
		i := 0
		for _, c := range chs {
			for i < len(buf) && buf[i].Doc < c.p.Doc {
				out = append(out, buf[i])
				i++
			}
			if i < len(buf) && buf[i].Doc == c.p.Doc {
				i++ // replaced or removed
			}
			if !c.remove {
				out = append(out, c.p)
			}
		}
		out = append(out, buf[i:]...)
		if len(out) == 0 {
			if err := postings.Delete([]byte(k)); err != nil {
				return err
			}
			continue
		}
		if err := postings.Put([]byte(k), encodeBlock(out)); err != nil {
			return err
		}
	}
	if err := tt.flush(); err != nil {
		return err
	}
	for _, k := range done {
		if v, ok := encoded[string(k)]; ok {
			if err := docs.Put(k, v); err != nil {
				return err
			}
		} else if err := docs.Delete(k); err != nil {
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

// nameSnapshot holds every party and official, for analysis on several goroutines
// (a bbolt transaction is not safe for concurrent use).
type nameSnapshot struct {
	parties   map[agreement.ID]agreement.Party
	officials map[agreement.ID]agreement.Official
}

func (n *nameSnapshot) Party(id agreement.ID) (agreement.Party, bool) {
	p, ok := n.parties[id]
	return p, ok
}

func (n *nameSnapshot) Official(id agreement.ID) (agreement.Official, bool) {
	o, ok := n.officials[id]
	return o, ok
}

func snapshotNames(tx *bolt.Tx) (*nameSnapshot, error) {
	n := &nameSnapshot{parties: map[agreement.ID]agreement.Party{}, officials: map[agreement.ID]agreement.Official{}}
	err := tx.Bucket(schema.Parties).ForEach(func(k, raw []byte) error {
		var p agreement.Party
		if err := decode(raw, &p); err != nil {
			return err
		}
		n.parties[p.ID] = p
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = tx.Bucket(schema.Officials).ForEach(func(k, raw []byte) error {
		var o agreement.Official
		if err := decode(raw, &o); err != nil {
			return err
		}
		n.officials[o.ID] = o
		return nil
	})
	return n, err
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

// buildJob is one agreement to analyse while building.
type buildJob struct {
	raw []byte
	doc uint64
	f   *forward
	err error
}

// indexBuilder gathers the postings of a full build in memory, as encoded blocks.
type indexBuilder struct {
	ids    map[string]uint32
	terms  []string
	df     []uint64
	blocks [][]chunkBuf
	total  [2]uint64
	count  int
	entry  storedForward
}

// add numbers a document's terms, appends its postings, and returns its forward entry.
func (b *indexBuilder) add(doc uint64, f *forward) []byte {
	norms := search.Norms(f.lens)
	b.entry.lens, b.entry.posted, b.entry.terms = f.lens, f.lens, b.entry.terms[:0]
	chunk := chunkOf(doc)
	for term, tf := range f.terms {
		id, ok := b.ids[term]
		if !ok {
			id = uint32(len(b.terms))
			b.ids[term] = id
			b.terms = append(b.terms, term)
			b.df = append(b.df, 0)
			b.blocks = append(b.blocks, nil)
		}
		b.df[id]++
		b.entry.terms = append(b.entry.terms, termTF{id, tf})
		bs := b.blocks[id]
		if len(bs) == 0 || bs[len(bs)-1].chunk != chunk {
			bs = append(bs, chunkBuf{chunk: chunk})
			b.blocks[id] = bs
		}
		cb := &bs[len(bs)-1]
		cb.data = appendPosting(cb.data, cb.prev, postingOf(doc, tf, norms))
		cb.prev = doc
		cb.n++
	}
	slices.SortFunc(b.entry.terms, func(x, y termTF) int { return cmp.Compare(x.id, y.id) })
	b.total[0] += uint64(f.lens[0])
	b.total[1] += uint64(f.lens[1])
	b.count++
	return b.entry.encode()
}

// rebuildSearch empties the full-text index and builds it from every agreement.
// Batches are analysed on all cores while the previous batch's postings are
// gathered; the dictionary and the blocks are then written in key order.
func (s *Store) rebuildSearch(tx *bolt.Tx) error { return s.rebuildSearchWith(tx, s.an()) }

func (s *Store) rebuildSearchWith(tx *bolt.Tx, an *search.Analyzer) error {
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
	nm, err := snapshotNames(tx)
	if err != nil {
		return err
	}
	docs := tx.Bucket(schema.SearchDocs)
	docs.FillPercent = 1
	b := &indexBuilder{ids: map[string]uint32{}}
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
					var a agreement.Agreement
					if err := decode(batch[i].raw, &a); err != nil {
						batch[i].err = err
						continue
					}
					f := &forward{}
					f.terms, f.lens = worker.Document(searchText(nm, &a))
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
			if err := docs.Put(idKey(agreement.ID(j.doc)), b.add(j.doc, j.f)); err != nil {
				return err
			}
		}
		return nil
	}
	// Batch n is analysed while batch n-1 is gathered. The raw values point into
	// the file's memory map, valid for the whole transaction; writes to other
	// buckets do not move them before commit.
	var prev []buildJob
	var prevDone chan struct{}
	next := make([]buildJob, 0, buildBatch)
	c := tx.Bucket(schema.Agreements).Cursor()
	for k, raw := c.First(); ; k, raw = c.Next() {
		if k != nil && len(k) != 8 {
			continue
		}
		if k != nil {
			next = append(next, buildJob{raw: raw, doc: binary.BigEndian.Uint64(k)})
			if len(next) < buildBatch {
				continue
			}
		}
		if prevDone != nil {
			<-prevDone
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
		if k == nil {
			break
		}
	}
	<-prevDone
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
	for _, id := range order {
		if err := dict.Put([]byte(b.terms[id]), dictValue(id, b.df[id])); err != nil {
			return err
		}
	}
	back := tx.Bucket(schema.SearchIDs)
	back.FillPercent = 1
	post := tx.Bucket(schema.SearchTerms)
	post.FillPercent = 1
	for id, bs := range b.blocks {
		if err := back.Put(termKey(uint32(id)), []byte(b.terms[id])); err != nil {
			return err
		}
		for _, cb := range bs {
			v := binary.AppendUvarint(make([]byte, 0, len(cb.data)+3), uint64(cb.n))
			if err := post.Put(postingsKey(uint32(id), cb.chunk), append(v, cb.data...)); err != nil {
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
	for key, v := range map[string]uint64{string(schema.KeySearchDocs): uint64(b.count), string(schema.KeySearchLen0): b.total[0],
		string(schema.KeySearchLen1): b.total[1], string(schema.KeySearchNextTerm): uint64(len(b.terms))} {
		if err := meta.Put([]byte(key), u64(v)); err != nil {
			return err
		}
	}
	return nil
}

// SearchTexts calls fn with the text the full-text index reads from each
// agreement, in ID order: the weighted fields (subject, parties, numbers, signers)
// and the body. For benchmarks that compare with other engines.
func (s *Store) SearchTexts(fn func(id agreement.ID, high, body string) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		dir := s.dir(tx)
		return tx.Bucket(schema.Agreements).ForEach(func(k, raw []byte) error {
			if len(k) != 8 {
				return nil
			}
			var a agreement.Agreement
			if err := decode(raw, &a); err != nil {
				return err
			}
			t := searchText(dir, &a)
			return fn(a.ID, t[0], t[1])
		})
	})
}
