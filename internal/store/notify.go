package store

import "sepakat/internal/service"

// Subscribe tells f of every registry record saved, after its transaction
// committed, until cancel (service.Directory).
func (s *Store) Subscribe(f func(service.Change)) (cancel func()) { return s.notes.Subscribe(f) }
