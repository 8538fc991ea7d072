package cli

import (
	"strconv"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store"
)

// A PKS extended by a signed Adendum is in force until its new end, in
// "show" and in "list --ending".
func TestAdendumExtendsThePKSInTheTool(t *testing.T) {
	_, db := demoFile(t)
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pks, err := s.Agreement(3)
	if err != nil {
		t.Fatal(err)
	}
	ksb, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	add, err := agreement.NewChild(&pks, agreement.KindAdendum, pks.Created)
	if err != nil {
		t.Fatal(err)
	}
	add.Amends = &agreement.Amendment{Term: true, Length: 1, Unit: agreement.UnitTahun}
	add.Amends.Resolve(pks.EffectiveEnd())
	add.Body = []agreement.Node{{Kind: agreement.NodePasal, Text: "Jangka waktu {induk_singkat} diperpanjang sampai dengan tanggal 3 Juli 2027."}}
	for i := range add.Parties {
		add.Parties[i].SignerID, add.Parties[i].MandateID = ksb.Parties[i].SignerID, 0
	}
	if err := s.SaveAgreement(&add); err != nil {
		t.Fatal(err)
	}
	servicetest.Sign(t, s, &add, agreement.NewDate(2026, 6, 20))
	s.Close()

	r := run(t, i18n.ID, "--db", db, "show", "3")
	if r.code != 0 || !strings.Contains(r.stdout, "Status: Berlaku") || !strings.Contains(r.stdout, "4 Juli 2025 s.d. 3 Juli 2026, diubah dengan Adendum "+strconv.Itoa(int(add.ID))+" sampai 3 Juli 2027") {
		t.Errorf("show 3: %+v", r)
	}
	// The Adendum has no term of its own: it ends with the PKS.
	r = run(t, i18n.ID, "--db", db, "show", strconv.Itoa(int(add.ID)))
	if r.code != 0 || !strings.Contains(r.stdout, "Jangka waktu: berakhir bersama perjanjian induk, kini 3 Juli 2027") {
		t.Errorf("show %d: %+v", add.ID, r)
	}
	r = run(t, i18n.ID, "--db", db, "list", "--ending")
	found := false
	for _, line := range strings.Split(r.stdout, "\n") {
		if f := strings.Fields(line); len(f) > 2 && f[0] == "3" {
			found = f[2] == "Berlaku" && strings.HasSuffix(line, "3 Juli 2027")
		}
	}
	if r.code != 0 || !found {
		t.Errorf("list --ending: %+v", r)
	}
}

// A PKS extended by a Perpanjangan says so in "show", not "Adendum", and a
// signer acting in office keeps the Pj. of the office.
func TestShowNamesThePerpanjanganAndTheActingSigner(t *testing.T) {
	_, db := demoFile(t)
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pks, err := s.Agreement(3)
	if err != nil {
		t.Fatal(err)
	}
	ksb, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	var signer agreement.Official
	for _, ap := range pks.Parties {
		if !ap.Own && ap.SignerID != 0 {
			if signer, err = s.Official(ap.SignerID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if signer.ID == 0 {
		t.Fatalf("no partner signer in %+v", pks.Parties)
	}
	signer.Status = agreement.StatusPj
	if err := s.SaveOfficial(&signer); err != nil {
		t.Fatal(err)
	}
	ppj, err := agreement.NewChild(&pks, agreement.KindPerpanjangan, pks.Created)
	if err != nil {
		t.Fatal(err)
	}
	ppj.Body = []agreement.Node{{Kind: agreement.NodePasal, Text: "Jangka waktu {induk_singkat} diperpanjang selama 2 (dua) tahun."}}
	for i := range ppj.Parties {
		ppj.Parties[i].SignerID, ppj.Parties[i].MandateID = ksb.Parties[i].SignerID, 0
	}
	if err := s.SaveAgreement(&ppj); err != nil {
		t.Fatal(err)
	}
	servicetest.Sign(t, s, &ppj, agreement.NewDate(2026, 6, 20))
	s.Close()

	r := run(t, i18n.ID, "--db", db, "show", "3")
	want := "4 Juli 2025 s.d. 3 Juli 2026, diubah dengan Perpanjangan " + strconv.Itoa(int(ppj.ID)) + " sampai " + shortDate(ppj.Term.End)
	if r.code != 0 || !strings.Contains(r.stdout, want) {
		t.Errorf("show 3 lacks %q: %+v", want, r)
	}
	if !strings.Contains(r.stdout, ", Pj. "+signer.Jabatan+"\n") {
		t.Errorf("show 3 drops the Pj. of %q: %s", signer.Jabatan, r.stdout)
	}
}
