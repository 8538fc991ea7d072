//go:build unix

package ui

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used, user and system: a
// frame's cost on a machine shared with other work, where the wall clock
// also counts the time the frame waited for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
