package editor

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// reviewPart is the Telaah part of the Persetujuan & Telaah tab: the reviews
// recorded, which required reviewers have not agreed yet, and a line to
// record the next review. The reviewer offered first is the first required
// one still pending, dated today and agreeing, so that recording an agreed
// review is one tap.
type reviewPart struct {
	t *approvalTab

	list              *widget.List
	pending           *widget.Label
	reviewer, outcome *widget.Select
	name, date, note  *kit.Entry
	add, print        *widget.Button
	problem           *widget.Label
	stored, added     []agreement.Review
	procedure         agreement.Procedure
	reviewerTitles    []string
	procedureRead     bool
	lastDateTyped     bool
	onPrint           func() // the lembar telaah, telaah_export.go
}

func outcomeLabel(o agreement.ReviewOutcome) string {
	switch o {
	case agreement.ReviewSetuju:
		return lang.L("Setuju")
	case agreement.ReviewPerbaikan:
		return lang.L("Perbaikan")
	case agreement.ReviewTolak:
		return lang.L("Tolak")
	}
	return string(o)
}

func (r *reviewPart) build(t *approvalTab) fyne.CanvasObject {
	r.t = t
	e := t.e
	r.procedure = agreement.DefaultProcedure()
	r.list = widget.NewList(func() int { return len(r.all()) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.SetText(reviewText(r.all()[i]))
		r.list.SetItemHeight(i, l.MinSize().Height)
	})
	r.pending = widget.NewLabel("")
	r.pending.Wrapping = fyne.TextWrapWord
	r.reviewer = kit.NewSelect(nil, nil)
	labels := make([]string, len(agreement.ReviewOutcomes))
	for i, o := range agreement.ReviewOutcomes {
		labels[i] = outcomeLabel(o)
	}
	r.outcome = kit.NewSelect(labels, nil)
	r.outcome.SetSelectedIndex(0)
	r.name, r.date, r.note = kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	r.name.SetPlaceHolder(lang.L("Nama penelaah (bila perlu)"))
	r.date.SetPlaceHolder(lang.L("hh/bb/tttt"))
	r.date.OnChanged = func(string) { r.lastDateTyped = true }
	r.note.SetPlaceHolder(lang.L("Catatan: apa yang diperbaiki atau alasan penolakan"))
	r.add = widget.NewButtonWithIcon(lang.L("Catat telaah"), theme.ContentAddIcon(), r.onAdd)
	r.print = widget.NewButtonWithIcon(lang.L("Cetak lembar telaah"), theme.DocumentPrintIcon(), e.onTelaah)
	if _, ok := e.printer.(service.TelaahPrinter); !ok {
		r.print.Hide()
	}
	r.problem = kit.NewProblemLabel()
	r.problem.Hide()
	line := container.NewBorder(nil, nil, nil, r.add, container.NewGridWithColumns(3,
		r.reviewer, r.name, container.NewGridWithColumns(2, r.date, r.outcome)))
	list := container.NewGridWrap(fyne.NewSize(900, 220), r.list)
	return container.NewVBox(
		container.NewBorder(nil, nil, nil, r.print, heading(lang.L("Telaah TKKSD"))),
		r.pending, e.problemLabel("reviews"),
		line, r.note, r.problem, list)
}

// reviewText is how the list shows a review.
func reviewText(v agreement.Review) string {
	who := v.Reviewer
	if v.Name != "" {
		who += " (" + v.Name + ")"
	}
	text := fmt.Sprintf("%s · %s · %s", kit.ShortDate(v.Date), who, outcomeLabel(v.Outcome))
	if v.Note != "" {
		text += " · " + v.Note
	}
	return text
}

func (r *reviewPart) all() []agreement.Review {
	return append(append([]agreement.Review(nil), r.stored...), r.added...)
}

func (r *reviewPart) load(a agreement.Agreement) {
	r.stored, r.added = a.Reviews, nil
	r.list.Refresh()
	r.problem.Hide()
	r.note.SetText("")
	r.name.SetText("")
	r.outcome.SetSelectedIndex(0)
	r.showPending()
}

func (r *reviewPart) apply(a *agreement.Agreement) { a.Reviews = r.all() }

// showProcedure reads our office's procedure from the instansi read, and
// offers its reviewers.
func (r *reviewPart) showProcedure() {
	a := r.t.e.a
	a.Parties = r.t.e.parties.rows
	r.procedure = a.OwnProcedure(partyList(r.t.parties))
	r.procedureRead = true
	r.showPending()
}

// showPending says which required reviewers have not agreed, and offers the
// first of them (or the first reviewer) for the next review, dated today.
func (r *reviewPart) showPending() {
	r.reviewerTitles = r.reviewerTitles[:0]
	for _, v := range r.procedure.Reviewers {
		r.reviewerTitles = append(r.reviewerTitles, v.Title)
	}
	r.reviewer.Options = r.reviewerTitles
	a := agreement.Agreement{Reviews: r.all()}
	pending := a.ReviewsPending(r.procedure)
	if len(pending) == 0 {
		r.pending.SetText(lang.L("Semua penelaah wajib telah menyetujui."))
		r.pending.Importance = widget.SuccessImportance
	} else {
		r.pending.SetText(lang.L("Belum menyetujui: {{.Names}}.", map[string]any{"Names": strings.Join(pending, ", ")}))
		r.pending.Importance = widget.WarningImportance
		if st := r.t.e.a.Status; st == agreement.StatusSiapTTD || st == agreement.StatusDitandatangani || st == agreement.StatusDibatalkan {
			r.pending.Importance = widget.LowImportance // past the gate: a record, not a warning
		}
	}
	r.pending.Refresh()
	next := 0
	if len(pending) > 0 {
		for i, title := range r.reviewerTitles {
			if title == pending[0] {
				next = i
			}
		}
	}
	if len(r.reviewerTitles) > 0 {
		r.reviewer.SetSelectedIndex(next)
	}
	r.reviewer.Refresh()
	if !r.lastDateTyped || strings.TrimSpace(r.date.Text) == "" {
		r.date.SetText(kit.FormDate(agreement.DateOf(r.t.e.now())))
		r.lastDateTyped = false
	}
}

// onAdd records the review typed in the line: a reviewer, a date, an
// outcome, and a note when the outcome is not setuju.
func (r *reviewPart) onAdd() {
	r.problem.Hide()
	d, err := kit.ParseFormDate(r.date.Text)
	i := r.outcome.SelectedIndex()
	switch {
	case r.reviewer.Selected == "":
		r.say(lang.L("Pilih penelaah."))
		return
	case err != nil || d.IsZero():
		r.say(lang.L("Isi tanggal telaah (hh/bb/tttt)."))
		return
	case i < 0:
		r.say(lang.L("Pilih hasil telaah."))
		return
	}
	v := agreement.Review{Reviewer: r.reviewer.Selected, Name: strings.TrimSpace(r.name.Text), Date: d,
		Outcome: agreement.ReviewOutcomes[i], Note: strings.TrimSpace(r.note.Text)}
	if v.Outcome != agreement.ReviewSetuju && v.Note == "" {
		r.say(lang.L("Tuliskan catatan telaah: apa yang harus diperbaiki atau mengapa ditolak."))
		return
	}
	r.added = append(r.added, v)
	// A refusal of the last step named the reviewers pending then; the line
	// above the form now says who is pending, and a save checks again.
	if l := r.t.e.problems["reviews"]; l != nil {
		l.SetText("")
		l.Hide()
	}
	r.name.SetText("")
	r.note.SetText("")
	r.outcome.SetSelectedIndex(0)
	r.list.Refresh()
	r.showPending()
	r.t.e.markDirty()
}

// onTelaah saves unsaved changes first, then asks where to write the lembar
// telaah dan disposisi and makes it, in the language of the screens.
func (e *Editor) onTelaah() {
	job, ok := e.telaahJob(nil)
	if !ok {
		return
	}
	if e.dirty && !e.onSave() {
		return
	}
	kit.AskPDF(job, func(x *kit.PDFExport) { e.export = x })
}

// telaahJob is the review sheet's PDF, told like the agreement's; ok is
// false when the printer cannot make one.
func (e *Editor) telaahJob(done func(error)) (kit.PDFJob, bool) {
	tp, ok := e.printer.(service.TelaahPrinter)
	if !ok {
		return kit.PDFJob{}, false
	}
	job := e.pdfJob(false, done)
	job.Printer = telaahPrinter{tp, kit.Lang()}
	job.Name = fmt.Sprintf("Telaah-%s-%d.pdf", e.a.Kind, e.a.ID)
	return job, true
}

// telaahPrinter makes the review sheet where a PDF job makes the agreement.
type telaahPrinter struct {
	p service.TelaahPrinter
	l i18n.Lang
}

func (t telaahPrinter) ExportPDF(ctx context.Context, id agreement.ID, w io.Writer, _ bool) error {
	return t.p.ExportTelaah(ctx, id, w, t.l)
}

func (r *reviewPart) say(msg string) {
	r.problem.SetText(msg)
	r.problem.Show()
}
