//go:build unix

package store

import (
	"os"
	"syscall"
)

// holdTemp marks f, a temporary file being written, as in use until it is
// closed: an exclusive lock that sweepLeftovers of another program respects.
func holdTemp(f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) // advice only
}

// unheld reports whether no program holds the temporary file at path.
func unheld(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		return false
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return true
}
