//go:build !unix

package store

import "time"

// whileUnheld runs fn. On Windows bbolt locks a byte beyond the file's end,
// which leaves reads free; a file another program is saving to may then read
// as damaged where bbolt's own open would have waited.
func whileUnheld(path string, timeout time.Duration, fn func() error) error {
	return fn()
}
