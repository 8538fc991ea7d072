//go:build probe

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
)

// startProbe measures, for bench/ui.sh, how long work handed to the UI goroutine
// waits: every 2 ms it posts an empty func and writes each wait over 5 ms, as
// "unix-ms wait-ms", to the file named by SEPAKAT_PROBE. With SEPAKAT_PROBE_STACKS
// set, while a wait passes 30 ms it also writes the main goroutine's stack every
// 10 ms, in lines starting "#" (each dump stops the world, so waits grow).
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
						fmt.Fprintf(f, "# %d\n%s\n", time.Now().UnixMilli(), bytes.ReplaceAll(main, []byte("\n"), []byte("\n# ")))
					}
					timer.Reset(10 * time.Millisecond)
				}
			}
			timer.Stop()
			if wait := time.Since(start); wait > 5*time.Millisecond {
				fmt.Fprintf(f, "%d %.1f\n", start.UnixMilli(), float64(wait.Microseconds())/1000)
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
