package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// A new KSB fills each regional government's signer with its one kepala
// daerah in office, and says so (QA 24); a PKS whose signer is not the head
// takes the one surat kuasa naming that signer.
func TestNewAgreementSuggestsTheSignersTheRegistriesLeaveNoDoubtAbout(t *testing.T) {
	h := newHarness(t)
	ksb, err := h.s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	fresh := agreement.Agreement{Kind: agreement.KindKSB, Status: agreement.StatusKonsep, Subject: "Pengembangan Pariwisata", Copies: 2}
	for _, ap := range ksb.Parties {
		ap.SignerID, ap.MandateID, ap.Number = 0, 0, ""
		fresh.Parties = append(fresh.Parties, ap)
	}
	if err := h.s.SaveAgreement(&fresh); err != nil {
		t.Fatal(err)
	}
	e := h.open(fresh.ID, nil)
	e.tabs.SelectIndex(tabParties)
	p := e.parties
	officials, _ := h.s.Officials()
	today := agreement.DateOf(fixedNow())
	for k, ap := range p.rows {
		var heads []agreement.Official
		for _, o := range officials {
			if o.PartyID == ap.PartyID && o.Role == agreement.RoleKepalaDaerah && o.InOffice(today) {
				heads = append(heads, o)
			}
		}
		if len(heads) != 1 {
			t.Fatalf("the examples give party %d %d heads in office", ap.PartyID, len(heads))
		}
		if ap.SignerID != heads[0].ID || p.signerPicks[k].SelectedIndex() < 0 {
			t.Errorf("party %d: signer %d, want its head %d", ap.PartyID, ap.SignerID, heads[0].ID)
		}
		if !strings.Contains(e.general.Text, heads[0].FullName()) {
			t.Errorf("the editor does not say %s was chosen: %q", heads[0].FullName(), e.general.Text)
		}
	}
	if !e.Dirty() {
		t.Error("the suggestion is not a change to save")
	}
	// A signer cleared on purpose stays cleared through the save.
	p.signerPicks[0].ClearSelected()
	if !e.Save() {
		t.Fatalf("not saved: %q", e.general.Text)
	}
	if p.rows[0].SignerID != 0 || e.Dirty() {
		t.Errorf("after the save the cleared signer is %d again, dirty %v", p.rows[0].SignerID, e.Dirty())
	}
	p.signerPicks[0].SetSelectedIndex(0)
	// Where only the head of region signs, Pejabat baru of a regional
	// government is its head, by context; the status is still chosen.
	for k, ap := range p.rows {
		if party, _ := p.party(ap.PartyID); party.Kind.IsRegion() && !ap.Own {
			test.Tap(p.newOfficials[k])
			f := p.officialForm
			if f.Role.Selected != kit.RoleLabels()[0] || f.Status.SelectedIndex() != -1 || !strings.HasPrefix(f.Jabatan.Text, "Bupati ") {
				t.Errorf("a KSB's Pejabat baru: role %q, status %q, jabatan %q", f.Role.Selected, f.Status.Selected, f.Jabatan.Text)
			}
			f.Hide()
			break
		}
	}

	// A PKS: a signer who is not the head takes the one mandate in force
	// naming them (the example's mandate to the Kepala DPMPTSP of Lampung
	// Selatan ran out in July 2025; a new one is given).
	old, err := h.s.Mandate(1)
	if err != nil {
		t.Fatal(err)
	}
	renewed := agreement.Mandate{PartyID: old.PartyID, GrantorID: old.GrantorID, GranteeID: old.GranteeID,
		Number: "100.3.4/200/XI.02/2026", Date: agreement.NewDate(2026, 11, 2), Scope: old.Scope}
	if err := h.s.SaveMandate(&renewed); err != nil {
		t.Fatal(err)
	}
	pks := h.draft(nil)
	pks.tabs.SelectIndex(tabParties)
	q := pks.parties
	grantee := officialOf(officials, old.GranteeID)
	for k := range q.rows {
		if q.rows[k].PartyID != old.PartyID {
			continue
		}
		q.signerPicks[k].SetSelected(kit.OfficialLabel(grantee))
		if q.rows[k].SignerID != grantee.ID || q.rows[k].MandateID != renewed.ID {
			t.Fatalf("signer %d: chosen mandate %d, want %d", q.rows[k].SignerID, q.rows[k].MandateID, renewed.ID)
		}
		if q.mandatePicks[k].Selected() == "" || !strings.Contains(pks.general.Text, renewed.Number) {
			t.Fatalf("the mandate picker shows %q; the editor says %q", q.mandatePicks[k].Selected(), pks.general.Text)
		}
		return
	}
	t.Fatal("no Lampung Selatan in the PKS")
}

func officialOf(all []agreement.Official, id agreement.ID) agreement.Official {
	for _, o := range all {
		if o.ID == id {
			return o
		}
	}
	return agreement.Official{}
}
