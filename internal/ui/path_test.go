package ui

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/ui/editor"
	"sepakat/internal/ui/kit"
)

// person drives windows as a person does, through test.Tap and test.Type on
// the widgets shown, and counts the actions: every click and every key
// pressed other than the text typed.
type person struct {
	t       *testing.T
	l       *loop
	actions int
}

// objects are what w shows, its dialogs and pop-ups first.
func objects(w fyne.Window) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	list := w.Canvas().Overlays().List()
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].Visible() {
			out = append(out, test.LaidOutObjects(list[i])...)
		}
	}
	return append(out, test.LaidOutObjects(w.Canvas().Content())...)
}

func shown(o fyne.CanvasObject) bool { return o.Visible() && o.Size().Width > 0 }

// button is the n-th (from 0) shown button of w reading text.
func (p *person) button(w fyne.Window, text string, n int) *widget.Button {
	p.t.Helper()
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && shown(b) {
			if n == 0 {
				return b
			}
			n--
		}
	}
	p.t.Fatalf("no button %q", text)
	return nil
}

// click taps the n-th button reading text.
func (p *person) click(w fyne.Window, text string, n int) {
	p.t.Helper()
	b := p.button(w, text, n)
	if b.Disabled() {
		p.t.Fatalf("button %q is disabled", text)
	}
	p.actions++
	test.Tap(b)
}

// tapText taps the innermost tappable that shows text: a tab, a menu item, a
// row; in the top-most layer that has one.
func (p *person) tapText(w fyne.Window, text string) {
	p.t.Helper()
	var layers []fyne.CanvasObject
	list := w.Canvas().Overlays().List()
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].Visible() {
			layers = append(layers, list[i])
		}
	}
	layers = append(layers, w.Canvas().Content())
	for _, layer := range layers {
		var hit fyne.Tappable
		for _, o := range test.LaidOutObjects(layer) {
			tp, ok := o.(fyne.Tappable)
			if !ok || !shown(o) {
				continue
			}
			for _, c := range test.LaidOutObjects(o) {
				if txt, ok := c.(*canvas.Text); ok && txt.Text == text && c.Visible() {
					hit = tp
				}
			}
		}
		if hit != nil {
			p.actions++
			test.Tap(hit)
			return
		}
	}
	p.t.Fatalf("nothing shows %q", text)
}

// field is the n-th entry (or picker) of a form row labelled label.
func (p *person) field(w fyne.Window, label string, n int) fyne.Focusable {
	p.t.Helper()
	for _, o := range objects(w) {
		f, ok := o.(*widget.Form)
		if !ok || !shown(f) {
			continue
		}
		for _, it := range f.Items {
			if it.Text != label {
				continue
			}
			for _, c := range append([]fyne.CanvasObject{it.Widget}, test.LaidOutObjects(it.Widget)...) {
				switch e := c.(type) {
				case *kit.Picker:
					if n == 0 {
						return e
					}
					n--
				case *kit.Entry:
					if n == 0 {
						return e
					}
					n--
				}
			}
		}
	}
	p.t.Fatalf("no field %q", label)
	return nil
}

// fill clicks into the field and types text after what it holds.
func (p *person) fill(w fyne.Window, label string, n int, text string) {
	p.t.Helper()
	f := p.field(w, label, n)
	p.actions++ // the click into the field
	w.Canvas().Focus(f)
	test.Type(f, text)
}

// replace clicks into the field, selects all (Ctrl+A), erases and types text.
func (p *person) replace(w fyne.Window, label string, n int, text string) {
	p.t.Helper()
	f := p.field(w, label, n)
	w.Canvas().Focus(f)
	f.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutSelectAll{})
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	p.actions += 3
	test.Type(f, text)
}

// key presses a key in w's focused field.
func (p *person) key(w fyne.Window, name fyne.KeyName) {
	p.actions++
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name})
}

// pick clicks into a picker, types what staff type and presses Enter.
func (p *person) pick(w fyne.Window, label string, typed string) {
	p.t.Helper()
	f := p.field(w, label, 0)
	pk, ok := f.(*kit.Picker)
	if !ok {
		p.t.Fatalf("%q is not a pick list", label)
	}
	p.actions++
	w.Canvas().Focus(pk)
	for _, r := range typed {
		w.Canvas().Focused().TypedRune(r)
	}
	p.key(w, fyne.KeyReturn)
	if pk.Selected() == "" {
		p.t.Fatalf("%q picked nothing in %q (offers %q)", typed, label, pk.Matches())
	}
}

// choose opens the select of a form row labelled label and taps option.
func (p *person) choose(w fyne.Window, label, option string) {
	p.t.Helper()
	for _, o := range objects(w) {
		f, ok := o.(*widget.Form)
		if !ok || !shown(f) {
			continue
		}
		for _, it := range f.Items {
			if it.Text != label {
				continue
			}
			for _, c := range append([]fyne.CanvasObject{it.Widget}, test.LaidOutObjects(it.Widget)...) {
				if sel, ok := c.(*widget.Select); ok {
					p.actions++
					test.Tap(sel)
					p.tapText(w, option)
					if sel.Selected != option {
						p.t.Fatalf("%q: chose %q, shows %q", label, option, sel.Selected)
					}
					return
				}
			}
		}
	}
	p.t.Fatalf("no select %q", label)
}

// noDialog fails when a dialog stays open over w.
func (p *person) noDialog(w fyne.Window) {
	p.t.Helper()
	if top := w.Canvas().Overlays().Top(); top != nil {
		var texts []string
		for _, o := range test.LaidOutObjects(top) {
			if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text != "" {
				texts = append(texts, l.Text)
			}
		}
		p.t.Fatalf("a dialog stays open: %q", texts)
	}
}

// status is what the editor says at its foot, and beside its fields.
func (p *person) status(w fyne.Window) string {
	var texts []string
	for _, o := range objects(w) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text != "" && (l.Importance == widget.DangerImportance || l.Importance == widget.WarningImportance) {
			texts = append(texts, l.Text)
		}
	}
	return strings.Join(texts, " | ")
}

// sign fills the signing record (place "" keeps the place already there),
// takes our number, which follows the signing date's year, types the
// partner's, and takes the steps to Ditandatangani.
func (p *person) sign(e interface{ Window() fyne.Window }, date, place, venue, partnerNumber string) {
	p.t.Helper()
	w := e.Window()
	p.tapText(w, tr("Penandatanganan"))
	p.fill(w, tr("Tanggal penandatanganan"), 0, date)
	if place != "" {
		p.replace(w, tr("Tempat (kota)"), 0, place)
	}
	if venue != "" {
		p.fill(w, tr("Lokasi acara"), 0, venue)
	}
	p.tapText(w, tr("Identitas"))
	p.click(w, tr("Ambil nomor"), 0)
	p.fill(w, tr("Nomor mitra"), 0, partnerNumber)
	p.tapText(w, tr("Penandatanganan"))
	for _, step := range []string{tr("Ajukan telaah"), tr("Siap tanda tangan"), tr("Tandai Ditandatangani")} {
		if b := p.buttonMaybe(w, step); b == nil {
			p.t.Fatalf("no step %q: %s", step, p.status(w))
		}
		p.click(w, step, 0)
		if step == tr("Ajukan telaah") {
			p.review(w)
		}
	}
	p.click(w, tr("Ya"), 0)
}

// review answers the two DPRD questions no and records the TKKSD's three
// required reviewers agreeing (the line offers the next one pending, dated
// today), then goes back to Penandatanganan.
func (p *person) review(w fyne.Window) {
	p.t.Helper()
	p.tapText(w, tr("Persetujuan"))
	p.answer(w, tr("Membebani masyarakat dan daerah?"), tr("Tidak"))
	p.answer(w, tr("Pendanaan di luar APBD tahun berjalan?"), tr("Tidak"))
	for range 3 {
		p.click(w, tr("Catat telaah"), 0)
	}
	p.tapText(w, tr("Penandatanganan"))
}

// answer taps option in the form row labelled label (a radio group).
func (p *person) answer(w fyne.Window, label, option string) {
	p.t.Helper()
	for _, o := range objects(w) {
		f, ok := o.(*widget.Form)
		if !ok || !shown(f) {
			continue
		}
		for _, it := range f.Items {
			if it.Text != label {
				continue
			}
			for _, c := range test.LaidOutObjects(it.Widget) {
				tp, ok := c.(fyne.Tappable)
				if !ok {
					continue
				}
				for _, x := range test.LaidOutObjects(c) {
					if txt, ok := x.(*canvas.Text); ok && txt.Text == option {
						p.actions++
						test.Tap(tp)
						return
					}
				}
			}
		}
	}
	p.t.Fatalf("no %q in %q", option, label)
}

// newEditor is the editor window opened last, besides those of open, with its content in.
func (p *person) newEditor(u *App, open ...agreement.ID) *editor.Editor {
	p.t.Helper()
	var e *editor.Editor
	for id, x := range u.editors {
		if !slices.Contains(open, id) {
			e = x
		}
	}
	if e == nil {
		p.t.Fatal("no new editor opened")
	}
	p.l.until("the editor's content", func() bool { _, empty := e.Window().Content().(*widget.Label); return !empty })
	return e
}

// buttonMaybe is the first shown button reading text, or nil.
func (p *person) buttonMaybe(w fyne.Window, text string) *widget.Button {
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && shown(b) {
			return b
		}
	}
	return nil
}

// The first real case, from an empty data file, through the windows alone:
// our office set up in the welcome; a KSB with Lampung Selatan, whose head is
// a Penjabat Bupati, both heads created in place; signed; a PKS under it
// signed by two kepala dinas under surat kuasa created in place; signed; an
// Adendum extending the PKS by a year; signed; the three PDFs read back.
func TestFirstRealCaseFromAnEmptyDataFile(t *testing.T) {
	a, s := newTestApp(t)
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	l := useLoop(t, u)
	win := u.Window()
	win.Resize(fyne.NewSize(1366, 768))
	win.Show()
	u.Start()
	p := &person{t: t, l: l}

	// Welcome: our office by typing its short name.
	if u.welcome == nil {
		t.Fatal("no welcome on an empty data file")
	}
	p.pick(win, tr("Kantor kita"), "sumedang")
	p.fill(win, tr("Berkedudukan di"), 0, "Sumedang")
	p.click(win, tr("Atur kantor kita"), 0)
	parties, _ := s.Parties()
	if len(parties) != 1 || parties[0].Name != "Pemerintah Kabupaten Sumedang" || parties[0].Seat != "Sumedang" {
		t.Fatalf("office %+v", parties)
	}

	// Baru: a KSB with Lampung Selatan.
	p.actions++
	shortcutIn(win, fyne.KeyN)
	p.pick(win, tr("Mitra"), "lamsel")
	p.fill(win, tr("Tentang"), 0, "Berbagi Informasi dan Inovasi Daerah")
	p.click(win, tr("Buat"), 0)
	if len(u.editors) != 1 {
		t.Fatalf("%d editors open after Buat", len(u.editors))
	}
	var ksbID agreement.ID
	for id := range u.editors {
		ksbID = id
	}
	ke := u.editors[ksbID]
	l.until("the KSB editor's content", func() bool { _, empty := ke.Window().Content().(*widget.Label); return !empty })
	kw := ke.Window()
	t.Logf("after the KSB is drafted: %d actions", p.actions)

	// Both heads of region, created in place; Lampung Selatan's is a Penjabat.
	p.tapText(kw, tr("Para Pihak"))
	p.click(kw, tr("Pejabat baru"), 0)
	test.Type(kw.Canvas().Focused(), "H. Dony Ahmad Munir, S.STP., M.Si.")
	p.choose(kw, tr("Status jabatan"), tr("Definitif")) // never assumed
	p.click(kw, tr("Simpan"), 0)
	p.click(kw, tr("Pejabat baru"), 1)
	test.Type(kw.Canvas().Focused(), "Dr. Ir. Andi Wijaya, M.Si.")
	p.choose(kw, tr("Status jabatan"), "Pj.")
	p.click(kw, tr("Simpan"), 0)
	p.noDialog(kw)

	// Numbers, the signing record, and the steps to signed.
	p.sign(ke, "04/07/2025", "", "Gedung Negara Kabupaten Sumedang", "03/MoU/TKKSD-LS/1.04/VII/2025")
	ksb, _ := s.Agreement(ksbID)
	if ksb.Status != agreement.StatusDitandatangani {
		t.Fatalf("the KSB is %s: %s", ksb.Status, p.status(kw))
	}
	t.Logf("after the KSB is signed: %d actions", p.actions)

	// A PKS under it, signed by two kepala dinas under surat kuasa made in place.
	p.click(kw, tr("Buat PKS dari KSB ini"), 0)
	pe := p.newEditor(u, ksbID)
	pw := pe.Window()
	pksID := pe.Agreement().ID
	p.tapText(pw, tr("Para Pihak"))
	for i, kadis := range []struct{ name, jabatan, mandate, date string }{
		{"Dr. Ahmad Syarif, S.Kom., M.T.", "Kepala Dinas Komunikasi dan Informatika Kabupaten Sumedang", "800/120/Diskominfo/2025", "07/07/2025"},
		{"Ir. Rio Gismara, M.M.", "Kepala Dinas Komunikasi, Informatika dan Statistik Kabupaten Lampung Selatan", "800/45/KOMINFO/2025", "08/07/2025"},
	} {
		p.click(pw, tr("Pejabat baru"), i)
		test.Type(pw.Canvas().Focused(), kadis.name)
		p.choose(pw, tr("Peran"), tr("Kepala perangkat daerah"))
		p.choose(pw, tr("Status jabatan"), tr("Definitif"))
		p.fill(pw, tr("Jabatan"), 0, kadis.jabatan)
		p.click(pw, tr("Simpan"), 0)
		p.noDialog(pw)
		p.click(pw, tr("Surat kuasa"), i)
		p.fill(pw, tr("Nomor"), 0, kadis.mandate)
		p.fill(pw, tr("Tanggal"), 0, kadis.date)
		p.click(pw, tr("Simpan"), 0)
		p.noDialog(pw)
		p.click(pw, tr("Dari jabatan"), i) // the dinas stand as the parties
	}
	p.sign(pe, "10/07/2025", "Kalianda", "", "04/PKS/TKKSD-LS/1.04/VII/2025")
	pks, _ := s.Agreement(pksID)
	if pks.Status != agreement.StatusDitandatangani {
		t.Fatalf("the PKS is %s: %s", pks.Status, p.status(pw))
	}
	t.Logf("after the PKS is signed: %d actions", p.actions)

	// An Adendum extending the PKS by a year.
	oldEnd := pks.EffectiveEnd()
	p.click(pw, tr("Buat Adendum"), 0)
	p.tapText(pw, tr("Jangka waktu"))
	p.click(pw, tr("Buat Adendum"), 0)
	p.noDialog(pw)
	ae := p.newEditor(u, ksbID, pksID)
	aw := ae.Window()
	addID := ae.Agreement().ID
	p.sign(ae, "15/06/2026", "", "", "05/ADD/TKKSD-LS/1.04/VI/2026")
	add, _ := s.Agreement(addID)
	if add.Status != agreement.StatusDitandatangani {
		t.Fatalf("the Adendum is %s: %s", add.Status, p.status(aw))
	}

	// The three PDFs: Ekspor PDF, then Simpan in the save dialog.
	words := map[agreement.ID]string{}
	for _, id := range []agreement.ID{ksbID, pksID, addID} {
		p.actions += 2
		words[id] = exportWords(t, u, l, id)
		if ps, err := export.Check(s, id); err != nil || len(ps) > 0 {
			t.Errorf("the document check of %d: %v %v", id, err, ps)
		}
	}
	t.Logf("the whole path: %d actions", p.actions)
	if p.actions >= 120 {
		t.Errorf("the path took %d actions, want under 120", p.actions)
	}

	has := func(id agreement.ID, what string, wants ...string) {
		t.Helper()
		for _, want := range wants {
			if !strings.Contains(words[id], want) {
				t.Errorf("the %s PDF lacks %q\n%s", what, want, words[id])
			}
		}
	}
	has(ksbID, "KSB",
		"KESEPAKATAN BERSAMA ANTARA PEMERINTAH KABUPATEN SUMEDANG DENGAN PEMERINTAH KABUPATEN LAMPUNG SELATAN",
		"Pada hari ini Jumat tanggal empat bulan Juli tahun dua ribu dua puluh lima, bertempat di Gedung Negara Kabupaten Sumedang, yang bertanda tangan di bawah ini:",
		"H. DONY AHMAD MUNIR, S.STP., M.Si., Bupati Sumedang, dalam hal ini bertindak untuk dan atas nama Pemerintah Kabupaten Sumedang, berkedudukan di Sumedang",
		"Dr. Ir. ANDI WIJAYA, M.Si., Penjabat Bupati Lampung Selatan, dalam hal ini bertindak untuk dan atas nama Pemerintah Kabupaten Lampung Selatan",
		"PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut: a. bahwa daerah dapat mengadakan kerja sama",
		"PENJABAT BUPATI LAMPUNG SELATAN,")
	has(pksID, "PKS",
		"PERJANJIAN KERJA SAMA ANTARA DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN SUMEDANG DENGAN DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK KABUPATEN LAMPUNG SELATAN",
		"Pada hari ini Kamis tanggal sepuluh bulan Juli tahun dua ribu dua puluh lima, bertempat di Kalianda,",
		"Dr. AHMAD SYARIF, S.Kom., M.T., Kepala Dinas Komunikasi dan Informatika Kabupaten Sumedang, dalam hal ini bertindak untuk dan atas nama Dinas Komunikasi dan Informatika Kabupaten Sumedang berdasarkan Surat Kuasa Bupati Sumedang Nomor 800/120/Diskominfo/2025 tanggal 7 Juli 2025",
		"berdasarkan Surat Kuasa Penjabat Bupati Lampung Selatan Nomor 800/45/KOMINFO/2025 tanggal 8 Juli 2025",
		"tanggal 4 Juli 2025 tentang Berbagi Informasi dan Inovasi Daerah",
		"Kesepakatan Bersama Nomor 1/KSB.05-Huk/2025 dan Nomor 03/MoU/TKKSD-LS/1.04/VII/2025 tanggal 4 Juli 2025")
	has(addID, "Adendum",
		"Pada hari ini Senin tanggal lima belas bulan Juni tahun dua ribu dua puluh enam, bertempat di Sumedang,",
		"Adendum ini mulai berlaku sejak tanggal 15 Juni 2026.",
		"Perjanjian Kerja Sama Nomor 1/PKS.05-Huk/2025 dan Nomor 04/PKS/TKKSD-LS/1.04/VII/2025 tanggal 10 Juli 2025",
		"diperpanjang selama 1 (satu) tahun, terhitung sejak tanggal "+kit.ShortDate(oldEnd.AddDate(0, 0, 1))+" sampai dengan tanggal "+kit.ShortDate(oldEnd.AddDate(1, 0, 0)))
	// The register follows the signed Adendum: the PKS now ends a year later.
	rows, err := s.Summaries([]agreement.ID{pksID})
	if err != nil || len(rows) != 1 || rows[0].End != oldEnd.AddDate(1, 0, 0) {
		t.Errorf("the register's end of the PKS: %+v (%v), want %v", rows, err, oldEnd.AddDate(1, 0, 0))
	}
}

// exportWords makes agreement id's PDF as Ekspor PDF does and reads it back
// with pdftotext, its words joined by single spaces.
func exportWords(t *testing.T, u *App, l *loop, id agreement.ID) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("naskah-%d.pdf", id))
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	var done bool
	var outcome error
	u.exportTo(id, w, false, func(err error) { done, outcome = true, err })
	l.until("the PDF", func() bool { return done })
	if outcome != nil {
		t.Fatalf("PDF of %d: %v", id, outcome)
	}
	for _, o := range u.win.Canvas().Overlays().List() {
		o.Hide() // "PDF tersimpan"
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils): %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// shortcutIn presses Ctrl+key in w.
func shortcutIn(w fyne.Window, key fyne.KeyName) {
	w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrl(key))
}
