package editor

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/places"
	"sepakat/internal/report"
	"sepakat/internal/ui/kit"
)

// monitoringTab is the editor's Monitoring tab: the monev entries recorded,
// what is due per perangkat daerah, a form to record another and the monev
// report. Entries may be added to a signed agreement too.
type monitoringTab struct {
	e *Editor

	list                 *widget.List
	due, dueUnits        *widget.Label
	unit                 *kit.SelectEntry
	date, activity, note *kit.Entry
	planned, result      *kit.Entry
	reasons              *kit.Entry
	score, rec           *widget.Select
	add, print           *widget.Button
	problem              *widget.Label
	stored               []agreement.Monitoring // as loaded
	pending              []agreement.Monitoring // recorded since
	// written (for tests) hears the outcome of the monev report's export.
	written func(error)
}

func (t *monitoringTab) build() fyne.CanvasObject {
	t.list = widget.NewList(func() int { return len(t.all()) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.SetText(monevText(t.all()[i]))
		t.list.SetItemHeight(i, l.MinSize().Height) // a long entry shows whole, over several lines
	})
	t.due, t.dueUnits = widget.NewLabel(""), widget.NewLabel("")
	t.due.Wrapping, t.dueUnits.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	units := container.NewVScroll(t.dueUnits)
	units.SetMinSize(fyne.NewSize(0, 80)) // many units scroll rather than push the form down
	t.unit = kit.NewSelectEntry(nil)
	t.unit.SetPlaceHolder(lang.L("Perangkat daerah"))
	t.date, t.activity, t.note = kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	t.planned, t.result, t.reasons = kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	t.date.SetPlaceHolder(lang.L("hh/bb/tttt"))
	t.activity.SetPlaceHolder(lang.L("Kegiatan tindak lanjut, mis. magang dua staf Diskominfo"))
	t.note.SetPlaceHolder(lang.L("Kendala (bila ada)"))
	t.planned.SetPlaceHolder(lang.L("Kegiatan yang direncanakan"))
	t.result.SetPlaceHolder(lang.L("Kegiatan yang terealisasi"))
	t.reasons.SetPlaceHolder(lang.L("Alasan rekomendasi"))
	t.score = kit.NewSelect([]string{"1", "2", "3", "4", "5"}, nil)
	t.score.PlaceHolder = lang.L("Nilai 1–5")
	recs := make([]string, len(agreement.Recommendations))
	for i, r := range agreement.Recommendations {
		recs[i] = lang.L(r.Label())
	}
	t.rec = kit.NewSelect(recs, nil)
	t.rec.PlaceHolder = lang.L("Rekomendasi")
	t.add = widget.NewButtonWithIcon(lang.L("Catat"), theme.ContentAddIcon(), t.onAdd)
	t.print = widget.NewButtonWithIcon(lang.L("Cetak laporan monev"), theme.DocumentPrintIcon(), t.onPrint)
	t.problem = t.e.problemLabel("monitoring")
	narrow := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, t.date.MinSize().Height), o)
	}
	form := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(narrow(t.date, 130), narrow(t.unit, 260)), nil, t.activity),
		container.NewGridWithColumns(2, t.planned, t.result),
		container.NewBorder(nil, nil, nil, container.NewHBox(narrow(t.score, 120), narrow(t.rec, 170)), t.note),
		container.NewBorder(nil, nil, nil, t.add, t.reasons),
	)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, t.print, t.due), units, widget.NewSeparator(), form, t.problem)
	return container.NewBorder(top, nil, nil, nil, t.list)
}

// monevText is how the list shows an entry: its day, unit and activity, then
// what was planned and realised, the obstacles, the score and the
// recommendation with its reasons.
func monevText(m agreement.Monitoring) string {
	head := []string{kit.ShortDate(m.Date)}
	if m.Unit != "" {
		head = append(head, m.Unit)
	}
	head = append(head, m.Activity)
	lines := []string{strings.Join(head, " · ")}
	var more []string
	if m.Planned != "" {
		more = append(more, lang.L("rencana: {{.Text}}", map[string]any{"Text": m.Planned}))
	}
	if m.Result != "" {
		more = append(more, lang.L("realisasi: {{.Text}}", map[string]any{"Text": m.Result}))
	}
	if m.Obstacles != "" {
		more = append(more, lang.L("kendala: {{.Text}}", map[string]any{"Text": m.Obstacles}))
	}
	if m.Score > 0 {
		more = append(more, lang.L("nilai {{.Score}}/5", map[string]any{"Score": m.Score}))
	}
	if m.Recommendation != agreement.RecBelumDinilai {
		rec := lang.L("rekomendasi: {{.Rec}}", map[string]any{"Rec": lang.L(m.Recommendation.Label())})
		if m.Reasons != "" {
			rec += " (" + m.Reasons + ")"
		}
		more = append(more, rec)
	}
	if len(more) > 0 {
		lines = append(lines, strings.Join(more, " · "))
	}
	return strings.Join(lines, "\n")
}

// all are the entries stored and those recorded since.
func (t *monitoringTab) all() []agreement.Monitoring {
	return append(append([]agreement.Monitoring(nil), t.stored...), t.pending...)
}

func (t *monitoringTab) load(a agreement.Agreement) {
	t.stored, t.pending = a.Monitoring, nil
	t.unit.SetOptions(a.Implementers)
	if len(a.Implementers) == 1 && t.unit.Text == "" {
		t.unit.SetText(a.Implementers[0])
	}
	t.showDue(a)
	t.list.Refresh()
}

// procedure is the office's procedure, or the default when the register
// cannot be read.
func (t *monitoringTab) procedure() agreement.Procedure {
	own, err := t.e.svc.Parties()
	if err != nil {
		return agreement.DefaultProcedure()
	}
	return agreement.OfficeProcedure(own)
}

// showDue says what monev each perangkat daerah owes this budget year and
// which rounds are overdue.
func (t *monitoringTab) showDue(a agreement.Agreement) {
	if a.Status != agreement.StatusDitandatangani {
		t.due.SetText(lang.L("Monev dimulai setelah perjanjian ditandatangani."))
		t.dueUnits.SetText("")
		return
	}
	p := t.procedure()
	now := t.e.now()
	year := now.Year()
	units := a.Implementers
	if len(units) == 0 {
		units = []string{""}
	}
	gaps := a.MonevDue(p, now)
	head := lang.L("Tahun anggaran {{.Year}}: monev {{.Rounds}} kali per perangkat daerah.", map[string]any{"Year": year, "Rounds": p.MonevPerYear})
	if len(gaps) > 0 {
		head += " " + lang.L("{{.Count}} putaran terlambat.", map[string]any{"Count": len(gaps)})
	}
	var lines []string
	for _, u := range units {
		done := 0
		for _, m := range a.Monitoring {
			if m.Date.Year == year && (u == "" || m.Unit == "" || strings.EqualFold(strings.TrimSpace(m.Unit), strings.TrimSpace(u))) {
				done++
			}
		}
		name := u
		if name == "" {
			name = lang.L("Seluruh perjanjian")
		}
		line := lang.L("{{.Unit}}: {{.Done}} dari {{.Rounds}} tercatat", map[string]any{"Unit": name, "Done": min(done, p.MonevPerYear), "Rounds": p.MonevPerYear})
		var late []string
		for _, g := range gaps {
			if g.Unit == u {
				late = append(late, lang.L("putaran {{.Round}} tahun {{.Year}} ({{.From}}–{{.To}})",
					map[string]any{"Round": g.Round, "Year": g.Year, "From": kit.ShortDate(g.From), "To": kit.ShortDate(g.To)}))
			}
		}
		if len(late) > 0 {
			line += "; " + lang.L("terlambat: {{.List}}", map[string]any{"List": strings.Join(late, ", ")})
		}
		lines = append(lines, line)
	}
	t.due.SetText(head)
	t.dueUnits.SetText(strings.Join(lines, "\n"))
	if len(gaps) > 0 {
		t.due.Importance = widget.WarningImportance
	} else {
		t.due.Importance = widget.MediumImportance
	}
	t.due.Refresh()
}

func (t *monitoringTab) apply(a *agreement.Agreement, _ *agreement.Errors) {
	a.Monitoring = t.all()
}

// onAdd records the entry typed in the form above the list.
func (t *monitoringTab) onAdd() {
	t.problem.Hide()
	say := func(msg string) {
		t.problem.SetText(msg)
		t.problem.Show()
	}
	d, err := kit.ParseFormDate(t.date.Text)
	if err != nil || d.IsZero() || strings.TrimSpace(t.activity.Text) == "" {
		say(lang.L("Isi tanggal (hh/bb/tttt) dan kegiatannya."))
		return
	}
	m := agreement.Monitoring{Date: d, Unit: strings.TrimSpace(t.unit.Text),
		Activity: strings.TrimSpace(t.activity.Text), Obstacles: strings.TrimSpace(t.note.Text),
		Planned: strings.TrimSpace(t.planned.Text), Result: strings.TrimSpace(t.result.Text),
		Reasons: strings.TrimSpace(t.reasons.Text)}
	if i := t.rec.SelectedIndex(); i >= 0 {
		m.Recommendation = agreement.Recommendations[i]
	}
	if m.Recommendation != agreement.RecBelumDinilai && m.Reasons == "" {
		say(lang.L("Tulis alasan rekomendasinya."))
		return
	}
	m.Score, _ = strconv.Atoi(t.score.Selected)
	m.Realised = m.Result != ""
	t.pending = append(t.pending, m)
	for _, en := range []*kit.Entry{t.date, t.activity, t.note, t.planned, t.result, t.reasons} {
		en.SetText("")
	}
	t.score.ClearSelected()
	t.rec.ClearSelected()
	t.list.Refresh()
	t.e.markDirty()
}

// onPrint saves unsaved changes, then asks where to write the monev report.
func (t *monitoringTab) onPrint() {
	e := t.e
	if e.dirty && !e.onSave() {
		return
	}
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			e.fail(lang.L("PDF tidak dibuat:"), err)
			return
		}
		if w != nil {
			t.writeReport(w)
		}
	}, e.win)
	save.SetFileName(fmt.Sprintf("Monev-%s-%d.pdf", e.a.Kind, e.a.ID))
	save.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	kit.StartInDocuments(save, e.app)
	save.Show()
}

// writeReport makes the monev report of the agreement as saved, on the
// office's letterhead, off the UI goroutine, and writes it to w.
func (t *monitoringTab) writeReport(w fyne.URIWriteCloser) {
	e := t.e
	a, now, p, l := e.a, e.now(), t.procedure(), kit.Lang()
	svc := e.svc
	go func() {
		own, err := svc.Parties()
		var buf bytes.Buffer
		if err == nil {
			office, _ := report.OfficeOf(own, svc.File)
			err = report.WriteMonevPDF(context.Background(), &buf, &a, svc.Party, office, p, l, now)
		}
		if err == nil {
			_, err = w.Write(buf.Bytes())
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = storage.Delete(w.URI()) // nothing half-written stays behind
		}
		e.do(func() {
			if err != nil {
				e.fail(lang.L("PDF tidak dibuat:"), err)
			} else {
				e.notice(lang.L("Laporan monev disimpan: {{.Path}}", map[string]any{"Path": places.Display(w.URI().Path())}))
			}
			if t.written != nil {
				t.written(err)
			}
		})
	}()
}
