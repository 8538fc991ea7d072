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
	if r.code != 0 || !strings.Contains(r.stdout, "Status: Berlaku") || !strings.Contains(r.stdout, "4 Juli 2025 s.d. 3 Juli 2026, diubah dengan Adendum sampai 3 Juli 2027") {
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
