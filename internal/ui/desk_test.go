package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/export"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

// press types Ctrl+key on w's canvas, as the keyboard does.
func press(w fyne.Window, key fyne.KeyName) {
	w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrl(key))
}

func hasWindow(a fyne.App, w fyne.Window) bool {
	return slices.Contains(a.Driver().AllWindows(), w)
}

func TestMainMenu(t *testing.T) {
	u, _, _ := withExamples(t)
	m := u.win.MainMenu()
	if m == nil {
		t.Fatal("no main menu")
	}
	type entry struct{ label, shortcut string }
	name := func(s fyne.Shortcut) string {
		if s == nil {
			return ""
		}
		if cs, ok := s.(*desktop.CustomShortcut); ok {
			if cs.Modifier == 0 {
				return string(cs.KeyName)
			}
			return "Ctrl+" + string(cs.KeyName)
		}
		return s.ShortcutName()
	}
	got := map[string][]entry{}
	var order []string
	for _, menu := range m.Items {
		order = append(order, menu.Label)
		for _, it := range menu.Items {
			if !it.IsSeparator {
				got[menu.Label] = append(got[menu.Label], entry{it.Label, name(it.Shortcut)})
			}
		}
	}
	if want := []string{"Berkas", "Sunting", "Tampilan", "Bantuan"}; !slices.Equal(order, want) {
		t.Errorf("menus %q, want %q", order, want)
	}
	want := map[string][]entry{
		"Berkas": {{"Baru…", "Ctrl+N"}, {"Buka data lain…", ""}, {"Cadangkan sekarang", ""}, {"Impor daftar lama…", ""},
			{"Ekspor daftar ke Excel/CSV…", ""}, {"Ekspor PDF…", "Ctrl+P"}, {"Verifikasi naskah…", ""}, {"Terima paket dari mitra…", ""}, {"Keluar", "Ctrl+Q"}},
		"Sunting":  {{"Cari", "Ctrl+F"}},
		"Tampilan": {{"Beranda", "Ctrl+1"}, {"Daftar Perjanjian", "Ctrl+2"}, {"Instansi & Pejabat", "Ctrl+3"}, {"Pengaturan", "Ctrl+4"}, {"Laporan", "Ctrl+5"}, {"Lini masa", "Ctrl+6"}},
		"Bantuan":  {{"Panduan", "F1"}, {"Tentang Sepakat", ""}},
	}
	for menu, items := range want {
		if !slices.Equal(got[menu], items) {
			t.Errorf("%s: %v, want %v", menu, got[menu], items)
		}
	}
	if !m.Items[0].Items[len(m.Items[0].Items)-1].IsQuit {
		t.Error("Keluar is not the menu's quit item")
	}
	// Ekspor PDF waits for a selection.
	if !u.menuExport.Disabled {
		t.Error("Ekspor PDF enabled with nothing selected")
	}
	press(u.win, fyne.KeyP)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Ctrl+P with nothing selected opened a dialog")
	}
	u.onSelect(1)
	if u.menuExport.Disabled {
		t.Error("Ekspor PDF still disabled with an agreement selected")
	}
}

func TestShortcutsSwitchTabsAndFind(t *testing.T) {
	u, _, l := withExamples(t)
	for key, tab := range map[fyne.KeyName]int{fyne.Key2: tabList, fyne.Key3: tabDirectory, fyne.Key4: tabSettings, fyne.Key1: tabBeranda} {
		press(u.win, key)
		if got := u.tabs.SelectedIndex(); got != tab {
			t.Errorf("Ctrl+%s shows tab %d, want %d", key, got, tab)
		}
	}
	l.drain()
	press(u.win, fyne.KeyF)
	if u.tabs.SelectedIndex() != tabList || u.win.Canvas().Focused() != u.list.search {
		t.Error("Ctrl+F does not put the cursor in the register's search box")
	}
	// From inside the search box the shortcuts still reach the window.
	u.list.search.TypedShortcut(ctrl(fyne.Key4))
	if u.tabs.SelectedIndex() != tabSettings {
		t.Error("Ctrl+4 typed in the search box did not switch to Pengaturan")
	}
}

func TestCtrlWNeverClosesTheMainWindow(t *testing.T) {
	u, _, e := draftEditor(t)
	press(u.win, fyne.KeyW)
	if !hasWindow(u.app, u.win) {
		t.Fatal("Ctrl+W closed the main window")
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Ctrl+W on the main window asked something")
	}
	if len(u.editors) != 1 {
		t.Error("Ctrl+W on the main window closed an editor")
	}
	// Ctrl+W in the editor closes the editor, and only it.
	press(e.Window(), fyne.KeyW)
	if len(u.editors) != 0 || !hasWindow(u.app, u.win) {
		t.Errorf("Ctrl+W in the editor: %d editors left, main window open %v", len(u.editors), hasWindow(u.app, u.win))
	}
}

func TestCtrlQAsksAboutUnsavedEditorsThenQuits(t *testing.T) {
	u, _, e := draftEditor(t)
	retype(e.Window(), editorField(t, e, "Tempat penandatanganan"), "Jatinangor")
	press(u.win, fyne.KeyQ)
	buttons := dialogButtons(t, u.win, "Ctrl+Q did not ask about the unsaved editor")
	if !hasWindow(u.app, u.win) {
		t.Fatal("quit before answering")
	}
	test.Tap(buttons["Keluar tanpa menyimpan"])
	if hasWindow(u.app, u.win) || len(u.editors) != 0 {
		t.Error("Keluar tanpa menyimpan left windows open")
	}
}

func TestAboutListsVersionDataFileAndLicences(t *testing.T) {
	u, _, _ := withExamples(t)
	u.DataPath = filepath.Join(t.TempDir(), "sepakat.db")
	about := menuItem(t, u, "Bantuan", "Tentang Sepakat")
	about.Action()
	top := u.win.Canvas().Overlays().Top()
	if top == nil || u.about == nil {
		t.Fatal("Tentang shows no dialog")
	}
	shown := texts(top)
	for _, want := range []string{"Versi", "dev", "Berkas data", u.DataPath} {
		if !slices.Contains(shown, want) {
			t.Errorf("Tentang does not show %q: %q", want, shown)
		}
	}
	terms := map[string]string{}
	for _, l := range u.about.licences {
		if l.Terms == "" || len(l.Text) < 200 {
			t.Errorf("%s: terms %q, %d characters of text", l.Name, l.Terms, len(l.Text))
		}
		terms[strings.Fields(l.Name)[0]] = l.Terms
	}
	for name, want := range map[string]string{
		"Huruf":                            "SIL Open Font License 1.1",
		"Daftar kata dasar":                "GNU LGPL 3",
		"Daftar wilayah":                   "Open Database License 1.0",
		"fyne.io/fyne/v2":                  "BSD 3-Clause",
		"go.etcd.io/bbolt":                 "MIT",
		"github.com/jung-kurt/gofpdf":      "MIT",
		"github.com/boombuler/barcode":     "MIT",
		"Go":                               "BSD 3-Clause",
		"git.sr.ht/~jackmordaunt/go-toast": "Unlicense / MIT",
		"github.com/go-text/typesetting":   "Unlicense / BSD 3-Clause",
	} {
		found := false
		for _, l := range u.about.licences {
			if strings.HasPrefix(l.Name, name) && l.Terms == want {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s under %s in %v", name, want, terms)
		}
	}
	// Choosing a licence shows its whole text.
	for i, l := range u.about.licences {
		if strings.HasPrefix(l.Name, "Daftar wilayah") {
			u.about.list.Select(i)
		}
	}
	if !strings.Contains(u.about.text.Text, "Open Database License") {
		t.Errorf("the ODbL's text is not shown: %.80q", u.about.text.Text)
	}
}

// TestEveryModuleHasItsLicence checks that each module the program requires
// directly has its licence among Tentang's.
func TestEveryModuleHasItsLicence(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	_, block, _ := strings.Cut(string(mod), "require (")
	block, _, _ = strings.Cut(block, ")")
	var names []string
	for _, l := range licences() {
		names = append(names, strings.Fields(l.Name)[0])
	}
	n := 0
	for _, line := range strings.Split(block, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		n++
		if !slices.Contains(names, f[0]) {
			t.Errorf("%s has no licence in Tentang", f[0])
		}
	}
	if n < 4 {
		t.Fatalf("read %d modules from go.mod", n)
	}
}

// menuItem is the main menu's item labelled label under menu.
func menuItem(t *testing.T, u *App, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == menu && it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no %s → %s", menu, label)
	return nil
}

func TestGuideOpensWithF1InTheAppsLanguage(t *testing.T) {
	if !strings.Contains(guideText(i18n.ID), "## 1. Mengatur kantor kita") || !strings.Contains(guideText(i18n.EN), "## 1. Setting up our office") {
		t.Fatal("the guides lack their first section")
	}
	for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
		g := guideText(l)
		for _, section := range []string{"## 2.", "## 3.", "## 4.", "## 5.", "## 6.", "## 7."} {
			if !strings.Contains(g, section) {
				t.Errorf("%s guide lacks section %s", l, section)
			}
		}
	}
	u, _, _ := withExamples(t)
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF1})
	if u.guide == nil || !hasWindow(u.app, u.guide) {
		t.Fatal("F1 opened no guide")
	}
	var shown []string
	for _, o := range test.LaidOutObjects(u.guide.Content()) {
		if rt, ok := o.(*widget.RichText); ok {
			shown = append(shown, rt.String())
		}
	}
	if got := strings.Join(shown, "\n"); !strings.Contains(got, "Mengatur kantor kita") || !strings.Contains(got, "Mencadangkan") {
		t.Errorf("the guide shows %.200q", got)
	}
	// F1 again brings the same window forward; Ctrl+W closes it, not the main window.
	first := u.guide
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF1})
	if u.guide != first {
		t.Error("F1 opened a second guide")
	}
	press(first, fyne.KeyW)
	if u.guide != nil || hasWindow(u.app, first) {
		t.Fatal("Ctrl+W did not close the guide")
	}
	// F1 typed in the search box opens the guide too.
	u.tabs.SelectIndex(tabList)
	u.win.Canvas().Focus(u.list.search)
	u.list.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if u.guide == nil {
		t.Fatal("F1 in the search box opened no guide")
	}
	first = u.guide
	press(first, fyne.KeyW)
	if u.guide != nil || hasWindow(u.app, first) || !hasWindow(u.app, u.win) {
		t.Error("Ctrl+W in the guide did not close just the guide")
	}
}

func TestLanguageChoiceKeptForBothPrograms(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	u, _, _ := withExamples(t)
	s := u.settings
	if s.language.SelectedIndex() != 0 {
		t.Fatalf("with no choice kept the select shows %q, want Ikuti sistem", s.language.Selected)
	}
	choose(t, u.win, s.language, "English")
	if i18n.SavedChoice() != i18n.ChoiceEN || i18n.Preferred() != i18n.EN {
		t.Errorf("after choosing English: kept %q, preferred %q", i18n.SavedChoice(), i18n.Preferred())
	}
	if !s.languageNote.Visible() || !strings.Contains(s.languageNote.Text, "dibuka ulang") {
		t.Errorf("no word about the restart: %q", s.languageNote.Text)
	}
	// The next start shows the choice.
	if again := newSettings(nil); again.language.Selected != "English" {
		t.Errorf("the next Pengaturan shows %q", again.language.Selected)
	}
	choose(t, u.win, s.language, "Bahasa Indonesia")
	if i18n.SavedChoice() != i18n.ChoiceID {
		t.Errorf("kept %q after choosing Bahasa Indonesia", i18n.SavedChoice())
	}
}

func TestLanguageChoiceThatCannotBeSavedSaysWhy(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", blocker) // a file where the folder should be
	u, _, _ := withExamples(t)
	choose(t, u.win, u.settings.language, "English")
	note := u.settings.languageNote.Text
	// An error without words of its own gets the general message, the
	// system's text only on the "Rincian:" line below it.
	first, _, _ := strings.Cut(note, "\n")
	if !strings.HasPrefix(first, "Pilihan bahasa tidak tersimpan: ") || strings.Contains(first, "mkdir") || !strings.Contains(note, "Rincian:") {
		t.Errorf("note %q", note)
	}
}

func TestWindowSize(t *testing.T) {
	for _, c := range []struct {
		w, h          float64
		screenW, scrH int
		wantW, wantH  float32
	}{
		{0, 0, 0, 0, 1280, 680},            // first start, screen unknown
		{0, 0, 1366, 768, 1280, 680},       // fits 1366×768 with title bar and taskbar
		{1600, 1000, 1366, 768, 1366, 680}, // remembered on a bigger screen
		{900, 600, 1366, 768, 900, 600},    // remembered size kept
		{0, 0, 1024, 600, 1024, 512},
		{100, 100, 0, 0, 640, 400}, // never smaller than a usable window
	} {
		got := windowSize(c.w, c.h, c.screenW, c.scrH)
		if got.Width != c.wantW || got.Height != c.wantH {
			t.Errorf("%v×%v on %d×%d: %v, want %v×%v", c.w, c.h, c.screenW, c.scrH, got, c.wantW, c.wantH)
		}
	}
	a, s := newTestApp(t)
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	if size := u.win.Canvas().Size(); size.Width > 1280 || size.Height > 680 {
		t.Errorf("first window %v", size)
	}
}

type screenPlacement struct {
	fakePlacement
	w, h int
}

func (p *screenPlacement) ScreenSize() (int, int, bool) { return p.w, p.h, true }

func TestPlaceKeepsTheWindowOnTheScreen(t *testing.T) {
	a, s := newTestApp(t)
	a.Preferences().SetFloat(prefWindowWidth, 1900)
	a.Preferences().SetFloat(prefWindowHeight, 1000)
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	u.Placement = &screenPlacement{w: 1366, h: 768}
	u.Place()
	if size := u.win.Canvas().Size(); size.Width > 1366 || size.Height > 680 {
		t.Errorf("window %v on a 1366×768 screen", size)
	}
}

func TestPortablePreferencesRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "preferences.json")
	a := test.NewTempApp(t)
	p := a.Preferences()
	p.SetInt(prefLastTab, tabDirectory)
	p.SetFloat(prefWindowWidth, 1100)
	p.SetBool(prefWindowPlaced, true)
	p.SetString(prefLastDataFile, "/media/usb/data/rekan.db")
	if err := SavePrefs(p, path); err != nil {
		t.Fatal(err)
	}
	b := test.NewTempApp(t)
	q := b.Preferences()
	if err := LoadPrefs(q, path); err != nil {
		t.Fatal(err)
	}
	if q.Int(prefLastTab) != tabDirectory || q.Float(prefWindowWidth) != 1100 || !q.Bool(prefWindowPlaced) || q.String(prefLastDataFile) != "/media/usb/data/rekan.db" {
		t.Errorf("read back: tab %d width %v placed %v file %q", q.Int(prefLastTab), q.Float(prefWindowWidth), q.Bool(prefWindowPlaced), q.String(prefLastDataFile))
	}
	if err := LoadPrefs(q, filepath.Join(t.TempDir(), "none.json")); err != nil {
		t.Errorf("a missing file: %v", err)
	}
}

func TestOpenOtherDataFile(t *testing.T) {
	u, first, _ := draftEditor(t)
	u.DataPath = filepath.Join(t.TempDir(), "sepakat.db")
	otherPath := filepath.Join(t.TempDir(), "rekan.db")
	other, err := store.Open(otherPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	var asked []string
	u.OpenOther = func(path string) (service.Service, service.Printer, error) {
		asked = append(asked, path)
		switch path {
		case otherPath:
			return other, export.Printer{Src: other}, nil
		}
		return nil, nil, service.ErrAlreadyOpen
	}
	// The same file again: said, nothing reopened.
	u.openData(u.DataPath)
	if len(asked) != 0 || u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("opening the open file again went through")
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	// A file that cannot be opened: words, and the first data stays.
	for _, e := range u.editors {
		retype(e.Window(), editorField(t, e, "Tempat penandatanganan"), "Jatinangor")
	}
	u.openData(filepath.Join(t.TempDir(), "terkunci.db"))
	test.Tap(dialogButtons(t, u.win, "no question about the unsaved editor")["Buka tanpa menyimpan"])
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no words for a file that could not be opened")
	}
	shown := texts(top)
	if !slices.Contains(shown, "Data lain tidak dapat dibuka: Sepakat sudah terbuka di jendela lain. Tutup jendela itu dahulu, lalu coba lagi.") {
		t.Errorf("shown: %q", shown)
	}
	noGoError(t, shown, service.ErrAlreadyOpen)
	if u.svc != service.Service(first) || len(u.editors) != 0 {
		t.Errorf("after a failed open: svc changed %v, %d editors", u.svc != service.Service(first), len(u.editors))
	}
	top.Hide()
	u.win.Canvas().Overlays().Remove(top)
	// The colleague's file opens; the screens read it, the next start opens it.
	u.openData(otherPath)
	if u.svc != service.Service(other) || u.DataPath != otherPath {
		t.Fatal("the screens are not on the other file")
	}
	if n, _ := u.svc.Total(); n != 0 || !strings.HasPrefix(u.status.Text, "0 ") {
		t.Errorf("the other (empty) file shows %q", u.status.Text)
	}
	if got := u.app.Preferences().String(prefLastDataFile); got != otherPath {
		t.Errorf("remembered %q", got)
	}
	if LastDataFile(u.app) != otherPath {
		t.Error("LastDataFile does not offer it for the next start")
	}
	if err := os.Remove(otherPath); err != nil {
		t.Fatal(err)
	}
	if LastDataFile(u.app) != "" {
		t.Error("a vanished file is offered for the next start")
	}
}
