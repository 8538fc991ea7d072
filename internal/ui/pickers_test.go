package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// pickOption picks option in p as a person does with the keyboard: into the
// field, the old text deleted, the option's words typed, Down until it is
// highlighted, Enter.
func pickOption(t *testing.T, w fyne.Window, p *kit.Picker, option string) {
	t.Helper()
	c := w.Canvas()
	c.Focus(p)
	for range len([]rune(p.Text)) {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	for _, r := range option {
		c.Focused().TypedRune(r)
	}
	for range len(p.Matches()) {
		if p.Highlighted() == option {
			break
		}
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.Selected() != option {
		t.Fatalf("typed %q, picked %q", option, p.Selected())
	}
}

// signerOptions are the choices of every signer picker in an editor window's
// Para Pihak tab, as laid out now.
func signerOptions(w fyne.Window) [][]string {
	var out [][]string
	for _, o := range test.LaidOutObjects(w.Content()) {
		f, ok := o.(*widget.Form)
		if !ok {
			continue
		}
		for _, it := range f.Items {
			if it.Text != tr("Penandatangan") {
				continue
			}
			for _, c := range test.LaidOutObjects(it.Widget) {
				if p, ok := c.(*kit.Picker); ok {
					out = append(out, p.Options())
				}
			}
		}
	}
	return out
}

// An official saved under Instansi & Pejabat shows at once in the signer list
// of an editor already open, which keeps what was typed in it.
func TestOfficialSavedInTheDirectoryShowsInAnOpenEditor(t *testing.T) {
	u, s, l := withExamples(t)
	ksb, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	pks.Subject = "Pertukaran Data Perizinan Berusaha"
	if err := s.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}
	u.onOpen(pks.ID)
	e := u.editors[pks.ID]
	l.until("the editor's content", func() bool { _, empty := e.Window().Content().(*widget.Label); return !empty })
	place := editorField(t, e, tr("Tempat penandatanganan"))
	retype(e.Window(), place, "Jatinangor")
	for _, o := range test.LaidOutObjects(e.Window().Content()) {
		if tabs, ok := o.(*container.AppTabs); ok {
			tabs.SelectIndex(1) // Para Pihak
			break
		}
	}
	before := signerOptions(e.Window())
	if len(before) != 2 {
		t.Fatalf("%d signer pickers", len(before))
	}

	d := showDirectory(t, u, l)
	o := d.officials
	d.tabs.SelectIndex(1)
	test.Tap(o.md.newBtn)
	pickOption(t, u.win, o.party, "Pemerintah Kabupaten Sumedang")
	test.Type(o.name, "Tuti Ruswati, S.H., M.Si.")
	test.Type(o.jabatan, "Sekretaris Daerah Kabupaten Sumedang")
	o.role.SetSelected(tr("Sekretaris daerah"))
	o.status.SetSelected(tr("Definitif"))
	saveAndReload(t, d, l, o.md)
	if o.official.ID == 0 {
		t.Fatalf("not saved: %q", o.md.message.Text)
	}
	label := kit.OfficialLabel(o.official)
	l.until("the new official in the open editor", func() bool {
		for _, opts := range signerOptions(e.Window()) {
			if slices.Contains(opts, label) {
				return true
			}
		}
		return false
	})
	if got := place.Text; got != "Jatinangor" || !e.Dirty() {
		t.Errorf("the editor's place now %q, dirty %v", got, e.Dirty())
	}
}

// A party of the directory becomes a regional government by picking its region.
func TestDirectoryPartyTakesItsRegionByTyping(t *testing.T) {
	u, s, l := withExamples(t)
	d := showDirectory(t, u, l)
	p := d.parties
	test.Tap(p.md.newBtn)
	pickOption(t, u.win, p.region, "Pemerintah Kota Cimahi")
	if p.name.Text != "Pemerintah Kota Cimahi" || p.seat.Text != "Cimahi" || p.kind.Selected != tr("Pemerintah kota") {
		t.Fatalf("after the region: name %q, seat %q, kind %q", p.name.Text, p.seat.Text, p.kind.Selected)
	}
	saveAndReload(t, d, l, p.md)
	parties, _ := s.Parties()
	i := slices.IndexFunc(parties, func(x agreement.Party) bool { return x.Name == "Pemerintah Kota Cimahi" })
	if i < 0 || parties[i].RegionCode != "32.77" || parties[i].ProvinceCode != "32" || parties[i].Kind != agreement.PartyPemkot {
		t.Fatalf("stored %+v (%q)", parties, p.md.message.Text)
	}
	// The filter of the party list knows the short names.
	test.Type(p.search, "lamsel")
	if len(p.shown) != 1 || p.shown[0].Name != "Pemerintah Kabupaten Lampung Selatan" {
		t.Errorf("lamsel lists %d parties", len(p.shown))
	}
	p.search.SetText("")

	// Shown again, the party shows its region.
	test.Tap(p.md.newBtn)
	if p.region.Text != "" {
		t.Errorf("a new party shows region %q", p.region.Text)
	}
	p.show(parties[i])
	if p.region.Selected() != "Pemerintah Kota Cimahi" {
		t.Errorf("the saved party shows region %q", p.region.Selected())
	}
}
