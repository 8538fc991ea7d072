package editor

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
)

// A monev entry is recorded by typing and choosing, like a person; the
// report prints it on the office letterhead.
func TestEditorRecordsAMonevEntryAndPrintsTheReport(t *testing.T) {
	h := newHarness(t)
	e := h.open(2, nil) // the signed KSB
	e.tabs.SelectIndex(tabMonitoring)
	m := e.monitoring
	t.Logf("due: %q implementers %q", m.due.Text, e.a.Implementers)
	n := len(m.all())
	test.Type(m.date, "30/06/2026")
	test.Type(m.unit, "Dinas Komunikasi dan Informatika")
	test.Type(m.activity, "Evaluasi semester I pertukaran data")
	test.Type(m.planned, "Integrasi data perizinan dua kabupaten")
	test.Type(m.result, "Integrasi berjalan untuk 3 dari 4 layanan")
	test.Type(m.note, "Server daerah mitra sering mati")
	choose(t, e.Window(), m.score, "4")
	choose(t, e.Window(), m.rec, "Diperpanjang")
	test.Tap(m.add)
	if !m.problem.Visible() || m.problem.Text != "Tulis alasan rekomendasinya." || len(m.all()) != n {
		t.Fatalf("a recommendation without reasons: %q, %d entries", m.problem.Text, len(m.all()))
	}
	test.Type(m.reasons, "Manfaat nyata bagi pelayanan perizinan")
	test.Tap(m.add)
	if len(m.all()) != n+1 || !e.Dirty() || m.activity.Text != "" || m.rec.SelectedIndex() != -1 {
		t.Fatalf("entries %d, dirty %v, %q", len(m.all()), e.Dirty(), m.problem.Text)
	}
	test.Tap(e.saveBtn)
	a, _ := h.s.Agreement(2)
	got := a.Monitoring[len(a.Monitoring)-1]
	want := agreement.Monitoring{Date: agreement.NewDate(2026, 6, 30), Unit: "Dinas Komunikasi dan Informatika",
		Activity: "Evaluasi semester I pertukaran data", Planned: "Integrasi data perizinan dua kabupaten",
		Result: "Integrasi berjalan untuk 3 dari 4 layanan", Realised: true, Obstacles: "Server daerah mitra sering mati",
		Score: 4, Recommendation: agreement.RecPerpanjang, Reasons: "Manfaat nyata bagi pelayanan perizinan"}
	if len(a.Monitoring) != n+1 || got.Date != want.Date || got.Unit != want.Unit || got.Planned != want.Planned ||
		got.Result != want.Result || got.Score != 4 || got.Recommendation != agreement.RecPerpanjang || got.Reasons != want.Reasons {
		t.Fatalf("stored %+v", got)
	}
	if sums, _ := h.s.Summaries([]agreement.ID{2}); len(sums) != 1 || sums[0].Recommendation != agreement.RecPerpanjang {
		t.Errorf("the register does not carry the recommendation: %+v", sums)
	}

	// The report, written where the save dialog would, read back.
	path := filepath.Join(t.TempDir(), "monev.pdf")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	var outcome error
	done := false
	m.written = func(err error) { outcome, done = err, true }
	m.writeReport(w)
	h.l.until("the monev report", func() bool { return done })
	if outcome != nil {
		t.Fatal(outcome)
	}
	if dir := os.Getenv("SEPAKAT_SHOTS"); dir != "" { // to look at its pages
		data, _ := os.ReadFile(path)
		_ = os.WriteFile(filepath.Join(dir, "copies-monev.pdf"), data, 0o644)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils): %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, s := range []string{"LAPORAN MONITORING DAN EVALUASI KERJA SAMA DAERAH", a.Subject, "Monev Dinas Komunikasi dan Informatika",
		"Evaluasi semester I", "Server daerah mitra", "Diperpanjang: Manfaat nyata",
		"Rekomendasi terakhir", "30 Juni 2026", "Monev yang terlambat", "KEPALA BAGIAN KERJA SAMA,"} {
		if !strings.Contains(text, s) {
			t.Errorf("the report lacks %q:\n%s", s, out)
		}
	}
	if e.general.Text == "" || !strings.Contains(e.general.Text, "Laporan monev disimpan") {
		t.Errorf("says %q", e.general.Text)
	}
}
