package editor

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// typeKeys types s into what has the keyboard in w, as the keyboard does.
func typeKeys(w fyne.Window, s string) {
	for _, r := range s {
		w.Canvas().Focused().TypedRune(r)
	}
}

// press sends a key to what has the keyboard in w.
func press(w fyne.Window, k fyne.KeyName) {
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k})
}

// addRegionByTyping adds a regional government as a party by typing into the
// region picker and pressing Enter; it returns the new party's row.
func addRegionByTyping(t *testing.T, e *Editor, typed, want string) int {
	t.Helper()
	p := e.parties
	n := len(p.rows)
	e.win.Canvas().Focus(p.region)
	typeKeys(e.win, typed)
	if got := p.region.Highlighted(); got != want {
		t.Fatalf("%q highlights %q, want %q", typed, got, want)
	}
	press(e.win, fyne.KeyReturn)
	if len(p.rows) != n+1 {
		t.Fatalf("Enter on %q: %d parties, want %d", typed, len(p.rows), n+1)
	}
	if got, _ := p.party(p.rows[n].PartyID); got.Name != want {
		t.Fatalf("added %q", got.Name)
	}
	return n
}

func TestEditorCreatesAnOfficialInPlaceAndSignsWithIt(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	retype(e.win, e.identity.subject, "Pertukaran Data Perizinan antara Tiga Daerah")
	e.tabs.SelectIndex(tabParties)
	p := e.parties
	k := addRegionByTyping(t, e, "kab garut", "Pemerintah Kabupaten Garut")
	if got := p.signerPicks[k].Options(); len(got) != 0 || p.signerPicks[k].SelectedIndex() != -1 {
		t.Fatalf("a new regency offers signers %q", got)
	}

	test.Tap(p.newOfficials[k])
	f := p.officialForm
	if f == nil || e.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Pejabat baru opened no form")
	}
	// In a PKS the signer may be a kepala dinas: neither role nor status is assumed.
	if f.Role.SelectedIndex() != -1 || f.Status.SelectedIndex() != -1 || f.Jabatan.Text != "" {
		t.Errorf("a PKS's Pejabat baru comes with role %q, status %q, jabatan %q", f.Role.Selected, f.Status.Selected, f.Jabatan.Text)
	}
	// Without a name the form says so beside the field and stays open.
	test.Tap(f.SaveButton())
	if f.Problem("name") == "" || e.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("nameless official: problem %q", f.Problem("name"))
	}
	test.Type(f.Front, "Dr. H.")
	test.Type(f.Name, "Rudy Gunawan")
	if f.Problem("role") == "" || f.Problem("status") == "" {
		t.Errorf("saved without role or status: problems %q, %q", f.Problem("role"), f.Problem("status"))
	}
	test.Type(f.Back, "S.H., M.P.")
	test.Type(f.Jabatan, "Bupati Garut")
	f.Role.SetSelected(kit.RoleLabels()[0]) // Kepala daerah
	f.Status.SetSelectedIndex(3)            // Pj.
	test.Tap(f.SaveButton())
	if top := e.win.Canvas().Overlays().Top(); top != nil {
		for _, o := range e.win.Canvas().Overlays().List() {
			t.Logf("overlay %T %v %v", o, o.Size(), o.Visible())
		}
		t.Fatalf("the form stays open (%T): %q %q", top, f.Problem(""), f.Problem("name"))
	}
	officials, _ := h.s.Officials()
	i := slices.IndexFunc(officials, func(o agreement.Official) bool { return o.FullName() == "Dr. H. Rudy Gunawan, S.H., M.P." })
	if i < 0 {
		t.Fatal("the official was not stored")
	}
	o := officials[i]
	if o.Status != agreement.StatusPj || o.PartyID != p.rows[k].PartyID || o.Role != agreement.RoleKepalaDaerah {
		t.Errorf("stored %+v", o)
	}
	if p.rows[k].SignerID != o.ID || p.signerPicks[k].Selected() != kit.OfficialLabel(o) {
		t.Fatalf("signer %d, picker shows %q", p.rows[k].SignerID, p.signerPicks[k].Selected())
	}
	// The change notice reads the registries again; the choice and the typed
	// subject stay.
	h.l.until("the notice", func() bool { return len(h.l.ch) == 0 })
	if p.signerPicks[k].Selected() != kit.OfficialLabel(o) || e.identity.subject.Text != "Pertukaran Data Perizinan antara Tiga Daerah" || !e.Dirty() {
		t.Fatalf("after the notice: signer %q, subject %q, dirty %v", p.signerPicks[k].Selected(), e.identity.subject.Text, e.Dirty())
	}
	if !e.Save() {
		t.Fatalf("not saved: %q", e.general.Text)
	}
	stored, _ := h.s.Agreement(e.a.ID)
	if stored.Parties[k].SignerID != o.ID || stored.Subject != "Pertukaran Data Perizinan antara Tiga Daerah" {
		t.Errorf("stored signer %d, subject %q", stored.Parties[k].SignerID, stored.Subject)
	}
}

func TestEditorCreatesAMandateInPlace(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	e.tabs.SelectIndex(tabParties)
	p := e.parties
	k := addRegionByTyping(t, e, "kota band", "Pemerintah Kota Banda Aceh")
	id := p.rows[k].PartyID
	wali := agreement.Official{PartyID: id, Name: "Illiza Sa'aduddin Djamal", Jabatan: "Wali Kota Banda Aceh", Role: agreement.RoleKepalaDaerah, Status: agreement.StatusDefinitif}
	kadis := agreement.Official{PartyID: id, Name: "Ir. Cut Meurah", Jabatan: "Kepala Dinas Komunikasi dan Informatika Kota Banda Aceh", Role: agreement.RoleKepalaPD, NIP: "197001011990032001"}
	if err := h.s.SaveOfficial(&wali); err != nil {
		t.Fatal(err)
	}
	if err := h.s.SaveOfficial(&kadis); err != nil {
		t.Fatal(err)
	}
	h.l.until("the officials in the signer list", func() bool { return len(p.signerPicks) > k && len(p.signerPicks[k].Options()) == 2 })

	// The signer by typing: a word of the name and one of the jabatan.
	e.win.Canvas().Focus(p.signerPicks[k])
	typeKeys(e.win, "cut kominfo")
	if p.signerPicks[k].PopUpShown() {
		t.Fatalf("cut kominfo offers %q", p.signerPicks[k].Matches())
	}
	for range len("kominfo") {
		press(e.win, fyne.KeyBackspace)
	}
	typeKeys(e.win, "kepala")
	press(e.win, fyne.KeyReturn)
	if p.rows[k].SignerID != kadis.ID {
		t.Fatalf("signer %d, want %d; text %q, options %q, focused %T", p.rows[k].SignerID, kadis.ID, p.signerPicks[k].Text, p.signerPicks[k].Options(), e.win.Canvas().Focused())
	}

	test.Tap(p.newMandates[k])
	f := p.mandateForm
	if f == nil || f.Grantee.Selected() != kit.OfficialLabel(kadis) || f.Grantor.Selected() != kit.OfficialLabel(wali) {
		t.Fatalf("mandate form: grantor %q, grantee %q", f.Grantor.Selected(), f.Grantee.Selected())
	}
	test.Type(f.Number, "800/123/Diskominfo/2025")
	test.Type(f.Date, "2/6/2025")
	test.Type(f.Scope, "menandatangani Perjanjian Kerja Sama tentang Pertukaran Data Perizinan Berusaha")
	test.Tap(f.SaveButton())
	if top := e.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("the form stays open: %q", f.Problem(""))
	}
	if p.rows[k].MandateID == 0 || !strings.Contains(p.mandatePicks[k].Selected(), "800/123/Diskominfo/2025") || p.rows[k].SignerID != kadis.ID {
		t.Fatalf("mandate %d, picker %q, signer %d", p.rows[k].MandateID, p.mandatePicks[k].Selected(), p.rows[k].SignerID)
	}
	m, err := h.s.Mandate(p.rows[k].MandateID)
	if err != nil || m.GrantorID != wali.ID || m.GranteeID != kadis.ID || m.Date != agreement.NewDate(2025, 6, 2) {
		t.Errorf("stored mandate %+v %v", m, err)
	}
}

// An official saved elsewhere (the directory, another editor) shows in an
// open editor's signer list without reopening it, and what was typed stays.
func TestOfficialSavedElsewhereShowsInAnOpenEditor(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	e.tabs.SelectIndex(tabParties)
	p := e.parties
	retype(e.win, e.identity.subject, "Subjek yang sedang diketik")
	own := slices.IndexFunc(p.rows, func(ap agreement.AgreementParty) bool { return ap.Own })
	before := len(p.signerPicks[own].Options())
	sekda := agreement.Official{PartyID: p.rows[own].PartyID, Name: "Tuti Ruswati", Jabatan: "Sekretaris Daerah Kabupaten Sumedang", Role: agreement.RoleSekda}
	if err := h.s.SaveOfficial(&sekda); err != nil {
		t.Fatal(err)
	}
	h.l.until("the new official in the signer list", func() bool {
		return slices.Contains(p.signerPicks[own].Options(), kit.OfficialLabel(sekda))
	})
	if got := len(p.signerPicks[own].Options()); got != before+1 {
		t.Errorf("signer list %d long, was %d", got, before)
	}
	if e.identity.subject.Text != "Subjek yang sedang diketik" || !e.Dirty() {
		t.Errorf("typed subject now %q, dirty %v", e.identity.subject.Text, e.Dirty())
	}
	// A closed editor hears no more.
	e.Close()
	other := agreement.Official{PartyID: p.rows[own].PartyID, Name: "Asep", Jabatan: "Asisten Pemerintahan", Role: agreement.RoleLain}
	if err := h.s.SaveOfficial(&other); err != nil {
		t.Fatal(err)
	}
	if len(h.l.ch) != 0 {
		t.Error("a closed editor was told of a change")
	}
}

// A registered instansi is added as a party by its short name and Enter.
func TestEditorAddsARegisteredPartyByTyping(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	e.tabs.SelectIndex(tabParties)
	p := e.parties
	n := len(p.rows)
	e.win.Canvas().Focus(p.pick)
	typeKeys(e.win, "lamtim")
	if got := p.pick.Matches(); len(got) != 1 || got[0] != "Pemerintah Kabupaten Lampung Timur" {
		t.Fatalf("lamtim offers %q", got)
	}
	press(e.win, fyne.KeyReturn)
	if len(p.rows) != n+1 || p.pick.Text != "" || !e.Dirty() {
		t.Fatalf("%d parties, field %q", len(p.rows), p.pick.Text)
	}
	if got, _ := p.party(p.rows[n].PartyID); got.Name != "Pemerintah Kabupaten Lampung Timur" {
		t.Errorf("added %q", got.Name)
	}
	// Our own office is not offered as a partner.
	for _, o := range p.pick.Options() {
		if o == "Pemerintah Kabupaten Sumedang" {
			t.Error("our office is offered as a partner")
		}
	}
}
