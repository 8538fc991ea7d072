package pgstore

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/relevance"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

// BenchmarkBackends measures the same register on bbolt and on PostgreSQL in
// one run: SEPAKAT_BENCH_DB names a data file (sepakat-cli gen), and
// SEPAKAT_BENCH_PG a server that holds the same register (server push).
// Run with -bench Backends -benchtime 1x; it changes both registers (saves,
// numbers).
func BenchmarkBackends(b *testing.B) {
	path, conn := os.Getenv("SEPAKAT_BENCH_DB"), os.Getenv("SEPAKAT_BENCH_PG")
	if path == "" || conn == "" {
		b.Fatal("set SEPAKAT_BENCH_DB (a data file) and SEPAKAT_BENCH_PG (a server holding the same register)")
	}
	bolt, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer bolt.Close()
	pg, err := Open(context.Background(), conn, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer pg.Close()
	seats := []service.Service{pg}
	for range 3 {
		s, err := Open(context.Background(), conn, Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		seats = append(seats, s)
	}
	for range b.N {
		for _, be := range []struct {
			name  string
			s     service.Service
			seats []service.Service
		}{{"bbolt", bolt, []service.Service{bolt, bolt, bolt, bolt}}, {"postgres", pg, seats}} {
			measure(b, be.name, be.s, be.seats)
		}
	}
}

func pct(d []time.Duration, p float64) time.Duration {
	slices.Sort(d)
	return d[min(len(d)-1, int(float64(len(d))*p))]
}

func measure(b *testing.B, name string, s service.Service, seats []service.Service) {
	n, err := s.Total()
	if err != nil {
		b.Fatal(err)
	}
	var page []time.Duration
	for range 30 {
		t0 := time.Now()
		if _, err := s.List(service.Query{Order: service.ByChanged, Limit: 50}); err != nil {
			b.Fatal(err)
		}
		page = append(page, time.Since(t0))
	}
	cases, err := relevance.Cases()
	if err != nil {
		b.Fatal(err)
	}
	typos, err := relevance.TypoCases()
	if err != nil {
		b.Fatal(err)
	}
	var srch, typo []time.Duration
	for range 3 {
		for _, set := range []struct {
			cases []relevance.Case
			d     *[]time.Duration
		}{{cases, &srch}, {typos, &typo}} {
			for _, c := range set.cases {
				t0 := time.Now()
				if _, err := s.Search(service.SearchQuery{Text: c.Query, Limit: 20}); err != nil {
					b.Fatal(err)
				}
				*set.d = append(*set.d, time.Since(t0))
			}
		}
	}
	first, err := s.List(service.Query{Order: service.ByChanged, Limit: 20})
	if err != nil {
		b.Fatal(err)
	}
	var saves []time.Duration
	for i := range 40 {
		id := first.Items[i%len(first.Items)].ID
		a, err := s.Agreement(id)
		if err != nil {
			b.Fatal(err)
		}
		a.Notes = fmt.Sprintf("ukur %d %d", i, time.Now().UnixNano())
		t0 := time.Now()
		if err := s.SaveAgreement(&a); err != nil {
			b.Fatal(err)
		}
		saves = append(saves, time.Since(t0))
	}
	t0 := time.Now()
	if _, err := s.Dashboard(time.Now()); err != nil {
		b.Fatal(err)
	}
	dash := time.Since(t0)
	t0 = time.Now()
	if _, err := s.Outstanding(time.Now()); err != nil {
		b.Fatal(err)
	}
	outst := time.Since(t0)
	parties, err := s.Parties()
	if err != nil {
		b.Fatal(err)
	}
	var office agreement.ID
	for _, p := range parties {
		if p.Own && p.Numbering != nil {
			office = p.ID
			break
		}
	}
	var mu sync.Mutex
	var res []time.Duration
	var wg sync.WaitGroup
	t0 = time.Now()
	for _, seat := range seats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 25 {
				t1 := time.Now()
				_, err := seat.ReserveNumber(office, agreement.KindKSB, agreement.NewDate(2026, 1, 5), 0)
				d := time.Since(t1)
				if err != nil {
					b.Error(err)
					return
				}
				mu.Lock()
				res = append(res, d)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	all := time.Since(t0)
	b.Logf("%-8s %d agreements: first page p50 %v p95 %v; search p50 %v p95 %v p99 %v; typo search p50 %v p95 %v p99 %v; save p50 %v p95 %v; dashboard %v; outstanding %v; reserve (4 seats) p50 %v p95 %v, %.0f/s",
		name, n, pct(page, .5), pct(page, .95), pct(srch, .5), pct(srch, .95), pct(srch, .99), pct(typo, .5), pct(typo, .95), pct(typo, .99),
		pct(saves, .5), pct(saves, .95), dash, outst, pct(res, .5), pct(res, .95), float64(len(res))/all.Seconds())
}
