package service

import (
	"context"
	"fmt"
	"io"
	"sepakat/internal/dataset"
	"strings"

	"sepakat/internal/i18n"
)

// RecordRef names one stored record by its type (as in dataset.RecordType, or
// "file" for a stored file, keyed by its SHA-256 in Key) and ID.
type RecordRef struct {
	Type string
	ID   uint64
	Key  string
}

// recordWords name the record types in both languages.
var recordWords = map[string]i18n.Text{
	"agreement": {ID: "perjanjian", EN: "agreement"},
	"party":     {ID: "instansi", EN: "party"},
	"official":  {ID: "pejabat", EN: "official"},
	"mandate":   {ID: "surat kuasa", EN: "mandate"},
	"history":   {ID: "riwayat", EN: "history entry"},
	"file":      {ID: "berkas lampiran", EN: "stored file"},
	"number":    {ID: "nomor terbit", EN: "issued number"},
	"index":     {ID: "indeks daftar", EN: "list index"},
	"search":    {ID: "indeks pencarian", EN: "search index"},
	"counter":   {ID: "penghitung", EN: "counter"},
	"page":      {ID: "halaman berkas data", EN: "data file page"},
}

// Words names the record in lang, e.g. "perjanjian 12".
func (r RecordRef) Words(l i18n.Lang) string {
	t, ok := recordWords[r.Type]
	name := r.Type
	if ok {
		name = t.In(l)
	}
	switch {
	case r.Key != "":
		return name + " " + r.Key
	case r.ID != 0:
		return fmt.Sprintf("%s %d", name, r.ID)
	}
	return name
}

// CheckProblem is one problem Check found, about one record.
type CheckProblem struct {
	Record RecordRef
	Text   i18n.Text
}

// In is the problem as one line in lang: the record, then what is wrong.
func (p CheckProblem) In(l i18n.Lang) string { return p.Record.Words(l) + ": " + p.Text.In(l) }

// CheckReport is what Check found.
type CheckReport struct {
	Problems []CheckProblem
	// Records counts the records read.
	Records int
	// UnreferencedBlobs counts stored files no record refers to; they waste
	// space but are no damage.
	UnreferencedBlobs int
}

// CheckError is Check's answer when it found problems: it wraps ErrCorrupt and
// says every problem, one per line.
type CheckError struct{ Report CheckReport }

var checkHead = i18n.Text{ID: "Pemeriksaan menemukan %d masalah pada berkas data:", EN: "The check found %d problems in the data file:"}

func (e *CheckError) Error() string { return e.Message(i18n.EN) }

// Unwrap makes errors.Is(err, ErrCorrupt) true.
func (e *CheckError) Unwrap() error { return ErrCorrupt }

// Message is a head line and one line per problem, in lang.
func (e *CheckError) Message(l i18n.Lang) string {
	lines := []string{checkHead.In(l, len(e.Report.Problems))}
	for _, p := range e.Report.Problems {
		lines = append(lines, "- "+p.In(l))
	}
	return strings.Join(lines, "\n")
}

// RecordDamageError is one record that cannot be read: its stored value is
// damaged. It wraps ErrCorrupt.
type RecordDamageError struct{ Record RecordRef }

var recordDamaged = i18n.Text{ID: "Data %s rusak dan tidak dapat dibaca. Data lain tidak terpengaruh; jalankan pemeriksaan atau penyelamatan data.", EN: "The %s is damaged and cannot be read. Other records are not affected; run the check or the salvage."}

func (e *RecordDamageError) Error() string { return e.Message(i18n.EN) }

// Unwrap makes errors.Is(err, ErrCorrupt) true.
func (e *RecordDamageError) Unwrap() error { return ErrCorrupt }

// Message names the damaged record in lang.
func (e *RecordDamageError) Message(l i18n.Lang) string {
	return recordDamaged.In(l, e.Record.Words(l))
}

// SalvageReport is what a salvage copied and what it could not read.
type SalvageReport struct {
	// Copied counts the records copied (agreements, their history, parties,
	// officials, mandates, stored files, issued numbers).
	Copied int
	// Damaged names every record that could not be read, so was left behind.
	Damaged []RecordRef
}

// Salvager is a backend that can read around damaged records. The store is
// one; the in-memory fake, which is never damaged, is not.
type Salvager interface {
	// Salvage copies every readable record into a new data file at path (which
	// must not exist), rebuilds its list and search indexes, and reports what
	// could not be read. It reads in batches, never the whole register at once.
	Salvage(ctx context.Context, path string) (SalvageReport, error)
	// ExportReadable is Admin.Export that leaves out the records that cannot
	// be read, and names them.
	ExportReadable(ctx context.Context) (*dataset.Dataset, []RecordRef, error)
	// ExportReadableTo is ExportReadable written to w record by record, as
	// Admin.ExportTo writes.
	ExportReadableTo(ctx context.Context, w io.Writer) (dataset.Counts, []RecordRef, error)
}
