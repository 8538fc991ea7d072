// Package service is what the screens and the command-line tool ask of Sepakat's
// data, independent of how it is stored.
package service

import (
	"io"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
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
	// FollowUps counts the monitoring entries recorded.
	FollowUps int `json:"follow_ups,omitempty"`
	// Children counts the agreements under this one (PKS, Adendum, Perpanjangan).
	Children int `json:"children,omitempty"`
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
	// Search finds agreements by what a person typed, best first.
	Search(SearchQuery) (SearchResult, error)
	// Snippet shows where one agreement matches what a person typed.
	Snippet(id agreement.ID, text string) (string, error)
	// Dashboard gathers what the Beranda shows on the day of now.
	Dashboard(now time.Time) (Dashboard, error)
	// Arrange lists the IDs of the agreements an arrangement selects, in order.
	Arrange(Arrangement) ([]agreement.ID, error)
	// Summaries returns the list rows of agreements, in the order asked.
	Summaries([]agreement.ID) ([]Summary, error)
	// Choices lists the values the register's filters offer.
	Choices() (Choices, error)
	// SaveAgreement stores a new or changed agreement, or says what is wrong
	// (agreement.Errors) and stores nothing.
	SaveAgreement(*agreement.Agreement) error
	// AgreementHistory lists an agreement's changes, oldest first.
	AgreementHistory(agreement.ID) ([]dataset.HistoryEntry, error)
	// Official returns one official (a signer); Party, Mandate and File the
	// other records a document refers to.
	Official(agreement.ID) (agreement.Official, error)
	Party(agreement.ID) (agreement.Party, error)
	Mandate(agreement.ID) (agreement.Mandate, error)
	File(sha string) ([]byte, error)
	// Parties, Officials and Mandates list the registries.
	Parties() ([]agreement.Party, error)
	Officials() ([]agreement.Official, error)
	Mandates() ([]agreement.Mandate, error)
	// SaveParty, SaveOfficial and SaveMandate store a new or changed registry
	// record, or say what is wrong (agreement.Errors).
	SaveParty(*agreement.Party) error
	SaveOfficial(*agreement.Official) error
	SaveMandate(*agreement.Mandate) error
	// PutFile keeps a file (an attachment, a lambang) inside the data file.
	PutFile(name, mediaType string, data []byte) (agreement.FileRef, error)
	// ReserveNumber hands out the next number of an office's scheme.
	ReserveNumber(office agreement.ID, kind agreement.Kind, d agreement.Date, forAgreement agreement.ID) (string, error)
}

// Choices are the values the register's filters offer: the years agreements
// belong to (newest first), the partners (by name) and the perangkat daerah.
type Choices struct {
	Years        []int
	Partners     []PartyName
	Implementers []string
}

// Printer makes the printable document of an agreement.
type Printer interface {
	// ExportPDF writes agreement id as a PDF; draft adds the KONSEP watermark
	// to an agreement not yet signed.
	ExportPDF(id agreement.ID, w io.Writer, draft bool) error
}

// SearchFilter narrows a search; zero fields do not filter.
type SearchFilter struct {
	Kind        agreement.Kind
	Status      agreement.Status
	Party       agreement.ID
	Year        int
	Implementer string // perangkat daerah, matched case-insensitively as a substring
	// From and To keep agreements whose term overlaps the range.
	From, To agreement.Date
	// EndsWithin keeps agreements in force that end within this many days.
	EndsWithin int
}

// Match reports whether an agreement's summary passes the filter on the day of now.
func (f SearchFilter) Match(s Summary, now time.Time) bool {
	switch {
	case f.Kind != "" && s.Kind != f.Kind:
		return false
	case f.Status != "" && s.Status != f.Status:
		return false
	case f.Year != 0 && s.Year != f.Year:
		return false
	}
	if f.Party != 0 {
		found := false
		for _, p := range s.Parties {
			found = found || p.ID == f.Party
		}
		if !found {
			return false
		}
	}
	if f.Implementer != "" {
		want, found := strings.ToLower(f.Implementer), false
		for _, im := range s.Implementers {
			found = found || strings.Contains(strings.ToLower(im), want)
		}
		if !found {
			return false
		}
	}
	if !f.From.IsZero() && !s.End.IsZero() && s.End.Before(f.From) {
		return false
	}
	if !f.To.IsZero() && !s.Start.IsZero() && s.Start.After(f.To) {
		return false
	}
	if f.EndsWithin > 0 {
		today := agreement.DateOf(now)
		if s.Status != agreement.StatusDitandatangani || s.End.IsZero() || s.End.Before(today) || today.DaysUntil(s.End) > f.EndsWithin {
			return false
		}
	}
	return true
}

// SearchQuery is a full-text search.
type SearchQuery struct {
	Text   string
	Filter SearchFilter
	Limit  int
	// Snippets is how many of the first hits get a snippet; 0: all of them.
	Snippets int
}

// SearchHit is one result: the agreement's summary, its score and a snippet with
// the matched words in [brackets].
type SearchHit struct {
	Summary Summary `json:"summary"`
	Score   float64 `json:"score"`
	Snippet string  `json:"snippet"`
}

// SearchResult is a ranked list of hits.
type SearchResult struct {
	Hits []SearchHit `json:"hits"`
	// Truncated says the query was cut to its first words.
	Truncated bool `json:"truncated,omitempty"`
	// OnlyStopwords says the query had only words such as "yang" and "dan".
	OnlyStopwords bool `json:"only_stopwords,omitempty"`
}

// Dashboard is what the Beranda shows on one day.
type Dashboard struct {
	// Counts are the agreements per stored status.
	Counts map[agreement.Status]int
	// Ending are the signed agreements that end in each of EndingWindows (the
	// first 30 days, then up to 90, then up to 180), soonest first, at most
	// DashboardRows each; EndingCount counts them all within each horizon.
	Ending      [3][]Summary
	EndingCount [3]int
	// Sleeping are the Kesepakatan Bersama signed more than SleepingMonths ago,
	// still in force, with no PKS or other child and no follow-up recorded,
	// oldest first (at most DashboardRows of SleepingCount).
	Sleeping      []Summary
	SleepingCount int
	// Review are the drafts in review (Telaah), newest first.
	Review []Summary
	// Recent are the agreements changed last, newest first.
	Recent []Summary
}

// Beranda limits.
const (
	EndingDays     = 180
	SleepingMonths = 6
	DashboardRows  = 10
)

// EndingWindows are the Beranda's horizons in days.
var EndingWindows = [3]int{30, 90, EndingDays}

// Sort is an order of the register.
type Sort int

const (
	SortChanged Sort = iota // last change
	SortKind
	SortSubject
	SortPartner
	SortNumber
	SortStatus
	SortEnd
)

// Arrangement selects and orders the whole register: every agreement that
// passes Filter (kind, status, partner, year, perangkat daerah by its exact
// name, ending within days), in Sort order.
type Arrangement struct {
	Filter SearchFilter
	Sort   Sort
	// Desc reverses the order (for SortChanged: oldest first).
	Desc bool
}

// Empty reports whether the arrangement is the default register.
func (a Arrangement) Empty() bool {
	return a == Arrangement{}
}
