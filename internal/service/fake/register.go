package fake

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/service"
)

func sortedIDs[V any](m map[agreement.ID]V) []agreement.ID {
	out := make([]agreement.ID, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// summaries returns the list rows of every agreement, in ID order.
func (f *Fake) summaries() ([]agreement.Summary, error) {
	rows, err := f.listRows()
	if err != nil {
		return nil, err
	}
	out := make([]agreement.Summary, 0, len(rows))
	for _, id := range sortedIDs(rows) {
		out = append(out, cloneSummary(rows[id]))
	}
	return out, nil
}

// summaryOf is one agreement's list row; false when there is no such agreement.
func (f *Fake) summaryOf(id agreement.ID) (agreement.Summary, bool) {
	rows, err := f.listRows()
	s, ok := rows[id]
	return cloneSummary(s), ok && err == nil
}

// listRows computes the list rows once after each write.
func (f *Fake) listRows() (map[agreement.ID]agreement.Summary, error) {
	if f.rows != nil {
		return f.rows, nil
	}
	list := all[agreement.Agreement](&f.st, kAgreement)
	if len(list) != len(f.st.recs[kAgreement]) {
		return nil, service.ErrCorrupt
	}
	children := map[agreement.ID][]agreement.Agreement{}
	byID := make(map[agreement.ID]*agreement.Agreement, len(list))
	for i := range list {
		byID[list[i].ID] = &list[i]
		if p := list[i].ParentID; p != 0 {
			children[p] = append(children[p], list[i])
		}
	}
	rows := make(map[agreement.ID]agreement.Summary, len(list))
	for i := range list {
		a := &list[i]
		kids := children[a.ID]
		sum := agreement.Summarize(a, len(kids), dir{f}.Party)
		// A signed Adendum moves the end; one without a term ends with its parent.
		sum.End = a.EndIn(kids, byID[a.ParentID], children[a.ParentID])
		rows[a.ID] = sum
	}
	f.rows = rows
	return rows, nil
}

// cloneSummary copies a row so that callers never share its slices.
func cloneSummary(s agreement.Summary) agreement.Summary {
	s.Parties = slices.Clone(s.Parties)
	s.Implementers = slices.Clone(s.Implementers)
	return s
}

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

var (
	hasEnd     = service.HasEnd
	hasParty   = service.HasParty
	endsWithin = service.EndsWithin
)

// List returns one page of summaries in the order of q. A page's Next is the
// position of its last row in that order, so that later pages continue after
// it even when rows change in between.
func (f *Fake) List(q service.Query) (service.Page, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.list(q)
}

func (f *Fake) list(q service.Query) (service.Page, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	sums, err := f.summaries()
	if err != nil {
		return service.Page{}, err
	}
	type row struct {
		key []byte
		sum agreement.Summary
	}
	var rows []row
	reverse := true
	for _, s := range sums {
		id := u64(uint64(s.ID))
		switch q.Order {
		case service.ByChanged:
			rows = append(rows, row{append(u64(uint64(s.Updated.UnixNano())), id...), s})
		case service.ByStatus:
			if s.Status == q.Status {
				rows = append(rows, row{id, s})
			}
		case service.ByKind:
			if s.Kind == q.Kind {
				rows = append(rows, row{id, s})
			}
		case service.ByParty:
			if hasParty(&s, q.Party) {
				rows = append(rows, row{id, s})
			}
		case service.ByYear:
			if s.Year == q.Year {
				rows = append(rows, row{id, s})
			}
		case service.ByEnd:
			reverse = false
			if hasEnd(&s) && (q.EndFrom.IsZero() || !s.End.Before(q.EndFrom)) {
				rows = append(rows, row{append(s.End.Key(), id...), s})
			}
		case service.ByParent:
			reverse = false
			if s.ParentID == q.Parent && q.Parent != 0 {
				rows = append(rows, row{id, s})
			}
		}
	}
	slices.SortFunc(rows, func(a, b row) int {
		if reverse {
			return bytes.Compare(b.key, a.key)
		}
		return bytes.Compare(a.key, b.key)
	})
	var page service.Page
	var last []byte
	for _, r := range rows {
		if q.After != nil {
			c := bytes.Compare(r.key, q.After)
			if (reverse && c >= 0) || (!reverse && c <= 0) {
				continue
			}
		}
		if len(page.Items) == q.Limit {
			page.Next = last
			break
		}
		page.Items = append(page.Items, r.sum)
		last = r.key
	}
	return page, nil
}

// Total returns the number of agreements.
func (f *Fake) Total() (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.st.recs[kAgreement]), nil
}

// Summaries returns the list rows of agreements, in the order asked; an ID that
// does not exist gives service.ErrNotFound.
func (f *Fake) Summaries(ids []agreement.ID) ([]agreement.Summary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]agreement.Summary, 0, len(ids))
	for _, id := range ids {
		s, ok := f.summaryOf(id)
		if !ok {
			return nil, service.ErrNotFound
		}
		out = append(out, s)
	}
	return out, nil
}

// Arrange lists every agreement an arrangement selects, in its order; those the
// sort has no key for (no end date) follow, newest first.
func (f *Fake) Arrange(a service.Arrangement) ([]agreement.ID, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	sums, err := f.summaries()
	if err != nil {
		return nil, err
	}
	return service.ArrangeSummaries(sums, a, agreement.DateOf(f.now())), nil
}

// Choices lists the values the register's filters offer.
func (f *Fake) Choices() (service.Choices, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var ch service.Choices
	sums, err := f.summaries()
	if err != nil {
		return ch, err
	}
	years := map[int]bool{}
	partners := map[agreement.ID]bool{}
	impl := map[string]string{} // key → as first written
	for _, s := range sums {
		if !years[s.Year] {
			years[s.Year] = true
			ch.Years = append(ch.Years, s.Year)
		}
		for _, p := range s.Parties {
			if p.ID != 0 {
				partners[p.ID] = true
			}
		}
		for _, im := range s.Implementers {
			if k := string(search.ImplementerKey(im)); k != "" {
				if _, seen := impl[k]; !seen {
					impl[k] = strings.Join(strings.Fields(im), " ")
				}
			}
		}
	}
	slices.SortFunc(ch.Years, func(a, b int) int { return b - a })
	for _, id := range sortedIDs(partners) {
		if p, ok := (dir{f}).Party(id); ok && !p.Own {
			ch.Partners = append(ch.Partners, agreement.PartyName{ID: id, Name: p.Name, Short: p.ShortName})
		}
	}
	slices.SortStableFunc(ch.Partners, func(a, b agreement.PartyName) int {
		return cmp.Compare(search.Fold(a.Name), search.Fold(b.Name))
	})
	keys := make([]string, 0, len(impl))
	for k := range impl {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		ch.Implementers = append(ch.Implementers, impl[k])
	}
	return ch, nil
}

// Dashboard gathers what the Beranda shows on the day of now.
func (f *Fake) Dashboard(now time.Time) (service.Dashboard, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	sums, err := f.summaries()
	if err != nil {
		return service.Dashboard{Counts: map[agreement.Status]int{}}, err
	}
	return service.DashboardOf(sums, now, f.list)
}
