package pgstore

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
)

// TestServerKilledAndRestarted: the server is killed while several saves are
// in flight and started again. Saves meanwhile fail in plain words (the server
// cannot be reached), no acknowledged save is lost, and the same Store works
// again afterwards, its subscribers told to read everything again.
func TestServerKilledAndRestarted(t *testing.T) {
	const writers = 8
	cl := pgtest.NewCluster(t)
	s, err := Open(context.Background(), cl.Conn, Options{User: "kursi", MaxConns: writers})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := servicetest.SeedWorld(t, s)
	ids := w.SaveKSBs(t, s, writers, "Kerja sama saat listrik padam %d")
	heard := listenTo(s)

	// attempt is one save: when it began and ended, and what it was told.
	type attempt struct {
		id         agreement.ID
		rev        uint64
		subject    string
		start, end time.Time
		err        error
	}
	var (
		mu       sync.Mutex
		attempts []attempt
		stop     = make(chan struct{})
		wg       sync.WaitGroup
	)
	acked := func() int {
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for _, a := range attempts {
			if a.err == nil {
				n++
			}
		}
		return n
	}
	for k, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				at := attempt{id: id, start: time.Now()}
				a, err := s.Agreement(id)
				if err == nil {
					a.Subject = fmt.Sprintf("Kerja sama saat listrik padam, penulis %d perubahan %d", k, n)
					err = s.SaveAgreement(&a)
				}
				at.rev, at.subject, at.end, at.err = a.Rev, a.Subject, time.Now(), err
				mu.Lock()
				attempts = append(attempts, at)
				mu.Unlock()
				if err != nil {
					time.Sleep(50 * time.Millisecond)
				}
			}
		}()
	}
	time.Sleep(time.Second)
	killed := time.Now()
	if err := cl.Kill(); err != nil {
		t.Fatal(err)
	}
	before := acked()
	time.Sleep(700 * time.Millisecond)
	if err := cl.Start(); err != nil {
		t.Fatal(err)
	}
	// Saves go on without a new Open.
	deadline := time.Now().Add(20 * time.Second)
	for acked() <= before+20*writers {
		if time.Now().After(deadline) {
			t.Fatalf("no saves after the restart: %d acknowledged before, %d now", before, acked())
		}
		time.Sleep(100 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	heard.wait(t, service.Change{Registry: service.RegistryAll})

	inFlight, failed := 0, 0
	last := map[agreement.ID]attempt{}
	for _, a := range attempts {
		if a.start.Before(killed) && a.end.After(killed) {
			inFlight++
		}
		if a.err == nil {
			if a.rev > last[a.id].rev {
				last[a.id] = a
			}
			continue
		}
		failed++
		if !errors.Is(a.err, service.ErrServerUnreachable) {
			t.Errorf("a save while the server was down: %v, want ErrServerUnreachable", a.err)
			continue
		}
		if p := service.Explain(a.err, i18n.ID); p.Message != service.Explain(service.ErrServerUnreachable, i18n.ID).Message {
			t.Errorf("words: %+v", p)
		}
	}
	if failed == 0 {
		t.Fatal("no save failed while the server was down")
	}
	if inFlight < writers/2 {
		t.Fatalf("%d saves were in flight when the server was killed, want at least %d", inFlight, writers/2)
	}
	// Every acknowledged save is in its agreement's history at its revision,
	// with what it wrote, and the last one is what is stored.
	lost := 0
	for _, id := range ids {
		hist, err := s.AgreementHistory(id)
		if err != nil {
			t.Fatal(err)
		}
		byRev := map[uint64]dataset.HistoryEntry{}
		for i, h := range hist {
			if h.Rev != uint64(i+1) {
				t.Fatalf("agreement %d: history entry %d is revision %d", id, i, h.Rev)
			}
			byRev[h.Rev] = h
		}
		for _, a := range attempts {
			if a.id != id || a.err != nil {
				continue
			}
			if h, ok := byRev[a.rev]; !ok || subjectIn(h) != a.subject {
				lost++
				t.Errorf("agreement %d: acknowledged revision %d (%q) is not in the history", id, a.rev, a.subject)
			}
		}
		got, err := s.Agreement(id)
		if err != nil {
			t.Fatal(err)
		}
		if l := last[id]; got.Rev != l.rev || got.Subject != l.subject {
			t.Errorf("agreement %d: stored revision %d %q, last acknowledged %d %q", id, got.Rev, got.Subject, l.rev, l.subject)
		}
	}
	if err := s.Check(context.Background()); err != nil {
		t.Errorf("check after the restart: %v", err)
	}
	t.Logf("%d writers: %d saves acknowledged (%d before the kill), %d in flight at the kill, %d failed while the server was down, %d lost",
		writers, acked(), before, inFlight, failed, lost)
}
