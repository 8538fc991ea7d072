package service

import "errors"

// Sentinel errors of the register on the office's PostgreSQL server
// (internal/pgstore); their words are in the table of errors.go.
var (
	// ErrServerUnreachable: the server did not answer (down, network, refused login).
	ErrServerUnreachable = errors.New("service: server cannot be reached")
	// ErrServerConfig: the connection string cannot be read.
	ErrServerConfig = errors.New("service: invalid server connection string")
	// ErrTransferCount: a push or pull ended with other counts than it started with.
	ErrTransferCount = errors.New("service: counts differ after transfer")
)
