package kit

import "context"

// Latest is a screen's background read where only the latest counts: a newer
// read cancels the one before it, whose result is then dropped. Use it on the
// UI goroutine only.
type Latest struct{ cancel context.CancelFunc }

// Cancel stops the read under way, if any.
func (l *Latest) Cancel() {
	if l.cancel != nil {
		l.cancel()
	}
}

// ReadLatest runs read off the UI goroutine, then hands its result to show
// through do (fyne.Do), unless a newer read on l started meanwhile. read
// should stop early once its context is cancelled.
func ReadLatest[T any](l *Latest, do func(func()), read func(context.Context) (T, error), show func(T, error)) {
	l.Cancel()
	ctx, cancel := context.WithCancel(context.Background())
	l.cancel = cancel
	go func() {
		v, err := read(ctx)
		if ctx.Err() != nil {
			return
		}
		do(func() {
			if ctx.Err() != nil {
				return // a newer read is under way
			}
			show(v, err)
		})
	}()
}
