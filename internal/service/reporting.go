package service

import (
	"context"
	"slices"

	"sepakat/internal/agreement"
)

// Reporting is what the period reports and the charts read.
type Reporting interface {
	// ReportFacts calls f with the facts of every agreement that may matter
	// on or after since (one not ended before since, or without an end, or
	// changed on or after since; the zero date: every agreement), in ID order,
	// reading in batches so that the register is never held whole. Agreements
	// that cannot be read are left out and named. An error from f, or a
	// cancelled ctx, stops the reading and is returned.
	ReportFacts(ctx context.Context, since agreement.Date, f func(ReportFact) error) (damaged []RecordRef, err error)
	// SignedByYear counts the signed agreements (status ditandatangani) per
	// filing year (agreement.Summary.Year) and kind, by year then kind order.
	SignedByYear() ([]YearCount, error)
}

// Matters reports whether an agreement may matter on or after since, as
// ReportFacts selects them.
func Matters(s *agreement.Summary, since agreement.Date) bool {
	if since.IsZero() || s.End.IsZero() || !s.End.Valid() || !s.End.Before(since) {
		return true
	}
	return !s.Updated.Before(since.Time())
}

// ReportFact is what a report needs of one agreement: its list row, its
// category and its monitoring entries' dates.
type ReportFact struct {
	Summary    agreement.Summary
	Category   agreement.Category
	Monitoring []MonitoringMark
}

// MonitoringMark is one monitoring entry: when, and whether it was realised.
type MonitoringMark struct {
	Date     agreement.Date `json:"date"`
	Realised bool           `json:"realised,omitempty"`
}

// YearCount is how many agreements of one kind a year holds.
type YearCount struct {
	Year  int
	Kind  agreement.Kind
	Count int
}

// SortYearCounts orders counts by year, then by kind as agreement.Kinds lists them.
func SortYearCounts(c []YearCount) {
	slices.SortFunc(c, func(a, b YearCount) int {
		if a.Year != b.Year {
			return a.Year - b.Year
		}
		return slices.Index(agreement.Kinds, a.Kind) - slices.Index(agreement.Kinds, b.Kind)
	})
}
