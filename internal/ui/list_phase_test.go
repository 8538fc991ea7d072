package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/store"
)

// The status filter offers the words of the Status column: choosing Berlaku
// lists the rows that say Berlaku, Berakhir those that say Berakhir, and
// "Ditandatangani (semua)" every signed one, whatever its phase.
func TestStatusFilterOffersThePhases(t *testing.T) {
	a := test.NewTempApp(t)
	if err := LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Check(context.Background()); err != nil {
			t.Error(err)
		}
		s.Close()
	})
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	// One example ends before today: the register says Berakhir for it.
	ended, err := s.Agreement(3)
	if err != nil {
		t.Fatal(err)
	}
	if ended.PhaseAt(fixedNow(), agreement.DefaultSoonDays) != agreement.PhaseBerakhir {
		ended.Term.End = agreement.DateOf(fixedNow()).AddDate(0, 0, -10)
		if err := s.SaveAgreement(&ended); err != nil {
			t.Fatal(err)
		}
	}
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	l := useLoop(t, u)
	u.Window().Show()
	u.Refresh()
	u.Window().Resize(fyne.NewSize(1280, 720))
	u.tabs.SelectIndex(tabList)
	r := u.list
	l.until("the filters' choices", func() bool { return len(r.choices.Partners) > 0 })
	shown := 0
	r.arranged = func() { shown++ }
	statuses := func(option string) []string {
		t.Helper()
		n := shown
		choose(t, u.win, r.statusSel, option)
		l.until("the list filtered by "+option, func() bool { return shown > n })
		rows, _ := r.size()
		var out []string
		for i := 0; i < rows; i++ {
			out = append(out, cellText(r, i, 5))
		}
		return out
	}
	for _, option := range []string{lang.L("Berlaku"), lang.L("Berakhir")} {
		got := statuses(option)
		if len(got) == 0 {
			t.Errorf("%s lists nothing", option)
		}
		for _, st := range got {
			if !strings.HasPrefix(st, option) {
				t.Errorf("%s lists a row that says %q", option, st)
			}
		}
	}
	if got := statuses(lang.L("Ditandatangani (semua)")); len(got) != 3 {
		t.Errorf("every signed one: %q", got)
	}
	if got := statuses(lang.L("Akan Berakhir")); len(got) != 0 {
		t.Errorf("ending soon: %q", got)
	}
	// The Beranda's tap on the signed ones chooses the same option.
	u.list.ShowFiltered(agreement.Filter{Status: agreement.StatusDitandatangani})
	if r.statusSel.Selected != lang.L("Ditandatangani (semua)") {
		t.Errorf("the Beranda's filter shows as %q", r.statusSel.Selected)
	}
	u.list.ShowFiltered(agreement.Filter{Phase: agreement.PhaseBerakhir})
	if r.statusSel.Selected != lang.L("Berakhir") {
		t.Errorf("a phase shows as %q", r.statusSel.Selected)
	}
}
