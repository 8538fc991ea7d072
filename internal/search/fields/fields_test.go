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
