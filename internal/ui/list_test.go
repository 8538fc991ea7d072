package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/export"
	"sepakat/internal/gen"
	"sepakat/internal/service"
	"sepakat/internal/store"
	"sepakat/internal/ui/kit"
	"sepakat/internal/wilayah"
)

func TestListPagesThroughManyRows(t *testing.T) {
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

func TestListReadsPagesOnDemand(t *testing.T) {
	a := test.NewTempApp(t)
	s := openStore(t)
	g := gen.New(gen.Options{Seed: 3, Now: fixedNow()}, wilayah.MustLoad())
	if err := s.Import(context.Background(), g.Directory()); err != nil {
		t.Fatal(err)
	}
	if err := s.Import(context.Background(), &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: g.Agreements(0, 130)}); err != nil {
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

func TestListSearchesAsYouType(t *testing.T) {
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
			if status := next(); r.searching {
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
	if status := next(); !strings.HasPrefix(status, "3 ") || rows() != 3 || r.searching {
		t.Errorf("after clearing: %q, %d rows", status, rows())
	}
}

func TestListFiltersAndSorts(t *testing.T) {
	u, _, l := withExamples(t)
	u.Window().Resize(fyne.NewSize(1280, 720))
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
		l.until("the arranged list", func() bool { return shown > n })
	}
	rows := func() int { n, _ := r.size(); return n }
	subjects := func() []string {
		var out []string
		for i := 0; i < rows(); i++ {
			out = append(out, cellText(r, i, 1))
		}
		return out
	}
	// header is column col's title as the table draws it.
	header := func(col int) *kit.HeaderLabel {
		t.Helper()
		for _, o := range test.LaidOutObjects(r.table) {
			if h, ok := o.(*kit.HeaderLabel); ok && strings.HasPrefix(h.Text(), lang.L(listColumns[col].title)) {
				return h
			}
		}
		t.Fatalf("no header %q drawn", listColumns[col].title)
		return nil
	}

	choose(t, u.win, r.kindSel, "KSB – "+lang.L(agreement.KindKSB.Title()))
	wait()
	if rows() != 2 || u.status.Text != lang.L("{{.Count}} dari {{.Total}} perjanjian", map[string]any{"Count": "2", "Total": "3"}) {
		t.Fatalf("KSB: %d rows, status %q", rows(), u.status.Text)
	}
	test.Tap(header(1)) // Tentang, ascending
	wait()
	if got := subjects(); len(got) != 2 || !strings.HasPrefix(got[0], "Berbagi") {
		t.Errorf("by subject: %q", got)
	}
	if h := header(1).Text(); !strings.HasSuffix(h, "▲") {
		t.Errorf("header %q shows no order", h)
	}
	test.Tap(header(1)) // descending
	wait()
	if h := header(1).Text(); !strings.HasSuffix(h, "▼") {
		t.Errorf("header %q shows no reversed order", h)
	}
	if got := subjects(); !strings.HasPrefix(got[0], "Percepatan") {
		t.Errorf("by subject, descending: %q", got)
	}
	if h := header(4); h.Text() != lang.L("Nomor Mitra") || h.OnTap != nil {
		t.Errorf("the partner's number header %q should not sort", h.Text())
	}

	choose(t, u.win, r.partnerSel, "Pemerintah Kabupaten Lampung Timur")
	wait()
	if got := subjects(); len(got) != 1 || !strings.HasPrefix(got[0], "Percepatan") {
		t.Errorf("KSB with Lampung Timur: %q", got)
	}

	// The search box searches within the filters.
	test.Type(r.search, "lampung")
	l.until("search results", func() bool { return r.searching })
	if rows() != 1 {
		t.Errorf("search within the filters: %d rows", rows())
	}
	r.search.SetText("")
	l.until("the arranged list again", func() bool { return !r.searching && rows() == 1 })

	test.Tap(r.resetBtn)
	l.until("the whole list", func() bool { return rows() == 3 })
	if r.kindSel.SelectedIndex() != 0 || r.partnerSel.SelectedIndex() != 0 {
		t.Error("filters not reset")
	}
	if h := header(1).Text(); h != lang.L("Tentang") {
		t.Errorf("header %q still shows an order", h)
	}
}

// damaged is a store with a damaged record: the Beranda, the list's rows and
// the search cannot be read.
type damaged struct {
	service.Service
	err error
}

func (d damaged) Dashboard(time.Time) (service.Dashboard, error) { return service.Dashboard{}, d.err }
func (d damaged) Summaries([]agreement.ID) ([]agreement.Summary, error) {
	return nil, d.err
}
func (d damaged) Search(service.SearchQuery) (service.SearchResult, error) {
	return service.SearchResult{}, d.err
}

// withDamage opens the main window on the examples, agreement 2 damaged.
func withDamage(t *testing.T) (*App, *loop, error) {
	t.Helper()
	bad := fmt.Errorf("%w: agreement 2", service.ErrCorrupt)
	u, l := withExamplesIn(t, func(s *store.Store) service.Service { return damaged{s, bad} })
	return u, l, bad
}

// withExamplesIn opens the main window on the examples, read through what wrap
// makes of the store.
func withExamplesIn(t *testing.T, wrap func(*store.Store) service.Service) (*App, *loop) {
	t.Helper()
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	u := New(a, wrap(s), export.Printer{Src: s}, fixedNow)
	l := useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1280, 720))
	u.Window().Show()
	return u, l
}

func TestListSaysARecordIsDamaged(t *testing.T) {
	u, l, bad := withDamage(t)
	u.Refresh()
	u.tabs.SelectIndex(tabList)
	r := u.list
	l.until("the filters' choices", func() bool { return len(r.choices.Partners) > 0 })
	arranged := false
	r.arranged = func() { arranged = true }
	choose(t, u.win, r.kindSel, "KSB – "+lang.L(agreement.KindKSB.Title()))
	l.until("the arranged list", func() bool { return arranged })
	damage := "Berkas data rusak. Pulihkan dari cadangan.\nRincian: agreement 2"
	if want := lang.L("Daftar tidak dapat disusun: {{.Error}}", map[string]any{"Error": damage}); u.status.Text != want {
		t.Errorf("status %q, want %q", u.status.Text, want)
	}
	if rows, _ := r.size(); rows != 0 {
		t.Errorf("%d rows of a list that could not be read", rows)
	}
	noGoError(t, texts(u.win.Canvas().Content()), bad)

	test.Tap(r.resetBtn)
	searched := false
	r.searched = func() { searched = true }
	test.Type(r.search, "lampung")
	l.until("the search", func() bool { return searched })
	if want := lang.L("Pencarian gagal: {{.Error}}", map[string]any{"Error": damage}); u.status.Text != want {
		t.Errorf("status %q, want %q", u.status.Text, want)
	}
	shown := texts(u.win.Canvas().Content())
	if !slices.Contains(shown, u.status.Text) {
		t.Errorf("the status line is not on screen: %q", shown)
	}
	noGoError(t, shown, bad)
}

func TestFamilyTreeOfTheSelectedAgreement(t *testing.T) {
	u, _, l := withExamples(t)
	r := u.list
	f := u.family
	var reads []error
	f.loaded = func(err error) { reads = append(reads, err) }
	// The KSB first, then at once the PKS: the newer selection wins.
	for _, id := range []agreement.ID{2, 3} { // 3: the PKS under the KSB with Lampung Selatan
		for i := 0; i < 3; i++ {
			if s, _ := r.row(i); s.ID == id {
				r.table.Select(widget.TableCellID{Row: i, Col: 1})
			}
		}
	}
	if f.tree.Visible() {
		t.Error("the tree showed before it was read")
	}
	l.until("the family", func() bool { return len(reads) > 0 })
	if len(reads) != 1 || reads[0] != nil || f.selected != 3 {
		t.Fatalf("reads %v, selected %d", reads, f.selected)
	}
	if f.root != 2 || len(f.children[2]) != 1 || f.children[2][0] != 3 {
		t.Fatalf("family of the PKS: root %d, children %v", f.root, f.children)
	}
	if got := f.childUIDs(""); len(got) != 1 || got[0] != "2" {
		t.Errorf("tree roots %v", got)
	}
	label := kit.NewFitLabel("")
	f.update("3", false, label)
	// It shows the phase the register shows: signed, this PKS has ended.
	if !strings.HasPrefix(label.Text(), "PKS 119/PKS.05-Huk/2025") || !strings.HasSuffix(label.Text(), " · "+lang.L("Berakhir")) || !label.Bold() {
		t.Errorf("node %q (bold %v)", label.Text(), label.Bold())
	}
	f.tree.Select("2")
	if u.editors[2] == nil {
		t.Error("tapping the KSB in the tree did not open it")
	}
}

func TestBaruMakesAKSBFromTheTemplate(t *testing.T) {
	u, s, _ := withExamples(t)
	ministry := agreement.Party{Kind: agreement.PartyKementerian, Name: "Kementerian Dalam Negeri", ShortName: "Kemendagri", Seat: "Jakarta"}
	if err := s.SaveParty(&ministry); err != nil {
		t.Fatal(err)
	}
	u.tabs.SelectIndex(tabList)
	test.Tap(u.newBtn)
	n := u.newAgreement
	if n == nil || u.Window().Canvas().Overlays().Top() == nil {
		t.Fatal("Baru shows no dialog")
	}
	create := func() {
		t.Helper()
		b := dialogButtons(t, u.win, "the dialog closed")
		if b[lang.L("Buat")] == nil {
			t.Fatalf("no Buat among %v; top %T of %d", b, u.win.Canvas().Overlays().Top(), len(u.win.Canvas().Overlays().List()))
		}
		test.Tap(b[lang.L("Buat")])
	}
	// Without a partner, with one in no list, or with our own office, nothing is made.
	choose(t, u.win, n.kind, "KSB – "+lang.L(agreement.KindKSB.Title()))
	test.Type(n.subject, "Pengembangan Desa Wisata")
	create()
	if !n.problem.Visible() || n.problem.Text != lang.L("Pilih mitra: instansi dari daftar atau pemerintah daerah dari daftar wilayah.") {
		t.Errorf("no partner: %q", n.problem.Text)
	}
	test.Type(n.partner, "Pemerintah Kabupaten Atlantis")
	create()
	if want := lang.L("\"{{.Name}}\" tidak ada di daftar instansi maupun daftar wilayah.", map[string]any{"Name": "Pemerintah Kabupaten Atlantis"}); n.problem.Text != want {
		t.Errorf("unknown partner: %q", n.problem.Text)
	}
	n.partner.SetText("")
	test.Type(n.partner, "Pemerintah Kabupaten Sumedang")
	create()
	if n.problem.Text != lang.L("Mitra tidak boleh kantor kita sendiri.") {
		t.Errorf("our office as the partner: %q", n.problem.Text)
	}
	if total, _ := s.Total(); total != 3 {
		t.Fatalf("%d agreements after refused drafts", total)
	}
	if n.subject.Text != "Pengembangan Desa Wisata" {
		t.Errorf("the typed subject was lost: %q", n.subject.Text)
	}

	// A Nota Kesepakatan with a region, or a PKS with a ministry, is said
	// at once and not made; the region is not registered for it.
	parties, _ := s.Parties()
	choose(t, u.win, n.kind, "NK – "+lang.L(agreement.KindNK.Title()))
	pickOption(t, u.win, n.partner, "Pemerintah Kabupaten Garut")
	nkWords := lang.L("Nota Kesepakatan dibuat dengan kementerian atau lembaga pusat; {{.Name}} bukan kementerian/lembaga. Pilih KSB atau PKS.", map[string]any{"Name": "Pemerintah Kabupaten Garut"})
	if !n.problem.Visible() || n.problem.Text != nkWords {
		t.Errorf("NK with a region, as chosen: %q", n.problem.Text)
	}
	create()
	if after, _ := s.Parties(); n.problem.Text != nkWords || len(after) != len(parties) {
		t.Errorf("NK with a region: %q, %d parties (was %d)", n.problem.Text, len(after), len(parties))
	}
	choose(t, u.win, n.kind, "PKS – "+lang.L(agreement.KindPKS.Title()))
	// Staff type the ministry's short name.
	c := u.win.Canvas()
	c.Focus(n.partner)
	for range len([]rune(n.partner.Text)) {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	for _, r := range "kemendagri" {
		c.Focused().TypedRune(r)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n.partner.Selected() != "Kementerian Dalam Negeri" {
		t.Fatalf("typing kemendagri picked %q", n.partner.Selected())
	}
	pksWords := lang.L("Dengan kementerian atau lembaga pusat dibuat Nota Kesepakatan dengan rencana aksi, bukan {{.Kind}}. Pilih jenis NK.", map[string]any{"Kind": lang.L(agreement.KindPKS.Title())})
	if !n.problem.Visible() || n.problem.Text != pksWords {
		t.Errorf("PKS with a ministry, as chosen: %q", n.problem.Text)
	}
	if total, _ := s.Total(); total != 3 {
		t.Fatalf("%d agreements after refused drafts", total)
	}
	choose(t, u.win, n.kind, "KSB – "+lang.L(agreement.KindKSB.Title()))
	pickOption(t, u.win, n.partner, "Pemerintah Kabupaten Garut")
	if n.problem.Visible() {
		t.Errorf("a KSB with a region: %q", n.problem.Text)
	}
	create()
	if total, _ := s.Total(); total != 4 {
		t.Fatalf("%d agreements, want the new KSB: %q", total, n.problem.Text)
	}
	var id agreement.ID
	for i := range u.editors {
		id = i
	}
	a, _ := s.Agreement(id)
	if a.Kind != agreement.KindKSB || a.Status != agreement.StatusKonsep || len(a.Parties) != 2 || !a.Parties[0].Own || a.CountPasal() < 5 || a.Term.Length != 5 || a.Subject != "Pengembangan Desa Wisata" {
		t.Errorf("new KSB: %s %s, %d parties, %d pasal, term %d", a.Kind, a.Status, len(a.Parties), a.CountPasal(), a.Term.Length)
	}
	if a.Category != agreement.CatKSDD || !a.Voluntary {
		t.Errorf("a KSB with a region: category %q, sukarela %v", a.Category, a.Voluntary)
	}
	if p, _ := s.Party(a.Parties[1].PartyID); p.Name != "Pemerintah Kabupaten Garut" || p.RegionCode == "" {
		t.Errorf("partner %+v", p)
	}
	if len(u.editors) != 1 {
		t.Error("the new draft did not open")
	}
	if rows, _ := u.list.size(); rows != 4 {
		t.Errorf("the list shows %d rows", rows)
	}
}

func TestFamilyTreeSaysWhyItCannotBeRead(t *testing.T) {
	u, l, bad := withDamage(t)
	u.Refresh()
	var read error
	u.family.loaded = func(err error) { read = err }
	u.list.table.Select(widget.TableCellID{Row: 0, Col: 1})
	l.until("the family", func() bool { return read != nil })
	f := u.family
	want := kit.Failure(tr("Keluarga perjanjian tidak dapat dibaca:"), bad)
	if !f.hint.Visible() || f.tree.Visible() || f.hint.Text != want || !strings.HasPrefix(want, tr("Keluarga perjanjian tidak dapat dibaca:")+" ") {
		t.Errorf("the family pane says %q (shown %v), want %q", f.hint.Text, f.hint.Visible(), want)
	}
	noGoError(t, []string{f.hint.Text}, bad)
}

// A change saved while a search shows its results shows in them: the search
// runs again, as the register would read its rows again.
func TestSearchResultsFollowASave(t *testing.T) {
	u, s, l := withExamples(t)
	r := u.list
	test.Type(r.search, "Lampung Timur")
	l.until("the results", func() bool { return r.searching && len(r.hits) > 0 })
	id := r.hits[0].Summary.ID
	a, err := s.Agreement(id)
	if err != nil {
		t.Fatal(err)
	}
	var partner agreement.Party
	for _, ap := range a.Parties {
		if !ap.Own {
			partner, _ = s.Party(ap.PartyID)
		}
	}
	partner.ShortName = "Pemkab Lamtim"
	if err := s.SaveParty(&partner); err != nil {
		t.Fatal(err)
	}
	u.Refresh() // as a save in an editor does
	l.until("the results read again", func() bool {
		return r.searching && len(r.hits) > 0 && cellText(r, 0, 2) == "Pemkab Lamtim"
	})
}
