package fields

import (
	"strings"
	"testing"

	"sepakat/internal/agreement"
)

func TestTextGroups(t *testing.T) {
	dir := NewDirectory()
	dir.Parties[1] = agreement.Party{ID: 1, Name: "Pemerintah Kabupaten Sumedang", ShortName: "Pemkab Sumedang"}
	dir.Officials[2] = agreement.Official{ID: 2, Name: "Dony Ahmad Munir", Jabatan: "Bupati Sumedang"}
	a := &agreement.Agreement{
		Kind: agreement.KindKSB, Subject: "Reformasi Birokrasi", Tags: []string{"RB"},
		Parties: []agreement.AgreementParty{{PartyID: 1, Number: "119/MoU.05-Huk/2025", SignerID: 2},
			{PartyID: 99, Number: "03/MoU/LS/2025"}}, // a party not in the directory: its number still counts
		Notes: "Catatan telaah", Place: "Sumedang",
		Body: []agreement.Node{{Heading: "MAKSUD", Text: "pedoman", Children: []agreement.Node{{Text: "ayat kedua"}}}},
	}
	got := Text(dir, a)
	for _, s := range []string{"Reformasi Birokrasi", "RB", "Pemerintah Kabupaten Sumedang", "Pemkab Sumedang",
		"119/MoU.05-Huk/2025", "03/MoU/LS/2025", "Dony Ahmad Munir", "Bupati Sumedang", a.Kind.Title()} {
		if !strings.Contains(got[0], s+"\n") || strings.Contains(got[1], s+"\n") {
			t.Errorf("%q not in the weighted fields alone", s)
		}
	}
	for _, s := range []string{"Catatan telaah", "MAKSUD", "pedoman", "ayat kedua"} {
		if !strings.Contains(got[1], s+"\n") || strings.Contains(got[0], s+"\n") {
			t.Errorf("%q not in the body alone", s)
		}
	}
	if strings.Contains(got[0]+got[1], "\n\n") {
		t.Error("empty values make empty lines")
	}
}

// A PKS signed by kepala dinas under surat kuasa is indexed with the grantors'
// names, the holders', the mandates' numbers, the venue, the witnesses and the
// perangkat daerah with their initials.
func TestTextStory(t *testing.T) {
	dir := NewDirectory()
	dir.Officials[1] = agreement.Official{ID: 1, Name: "Dony Ahmad Munir", Jabatan: "Bupati Sumedang"}
	dir.Officials[4] = agreement.Official{ID: 4, Name: "Kemal Idris", Jabatan: "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Sumedang"}
	dir.Mandates[2] = agreement.Mandate{ID: 2, GrantorID: 1, GranteeID: 4, Number: "100.3.4/072/Huk/2025"}
	a := &agreement.Agreement{
		Kind: agreement.KindPKS, Subject: "Perizinan Berusaha",
		Parties:      []agreement.AgreementParty{{PartyID: 1, SignerID: 4, MandateID: 2, Number: "119/PKS.05-Huk/2025"}},
		Implementers: []string{"Badan Penanggulangan Bencana Daerah"},
		Signing: &agreement.Signing{Venue: "Gedung Negara",
			Signers:   []agreement.Signer{{Name: "Kemal Idris", MandateID: 2}},
			Witnesses: []agreement.Witness{{Name: "Tuti Ruswati", Jabatan: "Sekretaris Daerah"}}},
	}
	got := Text(dir, a)
	for _, s := range []string{"Dony Ahmad Munir", "Kemal Idris", "100.3.4/072/Huk/2025", "119/PKS.05-Huk/2025", "DPMPTSP PMPTSP", "Gedung Negara"} {
		if !strings.Contains(got[0], s+"\n") {
			t.Errorf("%q not in the weighted fields", s)
		}
	}
	for _, s := range []string{"Bupati Sumedang", "Tuti Ruswati", "Sekretaris Daerah", "BPBD"} {
		if !strings.Contains(got[1], s+"\n") {
			t.Errorf("%q not in the body", s)
		}
	}
	if n := strings.Count(got[0], "Dony Ahmad Munir\n"); n != 1 {
		t.Errorf("the grantor of one mandate named twice (by the party and the signer): %d", n)
	}
}

// A perangkat daerah standing as a party of a PKS is found by its name and
// its initials, in the weighted fields.
func TestTextPartyUnit(t *testing.T) {
	dir := NewDirectory()
	dir.Parties[1] = agreement.Party{ID: 1, Name: "Pemerintah Kabupaten Sumedang"}
	a := &agreement.Agreement{Kind: agreement.KindPKS, Subject: "Magang",
		Parties: []agreement.AgreementParty{{PartyID: 1, Unit: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"}}}
	got := Text(dir, a)[0]
	for _, s := range []string{"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu\n", "DPMPTSP"} {
		if !strings.Contains(got, s) {
			t.Errorf("%q not in the weighted fields:\n%s", s, got)
		}
	}
}
