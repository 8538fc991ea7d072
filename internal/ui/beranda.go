package ui

import (
	"cmp"
	"context"
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// berandaRows is how many rows a Beranda section lists before "dan N lainnya".
const berandaRows = 8

// Beranda is the home screen: counts by status, what ends soon, sleeping MoUs,
// drafts in review and recent changes. Each row opens its agreement.
type Beranda struct {
	svc    service.Overview
	now    func() time.Time
	onOpen func(agreement.ID)
	// onFilter shows the register filtered, for a tap on a chart's bar.
	onFilter func(agreement.Filter)
	do       func(func())

	content  *fyne.Container
	scroll   *container.Scroll
	screen   *tabScreen
	counts   *fyne.Container
	ending   *fyne.Container
	sleeping *fyne.Container
	review   *fyne.Container
	recent   *fyne.Container
	// procedure lists what the procedure waits for (Outstanding).
	procedure *fyne.Container
	message   *widget.Label

	// notify is told of the first dashboard loaded (the start notification).
	notify   func(service.Dashboard)
	notified bool
	// loaded, when set, is called on the UI goroutine after each load, with the
	// dashboard shown.
	loaded func(service.Dashboard, error)
	// reading is the load under way; a newer load cancels it.
	reading kit.Latest

	// backupStatus, when set, says when copies were last made; the Beranda
	// warns when they are old. onBackups shows the backup settings.
	backupStatus func() (service.BackupStatus, error)
	onBackups    func()
	// onStatus is told the backup status read (the main window remembers the
	// second place for the rescue screen).
	onStatus  func(service.BackupStatus)
	warning   *fyne.Container
	toBackups *widget.Button

	// perYear, when set, counts the signed agreements per year and kind for
	// the chart beside the status breakdown.
	perYear     func() ([]service.YearCount, error)
	charts      *fyne.Container
	yearChart   *barChart
	statusChart *barChart
}

// berandaYears is how many years the Beranda's chart shows.
const berandaYears = 12

// backupStaleDays is how old the newest copy, or the newest in the second
// place, may be before the Beranda warns.
const backupStaleDays = 7

// backupWarnings says what is wrong with the backups at now: no copy for
// more than backupStaleDays days (or none at all while the register holds
// agreements), and none that reached the second place for as long.
func backupWarnings(st service.BackupStatus, total int, now time.Time) []string {
	var out []string
	stale := func(t time.Time) bool { return now.Sub(t) > backupStaleDays*24*time.Hour }
	switch {
	case st.Last.IsZero() && total > 0:
		out = append(out, lang.L("Belum ada cadangan berkas data ini."))
	case !st.Last.IsZero() && stale(st.Last):
		out = append(out, lang.L("Cadangan terakhir dibuat {{.Date}}, lebih dari {{.Days}} hari lalu.", map[string]any{"Date": copyTime(st.Last), "Days": backupStaleDays}))
	}
	if st.SecondPlace != "" {
		switch {
		case st.LastSecond.IsZero():
			out = append(out, lang.L("Belum ada salinan yang sampai ke tempat kedua ({{.Place}}).", map[string]any{"Place": st.SecondPlace}))
		case stale(st.LastSecond):
			out = append(out, lang.L("Sudah lebih dari {{.Days}} hari tidak ada salinan yang sampai ke tempat kedua ({{.Place}}); terakhir {{.Date}}. Pasang diska USB atau folder jaringan itu, lalu cadangkan.",
				map[string]any{"Days": backupStaleDays, "Place": st.SecondPlace, "Date": copyTime(st.LastSecond.Local())}))
		}
	}
	return out
}

// showWarnings shows what backupWarnings says, with a way to the settings.
func (b *Beranda) showWarnings(st service.BackupStatus, err error, total int, now time.Time) {
	b.warning.RemoveAll()
	var lines []string
	if err != nil {
		lines = []string{kit.Failure(lang.L("Keadaan cadangan tidak dapat dibaca:"), err)}
	} else {
		lines = backupWarnings(st, total, now)
	}
	if len(lines) == 0 {
		b.warning.Hide()
		return
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	text.Importance = widget.WarningImportance
	b.toBackups = widget.NewButtonWithIcon(lang.L("Pengaturan cadangan"), theme.SettingsIcon(), func() {
		if b.onBackups != nil {
			b.onBackups()
		}
	})
	icon := widget.NewIcon(theme.WarningIcon())
	b.warning.Add(container.NewBorder(nil, nil, icon, container.NewCenter(b.toBackups), text))
	b.warning.Show()
}

func newBeranda(svc service.Overview, now func() time.Time, onOpen func(agreement.ID)) *Beranda {
	b := &Beranda{svc: svc, now: now, onOpen: onOpen, do: fyne.Do}
	b.build()
	return b
}

func (b *Beranda) build() {
	b.counts = container.NewGridWithColumns(5)
	b.ending = container.NewVBox()
	b.sleeping = container.NewVBox()
	b.review = container.NewVBox()
	b.recent = container.NewVBox()
	b.procedure = container.NewVBox()
	b.message = widget.NewLabel(lang.L("Memuat…"))
	b.message.Wrapping = fyne.TextWrapWord
	b.warning = container.NewVBox()
	b.warning.Hide()
	left := container.NewVBox(b.ending, b.procedure)
	right := container.NewVBox(b.sleeping, b.review, b.recent)
	b.yearChart = newBarChart(chartData{}, 170)
	b.statusChart = newBarChart(chartData{Horizontal: true}, 170)
	// A bar, or a kind's part of it, opens the register on what it counts.
	b.yearChart.OnTapped = func(cat, ser int) {
		y, err := strconv.Atoi(b.yearChart.data.Categories[cat])
		if err != nil || b.onFilter == nil {
			return
		}
		f := agreement.Filter{Status: agreement.StatusDitandatangani, Year: y}
		if ser >= 0 && ser < len(agreement.Kinds) {
			f.Kind = agreement.Kinds[ser] // perYearChart's series
		}
		b.onFilter(f)
	}
	b.statusChart.OnTapped = func(cat, _ int) {
		if b.onFilter != nil && cat < len(agreement.Statuses) {
			b.onFilter(agreement.Filter{Status: agreement.Statuses[cat]}) // statusChart's rows
		}
	}
	b.charts = container.NewGridWithColumns(2,
		container.NewBorder(heading(lang.L("Ditandatangani per tahun")), nil, nil, nil, b.yearChart),
		container.NewBorder(heading(lang.L("Sebaran status")), nil, nil, nil, b.statusChart))
	b.charts.Hide()
	b.content = container.NewVBox(b.warning, b.message, b.counts, b.charts, container.NewGridWithColumns(2, left, right))
}

// Content is the screen's root object.
func (b *Beranda) Content() fyne.CanvasObject {
	if b.scroll == nil {
		b.scroll = container.NewVScroll(container.New(&berandaLayout{b: b}, b.content))
		b.scroll.OnScrolled = func(fyne.Position) { b.cull() }
		b.screen = newTabScreen(b.scroll)
	}
	return b.screen
}

// berandaLayout pads the Beranda's content and then leaves out what is not
// in view (cull), so a resize shows the rows it brings into view.
type berandaLayout struct{ b *Beranda }

func (l *berandaLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	layout.NewPaddedLayout().Layout(objects, size)
	l.b.cull()
}

func (l *berandaLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return layout.NewPaddedLayout().MinSize(objects)
}

// cull leaves the rows outside the scroll's view out of the next frame.
// Fyne paints every object of a scrolled container, in view or not, and
// makes each text's image anew; at 100 000 agreements the rows below the
// fold are half the Beranda's text. A scroll brings them back before the
// frame that shows them.
func (b *Beranda) cull() {
	top, bottom := float32(-1e9), float32(1e9) // no scroll, or not laid out yet: all in
	if b.scroll != nil && b.scroll.Size().Height > 0 {
		top = b.scroll.Offset.Y
		bottom = top + b.scroll.Size().Height
	}
	var walk func(o fyne.CanvasObject, y float32)
	walk = func(o fyne.CanvasObject, y float32) {
		y += o.Position().Y
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, y)
			}
		case *rowLink:
			x.setInView(y < bottom && y+x.Size().Height > top)
		}
	}
	walk(b.content, 0)
}

// reload gathers the dashboard off the UI goroutine and shows it when it
// comes; a newer reload cancels this one, whose result is then dropped.
func (b *Beranda) reload() {
	now, svc, backupStatus := b.now(), b.svc, b.backupStatus
	perYear := b.perYear
	type read struct {
		d       service.Dashboard
		o       service.Outstanding
		oErr    error
		st      service.BackupStatus
		stErr   error
		years   []service.YearCount
		yearErr error
	}
	kit.ReadLatest(&b.reading, b.do, func(context.Context) (read, error) {
		var r read
		var err error
		r.d, err = svc.Dashboard(now)
		if err == nil {
			r.o, r.oErr = svc.Outstanding(now)
		}
		if backupStatus != nil {
			r.st, r.stErr = backupStatus()
		}
		if perYear != nil && err == nil {
			r.years, r.yearErr = perYear()
		}
		return r, err
	}, func(r read, err error) {
		d := r.d
		b.show(d, err, now)
		if err == nil {
			b.showOutstanding(r.o, r.oErr, now)
		}
		if perYear != nil && err == nil {
			b.showCharts(d, r.years, r.yearErr)
		}
		if backupStatus != nil {
			total := 0
			for _, n := range d.Counts {
				total += n
			}
			b.showWarnings(r.st, r.stErr, total, now)
			if r.stErr == nil && b.onStatus != nil {
				b.onStatus(r.st)
			}
		}
		b.cull()
		if err == nil && !b.notified && b.notify != nil {
			b.notified = true
			b.notify(d)
		}
		if b.loaded != nil {
			b.loaded(d, err)
		}
	})
}

func (b *Beranda) show(d service.Dashboard, err error, now time.Time) {
	if err != nil {
		b.message.SetText(lang.L("Beranda tidak dapat dimuat: {{.Error}}", map[string]any{"Error": kit.Message(err)}))
		b.message.Importance = widget.DangerImportance
		b.message.Show()
		return
	}
	b.message.Hide()
	refill(b.counts, func() {
		for _, st := range agreement.Statuses {
			b.counts.Add(countTile(statusWord(st), d.Counts[st]))
		}
	})
	refill(b.ending, func() { b.showEnding(d, now) })
	refill(b.sleeping, func() { b.showSleeping(d) })
	refill(b.review, func() { b.showReview(d) })
	refill(b.recent, func() { b.showRecent(d, now) })
	b.relayout()
	b.cull()
}

// refill empties box and runs fill with its layout off: Add lays the whole
// box out at every row. relayout then lays it out once.
func refill(box *fyne.Container, fill func()) {
	l := box.Layout
	box.Layout = nil
	box.RemoveAll()
	fill()
	box.Layout = l
}

// relayout lays the Beranda's containers out again, top down, and has the
// content drawn anew. Unlike Refresh it leaves the widgets alone: the rows
// just made need no refresh of their own before their first frame.
func (b *Beranda) relayout() {
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok {
			return
		}
		if c.Layout != nil {
			c.Layout.Layout(c.Objects, c.Size())
		}
		for _, x := range c.Objects {
			walk(x)
		}
	}
	walk(b.content)
	canvas.Refresh(b.content)
}

func (b *Beranda) showEnding(d service.Dashboard, now time.Time) {
	b.ending.Add(heading(lang.L("Segera berakhir")))
	for i, w := range agreement.EndingWindows {
		count := d.EndingCount[i]
		title := lang.L("Dalam {{.Days}} hari ({{.Count}})", map[string]any{"Days": w, "Count": thousands(count)})
		if i > 0 {
			count -= d.EndingCount[i-1]
			title = lang.L("{{.From}}–{{.Days}} hari lagi ({{.Count}})", map[string]any{"From": agreement.EndingWindows[i-1] + 1, "Days": w, "Count": thousands(count)})
		}
		b.ending.Add(subheading(title))
		b.addRows(b.ending, d.Ending[i], count, func(s agreement.Summary) string {
			return lang.L("{{.Date}} ({{.Days}} hari)", map[string]any{"Date": kit.ShortDate(s.End), "Days": agreement.DateOf(now).DaysUntil(s.End)})
		}, lang.L("Tidak ada."))
	}
}

func (b *Beranda) showSleeping(d service.Dashboard) {
	b.sleeping.Add(heading(lang.L("MoU tidur ({{.Count}})", map[string]any{"Count": thousands(d.SleepingCount)})))
	b.sleeping.Add(note(lang.L("Kesepakatan Bersama yang ditandatangani lebih dari {{.Months}} bulan lalu tanpa PKS dan tanpa tindak lanjut tercatat.", map[string]any{"Months": agreement.SleepingMonths})))
	b.addRows(b.sleeping, d.Sleeping, d.SleepingCount, func(s agreement.Summary) string {
		return lang.L("ditandatangani {{.Date}}", map[string]any{"Date": kit.ShortDate(s.Signed)})
	}, lang.L("Tidak ada: setiap MoU sudah ditindaklanjuti."))
}

func (b *Beranda) showReview(d service.Dashboard) {
	b.review.Add(heading(lang.L("Menunggu telaah ({{.Count}})", map[string]any{"Count": thousands(d.Counts[agreement.StatusTelaah])})))
	b.addRows(b.review, d.Review, d.Counts[agreement.StatusTelaah], func(s agreement.Summary) string {
		return lang.L("diubah {{.Date}}", map[string]any{"Date": kit.ShortDate(agreement.DateOf(s.Updated))})
	}, lang.L("Tidak ada konsep yang menunggu telaah."))
}

func (b *Beranda) showRecent(d service.Dashboard, now time.Time) {
	b.recent.Add(heading(lang.L("Baru diubah")))
	b.addRows(b.recent, d.Recent, len(d.Recent), func(s agreement.Summary) string {
		return lang.L(s.Phase(now, agreement.DefaultSoonDays).Label())
	}, lang.L("Belum ada perjanjian."))
}

// showOutstanding lists what the procedure waits for: the DPRD's approval,
// unfinished originals after the office's days, overdue monev, drafts
// waiting on the partner.
func (b *Beranda) showOutstanding(o service.Outstanding, err error, now time.Time) {
	refill(b.procedure, func() { b.fillOutstanding(o, err, now) })
	b.relayout()
	b.cull()
}

func (b *Beranda) fillOutstanding(o service.Outstanding, err error, now time.Time) {
	b.procedure.Add(heading(lang.L("Prosedur kerja sama")))
	if err != nil {
		b.procedure.Add(note(kit.Failure(lang.L("Daftar prosedur tidak dapat dimuat:"), err)))
		return
	}
	b.procedure.Add(subheading(lang.L("Menunggu persetujuan DPRD ({{.Count}})", map[string]any{"Count": thousands(o.DPRDCount)})))
	b.addRows(b.procedure, o.DPRD, o.DPRDCount, func(s agreement.Summary) string {
		return lang.L(s.Status.Label())
	}, lang.L("Tidak ada."))
	b.procedure.Add(subheading(lang.L("Naskah asli belum lengkap lewat {{.Days}} hari ({{.Count}})", map[string]any{"Days": o.AfterDays, "Count": thousands(o.CopiesCount)})))
	b.addRows(b.procedure, o.Copies, o.CopiesCount, func(s agreement.Summary) string {
		return lang.L("ditandatangani {{.Date}}", map[string]any{"Date": kit.ShortDate(s.Signed)})
	}, lang.L("Tidak ada."))
	b.procedure.Add(subheading(lang.L("Monev terlambat ({{.Count}})", map[string]any{"Count": thousands(o.MonevCount)})))
	b.addRows(b.procedure, o.Monev, o.MonevCount, func(s agreement.Summary) string {
		return lang.L("putaran berakhir {{.Date}}, terlambat {{.Days}} hari", map[string]any{"Date": kit.ShortDate(s.MonevDue), "Days": s.MonevDue.DaysUntil(agreement.DateOf(now))})
	}, lang.L("Tidak ada."))
	b.procedure.Add(subheading(lang.L("Menunggu jawaban mitra lewat {{.Days}} hari ({{.Count}})", map[string]any{"Days": o.PartnerDays, "Count": thousands(o.PartnerCount)})))
	b.addRows(b.procedure, o.Partner, o.PartnerCount, func(s agreement.Summary) string {
		return lang.L("dikirim {{.Date}}, {{.Days}} hari lalu", map[string]any{"Date": kit.ShortDate(s.SentToPartner), "Days": s.SentToPartner.DaysUntil(agreement.DateOf(now))})
	}, lang.L("Tidak ada."))
}

// showCharts draws the signed agreements per year by kind and the status
// breakdown; a failure to count the years leaves that chart out.
func (b *Beranda) showCharts(d service.Dashboard, years []service.YearCount, err error) {
	total := 0
	for _, n := range d.Counts {
		total += n
	}
	if total == 0 {
		b.charts.Hide()
		return
	}
	b.statusChart.Set(statusChart(d.Counts, statusWord))
	if err != nil {
		b.yearChart.Set(chartData{})
	} else {
		b.yearChart.Set(perYearChart(years, berandaYears))
	}
	b.charts.Show()
}

// addRows lists up to berandaRows agreements, each opening on a tap, and says how
// many more there are.
func (b *Beranda) addRows(box *fyne.Container, rows []agreement.Summary, total int, detail func(agreement.Summary) string, empty string) {
	if total == 0 {
		box.Add(note(empty))
		return
	}
	for i, s := range rows {
		if i == berandaRows {
			break
		}
		id := s.ID
		// The detail (a date) first, then the partner by its short name:
		// long subjects are cut at the end.
		text := fmt.Sprintf("%s · %s · %s · %s", detail(s), s.Kind, shortPartners(s), s.Subject)
		box.Add(newRowLink(text, func() { b.onOpen(id) }))
	}
	if more := total - min(len(rows), berandaRows); more > 0 {
		box.Add(note(lang.L("dan {{.Count}} lainnya", map[string]any{"Count": thousands(more)})))
	}
}

func partnerOrDash(s agreement.Summary) string {
	if p := s.Partners(); p != "" {
		return p
	}
	return "–"
}

// shortPartners names the parties other than our office, each by its short
// name where it has one ("Pemkab Lampung Selatan"); "–" for none.
func shortPartners(s agreement.Summary) string {
	var names []string
	for _, p := range s.Parties {
		if !p.Own {
			names = append(names, cmp.Or(p.Short, p.Name))
		}
	}
	if len(names) == 0 {
		return "–"
	}
	return strings.Join(names, "; ")
}

func heading(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func subheading(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
}

func note(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

// statusWord names a stored status on the Beranda as the register's filter
// names what a tap on it shows: every signed agreement, in force or not, is
// "Ditandatangani (semua)".
func statusWord(st agreement.Status) string {
	if st == agreement.StatusDitandatangani {
		return signedAllLabel()
	}
	return lang.L(st.Label())
}

// countTile shows one status and its number.
func countTile(label string, n int) fyne.CanvasObject {
	num := widget.NewLabelWithStyle(thousands(n), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	num.SizeName = theme.SizeNameHeadingText
	num.Importance = widget.HighImportance
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(bg, container.NewVBox(num, widget.NewLabel(label)))
}

// rowLink is one line of text that opens something when tapped.
type rowLink struct {
	widget.BaseWidget
	label *kit.FitLabel
	onTap func()
	hover bool
	// out is set while the row is outside the Beranda's view: it draws
	// nothing and its text is not fitted. A new row is out until the
	// Beranda's cull, at the end of each fill, finds it in view.
	out bool
}

func newRowLink(text string, onTap func()) *rowLink {
	r := &rowLink{label: kit.NewFitLabel(text), onTap: onTap, out: true}
	r.ExtendBaseWidget(r)
	return r
}

// setInView draws the row, or leaves it out of the frames while it cannot be seen.
func (r *rowLink) setInView(in bool) {
	if r.out == !in {
		return
	}
	r.out = !in
	if in {
		r.label.Resize(r.Size())
	}
	canvas.Refresh(r)
}

func (r *rowLink) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

func (r *rowLink) MouseIn(*desktop.MouseEvent)    { r.hover = true; r.Refresh() }
func (r *rowLink) MouseMoved(*desktop.MouseEvent) {}
func (r *rowLink) MouseOut()                      { r.hover = false; r.Refresh() }

func (r *rowLink) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (r *rowLink) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	return &rowLinkRenderer{r: r, bg: bg, objects: []fyne.CanvasObject{bg, r.label}}
}

type rowLinkRenderer struct {
	r       *rowLink
	bg      *canvas.Rectangle
	objects []fyne.CanvasObject
}

// Layout fits the text to the row only while the row is in view: fitting
// shapes the text, and most rows of a full Beranda are below the fold.
func (rr *rowLinkRenderer) Layout(s fyne.Size) {
	rr.bg.Resize(s)
	if !rr.r.out {
		rr.r.label.Resize(s)
	}
}

// MinSize is one line's height: a line's height does not depend on its
// text, and measuring the whole text (shaping it) before it is fitted to
// the row's width cost a first Beranda frame a millisecond a row.
func (rr *rowLinkRenderer) MinSize() fyne.Size {
	return fyne.NewSize(theme.Padding()*10, lineHeight())
}

// lineHeight is the height of a one-line label in the current text size,
// measured once per size.
func lineHeight() float32 {
	size := theme.TextSize()
	if lineHeights.size != size || lineHeights.height == 0 {
		lineHeights.size, lineHeights.height = size, kit.NewFitLabel("Ag").MinSize().Height
	}
	return lineHeights.height
}

// lineHeights remembers lineHeight for its text size (UI goroutine only).
var lineHeights struct{ size, height float32 }

func (rr *rowLinkRenderer) Refresh() {
	if rr.r.hover {
		rr.bg.FillColor = theme.Color(theme.ColorNameHover)
	} else {
		rr.bg.FillColor = color.Transparent
	}
	rr.bg.Refresh()
	rr.r.label.Refresh()
}

// Objects leaves out the background while it is clear (the software
// painter fills even a clear rectangle pixel by pixel) and everything while
// the row is out of view.
func (rr *rowLinkRenderer) Objects() []fyne.CanvasObject {
	switch {
	case rr.r.out:
		return nil
	case !rr.r.hover:
		return rr.objects[1:]
	}
	return rr.objects
}
func (rr *rowLinkRenderer) Destroy() {}
