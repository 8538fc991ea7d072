package store

import (
	"bytes"
	"encoding/binary"
	"runtime"
	"sort"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
)

// The full-text index. A save marks the agreement as pending in search_delta, in
// the same transaction, so the index is never out of step with the records.
// Queries read the chunked postings of search_terms, minus the pending agreements,
// plus the pending agreements analysed as they stand now (remembered per revision).
// A merge later folds the pending agreements into the postings in its own
// transaction, so a save neither analyses text nor rewrites posting blocks.

// chunkShift groups postings of 4 096 consecutive agreement IDs into one value.
const chunkShift = 12

// mergeEvery is how many pending agreements wait before they are merged. Kept
// small, search_delta stays inline in its parent page, so marking an agreement
// pending writes no page of its own.
const mergeEvery = 32

// forward is one agreement's entry: field lengths and term counts.
type forward struct {
	lens  [2]uint32
	terms map[string][2]uint16
}

func (f *forward) encode() []byte {
	keys := make([]string, 0, len(f.terms))
	for t := range f.terms {
		keys = append(keys, t)
	}
	sort.Strings(keys)
	out := binary.AppendUvarint(nil, uint64(f.lens[0]))
	out = binary.AppendUvarint(out, uint64(f.lens[1]))
	out = binary.AppendUvarint(out, uint64(len(keys)))
	for _, t := range keys {
		tf := f.terms[t]
		out = appendBytes(out, []byte(t))
		out = binary.AppendUvarint(out, uint64(tf[0]))
		out = binary.AppendUvarint(out, uint64(tf[1]))
	}
	return out
}

func decodeForward(raw []byte) (*forward, bool) {
	r := &byteReader{b: raw}
	f := &forward{}
	f.lens[0], f.lens[1] = uint32(r.uvarint()), uint32(r.uvarint())
	n := r.uvarint()
	if r.bad || n > uint64(len(raw)) {
		return nil, false
	}
	f.terms = make(map[string][2]uint16, n)
	for i := uint64(0); i < n && !r.bad; i++ {
		t := string(r.bytes())
		f.terms[t] = [2]uint16{uint16(r.uvarint()), uint16(r.uvarint())}
	}
	return f, !r.bad
}

// lensOf reads only the field lengths of an encoded forward entry.
func lensOf(raw []byte) [2]uint32 {
	r := &byteReader{b: raw}
	return [2]uint32{uint32(r.uvarint()), uint32(r.uvarint())}
}

// searchText collects what a person might search for in an agreement, in two
// groups: subject, parties, numbers and signers weigh more than the rest.
func searchText(dir txDir, a *agreement.Agreement) [2]string {
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
	w(&body, a.Tags...)
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

func forwardOf(an *search.Analyzer, text [2]string) *forward {
	f := &forward{terms: map[string][2]uint16{}}
	for field := 0; field < 2; field++ {
		for _, t := range an.Analyze(text[field]) {
			tf := f.terms[t.Text]
			if tf[field] < 65535 {
				tf[field]++
			}
			f.terms[t.Text] = tf
			f.lens[field]++
		}
	}
	return f
}

var (
	keySearchDocs = []byte("search_docs")
	keySearchLen0 = []byte("search_len_hi")
	keySearchLen1 = []byte("search_len_body")
)

func addCounter(meta *bolt.Bucket, key []byte, delta int64) error {
	var v uint64
	if raw := meta.Get(key); len(raw) == 8 {
		v = binary.BigEndian.Uint64(raw)
	}
	v = uint64(int64(v) + delta)
	return meta.Put(key, u64(v))
}

// indexAgreement marks a as pending for the full-text index; its remembered
// analysis is dropped, as a party or signer it names may have changed.
func (s *Store) indexAgreement(dir txDir, a *agreement.Agreement) error {
	s.pending.mu.Lock()
	delete(s.pending.m, a.ID)
	s.pending.mu.Unlock()
	return dir.tx.Bucket(bucketSearchDelta).Put(idKey(a.ID), nil)
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
	raw := dir.tx.Bucket(bucketAgreements).Get(idKey(id))
	if raw == nil {
		return nil, false, nil
	}
	h, _, _, ok := parseAgreementValue(raw, true)
	if !ok {
		return nil, false, ErrCorrupt
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
	f := forwardOf(s.analyzer, searchText(dir, &a))
	s.pending.mu.Lock()
	if s.pending.m == nil || len(s.pending.m) >= 4096 {
		s.pending.m = map[agreement.ID]pendingEntry{}
	}
	s.pending.m[id] = pendingEntry{rev: h.Rev, f: f}
	s.pending.mu.Unlock()
	return f, true, nil
}

func chunkKey(term string, doc uint64) []byte {
	return cat([]byte(term), []byte{0}, binary.BigEndian.AppendUint32(nil, uint32(doc>>chunkShift)))
}

// block is a decoded postings value: documents in order with their counts.
type block []search.Posting

func (b block) encode() []byte {
	out := binary.AppendUvarint(nil, uint64(len(b)))
	var prev uint64
	for _, p := range b {
		out = binary.AppendUvarint(out, p.Doc-prev)
		out = binary.AppendUvarint(out, uint64(p.TF[0]))
		out = binary.AppendUvarint(out, uint64(p.TF[1]))
		prev = p.Doc
	}
	return out
}

func decodeBlock(raw []byte, into block) block {
	r := &byteReader{b: raw}
	n := r.uvarint()
	var doc uint64
	for i := uint64(0); i < n && !r.bad; i++ {
		doc += r.uvarint()
		into = append(into, search.Posting{Doc: doc, TF: [2]uint16{uint16(r.uvarint()), uint16(r.uvarint())}})
	}
	return into
}

// merge folds the pending agreements into the postings, in one transaction.
func (s *Store) merge() error {
	return s.db.Update(s.mergeTx)
}

func (s *Store) mergeTx(tx *bolt.Tx) error {
	dir := s.dir(tx)
	meta := tx.Bucket(bucketMeta)
	delta, docs, terms := tx.Bucket(bucketSearchDelta), tx.Bucket(bucketSearchDocs), tx.Bucket(bucketSearchTerms)
	type change struct {
		doc uint64
		tf  [2]uint16 // zero: remove
	}
	changes := map[string][]change{} // chunk key → changes
	var done [][]byte
	encoded := map[string][]byte{}
	var lenDelta [2]int64
	var docDelta int64
	err := delta.ForEach(func(k, _ []byte) error {
		doc := binary.BigEndian.Uint64(k)
		next, exists, err := s.forwardNow(dir, agreement.ID(doc))
		if err != nil {
			return err
		}
		if !exists {
			next = &forward{terms: map[string][2]uint16{}}
		}
		prev := &forward{}
		if raw := docs.Get(k); raw != nil {
			var ok bool
			if prev, ok = decodeForward(raw); !ok {
				return ErrCorrupt
			}
		} else if exists {
			docDelta++
		}
		lenDelta[0] += int64(next.lens[0]) - int64(prev.lens[0])
		lenDelta[1] += int64(next.lens[1]) - int64(prev.lens[1])
		encoded[string(k)] = next.encode()
		for t := range prev.terms {
			if _, still := next.terms[t]; !still {
				ck := string(chunkKey(t, doc))
				changes[ck] = append(changes[ck], change{doc: doc})
			}
		}
		for t, tf := range next.terms {
			if prev.terms[t] != tf {
				ck := string(chunkKey(t, doc))
				changes[ck] = append(changes[ck], change{doc: doc, tf: tf})
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
	var buf block
	for _, k := range keys {
		buf = decodeBlock(terms.Get([]byte(k)), buf[:0])
		at := map[uint64]int{}
		for i, p := range buf {
			at[p.Doc] = i
		}
		for _, c := range changes[k] {
			if i, ok := at[c.doc]; ok {
				buf[i].TF = c.tf
			} else if c.tf != ([2]uint16{}) {
				at[c.doc] = len(buf)
				buf = append(buf, search.Posting{Doc: c.doc, TF: c.tf})
			}
		}
		kept := buf[:0]
		for _, p := range buf {
			if p.TF != ([2]uint16{}) {
				kept = append(kept, p)
			}
		}
		sort.Slice(kept, func(i, j int) bool { return kept[i].Doc < kept[j].Doc })
		if len(kept) == 0 {
			if err := terms.Delete([]byte(k)); err != nil {
				return err
			}
			continue
		}
		if err := terms.Put([]byte(k), kept.encode()); err != nil {
			return err
		}
	}
	for _, k := range done {
		if err := docs.Put(k, encoded[string(k)]); err != nil {
			return err
		}
		if err := delta.Delete(k); err != nil {
			return err
		}
	}
	if err := addCounter(meta, keySearchDocs, docDelta); err != nil {
		return err
	}
	if err := addCounter(meta, keySearchLen0, lenDelta[0]); err != nil {
		return err
	}
	return addCounter(meta, keySearchLen1, lenDelta[1])
}

// rebuildSearch empties the full-text index and builds it from every agreement:
// analysis on all cores, postings gathered in memory, blocks written in key order.
func (s *Store) rebuildSearch(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketSearchTerms, bucketSearchDocs, bucketSearchDelta} {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	dir := s.dir(tx)
	type job struct {
		id   uint64
		text [2]string
	}
	var jobs []job
	err := tx.Bucket(bucketAgreements).ForEach(func(k, raw []byte) error {
		if len(k) != 8 {
			return nil
		}
		var a agreement.Agreement
		if err := decode(raw, &a); err != nil {
			return err
		}
		jobs = append(jobs, job{id: uint64(a.ID), text: searchText(dir, &a)})
		return nil
	})
	if err != nil {
		return err
	}
	fwd := make([]*forward, len(jobs))
	workers := max(1, min(runtime.NumCPU(), 8))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(jobs); i += workers {
				fwd[i] = forwardOf(s.analyzer, jobs[i].text)
			}
		}(w)
	}
	wg.Wait()
	blocks := map[string]block{}
	docs := tx.Bucket(bucketSearchDocs)
	docs.FillPercent = 1
	var total [2]uint64
	for i, j := range jobs {
		f := fwd[i]
		for t, tf := range f.terms {
			ck := string(chunkKey(t, j.id))
			blocks[ck] = append(blocks[ck], search.Posting{Doc: j.id, TF: tf})
		}
		total[0] += uint64(f.lens[0])
		total[1] += uint64(f.lens[1])
		if err := docs.Put(idKey(agreement.ID(j.id)), f.encode()); err != nil {
			return err
		}
		fwd[i] = nil
	}
	keys := make([]string, 0, len(blocks))
	for k := range blocks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	terms := tx.Bucket(bucketSearchTerms)
	terms.FillPercent = 1
	for _, k := range keys {
		if err := terms.Put([]byte(k), blocks[k].encode()); err != nil {
			return err
		}
		delete(blocks, k)
	}
	meta := tx.Bucket(bucketMeta)
	for key, v := range map[string]uint64{string(keySearchDocs): uint64(len(jobs)), string(keySearchLen0): total[0], string(keySearchLen1): total[1]} {
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
		return tx.Bucket(bucketAgreements).ForEach(func(k, raw []byte) error {
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
