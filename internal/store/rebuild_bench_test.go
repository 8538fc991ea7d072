//go:build unix

package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// cpuNow is the process's user and system CPU time so far.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkRebuildBatched times a full rebuild of the search index in batches
// on benchDB (a copy: it is rewritten), phase by phase, in wall and
// CPU time, then the compaction after it; peak RSS is /usr/bin/time's
// (bench/store.sh).
func BenchmarkRebuildBatched(b *testing.B) {
	path := benchDB(b) // $SEPAKAT_BENCH_DB is rewritten: give a copy
	for range b.N {
		s, err := Open(path, Options{RebuildLater: true})
		if err != nil {
			b.Fatal(err)
		}
		info, _ := os.Stat(path)
		if err := s.BeginRebuild(); err != nil {
			b.Fatal(err)
		}
		start, cpu := time.Now(), cpuNow()
		phaseStart, phaseCPU, phase := start, cpu, -1
		err = s.FinishRebuild(context.Background(), func(st service.IndexState) {
			if p := st.Percent; (p >= 85) != (phase >= 85) || phase < 0 {
				if phase >= 0 {
					rss, hwm := rssNow()
					b.Logf("up to %d %%: %.1f s wall, %.1f s CPU; RSS %d MiB, peak %d MiB", phase, time.Since(phaseStart).Seconds(), (cpuNow() - phaseCPU).Seconds(), rss, hwm)
				}
				phaseStart, phaseCPU = time.Now(), cpuNow()
			}
			phase = st.Percent
		})
		if err != nil {
			b.Fatal(err)
		}
		rss, hwm := rssNow()
		b.Logf("rebuild: %.1f s wall, %.1f s CPU, %d steps; RSS %d MiB, peak %d MiB", time.Since(start).Seconds(), (cpuNow() - cpu).Seconds(), s.rebuildSteps.Load(), rss, hwm)
		mid, _ := os.Stat(path)
		start, cpu = time.Now(), cpuNow()
		res, err := s.Compact(context.Background(), false)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("compaction (done %v): %.1f s wall, %.1f s CPU; file %d MiB before, %d MiB after the rebuild, %d MiB after compaction",
			res.Done, time.Since(start).Seconds(), (cpuNow() - cpu).Seconds(), info.Size()>>20, mid.Size()>>20, res.After>>20)
		s.Close()
	}
}

// rssNow is the process's resident and peak resident memory, in MiB.
func rssNow() (int, int) {
	raw, _ := os.ReadFile("/proc/self/status")
	var rss, hwm int
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			fmt.Sscan(v, &rss)
		}
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			fmt.Sscan(v, &hwm)
		}
	}
	return rss >> 10, hwm >> 10
}

// BenchmarkFirstStartAfterWordListChange: the first start after an upgrade
// that changed the word lists, on $SEPAKAT_BENCH_DB (a copy): how long Open
// takes (the desktop shows its window right after), and how long until search
// answers again, the rebuild running as the desktop runs it.
func BenchmarkFirstStartAfterWordListChange(b *testing.B) {
	path := benchDB(b) // $SEPAKAT_BENCH_DB is rewritten: give a copy
	for range b.N {
		db, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			b.Fatal(err)
		}
		err = db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket(schema.Meta).Put(schema.KeySearchAnalyzer, []byte("kata-lama"))
		})
		db.Close()
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		s, err := Open(path, Options{RebuildLater: true})
		if err != nil {
			b.Fatal(err)
		}
		opened := time.Since(start)
		page, err := s.List(service.Query{Limit: 50})
		if err != nil || len(page.Items) == 0 {
			b.Fatalf("list: %v", err)
		}
		listed := time.Since(start)
		if _, err := s.Search(service.SearchQuery{Text: "pelayanan", Limit: 20}); !errors.Is(err, service.ErrRebuilding) {
			b.Fatalf("search during the rebuild: %v", err)
		}
		maxRSS := 0
		err = s.FinishRebuild(context.Background(), func(service.IndexState) {
			rss, _ := rssNow()
			maxRSS = max(maxRSS, rss)
		})
		if err != nil {
			b.Fatal(err)
		}
		res, err := s.Search(service.SearchQuery{Text: "pelayanan", Limit: 20})
		if err != nil || len(res.Hits) == 0 {
			b.Fatalf("search after: %v", err)
		}
		back := time.Since(start)
		_, hwm := rssNow()
		b.Logf("open %.2f s, first page listed %.2f s, search back %.1f s (CPU %.1f s); RSS during the rebuild up to %d MiB, peak %d MiB",
			opened.Seconds(), listed.Seconds(), back.Seconds(), cpuNow().Seconds(), maxRSS, hwm)
		start = time.Now()
		s.Close() // compacts
		b.Logf("close with compaction %.1f s", time.Since(start).Seconds())
	}
}
