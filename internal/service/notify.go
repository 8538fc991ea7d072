package service

import (
	"slices"
	"sync"

	"sepakat/internal/agreement"
)

// Registry names one of the registries a Change is about.
type Registry int

const (
	RegistryParties Registry = iota + 1
	RegistryOfficials
	RegistryMandates
	// RegistryAll: any or all of them changed at once (examples loaded,
	// a data set imported); read them all again.
	RegistryAll
	// RegistryAgreements: another seat of a register several seats share
	// (the server) saved an agreement. Only such a backend tells of it; a
	// seat's own agreement saves refresh its screens where they are made.
	RegistryAgreements
)

// Change tells the open windows that a registry record was saved.
type Change struct {
	Registry Registry
	// ID is the record saved; 0 with RegistryAll.
	ID agreement.ID
}

// Affects reports whether the change touches registry r.
func (c Change) Affects(r Registry) bool { return c.Registry == r || c.Registry == RegistryAll }

// Notifier keeps the subscribers of a backend's changes. Its zero value is
// ready; it is safe for concurrent use.
type Notifier struct {
	mu   sync.Mutex
	next int
	subs map[int]func(Change)
}

// Subscribe adds f; cancel removes it. f runs on the goroutine of the save,
// after the save committed, outside any lock of the backend: a screen hands
// the work to its UI goroutine (fyne.Do).
func (n *Notifier) Subscribe(f func(Change)) (cancel func()) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.subs == nil {
		n.subs = map[int]func(Change){}
	}
	n.next++
	id := n.next
	n.subs[id] = f
	return func() {
		n.mu.Lock()
		delete(n.subs, id)
		n.mu.Unlock()
	}
}

// Notify tells every subscriber of c, in the order they subscribed.
func (n *Notifier) Notify(c Change) {
	n.mu.Lock()
	ids := make([]int, 0, len(n.subs))
	for id := range n.subs {
		ids = append(ids, id)
	}
	fs := make([]func(Change), 0, len(ids))
	slices.Sort(ids)
	for _, id := range ids {
		fs = append(fs, n.subs[id])
	}
	n.mu.Unlock()
	for _, f := range fs {
		f(c)
	}
}
