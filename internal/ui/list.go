package ui

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

const pageSize = 50

// AgreementList is the list of agreements, newest change first, read page by
// page; or, while the search box holds text, the agreements found, best first.
//
// All its state belongs to the UI goroutine. A search or an arrangement runs in
// a goroutine under a context that the next keystroke or filter change cancels;
// its result comes back through do, and the UI goroutine drops it when its
// context was cancelled meanwhile.
type AgreementList struct {
	svc      service.Register
	now      func() time.Time
	onOpen   func(agreement.ID)
	onStatus func(string)
	onError  func(error)
	table    *widget.Table
	// selectedID is the agreement whose row shows selected; cells are the
	// table's cells with the agreement each shows, to move that highlight.
	selectedID agreement.ID
	cells      map[*kit.FitLabel]agreement.ID
	// fillingChoices is set while the filters' options are replaced.
	fillingChoices bool
	search         *kit.Entry

	total   int
	pages   [][]agreement.Summary
	cursors [][]byte // cursors[i] starts page i
	// hits are the search results shown instead of the pages when searching.
	hits      []service.SearchHit
	searching bool
	// query is the context of the latest search or arrangement; cancel ends it.
	query  context.Context
	cancel context.CancelFunc
	timer  *time.Timer
	// searched, when set, is called on the UI goroutine once a search's results show.
	searched func()
	// do runs UI work handed over from other goroutines (fyne.Do; tests run it themselves).
	do func(func())
	// snippets is how many results come with their snippet (snippetsFirst).
	snippets int
	// readErr is the last error reading rows, shown once in the status line.
	readErr error

	// arrangement filters and sorts the list; when it is not the default the
	// rows are ids, read a page of summaries at a time.
	arrangement service.Arrangement
	ids         []agreement.ID
	idPages     map[int][]agreement.Summary
	filterBar   *fyne.Container
	kindSel     *widget.Select
	statusSel   *widget.Select
	partnerSel  *widget.Select
	yearSel     *widget.Select
	implSel     *widget.Select
	resetBtn    *widget.Button
	choices     service.Choices
	// wantYear is the year ShowFiltered chose before the choices held it.
	wantYear int
	// choicesWanted is set once the list is shown: the filters' choices are
	// read then, not at start.
	choicesWanted bool
	// arranged, when set, is called on the UI goroutine once an arrangement shows.
	arranged func()
	// exportSheet writes the register as it shows to .xlsx/.csv (sheetimport.go).
	exportSheet func()
}

// searchLimit is how many results a search shows.
const searchLimit = 200

// snippetsFirst is how many results come with their snippet; the others' is
// fetched when they are selected.
const snippetsFirst = 20

// searchDelay lets a person finish a few keystrokes before the search runs.
const searchDelay = 40 * time.Millisecond

var listColumns = []struct {
	title string
	width float32
	sort  service.Sort
}{
	{"Jenis", 60, service.SortKind}, {"Tentang", 315, service.SortSubject}, {"Mitra", 220, service.SortPartner},
	{"Nomor Kita", 180, service.SortNumber}, {"Nomor Mitra", 150, unsorted}, {"Status", 165, service.SortStatus}, // room for the marks (phaseMarks)
	{"Tanggal Berakhir", 150, service.SortEnd},
}

// unsorted marks a column whose header does not sort (no list index keeps its order).
const unsorted service.Sort = -1

func newAgreementList(svc service.Register, now func() time.Time, onOpen func(agreement.ID), onStatus func(string)) *AgreementList {
	r := &AgreementList{svc: svc, now: now, onOpen: onOpen, onStatus: onStatus, do: fyne.Do, snippets: snippetsFirst, cells: map[*kit.FitLabel]agreement.ID{}}
	r.query, r.cancel = context.WithCancel(context.Background())
	r.search = kit.NewEntry()
	r.search.SetPlaceHolder(searchPlaceholder())
	r.search.OnChanged = r.queueSearch
	r.search.OnSubmitted = func(string) { r.runSearch() }
	r.table = widget.NewTableWithHeaders(r.size, func() fyne.CanvasObject {
		return kit.NewFitLabel("")
	}, r.fill)
	r.table.ShowHeaderColumn = false
	r.table.CreateHeader = func() fyne.CanvasObject { return kit.NewHeaderLabel() }
	r.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			h := o.(*kit.HeaderLabel)
			col := listColumns[id.Col]
			text := lang.L(col.title)
			if r.arrangement.Sort == col.sort {
				text += map[bool]string{false: " ▲", true: " ▼"}[r.arrangement.Desc]
			}
			h.SetText(text)
			h.OnTap = func() { r.onSort(col.sort) }
			if col.sort == unsorted {
				h.OnTap = nil
			}
		}
	}
	r.buildFilters()
	for i, c := range listColumns {
		r.table.SetColumnWidth(i, c.width)
	}
	r.table.OnSelected = func(id widget.TableCellID) {
		// Fyne marks one cell; the whole row is drawn selected instead.
		r.table.UnselectAll()
		if s, ok := r.row(id.Row); ok {
			r.selectedID = s.ID
			for l, shown := range r.cells {
				l.SetHighlight(shown == s.ID)
			}
			if r.onOpen != nil {
				r.onOpen(s.ID)
			}
		}
		r.showSnippet(id.Row)
	}
	return r
}

func (r *AgreementList) size() (int, int) {
	switch {
	case r.searching:
		return len(r.hits), len(listColumns)
	case !r.arrangement.Empty():
		return len(r.ids), len(listColumns)
	}
	return r.total, len(listColumns)
}

// statusChoice is an option of the status filter: a stored status, or a phase
// of the signed agreements as the Status column says it.
type statusChoice struct {
	status agreement.Status
	phase  agreement.Phase
}

// statusChoices are the status filter's options after "Semua status", in the
// words of the Status column: the signed agreements all together, then each
// phase they pass through.
var statusChoices = []statusChoice{
	{status: agreement.StatusKonsep}, {status: agreement.StatusTelaah}, {status: agreement.StatusSiapTTD},
	{status: agreement.StatusDitandatangani},
	{phase: agreement.PhaseDitandatangani}, {phase: agreement.PhaseBerlaku}, {phase: agreement.PhaseAkanBerakhir}, {phase: agreement.PhaseBerakhir},
	{status: agreement.StatusDibatalkan},
}

func (c statusChoice) label() string {
	switch {
	case c.status == agreement.StatusDitandatangani:
		return signedAllLabel()
	case c.phase == agreement.PhaseDitandatangani:
		return lang.L("Ditandatangani, belum berlaku")
	case c.phase != "":
		return lang.L(c.phase.Label())
	}
	return lang.L(c.status.Label())
}

// signedAllLabel names every signed agreement, in force or not: the filter's
// option and the Beranda's count say it the same way.
func signedAllLabel() string { return lang.L("Ditandatangani (semua)") }

// statusChoiceOf is the option of f's status or phase; -1 when none fits.
func statusChoiceOf(f agreement.Filter) int {
	return slices.Index(statusChoices, statusChoice{status: f.Status, phase: f.Phase})
}

// all is the first option of each filter.
func all(label string, options []string) []string { return append([]string{label}, options...) }

func (r *AgreementList) buildFilters() {
	kinds := make([]string, len(agreement.Kinds))
	for i, k := range agreement.Kinds {
		kinds[i] = string(k) + " – " + lang.L(k.Title())
	}
	r.kindSel = kit.NewSelect(all(lang.L("Semua jenis"), kinds), func(string) { r.onFilter() })
	statuses := make([]string, len(statusChoices))
	for i, c := range statusChoices {
		statuses[i] = c.label()
	}
	r.statusSel = kit.NewSelect(all(lang.L("Semua status"), statuses), func(string) { r.onFilter() })
	r.partnerSel = kit.NewSelect(all(lang.L("Semua mitra"), nil), func(string) { r.onFilter() })
	r.yearSel = kit.NewSelect(all(lang.L("Semua tahun"), nil), func(string) { r.onFilter() })
	r.implSel = kit.NewSelect(all(lang.L("Semua perangkat daerah"), nil), func(string) { r.onFilter() })
	for _, sel := range []*widget.Select{r.kindSel, r.statusSel, r.partnerSel, r.yearSel, r.implSel} {
		sel.SetSelectedIndex(0)
	}
	r.resetBtn = widget.NewButton(lang.L("Atur ulang"), r.resetArrangement)
	export := widget.NewButton(lang.L("Ekspor…"), func() { r.exportSheet() })
	r.filterBar = container.NewBorder(nil, nil, nil, container.NewHBox(export, r.resetBtn),
		container.NewGridWithColumns(5, r.kindSel, r.statusSel, r.partnerSel, r.yearSel, r.implSel))
}

// shown reads the filters' choices the first time the register is shown.
func (r *AgreementList) shown() {
	if r.choicesWanted {
		return
	}
	r.choicesWanted = true
	r.loadChoices()
}

// loadChoices reads the partner, year and perangkat daerah filters' options off
// the UI goroutine, then fills the filters.
func (r *AgreementList) loadChoices() {
	do := r.do // read here, on the UI goroutine
	go func() {
		ch, err := r.svc.Choices()
		do(func() {
			if err != nil {
				if r.onError != nil {
					r.onError(err)
				}
				return
			}
			r.applyChoices(ch)
		})
	}()
}

func (r *AgreementList) applyChoices(ch service.Choices) {
	r.choices = ch
	partners := make([]string, len(ch.Partners))
	for i, p := range ch.Partners {
		partners[i] = p.Name
	}
	years := make([]string, len(ch.Years))
	for i, y := range ch.Years {
		years[i] = fmt.Sprint(y)
	}
	r.fillingChoices = true
	for _, x := range []struct {
		sel     *widget.Select
		options []string
	}{{r.partnerSel, partners}, {r.yearSel, years}, {r.implSel, ch.Implementers}} {
		keep := x.sel.Selected // by name: a new option may come before it
		x.sel.Options = append(x.sel.Options[:1:1], x.options...)
		if !slices.Contains(x.sel.Options, keep) {
			keep = x.sel.Options[0]
		}
		x.sel.SetSelected(keep)
	}
	if i := slices.Index(ch.Years, r.wantYear); r.wantYear != 0 && i >= 0 {
		r.yearSel.SetSelectedIndex(i + 1) // as ShowFiltered asked
	}
	r.wantYear = 0
	r.fillingChoices = false
	if !reflect.DeepEqual(r.filter(), r.arrangement.Filter) {
		r.onFilter() // what was chosen is gone, or chosen now
	}
}

// filter is what the filter bar selects.
func (r *AgreementList) filter() agreement.Filter {
	var f agreement.Filter
	if i := r.kindSel.SelectedIndex(); i > 0 {
		f.Kind = agreement.Kinds[i-1]
	}
	if i := r.statusSel.SelectedIndex(); i > 0 && i <= len(statusChoices) {
		f.Status, f.Phase = statusChoices[i-1].status, statusChoices[i-1].phase
	}
	if i := r.partnerSel.SelectedIndex(); i > 0 && i <= len(r.choices.Partners) {
		f.Party = r.choices.Partners[i-1].ID
	}
	if i := r.yearSel.SelectedIndex(); i > 0 && i <= len(r.choices.Years) {
		f.Year = r.choices.Years[i-1]
	}
	if i := r.implSel.SelectedIndex(); i > 0 && i <= len(r.choices.Implementers) {
		f.Implementer = r.choices.Implementers[i-1]
	}
	return f
}

func (r *AgreementList) onFilter() {
	if r.kindSel == nil || r.implSel == nil || r.fillingChoices {
		return // still building, or only the options change
	}
	r.arrangement.Filter = r.filter()
	r.applyArrangement()
}

// ShowFiltered shows the register filtered by f (its kind, status and year;
// a year the filter does not offer yet is chosen once its choices are read),
// with no search.
func (r *AgreementList) ShowFiltered(f agreement.Filter) {
	r.fillingChoices = true
	r.search.SetText("")
	r.kindSel.SetSelectedIndex(slices.Index(agreement.Kinds, f.Kind) + 1)
	r.statusSel.SetSelectedIndex(statusChoiceOf(f) + 1)
	for _, sel := range []*widget.Select{r.partnerSel, r.yearSel, r.implSel} {
		sel.SetSelectedIndex(0)
	}
	r.wantYear = 0
	if f.Year != 0 {
		if i := slices.Index(r.choices.Years, f.Year); i >= 0 {
			r.yearSel.SetSelectedIndex(i + 1)
		} else {
			r.wantYear = f.Year
		}
	}
	r.fillingChoices = false
	r.arrangement.Filter = r.filter()
	r.arrangement.Filter.Year = f.Year
	r.applyArrangement()
}

// onSort orders the register by a column; the same column again reverses it.
func (r *AgreementList) onSort(sort service.Sort) {
	if r.arrangement.Sort == sort {
		r.arrangement.Desc = !r.arrangement.Desc
	} else {
		r.arrangement.Sort, r.arrangement.Desc = sort, false
	}
	r.applyArrangement()
}

func (r *AgreementList) resetArrangement() {
	r.arrangement = service.Arrangement{}
	for _, sel := range []*widget.Select{r.kindSel, r.statusSel, r.partnerSel, r.yearSel, r.implSel} {
		sel.SetSelectedIndex(0) // each calls onFilter: the last one applies the default
	}
	r.applyArrangement()
}

// begin cancels the search or arrangement under way and starts the context of
// the next one.
func (r *AgreementList) begin() context.Context {
	r.cancel()
	r.query, r.cancel = context.WithCancel(context.Background())
	return r.query
}

// applyArrangement shows the list as arranged: the search again when the box
// holds text, else the arranged IDs read off the UI goroutine.
func (r *AgreementList) applyArrangement() {
	r.table.Refresh()
	if strings.TrimSpace(r.search.Text) != "" {
		r.runSearch()
		return
	}
	ctx, a := r.begin(), r.arrangement
	if a.Empty() {
		r.ids, r.idPages = nil, nil
		r.table.Refresh()
		r.status(lang.L("{{.Count}} perjanjian", map[string]any{"Count": thousands(r.total)}))
		r.notifyArranged()
		return
	}
	do := r.do // read here, on the UI goroutine
	go func() {
		ids, err := r.svc.Arrange(a)
		pages := map[int][]agreement.Summary{}
		if err == nil && len(ids) > 0 { // the first page, read here rather than while drawing
			pages[0], err = r.svc.Summaries(ids[:min(len(ids), pageSize)])
		}
		if err != nil {
			ids, pages = nil, nil
		}
		if ctx.Err() != nil {
			return // a newer arrangement or search is under way
		}
		do(func() {
			if ctx.Err() != nil {
				return
			}
			r.ids, r.idPages, r.readErr = ids, pages, nil
			r.table.UnselectAll()
			r.table.ScrollToTop()
			r.table.Refresh()
			if err != nil {
				r.status(lang.L("Daftar tidak dapat disusun: {{.Error}}", map[string]any{"Error": kit.Message(err)}))
			} else {
				r.status(lang.L("{{.Count}} dari {{.Total}} perjanjian", map[string]any{"Count": thousands(len(ids)), "Total": thousands(r.total)}))
			}
			r.notifyArranged()
		})
	}()
}

func (r *AgreementList) notifyArranged() {
	if r.arranged != nil {
		r.arranged()
	}
}

// queueSearch runs the search a moment after the last keystroke; the keystroke
// cancels the search under way.
func (r *AgreementList) queueSearch(string) {
	r.begin()
	if r.timer != nil {
		r.timer.Stop()
	}
	do := r.do // read here, on the UI goroutine
	r.timer = time.AfterFunc(searchDelay, func() { do(r.runSearch) })
}

// runSearch searches for the box's text off the UI goroutine and shows the
// results when they come, unless a newer query was typed meanwhile. An empty box
// shows the whole list again.
func (r *AgreementList) runSearch() {
	text := r.search.Text
	if r.timer != nil {
		r.timer.Stop()
	}
	ctx, filter, sortBy := r.begin(), r.arrangement.Filter, r.arrangement
	if strings.TrimSpace(text) == "" {
		r.searching, r.hits = false, nil
		r.table.Refresh()
		r.status(lang.L("{{.Count}} perjanjian", map[string]any{"Count": thousands(r.total)}))
		if !r.arrangement.Empty() {
			r.applyArrangement()
		}
		r.notifySearched()
		return
	}
	q := service.SearchQuery{Text: text, Limit: searchLimit, Snippets: r.snippets, Filter: filter}
	do := r.do // read here, on the UI goroutine
	go func() {
		res, err := r.svc.Search(q)
		if ctx.Err() != nil {
			return // the person typed on
		}
		if err == nil {
			sortHits(res.Hits, sortBy)
		}
		do(func() {
			if ctx.Err() != nil {
				return
			}
			r.searching = true
			r.hits = res.Hits
			r.table.UnselectAll()
			r.table.ScrollToTop()
			r.table.Refresh()
			r.status(searchMessage(text, res, err))
			r.notifySearched()
		})
	}()
}

func (r *AgreementList) notifySearched() {
	if r.searched != nil {
		r.searched()
	}
}

func (r *AgreementList) status(msg string) {
	if r.onStatus != nil {
		r.onStatus(msg)
	}
}

// sortHits orders search results by the column chosen; by relevance otherwise.
func sortHits(hits []service.SearchHit, a service.Arrangement) {
	key := func(s agreement.Summary) string {
		switch a.Sort {
		case service.SortKind:
			return string(s.Kind)
		case service.SortSubject:
			return search.Fold(s.Subject)
		case service.SortPartner:
			return search.Fold(s.Partners())
		case service.SortNumber:
			return search.Fold(s.OwnNumber)
		case service.SortStatus:
			return fmt.Sprint(slices.Index(agreement.Statuses, s.Status))
		case service.SortEnd:
			if s.End.IsZero() {
				return "~"
			}
			return s.End.String()
		}
		return ""
	}
	if a.Sort == service.SortChanged {
		return
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if a.Desc {
			return key(hits[i].Summary) > key(hits[j].Summary)
		}
		return key(hits[i].Summary) < key(hits[j].Summary)
	})
}

// searchPlaceholder is what the empty search box says.
func searchPlaceholder() string {
	return lang.L("Cari nomor, mitra, pejabat, perihal atau isi pasal…")
}

// showRebuild shows in the search box how far a rebuild of the search index
// got; when it ends the box is as before and a search typed meanwhile runs.
func (r *AgreementList) showRebuild(st service.IndexState) {
	if st.Rebuilding {
		r.search.SetPlaceHolder(lang.L("Indeks pencarian sedang dibangun ulang, {{.Percent}} %… Daftar tetap dapat dipakai.", map[string]any{"Percent": st.Percent}))
		return
	}
	r.search.SetPlaceHolder(searchPlaceholder())
	if strings.TrimSpace(r.search.Text) != "" {
		r.runSearch()
	}
}

// SearchIndexProgress shows, in the main window's search box, how far a
// rebuild of the search index running in the background got (on the UI
// goroutine); st.Rebuilding false ends it.
func (u *App) SearchIndexProgress(st service.IndexState) {
	if u.list != nil {
		u.list.showRebuild(st)
	}
}

// searchMessage says what a search found, or why it found nothing.
func searchMessage(text string, res service.SearchResult, err error) string {
	q := map[string]any{"Query": strings.TrimSpace(text), "Count": thousands(len(res.Hits))}
	switch {
	case errors.Is(err, service.ErrRebuilding):
		return kit.Message(err) // with its figure; the search runs again when it ends
	case err != nil:
		return lang.L("Pencarian gagal: {{.Error}}", map[string]any{"Error": kit.Message(err)})
	case res.OnlyStopwords:
		return lang.L("Kata yang diketik hanya kata umum (yang, dan, di, …). Ketik kata yang lebih khas, misalnya nama mitra atau pokok perjanjian.")
	case len(res.Hits) == 0:
		return lang.L("Tidak ada perjanjian yang cocok dengan \"{{.Query}}\". Periksa ejaan atau kurangi kata.", q)
	case res.Truncated:
		return lang.L("{{.Count}} hasil; teks pencarian terlalu panjang, hanya bagian awalnya yang dicari.", q)
	case len(res.Hits) == searchLimit:
		return lang.L("{{.Count}} hasil teratas untuk \"{{.Query}}\". Tambahkan kata untuk mempersempit.", q)
	}
	return lang.L("{{.Count}} hasil untuk \"{{.Query}}\"", q)
}

// showSnippet puts the snippet of search result row i in the status line,
// fetching it off the UI goroutine when the search did not bring it.
func (r *AgreementList) showSnippet(i int) {
	if !r.searching || i < 0 || i >= len(r.hits) {
		return
	}
	hit, text, ctx := r.hits[i], r.search.Text, r.query
	if hit.Snippet != "" {
		r.status(hit.Snippet)
		return
	}
	do := r.do // read here, on the UI goroutine
	go func() {
		sn, err := r.svc.Snippet(hit.Summary.ID, text)
		if err != nil || sn == "" || ctx.Err() != nil {
			return
		}
		do(func() {
			if ctx.Err() != nil || i >= len(r.hits) || r.hits[i].Summary.ID != hit.Summary.ID {
				return // the results changed meanwhile
			}
			r.hits[i].Snippet = sn
			r.status(sn)
		})
	}()
}

func (r *AgreementList) reload() error {
	total, err := r.svc.Total()
	if err != nil {
		return err
	}
	r.total, r.pages, r.cursors, r.readErr = total, nil, [][]byte{nil}, nil
	if r.choicesWanted {
		r.loadChoices()
	}
	if !r.arrangement.Empty() || strings.TrimSpace(r.search.Text) != "" {
		r.applyArrangement() // the search again: its rows are what it read
	}
	r.table.Refresh()
	return nil
}

// row returns the summary at index i, reading pages from the store as needed.
func (r *AgreementList) row(i int) (agreement.Summary, bool) {
	if r.searching {
		if i < 0 || i >= len(r.hits) {
			return agreement.Summary{}, false
		}
		return r.hits[i].Summary, true
	}
	if !r.arrangement.Empty() {
		if i < 0 || i >= len(r.ids) {
			return agreement.Summary{}, false
		}
		p := i / pageSize
		page, ok := r.idPages[p]
		if !ok {
			sums, err := r.svc.Summaries(r.ids[p*pageSize : min(len(r.ids), (p+1)*pageSize)])
			if err != nil {
				r.readFailed(err)
				return agreement.Summary{}, false
			}
			page = sums
			r.idPages[p] = page
		}
		return page[i%pageSize], true
	}
	p := i / pageSize
	for len(r.pages) <= p {
		if len(r.cursors) <= len(r.pages) {
			return agreement.Summary{}, false
		}
		page, err := r.svc.List(service.Query{Limit: pageSize, After: r.cursors[len(r.pages)]})
		if err != nil {
			r.readFailed(err)
			return agreement.Summary{}, false
		}
		if len(page.Items) == 0 {
			return agreement.Summary{}, false
		}
		r.pages = append(r.pages, page.Items)
		if page.Next != nil {
			r.cursors = append(r.cursors, page.Next)
		}
	}
	items := r.pages[p]
	if i%pageSize >= len(items) {
		return agreement.Summary{}, false
	}
	return items[i%pageSize], true
}

func (r *AgreementList) fill(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*kit.FitLabel)
	s, ok := r.row(id.Row)
	r.cells[l] = s.ID
	l.SetHighlight(ok && s.ID == r.selectedID)
	if !ok {
		l.SetText("")
		return
	}
	switch id.Col {
	case 0:
		l.SetText(string(s.Kind))
	case 1:
		l.SetText(s.Subject)
	case 2:
		l.SetText(shortPartners(s)) // "Pemkab Purwakarta": the long form is cut before the name
	case 3:
		l.SetText(s.OwnNumber)
	case 4:
		l.SetText(s.PartnerNumber)
	case 5:
		l.SetText(phaseMarks(s, r.now()))
	case 6:
		l.SetText(kit.ShortDate(s.End))
	}
}

// phaseMarks is the register's status column: the phase, a tick when a signed
// agreement's originals are all finished (copies checklist), and the last
// monev recommendation when it proposes to end or extend the agreement
// ("Berlaku ✓ → akhiri").
func phaseMarks(s agreement.Summary, now time.Time) string {
	text := lang.L(s.Phase(now, agreement.DefaultSoonDays).Label())
	if s.Status == agreement.StatusDitandatangani && s.CopiesDone {
		text += " ✓"
	}
	if s.Recommendation.Flagged() {
		text += " → " + lang.L(string(s.Recommendation)) // "akhiri", "perpanjang"
	}
	return text
}

// readFailed says once, in the status line, that rows could not be read.
func (r *AgreementList) readFailed(err error) {
	if r.readErr != nil {
		return
	}
	r.readErr = err
	r.status(lang.L("Daftar tidak dapat dibaca: {{.Error}}", map[string]any{"Error": kit.Message(err)}))
}
