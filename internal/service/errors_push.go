package service

import "errors"

// Sentinel errors of moving a register onto the office's server (server
// push); their words are in the table of errors.go.
var (
	// ErrServerNotEmpty: a push goes only to a server without a register.
	ErrServerNotEmpty = errors.New("service: the server already holds a register")
	// ErrPushUnderway: another push is filling the server now.
	ErrPushUnderway = errors.New("service: another push is under way")
)
