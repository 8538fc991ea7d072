package editor

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// exportQuiet is how long an export runs before its progress shows.
const exportQuiet = 300 * time.Millisecond

// exportRun is a PDF being made: its progress dialog, with a Batal button.
type exportRun struct {
	cancel context.CancelFunc
	bar    *widget.ProgressBarInfinite
	stop   *widget.Button // Batal
	wait   dialog.Dialog
	shown  *time.Timer
}

// onExport saves unsaved changes first, so the PDF is what the form shows,
// then asks where to write it (draft: with the KONSEP watermark).
func (e *Editor) onExport(draft bool) {
	if e.dirty && !e.onSave() {
		return
	}
	name := fmt.Sprintf("%s-%d.pdf", e.a.Kind, e.a.ID)
	if draft {
		name = fmt.Sprintf("%s-%d-KONSEP.pdf", e.a.Kind, e.a.ID)
	}
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			e.fail(lang.L("PDF tidak dibuat:"), err)
			return
		}
		if w == nil {
			return // cancelled
		}
		e.exportTo(w, draft, nil)
	}, e.win)
	save.SetFileName(name)
	save.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	save.Show()
}

// exportTo makes the PDF off the UI goroutine and writes it to w; after
// exportQuiet a progress dialog shows whose Batal stops the export and
// removes the unfinished file. done (for tests) runs after the result shows.
func (e *Editor) exportTo(w fyne.URIWriteCloser, draft bool, done func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	run := &exportRun{cancel: cancel, bar: widget.NewProgressBarInfinite()}
	run.stop = widget.NewButtonWithIcon(lang.L("Batal"), theme.CancelIcon(), cancel)
	run.wait = dialog.NewCustomWithoutButtons(lang.L("Membuat PDF…"), container.NewVBox(run.bar, container.NewCenter(run.stop)), e.win)
	run.wait.Resize(fyne.NewSize(360, 0))
	run.shown = time.AfterFunc(exportQuiet, func() {
		e.do(func() {
			if ctx.Err() == nil && e.export == run {
				run.wait.Show()
			}
		})
	})
	e.export = run
	id, printer := e.a.ID, e.printer
	go func() {
		err := writePDF(ctx, printer, id, w, draft)
		e.do(func() {
			run.shown.Stop()
			run.bar.Stop() // a hidden dialog does not stop its bar, which would repaint the window forever
			run.wait.Hide()
			if e.export == run {
				e.export = nil
			}
			switch {
			case ctx.Err() != nil:
				e.notice(lang.L("Pembuatan PDF dibatalkan."))
				err = context.Canceled
			case err != nil:
				e.fail(lang.L("PDF tidak dibuat:"), err)
			default:
				kit.ShowExported(e.app, w.URI().Path(), e.win)
			}
			cancel()
			if done != nil {
				done(err)
			}
		})
	}()
}

// writePDF makes agreement id's PDF and writes it to w, unless ctx is
// cancelled first; a cancelled export leaves no file behind.
func writePDF(ctx context.Context, printer service.Printer, id agreement.ID, w fyne.URIWriteCloser, draft bool) error {
	var buf bytes.Buffer
	made := make(chan error, 1)
	// The printer cannot stop halfway: a cancelled PDF is finished and dropped.
	go func() { made <- printer.ExportPDF(id, &buf, draft) }()
	var err error
	select {
	case err = <-made:
	case <-ctx.Done():
		err = ctx.Err()
	}
	if err == nil {
		_, err = w.Write(buf.Bytes())
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if ctx.Err() != nil {
		// Nothing written, or written after Batal: the file goes; if it
		// cannot, an empty or whole PDF stays, which harms nothing.
		_ = storage.Delete(w.URI())
		return ctx.Err()
	}
	return err
}
