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

// OurExamples are the built-in examples for the register dir reads, which
// takes them only when it has no office of its own yet or has theirs.
func OurExamples(dir interface {
	Parties() ([]agreement.Party, error)
}) (*dataset.Dataset, error) {
	d, err := dataset.Examples()
	if err != nil {
		return nil, err
	}
	parties, err := dir.Parties()
	if err != nil {
		return nil, err
	}
	return d, examplesFit(parties, d)
}

// examplesFit refuses examples d for a register whose own office (in
// parties) is another than the examples' own office.
func examplesFit(parties []agreement.Party, d *dataset.Dataset) error {
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
