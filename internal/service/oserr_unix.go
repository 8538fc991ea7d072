//go:build !windows

package service

import (
	"errors"
	"syscall"
)

func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
func isDirectory(err error) bool { return errors.Is(err, syscall.EISDIR) }
func readOnly(err error) bool    { return errors.Is(err, syscall.EROFS) }
