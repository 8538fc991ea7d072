package service

import "errors"

// Sentinels of an import file's content (imports.go); their words are in the
// table of errors.go. None blames the data file: the import file is at fault.
var (
	ErrImportHash    = errors.New("service: imported file does not match its SHA-256")
	ErrImportHistory = errors.New("service: imported history does not fit its record")
	ErrImportRange   = errors.New("service: imported number out of range")
	ErrFileName      = errors.New("service: file name not allowed")
)
