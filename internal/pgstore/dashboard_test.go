package pgstore

import (
	"context"
	"reflect"
	"testing"
	"time"

	"sepakat/internal/relevance"
	"sepakat/internal/service"
)

// dashboardOfRows is the Beranda as the rules of agreement make it from every
// list row, read in ID order: the reference the server's counts and rows
// must equal.
func dashboardOfRows(t *testing.T, s *Store, now time.Time) service.Dashboard {
	t.Helper()
	sums, err := s.allSummaries(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	d, err := service.DashboardOf(sums, now, func(q service.Query) (service.Page, error) { return s.list(context.Background(), q) })
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDashboardIsTheRulesOfEveryRow checks that the Beranda the server
// counts and orders through its indexes is the one the rules of agreement
// make from every list row, on days across the corpus's years: every
// window's count and rows, the sleeping MoUs, the counts per status.
func TestDashboardIsTheRulesOfEveryRow(t *testing.T) {
	s := open(t, time.Now)
	if err := relevance.BuildCorpusN(context.Background(), s, 300); err != nil {
		t.Fatal(err)
	}
	shown := 0
	for year := 2018; year <= 2030; year++ {
		for _, month := range []time.Month{1, 7} {
			day := time.Date(year, month, 15, 9, 0, 0, 0, time.UTC)
			got, err := s.Dashboard(day)
			if err != nil {
				t.Fatal(err)
			}
			want := dashboardOfRows(t, s, day)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: the server's Beranda\n%+v\nthe rules over every row\n%+v", day.Format(time.DateOnly), got, want)
			}
			shown += len(got.Ending[0]) + len(got.Ending[1]) + len(got.Ending[2]) + len(got.Sleeping)
		}
	}
	if shown == 0 {
		t.Fatal("no day shows an ending or sleeping agreement: the corpus does not test the Beranda")
	}
}
