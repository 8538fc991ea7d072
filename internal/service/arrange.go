package service

import (
	"bytes"
	"encoding/binary"
	"slices"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
)

// ArrangeSummaries is Arrange over list rows held in memory (the fake's, the
// server's): the rows a selects in its order; those the sort has no key for
// (no end date) follow, newest first.
func ArrangeSummaries(sums []agreement.Summary, a Arrangement, today agreement.Date) []agreement.ID {
	fl := a.Filter
	noon := time.Date(today.Year, today.Month, today.Day, 12, 0, 0, 0, time.Local)
	var sel []agreement.Summary
	for _, s := range sums {
		switch {
		case fl.Kind != "" && s.Kind != fl.Kind,
			fl.Status != "" && s.Status != fl.Status,
			fl.Phase != "" && s.Phase(noon, agreement.DefaultSoonDays) != fl.Phase,
			fl.Party != 0 && !HasParty(&s, fl.Party),
			fl.Year != 0 && s.Year != fl.Year,
			fl.Implementer != "" && !slices.ContainsFunc(s.Implementers, func(im string) bool {
				return bytes.Equal(search.ImplementerKey(im), search.ImplementerKey(fl.Implementer))
			}),
			fl.EndsWithin > 0 && (s.Status != agreement.StatusDitandatangani || !EndsWithin(&s, today, fl.EndsWithin)):
			continue
		}
		sel = append(sel, s)
	}
	type row struct {
		key []byte
		id  agreement.ID
	}
	var rows []row
	var rest []agreement.ID
	for _, s := range sel {
		var key []byte
		switch a.Sort {
		case SortChanged:
			key = binary.BigEndian.AppendUint64(nil, ^uint64(s.Updated.UnixNano())) // newest first
			key = append(key, binary.BigEndian.AppendUint64(nil, ^uint64(s.ID))...)
		case SortKind:
			key = []byte(s.Kind)
		case SortSubject:
			key = search.SortKey(s.Subject)
		case SortPartner:
			key = search.SortKey(s.Partners())
		case SortNumber:
			key = search.SortKey(s.OwnNumber)
		case SortStatus:
			key = []byte{byte(slices.Index(agreement.Statuses, s.Status))}
		case SortEnd:
			if !HasEnd(&s) {
				rest = append(rest, s.ID)
				continue
			}
			key = s.End.Key()
		}
		rows = append(rows, row{append(append(key, 0), binary.BigEndian.AppendUint64(nil, uint64(s.ID))...), s.ID})
	}
	slices.SortFunc(rows, func(x, y row) int { return bytes.Compare(x.key, y.key) })
	var out []agreement.ID // nil when nothing is selected, as the store's
	for _, r := range rows {
		out = append(out, r.id)
	}
	if a.Desc {
		slices.Reverse(out)
	}
	slices.Reverse(rest)
	return append(out, rest...)
}

// HasEnd reports whether a list row carries a valid end date.
func HasEnd(s *agreement.Summary) bool { return !s.End.IsZero() && s.End.Valid() }

// HasParty reports whether party id is among the row's parties.
func HasParty(s *agreement.Summary, id agreement.ID) bool {
	return slices.ContainsFunc(s.Parties, func(p agreement.PartyName) bool { return p.ID == id })
}

// EndsWithin reports whether an agreement ends between today and days later.
func EndsWithin(s *agreement.Summary, today agreement.Date, days int) bool {
	if !HasEnd(s) {
		return false
	}
	k := s.End.Key()
	return bytes.Compare(k, today.Key()) >= 0 && bytes.Compare(k, today.AddDate(0, 0, days).Key()) <= 0
}
