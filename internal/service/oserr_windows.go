package service

import (
	"errors"
	"syscall"
)

// Windows error codes (winerror.h).
const (
	errorHandleDiskFull syscall.Errno = 39
	errorDiskFull       syscall.Errno = 112
	errorDirectory      syscall.Errno = 267 // ERROR_DIRECTORY: the name is a directory
	errorWriteProtect   syscall.Errno = 19
)

func diskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull)
}
func isDirectory(err error) bool { return errors.Is(err, errorDirectory) }
func readOnly(err error) bool    { return errors.Is(err, errorWriteProtect) }
