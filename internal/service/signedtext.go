package service

import (
	"encoding/json"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
)

// SigningText is what the history entry of a save keeps of an agreement
// signed by that save (its status becomes Ditandatangani): the fingerprint
// of its text as it prints (naskah.Document.Fingerprint), read in the save's
// own transaction through dir and parent. For any other save, or a text that
// does not build, it is "". prevJSON is the stored record before the save
// (nil for a new one).
func SigningText(prevJSON []byte, next any, dir agreement.Directory, parent func(agreement.ID) (agreement.Agreement, bool)) string {
	a, ok := next.(*agreement.Agreement)
	if !ok || a.Status != agreement.StatusDitandatangani || a.IsImported() {
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
	lib, err := naskah.Shipped()
	if err != nil {
		return ""
	}
	src := textSource{dir, parent}
	var own []agreement.Party
	for _, ap := range a.Parties {
		if p, ok := dir.Party(ap.PartyID); ok {
			own = append(own, p)
		}
	}
	d, err := naskah.Build(a, src, lib, naskah.OfficeOptions(own))
	if err != nil {
		return ""
	}
	return d.Fingerprint()
}

// textSource is a naskah.Source over a save's transaction; stored files
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
