//go:build !linux && !windows

package platform

// LowerThreadPriority does nothing where Sepakat has no portable way to.
func LowerThreadPriority() {}
