package naskah

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/gen"
	"sepakat/internal/i18n"
	"sepakat/internal/wilayah"
)

// built is example id built as it prints.
func built(t *testing.T, id agreement.ID) (*Document, agreement.Agreement) {
	t.Helper()
	s := examples(t)
	a, err := s.Agreement(id)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Build(&a, s, library(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d, a
}

func messages(ps []Problem, ln i18n.Lang) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Message(ln))
	}
	return strings.Join(out, "\n")
}

// The three examples and a generated corpus, as built, have nothing to report.
func TestCheckPassesTheExamplesAndACorpus(t *testing.T) {
	s := examples(t)
	lib := library(t)
	for _, id := range []agreement.ID{1, 2, 3} {
		a, err := s.Agreement(id)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Build(&a, s, lib, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if ps := Check(d, &a); len(ps) > 0 {
			t.Errorf("example %d: %s", id, messages(ps, i18n.ID))
		}
	}
	regions, err := wilayah.Load()
	if err != nil {
		t.Fatal(err)
	}
	g := gen.New(gen.Options{Seed: 11, Now: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC), Offsets: dataset.Offsets{}}, regions)
	dir := g.Directory()
	src := memSource{agreements: map[agreement.ID]agreement.Agreement{}, parties: map[agreement.ID]agreement.Party{},
		officials: map[agreement.ID]agreement.Official{}, mandates: map[agreement.ID]agreement.Mandate{}}
	for _, p := range dir.Parties {
		src.parties[p.ID] = p
	}
	for _, o := range dir.Officials {
		src.officials[o.ID] = o
	}
	for _, m := range dir.Mandates {
		src.mandates[m.ID] = m
	}
	corpus := g.Agreements(0, 200)
	for _, a := range corpus {
		src.agreements[a.ID] = a
	}
	checked := 0
	for _, a := range corpus {
		if _, ok := lib.Templates[a.Kind]; !ok {
			continue
		}
		d, err := Build(&a, src, lib, Options{})
		if err != nil {
			continue // the corpus test reports these
		}
		checked++
		if ps := Check(d, &a); len(ps) > 0 {
			t.Errorf("generated %d (%s): %s", a.ID, a.Kind, messages(ps, i18n.ID))
		}
	}
	if checked < 100 {
		t.Fatalf("only %d generated documents checked", checked)
	}
}

// pasal makes a section of one paragraph.
func pasal(n int, heading, text string, ayat ...string) Section {
	s := Section{Kind: SectionPasal, Label: fmt.Sprintf("Pasal %d", n), Heading: heading, Intro: P(text)}
	for i, a := range ayat {
		s.Items = append(s.Items, Item{Label: fmt.Sprintf("(%d)", i+1), Text: P(a)})
	}
	return s
}

func TestCheckFindsEachProblemAndSaysWhere(t *testing.T) {
	a := &agreement.Agreement{Kind: agreement.KindPKS, Copies: 2, Term: agreement.Term{Length: 3, Unit: agreement.UnitTahun},
		Funding: agreement.Funding{Amount: 150_000_000}}
	cases := []struct {
		name   string
		doc    Document
		id, en string
	}{
		{"digits and words", Document{Body: []Section{pasal(1, "", "", "Dilaksanakan selama 5 (enam) bulan.")}},
			`Pasal 1 ayat (1): 5 ditulis dengan huruf "enam", yang berarti 6.`, `Pasal 1 ayat (1): 5 is written in words as "enam", which means 6.`},
		{"amount in words", Document{Body: []Section{pasal(1, "", "Sebesar Rp150.000.000,00 (seratus lima juta rupiah).")}},
			`Pasal 1: 150.000.000 ditulis dengan huruf "seratus lima juta rupiah", yang berarti 105000000.`, `Pasal 1: 150.000.000 is written in words as "seratus lima juta rupiah", which means 105000000.`},
		{"pasal cited that does not exist", Document{Body: []Section{
			pasal(1, "", "Sebagaimana dimaksud dalam Pasal 12 ayat (1)."), pasal(2, "", "Cukup.")}},
			"Pasal 1: menyebut Pasal 12, padahal naskah ini hanya sampai Pasal 2.", "Pasal 1: cites Pasal 12, but this text ends at Pasal 2."},
		{"ayat cited that does not exist", Document{Body: []Section{
			pasal(1, "", "", "Satu.", "Dua."), pasal(2, "", "Sebagaimana dimaksud dalam Pasal 1 ayat (3).")}},
			"Pasal 2: menyebut Pasal 1 ayat (3), padahal Pasal 1 tidak mempunyai ayat itu.", "Pasal 2: cites Pasal 1 ayat (3), but Pasal 1 has no such ayat."},
		{"day name in the opening", Document{Opening: P("Pada hari ini Kamis tanggal empat bulan Juli tahun dua ribu dua puluh lima, bertempat di Sumedang")},
			"pembukaan: 4 Juli 2025 jatuh pada hari Jumat, bukan Kamis.", "opening: 4 Juli 2025 falls on a Friday, not a Thursday."},
		{"day name in a pasal", Document{Body: []Section{pasal(1, "", "Rapat pada hari Senin, 6 Juli 2025.")}},
			"Pasal 1: 6 Juli 2025 jatuh pada hari Minggu, bukan Senin.", "Pasal 1: 6 Juli 2025 falls on a Sunday, not a Monday."},
		{"a date that does not exist", Document{Body: []Section{pasal(1, "", "Rapat pada hari Senin, 30 Februari 2026.")}},
			"Pasal 1: tanggal 30 Februari 2026 tidak ada.", "Pasal 1: the date 30 Februari 2026 does not exist."},
		{"term", Document{Body: []Section{pasal(1, "JANGKA WAKTU", "", "Perjanjian ini berlaku untuk jangka waktu 5 (lima) tahun.", "Dapat diperpanjang untuk jangka waktu 1 (satu) tahun.")}},
			"Pasal 1 ayat (1): jangka waktu di teks 5 tahun, di data 3 tahun.", "Pasal 1 ayat (1): the text says a term of 5 tahun, the record 3 tahun."},
		{"copies", Document{Closing: P("dibuat dalam rangkap 3 (tiga) asli")},
			"penutup: jumlah rangkap di teks 3, di data 2.", "closing: the text says 3 copies, the record 2."},
		{"amount", Document{Body: []Section{pasal(1, "PEMBIAYAAN", "Sebesar Rp100.000.000,00 (seratus juta rupiah).")}},
			"Pasal 1: jumlah di teks Rp100.000.000, nilai di data Rp150.000.000.", "Pasal 1: the text says Rp100.000.000, the record Rp150.000.000."},
	}
	for _, c := range cases {
		ps := Check(&c.doc, a)
		if got := messages(ps, i18n.ID); got != c.id {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, got, c.id)
		}
		if got := messages(ps, i18n.EN); got != c.en {
			t.Errorf("%s (EN): got\n%s\nwant\n%s", c.name, got, c.en)
		}
	}
}

func TestCheckLeavesRightTextAlone(t *testing.T) {
	a := &agreement.Agreement{Kind: agreement.KindPKS, Copies: 2, Term: agreement.Term{Length: 3, Unit: agreement.UnitTahun},
		Funding: agreement.Funding{Amount: 150_000_000}}
	d := &Document{
		Opening:    P("Pada hari ini Jumat tanggal Empat bulan Juli tahun Dua Ribu Dua Puluh Lima (04-07-2025), bertempat di Sumedang"),
		Komparisi:  []Item{{Label: "I.", Text: P("NAMA, Bupati, selanjutnya disebut PIHAK PERTAMA (satu pihak).")}},
		LegalBases: []Item{{Label: "1.", Text: P("Undang-Undang Nomor 23 Tahun 2014; Pasal 363 ayat (1).")}},
		Body: []Section{
			pasal(1, "", "Sebagaimana dimaksud dalam Pasal 2 ayat (2) dan Pasal 7 Undang-Undang Nomor 23 Tahun 2014, Pasal 9 Perjanjian Kerja Sama Nomor 1."),
			pasal(2, "JANGKA WAKTU", "", "Berlaku untuk jangka waktu 3 (tiga) tahun.", "Dapat diperpanjang untuk jangka waktu 1 (satu) tahun."),
			pasal(3, "PEMBIAYAAN", "Sebesar Rp150.000.000,00 (seratus lima puluh juta rupiah), dibayar Rp50.000.000 setiap tahun."),
		},
		Closing: P("dibuat dalam rangkap 2 (dua) asli"),
	}
	if ps := Check(d, a); len(ps) > 0 {
		t.Fatalf("problems in a right text:\n%s", messages(ps, i18n.ID))
	}
	// An Adendum's Arabic citations are its parent's pasal.
	add := &Document{Body: []Section{{Kind: SectionPasal, Label: "Pasal I", Intro: P("Ketentuan Pasal 12 diubah sehingga berbunyi sebagai berikut.")}, {Kind: SectionPasal, Label: "Pasal II", Intro: P("Lihat Pasal III.")}}}
	ps := Check(add, &agreement.Agreement{Kind: agreement.KindAdendum})
	if got := messages(ps, i18n.ID); got != "Pasal II: menyebut Pasal III, padahal naskah ini hanya sampai Pasal II." {
		t.Fatalf("adendum: %q", got)
	}
}

// The opening's date must be the signing date recorded.
func TestCheckOpeningAgainstTheSigningDate(t *testing.T) {
	d, a := built(t, 2)
	if ps := Check(d, &a); len(ps) > 0 {
		t.Fatalf("example: %s", messages(ps, i18n.ID))
	}
	a.Signing.Date = agreement.NewDate(2025, time.July, 5)
	got := messages(Check(d, &a), i18n.ID)
	if got != "pembukaan: tanggal pembukaan (4 Juli 2025) tidak sama dengan tanggal penandatanganan di data (5 Juli 2025)." {
		t.Fatalf("got %q", got)
	}
}

// A new document's usual premises and legal bases, per kind and category,
// print clean under their headings.
func TestStartPremisesAndLegalBasesPrintClean(t *testing.T) {
	s := examples(t)
	lib := library(t)
	a, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []agreement.Kind{agreement.KindKSB, agreement.KindNK, agreement.KindPKS} {
		for _, cat := range append([]agreement.Category{""}, agreement.Categories...) {
			b := a
			b.Kind, b.Category, b.ParentID, b.Parent = kind, cat, 0, nil
			b.Premises, b.LegalBases = lib.StartPremises(kind, cat), lib.StartLegalBases(kind, cat)
			if len(b.Premises) < 2 || len(b.LegalBases) < 3 {
				t.Fatalf("%s %s: %d premises, %d legal bases", kind, cat, len(b.Premises), len(b.LegalBases))
			}
			d, err := Build(&b, s, lib, Options{})
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("%s %s", kind, cat)
			checkDocument(t, name, d, strings.NewReplacer())
			if len(d.Premises) != len(b.Premises) || len(d.LegalBases) != len(b.LegalBases) || d.LegalIntro.Plain() == "" {
				t.Errorf("%s: premises or legal bases not printed", name)
			}
			if ps := Check(d, &b); len(ps) > 0 {
				t.Errorf("%s: %s", name, messages(ps, i18n.ID))
			}
		}
	}
	if got := lib.StartLegalBases(agreement.KindKSB, agreement.CatKSDLL); got[1].Number != "37" {
		t.Errorf("a cooperation abroad starts without the law on foreign relations: %+v", got)
	}
}

// An example duplicated and given another term prints that term: the examples
// write it with the clause library's placeholder, not as literal text.
func TestExampleGivenAnotherTermPrintsIt(t *testing.T) {
	s := examples(t)
	for _, id := range []agreement.ID{1, 2, 3} {
		a, err := s.Agreement(id)
		if err != nil {
			t.Fatal(err)
		}
		a.Term.Length, a.Term.End = 3, agreement.Date{}
		d, err := Build(&a, s, library(t), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if text := d.Text(); !strings.Contains(text, "jangka waktu 3 (tiga) tahun") || strings.Contains(text, "(lima) tahun") {
			t.Errorf("example %d with a 3-year term:\n%s", id, text)
		}
		if ps := Check(d, &a); len(ps) > 0 {
			t.Errorf("example %d: %s", id, messages(ps, i18n.ID))
		}
	}
}
