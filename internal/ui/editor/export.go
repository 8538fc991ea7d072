package editor

import (
	"slices"

	"fyne.io/fyne/v2"

	"sepakat/internal/naskah"
	"sepakat/internal/ui/kit"

	"fyne.io/fyne/v2/widget"
)

// onExport saves unsaved changes first, so the PDF is what the form shows,
// then asks where to write it (draft: with the KONSEP watermark).
func (e *Editor) onExport(draft bool) {
	if e.dirty && !e.onSave() {
		return
	}
	ask := func() { kit.AskPDF(e.pdfJob(draft, nil), func(x *kit.PDFExport) { e.export = x }) }
	if draft {
		ask() // a KONSEP copy
		return
	}
	// A final copy: the document check first, and a question when it finds
	// something. Of a signed text only what can still be put right is named:
	// a number the original did not carry.
	problems := e.check()
	if e.a.Locked() {
		problems = slices.DeleteFunc(problems, func(p naskah.Problem) bool { return !p.OpenAfterSigning() })
	}
	e.checkDialog = kit.ConfirmPrint(e.win, problems, ask)
}

// check runs the document check over the agreement as saved; a document that
// cannot be built has nothing to check, and its export says why.
func (e *Editor) check() []naskah.Problem {
	lib, err := naskah.Shipped()
	if err != nil {
		return nil
	}
	own, _ := e.svc.Parties()
	d, err := naskah.Build(&e.a, e.svc, lib, naskah.OfficeOptions(own))
	if err != nil {
		return nil
	}
	return naskah.Check(d, &e.a)
}

// pdfJob is this agreement's PDF, its failure or cancel told at the bottom of
// the window; done (for tests) runs once the outcome shows.
func (e *Editor) pdfJob(draft bool, done func(error)) kit.PDFJob {
	return kit.PDFJob{App: e.app, Parent: e.win, Do: e.do, Printer: e.printer, ID: e.a.ID, Kind: e.a.Kind, Draft: draft,
		Say: func(text string, problem bool) {
			if problem {
				e.say(text, widget.DangerImportance)
			} else {
				e.notice(text)
			}
		},
		Done: func(err error) {
			if err == nil {
				e.history.load(e.a) // the print is in the history now
			}
			if done != nil {
				done(err)
			}
		}}
}

// exportTo makes the PDF into w, as the save dialog does.
func (e *Editor) exportTo(w fyne.URIWriteCloser, draft bool, done func(error)) {
	e.export = kit.ExportPDF(e.pdfJob(draft, done), w)
}
