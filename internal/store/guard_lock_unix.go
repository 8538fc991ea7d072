//go:build unix

package store

import (
	"os"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
)

// whileUnheld runs fn holding a shared lock on the file at path, waiting up
// to timeout for a program that has it open for writing (bbolt's exclusive
// lock) to let go: fn then reads no page a save is writing. A file another
// program keeps open gives bolt.ErrTimeout, as bbolt's own wait does.
func whileUnheld(path string, timeout time.Duration, fn func() error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn() // fn says what is wrong with it
	}
	defer f.Close()
	deadline := time.Now().Add(timeout)
	for syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB) != nil {
		if time.Now().After(deadline) {
			return bolt.ErrTimeout
		}
		time.Sleep(50 * time.Millisecond)
	}
	defer syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return fn()
}
