package kit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/places"
	"sepakat/internal/service"
	"sepakat/internal/ui/platform"
)

// ExportQuiet is how long an export runs before its progress dialog shows.
const ExportQuiet = 300 * time.Millisecond

// PDFJob is an agreement's PDF to make, and where its outcome is told.
type PDFJob struct {
	App     fyne.App
	Parent  fyne.Window
	Do      func(func()) // hands work back to the UI goroutine (fyne.Do)
	Printer service.Printer
	ID      agreement.ID
	Kind    agreement.Kind
	Draft   bool // with the KONSEP watermark
	// Name, when set, is the file name offered instead of KSB-12.pdf.
	Name string
	// Say, when set, tells a failure (problem) or the cancel in the window
	// itself; otherwise a dialog over Parent tells it.
	Say func(text string, problem bool)
	// Done (for tests) runs on the UI goroutine once the outcome shows.
	Done func(error)
}

// FileName is the name the PDF is offered under: KSB-12.pdf, KSB-12-KONSEP.pdf.
func (j PDFJob) FileName() string {
	if j.Name != "" {
		return j.Name
	}
	if j.Draft {
		return fmt.Sprintf("%s-%d-KONSEP.pdf", j.Kind, j.ID)
	}
	return fmt.Sprintf("%s-%d.pdf", j.Kind, j.ID)
}

// AskPDF asks where to save the job's PDF, then makes it; started gets the
// export once it runs.
func AskPDF(j PDFJob, started func(*PDFExport)) {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			j.fail(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		x := ExportPDF(j, w)
		if started != nil {
			started(x)
		}
	}, j.Parent)
	save.SetFileName(j.FileName())
	save.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	StartInDocuments(save, j.App)
	save.Show()
}

func (j PDFJob) fail(err error) {
	if j.Say != nil {
		j.Say(Failure(lang.L("PDF tidak dibuat:"), err), true)
		return
	}
	ShowFailure(j.Parent, lang.L("PDF tidak dibuat:"), err)
}

// PDFExport is a PDF being made off the UI goroutine and written to a file.
// After ExportQuiet a progress dialog shows whose Batal stops the work and
// removes the unfinished file.
type PDFExport struct {
	Bar  *widget.ProgressBarInfinite
	Stop *widget.Button // Batal

	job    PDFJob
	cancel context.CancelFunc
	wait   dialog.Dialog
	show   *time.Timer
	// claimed says who has the file: the goroutine writing it, or Batal removing it.
	claimed  atomic.Bool
	w        fyne.URIWriteCloser
	finished bool // UI goroutine only
}

// ExportPDF makes the job's PDF on a thread of lowered priority, so the
// window keeps drawing, and writes it to w; call it on the UI goroutine.
func ExportPDF(j PDFJob, w fyne.URIWriteCloser) *PDFExport {
	ctx, cancel := context.WithCancel(context.Background())
	x := &PDFExport{Bar: widget.NewProgressBarInfinite(), job: j, cancel: cancel, w: w}
	x.Stop = widget.NewButtonWithIcon(lang.L("Batal"), theme.CancelIcon(), func() {
		x.abandon()
		x.finish(context.Canceled)
	})
	x.wait = dialog.NewCustomWithoutButtons(lang.L("Membuat PDF…"), container.NewVBox(x.Bar, container.NewCenter(x.Stop)), j.Parent)
	x.wait.Resize(fyne.NewSize(360, 0))
	do := j.Do
	x.show = time.AfterFunc(ExportQuiet, func() {
		do(func() {
			if !x.finished {
				x.wait.Show()
			}
		})
	})
	go func() {
		data, printed, err := makePDF(ctx, j)
		if ctx.Err() != nil || !x.claimed.CompareAndSwap(false, true) {
			return // cancelled: Cancel has removed the file
		}
		if err == nil {
			_, err = w.Write(data)
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil || ctx.Err() != nil {
			_ = storage.Delete(w.URI()) // nothing half-written stays behind
		} else if printed != nil {
			// The file is written: its print goes into the agreement's history.
			if lerr := j.Printer.(service.LoggedPrinter).RecordPrint(j.ID, *printed); lerr != nil {
				err = &unloggedError{lerr}
			}
		}
		do(func() { x.finish(err) })
	}()
	return x
}

// Cancel stops the export without a word and removes its unfinished file; a
// closing window calls it. Batal does the same, then says so.
func (x *PDFExport) Cancel() {
	x.abandon()
	x.end()
}

// abandon stops the work and removes the file unless the goroutine is writing it.
func (x *PDFExport) abandon() {
	x.cancel()
	if x.claimed.CompareAndSwap(false, true) {
		x.w.Close()
		_ = storage.Delete(x.w.URI())
	} // else the goroutine is writing, and removes the file when it is done
}

// end takes the progress away; it reports whether the export was still running.
func (x *PDFExport) end() bool {
	if x.finished {
		return false
	}
	x.finished = true
	x.show.Stop()
	x.Bar.Stop() // a hidden dialog does not stop its bar, which would repaint the window forever
	x.wait.Hide()
	x.cancel()
	return true
}

// finish shows the outcome, once, on the UI goroutine.
func (x *PDFExport) finish(err error) {
	if !x.end() {
		return
	}
	j := x.job
	switch {
	case errors.Is(err, context.Canceled):
		if j.Say != nil {
			j.Say(lang.L("Pembuatan PDF dibatalkan."), false)
		} else {
			dialog.NewCustom(lang.L("Ekspor PDF"), lang.L("Tutup"), widget.NewLabel(lang.L("Pembuatan PDF dibatalkan.")), j.Parent).Show()
		}
	case errors.As(err, new(*unloggedError)):
		ShowExported(j.App, places.Display(x.w.URI().Path()), j.Parent)
		ShowFailure(j.Parent, lang.L("PDF sudah disimpan, tetapi cetakannya tidak tercatat di riwayat:"), err)
	case err != nil:
		j.fail(err)
	default:
		ShowExported(j.App, places.Display(x.w.URI().Path()), j.Parent)
	}
	if j.Done != nil {
		j.Done(err)
	}
}

// makePDF makes the job's PDF on a locked OS thread of lowered priority; the
// printer stops between its stages once ctx is cancelled. A printer that
// records its prints (service.LoggedPrinter) also says what it printed.
func makePDF(ctx context.Context, j PDFJob) ([]byte, *dataset.Print, error) {
	type result struct {
		data    []byte
		printed *dataset.Print
		err     error
	}
	made := make(chan result, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the lowered thread ends with the goroutine
		platform.LowerThreadPriority()
		var buf bytes.Buffer
		if lp, ok := j.Printer.(service.LoggedPrinter); ok {
			p, err := lp.PrintPDF(ctx, j.ID, &buf, j.Draft)
			made <- result{buf.Bytes(), &p, err}
			return
		}
		err := j.Printer.ExportPDF(ctx, j.ID, &buf, j.Draft)
		made <- result{buf.Bytes(), nil, err}
	}()
	select {
	case r := <-made:
		return r.data, r.printed, r.err
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

// unloggedError is a PDF written whose print could not be recorded.
type unloggedError struct{ err error }

func (e *unloggedError) Error() string { return e.err.Error() }
func (e *unloggedError) Unwrap() error { return e.err }

// fileDialogLastFolder is the preference where Fyne's file dialogs remember
// the folder last used.
const fileDialogLastFolder = "fyne:fileDialogLastFolder" // as ui.prefDialogFolder

// StartInDocuments opens d in the user's Documents folder unless a file
// dialog was used before: then Fyne opens it in the folder last used.
func StartInDocuments(d *dialog.FileDialog, a fyne.App) {
	if a != nil && a.Preferences().String(fileDialogLastFolder) != "" {
		return
	}
	if dir := DocumentsLister(); dir != nil {
		d.SetLocation(dir)
	}
}

// DocumentsLister is the Documents folder as a dialog location, or nil.
func DocumentsLister() fyne.ListableURI {
	docs := places.Documents()
	if docs == "" {
		return nil
	}
	dir, err := storage.ListerForURI(storage.NewFileURI(docs))
	if err != nil {
		return nil
	}
	return dir
}
