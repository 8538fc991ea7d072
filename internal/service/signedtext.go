package service

import (
	"encoding/json"

	"sepakat/internal/agreement"
)

// TextSource is what building an agreement's document reads (the method set
// of naskah.Source).
type TextSource interface {
	Agreement(agreement.ID) (agreement.Agreement, error)
	Party(agreement.ID) (agreement.Party, error)
	Official(agreement.ID) (agreement.Official, error)
	Mandate(agreement.ID) (agreement.Mandate, error)
	File(sha string) ([]byte, error)
}

// TextFingerprint is the fingerprint of a's text as it prints, read through
// src; "" when it does not build. export.TextFingerprint is the one the
// programs give their backend; a backend without one keeps no fingerprint.
type TextFingerprint func(a *agreement.Agreement, src TextSource) string

// SigningText is what the history entry of a save keeps of an agreement
// signed by that save (its status becomes Ditandatangani): the fingerprint
// of its text, read in the save's own transaction through dir and parent.
// For any other save, or without fp, it is "". prevJSON is the stored record
// before the save (nil for a new one).
func SigningText(fp TextFingerprint, prevJSON []byte, next any, dir agreement.Directory, parent func(agreement.ID) (agreement.Agreement, bool)) string {
	a, ok := next.(*agreement.Agreement)
	if fp == nil || !ok || a.Status != agreement.StatusDitandatangani || a.IsImported() {
		return ""
	}
	if prevJSON != nil {
		var prev struct {
			Status agreement.Status `json:"status"`
		}
		if json.Unmarshal(prevJSON, &prev) == nil && prev.Status == agreement.StatusDitandatangani {
			return "" // signed before
		}
	}
	return fp(a, textSource{dir, parent})
}

// textSource is a TextSource over a save's transaction; stored files
// (lambang) are no part of the text and are not read.
type textSource struct {
	dir    agreement.Directory
	parent func(agreement.ID) (agreement.Agreement, bool)
}

func (s textSource) Agreement(id agreement.ID) (agreement.Agreement, error) {
	if a, ok := s.parent(id); ok {
		return a, nil
	}
	return agreement.Agreement{}, ErrNotFound
}

func (s textSource) Party(id agreement.ID) (agreement.Party, error) {
	if p, ok := s.dir.Party(id); ok {
		return p, nil
	}
	return agreement.Party{}, ErrNotFound
}

func (s textSource) Official(id agreement.ID) (agreement.Official, error) {
	if o, ok := s.dir.Official(id); ok {
		return o, nil
	}
	return agreement.Official{}, ErrNotFound
}

func (s textSource) Mandate(id agreement.ID) (agreement.Mandate, error) {
	if m, ok := s.dir.Mandate(id); ok {
		return m, nil
	}
	return agreement.Mandate{}, ErrNotFound
}

func (s textSource) File(string) ([]byte, error) { return nil, ErrNotFound }
