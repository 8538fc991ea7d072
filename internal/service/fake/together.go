package fake

import (
	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// Together runs fn under f's lock: its saves are kept when it returns nil;
// otherwise f's state and the records given are put back as they were.
func (f *Fake) Together(fn func(service.Saver) error) error {
	f.mu.Lock()
	before := f.st.clone()
	w := &saver{f: f}
	if err := fn(w); err != nil {
		f.st = before
		f.mu.Unlock()
		for i := len(w.undo) - 1; i >= 0; i-- {
			w.undo[i]()
		}
		return err
	}
	f.mu.Unlock()
	for _, n := range w.notes {
		f.notes.Notify(n()) // the records hold their IDs now
	}
	return nil
}

// saver saves inside Together, under f's lock. A saved record takes its ID
// and revision at once, so that later saves can name it; undo puts them back
// when Together fails.
type saver struct {
	f     *Fake
	undo  []func()
	notes []func() service.Change
}

func (w *saver) keep(undo func(), err error, note func() service.Change) error {
	if err != nil {
		return err
	}
	w.undo = append(w.undo, undo)
	if note != nil {
		w.notes = append(w.notes, note)
	}
	return nil
}

// saveNow saves v at once (saveLocked) and returns how to put it back.
func saveNow[T agreement.Record](f *Fake, k kind, v *T, check func(prev func() (*T, error), next *T) error) (func(), error) {
	was := *v
	commit, err := saveLocked(f, k, v, check)
	if err != nil {
		return nil, err
	}
	commit()
	return func() { *v = was }, nil
}

func (w *saver) SaveParty(p *agreement.Party) error {
	c, err := saveNow(w.f, kParty, p, nil)
	return w.keep(c, err, func() service.Change { return service.Change{Registry: service.RegistryParties, ID: p.ID} })
}

func (w *saver) SaveOfficial(o *agreement.Official) error {
	c, err := saveNow(w.f, kOfficial, o, nil)
	return w.keep(c, err, func() service.Change { return service.Change{Registry: service.RegistryOfficials, ID: o.ID} })
}

func (w *saver) SaveMandate(m *agreement.Mandate) error {
	c, err := saveNow(w.f, kMandate, m, nil)
	return w.keep(c, err, func() service.Change { return service.Change{Registry: service.RegistryMandates, ID: m.ID} })
}

func (w *saver) SaveAgreement(a *agreement.Agreement) error {
	c, err := saveNow(w.f, kAgreement, a, w.f.checkAgreement)
	return w.keep(c, err, nil)
}
