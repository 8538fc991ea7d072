//go:build !unix

package store

import "os"

// holdTemp: on Windows a file open for writing cannot be removed, which keeps
// sweepLeftovers from a temporary file another program writes.
func holdTemp(*os.File) {}

// unheld: the removal itself fails for a file in use.
func unheld(string) bool { return true }
