package pgstore

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
)

// Several seats, each a process of its own, work one register at once:
// saves of the same agreements (so that many are stale) and number
// reservations, at random, for SEPAKAT_SEATS_SECONDS (10 s in make test, a
// minute in make faults). Afterwards: no number handed out twice; every
// acknowledged save is in the history at the revision its seat was told,
// with what that seat wrote; every save that was not acknowledged was
// reported as a conflict, and another seat had saved that revision first; and
// every history chain holds (Check, the hash chain).

// seatEnv, when set in a test binary's environment, makes it a seat (TestMain).
const seatEnv = "SEPAKAT_TEST_SEAT"

// seatOrder is what the test hands a seat process.
type seatOrder struct {
	Conn       string
	Seat       int
	Until      time.Time
	Office     agreement.ID
	Agreements []agreement.ID
	Log        string
}

// seatEvent is one line of a seat's log.
type seatEvent struct {
	Op string // "save", "conflict", "number", "error"
	ID agreement.ID
	// Base is the revision the seat read before it saved; Rev the one its
	// save was acknowledged as.
	Base, Rev uint64
	Subject   string
	Number    string
	Err       string
}

// seatMain runs one seat until its deadline and exits: 0 when it could log
// every outcome.
func seatMain(raw string) int {
	var o seatOrder
	if err := json.Unmarshal([]byte(raw), &o); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	user := fmt.Sprintf("kursi-%d", o.Seat)
	s, err := Open(context.Background(), o.Conn, Options{User: user, MaxConns: 2})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer s.Close()
	f, err := os.Create(o.Log)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	enc := json.NewEncoder(w)
	rng := rand.New(rand.NewPCG(uint64(o.Seat), uint64(time.Now().UnixNano())))
	for n := 0; time.Now().Before(o.Until); n++ {
		id := o.Agreements[rng.IntN(len(o.Agreements))]
		var ev seatEvent
		if rng.IntN(3) == 0 {
			num, err := s.ReserveNumber(o.Office, agreement.KindKSB, agreement.NewDate(2025, 7, 1), id)
			ev = seatEvent{Op: "number", ID: id, Number: num}
			if err != nil {
				ev = seatEvent{Op: "error", Err: err.Error()}
			}
		} else {
			a, err := s.Agreement(id)
			base := a.Rev
			if err == nil {
				time.Sleep(time.Duration(rng.IntN(3000)) * time.Microsecond) // another seat may save meanwhile
				a.Subject = fmt.Sprintf("Kerja sama diubah kursi %d langkah %d", o.Seat, n)
				err = s.SaveAgreement(&a)
			}
			switch {
			case err == nil:
				ev = seatEvent{Op: "save", ID: id, Base: base, Rev: a.Rev, Subject: a.Subject}
			case errors.Is(err, service.ErrConflict):
				ev = seatEvent{Op: "conflict", ID: id, Base: base, Subject: a.Subject}
			default:
				ev = seatEvent{Op: "error", ID: id, Err: err.Error()}
			}
		}
		if err := enc.Encode(&ev); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
	}
	return 0
}

func TestSeatsAtOnce(t *testing.T) {
	seats, seconds := 4, 10
	if v, err := strconv.Atoi(os.Getenv("SEPAKAT_SEATS_SECONDS")); err == nil && v > 0 {
		seconds = v
	}
	conn := pgtest.Fresh(t)
	s, err := Open(context.Background(), conn, Options{User: "penyiap"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := servicetest.SeedWorld(t, s)
	ids := w.SaveKSBs(t, s, 3, "Kerja sama rebutan %d")
	dir := t.TempDir()
	until := time.Now().Add(time.Duration(seconds) * time.Second)
	var wg sync.WaitGroup
	failures := make([]error, seats)
	for k := range seats {
		order, _ := json.Marshal(seatOrder{Conn: conn, Seat: k, Until: until, Office: w.Sumedang.ID, Agreements: ids,
			Log: filepath.Join(dir, fmt.Sprintf("kursi-%d.log", k))})
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), seatEnv+"="+string(order))
		wg.Add(1)
		go func() {
			defer wg.Done()
			if out, err := cmd.CombinedOutput(); err != nil {
				failures[k] = fmt.Errorf("seat %d: %v\n%s", k, err, out)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(failures...); err != nil {
		t.Fatal(err)
	}

	saves := map[agreement.ID]map[uint64]seatEvent{}
	var conflicts []seatEvent
	numbers := map[string]int{}
	var nSaves, nConflicts, nNumbers int
	for k := range seats {
		f, err := os.Open(filepath.Join(dir, fmt.Sprintf("kursi-%d.log", k)))
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(f)
		for {
			var ev seatEvent
			if err := dec.Decode(&ev); err != nil {
				break
			}
			switch ev.Op {
			case "save":
				nSaves++
				if saves[ev.ID] == nil {
					saves[ev.ID] = map[uint64]seatEvent{}
				}
				if other, dup := saves[ev.ID][ev.Rev]; dup {
					t.Errorf("agreement %d revision %d acknowledged twice: %q and %q", ev.ID, ev.Rev, other.Subject, ev.Subject)
				}
				if ev.Rev != ev.Base+1 {
					t.Errorf("seat %d saved agreement %d read at revision %d as revision %d", k, ev.ID, ev.Base, ev.Rev)
				}
				ev.Err = fmt.Sprintf("kursi-%d", k) // who
				saves[ev.ID][ev.Rev] = ev
			case "conflict":
				nConflicts++
				ev.Err = fmt.Sprintf("kursi-%d", k)
				conflicts = append(conflicts, ev)
			case "number":
				nNumbers++
				numbers[ev.Number]++
			default:
				t.Errorf("seat %d: %+v", k, ev)
			}
		}
		f.Close()
	}
	t.Logf("%d seats, %d s: %d saves acknowledged, %d conflicts reported, %d numbers reserved", seats, seconds, nSaves, nConflicts, nNumbers)
	if nSaves == 0 || nConflicts == 0 || nNumbers == 0 {
		t.Fatalf("the seats did not contend: %d saves, %d conflicts, %d numbers", nSaves, nConflicts, nNumbers)
	}
	// A conflict is reported only where another seat saved first: the
	// revision after the one read was acknowledged to someone else.
	for _, c := range conflicts {
		first, ok := saves[c.ID][c.Base+1]
		switch {
		case !ok:
			t.Errorf("%s was refused saving agreement %d over revision %d, but no seat saved revision %d", c.Err, c.ID, c.Base, c.Base+1)
		case first.Err == c.Err:
			t.Errorf("%s was refused saving agreement %d over revision %d, which it saved itself", c.Err, c.ID, c.Base+1)
		}
	}
	for n, c := range numbers {
		if c > 1 {
			t.Errorf("number %s handed out %d times", n, c)
		}
	}
	d, err := s.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	issued := map[string]bool{}
	for _, n := range d.Numbers {
		issued[n.Number] = true
	}
	for n := range numbers {
		if !issued[n] {
			t.Errorf("number %s was handed out but is not recorded as issued", n)
		}
	}
	if len(d.Numbers) != len(numbers) {
		t.Errorf("%d numbers issued, the seats were handed %d", len(d.Numbers), len(numbers))
	}
	for _, id := range ids {
		a, err := s.Agreement(id)
		if err != nil {
			t.Fatal(err)
		}
		hist, err := s.AgreementHistory(id)
		if err != nil {
			t.Fatal(err)
		}
		// The chain: one entry per revision from 1 to the stored one.
		if uint64(len(hist)) != a.Rev {
			t.Errorf("agreement %d at revision %d has %d history entries", id, a.Rev, len(hist))
		}
		byRev := map[uint64]dataset.HistoryEntry{}
		for i, h := range hist {
			if h.Rev != uint64(i+1) {
				t.Errorf("agreement %d: history entry %d is revision %d", id, i, h.Rev)
			}
			byRev[h.Rev] = h
		}
		// Every revision after the setup's was acknowledged to exactly the
		// seat history names: none lost, none silently overwritten.
		for rev := uint64(2); rev <= a.Rev; rev++ {
			ack, ok := saves[id][rev]
			if !ok {
				t.Errorf("agreement %d revision %d is stored but no seat was told it saved", id, rev)
				continue
			}
			if by := byRev[rev].By; by != ack.Err {
				t.Errorf("agreement %d revision %d: history names %q, acknowledged to %q", id, rev, by, ack.Err)
			}
			if got := subjectIn(byRev[rev]); got != ack.Subject {
				t.Errorf("agreement %d revision %d: history holds subject %q, the seat saved %q", id, rev, got, ack.Subject)
			}
		}
		if len(saves[id]) != int(a.Rev)-1 {
			t.Errorf("agreement %d: %d saves acknowledged, %d revisions stored after the first", id, len(saves[id]), a.Rev-1)
		}
		if last, ok := saves[id][a.Rev]; a.Rev > 1 && (!ok || last.Subject != a.Subject) {
			t.Errorf("agreement %d: stored subject %q, last acknowledged %q", id, a.Subject, last.Subject)
		}
	}
	// The real check: every record reads back and every history chain's
	// hashes link up.
	if err := s.Check(context.Background()); err != nil {
		t.Errorf("check after the seats: %v", err)
	}
}

// subjectIn is the subject a history entry records the save setting.
func subjectIn(h dataset.HistoryEntry) string {
	for _, c := range h.Changes {
		if c.Field == "subject" {
			return c.New
		}
	}
	return ""
}
