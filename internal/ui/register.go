package ui

import (
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
	"sepakat/internal/service"
)

const pageSize = 50

// Register is the list of agreements, newest change first, read page by page;
// or, while the search box holds text, the agreements found, best first.
type Register struct {
	svc      service.Service
	now      func() time.Time
	onOpen   func(agreement.ID)
	onStatus func(string)
	table    *widget.Table
	search   *widget.Entry

	mu      sync.Mutex
	total   int
	pages   [][]service.Summary
	cursors [][]byte // cursors[i] starts page i
	// hits are the search results shown instead of the pages when searching.
	hits      []service.SearchHit
	searching bool
	// generation numbers the queries typed; only the latest one's results show.
	generation int
	timer      *time.Timer
	// searched, when set, is called on the UI goroutine once a search's results show.
	searched func()
	// do runs UI work handed over from other goroutines (fyne.Do; tests run it themselves).
	do func(func())
	// snippets is how many results come with their snippet (snippetsFirst).
	snippets int
}

// searchLimit is how many results a search shows.
const searchLimit = 200

// snippetsFirst is how many results come with their snippet; the others' is
// fetched when they are selected.
const snippetsFirst = 20

// searchDelay lets a person finish a few keystrokes before the search runs.
const searchDelay = 150 * time.Millisecond

var registerColumns = []struct {
	title string
	width float32
}{
	{"Jenis", 60}, {"Tentang", 420}, {"Mitra", 290}, {"Nomor Kita", 190}, {"Status", 120}, {"Tanggal Berakhir", 150},
}

func newRegister(svc service.Service, now func() time.Time, onOpen func(agreement.ID), onStatus func(string)) *Register {
	r := &Register{svc: svc, now: now, onOpen: onOpen, onStatus: onStatus, do: fyne.Do, snippets: snippetsFirst}
	r.search = widget.NewEntry()
	r.search.SetPlaceHolder(lang.L("Cari nomor, mitra, pejabat, perihal atau isi pasal…"))
	r.search.OnChanged = r.queueSearch
	r.search.OnSubmitted = func(string) { r.runSearch() }
	r.table = widget.NewTableWithHeaders(r.size, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, r.fill)
	r.table.ShowHeaderColumn = false
	r.table.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	r.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(lang.L(registerColumns[id.Col].title))
			o.(*widget.Label).TextStyle.Bold = true
		}
	}
	for i, c := range registerColumns {
		r.table.SetColumnWidth(i, c.width)
	}
	r.table.OnSelected = func(id widget.TableCellID) {
		if s, ok := r.row(id.Row); ok && r.onOpen != nil {
			r.onOpen(s.ID)
		}
		r.showSnippet(id.Row)
	}
	return r
}

func (r *Register) size() (int, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.searching {
		return len(r.hits), len(registerColumns)
	}
	return r.total, len(registerColumns)
}

// queueSearch runs the search a moment after the last keystroke.
func (r *Register) queueSearch(string) {
	r.mu.Lock()
	if r.timer != nil {
		r.timer.Stop()
	}
	r.timer = time.AfterFunc(searchDelay, func() { r.do(r.runSearch) })
	r.mu.Unlock()
}

// runSearch searches for the box's text off the UI goroutine and shows the
// results when they come, unless a newer query was typed meanwhile. An empty box
// shows the whole register again.
func (r *Register) runSearch() {
	text := r.search.Text
	r.mu.Lock()
	if r.timer != nil {
		r.timer.Stop()
	}
	r.generation++
	gen := r.generation
	if strings.TrimSpace(text) == "" {
		r.searching, r.hits = false, nil
		r.mu.Unlock()
		r.table.Refresh()
		r.status(lang.L("{{.Count}} perjanjian", map[string]any{"Count": thousands(r.total)}))
		r.notifySearched()
		return
	}
	r.mu.Unlock()
	go func() {
		res, err := r.svc.Search(service.SearchQuery{Text: text, Limit: searchLimit, Snippets: r.snippets})
		r.do(func() {
			r.mu.Lock()
			if gen != r.generation {
				r.mu.Unlock()
				return
			}
			r.searching = true
			r.hits = res.Hits
			r.mu.Unlock()
			r.table.UnselectAll()
			r.table.ScrollToTop()
			r.table.Refresh()
			r.status(searchMessage(text, res, err))
			r.notifySearched()
		})
	}()
}

func (r *Register) notifySearched() {
	if r.searched != nil {
		r.searched()
	}
}

func (r *Register) status(msg string) {
	if r.onStatus != nil {
		r.onStatus(msg)
	}
}

// searchMessage says what a search found, or why it found nothing.
func searchMessage(text string, res service.SearchResult, err error) string {
	q := map[string]any{"Query": strings.TrimSpace(text), "Count": thousands(len(res.Hits))}
	switch {
	case err != nil:
		return lang.L("Pencarian gagal: {{.Error}}", map[string]any{"Error": err.Error()})
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
func (r *Register) showSnippet(i int) {
	r.mu.Lock()
	if !r.searching || i < 0 || i >= len(r.hits) {
		r.mu.Unlock()
		return
	}
	hit, text, gen := r.hits[i], r.search.Text, r.generation
	r.mu.Unlock()
	if hit.Snippet != "" {
		r.status(hit.Snippet)
		return
	}
	go func() {
		sn, err := r.svc.Snippet(hit.Summary.ID, text)
		r.do(func() {
			r.mu.Lock()
			current := gen == r.generation
			if current && err == nil && i < len(r.hits) && r.hits[i].Summary.ID == hit.Summary.ID {
				r.hits[i].Snippet = sn
			}
			r.mu.Unlock()
			if current && err == nil && sn != "" {
				r.status(sn)
			}
		})
	}()
}

// Snippet is the matched text of search result row i, with the matched words
// in [brackets]; "" outside a search.
func (r *Register) Snippet(i int) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.searching || i < 0 || i >= len(r.hits) {
		return ""
	}
	return r.hits[i].Snippet
}

func (r *Register) reload() error {
	total, err := r.svc.Total()
	if err != nil {
		return err
	}
	r.mu.Lock()
	r.total, r.pages, r.cursors = total, nil, [][]byte{nil}
	r.mu.Unlock()
	r.table.Refresh()
	return nil
}

// row returns the summary at index i, reading pages from the store as needed.
func (r *Register) row(i int) (service.Summary, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.searching {
		if i < 0 || i >= len(r.hits) {
			return service.Summary{}, false
		}
		return r.hits[i].Summary, true
	}
	p := i / pageSize
	for len(r.pages) <= p {
		if len(r.cursors) <= len(r.pages) {
			return service.Summary{}, false
		}
		page, err := r.svc.List(service.Query{Limit: pageSize, After: r.cursors[len(r.pages)]})
		if err != nil || len(page.Items) == 0 {
			return service.Summary{}, false
		}
		r.pages = append(r.pages, page.Items)
		if page.Next != nil {
			r.cursors = append(r.cursors, page.Next)
		}
	}
	items := r.pages[p]
	if i%pageSize >= len(items) {
		return service.Summary{}, false
	}
	return items[i%pageSize], true
}

func (r *Register) fill(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	s, ok := r.row(id.Row)
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
		l.SetText(s.Partners())
	case 3:
		l.SetText(s.OwnNumber)
	case 4:
		l.SetText(lang.L(s.Phase(r.now(), agreement.DefaultSoonDays).Label()))
	case 5:
		l.SetText(shortDate(s.End))
	}
}

func shortDate(d agreement.Date) string {
	if d.IsZero() {
		return "–"
	}
	return bahasa.ShortDate(d.Time())
}

func (r *Register) searchingNow() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.searching
}
