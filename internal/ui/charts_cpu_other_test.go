//go:build !unix

package ui

import "time"

// cpuTime is not measured here; the frames' cpu figures read 0.
func cpuTime() time.Duration { return 0 }
