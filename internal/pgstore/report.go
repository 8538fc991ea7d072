package pgstore

import (
	"context"
	"encoding/json"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// reportBatch is how many agreements one query of ReportFacts reads.
const reportBatch = 2000

// ReportFacts calls f with the list row, category and monitoring dates of
// every agreement that matters since since, in ID order, a batch per query:
// the server sends the row, the category and the monitoring list, never the
// whole document. A row that does not decode is named among the damaged.
func (s *Store) ReportFacts(ctx context.Context, since agreement.Date, f func(service.ReportFact) error) ([]service.RecordRef, error) {
	var damaged []service.RecordRef
	var after int64
	for {
		if err := ctx.Err(); err != nil {
			return damaged, err
		}
		rows, err := s.pool.Query(ctx, `SELECT id, sum, coalesce(data->>'category', ''), coalesce(data->'monitoring', '[]'::jsonb)
			FROM agreements WHERE id > $1 ORDER BY id LIMIT $2`, after, reportBatch)
		if err != nil {
			return damaged, s.failed(err)
		}
		var facts []service.ReportFact
		n := 0
		for rows.Next() {
			var id int64
			var sum, monitoring []byte
			var category string
			if err := rows.Scan(&id, &sum, &category, &monitoring); err != nil {
				rows.Close()
				return damaged, s.failed(err)
			}
			n++
			after = id
			fact := service.ReportFact{Category: agreement.Category(category)}
			var marks []service.MonitoringMark
			if json.Unmarshal(sum, &fact.Summary) != nil || json.Unmarshal(monitoring, &marks) != nil {
				damaged = append(damaged, service.RecordRef{Type: "agreement", ID: uint64(id)})
				continue
			}
			if !service.Matters(&fact.Summary, since) {
				continue
			}
			fact.Monitoring = marks
			facts = append(facts, fact)
		}
		if err := rows.Err(); err != nil {
			return damaged, s.failed(err)
		}
		for _, fact := range facts {
			if err := f(fact); err != nil {
				return damaged, err
			}
		}
		if n < reportBatch {
			return damaged, nil
		}
	}
}

// SignedByYear counts the signed agreements per filing year and kind, on the
// server.
func (s *Store) SignedByYear() ([]service.YearCount, error) {
	rows, err := s.pool.Query(bg(), `SELECT year, kind, count(*) FROM agreements WHERE status = $1 GROUP BY year, kind`,
		string(agreement.StatusDitandatangani))
	if err != nil {
		return nil, s.failed(err)
	}
	defer rows.Close()
	var out []service.YearCount
	for rows.Next() {
		var yc service.YearCount
		var kind string
		if err := rows.Scan(&yc.Year, &kind, &yc.Count); err != nil {
			return nil, s.failed(err)
		}
		yc.Kind = agreement.Kind(kind)
		out = append(out, yc)
	}
	if err := rows.Err(); err != nil {
		return nil, s.failed(err)
	}
	service.SortYearCounts(out)
	return out, nil
}
