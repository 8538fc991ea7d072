package store

import (
	"sync"
	"syscall"
	"time"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// shedPages keeps the check of a copy from holding the whole file in the
// process's resident memory: while it runs, the read-only mapping of the
// copy's first size bytes is released every half millisecond
// (MADV_DONTNEED; pages read again come back from the page cache, the same
// bytes). stop must be called, and returns, before db is closed: after the
// unmap the addresses may belong to something else.
//
// shed releases the pages at once, for a reader that goes faster than the timer.
func shedPages(db *bolt.DB, size int64) (shed, stop func()) {
	info := db.Info()
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
