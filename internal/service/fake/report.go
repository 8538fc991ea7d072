package fake

import (
	"context"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// ReportFacts calls f with the facts of every agreement that matters since
// since, in ID order, outside the lock.
func (f *Fake) ReportFacts(ctx context.Context, since agreement.Date, fn func(service.ReportFact) error) ([]service.RecordRef, error) {
	f.mu.Lock()
	rows, err := f.listRows()
	var facts []service.ReportFact
	if err == nil {
		for _, id := range sortedIDs(rows) {
			row := rows[id]
			a, ok := get[agreement.Agreement](&f.st, kAgreement, id)
			if !ok || !service.Matters(&row, since) {
				continue
			}
			fact := service.ReportFact{Summary: cloneSummary(rows[id]), Category: a.Category}
			for _, m := range a.Monitoring {
				fact.Monitoring = append(fact.Monitoring, service.MonitoringMark{Date: m.Date, Realised: m.Realised})
			}
			facts = append(facts, fact)
		}
	}
	f.mu.Unlock()
	if err != nil {
		return nil, err
	}
	for _, fact := range facts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := fn(fact); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

// SignedByYear counts the signed agreements per filing year and kind.
func (f *Fake) SignedByYear() ([]service.YearCount, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	sums, err := f.summaries()
	if err != nil {
		return nil, err
	}
	counts := map[service.YearCount]int{}
	for _, s := range sums {
		if s.Status == agreement.StatusDitandatangani {
			counts[service.YearCount{Year: s.Year, Kind: s.Kind}]++
		}
	}
	var out []service.YearCount
	for yk, n := range counts {
		yk.Count = n
		out = append(out, yk)
	}
	service.SortYearCounts(out)
	return out, nil
}
