package ui

import (
	"errors"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/store"
	"sepakat/internal/ui/kit"
)

// ourOfficials adds the officials of a paraf hierarki to our office (party 1
// of the examples) and returns them, Kabag Kerja Sama first.
func ourOfficials(t *testing.T, s *store.Store) []agreement.Official {
	t.Helper()
	var out []agreement.Official
	for _, o := range []agreement.Official{
		{PartyID: 1, Name: "Rina Marlina", BackTitle: "S.H.", Jabatan: "Kepala Bagian Kerja Sama", Role: agreement.RoleLain, From: agreement.NewDate(2024, 1, 2)},
		{PartyID: 1, Name: "Hendra Gunawan", BackTitle: "S.H., M.H.", Jabatan: "Kepala Bagian Hukum", Role: agreement.RoleLain, From: agreement.NewDate(2024, 1, 2)},
		{PartyID: 1, Name: "Asep Sudrajat", Jabatan: "Asisten Pemerintahan dan Kesejahteraan Rakyat", Role: agreement.RoleLain, From: agreement.NewDate(2024, 1, 2)},
		{PartyID: 1, Name: "Pensiunan", Jabatan: "Kepala Bagian Umum", Role: agreement.RoleLain, From: agreement.NewDate(2010, 1, 2), To: agreement.NewDate(2015, 1, 2)},
	} {
		if err := s.SaveOfficial(&o); err != nil {
			t.Fatal(err)
		}
		out = append(out, o)
	}
	return out
}

func TestSettingsChooseTheParafHierarkiFromOurOfficials(t *testing.T) {
	u, s, l := withExamples(t)
	ours := ourOfficials(t, s)
	st := u.settings
	read := 0
	st.loaded = func(err error) {
		if err != nil {
			t.Error(err)
		}
		read++
	}
	u.tabs.SelectIndex(tabSettings)
	l.until("the settings", func() bool { return read == 1 })
	pick := st.parafs.picks[0]
	// Our officials in office are offered; a partner's, a retired one and the
	// bupati, who signs, are not.
	for _, want := range []string{parafLabel(ours[0]), parafLabel(ours[1]), parafLabel(ours[2])} {
		if !slices.Contains(pick.Options, want) {
			t.Errorf("%q not offered: %q", want, pick.Options)
		}
	}
	for _, o := range pick.Options {
		if o == parafLabel(ours[3]) || o == "Bupati Lampung Selatan — Radityo Egi Pratama" || o == "Bupati Sumedang — Dony Ahmad Munir" {
			t.Errorf("offered %q", o)
		}
	}
	if pick.Selected != tr("(tanpa paraf)") || st.parafs.koordinasi.Checked {
		t.Fatalf("a new office has paraf: %q, koordinasi %v", pick.Selected, st.parafs.koordinasi.Checked)
	}
	choose(t, u.win, st.parafs.picks[0], parafLabel(ours[0]))
	choose(t, u.win, st.parafs.picks[1], parafLabel(ours[1]))
	choose(t, u.win, st.parafs.picks[2], parafLabel(ours[1])) // twice counts once
	test.Tap(st.parafs.koordinasi)
	test.Tap(st.saveBtn)
	if st.message.Importance != widget.SuccessImportance {
		t.Fatalf("save: %q", st.message.Text)
	}
	own := func() agreement.Party {
		parties, _ := s.Parties()
		for _, p := range parties {
			if p.Own {
				return p
			}
		}
		t.Fatal("no office")
		return agreement.Party{}
	}
	pg := own().Page
	if !slices.Equal(pg.ParafHierarki, []agreement.ID{ours[0].ID, ours[1].ID}) || !pg.ParafKoordinasi {
		t.Fatalf("stored paraf %v, koordinasi %v", pg.ParafHierarki, pg.ParafKoordinasi)
	}
	// Read again, the screen shows what is stored.
	st.reload()
	l.until("the settings again", func() bool { return read == 2 })
	if st.parafs.picks[0].Selected != parafLabel(ours[0]) || st.parafs.picks[1].Selected != parafLabel(ours[1]) ||
		st.parafs.picks[2].Selected != tr("(tanpa paraf)") || !st.parafs.koordinasi.Checked {
		t.Fatalf("shown again: %q %q %q %v", st.parafs.picks[0].Selected, st.parafs.picks[1].Selected, st.parafs.picks[2].Selected, st.parafs.koordinasi.Checked)
	}
	// A partner's official is refused at the field, in words, whatever the screen offered.
	p := own()
	p.Page.ParafHierarki = []agreement.ID{ours[0].ID, 2}
	err := s.SaveParty(&p)
	var es agreement.Errors
	if !errors.As(err, &es) || len(es.For("page.paraf_hierarki[1]")) == 0 {
		t.Fatalf("a partner's official in our paraf hierarki: %v", err)
	}
	if got := settingsProblems(es); got != tr("Paraf hierarki")+": "+es[0].Message(kit.Lang()) {
		t.Errorf("problem shown as %q", got)
	}
}
