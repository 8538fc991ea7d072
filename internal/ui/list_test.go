package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/export"
	"sepakat/internal/gen"
	"sepakat/internal/service"
	"sepakat/internal/wilayah"
)

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

func TestBaruMakesAKSBFromTheTemplate(t *testing.T) {
	u, s, _ := withExamples(t)
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

	n.partner.SetText("")
	test.Type(n.partner, "Pemerintah Kabupaten Garut")
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
