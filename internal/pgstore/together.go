package pgstore

import (
	"context"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
)

// Together runs fn in one server transaction: its saves commit together,
// or none of them when fn or a save fails.
func (s *Store) Together(fn func(service.Saver) error) error {
	ctx := bg()
	w := &saver{ctx: ctx, s: s}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		w.tx = tx
		return fn(w)
	})
	if err != nil {
		for i := len(w.undo) - 1; i >= 0; i-- {
			w.undo[i]()
		}
		return s.saveFailed(ctx, err, w.last)
	}
	for _, c := range w.commits {
		c()
	}
	for _, n := range w.notes {
		s.notes.Notify(n()) // the records hold their IDs now
	}
	return nil
}

// saver saves inside Together's transaction. A saved record takes its ID
// and revision at once, so that later saves can name it; undo puts them back
// when the transaction fails, and commits wait for it.
type saver struct {
	ctx     context.Context
	s       *Store
	tx      pgx.Tx
	undo    []func()
	commits []func()
	notes   []func() service.Change
	last    *agreement.Agreement // the last agreement saved, for saveFailed
}

func (w *saver) keep(undo, commit func(), err error, note func() service.Change) error {
	if err != nil {
		return err
	}
	w.undo = append(w.undo, undo)
	w.commits = append(w.commits, commit)
	if note != nil {
		w.notes = append(w.notes, note)
	}
	return nil
}

// saveNow saves v in w's transaction (saveIn) and gives v the saved record at
// once; it returns how to put v back and what waits for the commit.
func saveNow[T agreement.Record](w *saver, t dataset.RecordType, v *T, check func(d agreement.Directory, prev func() (*T, error), next *T) error) (func(), func(), error) {
	was := *v
	next, after, err := saveIn(w.ctx, w.s, w.tx, t, v, check)
	if err != nil {
		return nil, nil, err
	}
	*v = next
	return func() { *v = was }, after, nil
}

func (w *saver) SaveParty(p *agreement.Party) error {
	u, c, err := saveNow(w, dataset.TypeParty, p, nil)
	return w.keep(u, c, err, func() service.Change { return service.Change{Registry: service.RegistryParties, ID: p.ID} })
}

func (w *saver) SaveOfficial(o *agreement.Official) error {
	u, c, err := saveNow(w, dataset.TypeOfficial, o, nil)
	return w.keep(u, c, err, func() service.Change { return service.Change{Registry: service.RegistryOfficials, ID: o.ID} })
}

func (w *saver) SaveMandate(m *agreement.Mandate) error {
	u, c, err := saveNow(w, dataset.TypeMandate, m, nil)
	return w.keep(u, c, err, func() service.Change { return service.Change{Registry: service.RegistryMandates, ID: m.ID} })
}

func (w *saver) SaveAgreement(a *agreement.Agreement) error {
	w.last = a
	u, c, err := saveNow(w, dataset.TypeAgreement, a, checkAgreement)
	return w.keep(u, c, err, nil)
}
