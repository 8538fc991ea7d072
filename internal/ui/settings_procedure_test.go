package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/store"
	"sepakat/internal/ui/kit"
)

// ownProcedure reads the procedure kept on our office in s.
func ownProcedure(t *testing.T, s *store.Store) *agreement.Procedure {
	t.Helper()
	parties, err := s.Parties()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parties {
		if p.Own {
			return p.Procedure
		}
	}
	t.Fatal("no office of ours")
	return nil
}

func TestProcedureSettingsEditTheReviewersAndCounts(t *testing.T) {
	u, s, l := withExamples(t)
	st := u.settings
	read := false
	st.loaded = func(err error) { read = err == nil }
	u.tabs.SelectIndex(tabSettings)
	st.sections.SelectIndex(settingsProcedure)
	pr := st.procedure
	if !pr.saveBtn.Disabled() {
		t.Error("Simpan prosedur works before the settings show")
	}
	l.until("the settings", func() bool { return read })
	titles := func() []string {
		var out []string
		for _, r := range pr.rows {
			out = append(out, r.title.Text)
		}
		return out
	}
	if got := strings.Join(titles(), "|"); got != "Kepala Bagian Kerja Sama|Kepala Bagian Hukum|Asisten Pemerintahan|Sekretaris Daerah" {
		t.Fatalf("default reviewers shown: %s", got)
	}
	if pr.monev.Text != "2" || pr.days.Text != "30" || pr.maxYears.Text != "5" {
		t.Fatalf("default counts shown: %q %q %q", pr.monev.Text, pr.days.Text, pr.maxYears.Text)
	}
	if !pr.rows[0].up.Disabled() || !pr.rows[3].down.Disabled() || pr.rows[1].up.Disabled() {
		t.Error("the ends of the list can move past the end")
	}
	saved := func() bool {
		t.Helper()
		test.Tap(pr.saveBtn)
		if !pr.message.Visible() {
			t.Fatal("saving said nothing")
		}
		return pr.message.Importance == widget.SuccessImportance
	}
	retype := func(e *kit.Entry, text string) {
		e.SetText("")
		test.Type(e, text)
	}
	// Take out the Asisten, add the Inspektur (not required), move the Sekda up.
	test.Tap(pr.rows[2].remove)
	test.Tap(pr.addBtn)
	last := pr.rows[len(pr.rows)-1]
	test.Type(last.title, "Inspektur Daerah")
	test.Tap(last.required) // added as required; the Inspektur only advises
	test.Tap(pr.rows[2].up)
	if got := strings.Join(titles(), "|"); got != "Kepala Bagian Kerja Sama|Sekretaris Daerah|Kepala Bagian Hukum|Inspektur Daerah" {
		t.Fatalf("after the changes: %s", got)
	}
	retype(pr.monev, "empat")
	if saved() || !strings.Contains(pr.message.Text, `"empat"`) {
		t.Errorf("monev in words was saved: %q", pr.message.Text)
	}
	retype(pr.monev, "13")
	if saved() || !strings.Contains(pr.message.Text, tr("Monev per tahun anggaran")+": Di luar batas: isi antara 1 dan 12.") {
		t.Errorf("13 rounds a year were saved: %q", pr.message.Text)
	}
	retype(pr.monev, "4")
	retype(pr.rows[3].title, "sekretaris  daerah")
	if saved() || !strings.Contains(pr.message.Text, "Sekretaris Daerah tercantum lebih dari sekali") && !strings.Contains(pr.message.Text, "sekretaris daerah tercantum lebih dari sekali") {
		t.Errorf("a reviewer listed twice was saved: %q", pr.message.Text)
	}
	retype(pr.rows[3].title, "Inspektur Daerah")
	retype(pr.days, "45")
	retype(pr.maxYears, "10")
	if !saved() || pr.message.Text != tr("Prosedur tersimpan.") {
		t.Fatalf("save: %q", pr.message.Text)
	}
	got := ownProcedure(t, s)
	want := []agreement.Reviewer{{Title: "Kepala Bagian Kerja Sama", Required: true}, {Title: "Sekretaris Daerah", Required: true},
		{Title: "Kepala Bagian Hukum", Required: true}, {Title: "Inspektur Daerah"}}
	if got == nil || len(got.Reviewers) != len(want) || got.MonevPerYear != 4 || got.IncompleteAfterDays != 45 || got.MaxTermYears != 10 {
		t.Fatalf("stored procedure %+v", got)
	}
	for i, r := range want {
		if got.Reviewers[i] != r {
			t.Errorf("reviewer %d: %+v, want %+v", i, got.Reviewers[i], r)
		}
	}
	// Umum saves after it without a stale revision, and keeps the procedure.
	st.sections.SelectIndex(settingsGeneral)
	test.Tap(st.saveBtn)
	if st.message.Importance != widget.SuccessImportance {
		t.Fatalf("Umum after the procedure: %q", st.message.Text)
	}
	if p := ownProcedure(t, s); p == nil || p.MonevPerYear != 4 {
		t.Errorf("Umum lost the procedure: %+v", p)
	}
	// Shown again as saved.
	read = false
	st.reload()
	l.until("the settings again", func() bool { return read })
	if strings.Join(titles(), "|") != "Kepala Bagian Kerja Sama|Sekretaris Daerah|Kepala Bagian Hukum|Inspektur Daerah" || pr.rows[3].required.Checked || pr.days.Text != "45" {
		t.Errorf("shown after reading back: %v, %q", titles(), pr.days.Text)
	}
}
