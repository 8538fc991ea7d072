package pdf

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"sepakat/internal/dataset"
	"sepakat/internal/gen"
	"sepakat/internal/naskah"
	"sepakat/internal/wilayah"
)

var (
	pasalLine  = regexp.MustCompile(`^\s*Pasal [0-9IVXLC]+\s*$`)
	footerLine = regexp.MustCompile(`Paraf|·|^\s*PIHAK (PERTAMA|KEDUA|KETIGA)(\s+PIHAK (PERTAMA|KEDUA|KETIGA))*\s*$|^\s*-\s*\d+\s*-\s*$`)
)

// content returns a page's lines without the page number and footer.
func content(page string) []string {
	var out []string
	for _, l := range strings.Split(page, "\n") {
		if strings.TrimSpace(l) == "" || footerLine.MatchString(l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// TestKeepTogether renders many generated agreements in several page settings
// and reads the pages back: a pasal heading never ends a page, and the signature
// block always has the closing sentence on its page, also with a paraf (every
// other agreement) under the signatures.
func TestKeepTogether(t *testing.T) {
	s := examples(t)
	g := gen.New(gen.Options{Seed: 11, Now: fixed}, wilayah.MustLoad())
	off, _ := s.Offsets()
	g = gen.New(gen.Options{Seed: 11, Now: fixed, Offsets: off}, wilayah.MustLoad())
	if err := s.Import(context.Background(), g.Directory()); err != nil {
		t.Fatal(err)
	}
	list := g.Agreements(0, 24)
	if err := s.Import(context.Background(), &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: list}); err != nil {
		t.Fatal(err)
	}
	lib, _ := naskah.Shipped()
	paraf := naskah.Options{ParafHierarki: parafOfficials(t, s), ParafKoordinasi: true}
	profiles := []Profile{DefaultProfile()}
	for _, change := range []func(*Profile){
		func(p *Profile) { p.Paper = "F4"; p.FontSize = 11 },
		func(p *Profile) { p.Font = "sans"; p.LineSpacing = 1.5 },
		func(p *Profile) { p.FontSize = 13; p.MarginBot = 35 },
	} {
		p := DefaultProfile()
		change(&p)
		profiles = append(profiles, p)
	}
	checked := 0
	for i := range list {
		a := list[i]
		opt := naskah.Options{}
		if i%2 == 1 {
			opt = paraf
			if len(a.Implementers) == 0 {
				a.ParafUnits = []string{"Bagian Hukum"}
			}
		}
		d, err := naskah.Build(&a, s, lib, opt)
		if err != nil {
			t.Fatalf("agreement %d: %v", a.ID, err)
		}
		p := profiles[i%len(profiles)]
		pp := pages(t, render(t, d, p))
		signPage := -1
		for n, page := range pp {
			lines := content(page)
			for j, l := range lines {
				if pasalLine.MatchString(l) && len(lines)-j < 3 {
					t.Errorf("agreement %d (%s %v pt): %q stands at the foot of page %d", a.ID, p.Paper, p.FontSize, strings.TrimSpace(l), n+1)
				}
				if signPage < 0 && regexp.MustCompile(`^\s*PIHAK PERTAMA,`).MatchString(l) {
					signPage = n
				}
			}
		}
		if signPage < 0 {
			t.Fatalf("agreement %d: no signature block found", a.ID)
		}
		if !strings.Contains(pp[signPage], "Demikian") {
			t.Errorf("agreement %d (%s %v pt): the signature block starts page %d without the closing sentence", a.ID, p.Paper, p.FontSize, signPage+1)
		}
		if n := strings.Count(strings.Join(pp, ""), "Paraf Hierarki"); (n == 1) != (i%2 == 1) {
			t.Errorf("agreement %d: %d paraf hierarki", a.ID, n)
		}
		checked++
	}
	if checked != len(list) {
		t.Fatal("not every agreement was checked")
	}
}

func TestBabGroups(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	a.Body = bodyOf(t, 40)
	text := flat(pages(t, render(t, build(t, s, &a, naskah.Options{}), DefaultProfile())))
	for _, want := range []string{"BAB I KETENTUAN BAGIAN 1 Pasal 1", "BAB IV KETENTUAN BAGIAN 4 Pasal 31", "Pasal 40"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q", want)
		}
	}
}

// TestSignatureRowNeverSplits pushes the signature block down the page one premise
// at a time, with long wrapped names, and checks that each signature column stays
// whole on the page of the closing sentence.
func TestSignatureRowNeverSplits(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(2)
	for i := range a.Signing.Signers {
		a.Signing.Signers[i].Name = "Prof. Dr. Ir. H. Muhammad Abdurrahman Wahid Kusumaatmadja, S.H., M.Hum., M.Si."
	}
	base := a.Premises
	for n := 0; n < 30; n++ {
		a.Premises = base
		for i := 0; i < n; i++ {
			a.Premises = append(a.Premises, "bahwa PARA PIHAK memandang perlu menjalin kerja sama dalam bidang tambahan")
		}
		pp := pages(t, render(t, build(t, s, &a, naskah.Options{}), DefaultProfile()))
		for i, page := range pp {
			if !strings.Contains(page, "PIHAK PERTAMA,") {
				continue
			}
			if !strings.Contains(page, "Demikian") || strings.Count(page, "KUSUMAATMADJA") != 2 {
				t.Fatalf("%d premises: signature block split on page %d:\n%s", n, i+1, page)
			}
		}
	}
}

func TestOddPartyNamesDoNotCrash(t *testing.T) {
	s := examples(t)
	p, _ := s.Party(1)
	p.Name = "Pemerintah Kabupaten Lampung Timur 🏛 \U0001F600"
	mustSave(t, s.SaveParty(&p))
	a, _ := s.Agreement(1)
	text := flat(pages(t, render(t, build(t, s, &a, naskah.Options{}), DefaultProfile())))
	if !strings.Contains(text, "PEMERINTAH KABUPATEN LAMPUNG TIMUR") || strings.Contains(text, "🏛") {
		t.Errorf("party name not cleaned for print")
	}
}
