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
	"sepakat/internal/service"
	"sepakat/internal/wilayah"
)

// CorpusN is how many generated agreements follow the built-in examples.
const CorpusN = 2000

// CorpusSeed is the generator's seed; with CorpusNow it fixes the generated part.
const CorpusSeed = 1

// CorpusNow is the "today" of the generated corpus.
var CorpusNow = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// BuildCorpus fills an empty register (of any backend) with the corpus the cases were written
// against: the built-in examples (agreements 1..3), then the parties, officials and
// mandates of a generated directory and CorpusN generated agreements, numbered
// after every ID the examples used. It is deterministic.
func BuildCorpus(s service.Service) error {
	return BuildCorpusN(context.Background(), s, CorpusN)
}

// BuildCorpusN is BuildCorpus with n generated agreements, imported in batches
// (the scale cases run at 100 000). The first CorpusN generated agreements are
// the same whatever n.
func BuildCorpusN(ctx context.Context, s service.Service, n int) error {
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
	ctx = service.WithoutBackup(ctx)
	if err := s.Import(ctx, g.Directory()); err != nil {
		return fmt.Errorf("relevance: directory: %w", err)
	}
	const batch = 2000
	for from := 0; from < n; from += batch {
		d := &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: g.Agreements(from, min(batch, n-from))}
		if err := s.Import(ctx, d); err != nil {
			return fmt.Errorf("relevance: agreements: %w", err)
		}
	}
	return nil
}

// offsets is the highest ID of each record type in the store: the store's own
// counters, raised to the highest ID the exported records actually carry.
func offsets(s service.Service) (dataset.Offsets, error) {
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

//go:embed scale.json
var scaleJSON []byte

// ScaleN is the size of the generated corpus the scale cases are written for.
const ScaleN = 100_000

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
	// Via names the variant the answer is reached through alone ("synonym",
	// "rule", "typo", "prefix", "mandate"), so that ranking cannot win by
	// dropping variants; empty when the words are found as typed.
	Via string `json:"via,omitempty"`
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
func Cases() ([]Case, error) { return parse("relevance.json", casesJSON) }

// ScaleCases returns the cases over the built-in examples inside a generated
// corpus of ScaleN (they hold at CorpusN too): each wants an example among the
// first three, found by what is the example's alone, typed as staff type it.
func ScaleCases() ([]Case, error) {
	cases, err := parse("scale.json", scaleJSON)
	for _, c := range cases {
		for _, id := range c.Want {
			if id > 3 || c.Top > 3 {
				return nil, fmt.Errorf("scale.json: %q: wants %v in the first %d; the scale cases want examples in the first 3", c.Query, c.Want, c.Top)
			}
		}
	}
	return cases, err
}

func parse(name string, raw []byte) ([]Case, error) {
	var f file
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for i, c := range f.Cases {
		switch {
		case c.Query == "":
			return nil, fmt.Errorf("%s: case %d: empty query", name, i)
		case len(c.Want) == 0:
			return nil, fmt.Errorf("%s: case %d (%q): nothing wanted", name, i, c.Query)
		case c.Top < len(c.Want) || c.Top > 10:
			return nil, fmt.Errorf("%s: case %d (%q): top %d for %d wanted", name, i, c.Query, c.Top, len(c.Want))
		case c.Note == "":
			return nil, fmt.Errorf("%s: case %d (%q): no note", name, i, c.Query)
		case c.Kind != "" && !agreement.Kind(c.Kind).Valid():
			return nil, fmt.Errorf("%s: case %d (%q): unknown kind %q", name, i, c.Query, c.Kind)
		case c.Status != "" && !agreement.Status(c.Status).Valid():
			return nil, fmt.Errorf("%s: case %d (%q): unknown status %q", name, i, c.Query, c.Status)
		}
	}
	return f.Cases, nil
}
