package servicetest

import (
	"errors"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

func testDirectory(t *testing.T, c Config) {
	t.Run("RoundTripsAndLists", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		p, err := s.Party(w.Lamsel.ID)
		if err != nil || p.Name != w.Lamsel.Name || p.Rev != 1 || p.Seat != "Kalianda" {
			t.Fatalf("party read back: %+v %v", p, err)
		}
		own, _ := s.Party(w.Sumedang.ID)
		if own.Numbering == nil || own.Numbering.KindCodes[agreement.KindPKS] != "PKS" || !own.Own {
			t.Errorf("numbering scheme read back: %+v", own.Numbering)
		}
		o, err := s.Official(w.KadisSmd.ID)
		if err != nil || o.NIP != "197001011990031001" || o.PartyID != w.Sumedang.ID {
			t.Errorf("official read back: %+v %v", o, err)
		}
		m, err := s.Mandate(w.KuasaLs.ID)
		if err != nil || m.Number != "180/12/IV.02/2025" || m.GranteeID != w.KadisLs.ID {
			t.Errorf("mandate read back: %+v %v", m, err)
		}
		parties, err := s.Parties()
		if err != nil || len(parties) != 2 || parties[0].ID != w.Sumedang.ID || parties[1].ID != w.Lamsel.ID {
			t.Errorf("parties in ID order: %+v %v", parties, err)
		}
		officials, err := s.Officials()
		if err != nil || len(officials) != 4 {
			t.Errorf("officials: %d %v", len(officials), err)
		}
		for i := 1; i < len(officials); i++ {
			if officials[i].ID <= officials[i-1].ID {
				t.Errorf("officials not in ID order: %d after %d", officials[i].ID, officials[i-1].ID)
			}
		}
		mandates, err := s.Mandates()
		if err != nil || len(mandates) != 2 || mandates[0].ID != w.KuasaSmd.ID {
			t.Errorf("mandates: %+v %v", mandates, err)
		}
		if _, err := s.Party(999); !errors.Is(err, service.ErrNotFound) {
			t.Errorf("missing party: %v", err)
		}
		if _, err := s.Official(999); !errors.Is(err, service.ErrNotFound) {
			t.Errorf("missing official: %v", err)
		}
		if _, err := s.Mandate(999); !errors.Is(err, service.ErrNotFound) {
			t.Errorf("missing mandate: %v", err)
		}
	})

	t.Run("EmptyLists", func(t *testing.T) {
		s := fresh(t, c)
		for name, n := range map[string]func() (int, error){
			"parties":   func() (int, error) { l, err := s.Parties(); return len(l), err },
			"officials": func() (int, error) { l, err := s.Officials(); return len(l), err },
			"mandates":  func() (int, error) { l, err := s.Mandates(); return len(l), err },
		} {
			if got, err := n(); got != 0 || err != nil {
				t.Errorf("%s of an empty instance: %d, %v", name, got, err)
			}
		}
	})

	t.Run("ConflictAndValidation", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		stale := w.Lamsel
		w.Lamsel.Seat = "Kalianda Baru"
		must(t, s.SaveParty(&w.Lamsel))
		stale.Seat = "Lain"
		if err := s.SaveParty(&stale); !errors.Is(err, service.ErrConflict) {
			t.Errorf("stale party save: %v", err)
		}
		bad := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Entah", RegionCode: "99.99"}
		es := fieldErrors(t, s.SaveParty(&bad))
		if bad.ID != 0 || len(es) == 0 {
			t.Errorf("party with an unknown region: %v, id %d", es, bad.ID)
		}
		if list, _ := s.Parties(); len(list) != 2 {
			t.Errorf("%d parties after a refused save", len(list))
		}
		orphan := agreement.Official{PartyID: 999, Name: "Tanpa Instansi", Jabatan: "Kepala", Role: agreement.RoleKepalaPD}
		if es := fieldErrors(t, s.SaveOfficial(&orphan)); len(es.For("party_id")) == 0 {
			t.Errorf("official of a missing party: %v", es)
		}
		self := agreement.Mandate{PartyID: w.Sumedang.ID, GrantorID: w.BupatiSmd.ID, GranteeID: w.BupatiSmd.ID, Number: "1/2025", Date: agreement.NewDate(2025, 7, 1)}
		fieldErrors(t, s.SaveMandate(&self))
		if list, _ := s.Mandates(); len(list) != 2 {
			t.Errorf("%d mandates after a refused save", len(list))
		}
		missing := w.KadisLs
		missing.ID = 999
		if err := s.SaveOfficial(&missing); !errors.Is(err, service.ErrNotFound) {
			t.Errorf("saving a missing official: %v", err)
		}
	})

	t.Run("RenameReachesSummariesAndSearch", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		a := w.KSB("Kerja sama persampahan")
		must(t, s.SaveAgreement(&a))
		w.Lamsel.Name = "Pemerintah Kabupaten Lampung Selatan Raya"
		must(t, s.SaveParty(&w.Lamsel))
		sums, err := s.Summaries([]agreement.ID{a.ID})
		if err != nil || sums[0].Partners() != w.Lamsel.Name {
			t.Errorf("summary after the rename: %+v %v", sums, err)
		}
		p, _ := s.List(service.Query{Order: service.ByParty, Party: w.Lamsel.ID})
		if len(p.Items) != 1 || p.Items[0].Partners() != w.Lamsel.Name {
			t.Errorf("list after the rename: %+v", p.Items)
		}
		if got := searchIDs(t, s, "raya", agreement.Filter{}); len(got) != 1 || got[0] != a.ID {
			t.Errorf("new party name not found: %v", got)
		}
		w.BupatiLs.Name = "Hendra Wijayakusuma"
		must(t, s.SaveOfficial(&w.BupatiLs))
		if got := searchIDs(t, s, "wijayakusuma", agreement.Filter{}); len(got) != 1 {
			t.Errorf("new official name not found: %v", got)
		}
		if got := searchIDs(t, s, "radityo", agreement.Filter{}); len(got) != 0 {
			t.Errorf("old official name still found: %v", got)
		}
	})
}
