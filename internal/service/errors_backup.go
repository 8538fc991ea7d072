package service

import "errors"

// Sentinel errors of backups and restores; their words are in the table of errors.go.
var (
	// ErrBackupVerify: a copy did not read back as written; older copies are kept.
	ErrBackupVerify = errors.New("service: backup copy failed verification")
	// ErrNotSepakatCopy: a file to restore from is not a sound Sepakat data file.
	ErrNotSepakatCopy = errors.New("service: copy is not a sound Sepakat data file")
	// ErrSecondPlace: the copy was made in the backup folder but not in the second place.
	ErrSecondPlace = errors.New("service: backup did not reach the second place")
	// ErrBackupPolicy: a rotation count out of range.
	ErrBackupPolicy = errors.New("service: invalid backup rotation")
	// ErrNotFolder: the second place is not an existing folder of its own.
	ErrNotFolder = errors.New("service: second place is not a usable folder")
)
