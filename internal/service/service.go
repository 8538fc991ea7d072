// Package service is what the screens and the command-line tool ask of Sepakat's
// data, independent of how it is stored.
package service

import (
	"context"
	"io"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
)

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
	Items []agreement.Summary
	// Next continues the list; nil at the end.
	Next []byte
	// Damaged names the agreements of this page that could not be read and
	// were left out.
	Damaged []RecordRef
}

// The seam is cut into interfaces sized to their users; each screen and
// command takes only the ones it uses. Every implementation passes the
// conformance suite in internal/service/servicetest.

// Register lists, arranges and searches the agreements.
type Register interface {
	List(Query) (Page, error)
	Total() (int, error)
	// Search finds agreements by what a person typed, best first.
	Search(SearchQuery) (SearchResult, error)
	// Snippet shows where one agreement matches what a person typed.
	Snippet(id agreement.ID, text string) (string, error)
	// Arrange lists the IDs of the agreements an arrangement selects, in order.
	Arrange(Arrangement) ([]agreement.ID, error)
	// Summaries returns the list rows of agreements, in the order asked.
	Summaries([]agreement.ID) ([]agreement.Summary, error)
	// Choices lists the values the register's filters offer.
	Choices() (Choices, error)
}

// Records reads and saves whole agreements.
type Records interface {
	Agreement(agreement.ID) (agreement.Agreement, error)
	// SaveAgreement stores a new or changed agreement, or says what is wrong
	// (agreement.Errors) and stores nothing.
	SaveAgreement(*agreement.Agreement) error
	// AgreementHistory lists an agreement's changes, oldest first.
	AgreementHistory(agreement.ID) ([]dataset.HistoryEntry, error)
}

// Directory keeps the instansi, their pejabat and the surat kuasa.
type Directory interface {
	// Official returns one official (a signer); Party and Mandate the other
	// records a document refers to.
	Official(agreement.ID) (agreement.Official, error)
	Party(agreement.ID) (agreement.Party, error)
	Mandate(agreement.ID) (agreement.Mandate, error)
	// Parties, Officials and Mandates list the registries.
	Parties() ([]agreement.Party, error)
	Officials() ([]agreement.Official, error)
	Mandates() ([]agreement.Mandate, error)
	// SaveParty, SaveOfficial and SaveMandate store a new or changed registry
	// record, or say what is wrong (agreement.Errors).
	SaveParty(*agreement.Party) error
	SaveOfficial(*agreement.Official) error
	SaveMandate(*agreement.Mandate) error
	// Subscribe tells f of every registry record saved from now on (and of
	// examples or data sets loaded: RegistryAll), after the save committed,
	// until cancel; see Notifier.
	Subscribe(f func(Change)) (cancel func())
}

// MaxFileSize bounds one stored file (lambang, draft, scan); a larger one is
// refused with ErrTooLarge.
const MaxFileSize = dataset.MaxFileSize

// Files keeps files (an attachment, a lambang) inside the data file.
type Files interface {
	PutFile(name, mediaType string, data []byte) (agreement.FileRef, error)
	File(sha string) ([]byte, error)
}

// Numbering hands out the numbers of an office's scheme.
type Numbering interface {
	// ReserveNumber hands out the next number of an office's scheme.
	ReserveNumber(office agreement.ID, kind agreement.Kind, d agreement.Date, forAgreement agreement.ID) (string, error)
}

// Overview is what the Beranda asks.
type Overview interface {
	// Dashboard gathers what the Beranda shows on the day of now.
	Dashboard(now time.Time) (Dashboard, error)
	// Outstanding lists what the procedure still waits for (outstanding.go).
	Outstanding(now time.Time) (Outstanding, error)
}

// Examples are the built-in reference cases, offered on the first start.
type Examples interface {
	ExamplesLoaded() (bool, error)
	// LoadExamples adds the built-in examples once per data file.
	LoadExamples() error
}

// Admin is the administration of a whole data file: exchange, indexes,
// checks, backups and the office's search synonyms.
//
// The slow work takes a context: a cancel stops it at its next check (per
// record, per batch) and returns an error wrapping context.Canceled, with
// nothing written: a write is rolled back whole, a backup leaves no file.
type Admin interface {
	// Export reads every record with its history.
	Export(ctx context.Context) (*dataset.Dataset, error)
	// Import adds every record of d, keeping IDs and history: all or nothing.
	Import(ctx context.Context, d *dataset.Dataset) error
	// ExportTo writes every record with its history to w as an exchange file
	// (the bytes dataset.Encode writes of Export), holding one record at a time.
	ExportTo(ctx context.Context, w io.Writer) (dataset.Counts, error)
	// ImportFrom is Import of the exchange file open reads (it may open it more
	// than once), element by element: all or nothing, and a refusal names the
	// line, record and field (ImportError, dataset.DecodeError).
	ImportFrom(ctx context.Context, open func() (io.ReadCloser, error)) (dataset.Counts, error)
	// Offsets are the highest IDs in use, for joining generated records.
	Offsets() (dataset.Offsets, error)
	// Reindex rebuilds the list and search indexes. A cancel during the
	// search index's rebuild may leave it under way (SearchIndex): search
	// answers ErrRebuilding until FinishRebuild ends it; the records and the
	// lists are as before.
	Reindex(ctx context.Context) error
	// Check looks for damage and returns every problem found.
	Check(ctx context.Context) error
	// Backup writes a consistent copy of the data file to path; a file
	// already at path is replaced only when the copy is complete.
	Backup(ctx context.Context, path string) error
	// BackupNow writes a verified copy into the backup folder beside the data
	// file (and the second place, when one is set), then rotates the older
	// copies. A copy that fails verification is not kept and nothing is
	// rotated (ErrBackupVerify). A copy that did not reach the second place
	// returns its info with an error wrapping ErrSecondPlace.
	BackupNow(ctx context.Context, reason BackupReason) (BackupInfo, error)
	// DailyBackup makes the day's automatic copy on the first call of a day
	// (by the instance's clock); made is false when the day has one already
	// or the data file holds nothing yet.
	DailyBackup(ctx context.Context) (info BackupInfo, made bool, err error)
	// Backups lists the copies in the backup folder and the second place,
	// newest first.
	Backups(ctx context.Context) ([]BackupInfo, error)
	// BackupStatus says where copies go and when the last ones were made.
	BackupStatus() (BackupStatus, error)
	// BackupSettings returns the rotation and the second place.
	BackupSettings() (BackupSettings, error)
	// SetBackupSettings stores the rotation and the second place (a folder
	// that must exist), or returns an error and changes nothing.
	SetBackupSettings(BackupSettings) error
	// Synonyms returns the shipped search synonyms and the office's own.
	Synonyms() (shipped, own string, err error)
	// SetSynonyms replaces the office's own synonyms and rebuilds the search
	// index, or returns a *SynonymsError and changes nothing.
	SetSynonyms(ctx context.Context, text string) error
}

// Service is every part of the seam: what a program's main hands out.
type Service interface {
	Register
	Records
	Directory
	Files
	Numbering
	Overview
	Examples
	Admin
	Reporting
	SearchIndex
	PrintLog
	Together
}

// Choices are the values the register's filters offer: the years agreements
// belong to (newest first), the partners (by name) and the perangkat daerah.
type Choices struct {
	Years        []int
	Partners     []agreement.PartyName
	Implementers []string
}

// Printer makes the printable document of an agreement.
type Printer interface {
	// ExportPDF writes agreement id as a PDF; draft adds the KONSEP watermark
	// to an agreement not yet signed. A cancelled ctx stops the work between
	// its stages and returns ctx.Err().
	ExportPDF(ctx context.Context, id agreement.ID, w io.Writer, draft bool) error
}

// SearchQuery is a full-text search.
type SearchQuery struct {
	Text   string
	Filter agreement.Filter
	Limit  int
	// Snippets is how many of the first hits get a snippet; 0: all of them.
	Snippets int
}

// SearchHit is one result: the agreement's summary, its score and a snippet with
// the matched words in [brackets].
type SearchHit struct {
	Summary agreement.Summary `json:"summary"`
	Score   float64           `json:"score"`
	Snippet string            `json:"snippet"`
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
	// agreement.DashboardRows each; EndingCount counts them all within each horizon.
	Ending      [3][]agreement.Summary
	EndingCount [3]int
	// Sleeping are the Kesepakatan Bersama signed more than SleepingMonths ago,
	// still in force, with no PKS or other child and no follow-up recorded,
	// oldest first (at most agreement.DashboardRows of SleepingCount).
	Sleeping      []agreement.Summary
	SleepingCount int
	// Review are the drafts in review (Telaah), newest first.
	Review []agreement.Summary
	// Recent are the agreements changed last, newest first.
	Recent []agreement.Summary
	// Damaged names the agreements that could not be read and were left out.
	Damaged []RecordRef
}

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
	Filter agreement.Filter
	Sort   Sort
	// Desc reverses the order (for SortChanged: oldest first).
	Desc bool
}

// Empty reports whether the arrangement is the default register.
func (a Arrangement) Empty() bool {
	return a == Arrangement{}
}
