package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store/schema"
)

func TestOpenCreatesPrivateFileAndRefusesSecondOpen(t *testing.T) {
	s, path := openTemp(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	// Windows keeps no Unix permission bits: the file is the user's by its folder.
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if v, _ := s.SchemaVersionOnDisk(); v != SchemaVersion {
		t.Errorf("schema %d, want %d", v, SchemaVersion)
	}
	start := time.Now()
	_, err = Open(path, Options{LockTimeout: 100 * time.Millisecond})
	if !errors.Is(err, service.ErrAlreadyOpen) {
		t.Fatalf("second open: %v, want service.ErrAlreadyOpen", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Error("second open hung")
	}
	if got := service.Message(err, i18n.ID); got != "Sepakat sudah terbuka di jendela lain. Tutup jendela itu dahulu, lalu coba lagi." {
		t.Errorf("message %q", got)
	}
}

// TestReserveNumber: a number is stored as issued before it is handed out, so
// a process that dies at once does not see it handed out again (how numbers
// are made is the conformance suite's business).
func TestReserveNumber(t *testing.T) {
	s, path := openTemp(t)
	w := servicetest.SeedWorld(t, s)
	d := agreement.NewDate(2025, 7, 4)
	for _, want := range []string{"1/PKS.05-Huk/2025", "2/PKS.05-Huk/2025"} {
		if n, err := s.ReserveNumber(w.Sumedang.ID, agreement.KindPKS, d, 0); err != nil || n != want {
			t.Fatalf("reserved %q, %v; want %q", n, err, want)
		}
	}
	// A process that reserves a number and dies at once must not see it handed out again.
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperReserveAndDie$")
	cmd.Env = append(os.Environ(), "SEPAKAT_RESERVE_DB="+path)
	s.Close()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	died := strings.TrimSpace(string(out[bytes.LastIndex(out, []byte("NUMBER="))+7:]))
	died = strings.Fields(died)[0]
	s2 := openAt(t, path)
	n3, err := s2.ReserveNumber(w.Sumedang.ID, agreement.KindPKS, d, 0)
	if err != nil {
		t.Fatal(err)
	}
	if died != "3/PKS.05-Huk/2025" || n3 != "4/PKS.05-Huk/2025" {
		t.Errorf("after a crash: died with %q, next %q", died, n3)
	}
}

// TestHelperReserveAndDie runs in a child process: it reserves a number and exits
// without closing the store, as a crash would.
func TestHelperReserveAndDie(t *testing.T) {
	path := os.Getenv("SEPAKAT_RESERVE_DB")
	if path == "" {
		t.Skip("helper process for TestReserveNumber")
	}
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	n, err := s.ReserveNumber(1, agreement.KindPKS, agreement.NewDate(2025, 7, 4), 0)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	fmt.Println("NUMBER=" + n)
	os.Exit(0)
}

func TestSupersededChangeKeysAreSkippedAndSwept(t *testing.T) {
	s, path := openTemp(t)
	w := servicetest.SeedWorld(t, s)
	ids := w.SaveKSBs(t, s, 5, "Perjanjian %d")
	// Edit the oldest three times; it must appear once, first.
	a, _ := s.Agreement(ids[0])
	for i := 0; i < 3; i++ {
		a.Notes = fmt.Sprint("catatan ", i)
		mustSave(t, s.SaveAgreement(&a))
	}
	// A refused save leaves nothing to sweep.
	bad := a
	bad.Term.End = agreement.NewDate(2000, 1, 1)
	if err := s.SaveAgreement(&bad); err == nil {
		t.Fatal("invalid save accepted")
	}
	check := func(s *Store) {
		t.Helper()
		p, err := s.List(service.Query{Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		var got []agreement.ID
		for q := (service.Query{Limit: 2}); ; q.After = p.Next {
			p, _ = s.List(q)
			for _, it := range p.Items {
				got = append(got, it.ID)
			}
			if p.Next == nil {
				break
			}
		}
		if len(got) != 5 || got[0] != ids[0] || got[1] != ids[4] {
			t.Fatalf("by change: %v", got)
		}
		if n, _ := s.Total(); n != 5 {
			t.Fatalf("total %d", n)
		}
	}
	check(s)
	s.Close()
	s2 := openAt(t, path)
	check(s2)
	var keys int
	s2.db.View(func(tx *txT) error {
		keys = tx.Bucket(schema.IdxChanged).Stats().KeyN
		return nil
	})
	if keys != 5 {
		t.Errorf("%d last-change keys after the sweep on close, want 5", keys)
	}
}
