package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"runtime/debug"
	"strings"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// bbolt panics, or faults on its memory map, when a page of the file is damaged.
// Every transaction the store runs goes through view or update, which turn such a
// panic into an error wrapping service.ErrCorrupt: a damaged file never ends the program.

// guard recovers a panic into *err. Deferred after debug.SetPanicOnFault(true),
// it also catches a read of a damaged page outside the mapped file.
func guard(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w: %v", service.ErrCorrupt, r)
	}
}

// view runs fn in a read transaction, a damaged page giving ErrCorrupt.
func (s *Store) view(fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer guard(&err)
	return damage(s.db.View(fn))
}

// update runs fn in one write transaction, a damaged page giving ErrCorrupt;
// bbolt rolls the transaction back on the panic, so nothing is written.
func (s *Store) update(fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer guard(&err)
	return damage(s.db.Update(fn))
}

// damage wraps in ErrCorrupt the bbolt errors that, inside the store's own
// transactions, only a damaged file gives: a bucket of the schema missing, a value
// where a bucket should be, a page that does not read. Some of them bbolt only
// words (DeleteBucket formats its cause with %s), so the words are matched too.
func damage(err error) error {
	if err == nil || errors.Is(err, service.ErrCorrupt) {
		return err
	}
	for _, e := range []error{bolt.ErrBucketNotFound, bolt.ErrIncompatibleValue, bolt.ErrInvalid,
		bolt.ErrInvalidMapping, bolt.ErrChecksum, bolt.ErrVersionMismatch} {
		if errors.Is(err, e) || strings.HasSuffix(err.Error(), ": "+e.Error()) {
			return fmt.Errorf("%w: %w", service.ErrCorrupt, err)
		}
	}
	return err
}

// openBolt is bolt.Open with its panics on a damaged meta or free-list page
// caught, of an existing file whose pages hold up (validatePages).
func openBolt(path string, opt *bolt.Options) (db *bolt.DB, err error) {
	if err := whileUnheld(path, opt.Timeout, func() error { return validatePages(path) }); err != nil {
		if errors.Is(err, service.ErrCorrupt) {
			// Open words it as damage; the detail says which page.
			return nil, errors.New(strings.TrimPrefix(err.Error(), service.ErrCorrupt.Error()+": "))
		}
		return nil, err
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer guard(&err)
	return bolt.Open(path, 0o600, opt)
}

// validatePages checks, with plain reads, the layout of the pages bbolt will
// use before it maps them: the newest sound meta page, every page of every
// bucket's tree reachable from it (id, flags, overflow within the file, each
// element within its page, keys ascending and within the range the parent
// gives, no page reached twice or overlapping another) and the free list
// (within the file, no page both free and in use). bbolt trusts all of these:
// a bogus count, offset or cycle there is a runtime fatal error, an endless
// loop or a write to a wild address, which no recover catches, where this
// gives service.ErrCorrupt. A path that does not exist yet passes.
func validatePages(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || info.Size() == 0 {
		return err // an empty file is bbolt's to initialise; Open refuses it before
	}
	pf, err := openPages(f)
	if err != nil {
		return err
	}
	if need := int64(pf.high) * pf.pageSize; pf.size < need {
		return fmt.Errorf("%w: berkas terpotong: %d byte, seharusnya %d", service.ErrCorrupt, pf.size, need)
	}
	pf.lazy = true
	damaged, err := pf.walkFile(nil)
	if err != nil {
		return err
	}
	if damaged != nil {
		return fmt.Errorf("%w: %s: %s", service.ErrCorrupt, path, damaged.Words(i18n.ID))
	}
	return pf.checkFreelist()
}

// boltMagic opens each of bbolt's two meta pages (after a 16-byte page header).
const boltMagic = 0xED0CDAED

// looksLikeBolt reports whether the file at path carries a bbolt meta page: the
// first one at offset 0, or the second one at any page size bbolt may have used.
// A file with neither is not a Sepakat data file (an empty file, a PDF), though
// one with either may still be damaged.
func looksLikeBolt(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return false, err
	}
	var head [20]byte
	hasMagic := func(off int64) bool {
		if off+int64(len(head)) > info.Size() {
			return false
		}
		if _, err := f.ReadAt(head[:], off); err != nil && err != io.EOF {
			return false
		}
		m := head[16:20]
		return binary.LittleEndian.Uint32(m) == boltMagic || binary.BigEndian.Uint32(m) == boltMagic
	}
	if hasMagic(0) {
		return true, nil
	}
	for i := 0; i <= 14; i++ {
		if hasMagic(1024 << i) {
			return true, nil
		}
	}
	return false, nil
}

// walkAll reads every key and value of every bucket, nested ones too, and checks
// that each bucket's keys ascend, so that a damaged page panics or faults here,
// inside view's guard. It stands in for bbolt's own check, which walks the pages
// in a goroutine of its own, where a panic or fault on a damaged page cannot be
// caught and ends the program.
func walkAll(tx *bolt.Tx) (err error) {
	defer guard(&err)
	var sum uint32
	var walk func(name []byte, b *bolt.Bucket) error
	walk = func(name []byte, b *bolt.Bucket) error {
		c := b.Cursor()
		var prev []byte
		for k, v := c.First(); k != nil; k, v = c.Next() {
			sum = crc32.Update(sum, crcTable, k)
			sum = crc32.Update(sum, crcTable, v)
			if prev != nil && bytes.Compare(prev, k) >= 0 {
				return fmt.Errorf("%w: urutan kunci di %q rusak", service.ErrCorrupt, name)
			}
			prev = k
			if v == nil {
				if nested := b.Bucket(k); nested != nil {
					if err := walk(k, nested); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	return tx.ForEach(walk)
}

// crcTable is CRC-32C (Castagnoli).
var crcTable = crc32.MakeTable(crc32.Castagnoli)

// metaPagesSound checks, in the file itself, the page headers bbolt's check
// asserts on outside walkAll's reach: both meta pages and the free list's page.
// Their damage would panic in bbolt's check goroutine, beyond any recover.
func metaPagesSound(tx *bolt.Tx, path string) error {
	const (
		flagMeta     = 0x04
		flagFreelist = 0x10
	)
	size := int64(tx.DB().Info().PageSize)
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var p [72]byte
	header := func(id uint64) (flags uint16, ok bool) {
		if _, err := f.ReadAt(p[:], int64(id)*size); err != nil {
			return 0, false
		}
		return binary.NativeEndian.Uint16(p[8:10]), binary.NativeEndian.Uint64(p[0:8]) == id
	}
	freelist, current := uint64(0), false
	for id := uint64(0); id < 2; id++ {
		flags, ok := header(id)
		if !ok || flags != flagMeta {
			return fmt.Errorf("%w: halaman meta %d rusak", service.ErrCorrupt, id)
		}
		if binary.NativeEndian.Uint64(p[64:72]) == uint64(tx.ID()) {
			freelist, current = binary.NativeEndian.Uint64(p[48:56]), true
		}
	}
	if !current {
		return fmt.Errorf("%w: halaman meta tidak cocok", service.ErrCorrupt)
	}
	if freelist == ^uint64(0) {
		return nil
	}
	if flags, ok := header(freelist); !ok || flags != flagFreelist {
		return fmt.Errorf("%w: halaman daftar kosong %d rusak", service.ErrCorrupt, freelist)
	}
	return nil
}

// shedWhile releases from this process's memory, while tx reads much of the
// file, the mapped pages it read (shedPages; they stay in the page cache);
// call the result before tx ends. A write transaction may use it too: bbolt
// moves the mapping only when it commits.
func shedWhile(tx *bolt.Tx) (stop func()) {
	_, stop = shedPages(tx, 0)
	return stop
}
