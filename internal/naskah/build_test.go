package naskah

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/store"
)

// examples opens a store in t.TempDir with the three built-in examples.
func examples(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{Now: func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Check(context.Background()); err != nil {
			t.Error(err)
		}
		s.Close()
	})
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	return s
}

func library(t testing.TB) *Library {
	t.Helper()
	l, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestBuildSeedKSB(t *testing.T) {
	s := examples(t)
	a, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Build(&a, s, library(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text()
	for _, want := range []string{
		"KESEPAKATAN BERSAMA\nANTARA\nPEMERINTAH KABUPATEN LAMPUNG SELATAN\nDENGAN\nPEMERINTAH KABUPATEN SUMEDANG\nTENTANG\nBERBAGI INFORMASI DAN INOVASI DAERAH",
		"Pada hari ini Jumat tanggal empat bulan Juli tahun dua ribu dua puluh lima, bertempat di Gedung Command Center, Kompleks Pemerintahan Kabupaten Sumedang, yang bertanda tangan di bawah ini:",
		"I. RADITYO EGI PRATAMA, Bupati Lampung Selatan, dalam hal ini bertindak untuk dan atas nama Pemerintah Kabupaten Lampung Selatan",
		"selanjutnya disebut PIHAK PERTAMA.",
		"PIHAK PERTAMA dan PIHAK KEDUA selanjutnya secara bersama-sama disebut PARA PIHAK",
		"dalam rangkap 2 (dua) asli",
		"Pasal 1\nMAKSUD DAN TUJUAN",
		"NOMOR: 03/MoU/TKKSD-LS/1.04/VII/2025",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("document lacks %q", want)
		}
	}
	if strings.Contains(text, "{") {
		t.Errorf("placeholder left in print:\n%s", text)
	}
	parts := map[Part]int{}
	deepest := 0
	for _, p := range d.Paragraphs() {
		parts[p.Part]++
		deepest = max(deepest, p.Depth)
		if p.Part == PartSection && p.Text == "Pasal 1" && parts[PartTitle] != 7 {
			t.Errorf("Pasal 1 after %d title lines, want 7", parts[PartTitle])
		}
	}
	if parts[PartNumber] != 2 || parts[PartSigner] != 2 || parts[PartItem] == 0 || deepest == 0 {
		t.Errorf("paragraphs by part %v, deepest item %d", parts, deepest)
	}
	if len(d.Fingerprint()) != 12 || d.Code != "KSB-2" || d.Draft {
		t.Errorf("code %q fingerprint %q draft %v", d.Code, d.Fingerprint(), d.Draft)
	}
	if len(d.Signatures) != 2 || d.Signatures[0].Name != "RADITYO EGI PRATAMA" || d.Signatures[0].Right || !d.Signatures[1].Right || d.Signatures[0].NIP != "" {
		t.Errorf("signatures %+v", d.Signatures)
	}
}

func TestBuildPKSCitesKSBAndMandates(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	d, err := Build(&a, s, library(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text()
	ksb, _ := s.Agreement(2)
	for _, n := range ksb.Numbers() {
		if !strings.Contains(text, n) {
			t.Errorf("PKS does not cite KSB number %q", n)
		}
	}
	if !strings.Contains(text, "berdasarkan Surat Kuasa Bupati Lampung Selatan Nomor") {
		t.Errorf("komparisi lacks the mandate:\n%s", text)
	}
	var nip bool
	for _, sg := range d.Signatures {
		nip = nip || strings.HasPrefix(sg.NIP, "NIP. ")
	}
	if !nip {
		t.Error("ASN signer printed without NIP")
	}
}

func TestTermChangesEverySentence(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(2)
	lib := library(t)
	a.Body = lib.DefaultBody(agreement.KindKSB)
	a.Term.Length = 3
	a.Term.End = a.Term.EndFor(a.Term.Start)
	d, err := Build(&a, s, lib, Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text()
	if !strings.Contains(text, "3 (tiga) tahun") || strings.Contains(text, "5 (lima) tahun") {
		t.Errorf("term not carried into the text:\n%s", text)
	}
}

func TestUnresolvedPlaceholderIsNamed(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(2)
	a.Body = append(a.Body, agreement.Node{Kind: agreement.NodePasal, Heading: "LAIN", Text: "Nilai kerja sama {nilai_kontrak} rupiah."})
	_, err := Build(&a, s, library(t), Options{})
	var ue *UnresolvedError
	if !errors.As(err, &ue) || ue.Names[0] != "nilai_kontrak" || !strings.Contains(err.Error(), "Pasal 11") {
		t.Fatalf("%v", err)
	}
}

func TestDraftWithoutSignerOrDate(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(2)
	a.Status, a.Signing = agreement.StatusKonsep, nil
	a.Parties[0].SignerID = 0
	a.Parties[0].Number = ""
	a.Subject = "Uji 😀 emoji\x07 dan kendali"
	d, err := Build(&a, s, library(t), Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text()
	if !d.Draft || !strings.Contains(text, "Pada hari ini …") || !strings.Contains(text, "NOMOR: ……") {
		t.Errorf("draft rendering:\n%s", text)
	}
	if strings.Contains(text, "😀") || strings.Contains(text, "\x07") || !strings.Contains(text, "UJI EMOJI DAN KENDALI") {
		t.Errorf("subject not cleaned:\n%s", text)
	}
}

func TestPlaceholdersFollowRolesNotOrder(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	a.Body = library(t).DefaultBody(agreement.KindPKS)
	a.Parties[0].Role, a.Parties[1].Role = agreement.RolePihakKedua, agreement.RolePihakPertama
	d, err := Build(&a, s, library(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text()
	if !strings.Contains(text, "PIHAK PERTAMA adalah Pemerintah Kabupaten Sumedang") {
		t.Errorf("ketentuan umum does not follow the roles:\n%s", text)
	}
}
