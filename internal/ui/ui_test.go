package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/export"
	"sepakat/internal/gen"
	"sepakat/internal/service"
	"sepakat/internal/store"
	"sepakat/internal/wilayah"
	"sepakat/resources"
)

// newTestApp is a test app with the translations loaded, and an empty store.
func newTestApp(t *testing.T) (fyne.App, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	return a, openStore(t)
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Check(); err != nil {
			t.Error(err)
		}
		s.Close()
	})
	return s
}

func fixedNow() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }

// cellText reads what the table shows at row, col through its rendered label.
func cellText(r *AgreementList, row, col int) string {
	l := newFitLabel("")
	r.fill(widget.TableCellID{Row: row, Col: col}, l)
	return l.Text()
}

// loop makes the test goroutine the UI goroutine: it runs the work background
// goroutines hand back, as the desktop driver's event loop does.
type loop struct {
	t  *testing.T
	ch chan func()
}

func useLoop(t *testing.T, u *App) *loop {
	l := &loop{t: t, ch: make(chan func(), 256)}
	u.setDo(func(f func()) { l.ch <- f })
	return l
}

// until runs handed-back work until cond holds; the time limit only stops a hang.
func (l *loop) until(what string, cond func() bool) {
	l.t.Helper()
	limit := time.After(10 * time.Second)
	for !cond() {
		select {
		case f := <-l.ch:
			f()
		case <-limit:
			l.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func TestFirstStartOffersExamplesAndListsThem(t *testing.T) {
	a, s := newTestApp(t)
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1280, 720))
	u.Window().Show()
	u.Start()

	if u.Window().Canvas().Overlays().Top() == nil || u.welcome == nil {
		t.Fatal("no welcome dialog on an empty data file")
	}
	test.Tap(u.welcome.examples)

	if rows, cols := u.list.size(); rows != 3 || cols != 7 {
		t.Fatalf("register %d×%d, want 3×7", rows, cols)
	}
	if got := cellText(u.list, 2, 1); got != "Berbagi Informasi dan Inovasi Daerah" {
		t.Errorf("oldest row subject %q", got)
	}
	if got := cellText(u.list, 2, 2); got != "Pemerintah Kabupaten Lampung Selatan" {
		t.Errorf("partner %q", got)
	}
	if got := cellText(u.list, 2, 3); got != "61/KSB.05-Huk/2025" {
		t.Errorf("our number %q", got)
	}
	if got := cellText(u.list, 2, 4); got == "" || got == cellText(u.list, 2, 3) {
		t.Errorf("partner's number %q", got)
	}
	if got := cellText(u.list, 2, 6); got != "3 Juli 2030" {
		t.Errorf("end date %q", got)
	}
	if got := u.status.Text; got != "3 perjanjian" && got != "3 agreements" {
		t.Errorf("status line %q", got)
	}
	// A second start on the same file does not offer the examples again.
	u2 := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u2)
	u2.Window().Show()
	u2.Start()
	if u2.Window().Canvas().Overlays().Top() != nil {
		t.Error("examples offered again")
	}
}

func TestRegisterPagesThroughManyRows(t *testing.T) {
	a := test.NewTempApp(t)
	s := openStore(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u)
	u.Refresh()
	if _, ok := u.list.row(3); ok {
		t.Error("row past the end returned")
	}
	if sum, ok := u.list.row(0); !ok || sum.ID == 0 {
		t.Error("first row missing")
	}
}

func TestRegisterReadsPagesOnDemand(t *testing.T) {
	a := test.NewTempApp(t)
	s := openStore(t)
	g := gen.New(gen.Options{Seed: 3, Now: fixedNow()}, wilayah.MustLoad())
	if err := s.Import(g.Directory()); err != nil {
		t.Fatal(err)
	}
	if err := s.Import(&dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: g.Agreements(0, 130)}); err != nil {
		t.Fatal(err)
	}
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u)
	u.Refresh()
	if rows, _ := u.list.size(); rows != 130 {
		t.Fatalf("%d rows", rows)
	}
	last, ok := u.list.row(129)
	if !ok || len(u.list.pages) != 3 {
		t.Fatalf("row 129: %v, %d pages read", ok, len(u.list.pages))
	}
	first, _ := u.list.row(0)
	if !first.Updated.After(last.Updated) && first.Updated != last.Updated {
		t.Error("register not newest first")
	}
	seen := map[uint64]bool{}
	for i := 0; i < 130; i++ {
		sum, ok := u.list.row(i)
		if !ok || seen[uint64(sum.ID)] {
			t.Fatalf("row %d: ok %v, repeated %v", i, ok, seen[uint64(sum.ID)])
		}
		seen[uint64(sum.ID)] = true
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1.000", 100000: "100.000", 1234567: "1.234.567"} {
		if got := thousands(n); got != want {
			t.Errorf("%d: %q", n, got)
		}
	}
}

// withExamples opens the main window on a store holding the three examples.
func withExamples(t *testing.T) (*App, *store.Store, *loop) {
	t.Helper()
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	l := useLoop(t, u)
	u.Window().Show()
	u.Refresh()
	return u, s, l
}

type slowPrinter struct {
	service.Printer
	delay time.Duration
}

func (p slowPrinter) ExportPDF(id agreement.ID, w io.Writer, draft bool) error {
	time.Sleep(p.delay)
	return p.Printer.ExportPDF(id, w, draft)
}

func TestExportPDFFromTheRegister(t *testing.T) {
	u, _, l := withExamples(t)
	if !u.exportBtn.Disabled() {
		t.Fatal("export enabled with nothing selected")
	}
	u.list.table.Select(widget.TableCellID{Row: 2, Col: 1})
	if u.exportBtn.Disabled() || u.selected == 0 {
		t.Fatal("selecting a row did not enable the export")
	}
	path := filepath.Join(t.TempDir(), "ksb.pdf")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	// A slow export shows its progress, and stops it when done.
	u.printer = slowPrinter{u.printer, 2 * exportQuiet}
	finished := false
	u.exportTo(u.selected, w, false, u.win, func(err error) {
		if err != nil {
			t.Error(err)
		}
		finished = true
	})
	l.until("the progress dialog", func() bool { return u.exportBar.Visible() && u.exportBar.Running() })
	l.until("the export", func() bool { return finished })
	if u.exportBar.Running() {
		t.Error("the progress bar still runs after the export, repainting the window")
	}
	var offered []string
	if top := u.Window().Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := o.(*widget.Button); ok {
				offered = append(offered, b.Text)
			}
		}
	}
	if !slices.Contains(offered, lang.L("Buka berkas")) || !slices.Contains(offered, lang.L("Buka folder")) {
		t.Errorf("after the export the dialog offers %q", offered)
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || len(data) < 10_000 {
		t.Fatalf("exported file: %d bytes, %v", len(data), err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil || !strings.Contains(string(out), "BERBAGI INFORMASI DAN INOVASI DAERAH") {
		t.Fatalf("exported PDF text: %v\n%s", err, out)
	}
}

func TestPreferIndonesian(t *testing.T) {
	for _, c := range []struct{ lcAll, lang, wantLC string }{
		{"C", "", "id_ID.UTF-8"},
		{"", "POSIX", "id_ID.UTF-8"},
		{"", "de_DE.UTF-8", "id_ID.UTF-8"},
		{"", "en_US.UTF-8", ""},
		{"", "id_ID.UTF-8", ""},
	} {
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANGUAGE", "")
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LANG", c.lang)
		PreferIndonesian()
		if c.wantLC != "" && (os.Getenv("LC_ALL") != c.wantLC || os.Getenv("LANGUAGE") != "id") {
			t.Errorf("%+v: LC_ALL=%q LANGUAGE=%q", c, os.Getenv("LC_ALL"), os.Getenv("LANGUAGE"))
		}
		if c.wantLC == "" && os.Getenv("LANGUAGE") != "" {
			t.Errorf("%+v: locale overridden", c)
		}
	}
}

func TestRegisterSearchesAsYouType(t *testing.T) {
	u, _, l := withExamples(t)
	r := u.list
	ui := l.ch
	var shown []string
	r.searched = func() { shown = append(shown, u.status.Text) }
	next := func() string {
		t.Helper()
		n := len(shown)
		limit := time.After(10 * time.Second) // only stops a hang
		for len(shown) == n {
			select {
			case f := <-ui:
				f()
			case <-limit:
				t.Fatal("no search result shown")
			}
		}
		return shown[len(shown)-1]
	}
	rows := func() int { n, _ := r.size(); return n }
	if rows() != 3 {
		t.Fatalf("register shows %d rows, want 3", rows())
	}
	search := func(text string) string {
		t.Helper()
		if r.search.Text != "" {
			r.search.SetText("")
			next()
		}
		if len(text) > 100 {
			r.search.SetText(text) // pasted
		} else {
			test.Type(r.search, text)
		}
		for {
			if status := next(); r.searchingNow() {
				return status
			}
		}
	}

	status := search("yang dengan Lampung soal perizinan")
	if rows() == 0 {
		t.Fatal("no result")
	}
	if first := cellText(r, 0, 1); !strings.Contains(first, "Perizinan") {
		t.Errorf("first result %q, want the PKS on perizinan", first)
	}
	if !strings.Contains(status, `"yang dengan Lampung soal perizinan"`) {
		t.Errorf("status %q", status)
	}
	r.table.Select(widget.TableCellID{Row: 0, Col: 1})
	if !strings.Contains(u.status.Text, "[") {
		t.Errorf("selecting a result shows no snippet: %q", u.status.Text)
	}

	// Results past the first ones fetch their snippet when selected.
	r.snippets = 1
	if search("lampung"); rows() < 2 {
		t.Fatalf("lampung: %d rows", rows())
	}
	r.table.Select(widget.TableCellID{Row: 1, Col: 1})
	for !strings.Contains(u.status.Text, "[Lampung]") {
		select {
		case f := <-ui:
			f()
		case <-time.After(10 * time.Second):
			t.Fatalf("no snippet for the second result: %q", u.status.Text)
		}
	}

	if status := search("yang dan di"); status != searchMessage("yang dan di", service.SearchResult{OnlyStopwords: true}, nil) || rows() != 0 {
		t.Errorf("stopwords: %q, %d rows", status, rows())
	}
	if status := search("qwertyuiop"); status != searchMessage("qwertyuiop", service.SearchResult{}, nil) || rows() != 0 {
		t.Errorf("nothing found: %q, %d rows", status, rows())
	}
	if status := search(strings.Repeat("perizinan 😀 \"(.*) ", 800)); status == "" {
		t.Error("long odd query: no status")
	}

	r.search.SetText("")
	if status := next(); !strings.HasPrefix(status, "3 ") || rows() != 3 || r.searchingNow() {
		t.Errorf("after clearing: %q, %d rows", status, rows())
	}
}

func TestBerandaShowsWhatEndsAndOpensIt(t *testing.T) {
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	// Two weeks before the MoU with Lampung Timur ends (14 September 2030).
	u := New(a, s, export.Printer{Src: s}, func() time.Time { return time.Date(2030, 9, 1, 8, 0, 0, 0, time.UTC) })
	l := useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.Window().Show()
	var shown *service.Dashboard
	u.beranda.loaded = func(d service.Dashboard, err error) {
		if err != nil {
			t.Fatal(err)
		}
		shown = &d
	}
	first, _ := s.Agreement(1)
	want := fyne.NewNotification(
		lang.L("{{.Count}} perjanjian berakhir dalam 30 hari", map[string]any{"Count": 1}),
		lang.L("{{.Subject}} ({{.Partner}}) berakhir {{.Date}}.", map[string]any{"Subject": first.Subject, "Partner": "Pemerintah Kabupaten Lampung Timur", "Date": "14 September 2030"}))
	test.AssertNotificationSent(t, want, func() {
		u.Start()
		l.until("the Beranda", func() bool { return shown != nil })
	})
	if shown.Counts[agreement.StatusDitandatangani] != 3 || shown.EndingCount != [3]int{1, 1, 1} {
		t.Errorf("dashboard %+v", shown)
	}
	var rows []*rowLink
	for _, o := range test.LaidOutObjects(u.beranda.ending) {
		if r, ok := o.(*rowLink); ok {
			rows = append(rows, r)
		}
	}
	if len(rows) != 1 || !strings.Contains(rows[0].label.Text(), "Percepatan Reformasi Birokrasi") || !strings.Contains(rows[0].label.Text(), "13") {
		t.Fatalf("ending rows: %d", len(rows))
	}
	test.Tap(rows[0])
	if u.editors[1] == nil {
		t.Error("tapping the row did not open the agreement")
	}
	// The last tab is remembered.
	u.tabs.SelectIndex(tabList)
	if got := a.Preferences().Int(prefLastTab); got != tabList {
		t.Errorf("last tab %d", got)
	}
	u2 := New(a, s, export.Printer{Src: s}, fixedNow)
	if u2.tabs.SelectedIndex() != tabList {
		t.Error("last tab not restored")
	}
}

// TestEveryStringTranslated finds each lang.L key in the screens' sources and
// checks that both shipped translations have it.
func TestEveryStringTranslated(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	main, _ := filepath.Glob("../../cmd/sepakat/*.go")
	key := regexp.MustCompile(`lang\.L\(("(?:[^"\\]|\\.)*")`)
	tables := map[string]map[string]any{} // a value is a string, or plural forms
	for _, lang := range []string{"id", "en"} {
		raw, err := resources.FS.ReadFile("translations/" + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		tables[lang] = m
	}
	for _, c := range listColumns {
		for lang, table := range tables {
			if v, _ := table[c.title].(string); v == "" {
				t.Errorf("register column %q has no %s translation", c.title, lang)
			}
		}
	}
	n := 0
	for _, f := range append(files, main...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllSubmatch(src, -1) {
			k, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatal(err)
			}
			n++
			for lang, table := range tables {
				if v, _ := table[k].(string); v == "" {
					t.Errorf("%s: %q has no %s translation", f, k, lang)
				}
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d strings found", n)
	}
}

func TestRegisterFiltersAndSorts(t *testing.T) {
	u, _, l := withExamples(t)
	u.tabs.SelectIndex(tabList) // the filters' choices are read when it shows
	r := u.list
	l.until("the filters' choices", func() bool { return len(r.choices.Partners) > 0 })
	if len(r.choices.Partners) != 2 {
		t.Fatalf("partners offered: %v", r.choices.Partners)
	}
	shown := 0
	r.arranged = func() { shown++ }
	wait := func() {
		t.Helper()
		n := shown
		l.until("the arranged register", func() bool { return shown > n })
	}
	rows := func() int { n, _ := r.size(); return n }
	subjects := func() []string {
		var out []string
		for i := 0; i < rows(); i++ {
			out = append(out, cellText(r, i, 1))
		}
		return out
	}

	r.kindSel.SetSelectedIndex(1) // KSB
	wait()
	if rows() != 2 || !strings.Contains(u.status.Text, "2 ") {
		t.Fatalf("KSB: %d rows, status %q", rows(), u.status.Text)
	}
	header := newHeaderLabel()
	r.table.UpdateHeader(widget.TableCellID{Row: -1, Col: 1}, header)
	test.Tap(header) // Tentang, ascending
	wait()
	if got := subjects(); len(got) != 2 || !strings.HasPrefix(got[0], "Berbagi") {
		t.Errorf("by subject: %q", got)
	}
	r.table.UpdateHeader(widget.TableCellID{Row: -1, Col: 1}, header)
	if !strings.HasSuffix(header.Text(), "▲") {
		t.Errorf("header %q shows no order", header.Text())
	}
	test.Tap(header) // descending
	wait()
	partnerNumber := newHeaderLabel()
	r.table.UpdateHeader(widget.TableCellID{Row: -1, Col: 4}, partnerNumber)
	if partnerNumber.Text() != lang.L("Nomor Mitra") || partnerNumber.onTap != nil {
		t.Errorf("the partner's number header %q should not sort", partnerNumber.Text())
	}
	if got := subjects(); !strings.HasPrefix(got[0], "Percepatan") {
		t.Errorf("by subject, descending: %q", got)
	}

	for i, p := range r.choices.Partners {
		if p.Name == "Pemerintah Kabupaten Lampung Timur" {
			r.partnerSel.SetSelectedIndex(i + 1)
		}
	}
	wait()
	if got := subjects(); len(got) != 1 || !strings.HasPrefix(got[0], "Percepatan") {
		t.Errorf("KSB with Lampung Timur: %q", got)
	}

	// The search box searches within the filters.
	r.search.SetText("lampung")
	r.runSearch()
	l.until("search results", func() bool { return r.searchingNow() })
	if rows() != 1 {
		t.Errorf("search within the filters: %d rows", rows())
	}
	r.search.SetText("")
	r.runSearch()
	l.until("the arranged register again", func() bool { return !r.searchingNow() && rows() == 1 })

	test.Tap(widget.NewButton("", r.resetArrangement))
	l.until("the whole register", func() bool { return rows() == 3 })
	if r.kindSel.SelectedIndex() != 0 || r.partnerSel.SelectedIndex() != 0 {
		t.Error("filters not reset")
	}
}

func TestFamilyTreeOfTheSelectedAgreement(t *testing.T) {
	u, _, _ := withExamples(t)
	r := u.list
	for i := 0; i < 3; i++ {
		if s, _ := r.row(i); s.ID == 3 { // the PKS under the KSB with Lampung Selatan
			r.table.Select(widget.TableCellID{Row: i, Col: 1})
		}
	}
	f := u.family
	if f.root != 2 || len(f.children[2]) != 1 || f.children[2][0] != 3 {
		t.Fatalf("family of the PKS: root %d, children %v", f.root, f.children)
	}
	if got := f.childUIDs(""); len(got) != 1 || got[0] != "2" {
		t.Errorf("tree roots %v", got)
	}
	label := newFitLabel("")
	f.update("3", false, label)
	// It shows the phase the register shows: signed, this PKS has ended.
	if !strings.HasPrefix(label.Text(), "PKS 119/PKS.05-Huk/2025") || !strings.HasSuffix(label.Text(), " · "+lang.L("Berakhir")) || !label.label.TextStyle.Bold {
		t.Errorf("node %q (bold %v)", label.Text(), label.label.TextStyle.Bold)
	}
	f.tree.Select("2")
	if u.editors[2] == nil {
		t.Error("tapping the KSB in the tree did not open it")
	}
}

// draftEditor opens the editor on a new PKS drafted under the KSB with Lampung Selatan.
func draftEditor(t *testing.T) (*App, *store.Store, *Editor) {
	t.Helper()
	u, s, _ := withExamples(t)
	ksb, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	pks.Subject = "Pertukaran Data Perizinan Berusaha"
	pks.Body = ksb.Body // until the Isi Naskah tab edits pasal
	if err := s.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}
	u.onOpen(pks.ID)
	e := u.editors[pks.ID]
	if e == nil {
		t.Fatal("no editor")
	}
	return u, s, e
}

func TestEditorShowsProblemsBesideFieldsAndKeepsTheText(t *testing.T) {
	_, s, e := draftEditor(t)
	before, _ := s.Agreement(e.a.ID)
	e.subject.SetText("")
	test.Type(e.notes, "Menunggu masukan Bagian Hukum")
	if e.save() {
		t.Fatal("saved without a subject")
	}
	if l := e.problems["subject"]; !l.Visible() || l.Text == "" {
		t.Errorf("no problem shown beside the subject: %q", l.Text)
	}
	if e.notes.Text != "Menunggu masukan Bagian Hukum" || !e.dirty {
		t.Errorf("typed text lost: %q, dirty %v", e.notes.Text, e.dirty)
	}
	if after, _ := s.Agreement(e.a.ID); after.Rev != before.Rev {
		t.Error("a failed save changed the store")
	}

	e.subject.SetText("Pertukaran Data Perizinan Berusaha")
	e.termLength.SetText("lima")
	if e.save() {
		t.Fatal("saved a length in words")
	}
	if !e.problems["term.length"].Visible() || e.tabs.SelectedIndex() != tabJangka {
		t.Errorf("length problem %q on tab %d", e.problems["term.length"].Text, e.tabs.SelectedIndex())
	}
	if e.problems["subject"].Visible() {
		t.Error("the subject's old problem still shows")
	}

	e.termLength.SetText("2")
	if !e.save() {
		t.Fatalf("save failed: %q", e.general.Text)
	}
	after, _ := s.Agreement(e.a.ID)
	if after.Notes != "Menunggu masukan Bagian Hukum" || after.Term.Length != 2 || e.dirty {
		t.Errorf("saved %+v, dirty %v", after.Term, e.dirty)
	}
	last := e.historyRows[len(e.historyRows)-1]
	if line := historyLine(last); len(e.historyRows) < 2 || !strings.Contains(line, last.By) || !strings.Contains(line, fieldLabel("term.length")+": 5 → 2") {
		t.Errorf("history line %q", line)
	}
}

func TestEditorAsksBeforeClosingWithUnsavedChanges(t *testing.T) {
	u, s, e := draftEditor(t)
	id := e.a.ID
	e.place.SetText("Jatinangor")
	e.onClose()
	buttons := func() map[string]*widget.Button { return dialogButtons(t, e.win, "no question before closing") }
	test.Tap(buttons()[lang.L("Batal")])
	if u.editors[id] == nil || e.place.Text != "Jatinangor" {
		t.Fatal("cancel closed the editor or lost the text")
	}
	e.onClose()
	test.Tap(buttons()[lang.L("Simpan")])
	if u.editors[id] != nil {
		t.Error("the editor stayed open after saving")
	}
	if a, _ := s.Agreement(id); a.Place != "Jatinangor" {
		t.Errorf("place %q not saved", a.Place)
	}

	u.onOpen(id)
	e = u.editors[id]
	e.place.SetText("Kota Sumedang")
	e.onClose()
	test.Tap(buttons()[lang.L("Buang perubahan")])
	if u.editors[id] != nil {
		t.Error("discarding did not close")
	}
	if a, _ := s.Agreement(id); a.Place != "Jatinangor" {
		t.Errorf("discarded text saved: %q", a.Place)
	}
}

// dialogButtons maps the buttons of w's top dialog by their text; without a
// dialog the test fails with missing.
func dialogButtons(t *testing.T, w fyne.Window, missing string) map[string]*widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal(missing)
	}
	out := map[string]*widget.Button{}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok {
			out[b.Text] = b
		}
	}
	return out
}

type fakePlacement struct{ x, y, movedX, movedY int }

func (p *fakePlacement) Position(fyne.Window) (int, int, bool) { return p.x, p.y, true }
func (p *fakePlacement) Move(_ fyne.Window, x, y int)          { p.movedX, p.movedY = x, y }

func TestQuittingAsksAboutUnsavedEditorsAndRemembersThePlace(t *testing.T) {
	u, s, e := draftEditor(t)
	place := &fakePlacement{x: 140, y: 60}
	u.Placement = place
	id := e.a.ID
	buttons := func() map[string]*widget.Button { return dialogButtons(t, u.win, "no question before quitting") }
	e.place.SetText("Jatinangor")
	u.onQuit()
	test.Tap(buttons()[lang.L("Batal")])
	if u.editors[id] == nil || e.place.Text != "Jatinangor" {
		t.Fatal("cancel closed the editor or lost the text")
	}
	// A save that fails keeps everything open, with the problem at its field.
	e.subject.SetText("")
	u.onQuit()
	test.Tap(buttons()[lang.L("Simpan semua dan keluar")])
	if u.editors[id] == nil || !e.problems["subject"].Visible() {
		t.Fatal("quit although the editor could not be saved")
	}
	if a, _ := s.Agreement(id); a.Place == "Jatinangor" {
		t.Error("a failed save stored the place")
	}
	e.subject.SetText("Pertukaran Data Perizinan Berusaha")
	u.onQuit()
	test.Tap(buttons()[lang.L("Simpan semua dan keluar")])
	if len(u.editors) != 0 {
		t.Error("editors still open after quitting")
	}
	if a, _ := s.Agreement(id); a.Place != "Jatinangor" {
		t.Errorf("place %q not saved on quitting", a.Place)
	}
	// The next start puts the window back where it was.
	u2 := New(u.app, s, export.Printer{Src: s}, fixedNow)
	u2.Placement = place
	u2.Place()
	if place.movedX != 140 || place.movedY != 60 {
		t.Errorf("window moved to %d,%d, want 140,60", place.movedX, place.movedY)
	}
}

func TestEditorExportSavesFirstThenAsksWhere(t *testing.T) {
	_, s, e := draftEditor(t)
	e.subject.SetText("")
	e.export(false)
	if e.win.Canvas().Overlays().Top() != nil {
		t.Fatal("asked where to save a PDF of a form that cannot be saved")
	}
	e.subject.SetText("Pertukaran Data Perizinan Berusaha")
	e.place.SetText("Jatinangor")
	e.export(true)
	if a, _ := s.Agreement(e.a.ID); a.Place != "Jatinangor" || e.dirty {
		t.Errorf("not saved before the export: place %q, dirty %v", a.Place, e.dirty)
	}
	if e.win.Canvas().Overlays().Top() == nil {
		t.Error("no save dialog over the editor")
	}
}

func TestEditorRecordsFollowUpsAndLocksSignedText(t *testing.T) {
	u, s, _ := withExamples(t)
	u.onOpen(2)
	e := u.editors[2]
	if e.subject.Disabled() == false || e.termLength.Disabled() == false {
		t.Error("the signed KSB's text is editable")
	}
	if e.notes.Disabled() {
		t.Error("notes of a signed agreement should stay editable")
	}
	n := len(e.allMonitoring())
	e.monActivity.SetText("Rapat koordinasi tindak lanjut")
	e.onAddMonitoring()
	if !e.problems["monitoring"].Visible() {
		t.Error("a follow-up without a date was accepted")
	}
	e.monDate.SetText("15/1/2026")
	e.monActivity.SetText("Rapat koordinasi tindak lanjut")
	e.onAddMonitoring()
	if len(e.allMonitoring()) != n+1 || !e.dirty {
		t.Fatalf("follow-ups %d, dirty %v", len(e.allMonitoring()), e.dirty)
	}
	if !e.save() {
		t.Fatalf("save failed: %q", e.general.Text)
	}
	a, _ := s.Agreement(2)
	if len(a.Monitoring) != n+1 || a.Monitoring[n].Date != agreement.NewDate(2026, 1, 15) {
		t.Errorf("monitoring %+v", a.Monitoring)
	}
}

func TestParseFormDate(t *testing.T) {
	for in, want := range map[string]agreement.Date{
		"3/7/2025": agreement.NewDate(2025, 7, 3), "03-07-2025": agreement.NewDate(2025, 7, 3),
		"2025-07-03": agreement.NewDate(2025, 7, 3), "": {},
	} {
		if got, err := parseFormDate(in); err != nil || got != want {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	for _, bad := range []string{"31/2/2025", "3 Juli 2025", "1/2", "a/b/c"} {
		if _, err := parseFormDate(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestEditorMakesAPKSThatInheritsTheParties(t *testing.T) {
	u, s, _ := withExamples(t)
	u.onOpen(1) // the signed MoU with Lampung Timur
	e := u.editors[1]
	if !e.actions[agreement.KindPKS].Visible() || !e.actions[agreement.KindAdendum].Visible() {
		t.Fatal("a signed KSB offers no PKS or Adendum")
	}
	ksb := e.a
	test.Tap(e.actions[agreement.KindPKS])
	var pks *Editor
	for id, ed := range u.editors {
		if id != 1 {
			pks = ed
		}
	}
	if pks == nil {
		t.Fatal("no editor for the new PKS")
	}
	if pks.a.Kind != agreement.KindPKS || pks.a.ParentID != 1 || pks.a.Status != agreement.StatusKonsep {
		t.Errorf("new agreement %s under %d, %s", pks.a.Kind, pks.a.ParentID, pks.a.Status)
	}
	if len(pks.a.Parties) != len(ksb.Parties) || pks.a.Parties[0].PartyID != ksb.Parties[0].PartyID {
		t.Errorf("parties %+v, want those of the KSB", pks.a.Parties)
	}
	if pks.subject.Disabled() || pks.ownNumber.Text != "" || pks.actions[agreement.KindPKS].Visible() {
		t.Error("the new PKS draft should be editable, unnumbered, and not offer a PKS of its own")
	}
	// The Para Pihak tab shows the inherited parties, by name.
	pks.tabs.SelectIndex(tabParties)
	var titles []string
	for _, o := range test.LaidOutObjects(pks.parties.list) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold {
			titles = append(titles, l.Text)
		}
	}
	if len(titles) != 2 || !strings.Contains(strings.Join(titles, "|"), "Pemerintah Kabupaten Lampung Timur") {
		t.Errorf("party blocks %q", titles)
	}
	if stored, err := s.Agreement(pks.a.ID); err != nil || stored.ParentID != 1 {
		t.Errorf("stored %+v, %v", stored.ParentID, err)
	}
	// Its copy is another draft with the same parties and no number.
	test.Tap(pks.duplicate)
	if len(u.editors) != 3 {
		t.Errorf("%d editors after duplicating", len(u.editors))
	}
}

// stepButton finds the button for a status step on the Penandatanganan tab.
func stepButton(t *testing.T, e *Editor, to agreement.Status) *widget.Button {
	t.Helper()
	for _, o := range e.signing.steps.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == stepLabel(to) {
			return b
		}
	}
	t.Fatalf("no step to %s", to)
	return nil
}

func TestEditorMarksSignedAndLocksTheText(t *testing.T) {
	_, s, e := draftEditor(t)
	test.Tap(stepButton(t, e, agreement.StatusTelaah))
	test.Tap(stepButton(t, e, agreement.StatusSiapTTD))
	if e.a.Status != agreement.StatusSiapTTD {
		t.Fatalf("status %s: %q", e.a.Status, e.general.Text)
	}
	confirm := func() {
		t.Helper()
		top := e.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("no confirmation before marking signed")
		}
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := o.(*widget.Button); ok && (b.Text == "Ya" || b.Text == "Yes") {
				test.Tap(b)
				return
			}
		}
		t.Fatal("no confirm button")
	}
	// Without a date of signing it cannot be signed: the problem shows at the date.
	test.Tap(stepButton(t, e, agreement.StatusDitandatangani))
	confirm()
	if e.a.Status != agreement.StatusSiapTTD || !e.problems["signing.date"].Visible() || e.tabs.SelectedIndex() != tabSigning {
		t.Fatalf("status %s, date problem %q, tab %d, other %q", e.a.Status, e.problems["signing.date"].Text, e.tabs.SelectedIndex(), e.general.Text)
	}
	e.signing.date.SetText("20/11/2026")
	e.signing.place.SetText("Sumedang")
	test.Tap(stepButton(t, e, agreement.StatusDitandatangani))
	confirm()
	if e.a.Status != agreement.StatusDitandatangani {
		t.Fatalf("not signed: %q %v", e.general.Text, e.problems)
	}
	if !e.subject.Disabled() || !e.termLength.Disabled() || !e.signing.date.Disabled() || !e.lockNote.Visible() {
		t.Error("the signed text is not locked")
	}
	stored, _ := s.Agreement(e.a.ID)
	if stored.Status != agreement.StatusDitandatangani || stored.Signing == nil || stored.Signing.Date != agreement.NewDate(2026, 11, 20) {
		t.Errorf("stored %s %+v", stored.Status, stored.Signing)
	}
	// Now it may only be cancelled, or given an Adendum or Perpanjangan.
	if len(e.signing.steps.Objects) != 1 || !e.actions[agreement.KindAdendum].Visible() {
		t.Errorf("steps after signing: %d", len(e.signing.steps.Objects))
	}
}

func TestEditorAddsARegionalGovernmentAsAParty(t *testing.T) {
	_, s, e := draftEditor(t)
	p := e.parties
	n := len(p.rows)
	p.onAddRegion("Pemerintah Kabupaten Garut")
	if len(p.rows) != n+1 || !e.dirty {
		t.Fatalf("%d parties, dirty %v", len(p.rows), e.dirty)
	}
	added, ok := p.party(p.rows[n].PartyID)
	if !ok || added.RegionCode == "" || added.Kind != agreement.PartyPemkab || added.Seat != "Garut" {
		t.Errorf("registered %+v", added)
	}
	if p.rows[n].Role != agreement.RolePihakKetiga {
		t.Errorf("role %s", p.rows[n].Role)
	}
	p.onAddRegion("Pemerintah Kabupaten Garut")
	if len(p.rows) != n+1 || !e.general.Visible() {
		t.Error("the same party added twice")
	}
	p.onAddRegion("Pemerintah Kabupaten Atlantis")
	if len(p.rows) != n+1 {
		t.Error("a region not in the list was added")
	}
	if !e.save() {
		t.Fatalf("save: %q", e.general.Text)
	}
	stored, _ := s.Agreement(e.a.ID)
	if len(stored.Parties) != n+1 || stored.Parties[n].PartyID != added.ID {
		t.Errorf("stored parties %+v", stored.Parties)
	}
	// Removing it again.
	p.remove(n)
	if !e.save() {
		t.Fatalf("save: %q", e.general.Text)
	}
	if stored, _ := s.Agreement(e.a.ID); len(stored.Parties) != n {
		t.Errorf("%d parties after removing", len(stored.Parties))
	}
}

func TestNewKSBFromTheTemplate(t *testing.T) {
	u, s, _ := withExamples(t)
	parties, _ := s.Parties()
	var own agreement.Party
	for _, p := range parties {
		if p.Own {
			own = p
		}
	}
	if _, err := u.createFromTemplate(agreement.KindKSB, own, parties, "", "Desa Wisata"); err == nil {
		t.Error("no partner accepted")
	}
	if _, err := u.createFromTemplate(agreement.KindKSB, own, parties, "Pemerintah Kabupaten Atlantis", "Desa Wisata"); err == nil {
		t.Error("an unknown partner accepted")
	}
	if _, err := u.createFromTemplate(agreement.KindKSB, own, parties, own.Name, "Desa Wisata"); err == nil {
		t.Error("our own office accepted as the partner")
	}
	id, err := u.createFromTemplate(agreement.KindKSB, own, parties, "Pemerintah Kabupaten Garut", "Pengembangan Desa Wisata")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Agreement(id)
	if a.Kind != agreement.KindKSB || a.Status != agreement.StatusKonsep || len(a.Parties) != 2 || !a.Parties[0].Own || a.CountPasal() < 5 || a.Term.Length != 5 {
		t.Errorf("new KSB: %s %s, %d parties, %d pasal, term %d", a.Kind, a.Status, len(a.Parties), a.CountPasal(), a.Term.Length)
	}
	u.onOpen(id)
	if e := u.editors[id]; e == nil || e.subject.Text != "Pengembangan Desa Wisata" || e.subject.Disabled() {
		t.Error("the new draft does not open for editing")
	}
	// Through the dialog as a person fills it.
	u.onNew()
	if u.Window().Canvas().Overlays().Top() == nil {
		t.Error("Baru shows no dialog")
	}
}

// previewText is the preview as plain text.
func previewText(e *Editor) string {
	var b strings.Builder
	for _, s := range e.body.previewSegs {
		if t, ok := s.(*widget.TextSegment); ok {
			b.WriteString(t.Text + "\n")
		}
	}
	return b.String()
}

func TestEditorAddsAPasalAndSeesItInThePreview(t *testing.T) {
	u, s, e := draftEditor(t)
	l := useLoop(t, u)
	e.do = func(f func()) { l.ch <- f }
	body := e.body
	n := len(body.body)
	if previewText(e) != "" {
		t.Error("the preview was built before its tab showed")
	}
	e.tabs.SelectIndex(tabBody)
	l.until("the preview", func() bool { return strings.Contains(previewText(e), "PERJANJIAN KERJA SAMA") })
	body.selectPath([]int{n - 1})
	body.add(agreement.NodePasal)
	if len(body.body) != n+1 || body.selected != fmt.Sprint(n) {
		t.Fatalf("%d pasal, selected %q", len(body.body), body.selected)
	}
	body.heading.SetText("SINKRONISASI DATA")
	body.text.SetText("PARA PIHAK saling bertukar data perizinan setiap bulan melalui sistem informasi.")
	l.until("the preview", func() bool { return strings.Contains(previewText(e), "SINKRONISASI DATA") })
	if !strings.Contains(previewText(e), fmt.Sprintf("Pasal %d", n+1)) || !strings.Contains(previewText(e), "saling bertukar data perizinan") {
		t.Errorf("preview lacks the new pasal:\n%s", previewText(e))
	}
	body.add(agreement.NodeAyat)
	body.text.SetText("Data yang dipertukarkan dijaga kerahasiaannya.")
	if got := body.label(parsePath(body.selected)); !strings.HasPrefix(got, "(1) Data") {
		t.Errorf("ayat label %q", got)
	}
	if !e.save() {
		t.Fatalf("save: %q", e.general.Text)
	}
	a, _ := s.Agreement(e.a.ID)
	if a.CountPasal() != n+1 || a.Body[n].Heading != "SINKRONISASI DATA" || len(a.Body[n].Children) != 1 {
		t.Errorf("stored body: %d pasal, last %+v", a.CountPasal(), a.Body[n])
	}
	// Moving it up, then removing it.
	body.selectPath([]int{n})
	body.move(-1)
	if body.body[n-1].Heading != "SINKRONISASI DATA" {
		t.Error("move up")
	}
	body.remove()
	if len(body.body) != n {
		t.Error("remove")
	}
}

func TestEditorKeepsAttachmentsInTheDataFile(t *testing.T) {
	_, s, e := draftEditor(t)
	at := e.attachments
	pdf, err := os.ReadFile("../../resources/icon.png")
	if err != nil {
		t.Fatal(err)
	}
	if at.attach("catatan.docx", []byte("x")) || len(at.rows) != 0 {
		t.Error("a .docx was attached")
	}
	if at.attach("besar.pdf", make([]byte, maxAttachment+1)) {
		t.Error("a file over 20 MB was attached")
	}
	at.kind.SetSelectedIndex(1) // the signed scan
	if !at.attach("Pindaian KSB.png", pdf) || !e.dirty {
		t.Fatalf("attach failed: %q", e.general.Text)
	}
	if !e.save() {
		t.Fatalf("save: %q", e.general.Text)
	}
	a, _ := s.Agreement(e.a.ID)
	if len(a.Attachments) != 1 || a.Attachments[0].Kind != agreement.AttachScan || a.Attachments[0].File.Size != int64(len(pdf)) {
		t.Fatalf("stored attachments %+v", a.Attachments)
	}
	var opened string
	at.opened = func(path string) { opened = path }
	at.onOpen(0)
	got, err := os.ReadFile(opened)
	if err != nil || !bytes.Equal(got, pdf) || filepath.Base(opened) != "Pindaian KSB.png" {
		t.Errorf("opened %q: %d bytes, %v", opened, len(got), err)
	}
	os.RemoveAll(filepath.Dir(opened))
	at.remove(0)
	if !e.save() {
		t.Fatal(e.general.Text)
	}
	if a, _ := s.Agreement(e.a.ID); len(a.Attachments) != 0 {
		t.Error("detached file still listed")
	}
	if u := fileURL("/tmp/sepakat-lampiran-1/a b.pdf"); u.String() != "file:///tmp/sepakat-lampiran-1/a%20b.pdf" {
		t.Errorf("url %s", u)
	}
}

func TestFirstStartSetsUpOurOffice(t *testing.T) {
	a, s := newTestApp(t)
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u)
	u.Window().Show()
	u.Start()
	w := u.welcome
	if w == nil {
		t.Fatal("no welcome")
	}
	w.region.SetText("Pemerintah Kabupaten Atlantis")
	test.Tap(w.setup)
	if !w.problem.Visible() {
		t.Error("an office outside the region list was accepted")
	}
	w.region.SetText("Pemerintah Kota Bandung")
	w.unit.SetText("Kerjasama")
	test.Tap(w.setup)
	parties, _ := s.Parties()
	if len(parties) != 1 || !parties[0].Own || parties[0].Kind != agreement.PartyPemkot || parties[0].Numbering.UnitCode != "Kerjasama" || parties[0].Seat != "Bandung" {
		t.Fatalf("office %+v", parties)
	}
	n, err := s.ReserveNumber(parties[0].ID, agreement.KindKSB, agreement.NewDate(2026, 11, 22), 0)
	if err != nil || n != "1/KSB.05-Kerjasama/2026" {
		t.Errorf("first number %q, %v", n, err)
	}
	// Started again, the office is set up: no welcome.
	u2 := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u2)
	u2.Start()
	if u2.welcome != nil {
		t.Error("welcome shown again")
	}
}

func TestRegistryOfPartiesOfficialsAndMandates(t *testing.T) {
	u, s, l := withExamples(t)
	u.tabs.SelectIndex(tabDirectory)
	r := u.directory
	l.until("the registries", func() bool { return len(r.parties) > 0 })
	if len(r.parties) != 3 || len(r.officials) == 0 {
		t.Fatalf("%d parties, %d officials", len(r.parties), len(r.officials))
	}
	r.partyFilter.SetText("timur")
	if len(r.shownParties) != 1 {
		t.Errorf("filter: %d parties", len(r.shownParties))
	}
	// A new party without a name is refused with a message.
	r.showParty(agreement.Party{Kind: agreement.PartyPT})
	r.onSaveParty()
	if !r.message.Visible() || r.message.Importance != widget.DangerImportance {
		t.Errorf("nameless party: %q", r.message.Text)
	}
	r.pName.SetText("Universitas Padjadjaran")
	r.pSeat.SetText("Bandung")
	png, _ := os.ReadFile("../../resources/icon.png")
	if r.importLambang("lambang.txt", png) {
		t.Error("a .txt lambang accepted")
	}
	if !r.importLambang("unpad.png", png) {
		t.Fatalf("lambang: %q", r.message.Text)
	}
	r.onSaveParty()
	if r.party.ID == 0 || r.party.Lambang == nil {
		t.Fatalf("party not saved: %q", r.message.Text)
	}
	// Its rector, in office, and a mandate to the vice-rector.
	r.showOfficial(agreement.Official{Role: agreement.RolePimpinan, Status: agreement.StatusDefinitif})
	r.oParty.SetSelectedIndex(r.partyIndex(r.party.ID))
	r.oName.SetText("Prof. Dr. Arief S. Kartasasmita, dr., Sp.M(K), M.Kes., Ph.D.")
	r.oJabatan.SetText("Rektor Universitas Padjadjaran")
	r.oRole.SetSelectedIndex(4)
	r.oFrom.SetText("26 Oktober")
	r.onSaveOfficial()
	if r.official.ID != 0 || r.message.Importance != widget.DangerImportance || r.message.Text != lang.L("Tanggal tidak dapat dibaca: tulis hh/bb/tttt, mis. 03/07/2025.") {
		t.Errorf("an unreadable date: saved %d, message %q", r.official.ID, r.message.Text)
	}
	r.oFrom.SetText("26/10/2024")
	r.onSaveOfficial()
	if r.official.ID == 0 {
		t.Fatalf("official not saved: %q", r.message.Text)
	}
	rector := r.official
	r.showOfficial(agreement.Official{})
	r.oParty.SetSelectedIndex(r.partyIndex(r.party.ID))
	r.oName.SetText("Dr. Arief Anshory")
	r.oJabatan.SetText("Wakil Rektor Bidang Tata Kelola")
	r.oRole.SetSelectedIndex(5)
	r.oStatus.SetSelectedIndex(1) // Plt.
	r.oFrom.SetText("32/13/2024")
	r.onSaveOfficial()
	if r.official.ID != 0 {
		t.Error("an unreadable date was saved")
	}
	r.oFrom.SetText("01/01/2025")
	r.onSaveOfficial()
	vice := r.official
	if vice.ID == 0 || vice.Status != agreement.StatusPlt {
		t.Fatalf("vice-rector %+v: %q", vice, r.message.Text)
	}
	r.showMandate(agreement.Mandate{})
	r.mParty.SetSelectedIndex(r.partyIndex(r.party.ID))
	for i, o := range r.partyOfficials() {
		if o.ID == rector.ID {
			r.mGrantor.SetSelectedIndex(i)
		}
		if o.ID == vice.ID {
			r.mGrantee.SetSelectedIndex(i)
		}
	}
	r.mNumber.SetText("123/UN6.RKT/KS/2026")
	r.mDate.SetText("10/11/2026")
	r.mScope.SetText("Menandatangani Perjanjian Kerja Sama pengembangan desa wisata")
	r.onSaveMandate()
	mandates, _ := s.Mandates()
	found := false
	for _, m := range mandates {
		found = found || (m.Number == "123/UN6.RKT/KS/2026" && m.GrantorID == rector.ID && m.GranteeID == vice.ID)
	}
	if !found {
		t.Errorf("mandate not stored: %q", r.message.Text)
	}
}

func TestSettingsChangeHowAgreementsPrint(t *testing.T) {
	u, s, _ := withExamples(t)
	u.tabs.SelectIndex(tabSettings)
	st := u.settings
	if st.own.Name != "Pemerintah Kabupaten Sumedang" || st.unit.Text != "Huk" {
		t.Fatalf("office %q, unit %q", st.own.Name, st.unit.Text)
	}
	if !strings.Contains(st.example.Text, "12/KSB.05-Huk/2026") {
		t.Errorf("example %q", st.example.Text)
	}
	st.template.SetText("{nomor}/{jenis}/{tahun")
	if st.save() {
		t.Error("a broken pattern was saved")
	}
	st.template.SetText(defaultNumbering)
	st.fontSize.SetText("dua belas")
	if st.save() {
		t.Error("a font size in words was saved")
	}
	st.fontSize.SetText("20")
	if st.save() || !strings.Contains(st.message.Text, "16") {
		t.Errorf("a 20 pt font was saved: %q", st.message.Text)
	}
	st.fontSize.SetText("12")
	st.paper.SetSelected("F4")
	st.pageNumbers.SetSelectedIndex(1)
	st.paraf.SetChecked(false)
	st.titleCase.SetChecked(true)
	st.firstSide.SetSelectedIndex(1)
	if !st.save() {
		t.Fatalf("save: %q", st.message.Text)
	}
	parties, _ := s.Parties()
	for _, p := range parties {
		if p.Own {
			pg := p.Page
			if pg.Paper != "F4" || pg.PageNumbers != agreement.PageNumbersHalaman || !pg.NoParaf || !pg.TitleCaseDate || !pg.FirstPartyRight {
				t.Errorf("page %+v", pg)
			}
		}
	}
	// The next PDF prints on F4 with "Halaman 1 dari …" and the date in Title Case.
	var buf bytes.Buffer
	if err := (export.Printer{Src: s}).ExportPDF(2, &buf, false); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ksb.pdf")
	os.WriteFile(path, buf.Bytes(), 0o600)
	info, _ := exec.Command("pdfinfo", path).Output()
	text, _ := exec.Command("pdftotext", path, "-").Output()
	if !strings.Contains(string(info), "609.45 x 935.43") {
		t.Errorf("not F4:\n%s", info)
	}
	if !strings.Contains(string(text), "Halaman 2 dari") {
		t.Error("no \"Halaman 2 dari …\" page numbers")
	}
	if !strings.Contains(string(text), "Empat bulan Juli tahun Dua Ribu Dua Puluh Lima") {
		t.Errorf("date in words not in Title Case:\n%.400s", text)
	}
}

func TestFieldLabels(t *testing.T) {
	if got := fieldLabel("term.length"); got != lang.L("jangka waktu") {
		t.Errorf("term.length: %q", got)
	}
	if got := fieldLabel("body[2].children[0].text"); !strings.HasPrefix(got, lang.L("isi naskah")+" (body[2]") {
		t.Errorf("body path: %q", got)
	}
	if got := fieldLabel("something_new"); got != "something_new" {
		t.Errorf("unknown: %q", got)
	}
}
