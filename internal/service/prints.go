package service

import (
	"context"
	"io"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
)

// PrintLog keeps, in an agreement's history, every export of its document.
type PrintLog interface {
	// RecordPrint adds to agreement id's history, in one transaction, that p
	// was printed now by the backend's user: an entry with Action
	// dataset.ActionPrint at the revision stored now (p.Rev is the one printed).
	RecordPrint(id agreement.ID, p dataset.Print) error
}

// LoggedPrinter is a Printer whose exports are recorded: PrintPDF makes the
// PDF and says what it printed; the caller records it once the file is written.
type LoggedPrinter interface {
	Printer
	PrintLog
	PrintPDF(ctx context.Context, id agreement.ID, w io.Writer, draft bool) (dataset.Print, error)
}
