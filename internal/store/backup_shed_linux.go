package store

import (
	"sync"
	"syscall"
	"time"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// shedPages keeps tx, reading much of its file, from holding the whole file
// in the process's resident memory: while it runs, the read-only mapping of
// the pages tx sees (tx.Size(), no more than limit when limit > 0) is
// released every half millisecond (MADV_DONTNEED; pages read again come back
// from the page cache, the same bytes). It is called inside tx, and stop must
// be called, and returns, before tx ends: the transaction keeps the mapping
// where it is, and the range stays inside it. (The file can be longer than
// the mapping: bbolt grows it ahead by its allocation size. Released beyond
// the mapping, the addresses may belong to the heap, whose memory would be
// zeroed.)
//
// shed releases the pages at once, for a reader that goes faster than the timer.
func shedPages(tx *bolt.Tx, limit int64) (shed, stop func()) {
	db := tx.DB()
	info := db.Info()
	size := tx.Size()
	if limit > 0 {
		size = min(size, limit)
	}
	size -= size % int64(info.PageSize)
	if size <= 0 {
		return func() {}, func() {}
	}
	// The mapping is outside Go's heap; its address comes as a uintptr.
	base := *(*unsafe.Pointer)(unsafe.Pointer(&info.Data))
	mapped := unsafe.Slice((*byte)(base), size)
	shed = func() {
		syscall.Madvise(mapped, syscall.MADV_DONTNEED) // advice only; an error leaves the pages in place
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			default:
				shed()
				time.Sleep(500 * time.Microsecond)
			}
		}
	}()
	return shed, func() {
		close(done)
		wg.Wait()
	}
}

// dropMapped releases the pages of db's read-only mapping from the process's
// resident memory (they come back from the page cache when read again). The
// mapping holds at least the pages a transaction sees (Tx.Size; the file may
// be longer than the mapping); the read transaction keeps a write from
// remapping it meanwhile.
func dropMapped(db *bolt.DB) {
	db.View(func(tx *bolt.Tx) error {
		size := tx.Size()
		if size <= 0 {
			return nil
		}
		base := *(*unsafe.Pointer)(unsafe.Pointer(&db.Info().Data))
		syscall.Madvise(unsafe.Slice((*byte)(base), size), syscall.MADV_DONTNEED) // advice only
		return nil
	})
}
