package platform

import "syscall"

var (
	kernel32              = syscall.NewLazyDLL("kernel32.dll")
	procGetCurrentThread  = kernel32.NewProc("GetCurrentThread")
	procSetThreadPriority = kernel32.NewProc("SetThreadPriority")
)

// LowerThreadPriority makes the calling OS thread yield to the window's
// drawing; call it with the goroutine locked to its thread, and let the
// goroutine end locked so the thread goes with it.
func LowerThreadPriority() {
	const threadPriorityBelowNormal = ^uintptr(0) // -1
	thread, _, _ := procGetCurrentThread.Call()
	procSetThreadPriority.Call(thread, threadPriorityBelowNormal)
}
