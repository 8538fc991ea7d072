package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
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
	"sepakat/internal/service"
	"sepakat/internal/sheet"
	"sepakat/internal/ui/kit"
)

// sheetImport is Berkas → Impor daftar lama…: a window that takes an old
// register (.xlsx or CSV) through four steps: the file and its sheet, what
// each column holds, every row as it would be saved with its problems, and
// once confirmed one import, then a summary.
type sheetImport struct {
	app fyne.App
	win fyne.Window
	svc service.Service
	now func() time.Time
	// do runs UI work handed back by the import's goroutine (fyne.Do).
	do func(func())
	// imported is told of a finished import, to refresh the main window.
	imported func()

	path   string
	data   []byte
	sheets []sheet.SheetInfo
	table  *sheet.Table
	plan   *sheet.Plan

	// Step 1: file and sheet.
	fileLabel *widget.Label
	sheetSel  *widget.Select
	problem   *widget.Label
	next      *widget.Button
	// Step 2: a select per column.
	columns []*widget.Select
	mapNext *widget.Button
	// Step 3: the preview.
	preview *widget.Table
	counts  *widget.Label
	show    *widget.Select
	rows    []int // plan rows the preview shows, by the show filter
	current int   // the plan row selected, -1 for none
	detail  *fyne.Container
	include *widget.Check
	partner *kit.Picker
	choices []sheet.Match
	// The row's parent: what it is linked to, and its number to change.
	parentShown *widget.Label
	parentEntry *kit.Entry
	fixes       []*kit.Entry
	importBtn   *widget.Button
	// Step 4.
	summary *widget.Label
	step    int
}

// Preference key of a remembered mapping: its table's shape.
const prefSheetMap = "sheet.mapping."

func newSheetImport(a fyne.App, svc service.Service, now func() time.Time, do func(func()), imported func()) *sheetImport {
	w := &sheetImport{app: a, svc: svc, now: now, do: do, imported: imported, current: -1}
	w.win = a.NewWindow(lang.L("Impor Daftar Lama"))
	w.win.Resize(fyne.NewSize(1200, 700))
	w.showFileStep()
	return w
}

// onImportSheet opens the import window.
func (u *App) onImportSheet() {
	w := newSheetImport(u.app, u.svc, u.now, u.do, u.Refresh)
	w.win.Show()
}

func (w *sheetImport) showFileStep() {
	w.step = 1
	w.fileLabel = widget.NewLabel(lang.L("Belum ada berkas dipilih."))
	w.fileLabel.Wrapping = fyne.TextWrapBreak
	choose := widget.NewButtonWithIcon(lang.L("Pilih berkas…"), theme.FolderOpenIcon(), w.chooseFile)
	w.sheetSel = kit.NewSelect(nil, nil)
	w.sheetSel.Disable()
	w.problem = kit.NewProblemLabel()
	w.next = widget.NewButton(lang.L("Lanjut"), w.readTable)
	w.next.Importance = widget.HighImportance
	w.next.Disable()
	intro := widget.NewLabel(lang.L("Pilih daftar kerja sama lama dalam Excel (.xlsx) atau CSV. Setiap baris menjadi satu perjanjian yang dicatat tanpa naskah. Tidak ada yang disimpan sebelum Anda menyetujui pratinjaunya."))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Berkas"), container.NewBorder(nil, nil, nil, choose, w.fileLabel)),
		widget.NewFormItem(lang.L("Lembar"), w.sheetSel))
	w.win.SetContent(container.NewBorder(container.NewVBox(intro, form, w.problem), w.buttons(nil, w.next), nil, nil))
}

// buttons is a step's bottom row: Tutup, then back and forward.
func (w *sheetImport) buttons(back, forward *widget.Button) fyne.CanvasObject {
	right := container.NewHBox()
	if back != nil {
		right.Add(back)
	}
	if forward != nil {
		right.Add(forward)
	}
	return container.NewBorder(nil, nil, widget.NewButton(lang.L("Tutup"), w.win.Close), right)
}

func (w *sheetImport) chooseFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.fail(lang.L("Berkas tidak dapat dibaca:"), err)
			return
		}
		if r == nil {
			return
		}
		path := filepath.FromSlash(places.Display(r.URI().Path()))
		r.Close()
		w.load(path)
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv", ".xls", ".XLSX", ".CSV", ".XLS"}))
	kit.StartInDocuments(d, w.app)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (w *sheetImport) fail(leadIn string, err error) {
	w.problem.SetText(kit.Failure(leadIn, err))
	w.problem.Show()
}

// load reads the file at path and offers its sheets (the file dialog's answer).
func (w *sheetImport) load(path string) {
	w.problem.Hide()
	w.next.Disable()
	data, err := os.ReadFile(path)
	if err != nil {
		w.fail(lang.L("Berkas tidak dapat dibaca:"), err)
		return
	}
	w.fileLabel.SetText(path)
	sheets, err := sheet.Sheets(path, data)
	if err != nil {
		w.fail(lang.L("Berkas tidak dapat dibaca:"), err)
		return
	}
	w.path, w.data, w.sheets = path, data, sheets
	var names []string
	first := -1
	for i, s := range sheets {
		name := s.Name
		if name == "" {
			name = filepath.Base(path)
		}
		if s.Hidden {
			name += " " + lang.L("(tersembunyi)")
		} else if first < 0 || s.Default {
			// The sheet the workbook opens at, when it holds a table.
			first = i
		}
		names = append(names, name)
	}
	w.sheetSel.SetOptions(names)
	w.sheetSel.Enable()
	if first >= 0 {
		w.sheetSel.SetSelectedIndex(first)
	}
	w.next.Enable()
}

// readTable reads the chosen sheet and goes to the mapping step.
func (w *sheetImport) readTable() {
	i := w.sheetSel.SelectedIndex()
	if i < 0 || i >= len(w.sheets) {
		return
	}
	// A large sheet takes a moment: read it off the UI goroutine.
	w.problem.Hide()
	w.busy(w.next, true)
	path, data, name := w.path, w.data, w.sheets[i].Name
	go func() {
		t, err := sheet.Read(path, data, name)
		w.do(func() {
			w.busy(w.next, false)
			if err != nil {
				lead := lang.L("Lembar ini tidak dapat diimpor:")
				if name == "" {
					// A CSV file has no sheets.
					lead = lang.L("Berkas ini tidak dapat diimpor:")
				}
				w.fail(lead, err)
				return
			}
			w.table = t
			w.showMappingStep()
		})
	}()
}

// busy shows a step's forward button at work ("Membaca…"), or ready again.
func (w *sheetImport) busy(b *widget.Button, on bool) {
	if on {
		b.SetText(lang.L("Membaca…"))
		b.Disable()
		return
	}
	b.SetText(lang.L("Lanjut"))
	b.Enable()
}

func fieldOptions() []string {
	l := kit.Lang()
	out := []string{sheet.Skip.Label(l)}
	for _, f := range sheet.Fields {
		out = append(out, f.Label(l))
	}
	return out
}

func fieldOf(label string) sheet.Field {
	l := kit.Lang()
	for _, f := range sheet.Fields {
		if f.Label(l) == label {
			return f
		}
	}
	return sheet.Skip
}

// mapping is the remembered mapping for this table's shape, or the proposal.
func (w *sheetImport) mapping() sheet.Mapping {
	m := sheet.Propose(w.table)
	saved := w.app.Preferences().String(prefSheetMap + sheet.Shape(w.table.Header))
	if saved == "" {
		return m
	}
	parts := strings.Split(saved, ",")
	if len(parts) != len(m) {
		return m
	}
	for i, p := range parts {
		if f, ok := sheet.ParseField(p); ok {
			m[i] = f
		}
	}
	return m
}

func (w *sheetImport) showMappingStep() {
	w.step = 2
	t := w.table
	m := w.mapping()
	opts := fieldOptions()
	grid := container.NewGridWithColumns(4,
		bold(lang.L("Kolom")), bold(lang.L("Judul di berkas")), bold(lang.L("Diimpor sebagai")), bold(lang.L("Contoh isi")))
	w.columns = make([]*widget.Select, len(t.Header))
	for c, h := range t.Header {
		sel := kit.NewSelect(opts, nil)
		sel.SetSelected(m[c].Label(kit.Lang()))
		w.columns[c] = sel
		sample := widget.NewLabel(strings.Join(t.Samples(c, 3), " · "))
		sample.Truncation = fyne.TextTruncateEllipsis
		head := widget.NewLabel(h)
		head.Truncation = fyne.TextTruncateEllipsis
		grid.Add(widget.NewLabel(sheet.ColumnName(c)))
		grid.Add(head)
		grid.Add(sel)
		grid.Add(sample)
	}
	info := widget.NewLabel(lang.L("Lembar {{.Sheet}}: judul kolom di baris {{.Header}}, {{.Rows}} baris data. Pilih isian untuk setiap kolom; pilihan ini diingat untuk berkas lain dengan judul kolom yang sama.",
		map[string]any{"Sheet": t.Sheet, "Header": t.HeaderLine, "Rows": len(t.Rows)}))
	if t.Sheet == "" {
		// A CSV file has no sheets: name the file.
		info.SetText(lang.L("Berkas {{.File}}: judul kolom di baris {{.Header}}, {{.Rows}} baris data. Pilih isian untuk setiap kolom; pilihan ini diingat untuk berkas lain dengan judul kolom yang sama.",
			map[string]any{"File": t.File, "Header": t.HeaderLine, "Rows": len(t.Rows)}))
	}
	info.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(info)
	if len(t.Hidden) > 0 {
		hidden := widget.NewLabel(lang.L("Lembar tersembunyi tidak dibaca: {{.Names}}.", map[string]any{"Names": strings.Join(t.Hidden, ", ")}))
		hidden.Wrapping = fyne.TextWrapWord
		top.Add(hidden)
	}
	w.problem = kit.NewProblemLabel()
	top.Add(w.problem)
	back := widget.NewButton(lang.L("Kembali"), w.showFileStep)
	w.mapNext = widget.NewButton(lang.L("Lanjut"), w.makePlan)
	w.mapNext.Importance = widget.HighImportance
	w.win.SetContent(container.NewBorder(top, w.buttons(back, w.mapNext), nil, nil, container.NewVScroll(grid)))
}

func bold(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	return l
}

// makePlan reads the mapping chosen, remembers it and builds the preview.
func (w *sheetImport) makePlan() {
	m := make(sheet.Mapping, len(w.columns))
	keys := make([]string, len(w.columns))
	for c, sel := range w.columns {
		m[c] = fieldOf(sel.Selected)
		keys[c] = string(m[c])
		if keys[c] == "" {
			keys[c] = "-"
		}
	}
	w.app.Preferences().SetString(prefSheetMap+sheet.Shape(w.table.Header), strings.Join(keys, ","))
	w.problem.Hide()
	w.busy(w.mapNext, true)
	t, now := w.table, w.now()
	go func() {
		env, err := sheet.NewEnv(w.svc, w.svc, w.svc, now)
		var p *sheet.Plan
		if err == nil {
			p = sheet.NewPlan(t, m, env)
		}
		w.do(func() {
			w.busy(w.mapNext, false)
			if err != nil {
				w.fail(lang.L("Pratinjau tidak dapat dibuat:"), err)
				return
			}
			w.plan = p
			w.showPreviewStep()
		})
	}()
}

// The preview's columns: what is wrong first, where a person looks.
var previewColumns = []struct {
	title string
	width float32
}{
	{"Baris", 56}, {"Ikut", 50}, {"Masalah", 300}, {"Nomor", 150}, {"Jenis", 60}, {"Induk", 170}, {"Tentang", 240}, {"Mitra", 230},
	{"Ditandatangani", 120}, {"Berakhir", 120}, {"Status", 110},
}

// preview shows: every row, the rows with problems, or those to check.
const (
	showAll = iota
	showProblems
	showWarnings
)

func (w *sheetImport) showPreviewStep() {
	w.step = 3
	w.current = -1
	w.preview = widget.NewTable(
		func() (int, int) { return len(w.rows), len(previewColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(w.cell(id.Row, id.Col)) })
	w.preview.ShowHeaderRow = true
	w.preview.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	w.preview.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		if id.Col >= 0 {
			l.SetText(lang.L(previewColumns[id.Col].title))
		}
	}
	for i, c := range previewColumns {
		w.preview.SetColumnWidth(i, c.width)
	}
	w.preview.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(w.rows) {
			w.selectRow(w.rows[id.Row])
		}
	}
	w.counts = widget.NewLabel("")
	w.counts.Wrapping = fyne.TextWrapWord
	w.show = kit.NewSelect([]string{lang.L("Semua baris"), lang.L("Bermasalah"), lang.L("Perlu diperiksa")}, func(string) { w.filterRows() })
	w.detail = container.NewVBox(widget.NewLabel(lang.L("Pilih baris untuk melihat rinciannya.")))
	w.importBtn = widget.NewButtonWithIcon("", theme.ConfirmIcon(), w.confirm)
	w.importBtn.Importance = widget.HighImportance
	back := widget.NewButton(lang.L("Kembali"), w.showMappingStep)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel(lang.L("Tampilkan")), w.show), w.counts)
	split := container.NewHSplit(w.preview, container.NewVScroll(w.detail))
	split.Offset = 0.7
	w.win.SetContent(container.NewBorder(top, w.buttons(back, w.importBtn), nil, nil, split))
	w.show.SetSelectedIndex(showAll)
	w.refreshCounts()
}

// filterRows picks the rows the preview shows.
func (w *sheetImport) filterRows() {
	w.rows = w.rows[:0]
	for i := range w.plan.Rows {
		r := &w.plan.Rows[i]
		switch w.show.SelectedIndex() {
		case showProblems:
			if len(r.Problems) == 0 {
				continue
			}
		case showWarnings:
			if len(r.Warnings) == 0 {
				continue
			}
		}
		w.rows = append(w.rows, i)
	}
	if w.preview != nil {
		w.preview.Refresh()
	}
}

// cell is what the preview shows of its row row, column col.
func (w *sheetImport) cell(row, col int) string {
	if row < 0 || row >= len(w.rows) {
		return ""
	}
	r := &w.plan.Rows[w.rows[row]]
	a := &r.Agreement
	l := kit.Lang()
	switch previewColumns[col].title {
	case "Baris":
		return itoaUI(r.Line)
	case "Ikut":
		switch {
		case r.Skip:
			return "–"
		case len(r.Problems) > 0:
			return "✗"
		}
		return "✓"
	case "Nomor":
		return a.OwnNumber()
	case "Jenis":
		return string(a.Kind)
	case "Induk":
		return w.plan.ParentLabel(w.rows[row], l)
	case "Tentang":
		return a.Subject
	case "Mitra":
		return r.Partner.Name
	case "Ditandatangani":
		if a.Signing != nil {
			return kit.ShortDate(a.Signing.Date)
		}
	case "Berakhir":
		return kit.ShortDate(r.End()) // an Adendum without a term: its parent's
	case "Status":
		return lang.L(r.Phase(w.now()).Label())
	case "Masalah":
		var out []string
		for _, p := range r.Problems {
			out = append(out, p.In(l))
		}
		for _, p := range r.Warnings {
			out = append(out, p.In(l))
		}
		return strings.Join(out, " · ")
	}
	return ""
}

func itoaUI(n int) string { return strings.TrimSpace(thousands(n)) }

func (w *sheetImport) refreshCounts() {
	c := w.plan.Counts()
	w.counts.SetText(lang.L("{{.Ready}} baris siap diimpor, {{.Problems}} bermasalah (tidak diimpor), {{.Skipped}} dilewati; {{.New}} instansi baru.",
		map[string]any{"Ready": c.Accepted, "Problems": c.Refused, "Skipped": c.Skipped, "New": c.NewParties}))
	w.importBtn.SetText(lang.L("Impor {{.N}} baris", map[string]any{"N": c.Accepted}))
	if c.Accepted == 0 {
		w.importBtn.Disable()
	} else {
		w.importBtn.Enable()
	}
	w.filterRows()
}

// selectRow shows plan row i's detail: its problems, whether it goes in,
// its partner, and its cells to fix.
func (w *sheetImport) selectRow(i int) {
	w.current = i
	r := &w.plan.Rows[i]
	l := kit.Lang()
	w.detail.RemoveAll()
	w.detail.Add(bold(lang.L("Baris {{.N}}", map[string]any{"N": r.Line})))
	if len(r.Problems) == 0 && len(r.Warnings) == 0 {
		w.detail.Add(widget.NewLabel(lang.L("Tanpa masalah.")))
	}
	for _, p := range r.Problems {
		pl := kit.NewProblemLabel()
		pl.SetText(p.In(l))
		pl.Show()
		w.detail.Add(pl)
	}
	for _, p := range r.Warnings {
		wl := widget.NewLabel(p.In(l))
		wl.Wrapping = fyne.TextWrapWord
		w.detail.Add(wl)
	}
	w.include = widget.NewCheck(lang.L("Ikut diimpor"), nil)
	if len(r.Problems) > 0 {
		// A row with problems cannot go in until they are fixed.
		w.include.Disable()
		why := widget.NewLabel(lang.L("Baris bermasalah tidak dapat diimpor sampai masalahnya diperbaiki."))
		why.Wrapping = fyne.TextWrapWord
		w.detail.Add(container.NewBorder(nil, nil, w.include, nil, why))
	} else {
		w.include.SetChecked(!r.Skip)
		w.detail.Add(w.include)
	}
	w.include.OnChanged = func(on bool) {
		w.plan.SetSkip(i, !on)
		w.refreshCounts()
	}
	// The partner, changeable: every registry party and region.
	if w.choices == nil {
		w.choices = w.plan.Matcher().Choices()
	}
	names := make([]string, len(w.choices))
	for k, c := range w.choices {
		names[k] = c.Name
	}
	w.partner = kit.NewPicker(names, nil)
	w.partner.SetSelected(r.Partner.Name)
	w.partner.OnChanged = func(name string) {
		k := w.partner.SelectedIndex()
		if k < 0 || name == w.plan.Rows[i].Partner.Name {
			return
		}
		w.plan.SetPartner(i, w.choices[k])
		w.refreshCounts()
		w.selectRow(i)
	}
	w.detail.Add(widget.NewLabel(lang.L("Mitra")))
	w.detail.Add(w.partner)
	w.addParent(i)
	// The row's cells, to fix in place.
	form := widget.NewForm()
	w.fixes = w.fixes[:0]
	for c, f := range w.plan.Mapping {
		if f == sheet.Skip {
			continue
		}
		e := kit.NewEntry()
		e.SetText(w.table.Rows[i].Cells[c])
		w.fixes = append(w.fixes, e)
		form.Append(f.Label(l), e)
	}
	w.detail.Add(form)
	w.detail.Add(widget.NewButton(lang.L("Terapkan perbaikan"), func() { w.applyFix(i) }))
	w.detail.Refresh()
}

// addParent shows the agreement row i hangs under (an Adendum or
// Perpanjangan under what it changes, a PKS under its KSB), changeable by
// its number: in the file or already in the register; empty for none.
func (w *sheetImport) addParent(i int) {
	r := &w.plan.Rows[i]
	shown := lang.L("Tanpa perjanjian induk.")
	if r.Parent.Found() && r.Agreement.Parent != nil {
		shown = lang.L("Di bawah {{.Parent}}", map[string]any{"Parent": w.plan.ParentLabel(i, kit.Lang())})
	}
	w.parentShown = widget.NewLabel(shown)
	w.parentShown.Wrapping = fyne.TextWrapWord
	w.parentEntry = kit.NewEntry()
	w.parentEntry.SetPlaceHolder(lang.L("Nomor perjanjian induk; kosong: tanpa induk"))
	w.parentEntry.SetText(r.Parent.Text)
	link := func() {
		w.plan.SetParent(i, w.parentEntry.Text)
		w.refreshCounts()
		w.selectRow(i)
	}
	w.parentEntry.OnSubmitted = func(string) { link() }
	w.detail.Add(widget.NewLabel(lang.L("Perjanjian induk")))
	w.detail.Add(w.parentShown)
	w.detail.Add(container.NewBorder(nil, nil, nil, widget.NewButton(lang.L("Tautkan"), link), w.parentEntry))
}

// applyFix takes the fixed cells of plan row i and builds the row again.
func (w *sheetImport) applyFix(i int) {
	k := 0
	for c, f := range w.plan.Mapping {
		if f == sheet.Skip {
			continue
		}
		if v := w.fixes[k].Text; v != w.table.Rows[i].Cells[c] {
			w.plan.SetCell(i, c, v)
		}
		k++
	}
	w.refreshCounts()
	w.selectRow(i)
}

// confirm names what the import will make, then writes it all at once.
func (w *sheetImport) confirm() {
	c := w.plan.Counts()
	text := lang.L("{{.N}} perjanjian akan disimpan sekaligus, ditandai sebagai impor dari daftar lama.", map[string]any{"N": c.Accepted})
	if np := w.plan.NewParties(); len(np) > 0 {
		var names []string
		for _, p := range np {
			names = append(names, "• "+p.Name+" ("+sheet.PartyKindLabel(p.Kind, kit.Lang())+")")
		}
		text += "\n\n" + lang.L("Instansi baru yang akan dibuat:") + "\n" + strings.Join(names, "\n")
	} else {
		text += "\n\n" + lang.L("Tidak ada instansi baru.")
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Konfirmasi impor"), lang.L("Impor"), lang.L("Batal"), container.NewVScroll(l), func(ok bool) {
		if ok {
			w.run()
		}
	}, w.win)
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
}

// run writes the plan in one import, off the UI goroutine.
func (w *sheetImport) run() {
	w.importBtn.Disable()
	w.counts.SetText(lang.L("Mengimpor…"))
	p := w.plan
	go func() {
		c, err := sheet.Apply(context.Background(), w.svc, p)
		w.do(func() { w.finished(c, err) })
	}()
}

func (w *sheetImport) finished(c sheet.Counts, err error) {
	if err != nil {
		w.refreshCounts()
		kit.ShowFailure(w.win, lang.L("Impor gagal; tidak ada yang disimpan:"), err)
		return
	}
	w.step = 4
	w.summary = widget.NewLabel(lang.L("{{.N}} perjanjian diimpor dari {{.File}} dengan {{.New}} instansi baru. {{.Left}} baris tidak diimpor.",
		map[string]any{"N": c.Accepted, "File": w.table.Source(), "New": c.NewParties, "Left": c.Refused + c.Skipped}))
	w.summary.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel(lang.L("Perjanjian impor tampil di Daftar Perjanjian dengan status menurut tanggalnya. Naskahnya tidak tersedia; lampirkan pindaian aslinya bila ada."))
	note.Wrapping = fyne.TextWrapWord
	done := widget.NewButton(lang.L("Selesai"), w.win.Close)
	done.Importance = widget.HighImportance
	w.win.SetContent(container.NewBorder(container.NewVBox(bold(lang.L("Impor selesai")), w.summary, note), container.NewBorder(nil, nil, nil, done), nil, nil))
	if w.imported != nil {
		w.imported()
	}
}

// shownIDs are the agreements the register shows now, in its order: the
// search's hits, the arrangement's rows, or every agreement.
func (r *AgreementList) shownIDs() ([]agreement.ID, error) {
	switch {
	case r.searching:
		ids := make([]agreement.ID, len(r.hits))
		for i, h := range r.hits {
			ids[i] = h.Summary.ID
		}
		return ids, nil
	case !r.arrangement.Empty():
		return append([]agreement.ID(nil), r.ids...), nil
	}
	var ids []agreement.ID
	q := service.Query{Limit: 1000}
	for {
		page, err := r.svc.List(q)
		if err != nil {
			return nil, err
		}
		for _, s := range page.Items {
			ids = append(ids, s.ID)
		}
		if page.Next == nil {
			return ids, nil
		}
		q.After = page.Next
	}
}

// onExportSheet writes the register as it shows now (its search and
// filters) to an .xlsx or .csv file the user names.
func (u *App) onExportSheet() {
	ids, err := u.list.shownIDs()
	if err != nil {
		kit.ShowFailure(u.win, lang.L("Daftar tidak dapat diekspor:"), err)
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			kit.ShowFailure(u.win, lang.L("Daftar tidak dapat diekspor:"), err)
			return
		}
		if wc == nil {
			return
		}
		path := filepath.FromSlash(places.Display(wc.URI().Path()))
		wc.Close()
		u.exportSheetTo(path, ids, nil)
	}, u.win)
	d.SetFileName("daftar-perjanjian-" + u.now().Format("2006-01-02") + ".xlsx")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv"}))
	kit.StartInDocuments(d, u.app)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// exportSheetTo writes ids to path (.csv, else .xlsx) off the UI goroutine;
// done (for tests) runs once the outcome shows.
func (u *App) exportSheetTo(path string, ids []agreement.ID, done func(error)) {
	format := sheet.XLSX
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		format = sheet.CSV
	}
	svc, now := u.svc, u.now()
	go func() {
		err := service.WriteFile(context.Background(), path, 0o644, func(w io.Writer) error {
			return sheet.WriteFile(context.Background(), w, format, svc, svc, ids, kit.Lang(), now)
		})
		u.do(func() {
			if err != nil {
				kit.ShowFailure(u.win, lang.L("Daftar tidak dapat diekspor:"), err)
			} else {
				u.showSheetExported(path, len(ids))
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

// showSheetExported says where the register went and offers to open it or
// its folder.
func (u *App) showSheetExported(path string, n int) {
	kit.ShowSaved(u.app, u.win, lang.L("{{.N}} perjanjian diekspor.", map[string]any{"N": n}), path)
}
