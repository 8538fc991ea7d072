// Package service is what the screens and the command-line tool ask of Sepakat's
// data, independent of how it is stored.
package service

import (
	"io"
	"strings"
	"time"

	"sepakat/internal/agreement"
)

// PartyName is a party as a list row shows it.
type PartyName struct {
	ID    agreement.ID `json:"id"`
	Name  string       `json:"name"`
	Short string       `json:"short,omitempty"`
	Own   bool         `json:"own,omitempty"`
}

// Summary is what list views show of an agreement, kept beside it so that a page
// of the register reads 50 small values instead of 50 whole documents.
type Summary struct {
	ID            agreement.ID     `json:"id"`
	Rev           uint64           `json:"rev"`
	Kind          agreement.Kind   `json:"kind"`
	Status        agreement.Status `json:"status"`
	Subject       string           `json:"subject"`
	Parties       []PartyName      `json:"parties"`
	OwnNumber     string           `json:"own_number,omitempty"`
	PartnerNumber string           `json:"partner_number,omitempty"`
	Start         agreement.Date   `json:"start"`
	End           agreement.Date   `json:"end"`
	Signed        agreement.Date   `json:"signed"`
	Year          int              `json:"year"`
	ParentID      agreement.ID     `json:"parent_id,omitempty"`
	Extendable    bool             `json:"extendable,omitempty"`
	Implementers  []string         `json:"implementers,omitempty"`
	Created       time.Time        `json:"created"`
	Updated       time.Time        `json:"updated"`
}

// Phase derives the phase on the day of now.
func (s Summary) Phase(now time.Time, soonDays int) agreement.Phase {
	return agreement.PhaseOf(s.Status, s.Start, s.End, now, soonDays)
}

// Partners returns the names of the parties other than our office, joined.
func (s Summary) Partners() string {
	var names []string
	for _, p := range s.Parties {
		if !p.Own {
			names = append(names, p.Name)
		}
	}
	return strings.Join(names, "; ")
}

// Order is a list view's index.
type Order int

const (
	ByChanged Order = iota // newest change first
	ByStatus               // one status, newest first
	ByKind                 // one kind, newest first
	ByParty                // one party, newest first
	ByYear                 // one year, newest first
	ByEnd                  // soonest end first, from Query.EndFrom
	ByParent               // children of Query.Parent, oldest first
)

// Query selects one page of a list view.
type Query struct {
	Order   Order
	Status  agreement.Status
	Kind    agreement.Kind
	Party   agreement.ID
	Year    int
	EndFrom agreement.Date
	Parent  agreement.ID
	Limit   int
	// After continues from the Next of the previous page.
	After []byte
}

// Page is one page of summaries.
type Page struct {
	Items []Summary
	// Next continues the list; nil at the end.
	Next []byte
}

// Service is what the desktop screens need from the data file.
type Service interface {
	List(Query) (Page, error)
	Total() (int, error)
	Agreement(agreement.ID) (agreement.Agreement, error)
	ExamplesLoaded() (bool, error)
	// LoadExamples adds the built-in examples once per data file.
	LoadExamples() error
}

// Printer makes the printable document of an agreement.
type Printer interface {
	// ExportPDF writes agreement id as a PDF; draft adds the KONSEP watermark
	// to an agreement not yet signed.
	ExportPDF(id agreement.ID, w io.Writer, draft bool) error
}
