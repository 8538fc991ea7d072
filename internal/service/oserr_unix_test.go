//go:build !windows

package service

import (
	"io/fs"
	"os"
	"syscall"
	"testing"
)

// osCases are the errors of a Unix system: a full disk, a folder read as a
// file, a read-only disk.
func osCases(t *testing.T) []osCase {
	dir := t.TempDir()
	_, errDir := os.ReadFile(dir)
	return []osCase{
		{"disk full", &fs.PathError{Op: "write", Path: "/media/usb/ekspor.json", Err: syscall.ENOSPC}, "/media/usb/ekspor.json", msgDiskFull},
		{"quota", &fs.PathError{Op: "write", Path: "/home/staf/a.db", Err: syscall.EDQUOT}, "/home/staf/a.db", msgDiskFull},
		{"is a directory", errDir, dir, msgIsDir},
		{"read-only", &fs.PathError{Op: "open", Path: "/cdrom/a.db", Err: syscall.EROFS}, "/cdrom/a.db", msgReadOnly},
	}
}
