package service

import "errors"

// Sentinel errors of verifying a printed page (Verifikasi naskah); their words
// are in the table of errors.go.
var (
	// ErrPageMark: what was typed is no page mark (code and fingerprint).
	ErrPageMark = errors.New("service: not a page code and fingerprint")
	// ErrPageUnknown: the code names no agreement of this register.
	ErrPageUnknown = errors.New("service: page code names no agreement")
)
