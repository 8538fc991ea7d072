package pdf

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
	"sepakat/internal/store"
)

// parafOfficials adds three officials to our office (party 1 of the
// examples) and returns their IDs, the lowest first.
func parafOfficials(t testing.TB, s *store.Store) []agreement.ID {
	t.Helper()
	var ids []agreement.ID
	for _, o := range []agreement.Official{
		{PartyID: 1, Name: "Rina Marlina", BackTitle: "S.H.", Jabatan: "Kepala Bagian Kerja Sama", Role: agreement.RoleLain},
		{PartyID: 1, Name: "Hendra Gunawan", BackTitle: "S.H., M.H.", Jabatan: "Kepala Bagian Hukum", Role: agreement.RoleLain},
		{PartyID: 1, Name: "Asep Sudrajat", Jabatan: "Asisten Pemerintahan dan Kesejahteraan Rakyat", Role: agreement.RoleLain, Status: agreement.StatusPlt},
	} {
		mustSave(t, s.SaveOfficial(&o))
		ids = append(ids, o.ID)
	}
	return ids
}

// adendum is an Adendum of the signed PKS (3) that lengthens it a year.
func adendum(t testing.TB, s *store.Store) agreement.Agreement {
	t.Helper()
	pks, _ := s.Agreement(3)
	add, err := agreement.NewChild(&pks, agreement.KindAdendum, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	lib, _ := naskah.Shipped()
	m := agreement.Amendment{Term: true, End: agreement.NewDate(2027, 12, 31)}
	add.Amends = &m
	add.Body = naskah.AdendumBody(&pks, agreement.KindAdendum, m, lib)
	add.Premises = naskah.AdendumPremises(&pks, m)
	return add
}

// below returns the lines on page under y (points), in reading order.
func linesBelow(ls []textLine, page int, y float64) []textLine {
	var out []textLine
	for _, l := range ls {
		if l.page == page && l.yMin > y {
			out = append(out, l)
		}
	}
	return out
}

// withText returns the lines that read text.
func withText(ls []textLine, text string) []textLine {
	var out []textLine
	for _, l := range ls {
		if strings.Contains(l.text(), text) {
			out = append(out, l)
		}
	}
	return out
}

// The paraf hierarki prints under our signature, the paraf koordinasi under
// the other column, on the page of our signature: on A4 and F4, for a KSB,
// a PKS and an Adendum. Neither changes what the document says.
func TestParafPrintsBesideOurSignature(t *testing.T) {
	s := examples(t)
	ids := parafOfficials(t, s)
	ksb, _ := s.Agreement(2)
	pks, _ := s.Agreement(3)
	pks.ParafUnits = []string{"Bagian Hukum Sekretariat Daerah", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"}
	add := adendum(t, s)
	opt := naskah.Options{ParafHierarki: ids, ParafKoordinasi: true}
	out := os.Getenv("SEPAKAT_PARAF_PDF") // a folder to keep the PDFs in, to look at them
	for _, c := range []struct {
		name  string
		a     agreement.Agreement
		units []string
	}{
		{"KSB", ksb, ksb.CoordinationUnits()},
		{"PKS", pks, pks.ParafUnits},
		{"Adendum", add, add.CoordinationUnits()},
	} {
		for _, paper := range []string{"A4", "F4"} {
			t.Run(c.name+" "+paper, func(t *testing.T) {
				a := c.a
				plain := build(t, s, &a, naskah.Options{})
				d := build(t, s, &a, opt)
				if d.Fingerprint() != plain.Fingerprint() {
					t.Error("the paraf changed the text's fingerprint")
				}
				p := DefaultProfile()
				p.Paper = paper
				pdf := render(t, d, p)
				if out != "" {
					os.WriteFile(filepath.Join(out, "paraf-"+c.name+"-"+paper+".pdf"), pdf, 0o644)
				}
				ls := lines(t, pdf)
				var own, other naskah.Signature
				for _, sg := range d.Signatures {
					if sg.Own {
						own = sg
					} else {
						other = sg
					}
				}
				ownName := find(ls, strings.Fields(own.Name)[0])
				otherName := find(ls, strings.Fields(other.Name)[0])
				if len(ownName) == 0 || len(otherName) == 0 {
					t.Fatalf("signers %q and %q not found", own.Name, other.Name)
				}
				sig := ownName[len(ownName)-1]
				ownLeft := sig.xMin < otherName[len(otherName)-1].xMin
				hier, koor := withText(ls, "Paraf Hierarki"), withText(ls, "Paraf Koordinasi")
				if len(hier) != 1 || len(koor) != 1 {
					t.Fatalf("paraf headings: %d hierarki, %d koordinasi", len(hier), len(koor))
				}
				h, k := hier[0], koor[0]
				if h.page != sig.page || k.page != sig.page || h.yMin <= sig.yMax || k.yMin <= sig.yMax {
					t.Errorf("the paraf is not under our signature on its page: signature page %d y %.0f, hierarki page %d y %.0f, koordinasi page %d y %.0f",
						sig.page, sig.yMax, h.page, h.yMin, k.page, k.yMin)
				}
				if d := h.yMin - k.yMin; d > 1 || d < -1 {
					t.Errorf("the two tables do not start side by side: %.1f and %.1f", h.yMin, k.yMin)
				}
				// The hierarki stands in our column, the koordinasi in the other.
				mid := (h.xMin + k.xMin) / 2
				if (h.xMin < mid) != ownLeft || (sig.xMin < mid) != ownLeft {
					t.Errorf("hierarki at x %.0f, koordinasi at x %.0f, our signature at x %.0f (ours left: %v)", h.xMin, k.xMin, sig.xMin, ownLeft)
				}
				var ourSide, otherSide []string
				for _, l := range linesBelow(ls, h.page, h.yMax) {
					if (l.xMin < mid) == ownLeft {
						ourSide = append(ourSide, l.text())
					} else {
						otherSide = append(otherSide, l.text())
					}
				}
				ours, theirs := strings.Join(ourSide, " "), strings.Join(otherSide, " ")
				want := []string{"1. Kepala Bagian Kerja Sama", "Rina Marlina, S.H.", "2. Kepala Bagian Hukum", "Hendra Gunawan, S.H., M.H.", "3. Plt. Asisten Pemerintahan", "Asep Sudrajat"}
				for _, w := range want {
					if !strings.Contains(ours, w) {
						t.Errorf("our column lacks %q:\n%s", w, strings.Join(ourSide, "\n"))
					}
				}
				if strings.Index(ours, "Rina") > strings.Index(ours, "Hendra") || strings.Index(ours, "Hendra") > strings.Index(ours, "Asep") {
					t.Errorf("the hierarki is out of order:\n%s", ours)
				}
				if len(c.units) == 0 {
					t.Fatal("no units to check")
				}
				for _, u := range c.units {
					words := strings.Fields(u)
					if !strings.Contains(strings.Join(strings.Fields(theirs), " "), strings.Join(words[:min(2, len(words))], " ")) {
						t.Errorf("the koordinasi lacks %q:\n%s", u, strings.Join(otherSide, "\n"))
					}
				}
				// The signature page keeps the closing sentence.
				if pp := pages(t, pdf); !strings.Contains(pp[sig.page-1], "Demikian") && !strings.Contains(pp[sig.page-1], "PIHAK PERTAMA,") {
					t.Errorf("page %d of the signature holds neither the closing nor the roles", sig.page)
				}
			})
		}
	}
}

// Pushed down the page one premise at a time, the signature row and the
// paraf beside it stay together on the page of the closing sentence.
func TestParafStaysWithTheSignature(t *testing.T) {
	s := examples(t)
	ids := parafOfficials(t, s)
	a, _ := s.Agreement(2)
	opt := naskah.Options{ParafHierarki: ids, ParafKoordinasi: true}
	base := a.Premises
	moved := map[int]bool{}
	for n := 0; n < 24; n++ {
		a.Premises = base
		for i := 0; i < n; i++ {
			a.Premises = append(a.Premises, "bahwa PARA PIHAK memandang perlu menjalin kerja sama dalam bidang tambahan")
		}
		pp := pages(t, render(t, build(t, s, &a, opt), DefaultProfile()))
		found := false
		for i, page := range pp {
			if !strings.Contains(page, "PIHAK PERTAMA,") {
				continue
			}
			found = true
			moved[i] = true
			flatPage := flat([]string{page})
			for _, w := range []string{"Demikian", "Paraf Hierarki", "Paraf Koordinasi", "Rina Marlina", "Asep Sudrajat", "Badan Perencanaan"} {
				if !strings.Contains(flatPage, w) {
					t.Fatalf("%d premises: page %d of the signature lacks %q:\n%s", n, i+1, w, page)
				}
			}
		}
		if !found {
			t.Fatalf("%d premises: no signature", n)
		}
	}
	if len(moved) < 2 {
		t.Errorf("the premises never pushed the signature to the next page: %v", moved)
	}
}

// With three parties our signature may stand alone in the second row: the
// paraf goes under it, not under the first row.
func TestParafFollowsOurSignatureIntoItsRow(t *testing.T) {
	s := examples(t)
	ids := parafOfficials(t, s)
	a, _ := s.Agreement(2)
	a.Status, a.Signing = agreement.StatusKonsep, nil
	var own agreement.AgreementParty
	for _, p := range a.Parties {
		if p.Own {
			own = p
		}
	}
	partner := a.Parties[0]
	if partner.Own {
		partner = a.Parties[1]
	}
	partner.Role = agreement.RolePihakPertama
	third := agreement.AgreementParty{PartyID: 3, Role: agreement.RolePihakKedua, SignerID: 3}
	own.Role = agreement.RolePihakKetiga
	a.Parties = []agreement.AgreementParty{partner, third, own}
	d := build(t, s, &a, naskah.Options{ParafHierarki: ids})
	pdf := render(t, d, DefaultProfile())
	if out := os.Getenv("SEPAKAT_PARAF_PDF"); out != "" {
		os.WriteFile(filepath.Join(out, "paraf-three-parties.pdf"), pdf, 0o644)
	}
	ls := lines(t, pdf)
	ketiga, hier := withText(ls, "PIHAK KETIGA,"), withText(ls, "Paraf Hierarki")
	kedua := withText(ls, "PIHAK KEDUA,") // the last is the signature's role
	if len(ketiga) != 1 || len(hier) != 1 || len(kedua) == 0 {
		t.Fatalf("%d PIHAK KETIGA, %d PIHAK KEDUA, %d paraf headings", len(ketiga), len(kedua), len(hier))
	}
	k, h := ketiga[0], hier[0]
	if h.page != k.page || h.yMin < k.yMax+20 || (h.page == kedua[len(kedua)-1].page && h.yMin < kedua[len(kedua)-1].yMax) {
		t.Errorf("the paraf (page %d y %.0f) is not under our signature in the second row (page %d y %.0f)", h.page, h.yMin, k.page, k.yMax)
	}
	if d := h.xMin - k.xMin; d > 40 || d < -40 {
		t.Errorf("the paraf at x %.0f is not in our column (x %.0f)", h.xMin, k.xMin)
	}
	if len(withText(ls, "Paraf Koordinasi")) != 0 {
		t.Error("a paraf koordinasi the office did not choose")
	}
}

// BenchmarkRenderKSB10Paraf is BenchmarkRenderKSB10 with a paraf hierarki of
// three and a paraf koordinasi of eight units.
func BenchmarkRenderKSB10Paraf(b *testing.B) {
	s := examples(b)
	opt := naskah.Options{ParafHierarki: parafOfficials(b, s), ParafKoordinasi: true}
	a, _ := s.Agreement(2)
	a.Body = bodyOf(b, 10)
	lib, _ := naskah.Shipped()
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	var size int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := naskah.Build(&a, s, lib, opt)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := r.Render(context.Background(), &buf, d, DefaultProfile(), Options{Compress: true}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1024, "KB")
}
