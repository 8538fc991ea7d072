package store

import (
	"context"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/gen"
	"sepakat/internal/service"
	"sepakat/internal/wilayah"
)

// The facts read without decoding documents equal those of a full decode, over
// a generated corpus (categories, monitoring lists, every kind and status).
func TestReportFactsMatchDocuments(t *testing.T) {
	s, err := Open(t.TempDir()+"/gen.db", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g := gen.New(gen.Options{Seed: 3, Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}, wilayah.MustLoad())
	ctx := context.Background()
	if err := s.Import(ctx, g.Directory()); err != nil {
		t.Fatal(err)
	}
	const n = 2500 // more than one batch
	if err := s.Import(ctx, &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: g.Agreements(0, n)}); err != nil {
		t.Fatal(err)
	}
	seen, withMonitoring, categories := 0, 0, map[agreement.Category]bool{}
	damaged, err := s.ReportFacts(ctx, agreement.Date{}, func(f service.ReportFact) error {
		seen++
		a, err := s.Agreement(f.Summary.ID)
		if err != nil {
			return err
		}
		if f.Category != a.Category {
			t.Errorf("%d: category %q, document %q", a.ID, f.Category, a.Category)
		}
		categories[f.Category] = true
		if len(f.Monitoring) != len(a.Monitoring) {
			t.Fatalf("%d: %d monitoring marks, document %d", a.ID, len(f.Monitoring), len(a.Monitoring))
		}
		if len(a.Monitoring) > 0 {
			withMonitoring++
		}
		for i, m := range a.Monitoring {
			if f.Monitoring[i].Date != m.Date || f.Monitoring[i].Realised != m.Realised {
				t.Errorf("%d monitoring %d: %+v, document %+v", a.ID, i, f.Monitoring[i], m)
			}
		}
		return nil
	})
	if err != nil || len(damaged) != 0 {
		t.Fatal(err, damaged)
	}
	if seen != n || withMonitoring == 0 || len(categories) < 3 {
		t.Errorf("%d facts, %d with monitoring, categories %v", seen, withMonitoring, categories)
	}
	// Passing over by the stored head agrees with the summaries.
	since := agreement.NewDate(2025, 1, 1)
	want := map[agreement.ID]bool{}
	q := service.Query{Limit: 1000}
	for {
		p, err := s.List(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range p.Items {
			if service.Matters(&it, since) {
				want[it.ID] = true
			}
		}
		if q.After = p.Next; p.Next == nil {
			break
		}
	}
	got := 0
	if _, err := s.ReportFacts(ctx, since, func(f service.ReportFact) error {
		got++
		if !want[f.Summary.ID] {
			t.Errorf("agreement %d (ended %v) was not passed over", f.Summary.ID, f.Summary.End)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got != len(want) || got == n || got == 0 {
		t.Errorf("since %v: %d facts, want %d of %d", since, got, len(want), n)
	}
}

func BenchmarkReportFactsSince(b *testing.B) {
	s := openBench(b, benchDB(b))
	for b.Loop() {
		n := 0
		if _, err := s.ReportFacts(context.Background(), agreement.NewDate(2025, 1, 1), func(service.ReportFact) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "agreements")
	}
}

func BenchmarkReportFacts(b *testing.B) {
	s := openBench(b, benchDB(b))
	for b.Loop() {
		n := 0
		if _, err := s.ReportFacts(context.Background(), agreement.Date{}, func(service.ReportFact) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "agreements")
	}
}

func BenchmarkSignedByYear(b *testing.B) {
	s := openBench(b, benchDB(b))
	for b.Loop() {
		if _, err := s.SignedByYear(); err != nil {
			b.Fatal(err)
		}
	}
}
