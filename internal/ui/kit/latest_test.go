package kit

import (
	"context"
	"testing"
	"time"
)

func TestReadLatestShowsOnlyTheNewestRead(t *testing.T) {
	var l Latest
	ui := make(chan func(), 4)
	do := func(f func()) { ui <- f }
	var shown []string
	show := func(v string, err error) { shown = append(shown, v) }
	held := make(chan struct{})
	stopped := make(chan error, 1)
	ReadLatest(&l, do, func(ctx context.Context) (string, error) {
		<-held
		stopped <- ctx.Err()
		return "old", nil
	}, show)
	ReadLatest(&l, do, func(context.Context) (string, error) { return "new", nil }, show)
	close(held)
	if err := <-stopped; err != context.Canceled {
		t.Errorf("the older read's context: %v, want cancelled", err)
	}
	for limit := time.After(5 * time.Second); len(shown) == 0; {
		select {
		case f := <-ui:
			f()
		case <-limit:
			t.Fatal("nothing shown")
		}
	}
	for drained := false; !drained; {
		select {
		case f := <-ui:
			f()
		case <-time.After(100 * time.Millisecond):
			drained = true
		}
	}
	if len(shown) != 1 || shown[0] != "new" {
		t.Errorf("shown %q, want only the newest read", shown)
	}
}
