package pgstore

import (
	"context"
	"sync"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
)

// changes collects the changes a Store's subscribers hear.
type changes struct {
	mu   sync.Mutex
	seen []service.Change
	got  chan struct{}
}

func listenTo(s *Store) *changes {
	c := &changes{got: make(chan struct{}, 100)}
	s.Subscribe(func(ch service.Change) {
		c.mu.Lock()
		c.seen = append(c.seen, ch)
		c.mu.Unlock()
		c.got <- struct{}{}
	})
	return c
}

// wait waits up to a second for a change that matches.
func (c *changes) wait(t *testing.T, want service.Change) {
	t.Helper()
	deadline := time.After(time.Second)
	for {
		c.mu.Lock()
		for _, ch := range c.seen {
			if ch == want {
				c.mu.Unlock()
				return
			}
		}
		c.mu.Unlock()
		select {
		case <-c.got:
		case <-deadline:
			t.Fatalf("no %+v within a second; heard %+v", want, c.seen)
		}
	}
}

func (c *changes) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.seen)
}

// TestOtherSeatsHearChanges: a registry save on one seat reaches the other
// seat's subscribers within a second (LISTEN/NOTIFY), once on its own seat;
// an import tells them to read everything again.
func TestOtherSeatsHearChanges(t *testing.T) {
	conn := pgtest.Fresh(t)
	ctx := context.Background()
	a, err := Open(ctx, conn, Options{User: "kursi-a"})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, conn, Options{User: "kursi-b"})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	// Another register on the same server is not heard.
	other, err := Open(ctx, pgtest.Fresh(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	heardA, heardB, heardOther := listenTo(a), listenTo(b), listenTo(other)
	time.Sleep(200 * time.Millisecond) // the listeners connect

	p := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Garut", RegionCode: "32.05", ProvinceCode: "32", Seat: "Garut"}
	if err := a.SaveParty(&p); err != nil {
		t.Fatal(err)
	}
	want := service.Change{Registry: service.RegistryParties, ID: p.ID}
	heardB.wait(t, want)
	heardA.wait(t, want)
	if err := b.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	heardA.wait(t, service.Change{Registry: service.RegistryAll})
	w := servicetest.SeedWorld(t, b)
	heardA.wait(t, service.Change{Registry: service.RegistryMandates, ID: w.KuasaLs.ID})
	time.Sleep(300 * time.Millisecond) // anything else on its way
	// a's own saves: the party once, as the save told it; b's: the examples and 8 records.
	if n := heardA.count(); n != 1+1+8 {
		t.Errorf("seat a heard %d changes, want 10: %+v", n, heardA.seen)
	}
	if n := heardOther.count(); n != 0 {
		t.Errorf("another register heard %d changes: %+v", n, heardOther.seen)
	}
}
