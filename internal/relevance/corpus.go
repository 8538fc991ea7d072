// Package relevance holds a relevance test set for Sepakat's full-text search: a
// fixed corpus (the built-in examples plus a generated register) and queries typed
// the way secretariat staff type them, each with the agreements that must come
// back near the top. The test fails when ranking regresses.
package relevance

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/gen"
	"sepakat/internal/store"
	"sepakat/internal/wilayah"
)

// CorpusN is how many generated agreements follow the built-in examples.
const CorpusN = 2000

// CorpusSeed is the generator's seed; with CorpusNow it fixes the generated part.
const CorpusSeed = 1

// CorpusNow is the "today" of the generated corpus.
var CorpusNow = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// BuildCorpus fills an empty store with the corpus the cases were written
// against: the built-in examples (agreements 1..3), then the parties, officials and
// mandates of a generated directory and CorpusN generated agreements, numbered
// after every ID the examples used. It is deterministic.
func BuildCorpus(s *store.Store) error {
	total, err := s.Total()
	if err != nil {
		return err
	}
	if total != 0 {
		return fmt.Errorf("relevance: store already holds %d agreements", total)
	}
	if err := s.LoadExamples(); err != nil {
		return err
	}
	off, err := offsets(s)
	if err != nil {
		return err
	}
	g := gen.New(gen.Options{Seed: CorpusSeed, Now: CorpusNow, Offsets: off}, wilayah.MustLoad())
	if err := s.Import(context.Background(), g.Directory()); err != nil {
		return fmt.Errorf("relevance: directory: %w", err)
	}
	d := &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: g.Agreements(0, CorpusN)}
	if err := s.Import(context.Background(), d); err != nil {
		return fmt.Errorf("relevance: agreements: %w", err)
	}
	return nil
}

// offsets is the highest ID of each record type in the store: the store's own
// counters, raised to the highest ID the exported records actually carry.
func offsets(s *store.Store) (dataset.Offsets, error) {
	off, err := s.Offsets()
	if err != nil {
		return off, err
	}
	d, err := s.Export(context.Background())
	if err != nil {
		return off, err
	}
	for _, p := range d.Parties {
		off.Party = max(off.Party, p.ID)
	}
	for _, o := range d.Officials {
		off.Official = max(off.Official, o.ID)
	}
	for _, m := range d.Mandates {
		off.Mandate = max(off.Mandate, m.ID)
	}
	for _, a := range d.Agreements {
		off.Agreement = max(off.Agreement, a.ID)
	}
	return off, nil
}

//go:embed relevance.json
var casesJSON []byte

// Case is one query with the agreements that must all appear among its first
// Top results.
type Case struct {
	Query string   `json:"q"`
	Want  []uint64 `json:"want"`
	Top   int      `json:"top"`
	Note  string   `json:"note"`
	// Kind and Status narrow the search like the filters of the search screen
	// (agreement.Filter); empty does not filter.
	Kind   string `json:"kind,omitempty"`
	Status string `json:"status,omitempty"`
	// Year keeps agreements of one year; zero does not filter.
	Year int `json:"year,omitempty"`
}

type file struct {
	Corpus string `json:"corpus"`
	Cases  []Case `json:"cases"`
}

// Filter is the case's search filter.
func (c Case) Filter() agreement.Filter {
	return agreement.Filter{Kind: agreement.Kind(c.Kind), Status: agreement.Status(c.Status), Year: c.Year}
}

// Cases returns the test set, checked for well-formed entries.
func Cases() ([]Case, error) {
	var f file
	if err := json.Unmarshal(casesJSON, &f); err != nil {
		return nil, fmt.Errorf("relevance.json: %w", err)
	}
	for i, c := range f.Cases {
		switch {
		case c.Query == "":
			return nil, fmt.Errorf("relevance.json: case %d: empty query", i)
		case len(c.Want) == 0:
			return nil, fmt.Errorf("relevance.json: case %d (%q): nothing wanted", i, c.Query)
		case c.Top < len(c.Want) || c.Top > 10:
			return nil, fmt.Errorf("relevance.json: case %d (%q): top %d for %d wanted", i, c.Query, c.Top, len(c.Want))
		case c.Note == "":
			return nil, fmt.Errorf("relevance.json: case %d (%q): no note", i, c.Query)
		case c.Kind != "" && !agreement.Kind(c.Kind).Valid():
			return nil, fmt.Errorf("relevance.json: case %d (%q): unknown kind %q", i, c.Query, c.Kind)
		case c.Status != "" && !agreement.Status(c.Status).Valid():
			return nil, fmt.Errorf("relevance.json: case %d (%q): unknown status %q", i, c.Query, c.Status)
		}
	}
	return f.Cases, nil
}
