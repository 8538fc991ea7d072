package agreement

import (
	"testing"

	"sepakat/internal/i18n"
)

// A PKS may name perangkat daerah as its parties, two of one region among
// them; a KSB and a party that is not a regional government may not.
func TestPerangkatDaerahAsParties(t *testing.T) {
	dir := fixture()
	dir.officials[15] = Official{ID: 15, PartyID: 1, Name: "Ahmad Kominfo", Jabatan: "Kepala Dinas Komunikasi dan Informatika Kabupaten Sumedang", Role: RoleKepalaPD}
	dir.mandates[22] = Mandate{ID: 22, PartyID: 1, GrantorID: 10, GranteeID: 15, Number: "180/3", Date: NewDate(2025, 7, 1)}
	dir.mandates[23] = Mandate{ID: 23, PartyID: 1, GrantorID: 10, GranteeID: 12, Number: "180/4", Date: NewDate(2025, 7, 1)}
	pks := func() Agreement {
		a := ksb()
		a.Kind, a.ParentID = KindPKS, 30
		a.Parties = []AgreementParty{
			{PartyID: 1, Role: RolePihakPertama, Own: true, SignerID: 15, MandateID: 22, Unit: "Dinas Komunikasi dan Informatika Kabupaten Sumedang"},
			{PartyID: 1, Role: RolePihakKedua, SignerID: 12, MandateID: 23, Unit: "Dinas Penanaman Modal dan PTSP Kabupaten Sumedang"},
		}
		return a
	}
	a := pks()
	if es := a.Validate(dir); len(es) > 0 {
		t.Fatalf("two dinas of Sumedang: %v", es)
	}
	for _, c := range []struct {
		name, field, code, id string
		edit                  func(a *Agreement)
	}{
		{"the same dinas twice", "parties[1].party_id", "duplicate_party", "Pihak yang sama tercantum dua kali.",
			func(a *Agreement) { a.Parties[1].Unit = " dinas komunikasi dan informatika  kabupaten sumedang" }},
		{"the government and no dinas twice", "parties[1].party_id", "duplicate_party", "Pihak yang sama tercantum dua kali.",
			func(a *Agreement) { a.Parties[0].Unit, a.Parties[1].Unit = "", "" }},
		{"a KSB of dinas", "parties[0].unit", "unit_level", "Kesepakatan Bersama ditandatangani kepala daerah atas nama pemerintah daerah; perangkat daerah tidak menjadi pihaknya. Kosongkan perangkat daerah.",
			func(a *Agreement) { a.Kind, a.ParentID = KindKSB, 0 }},
		{"a dinas of a company", "parties[1].unit", "unit_region", "Perangkat daerah hanya dapat menjadi pihak atas nama pemerintah daerahnya: pilih pemerintah daerah sebagai instansi.",
			func(a *Agreement) {
				a.Parties[1] = AgreementParty{PartyID: 3, Role: RolePihakKedua, SignerID: 14, Unit: "Divisi Umum"}
			}},
	} {
		a := pks()
		c.edit(&a)
		es := a.Validate(dir).For(c.field)
		found := false
		for _, e := range es {
			if e.Code == c.code {
				found = true
				if e.Message(i18n.ID) != c.id || e.Message(i18n.EN) == c.id {
					t.Errorf("%s: %q / %q", c.name, e.Message(i18n.ID), e.Message(i18n.EN))
				}
			}
		}
		if !found {
			t.Errorf("%s: want %s at %s, got %v", c.name, c.code, c.field, a.Validate(dir))
		}
	}
}
