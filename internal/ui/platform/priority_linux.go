package platform

import "syscall"

// LowerThreadPriority makes the calling OS thread yield to the window's
// drawing; call it with the goroutine locked to its thread, and let the
// goroutine end locked so the thread goes with it.
func LowerThreadPriority() {
	_ = syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), 10)
}
