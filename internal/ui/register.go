package ui

import (
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

// Register is the list of agreements, newest change first, read page by page.
type Register struct {
	svc    service.Service
	now    func() time.Time
	onOpen func(agreement.ID)
	table  *widget.Table

	mu      sync.Mutex
	total   int
	pages   [][]service.Summary
	cursors [][]byte // cursors[i] starts page i
}

var registerColumns = []struct {
	title string
	width float32
}{
	{"Jenis", 60}, {"Tentang", 420}, {"Mitra", 290}, {"Nomor Kita", 190}, {"Status", 120}, {"Tanggal Berakhir", 150},
}

func newRegister(svc service.Service, now func() time.Time, onOpen func(agreement.ID)) *Register {
	r := &Register{svc: svc, now: now, onOpen: onOpen}
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
	}
	return r
}

func (r *Register) size() (int, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.total, len(registerColumns)
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
