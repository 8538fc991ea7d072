//go:build !linux && !windows

package ui

// lowerThreadPriority does nothing where Sepakat has no portable way to.
func lowerThreadPriority() {}
