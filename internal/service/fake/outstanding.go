package fake

import (
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// Outstanding lists what the procedure still waits for on the day of now.
func (f *Fake) Outstanding(now time.Time) (service.Outstanding, error) {
	own, err := f.Parties()
	if err != nil {
		return service.Outstanding{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	sums, err := f.summaries()
	if err != nil {
		return service.Outstanding{}, err
	}
	return service.OutstandingOf(sums, agreement.OfficeProcedure(own), now), nil
}
