package store

import (
	"syscall"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// shedRead releases from this process's resident memory the pages of the
// file that tx has read so far (MADV_DONTNEED on the read-only mapping; read
// again, they come back from the page cache). Unlike shedWhile it needs no
// timer, so a reader that runs ahead of a busy machine still sheds.
func shedRead(tx *bolt.Tx) {
	size := tx.Size()
	if size <= 0 {
		return
	}
	// The mapping is outside Go's heap; its address comes as a uintptr.
	base := *(*unsafe.Pointer)(unsafe.Pointer(&tx.DB().Info().Data))
	syscall.Madvise(unsafe.Slice((*byte)(base), size), syscall.MADV_DONTNEED) // advice only
}
