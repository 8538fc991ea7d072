package pgstore

import (
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// Outstanding lists what the procedure still waits for on the day of now,
// from the stored list rows, as Dashboard reads them.
func (s *Store) Outstanding(now time.Time) (service.Outstanding, error) {
	own, err := s.Parties()
	if err != nil {
		return service.Outstanding{}, err
	}
	sums, err := s.allSummaries(bg())
	if err != nil {
		return service.Outstanding{}, s.failed(err)
	}
	return service.OutstandingOf(sums, agreement.OfficeProcedure(own), now), nil
}
