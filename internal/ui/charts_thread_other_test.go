//go:build !linux

package ui

import "time"

// threadTime is not measured here: frame-thread-cpu reads 0.
func threadTime() time.Duration { return 0 }
