package service

import (
	"errors"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
)

// ErrExamplesOtherOffice: the built-in examples are another office's
// agreements; loading them into this register would give it a second
// "our office". Its words are in the table of errors.go.
var ErrExamplesOtherOffice = errors.New("service: the examples belong to another office")

// ExamplesFit refuses examples d for a register whose own office (in
// parties) is another than the examples' own office.
func ExamplesFit(parties []agreement.Party, d *dataset.Dataset) error {
	var theirs *agreement.Party
	for i := range d.Parties {
		if d.Parties[i].Own {
			theirs = &d.Parties[i]
		}
	}
	for _, p := range parties {
		if p.Own && (theirs == nil || p.RegionCode != theirs.RegionCode || p.Kind != theirs.Kind) {
			return ErrExamplesOtherOffice
		}
	}
	return nil
}
