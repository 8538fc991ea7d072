package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"slices"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// SalvageFile copies every readable record of the data file at src into a new
// data file at dst, like Store.Salvage, from a file that may not open at all:
// truncated, its first page zeroed, its free list or pages damaged. It reads
// the file with plain reads (no memory map) and walks bbolt's B+tree from the
// newest sound meta page, checking every page header, every element's bounds
// and every child's keys against its parent before it uses them; a page that
// does not hold up is named and its records are lost, the rest is copied. The
// source is never written. dst must not exist; a failed or cancelled salvage
// leaves no file there. No other program may write src meanwhile.
func SalvageFile(ctx context.Context, src, dst string) (service.SalvageReport, error) {
	return salvageFile(ctx, src, dst, Options{})
}

// salvageable reads the pages of the bbolt file f from its newest sound meta
// page, or says why nothing can be salvaged from it: it is no bbolt file
// (service.ErrNotSepakat), no meta page holds, or only its head is left
// (service.ErrCorrupt).
func salvageable(f *os.File) (*pageFile, error) {
	if ok, err := looksLikeBolt(f.Name()); err != nil {
		return nil, err
	} else if !ok {
		return nil, fmt.Errorf("%w: %s", service.ErrNotSepakat, f.Name())
	}
	pf, err := openPages(f)
	if err != nil {
		return nil, err
	}
	if pf.size/pf.pageSize <= 2 {
		return nil, fmt.Errorf("%w: hanya kepala berkas yang tersisa", service.ErrCorrupt)
	}
	return pf, nil
}

// salvageFile is SalvageFile, opening the new file with opt.
func salvageFile(ctx context.Context, src, dst string, opt Options) (service.SalvageReport, error) {
	var rep service.SalvageReport
	if _, err := os.Stat(dst); err == nil {
		return rep, &os.PathError{Op: "salvage", Path: dst, Err: os.ErrExist}
	}
	f, err := os.Open(src)
	if err != nil {
		return rep, err
	}
	defer f.Close()
	pf, err := salvageable(f)
	if err != nil {
		return rep, err
	}
	part := dst + ".part"
	if err := os.Remove(part); err != nil && !errors.Is(err, os.ErrNotExist) {
		return rep, err
	}
	out, err := Open(part, opt)
	if err != nil {
		return rep, err
	}
	fail := func(err error) (service.SalvageReport, error) {
		out.Close()
		os.Remove(part)
		return service.SalvageReport{}, err
	}
	top := map[string]rawBucket{}
	pf.walk(pf.root, pf.seen, func(k, v []byte, bucket bool) error {
		if bucket {
			if b, ok := pf.bucketOf(v); ok {
				top[string(k)] = b
			}
		}
		return nil
	}, &rep)
	// The meta values that are not derived, and the ID sequences.
	var meta [][2][]byte
	if b, ok := top[string(schema.Meta)]; ok {
		pf.walkBucket(b, func(k, v []byte, bucket bool) error {
			for _, want := range [][]byte{schema.KeyCreated, schema.KeyExamplesLoaded, schema.KeySearchSynonyms} {
				if !bucket && bytes.Equal(k, want) {
					meta = append(meta, [2][]byte{bytes.Clone(k), bytes.Clone(v)})
				}
			}
			return nil
		}, &rep)
	}
	names := salvageOrder
	copied := map[string]bool{} // bucket 0 key of every entry copied from the tree
	err = out.update(func(tx *bolt.Tx) error {
		for _, kv := range meta {
			if err := tx.Bucket(schema.Meta).Put(kv[0], kv[1]); err != nil {
				return err
			}
		}
		for _, name := range names {
			if b, ok := top[string(name)]; ok {
				if err := tx.Bucket(name).SetSequence(b.seq); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fail(err)
	}
	for _, name := range names {
		b, ok := top[string(name)]
		if !ok {
			rep.Damaged = append(rep.Damaged, service.RecordRef{Type: "page", Key: string(name)})
			continue
		}
		var keys, vals [][]byte
		flush := func() error {
			if len(keys) == 0 {
				return nil
			}
			err := out.update(func(tx *bolt.Tx) error {
				for i := range keys {
					if err := out.putSalvaged(tx, name, keys[i], vals[i]); err != nil {
						return err
					}
				}
				return nil
			})
			if !bytes.Equal(name, schema.Counters) {
				rep.Copied += len(keys)
			}
			keys, vals = keys[:0], vals[:0]
			dropMapped(out.db) // what the batch read of the new file need not stay resident
			return err
		}
		err := pf.walkBucket(b, func(k, v []byte, bucket bool) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if bucket {
				return nil // the record buckets hold no nested buckets
			}
			if !readable(name, k, v) {
				rep.Damaged = append(rep.Damaged, damageRef(name, k))
				return nil
			}
			copied[string(name)+"\x00"+string(k)] = true
			keys, vals = append(keys, bytes.Clone(k)), append(vals, bytes.Clone(v))
			if len(keys) == salvageBatch {
				return flush()
			}
			return nil
		}, &rep)
		if err == nil {
			err = flush()
		}
		if err != nil {
			return fail(err)
		}
	}
	if slices.ContainsFunc(rep.Damaged, func(r service.RecordRef) bool { return r.Type == "page" }) {
		// Pages the tree no longer reaches may still hold records.
		n, err := pf.salvageLoose(ctx, out, copied)
		if err != nil {
			return fail(err)
		}
		rep.Copied += n
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	if err := out.finishSalvage(ctx); err != nil {
		return fail(err)
	}
	if err := out.Close(); err != nil {
		os.Remove(part)
		return service.SalvageReport{}, err
	}
	if err := os.Rename(part, dst); err != nil {
		os.Remove(part)
		return service.SalvageReport{}, err
	}
	return rep, nil
}

// bbolt's on-disk layout, as of bbolt 1.4 (go.etcd.io/bbolt/internal/common):
// a page header is id(8) flags(2) count(2) overflow(4); a meta page holds
// magic(4) version(4) pageSize(4) flags(4) root(8) sequence(8) freelist(8)
// pgid(8) txid(8) checksum(8) after it; a branch element is pos(4) ksize(4)
// pgid(8), a leaf element flags(4) pos(4) ksize(4) vsize(4), the key at pos
// from the element and the value after the key; a bucket's value is its root
// page(8) and sequence(8), followed by the whole page when the root is 0 (inline).
const (
	pageHeader   = 16
	elemSize     = 16
	flagBranch   = 0x01
	flagLeaf     = 0x02
	flagMetaPage = 0x04
	flagBucket   = 0x01 // a leaf element that is a nested bucket
	maxDepth     = 64   // far above any tree bbolt builds
	bboltVersion = 2
)

// pageFile reads bbolt pages with plain reads, each checked before use.
type pageFile struct {
	r        io.ReaderAt
	size     int64 // of the file
	pageSize int64
	root     uint64 // the root bucket's page
	high     uint64 // the meta's high-water page id
	freelist uint64 // the free list's page, or all ones when it is not kept
	seen     map[uint64]bool
	free     map[uint64]bool // filled by checkFreelist when not nil
	// lazy: a page with overflow is read in full only as far as its keys and
	// small values go (validation and inspection need no stored file's content).
	lazy bool
}

// rawBucket is a bucket found in the file: its root page, or its inline page.
type rawBucket struct {
	root   uint64
	inline []byte
	seq    uint64
}

// openPages finds the newest meta page whose checksum holds, at offset 0 or at
// any page size bbolt may have used, and the page size it records.
func openPages(f *os.File) (*pageFile, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	pf := &pageFile{r: f, size: info.Size(), seen: map[uint64]bool{}}
	var best struct {
		txid, root, high uint64
		freelist         uint64
		pageSize         int64
		ok               bool
	}
	var buf [pageHeader + 64]byte
	consider := func(off int64, wantID uint64) {
		if off+int64(len(buf)) > pf.size {
			return
		}
		if _, err := f.ReadAt(buf[:], off); err != nil {
			return
		}
		ne := binary.NativeEndian
		m := buf[pageHeader:]
		if ne.Uint64(buf[0:8]) != wantID || ne.Uint16(buf[8:10])&flagMetaPage == 0 ||
			ne.Uint32(m[0:4]) != boltMagic || ne.Uint32(m[4:8]) != bboltVersion {
			return
		}
		h := fnv.New64a()
		h.Write(m[:56])
		if h.Sum64() != ne.Uint64(m[56:64]) {
			return
		}
		size := int64(ne.Uint32(m[8:12]))
		if size < 512 || size > 1<<16 || size&(size-1) != 0 || (wantID == 1 && off != size) {
			return
		}
		txid := ne.Uint64(m[48:56])
		if !best.ok || txid > best.txid {
			best.txid, best.root, best.high, best.pageSize, best.ok = txid, ne.Uint64(m[16:24]), ne.Uint64(m[40:48]), size, true
			best.freelist = ne.Uint64(m[32:40])
		}
	}
	consider(0, 0)
	for i := 0; i <= 6; i++ {
		consider(int64(1024<<i), 1)
	}
	if !best.ok {
		return nil, fmt.Errorf("%w: %s", service.ErrCorrupt, f.Name())
	}
	pf.pageSize, pf.root, pf.high, pf.freelist = best.pageSize, best.root, best.high, best.freelist
	return pf, nil
}

// page reads page id whole (with its overflow) into buf, grown as needed, or
// gives nil when its header does not hold up: beyond the file or the
// high-water mark, another id, or flags other than a branch or a leaf. When
// pf.lazy, only the first page of a page with overflow is read (see fetch).
// size is the whole page's.
func (pf *pageFile) page(id uint64, buf *[]byte) (p []byte, size int) {
	if id < 2 || id >= pf.high || int64(id) >= pf.size/pf.pageSize {
		return nil, 0
	}
	off := int64(id) * pf.pageSize
	if int64(cap(*buf)) < pf.pageSize {
		*buf = make([]byte, pf.pageSize)
	}
	p = (*buf)[:pf.pageSize]
	if err := pf.readAt(p, off); err != nil {
		return nil, 0
	}
	ne := binary.NativeEndian
	flags, overflow := ne.Uint16(p[8:10]), uint64(ne.Uint32(p[12:16]))
	if ne.Uint64(p[0:8]) != id || (flags != flagBranch && flags != flagLeaf) ||
		id+overflow >= pf.high || off+int64(overflow+1)*pf.pageSize > pf.size {
		return nil, 0
	}
	size = int(int64(overflow+1) * pf.pageSize)
	if overflow > 0 && !pf.lazy {
		n := int64(overflow+1) * pf.pageSize
		if int64(cap(*buf)) < n {
			grown := make([]byte, n)
			copy(grown, p)
			*buf = grown
		}
		p = (*buf)[:n]
		if err := pf.readAt(p[pf.pageSize:], off+pf.pageSize); err != nil {
			return nil, 0
		}
	}
	return p, size
}

// maxFetch is the largest value fetch reads: a bucket's value (with an
// inline page, at most a quarter page) or a meta value is smaller; an
// agreement's or a stored file's is left unread.
const maxFetch = 4 << 10

// fetch reads n bytes at offset at of page id, or gives nil for more than maxFetch.
func (pf *pageFile) fetch(id uint64) func(at, n uint64) []byte {
	return func(at, n uint64) []byte {
		if n > maxFetch {
			return nil
		}
		b := make([]byte, n)
		if pf.readAt(b, int64(id)*pf.pageSize+int64(at)) != nil {
			return nil
		}
		return b
	}
}

// readAt fills p from the file at off.
func (pf *pageFile) readAt(p []byte, off int64) error {
	_, err := pf.r.ReadAt(p, off)
	return err
}

// element is one element of a page, its bounds checked.
type element struct {
	flags uint32
	child uint64 // a branch element's page
	k, v  []byte
}

// elements decodes a page's elements, or reports false when one of them
// points outside the page or the keys do not ascend within [lo, hi).
//
// p may hold only the start of a page of size bytes; what lies beyond comes
// from fetch (an offset in the page, a length), which may give nil for a value
// too large to be of use: such a value is left nil.
func elements(p []byte, size int, lo, hi []byte, fetch func(at, n uint64) []byte) ([]element, bool) {
	if len(p) < pageHeader {
		return nil, false
	}
	ne := binary.NativeEndian
	flags, count := ne.Uint16(p[8:10]), int(ne.Uint16(p[10:12]))
	if pageHeader+count*elemSize > len(p) || count == 0 && flags == flagBranch {
		return nil, false
	}
	out := make([]element, count)
	for i := range out {
		at := pageHeader + i*elemSize
		e := p[at : at+elemSize]
		var ksize, vsize uint64
		var pos uint64
		if flags == flagBranch {
			pos, ksize = uint64(ne.Uint32(e[0:4])), uint64(ne.Uint32(e[4:8]))
			out[i].child = ne.Uint64(e[8:16])
		} else {
			out[i].flags = ne.Uint32(e[0:4])
			pos, ksize, vsize = uint64(ne.Uint32(e[4:8])), uint64(ne.Uint32(e[8:12])), uint64(ne.Uint32(e[12:16]))
		}
		start := uint64(at) + pos
		if start+ksize+vsize > uint64(size) || ksize == 0 {
			return nil, false
		}
		if start+ksize <= uint64(len(p)) {
			out[i].k = p[start : start+ksize : start+ksize]
		} else if out[i].k = fetch(start, ksize); out[i].k == nil {
			return nil, false
		}
		if start+ksize+vsize <= uint64(len(p)) {
			out[i].v = p[start+ksize : start+ksize+vsize : start+ksize+vsize]
		} else {
			out[i].v = fetch(start+ksize, vsize)
		}
		if i > 0 && bytes.Compare(out[i-1].k, out[i].k) >= 0 {
			return nil, false
		}
	}
	if count > 0 && (lo != nil && bytes.Compare(out[0].k, lo) < 0 || hi != nil && bytes.Compare(out[count-1].k, hi) >= 0) {
		return nil, false
	}
	return out, true
}

// bucketOf decodes a bucket's value.
func (pf *pageFile) bucketOf(v []byte) (rawBucket, bool) {
	if len(v) < 16 {
		return rawBucket{}, false
	}
	ne := binary.NativeEndian
	b := rawBucket{root: ne.Uint64(v[0:8]), seq: ne.Uint64(v[8:16])}
	if b.root == 0 {
		b.inline = bytes.Clone(v[16:]) // v is in a page buffer read again
	}
	return b, true
}

// walkBucket calls fn for every entry of a bucket whose pages hold up.
func (pf *pageFile) walkBucket(b rawBucket, fn func(k, v []byte, bucket bool) error, rep *service.SalvageReport) error {
	if b.root == 0 {
		es, ok := elements(b.inline, len(b.inline), nil, nil, nil)
		if !ok || len(b.inline) >= pageHeader && binary.NativeEndian.Uint16(b.inline[8:10]) != flagLeaf {
			rep.Damaged = append(rep.Damaged, service.RecordRef{Type: "page", Key: "inline"})
			return nil
		}
		for _, e := range es {
			if err := fn(e.k, e.v, e.flags&flagBucket != 0); err != nil {
				return err
			}
		}
		return nil
	}
	return pf.walk(b.root, pf.seen, fn, rep)
}

// walk calls fn for every entry under page id, in key order, skipping (and
// naming) the subtrees whose pages do not hold up. Each page is visited once.
func (pf *pageFile) walk(id uint64, seen map[uint64]bool, fn func(k, v []byte, bucket bool) error, rep *service.SalvageReport) error {
	if seen == nil {
		seen = map[uint64]bool{}
	}
	var bufs [][]byte // a page buffer per depth
	var rec func(id uint64, lo, hi []byte, depth int) error
	rec = func(id uint64, lo, hi []byte, depth int) error {
		bad := func() error {
			rep.Damaged = append(rep.Damaged, service.RecordRef{Type: "page", Key: fmt.Sprint(id)})
			return nil
		}
		if depth > maxDepth || seen[id] {
			return bad()
		}
		seen[id] = true
		for len(bufs) <= depth {
			bufs = append(bufs, nil)
		}
		p, size := pf.page(id, &bufs[depth]) // a branch's page stays while its children are read
		if p == nil {
			return bad()
		}
		for o := id + 1; o < id+uint64(size)/uint64(pf.pageSize); o++ {
			if seen[o] {
				return bad() // two pages overlap
			}
			seen[o] = true
		}
		es, ok := elements(p, size, lo, hi, pf.fetch(id))
		if !ok {
			return bad()
		}
		if binary.NativeEndian.Uint16(p[8:10]) == flagLeaf {
			for _, e := range es {
				if err := fn(e.k, e.v, e.flags&flagBucket != 0); err != nil {
					return err
				}
			}
			return nil
		}
		for i, e := range es {
			clo, chi := e.k, hi
			if i == 0 {
				clo = lo // the first key of a branch may be below its child's keys after deletes
			}
			if i+1 < len(es) {
				chi = es[i+1].k
			}
			if err := rec(e.child, clo, chi, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return rec(id, nil, nil, 0)
}

// salvageLoose copies into out the readable records on leaf pages the tree walk
// did not reach (their branch pages lost) and the free list does not name,
// each recognised by its key and content, skipping the keys already copied.
// Without a free list such pages may hold older versions of a record, so of
// several the one with the highest revision wins. The pages
// are read twice (first to choose, then to copy), never held.
func (pf *pageFile) salvageLoose(ctx context.Context, out *Store, copied map[string]bool) (int, error) {
	type best struct {
		rev  uint64
		page uint64
	}
	chosen := map[string]best{}
	last := min(pf.high, uint64(pf.size/pf.pageSize))
	// Free pages hold what saves replaced or deleted: never taken when the
	// free list reads.
	free, _ := pf.freePages()
	var buf []byte
	loose := func(fn func(id uint64, bucket, k, v []byte, rev uint64) error) error {
		for id := uint64(2); id < last; id++ {
			if pf.seen[id] || free[id] {
				continue
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			p, size := pf.page(id, &buf)
			if p == nil || binary.NativeEndian.Uint16(p[8:10]) != flagLeaf {
				continue
			}
			es, ok := elements(p, size, nil, nil, nil)
			if !ok {
				continue
			}
			for _, e := range es {
				if e.flags&flagBucket != 0 {
					continue
				}
				bucket, rev, ok := classify(e.k, e.v)
				if !ok || copied[string(bucket)+"\x00"+string(e.k)] {
					continue
				}
				if err := fn(id, bucket, e.k, e.v, rev); err != nil {
					return err
				}
			}
		}
		return nil
	}
	err := loose(func(id uint64, bucket, k, v []byte, rev uint64) error {
		key := string(bucket) + "\x00" + string(k)
		if b, ok := chosen[key]; !ok || rev > b.rev {
			chosen[key] = best{rev, id}
		}
		return nil
	})
	if err != nil || len(chosen) == 0 {
		return 0, err
	}
	var batch [][3][]byte
	flush := func() error {
		err := out.update(func(tx *bolt.Tx) error {
			for _, e := range batch {
				if err := out.putSalvaged(tx, e[0], e[1], e[2]); err != nil {
					return err
				}
			}
			return nil
		})
		batch = batch[:0]
		dropMapped(out.db)
		return err
	}
	n := 0
	err = loose(func(id uint64, bucket, k, v []byte, rev uint64) error {
		key := string(bucket) + "\x00" + string(k)
		if b := chosen[key]; b.page != id || b.rev != rev {
			return nil
		}
		delete(chosen, key) // a page holds a key once, but a copy of the page may not
		batch = append(batch, [3][]byte{bucket, bytes.Clone(k), bytes.Clone(v)})
		n++
		if len(batch) == salvageBatch {
			return flush()
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		err = flush()
	}
	return n, err
}

// classify recognises a loose record by its key and content: the bucket it
// belongs to and its revision, or false when it is no readable record.
func classify(k, v []byte) (bucket []byte, rev uint64, ok bool) {
	if len(k) == 8 {
		if h, _, _, ok := parseAgreementValue(v, true); ok {
			return schema.Agreements, h.Rev, true
		}
	}
	if len(k) == 64 && readable(schema.Files, k, v) {
		return schema.Files, 0, true
	}
	body := recordJSON(v)
	if body == nil {
		return nil, 0, false
	}
	var f map[string]json.RawMessage
	if json.Unmarshal(body, &f) != nil {
		return nil, 0, false
	}
	var r uint64
	json.Unmarshal(f["rev"], &r)
	has := func(name string) bool { _, ok := f[name]; return ok }
	switch {
	case len(k) == 16 && keyID(k[:8]) != 0:
		return schema.Agreements, 0, true // a history entry beside its agreement
	case len(k) == 17 && keyID(k[1:9]) != 0:
		return schema.History, 0, true
	case len(k) == 8 && has("jabatan"):
		return schema.Officials, r, true
	case len(k) == 8 && has("grantor_id"):
		return schema.Mandates, r, true
	case len(k) == 8 && has("kind") && has("name") && !has("party_id"):
		return schema.Parties, r, true
	case has("number"):
		var n string
		if json.Unmarshal(f["number"], &n) == nil && n == string(k) {
			return schema.Numbers, 0, true
		}
	}
	return nil, 0, false
}

// raiseSequences sets each ID-keyed bucket's sequence to at least its highest
// ID, and each numbering counter to at least the highest number issued under
// it, so that a salvaged file never hands out an ID or a number twice.
func raiseSequences(tx *bolt.Tx) error {
	for _, name := range idBuckets {
		b := tx.Bucket(name)
		if k, _ := b.Cursor().Last(); len(k) >= 8 && uint64(keyID(k[:8])) > b.Sequence() {
			if err := b.SetSequence(uint64(keyID(k[:8]))); err != nil {
				return err
			}
		}
	}
	counters := tx.Bucket(schema.Counters)
	raise := map[string]uint64{}
	err := tx.Bucket(schema.Numbers).ForEach(func(k, v []byte) error {
		var n dataset.IssuedNumber
		if decode(v, &n) == nil {
			key := agreement.CounterKey(n.Office, n.Kind, n.Year)
			raise[key] = max(raise[key], n.Seq)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for key, seq := range raise {
		if v := counters.Get([]byte(key)); len(v) == 8 && uint64(keyID(v)) >= seq {
			continue
		}
		if err := counters.Put([]byte(key), u64(seq)); err != nil {
			return err
		}
	}
	return nil
}

// checkFreelist checks the free list's page, when the file keeps one: its
// header, its count within its pages, and every free page id within the
// high-water mark and in no tree (walk the trees first, into pf.seen).
func (pf *pageFile) checkFreelist() error {
	const flagFreelist = 0x10
	if pf.freelist == ^uint64(0) {
		return nil
	}
	bad := fmt.Errorf("%w: halaman daftar kosong %d rusak", service.ErrCorrupt, pf.freelist)
	id := pf.freelist
	if id < 2 || id >= pf.high || pf.seen[id] || int64(id) > (pf.size-pageHeader)/pf.pageSize {
		return bad
	}
	off := int64(id) * pf.pageSize
	var head [pageHeader + 8]byte
	if _, err := pf.r.ReadAt(head[:], off); err != nil {
		return bad
	}
	ne := binary.NativeEndian
	flags, count, overflow := ne.Uint16(head[8:10]), uint64(ne.Uint16(head[10:12])), uint64(ne.Uint32(head[12:16]))
	if ne.Uint64(head[0:8]) != id || flags != flagFreelist || id+overflow >= pf.high ||
		off+int64(overflow+1)*pf.pageSize > pf.size {
		return bad
	}
	start := uint64(pageHeader)
	if count == 0xFFFF { // the count is the first element
		count, start = ne.Uint64(head[pageHeader:]), start+8
	}
	if start+count*8 > (overflow+1)*uint64(pf.pageSize) || count > pf.high {
		return bad
	}
	p := make([]byte, (overflow+1)*uint64(pf.pageSize))
	if _, err := pf.r.ReadAt(p, off); err != nil {
		return bad
	}
	for i := range count {
		free := ne.Uint64(p[start+i*8:])
		if free < 2 || free >= pf.high || pf.seen[free] || free >= id && free <= id+overflow {
			return bad
		}
		if pf.free != nil {
			pf.free[free] = true
		}
	}
	for o := id; o <= id+overflow && pf.free != nil; o++ {
		pf.free[o] = true
	}
	return nil
}

// freePages is the set of free pages, the free list's own pages among them.
func (pf *pageFile) freePages() (map[uint64]bool, error) {
	pf.free = map[uint64]bool{}
	defer func() { pf.free = nil }()
	if err := pf.checkFreelist(); err != nil {
		return nil, err
	}
	if pf.freelist == ^uint64(0) {
		return nil, fmt.Errorf("%w: daftar halaman kosong tidak disimpan", service.ErrCorrupt)
	}
	return pf.free, nil
}

// walkFile walks every bucket's tree, nested ones too, checking every page on
// the way, and calls visit (when not nil) for every entry that is no bucket,
// with the name of the top-level bucket it is in. It gives the first page that
// does not hold up, if any, or visit's error.
func (pf *pageFile) walkFile(visit func(top, k, v []byte) error) (*service.RecordRef, error) {
	var rep service.SalvageReport
	var walkBucket func(top []byte, b rawBucket) error
	entry := func(top []byte) func(k, v []byte, bucket bool) error {
		return func(k, v []byte, bucket bool) error {
			if !bucket {
				if visit != nil {
					return visit(top, k, v)
				}
				return nil
			}
			b, ok := pf.bucketOf(v)
			if !ok {
				rep.Damaged = append(rep.Damaged, service.RecordRef{Type: "page", Key: string(k)})
				return nil
			}
			if top == nil {
				return walkBucket(bytes.Clone(k), b)
			}
			return walkBucket(top, b)
		}
	}
	walkBucket = func(top []byte, b rawBucket) error {
		return pf.walkBucket(b, entry(top), &rep)
	}
	if err := pf.walk(pf.root, pf.seen, entry(nil), &rep); err != nil {
		return nil, err
	}
	if len(rep.Damaged) > 0 {
		return &rep.Damaged[0], nil
	}
	return nil, nil
}

// checkReachable reports a page that is neither in a tree, nor free, nor a
// meta or free-list page, as bbolt's own check does (walkFile and
// checkFreelist first).
func (pf *pageFile) checkReachable() error {
	free, err := pf.freePages()
	if err != nil {
		return err
	}
	for id := uint64(2); id < pf.high; id++ {
		if !pf.seen[id] && !free[id] {
			return fmt.Errorf("%w: halaman %d tidak terjangkau dan tidak kosong", service.ErrCorrupt, id)
		}
	}
	return nil
}
