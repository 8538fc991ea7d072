//go:build probe

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
)

// startProbe measures, for bench/ui.sh, two things and writes them to the file
// named by SEPAKAT_PROBE:
//   - "f unix-ms gap-ms": each time the window's loop went more than 20 ms
//     between two rounds of reading input and drawing (an animation's ticks), that
//     is a freeze a person sees;
//   - "w unix-ms wait-ms": each time an empty func, posted every 2 ms, waited
//     over 5 ms to run on the UI goroutine (it can wait out several frames that
//     the loop draws first, so a wait is not always a freeze).
//
// With SEPAKAT_PROBE_STACKS set, while a wait passes 30 ms it also writes the
// main goroutine's stack every 10 ms, in lines starting "#" (each dump stops the
// world, so waits grow).
func startProbe() {
	if cpu := os.Getenv("SEPAKAT_PROBE_CPU"); cpu != "" {
		profileCPU(cpu)
	}
	path := os.Getenv("SEPAKAT_PROBE")
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err != nil {
		fyne.LogError("probe", err)
		return
	}
	var mu sync.Mutex
	write := func(format string, args ...any) {
		mu.Lock()
		fmt.Fprintf(f, format, args...)
		mu.Unlock()
	}
	last := time.Now()
	ticks := fyne.NewAnimation(time.Hour, func(float32) {
		now := time.Now()
		if gap := now.Sub(last); gap > 20*time.Millisecond {
			write("f %d %.1f\n", last.UnixMilli(), float64(gap.Microseconds())/1000)
		}
		last = now
	})
	ticks.RepeatCount = fyne.AnimationRepeatForever
	ticks.Start()
	stacks := os.Getenv("SEPAKAT_PROBE_STACKS") != ""
	go func() {
		done := make(chan struct{}, 1)
		buf := make([]byte, 1<<20)
		for {
			start := time.Now()
			fyne.Do(func() { done <- struct{}{} })
			timer := time.NewTimer(30 * time.Millisecond)
			if !stacks {
				timer.Stop()
			}
		wait:
			for {
				select {
				case <-done:
					break wait
				case <-timer.C:
					n := runtime.Stack(buf, true)
					if main := mainStack(buf[:n]); main != nil {
						write("# %d\n%s\n", time.Now().UnixMilli(), bytes.ReplaceAll(main, []byte("\n"), []byte("\n# ")))
					}
					timer.Reset(10 * time.Millisecond)
				}
			}
			timer.Stop()
			if wait := time.Since(start); wait > 5*time.Millisecond {
				write("w %d %.1f\n", start.UnixMilli(), float64(wait.Microseconds())/1000)
			}
			time.Sleep(2 * time.Millisecond)
		}
	}()
}

// mainStack picks goroutine 1, where Fyne runs its event loop, from a dump.
func mainStack(all []byte) []byte {
	for _, g := range bytes.Split(all, []byte("\n\n")) {
		if bytes.HasPrefix(g, []byte("goroutine 1 ")) {
			return g
		}
	}
	return nil
}

// profileCPU writes a CPU profile to path from now until SIGTERM or SIGINT.
func profileCPU(path string) {
	f, err := os.Create(path)
	if err != nil {
		fyne.LogError("probe", err)
		return
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fyne.LogError("probe", err)
		return
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, os.Interrupt)
	go func() {
		<-stop
		pprof.StopCPUProfile()
		f.Close()
		os.Exit(0)
	}()
}
