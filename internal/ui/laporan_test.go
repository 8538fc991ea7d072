package ui

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"sepakat/internal/agreement"
	"sepakat/internal/report"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// The Laporan screen: a year chosen and made, its tables shown with the
// agreements in force, a row opening its agreement, the PDF and the workbook
// saved and read back.
func TestLaporanMakesShowsAndSavesAReport(t *testing.T) {
	u, _, l := withExamples(t)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.tabs.SelectIndex(tabLaporan)
	lp := u.laporan
	var made *report.Report
	lp.built = func(r *report.Report, err error) {
		if err != nil {
			t.Fatal(err)
		}
		made = r
	}
	choose(t, u.Window(), lp.kind, lang.L("Tahun"))
	choose(t, u.Window(), lp.year, "2025")
	if !lp.savePDF.Disabled() {
		t.Error("Simpan PDF enabled before a report was made")
	}
	test.Tap(lp.makeBtn)
	l.until("the report", func() bool { return made != nil })
	if made.Period != report.Year(2025) || made.SignedTotal != 3 || len(made.InForce) != 3 {
		t.Fatalf("report %+v", made)
	}
	if lp.savePDF.Disabled() || lp.saveXLSX.Disabled() {
		t.Error("the save buttons stay disabled")
	}
	if !strings.Contains(lp.status.Text, "1 Januari 2025") && !strings.Contains(lp.status.Text, "1 January 2025") {
		t.Errorf("status %q", lp.status.Text)
	}
	tables := made.Tables(kit.Lang())
	if len(lp.tabs.Items) != len(tables) {
		t.Fatalf("%d tabs for %d tables", len(lp.tabs.Items), len(tables))
	}
	// The list of agreements in force: a tap on a row opens its agreement.
	last := len(tables) - 1
	lp.tabs.SelectIndex(last)
	var list *widget.List
	for _, o := range test.LaidOutObjects(lp.tabs.Items[last].Content) {
		if x, ok := o.(*widget.List); ok {
			list = x
		}
	}
	if list == nil {
		t.Fatalf("the in-force tab shows no list")
	}
	if n := list.Length(); n != 3 {
		t.Errorf("in-force list of %d rows", n)
	}
	var first []string
	for _, o := range test.LaidOutObjects(list) {
		if f, ok := o.(*kit.FitLabel); ok && f.Visible() && len(first) < 7 {
			first = append(first, f.Text())
		}
	}
	if len(first) != 7 || first[1] != string(made.InForce[0].Kind) || first[3] != made.InForce[0].Subject {
		t.Errorf("first row drawn %q, want %+v", first, made.InForce[0])
	}
	list.Select(0)
	if u.editors[made.InForce[0].ID] == nil {
		t.Error("selecting a row did not open the agreement")
	}

	dir := t.TempDir()
	for _, ext := range []string{".pdf", ".xlsx"} {
		path := filepath.Join(dir, lp.fileName(ext))
		if filepath.Base(path) != "Laporan-2025"+ext {
			t.Errorf("offered name %s", filepath.Base(path))
		}
		w, err := storage.Writer(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		var done bool
		lp.saveTo(w, ext, func(err error) {
			if err != nil {
				t.Error(err)
			}
			done = true
		})
		l.until("the saved "+ext, func() bool { return done })
	}
	out, err := exec.Command("pdftotext", filepath.Join(dir, "Laporan-2025.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`\s+`).ReplaceAllString(string(out), " ")
	for _, want := range []string{"PEMERINTAH KABUPATEN SUMEDANG", "LAPORAN KERJA SAMA DAERAH", "Periode 1 Januari 2025 s.d. 31 Desember 2025", "Daftar perjanjian yang berlaku"} {
		if !strings.Contains(text, want) {
			t.Errorf("the saved PDF lacks %q", want)
		}
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "Laporan-2025.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, err := f.GetRows("Berlaku")
	if err != nil || len(in) != 8 || in[5][3] != made.InForce[0].Subject {
		t.Errorf("workbook's in-force sheet %q %v", in, err)
	}
}

// A date range that is not one says so at the screen, and nothing is made.
func TestLaporanRefusesABadRange(t *testing.T) {
	u, _, l := withExamples(t)
	u.tabs.SelectIndex(tabLaporan)
	lp := u.laporan
	made := false
	lp.built = func(*report.Report, error) { made = true }
	choose(t, u.Window(), lp.kind, lang.L("Rentang tanggal"))
	if lp.from.Disabled() || !lp.year.Disabled() {
		t.Fatal("a date range leaves the dates off or the year on")
	}
	test.Type(lp.from, "31/12/2025")
	test.Type(lp.to, "01/01/2025")
	test.Tap(lp.makeBtn)
	l.drain()
	if made || lp.status.Text != lang.L("Tanggal awal periode harus sebelum tanggal akhirnya.") {
		t.Errorf("made %v, status %q", made, lp.status.Text)
	}
	lp.to.SetText("")
	test.Type(lp.to, "30/06/2026")
	test.Tap(lp.makeBtn)
	l.until("the report", func() bool { return made })
	if lp.rep.Period != (report.Period{From: agreement.NewDate(2025, 12, 31), To: agreement.NewDate(2026, 6, 30)}) {
		t.Errorf("period %+v", lp.rep.Period)
	}
	if got := lp.fileName(".pdf"); got != "Laporan-2025-12-31-2026-06-30.pdf" {
		t.Errorf("file name %s", got)
	}
}

// The Beranda draws the signed agreements per year and the status breakdown.
func TestBerandaCharts(t *testing.T) {
	u, _, l := withExamples(t)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.tabs.SelectIndex(tabBeranda)
	shown := false
	u.beranda.loaded = func(_ service.Dashboard, err error) { shown = err == nil }
	u.Start()
	l.until("the Beranda", func() bool { return shown })
	if !u.beranda.charts.Visible() {
		t.Fatal("no charts on the Beranda")
	}
	years := u.beranda.yearChart.data
	if !slices.Equal(years.Categories, []string{"2025"}) || years.total(0) != 3 {
		t.Fatalf("per-year chart %+v", years)
	}
	for _, s := range years.Series {
		if want := map[string]int{"KSB": 2, "PKS": 1}[s.Name]; s.Values[0] != want {
			t.Errorf("2025 %s: %d, want %d", s.Name, s.Values[0], want)
		}
	}
	st := u.beranda.statusChart.data
	if !st.Horizontal || len(st.Categories) != len(agreement.Statuses) || st.total(3) != 3 || st.total(0) != 0 {
		t.Errorf("status chart %+v", st)
	}
	// The bars are drawn: one rectangle per non-empty part, tallest for 2025's KSB.
	rects := 0
	for _, o := range test.LaidOutObjects(u.beranda.yearChart) {
		if o.Visible() && o.Size().Height > 20 {
			if _, ok := o.(*canvas.Rectangle); ok {
				rects++
			}
		}
	}
	if rects != 2 {
		t.Errorf("%d bars drawn for 2025", rects)
	}
}

// The days of a date range: shown only for "Rentang tanggal", read in the
// forms staff write, and a fault named with its field.
func TestLaporanDaysAsStaffWriteThem(t *testing.T) {
	u, _, l := withExamples(t)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.tabs.SelectIndex(tabLaporan)
	lp := u.laporan
	made := false
	lp.built = func(*report.Report, error) { made = true }
	for _, kind := range []string{lang.L("Tahun"), lang.L("Semester I"), lang.L("Semester II")} {
		choose(t, u.Window(), lp.kind, kind)
		if lp.dates.Visible() || !lp.year.Visible() {
			t.Errorf("%s: days shown %v, year shown %v", kind, lp.dates.Visible(), lp.year.Visible())
		}
	}
	choose(t, u.Window(), lp.kind, lang.L("Rentang tanggal"))
	if !lp.dates.Visible() || lp.year.Visible() {
		t.Fatalf("date range: days shown %v, year shown %v", lp.dates.Visible(), lp.year.Visible())
	}
	for _, c := range []struct{ from, to, want string }{
		{"31/02/2025", "30/06/2025", "Tanggal awal 31/02/2025 tidak ada."},
		{"01/01/2025", "31 Juni 2025", "Tanggal akhir 31 Juni 2025 tidak ada."},
		{"", "30/06/2025", "Tanggal awal periode belum ditulis, misalnya 01/01/2025 atau 1 Januari 2025."},
		{"awal tahun", "30/06/2025", `Tanggal awal "awal tahun" tidak terbaca sebagai tanggal: tulis misalnya 01/07/2025, 1 Juli 2025 atau 2025-07-01.`},
	} {
		lp.from.SetText("")
		lp.to.SetText("")
		test.Type(lp.from, c.from)
		test.Type(lp.to, c.to)
		test.Tap(lp.makeBtn)
		l.drain()
		if made || lp.status.Text != c.want || lp.status.Importance != widget.DangerImportance {
			t.Errorf("%q–%q: made %v, status %q", c.from, c.to, made, lp.status.Text)
		}
	}
	for _, c := range []struct {
		from, to string
		want     report.Period
	}{
		{"1 Juli 2025", "31-12-2025", report.Semester(2025, 2)},
		{"01-07-2025", "2025-12-31", report.Semester(2025, 2)},
		{"2019", "Juni 2025", report.Period{From: agreement.NewDate(2019, 1, 1), To: agreement.NewDate(2025, 6, 30)}},
	} {
		made = false
		lp.from.SetText("")
		lp.to.SetText("")
		test.Type(lp.from, c.from)
		test.Type(lp.to, c.to)
		test.Tap(lp.makeBtn)
		l.until("the report", func() bool { return made })
		if lp.rep.Period != c.want {
			t.Errorf("%q–%q: period %+v, want %+v", c.from, c.to, lp.rep.Period, c.want)
		}
	}
}
