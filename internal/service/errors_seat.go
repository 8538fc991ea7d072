package service

import "errors"

// Sentinel errors of a desktop seat on the office's server; their words are
// in the table of errors.go.
var (
	// ErrServerLogin: the server refused the account or its password.
	ErrServerLogin = errors.New("service: server refused the login")
	// ErrReadOnlyCopy: a write to a copy opened only to be read.
	ErrReadOnlyCopy = errors.New("service: copy is open read-only")
	// ErrRestoreOnServer: a seat does not restore the register on the server.
	ErrRestoreOnServer = errors.New("service: the desktop does not restore the server")
)
