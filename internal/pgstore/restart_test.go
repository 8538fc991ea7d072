package pgstore

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
)

// TestServerKilledAndRestarted: the server is killed in the middle of saves
// and started again. Saves meanwhile fail in plain words (the server cannot be
// reached), no acknowledged save is lost, and the same Store works again
// afterwards, its subscribers told to read everything again.
func TestServerKilledAndRestarted(t *testing.T) {
	cl := pgtest.NewCluster(t)
	s, err := Open(context.Background(), cl.Conn, Options{User: "kursi"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := servicetest.SeedWorld(t, s)
	id := w.SaveKSBs(t, s, 1, "Kerja sama saat listrik padam %d")[0]
	heard := listenTo(s)

	type ack struct {
		rev     uint64
		subject string
	}
	var (
		mu      sync.Mutex
		acks    []ack
		failed  []error
		stop    = make(chan struct{})
		stopped = make(chan struct{})
	)
	go func() {
		defer close(stopped)
		for n := 0; ; n++ {
			select {
			case <-stop:
				return
			default:
			}
			a, err := s.Agreement(id)
			if err == nil {
				a.Subject = fmt.Sprintf("Kerja sama saat listrik padam, perubahan %d", n)
				err = s.SaveAgreement(&a)
			}
			mu.Lock()
			if err == nil {
				acks = append(acks, ack{a.Rev, a.Subject})
			} else {
				failed = append(failed, err)
			}
			mu.Unlock()
			if err != nil {
				time.Sleep(50 * time.Millisecond)
			}
		}
	}()
	time.Sleep(time.Second)
	if err := cl.Kill(); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	before := len(acks)
	mu.Unlock()
	time.Sleep(700 * time.Millisecond)
	if err := cl.Start(); err != nil {
		t.Fatal(err)
	}
	// Saves go on without a new Open.
	deadline := time.Now().Add(20 * time.Second)
	for {
		mu.Lock()
		after := len(acks)
		mu.Unlock()
		if after > before+20 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no saves after the restart: %d acknowledged before, %d now; errors %v", before, after, failed)
		}
		time.Sleep(100 * time.Millisecond)
	}
	close(stop)
	<-stopped
	heard.wait(t, service.Change{Registry: service.RegistryAll})

	if len(failed) == 0 {
		t.Fatal("no save failed while the server was down")
	}
	for _, err := range failed {
		if !errors.Is(err, service.ErrServerUnreachable) {
			t.Errorf("a save while the server was down: %v, want ErrServerUnreachable", err)
			continue
		}
		if p := service.Explain(err, i18n.ID); p.Message != service.Explain(service.ErrServerUnreachable, i18n.ID).Message {
			t.Errorf("words: %+v", p)
		}
	}
	hist, err := s.AgreementHistory(id)
	if err != nil {
		t.Fatal(err)
	}
	byRev := map[uint64]dataset.HistoryEntry{}
	for i, h := range hist {
		if h.Rev != uint64(i+1) {
			t.Fatalf("history entry %d is revision %d", i, h.Rev)
		}
		byRev[h.Rev] = h
	}
	for _, a := range acks {
		if _, ok := byRev[a.rev]; !ok {
			t.Errorf("acknowledged revision %d (%q) is not in the history", a.rev, a.subject)
		}
	}
	a, err := s.Agreement(id)
	if err != nil {
		t.Fatal(err)
	}
	last := acks[len(acks)-1]
	if a.Rev != last.rev || a.Subject != last.subject {
		t.Errorf("stored revision %d %q, last acknowledged %d %q", a.Rev, a.Subject, last.rev, last.subject)
	}
	t.Logf("%d saves acknowledged, %d failed while the server was down", len(acks), len(failed))
}
