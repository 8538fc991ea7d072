package servicetest

import (
	"slices"
	"sync"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// testTogether: records saved Together are stored all at once, each with its
// history and the registry notices, or none of them when one save fails;
// a save in it sees the records saved before it.
func testTogether(t *testing.T, c Config) {
	s := fresh(t, c)
	w := SeedWorld(t, s)
	var mu sync.Mutex
	var notices []service.Change
	cancel := s.Subscribe(func(ch service.Change) {
		mu.Lock()
		notices = append(notices, ch)
		mu.Unlock()
	})
	defer cancel()
	parties, err := s.Parties()
	must(t, err)
	officials, err := s.Officials()
	must(t, err)

	// The agreement fails (a category for third parties with a region): the
	// region and its Bupati saved before it in the same write are not kept.
	bundle := func(cat agreement.Category) (*agreement.Party, *agreement.Official, *agreement.Agreement, error) {
		p := &agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Garut", RegionCode: "32.05", ProvinceCode: "32", Seat: "Garut"}
		o := &agreement.Official{Name: "Abdusy Syakur Amin", Jabatan: "Bupati Garut", Role: agreement.RoleKepalaDaerah, Status: agreement.StatusDefinitif}
		a := w.KSB("Pengembangan Agrowisata")
		a.Category = cat
		err := s.Together(func(sv service.Saver) error {
			if err := sv.SaveParty(p); err != nil {
				return err
			}
			o.PartyID = p.ID
			if err := sv.SaveOfficial(o); err != nil {
				return err
			}
			a.Parties[0] = agreement.AgreementParty{PartyID: p.ID, Role: agreement.RolePihakPertama, SignerID: o.ID}
			return sv.SaveAgreement(&a)
		})
		return p, o, &a, err
	}
	p, o, a, err := bundle(agreement.CatKSDPK)
	if es := fieldErrors(t, err); len(es.For("category")) == 0 {
		t.Fatalf("a misfit agreement saved together: %v", es)
	}
	if after, _ := s.Parties(); len(after) != len(parties) {
		t.Errorf("%d parties after a failed write, were %d", len(after), len(parties))
	}
	if after, _ := s.Officials(); len(after) != len(officials) {
		t.Errorf("%d officials after a failed write, were %d", len(after), len(officials))
	}
	if total, _ := s.Total(); total != 0 || p.ID != 0 || o.ID != 0 || a.ID != 0 || p.Rev != 0 {
		t.Errorf("a failed write left %d agreements, IDs %d %d %d", total, p.ID, o.ID, a.ID)
	}
	mu.Lock()
	if len(notices) != 0 {
		t.Errorf("notices of a failed write: %v", notices)
	}
	mu.Unlock()

	// The same with the category right: all three, each with its history.
	p, o, a, err = bundle(agreement.CatKSDD)
	must(t, err)
	if p.ID == 0 || o.ID == 0 || a.ID == 0 || a.Rev != 1 || o.PartyID != p.ID {
		t.Fatalf("saved together: party %d, official %d (of %d), agreement %d rev %d", p.ID, o.ID, o.PartyID, a.ID, a.Rev)
	}
	got, err := s.Agreement(a.ID)
	must(t, err)
	if got.Parties[0].PartyID != p.ID || got.Parties[0].SignerID != o.ID {
		t.Errorf("stored parties %+v", got.Parties)
	}
	if stored, err := s.Official(o.ID); err != nil || stored.Name != o.Name {
		t.Errorf("official %d: %+v, %v", o.ID, stored, err)
	}
	if h, err := s.AgreementHistory(a.ID); err != nil || len(h) != 1 {
		t.Errorf("history of the agreement: %d entries, %v", len(h), err)
	}
	mu.Lock()
	want := []service.Change{{Registry: service.RegistryParties, ID: p.ID}, {Registry: service.RegistryOfficials, ID: o.ID}}
	for _, n := range want {
		if !slices.Contains(notices, n) {
			t.Errorf("no notice %+v among %v", n, notices)
		}
	}
	mu.Unlock()
}
