package service

import (
	"io/fs"
	"testing"
)

// osCases are the errors of Windows: a full disk, a directory, a write-protected disk.
func osCases(t *testing.T) []osCase {
	return []osCase{
		{"disk full", &fs.PathError{Op: "write", Path: `E:\ekspor.json`, Err: errorDiskFull}, `E:\ekspor.json`, msgDiskFull},
		{"is a directory", &fs.PathError{Op: "open", Path: `C:\Data`, Err: errorDirectory}, `C:\Data`, msgIsDir},
		{"read-only", &fs.PathError{Op: "open", Path: `D:\a.db`, Err: errorWriteProtect}, `D:\a.db`, msgReadOnly},
	}
}
