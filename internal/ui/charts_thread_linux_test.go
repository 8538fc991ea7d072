package ui

import (
	"syscall"
	"time"
)

// threadTime is the processor time the calling thread has used: with the
// goroutine locked to its thread, a frame's own cost, apart from the
// collector's and other goroutines' work and from waiting for a core.
func threadTime() time.Duration {
	const rusageThread = 1 // RUSAGE_THREAD
	var ru syscall.Rusage
	if syscall.Getrusage(rusageThread, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
