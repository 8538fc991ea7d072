package store

import (
	"path/filepath"
	"testing"
	"time"

	"sepakat/internal/agreement"
)

// clock is a settable test clock that moves one second per reading.
type clock struct{ t time.Time }

func (c *clock) now() time.Time {
	c.t = c.t.Add(time.Second)
	return c.t
}

func newClock() *clock {
	return &clock{t: time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC)}
}

// openTemp opens a fresh store in t.TempDir and checks and closes it on cleanup.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sepakat.db")
	s := openAt(t, path)
	return s, path
}

func openAt(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(path, Options{Now: newClock().now, User: "staf1"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if s.closed {
			return
		}
		if err := s.Check(); err != nil {
			t.Errorf("bbolt check: %v", err)
		}
		s.Close()
	})
	return s
}

// world is a small set of parties and officials: Sumedang (own), Lampung Selatan.
type world struct {
	sumedang, lamsel    agreement.Party
	bupatiSmd, bupatiLs agreement.Official
	kadisSmd, kadisLs   agreement.Official
	kuasaSmd, kuasaLs   agreement.Mandate
}

func mustSave(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func seedWorld(t testing.TB, s *Store) *world {
	t.Helper()
	w := &world{}
	w.sumedang = agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Sumedang", ShortName: "Pemkab Sumedang",
		RegionCode: "32.11", ProvinceCode: "32", Seat: "Sumedang", Own: true,
		Numbering: &agreement.NumberingScheme{Template: "{nomor}/{jenis}.{klasifikasi}-{unit}/{tahun}", Classification: "05", UnitCode: "Huk",
			KindCodes: map[agreement.Kind]string{agreement.KindKSB: "MoU", agreement.KindPKS: "PKS"}}}
	w.lamsel = agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Lampung Selatan", ShortName: "Pemkab Lampung Selatan",
		RegionCode: "18.01", ProvinceCode: "18", Seat: "Kalianda"}
	mustSave(t, s.SaveParty(&w.sumedang))
	mustSave(t, s.SaveParty(&w.lamsel))
	from := agreement.NewDate(2025, 2, 20)
	w.bupatiSmd = agreement.Official{PartyID: w.sumedang.ID, Name: "Dony Ahmad Munir", Jabatan: "Bupati Sumedang", Role: agreement.RoleKepalaDaerah, Status: agreement.StatusDefinitif, From: from}
	w.bupatiLs = agreement.Official{PartyID: w.lamsel.ID, Name: "Radityo Egi Pratama", Jabatan: "Bupati Lampung Selatan", Role: agreement.RoleKepalaDaerah, Status: agreement.StatusDefinitif, From: from}
	w.kadisSmd = agreement.Official{PartyID: w.sumedang.ID, Name: "Kemal Idris", Jabatan: "Kepala DPMPTSP Kabupaten Sumedang", Role: agreement.RoleKepalaPD, NIP: "197001011990031001", Pangkat: "Pembina Utama Muda (IV/c)"}
	w.kadisLs = agreement.Official{PartyID: w.lamsel.ID, Name: "Rio Gismara", Jabatan: "Kepala DPMPTSP Kabupaten Lampung Selatan", Role: agreement.RoleKepalaPD, NIP: "197502022000031002"}
	for _, o := range []*agreement.Official{&w.bupatiSmd, &w.bupatiLs, &w.kadisSmd, &w.kadisLs} {
		mustSave(t, s.SaveOfficial(o))
	}
	w.kuasaSmd = agreement.Mandate{PartyID: w.sumedang.ID, GrantorID: w.bupatiSmd.ID, GranteeID: w.kadisSmd.ID, Number: "180/55/Huk/2025", Date: agreement.NewDate(2025, 7, 1)}
	w.kuasaLs = agreement.Mandate{PartyID: w.lamsel.ID, GrantorID: w.bupatiLs.ID, GranteeID: w.kadisLs.ID, Number: "180/12/IV.02/2025", Date: agreement.NewDate(2025, 7, 1)}
	mustSave(t, s.SaveMandate(&w.kuasaSmd))
	mustSave(t, s.SaveMandate(&w.kuasaLs))
	return w
}

func (w *world) ksb(subject string) agreement.Agreement {
	return agreement.Agreement{
		Kind: agreement.KindKSB, Category: agreement.CatKSDD, Subject: subject, Status: agreement.StatusKonsep,
		Parties: []agreement.AgreementParty{
			{PartyID: w.lamsel.ID, Role: agreement.RolePihakPertama, Number: "03/MoU/TKKSD-LS/1.04/VII/2025", SignerID: w.bupatiLs.ID},
			{PartyID: w.sumedang.ID, Role: agreement.RolePihakKedua, Own: true, Number: "119/MoU.05-Huk/2025", SignerID: w.bupatiSmd.ID},
		},
		Term:   agreement.Term{Length: 5, Unit: agreement.UnitTahun, Start: agreement.NewDate(2025, 7, 4), End: agreement.NewDate(2030, 7, 3), Extendable: true},
		Copies: 2,
		Body: []agreement.Node{
			{Kind: agreement.NodePasal, Heading: "MAKSUD DAN TUJUAN", Text: "Kesepakatan Bersama ini dimaksudkan sebagai pedoman bagi PARA PIHAK."},
			{Kind: agreement.NodePasal, Heading: "JANGKA WAKTU", Text: "Kesepakatan Bersama ini berlaku untuk jangka waktu 5 (lima) tahun."},
		},
	}
}

// sign moves a through the life cycle to Ditandatangani.
func sign(t testing.TB, s *Store, a *agreement.Agreement) {
	t.Helper()
	for _, st := range []agreement.Status{agreement.StatusTelaah, agreement.StatusSiapTTD} {
		a.Status = st
		mustSave(t, s.SaveAgreement(a))
	}
	a.Status = agreement.StatusDitandatangani
	a.Signing = &agreement.Signing{Date: agreement.NewDate(2025, 7, 4), Place: "Sumedang", Venue: "Gedung Command Center", Copies: 2, Meterai: 2}
	mustSave(t, s.SaveAgreement(a))
}
