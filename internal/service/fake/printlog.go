package fake

import (
	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
)

// RecordPrint adds to agreement id's history that p was printed, at the
// revision stored now.
func (f *Fake) RecordPrint(id agreement.ID, p dataset.Print) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, ok := get[agreement.Agreement](&f.st, kAgreement, id)
	if !ok {
		return service.ErrNotFound
	}
	var seq uint64
	for k := range f.st.history {
		if k.t == dataset.TypeAgreement && k.id == id {
			seq = max(seq, k.seq)
		}
	}
	e := dataset.HistoryEntry{Type: dataset.TypeAgreement, ID: id, Rev: a.Rev, Seq: seq + 1,
		At: f.now(), By: f.user, Action: dataset.ActionPrint, Print: &p}
	return f.appendHistory(&e)
}

// chainProblems verifies every record's history chain; f.mu is held.
func (f *Fake) chainProblems() error {
	seen := map[histKey]bool{}
	var owners []histKey
	for _, k := range f.sortedHistory() { // records in the store's order, for a steady report
		if o := (histKey{t: k.t, id: k.id}); !seen[o] {
			seen[o] = true
			owners = append(owners, o)
		}
	}
	var rep service.CheckReport
	for _, o := range owners {
		entries, err := f.historyOf(o.t, o.id)
		if err != nil {
			continue // named above as unreadable
		}
		for _, b := range dataset.CheckChain(entries) {
			rep.Problems = append(rep.Problems, service.CheckProblem{Record: service.RecordRef{Type: string(o.t), ID: uint64(o.id)}, Text: service.ChainText(b)})
		}
	}
	if len(rep.Problems) == 0 {
		return nil
	}
	return &service.CheckError{Report: rep}
}
