package service

import (
	"context"
	"io"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
)

// TelaahPrinter prints an agreement's lembar telaah dan disposisi: the
// TKKSD's reviews on our office's letterhead, with room for the disposisi.
// The Printer of the desktop (export.Printer) is one.
type TelaahPrinter interface {
	// ExportTelaah writes agreement id's review sheet as a PDF in l; a
	// cancelled ctx stops it and nothing is written.
	ExportTelaah(ctx context.Context, id agreement.ID, w io.Writer, l i18n.Lang) error
}
