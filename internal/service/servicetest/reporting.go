package servicetest

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// testReporting holds ReportFacts to the records and the list, and
// SignedByYear to the summaries.
func testReporting(t *testing.T, c Config) {
	s := withExamples(t, c)
	ctx := context.Background()
	// One signed example gets two monitoring entries.
	all, err := s.List(service.Query{Limit: 1000})
	must(t, err)
	var signed agreement.ID
	for _, it := range all.Items {
		if it.Status == agreement.StatusDitandatangani {
			signed = it.ID
		}
	}
	if signed == 0 {
		t.Fatal("no signed example")
	}
	a, err := s.Agreement(signed)
	must(t, err)
	a.Monitoring = append(a.Monitoring,
		agreement.Monitoring{Date: agreement.NewDate(2025, 12, 1), Activity: "Rapat evaluasi \"monitoring\": semester", Realised: true},
		agreement.Monitoring{Date: agreement.NewDate(2026, 6, 1), Activity: "Kunjungan lapangan"})
	must(t, s.SaveAgreement(&a))

	rows := map[agreement.ID]agreement.Summary{}
	all, err = s.List(service.Query{Limit: 1000})
	must(t, err)
	for _, it := range all.Items {
		rows[it.ID] = it
	}
	var last agreement.ID
	n := 0
	damaged, err := s.ReportFacts(ctx, agreement.Date{}, func(f service.ReportFact) error {
		n++
		if f.Summary.ID <= last {
			t.Errorf("facts out of ID order: %d after %d", f.Summary.ID, last)
		}
		last = f.Summary.ID
		if !reflect.DeepEqual(f.Summary, rows[f.Summary.ID]) {
			t.Errorf("fact summary %+v\nlist row %+v", f.Summary, rows[f.Summary.ID])
		}
		rec, err := s.Agreement(f.Summary.ID)
		must(t, err)
		if f.Category != rec.Category {
			t.Errorf("agreement %d: category %q, record %q", rec.ID, f.Category, rec.Category)
		}
		if len(f.Monitoring) != len(rec.Monitoring) {
			t.Fatalf("agreement %d: %d monitoring marks, record %d", rec.ID, len(f.Monitoring), len(rec.Monitoring))
		}
		for i, m := range rec.Monitoring {
			if f.Monitoring[i] != (service.MonitoringMark{Date: m.Date, Realised: m.Realised}) {
				t.Errorf("agreement %d monitoring %d: %+v, record %+v", rec.ID, i, f.Monitoring[i], m)
			}
		}
		return nil
	})
	must(t, err)
	if n != len(rows) || len(damaged) != 0 {
		t.Errorf("%d facts (%d damaged) for %d agreements", n, len(damaged), len(rows))
	}
	if _, err := s.ReportFacts(ctx, agreement.Date{}, func(f service.ReportFact) error {
		if f.Summary.ID == signed && (f.Category == "" || len(f.Monitoring) < 2 || !f.Monitoring[len(f.Monitoring)-2].Realised) {
			t.Errorf("the changed agreement reads %+v", f)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}

	// An error from f stops the reading and comes back; so does a cancel.
	stop := errors.New("stop")
	calls := 0
	if _, err := s.ReportFacts(ctx, agreement.Date{}, func(service.ReportFact) error { calls++; return stop }); !errors.Is(err, stop) || calls != 1 {
		t.Errorf("f's error: %v after %d calls", err, calls)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	calls = 0
	if _, err := s.ReportFacts(cancelled, agreement.Date{}, func(service.ReportFact) error { calls++; return nil }); !errors.Is(err, context.Canceled) || calls != 0 {
		t.Errorf("cancelled: %v after %d calls", err, calls)
	}

	// Since a day: only what did not end before it, or changed since.
	for _, since := range []agreement.Date{agreement.NewDate(2026, 1, 1), agreement.NewDate(2030, 1, 1), agreement.NewDate(2000, 1, 1)} {
		want := 0
		for _, it := range rows {
			if service.Matters(&it, since) {
				want++
			}
		}
		got := 0
		_, err := s.ReportFacts(ctx, since, func(f service.ReportFact) error {
			got++
			if !service.Matters(&f.Summary, since) {
				t.Errorf("since %v: agreement %d ended %v, changed %v", since, f.Summary.ID, f.Summary.End, f.Summary.Updated)
			}
			return nil
		})
		must(t, err)
		if got != want {
			t.Errorf("since %v: %d facts, want %d", since, got, want)
		}
	}

	want := map[service.YearCount]int{}
	for _, it := range rows {
		if it.Status == agreement.StatusDitandatangani {
			want[service.YearCount{Year: it.Year, Kind: it.Kind}]++
		}
	}
	got, err := s.SignedByYear()
	must(t, err)
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("signed by year %+v, want %v", got, want)
	}
	for i, yc := range got {
		if want[service.YearCount{Year: yc.Year, Kind: yc.Kind}] != yc.Count {
			t.Errorf("%d %s: %d, want %d", yc.Year, yc.Kind, yc.Count, want[service.YearCount{Year: yc.Year, Kind: yc.Kind}])
		}
		if i > 0 && (got[i-1].Year > yc.Year || got[i-1].Year == yc.Year && got[i-1].Kind == yc.Kind) {
			t.Errorf("not in year order: %+v", got)
		}
	}
	empty := fresh(t, c)
	if got, err := empty.SignedByYear(); err != nil || len(got) != 0 {
		t.Errorf("empty file: %+v %v", got, err)
	}
}
