package naskah

import (
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
)

func hasDoubled(text string) string {
	for _, w := range []string{"kerja sama tentang kerja sama", "tentang tentang", "ini ini", "pasal pasal", "dalam dalam"} {
		if strings.Contains(strings.ToLower(text), w) {
			return w
		}
	}
	return ""
}

// Every kind of change writes a complete Adendum: each sentence says what
// changes with its dates and numbers, nothing is left to fill in, and no
// word is doubled.
func TestAdendumBodyWritesEveryChangeInFull(t *testing.T) {
	s := examples(t)
	pks, err := s.Agreement(3)
	if err != nil {
		t.Fatal(err)
	}
	lib := library(t)
	pasal := PasalOf(&pks)
	scope := pasal[2]
	keep := agreement.Amendment{Pasal: []agreement.AmendedPasal{{Number: 3, Text: scope.Text}}}
	if scope.Heading != "RUANG LINGKUP" || strings.Contains(scope.Text, "{jenis}") || !strings.Contains(scope.Text, "Perjanjian Kerja Sama ini") {
		t.Fatalf("pasal 3 offered as %q: %q", scope.Heading, scope.Text)
	}
	term := lengthened(1, agreement.UnitTahun)
	term.Resolve(pks.EffectiveEnd())
	newEnd := agreement.Amendment{Term: true, End: agreement.NewDate(2027, 12, 31)}
	words := agreement.Amendment{Text: "PARA PIHAK sepakat menambah kegiatan pelatihan aparatur pengelola perizinan."}
	all := agreement.Amendment{Term: true, Length: 6, Unit: agreement.UnitBulan, Signers: true,
		Pasal: []agreement.AmendedPasal{{Number: 3, Heading: scope.Heading, Text: "Ruang lingkup meliputi pertukaran data.\nRuang lingkup meliputi pelatihan."}},
		Text:  words.Text}
	all.Resolve(pks.EffectiveEnd())
	for name, c := range map[string]struct {
		m    agreement.Amendment
		want []string
	}{
		"longer":          {term, []string{"Pasal I Jangka waktu Perjanjian Kerja Sama Nomor 04/PKS/TKKSD-LS/1.04/VII/2025 dan Nomor 119/PKS.05-Huk/2025 sebagaimana diatur dalam Pasal 7 diperpanjang selama 1 (satu) tahun, terhitung sejak tanggal 4 Juli 2026 sampai dengan tanggal 3 Juli 2027."}},
		"new end":         {newEnd, []string{"sebagaimana diatur dalam Pasal 7 diperpanjang sampai dengan tanggal 31 Desember 2027."}},
		"words":           {words, []string{"Pasal I " + words.Text}},
		"scope as it was": {keep, []string{"Pasal I Ketentuan Pasal 3 Perjanjian Kerja Sama Nomor 04/PKS/TKKSD-LS/1.04/VII/2025 dan Nomor 119/PKS.05-Huk/2025 diubah sehingga berbunyi sebagai berikut: Pasal 3 RUANG LINGKUP Ruang lingkup Perjanjian Kerja Sama ini meliputi: a. penyelenggaraan Mal Pelayanan Publik; b. studi tiru dan replikasi inovasi layanan perizinan dan investasi, antara lain: 1) PENA EMAS; dan"}},
		"all": {all, []string{
			"b. bahwa untuk melanjutkan dan menyesuaikan pelaksanaan kerja sama, PARA PIHAK sepakat untuk memperpanjang jangka waktu dan mengubah beberapa ketentuan dalam Perjanjian Kerja Sama Nomor",
			"Pasal I Jangka waktu Perjanjian Kerja Sama Nomor 04/PKS/TKKSD-LS/1.04/VII/2025 dan Nomor 119/PKS.05-Huk/2025 sebagaimana diatur dalam Pasal 7 diperpanjang selama 6 (enam) bulan, terhitung sejak tanggal 4 Juli 2026 sampai dengan tanggal 3 Januari 2027.",
			"Pasal II Ketentuan Pasal 3 Perjanjian Kerja Sama Nomor 04/PKS/TKKSD-LS/1.04/VII/2025 dan Nomor 119/PKS.05-Huk/2025 diubah sehingga berbunyi sebagai berikut: Pasal 3 RUANG LINGKUP (1) Ruang lingkup meliputi pertukaran data. (2) Ruang lingkup meliputi pelatihan.",
			"Pasal III Pejabat yang bertindak untuk dan atas nama masing-masing PIHAK",
			"Pasal IV " + words.Text,
			"Pasal V (1) Ketentuan lain", "Adendum ini mulai berlaku sejak tanggal 20 Juni 2026."}},
	} {
		add, err := agreement.NewChild(&pks, agreement.KindAdendum, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		m := c.m
		add.Amends = &m
		add.Body = AdendumBody(&pks, agreement.KindAdendum, m, lib)
		add.Premises = AdendumPremises(&pks, m)
		add.Signing = &agreement.Signing{Date: agreement.NewDate(2026, 6, 20), Place: "Sumedang"}
		for _, fe := range add.Validate(noDir{}) {
			if strings.HasPrefix(fe.Field, "body") {
				t.Errorf("%s: the Adendum's body does not validate: %v", name, fe)
			}
		}
		d, err := Build(&add, s, lib, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		text := strings.Join(strings.Fields(d.Text()), " ")
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: lacks %q\n%s", name, w, text)
			}
		}
		if len(m.Pasal) > 0 {
			// The restated pasal stands on its own lines: label, heading, text.
			var parts []string
			for _, p := range d.Paragraphs() {
				parts = append(parts, p.Text)
			}
			lines := "\n" + strings.Join(parts, "\n") + "\n"
			if !strings.Contains(lines, "diubah sehingga berbunyi sebagai berikut:\nPasal 3\nRUANG LINGKUP\n") {
				t.Errorf("%s: the restated pasal runs on:\n%s", name, lines)
			}
		}
		_, body, _ := strings.Cut(text, "Pasal I ")
		if strings.Contains(body, "…") || strings.Contains(body, "{") {
			t.Errorf("%s: something left to fill:\n%s", name, body)
		}
		if w := hasDoubled(body); w != "" {
			t.Errorf("%s: %q in\n%s", name, w, body)
		}
	}
}

// lengthened is a term lengthened by n units.
func lengthened(n int, u agreement.TermUnit) agreement.Amendment {
	return agreement.Amendment{Term: true, Length: n, Unit: u}
}

// A pasal offered for change and left as it was reads back with the same
// opening, ayat and butir, for every pasal of the examples.
func TestPasalTextReadsBackAsItWas(t *testing.T) {
	s := examples(t)
	for _, id := range []agreement.ID{1, 2, 3} {
		a, err := s.Agreement(id)
		if err != nil {
			t.Fatal(err)
		}
		for i, n := range flatPasal(a.Body) {
			intro, items := quoted(nodeText(n))
			got := agreement.Node{Kind: n.Kind, Heading: n.Heading, Text: intro, Children: items}
			if nodeText(got) != nodeText(n) || len(items) != len(n.Children) {
				t.Errorf("agreement %d pasal %d:\n%s\nreads back as\n%s", id, i+1, nodeText(n), nodeText(got))
			}
		}
	}
}

// noDir knows no record: Validate then checks what stands on its own, the body.
type noDir struct{}

func (noDir) Party(agreement.ID) (agreement.Party, bool)        { return agreement.Party{}, false }
func (noDir) Official(agreement.ID) (agreement.Official, bool)  { return agreement.Official{}, false }
func (noDir) Mandate(agreement.ID) (agreement.Mandate, bool)    { return agreement.Mandate{}, false }
func (noDir) AgreementKind(agreement.ID) (agreement.Kind, bool) { return "", false }
func (noDir) RegionName(string) (string, bool)                  { return "", false }

// A pasal restated by an Adendum prints under its own label and heading; a
// statement that changes only a part of a pasal restates no pasal.
func TestRestatedPasalStandsUnderItsLabel(t *testing.T) {
	s := examples(t)
	pks, err := s.Agreement(3)
	if err != nil {
		t.Fatal(err)
	}
	add, err := agreement.NewChild(&pks, agreement.KindAdendum, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	add.Body = []agreement.Node{
		{Kind: agreement.NodePasal, Text: "Ketentuan Pasal 3 {induk_singkat} diubah sehingga berbunyi sebagai berikut: Ruang lingkup meliputi:",
			Children: []agreement.Node{{Kind: agreement.NodePoint, Text: "pertukaran data; dan"}, {Kind: agreement.NodePoint, Text: "pelatihan."}}},
		{Kind: agreement.NodePasal, Text: "Ketentuan Pasal 5 ayat (2) {induk_singkat} diubah sehingga berbunyi sebagai berikut: (2) Biaya ditanggung bersama."},
	}
	d, err := Build(&add, s, library(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	first, second := d.Body[0], d.Body[1]
	own, restated := first.SplitIntro()
	if first.Restated == nil || first.Restated.Label != "Pasal 3" || first.Restated.Heading != "RUANG LINGKUP" ||
		!strings.HasSuffix(own.Plain(), "diubah sehingga berbunyi sebagai berikut:") || restated.Plain() != "Ruang lingkup meliputi:" {
		t.Errorf("Pasal I restates %+v: %q / %q", first.Restated, own.Plain(), restated.Plain())
	}
	// What reads Intro and Items alone reads the whole text, as before.
	if !strings.HasSuffix(first.Intro.Plain(), "sebagai berikut: Ruang lingkup meliputi:") || len(first.Items) != 2 {
		t.Errorf("Pasal I's Intro %q, %d items", first.Intro.Plain(), len(first.Items))
	}
	if second.Restated != nil {
		t.Errorf("a change of an ayat restates %+v", second.Restated)
	}
}
