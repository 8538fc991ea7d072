package fake

import (
	"context"
	"sync"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
)

func open(t *testing.T, now func() time.Time) *Fake {
	t.Helper()
	f, err := New(Options{Now: now, User: "staf1", SigningText: export.TextFingerprint})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := f.Check(context.Background()); err != nil {
			t.Errorf("check: %v", err)
		}
	})
	return f
}

// TestConformance runs the service suite on the in-memory fake.
func TestConformance(t *testing.T) {
	servicetest.RunConfig(t, servicetest.Config{
		Open: func(t *testing.T, now func() time.Time) service.Service { return open(t, now) },
		OpenBackup: func(t *testing.T, path string) service.Service {
			f, err := OpenBackup(path, Options{User: "staf1"})
			if err != nil {
				t.Fatal(err)
			}
			return f
		},
		User: "staf1",
	})
}

// TestConcurrentUse saves and reads from several goroutines at once (run with -race).
func TestConcurrentUse(t *testing.T) {
	f := open(t, time.Now)
	if err := f.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				a, err := f.Agreement(1)
				if err == nil {
					a.Notes = "catatan"
					err = f.SaveAgreement(&a)
				}
				if err != nil && !isConflict(err) {
					errs <- err
				}
				if _, err := f.Search(service.SearchQuery{Text: "lampung"}); err != nil {
					errs <- err
				}
				if _, err := f.List(service.Query{}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	h, _ := f.AgreementHistory(1)
	a, _ := f.Agreement(1)
	if uint64(len(h)) != a.Rev {
		t.Errorf("%d history entries for revision %d", len(h), a.Rev)
	}
	if a.Rev < 2 || a.Kind != agreement.KindKSB {
		t.Errorf("no save went through: rev %d", a.Rev)
	}
}

func isConflict(err error) bool {
	_, ok := err.(*service.ConflictError)
	return ok
}
