package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
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
	"sepakat/internal/places"
	"sepakat/internal/report"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
	"sepakat/internal/ui/platform"
	"sepakat/internal/wilayah"
)

// laporanSource is what the Laporan screen reads: the report's facts and the
// office's lambang.
type laporanSource interface {
	report.Source
	File(sha string) ([]byte, error)
}

// The period kinds the screen offers, in order.
const (
	periodYear = iota
	periodSemester1
	periodSemester2
	periodRange
)

// Laporan is the report screen: choose a period, see its tables and charts,
// save them as a PDF on the letterhead or as a workbook.
type Laporan struct {
	svc    laporanSource
	app    fyne.App
	win    fyne.Window
	now    func() time.Time
	do     func(func())
	onOpen func(agreement.ID)

	kind     *widget.Select
	year     *widget.Select
	from, to *kit.Entry
	// dates holds from and to: shown for a date range only.
	dates    *fyne.Container
	makeBtn  *widget.Button
	stopBtn  *widget.Button
	savePDF  *widget.Button
	saveXLSX *widget.Button
	status   *widget.Label
	bar      *widget.ProgressBarInfinite
	preview  *fyne.Container
	tabs     *container.AppTabs
	content  fyne.CanvasObject

	rep     *report.Report
	office  report.Office
	reading kit.Latest
	saving  *fileExport
	// built, when set, is told each report shown (tests).
	built func(*report.Report, error)
}

func newLaporan(svc laporanSource, app fyne.App, win fyne.Window, now func() time.Time, onOpen func(agreement.ID)) *Laporan {
	l := &Laporan{svc: svc, app: app, win: win, now: now, do: fyne.Do, onOpen: onOpen}
	l.build()
	return l
}

func (l *Laporan) build() {
	this := l.now().Year()
	var years []string
	for y := this; y >= this-20; y-- {
		years = append(years, strconv.Itoa(y))
	}
	l.year = kit.NewSelect(years, nil)
	l.year.SetSelectedIndex(0)
	l.from, l.to = kit.NewEntry(), kit.NewEntry()
	l.from.SetPlaceHolder(lang.L("dari (hh/bb/tttt)"))
	l.to.SetPlaceHolder(lang.L("sampai (hh/bb/tttt)"))
	l.kind = kit.NewSelect([]string{lang.L("Tahun"), lang.L("Semester I"), lang.L("Semester II"), lang.L("Rentang tanggal")}, func(string) { l.onKind() })
	l.kind.SetSelectedIndex(periodYear)
	l.makeBtn = widget.NewButtonWithIcon(lang.L("Buat laporan"), theme.ViewRefreshIcon(), l.onMake)
	l.makeBtn.Importance = widget.HighImportance
	l.stopBtn = widget.NewButtonWithIcon(lang.L("Batal"), theme.CancelIcon(), l.onStop)
	l.stopBtn.Hide()
	l.savePDF = widget.NewButtonWithIcon(lang.L("Simpan PDF…"), theme.DocumentSaveIcon(), func() { l.onSave(".pdf") })
	l.saveXLSX = widget.NewButtonWithIcon(lang.L("Simpan Excel…"), theme.DocumentSaveIcon(), func() { l.onSave(".xlsx") })
	l.savePDF.Disable()
	l.saveXLSX.Disable()
	l.bar = widget.NewProgressBarInfinite()
	l.bar.Stop()
	l.bar.Hide()
	l.status = widget.NewLabel(lang.L("Pilih periode, lalu Buat laporan."))
	l.status.Wrapping = fyne.TextWrapWord
	l.preview = container.NewStack()
	l.dates = container.NewHBox(
		container.NewGridWrap(fyne.NewSize(150, l.from.MinSize().Height), l.from),
		container.NewGridWrap(fyne.NewSize(150, l.to.MinSize().Height), l.to))
	l.onKind()
	controls := container.NewHBox(widget.NewLabel(lang.L("Periode")), l.kind, l.year, l.dates, l.makeBtn, l.stopBtn)
	top := container.NewVBox(container.NewBorder(nil, nil, controls, container.NewHBox(l.savePDF, l.saveXLSX)), l.bar, l.status)
	l.content = container.NewBorder(top, nil, nil, nil, l.preview)
}

// Content is the screen's root object.
func (l *Laporan) Content() fyne.CanvasObject { return container.NewPadded(l.content) }

func (l *Laporan) onKind() {
	if l.from == nil || l.year == nil || l.dates == nil {
		return
	}
	// The days apply to a date range only; the year to the rest.
	dates := l.kind.SelectedIndex() == periodRange
	for _, e := range []*kit.Entry{l.from, l.to} {
		if dates {
			e.Enable()
		} else {
			e.Disable()
		}
	}
	if dates {
		l.year.Disable()
		l.year.Hide()
		l.dates.Show()
	} else {
		l.year.Enable()
		l.year.Show()
		l.dates.Hide()
	}
}

// period reads the chosen period, or says what is wrong with it.
func (l *Laporan) period() (report.Period, string) {
	y, _ := strconv.Atoi(l.year.Selected)
	switch l.kind.SelectedIndex() {
	case periodSemester1:
		return report.Semester(y, 1), ""
	case periodSemester2:
		return report.Semester(y, 2), ""
	case periodRange:
		// Days as staff write them: 01/07/2025, 01-07-2025, 2025-07-01, 1 Juli 2025.
		lg := kit.Lang()
		from, f := report.ParseDay(l.from.Text, false)
		if f != report.DayOK {
			return report.Period{}, report.DayProblem(report.TStartDay.In(lg), l.from.Text, f, lg)
		}
		to, f := report.ParseDay(l.to.Text, true)
		if f != report.DayOK {
			return report.Period{}, report.DayProblem(report.TEndDay.In(lg), l.to.Text, f, lg)
		}
		p := report.Period{From: from, To: to}
		if !p.Valid() {
			return p, lang.L("Tanggal awal periode harus sebelum tanggal akhirnya.")
		}
		return p, ""
	}
	return report.Year(y), ""
}

// onMake builds the report off the UI goroutine; Batal or a newer report stops it.
func (l *Laporan) onMake() {
	p, problem := l.period()
	if problem != "" {
		l.status.SetText(problem)
		l.status.Importance = widget.DangerImportance
		l.status.Refresh()
		return
	}
	l.status.Importance = widget.MediumImportance
	l.status.SetText(lang.L("Menghitung laporan…"))
	l.bar.Show()
	l.bar.Start()
	l.stopBtn.Show()
	l.makeBtn.Disable()
	svc, today := l.svc, agreement.DateOf(l.now())
	type made struct {
		rep    *report.Report
		office report.Office
		tables []report.Table
	}
	lg := kit.Lang()
	kit.ReadLatest(&l.reading, l.do, func(ctx context.Context) (made, error) {
		regions, err := wilayah.Load()
		if err != nil {
			return made{}, err
		}
		rep, err := report.Build(ctx, svc, p, report.Options{Today: today, Province: regions.Name})
		if err != nil {
			return made{}, err
		}
		parties, err := svc.Parties()
		if err != nil {
			return made{}, err
		}
		office, _ := report.OfficeOf(parties, svc.File)
		return made{rep, office, rep.Tables(lg)}, nil
	}, func(m made, err error) {
		l.idle()
		if err != nil {
			l.status.Importance = widget.DangerImportance
			l.status.SetText(kit.Failure(lang.L("Laporan tidak dapat dibuat:"), err))
		} else {
			l.show(m.rep, m.office, m.tables)
		}
		if l.built != nil {
			l.built(m.rep, err)
		}
	})
}

func (l *Laporan) onStop() {
	l.reading.Cancel()
	l.idle()
	l.status.SetText(lang.L("Pembuatan laporan dibatalkan."))
}

func (l *Laporan) idle() {
	l.bar.Stop()
	l.bar.Hide()
	l.stopBtn.Hide()
	l.makeBtn.Enable()
}

// show lays out the report: the summary and the two charts, then a tab per table.
func (l *Laporan) show(r *report.Report, office report.Office, tables []report.Table) {
	l.rep, l.office = r, office
	lg := kit.Lang()
	title, lines := r.Title(lg)
	text := title + " · " + lines[0] + " · " + lines[1]
	if len(r.Damaged) > 0 {
		text += "\n" + report.TDamaged.In(lg, len(r.Damaged))
	}
	l.status.Importance = widget.MediumImportance
	l.status.SetText(text)
	l.savePDF.Enable()
	l.saveXLSX.Enable()

	status := map[agreement.Status]int{}
	for _, c := range r.ByStatus {
		status[agreement.Status(c.Key)] = c.N
	}
	// The charts stand beside the summary, in its tab: the other tables
	// have the screen's whole height.
	charts := container.NewVBox(
		container.NewBorder(heading(lang.L("Ditandatangani per tahun")), nil, nil, nil, newBarChart(reportYearChart(r, lg), 150)),
		container.NewBorder(heading(lang.L("Sebaran status dalam periode")), nil, nil, nil,
			newBarChart(statusChart(status, func(st agreement.Status) string { return lang.L(st.Label()) }), 150)))
	// A tab's table is made when the tab is first shown: a table of 30 000
	// rows costs a frame to set up.
	items := make([]*container.TabItem, len(tables))
	for i, t := range tables {
		items[i] = container.NewTabItem(fmt.Sprintf("%s (%s)", t.Sheet, thousands(t.Len())), container.NewStack())
	}
	made := make([]bool, len(tables))
	fill := func(i int) {
		if i >= 0 && i < len(items) && !made[i] {
			made[i] = true
			var o fyne.CanvasObject
			if i == 0 { // the summary (report.Tables), narrower
				split := container.NewHSplit(l.table(tables[i], 620), container.NewVScroll(charts))
				split.Offset = 0.5
				o = split
			} else {
				o = l.table(tables[i], 1100)
			}
			items[i].Content.(*fyne.Container).Objects = []fyne.CanvasObject{o}
		}
	}
	fill(0)
	l.tabs = container.NewAppTabs(items...)
	l.tabs.OnSelected = func(*container.TabItem) {
		fill(l.tabs.SelectedIndex())
		l.tabs.Refresh()
	}
	l.preview.Objects = []fyne.CanvasObject{l.tabs}
	l.preview.Refresh()
}

// table shows one of the report's tables as a list of rows under a header:
// only the rows in view are drawn (a widget.Table of 30 000 rows costs
// several frames to set up); a list's row opens its agreement.
func (l *Laporan) table(t report.Table, width float32) fyne.CanvasObject {
	lg := kit.Lang()
	n := t.Len()
	if n == 0 {
		return container.NewVBox(note(report.TNone.In(lg)))
	}
	count := n
	if t.Total != nil {
		count++
	}
	row := func(i int) []any {
		if i == n {
			return t.Total
		}
		return t.Row(i)
	}
	sum := 0.0
	for _, w := range t.Widths {
		sum += w
	}
	cols := &columnsLayout{}
	for i := range t.Header {
		w := 1.0
		if i < len(t.Widths) {
			w = t.Widths[i]
		}
		cols.widths = append(cols.widths, max(60, width*float32(w/sum)))
	}
	head := container.New(cols)
	for _, h := range t.Header {
		head.Add(widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	list := widget.NewList(
		func() int { return count },
		func() fyne.CanvasObject {
			row := container.New(cols)
			for range t.Header {
				row.Add(kit.NewFitLabel(""))
			}
			return row
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			cells := row(i)
			for c, cell := range o.(*fyne.Container).Objects {
				text := ""
				if c < len(cells) {
					// One line per row: the two numbers side by side.
					text = strings.ReplaceAll(report.CellText(cells[c], lg), "\n", " · ")
				}
				cell.(*kit.FitLabel).SetText(text)
			}
		})
	if t.IDs != nil {
		ids := t.IDs
		list.OnSelected = func(i widget.ListItemID) {
			list.UnselectAll()
			if i >= 0 && i < len(ids) && l.onOpen != nil {
				l.onOpen(ids[i])
			}
		}
	}
	return container.NewBorder(container.NewVBox(head, widget.NewSeparator()), nil, nil, nil, list)
}

// columnsLayout places objects side by side at fixed widths, the last one
// taking what is left.
type columnsLayout struct{ widths []float32 }

func (c *columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objects {
		w := c.widths[min(i, len(c.widths)-1)]
		if i == len(objects)-1 {
			w = max(w, size.Width-x)
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (c *columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objects {
		w += c.widths[min(i, len(c.widths)-1)]
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

// fileName is the name a saved report is offered under: Laporan-2025.pdf,
// Laporan-2025-01-01-2025-06-30.xlsx.
func (l *Laporan) fileName(ext string) string {
	p := l.rep.Period
	if p == report.Year(p.From.Year) {
		return fmt.Sprintf("Laporan-%d%s", p.From.Year, ext)
	}
	return fmt.Sprintf("Laporan-%s-%s%s", p.From, p.To, ext)
}

// onSave asks where to save the report, then writes it as ext (.pdf or .xlsx).
func (l *Laporan) onSave(ext string) {
	if l.rep == nil {
		return
	}
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			kit.ShowFailure(l.win, lang.L("Laporan tidak disimpan:"), err)
			return
		}
		if w != nil {
			l.saveTo(w, ext, nil)
		}
	}, l.win)
	save.SetFileName(l.fileName(ext))
	save.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	kit.StartInDocuments(save, l.app)
	save.Show()
}

// saveTo writes the report shown into w; done (tests) runs once the outcome shows.
func (l *Laporan) saveTo(w fyne.URIWriteCloser, ext string, done func(error)) {
	rep, office, lg, made := l.rep, l.office, kit.Lang(), l.now()
	l.saving = startFileExport(l.win, l.app, l.do, w, func(ctx context.Context, out io.Writer) error {
		if ext == ".xlsx" {
			return rep.WriteXLSX(ctx, out, office, lg, made)
		}
		return rep.WritePDF(ctx, out, office, lg, made)
	}, done)
}

// fileExport is a file being made off the UI goroutine, as kit.ExportPDF
// does for an agreement: after kit.ExportQuiet a progress dialog shows whose
// Batal stops the work and removes the unfinished file.
type fileExport struct {
	Stop     *widget.Button
	cancel   context.CancelFunc
	wait     dialog.Dialog
	bar      *widget.ProgressBarInfinite
	show     *time.Timer
	claimed  atomic.Bool
	w        fyne.URIWriteCloser
	win      fyne.Window
	app      fyne.App
	done     func(error)
	finished bool
}

func startFileExport(win fyne.Window, app fyne.App, do func(func()), w fyne.URIWriteCloser, write func(context.Context, io.Writer) error, done func(error)) *fileExport {
	ctx, cancel := context.WithCancel(context.Background())
	x := &fileExport{cancel: cancel, w: w, win: win, app: app, done: done, bar: widget.NewProgressBarInfinite()}
	x.Stop = widget.NewButtonWithIcon(lang.L("Batal"), theme.CancelIcon(), func() {
		x.abandon()
		x.finish(context.Canceled)
	})
	x.wait = dialog.NewCustomWithoutButtons(lang.L("Menyimpan laporan…"), container.NewVBox(x.bar, container.NewCenter(x.Stop)), win)
	x.wait.Resize(fyne.NewSize(360, 0))
	x.show = time.AfterFunc(kit.ExportQuiet, func() {
		do(func() {
			if !x.finished {
				x.wait.Show()
			}
		})
	})
	go func() {
		runtime.LockOSThread() // never unlocked: the lowered thread ends with the goroutine
		platform.LowerThreadPriority()
		var buf bytes.Buffer
		err := write(ctx, &buf)
		if ctx.Err() != nil || !x.claimed.CompareAndSwap(false, true) {
			return // cancelled: Batal has removed the file
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
		do(func() { x.finish(err) })
	}()
	return x
}

func (x *fileExport) abandon() {
	x.cancel()
	if x.claimed.CompareAndSwap(false, true) {
		x.w.Close()
		_ = storage.Delete(x.w.URI())
	}
}

func (x *fileExport) finish(err error) {
	if x.finished {
		return
	}
	x.finished = true
	x.show.Stop()
	x.bar.Stop()
	x.wait.Hide()
	x.cancel()
	switch {
	case errors.Is(err, context.Canceled):
		dialog.NewCustom(lang.L("Laporan"), lang.L("Tutup"), widget.NewLabel(lang.L("Penyimpanan laporan dibatalkan.")), x.win).Show()
	case err != nil:
		kit.ShowFailure(x.win, lang.L("Laporan tidak disimpan:"), err)
	default:
		kit.ShowExported(x.app, places.Display(x.w.URI().Path()), x.win)
	}
	if x.done != nil {
		x.done(err)
	}
}

var _ laporanSource = service.Service(nil)
