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
