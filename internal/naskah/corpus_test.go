package naskah

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/gen"
	"sepakat/internal/wilayah"
)

// memSource is a Source over a generated directory and corpus.
type memSource struct {
	agreements map[agreement.ID]agreement.Agreement
	parties    map[agreement.ID]agreement.Party
	officials  map[agreement.ID]agreement.Official
	mandates   map[agreement.ID]agreement.Mandate
}

var errNone = errors.New("not found")

func (m memSource) Agreement(id agreement.ID) (agreement.Agreement, error) {
	if a, ok := m.agreements[id]; ok {
		return a, nil
	}
	return agreement.Agreement{}, errNone
}
func (m memSource) Party(id agreement.ID) (agreement.Party, error) {
	if p, ok := m.parties[id]; ok {
		return p, nil
	}
	return agreement.Party{}, errNone
}
func (m memSource) Official(id agreement.ID) (agreement.Official, error) {
	if o, ok := m.officials[id]; ok {
		return o, nil
	}
	return agreement.Official{}, errNone
}
func (m memSource) Mandate(id agreement.ID) (agreement.Mandate, error) {
	if x, ok := m.mandates[id]; ok {
		return x, nil
	}
	return agreement.Mandate{}, errNone
}
func (m memSource) File(string) ([]byte, error) { return nil, errNone }

var (
	wordRe = regexp.MustCompile(`[\p{L}]+`)
	// what a template joined to a subject must never print
	subjectDoubles = []string{"kerja sama", "kesepakatan bersama", "perjanjian kerja sama", "nota kesepakatan", "adendum", "perpanjangan"}
)

// doubled finds a word or a run of up to four words printed twice in a row
// ("tentang tentang", "ini ini"), and a kind named on both sides of "tentang"
// ("kerja sama tentang Kerja Sama …").
func doubled(text string) string {
	for _, para := range strings.Split(text, "\n") {
		lower := strings.ToLower(para)
		words := wordRe.FindAllString(lower, -1)
		for n := 1; n <= 4; n++ {
			for i := 0; i+2*n <= len(words); i++ {
				same := true
				for k := 0; k < n; k++ {
					same = same && words[i+k] == words[i+n+k]
				}
				if same && !strings.Contains(lower, strings.Join(words[i:i+n], "-")+"-") {
					joined := strings.Join(words[i:i+2*n], " ")
					// Only repeats that stand side by side in the text itself.
					if strings.Contains(lower, joined) {
						return joined + " in: " + para
					}
				}
			}
		}
		for _, k := range subjectDoubles {
			if strings.Contains(lower, k+" tentang "+k) {
				return k + " tentang " + k + " in: " + para
			}
		}
	}
	return ""
}

// headless finds a sentence that announces a list ("…sebagai berikut:") with
// nothing under it.
func headless(d *Document) string {
	if d.PremisIntro.Plain() != "" && len(d.Premises) == 0 {
		return d.PremisIntro.Plain()
	}
	if d.LegalIntro.Plain() != "" && len(d.LegalBases) == 0 {
		return d.LegalIntro.Plain()
	}
	if len(d.Komparisi) == 0 {
		return d.Opening.Plain()
	}
	var items func([]Item) string
	items = func(list []Item) string {
		for _, it := range list {
			if t := strings.TrimSpace(it.Text.Plain()); strings.HasSuffix(t, ":") && len(it.Children) == 0 {
				return it.Label + " " + t
			}
			if s := items(it.Children); s != "" {
				return s
			}
		}
		return ""
	}
	for _, s := range d.Body {
		if t := strings.TrimSpace(s.Intro.Plain()); strings.HasSuffix(t, ":") && len(s.Items) == 0 {
			return s.Label + ": " + t
		}
		if t := items(s.Items); t != "" {
			return s.Label + " " + t
		}
	}
	return ""
}

// checkDocument reports what no printed agreement may contain; names (of
// places and people, "Bau Bau", "Rahmat Rahmat") are left out of the search
// for doubled words.
func checkDocument(t *testing.T, name string, d *Document, names *strings.Replacer) {
	t.Helper()
	text := d.Text()
	if w := doubled(names.Replace(text)); w != "" {
		t.Errorf("%s: doubled words %q", name, w)
	}
	if m := placeholder.FindString(text); m != "" {
		t.Errorf("%s: placeholder %s printed", name, m)
	}
	if h := headless(d); h != "" {
		t.Errorf("%s: heading without its list: %q", name, h)
	}
}

func TestCheckerFindsWhatItLooksFor(t *testing.T) {
	for _, bad := range []string{"dibuat tentang tentang kerja", "Kesepakatan Bersama ini ini mulai", "kerja sama tentang Kerja Sama Penyelenggaraan", "PARA PIHAK PARA PIHAK sepakat"} {
		if doubled(bad) == "" {
			t.Errorf("not found in %q", bad)
		}
	}
	for _, good := range []string{"masing-masing PIHAK", "hal-hal sebagai berikut", "Pasal 1 ayat (1) huruf a", "kerja sama antara PIHAK"} {
		if w := doubled(good); w != "" {
			t.Errorf("found %q in %q", w, good)
		}
	}
	if headless(&Document{PremisIntro: P("PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:"), Komparisi: []Item{{}}}) == "" {
		t.Error("an empty premis list passed")
	}
	if headless(&Document{Komparisi: []Item{{}}, Body: []Section{{Label: "Pasal 2", Intro: P("Ruang lingkup meliputi:")}}}) == "" {
		t.Error("a pasal announcing a list without one passed")
	}
}

// Every template and every clause of the library, printed over the examples
// and a generated corpus, with subjects that start like the template's own
// words.
func TestEveryTemplateAndClauseReadsClean(t *testing.T) {
	lib := library(t)
	s := examples(t)
	subjects := []string{"", "Kerja Sama Penyelenggaraan Pelayanan Perizinan", "Kesepakatan Bersama tentang Pengembangan Pariwisata", "tentang Pengelolaan Sampah", "Perjanjian Kerja Sama Pemanfaatan Data Kependudukan."}
	for _, id := range []agreement.ID{1, 2, 3} {
		a, err := s.Agreement(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range agreement.Kinds {
			if _, ok := lib.Templates[kind]; !ok {
				continue
			}
			for si, subj := range subjects {
				b := a
				b.Kind = kind
				if subj != "" {
					b.Subject = subj
				}
				if kind == agreement.KindAdendum || kind == agreement.KindPerpanjangan {
					b.ParentID = a.ID
				}
				b.Body = nil
				for _, c := range lib.ClausesFor(kind) {
					b.Body = append(b.Body, c.Node)
				}
				name := fmt.Sprintf("example %d as %s, subject %d", id, kind, si)
				d, err := Build(&b, s, lib, Options{})
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				checkDocument(t, name, d, strings.NewReplacer())
			}
		}
	}

	regions, err := wilayah.Load()
	if err != nil {
		t.Fatal(err)
	}
	g := gen.New(gen.Options{Seed: 7, Now: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC), Offsets: dataset.Offsets{}}, regions)
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
	corpus := g.Agreements(0, 300)
	for _, a := range corpus {
		src.agreements[a.ID] = a
	}
	var pairs []string
	for _, p := range dir.Parties {
		pairs = append(pairs, strings.ToUpper(p.Name), "§", p.Name, "§")
	}
	for _, o := range dir.Officials {
		pairs = append(pairs, agreement.PrintedName(o.FullName()), "§")
	}
	for _, p := range dir.Parties {
		withKind, region := regionOf(p)
		for _, n := range []string{withKind, region, p.Seat} {
			if n != "" {
				pairs = append(pairs, strings.ToUpper(n), "§", n, "§")
			}
		}
	}
	names := strings.NewReplacer(pairs...)
	for i, a := range corpus {
		if _, ok := lib.Templates[a.Kind]; !ok {
			continue
		}
		d, err := Build(&a, src, lib, Options{})
		if err != nil {
			t.Errorf("generated %d (%s): %v", a.ID, a.Kind, err)
			continue
		}
		checkDocument(t, fmt.Sprintf("generated %d (%s)", a.ID, a.Kind), d, names)
		if i%10 == 0 { // the library's clauses in generated settings too
			b := a
			b.Body = lib.DefaultBody(a.Kind)
			if d, err := Build(&b, src, lib, Options{}); err == nil {
				checkDocument(t, fmt.Sprintf("generated %d (%s) with the default body", a.ID, a.Kind), d, names)
			} else {
				t.Errorf("generated %d with the default body: %v", a.ID, err)
			}
		}
	}
}

func TestSubjectJoinsTheSentenceOnce(t *testing.T) {
	for _, c := range []struct{ before, subject, want string }{
		{"mengadakan Kesepakatan Bersama tentang ", "Kesepakatan Bersama tentang Pengembangan Pariwisata", "mengadakan Kesepakatan Bersama tentang Pengembangan Pariwisata"},
		{"mengadakan Perjanjian Kerja Sama tentang ", "Kerja Sama Penyelenggaraan Pelayanan", "mengadakan Perjanjian Kerja Sama tentang Penyelenggaraan Pelayanan"},
		{"melaksanakan kerja sama tentang ", "Kerja Sama di Bidang Pendidikan", "melaksanakan kerja sama di Bidang Pendidikan"},
		{"mengadakan Nota Kesepakatan tentang ", "tentang Pengelolaan Sampah", "mengadakan Nota Kesepakatan tentang Pengelolaan Sampah"},
		{"mengadakan Kesepakatan Bersama tentang ", "Kerja Sama Daerah", "mengadakan Kesepakatan Bersama tentang Kerja Sama Daerah"},
		{"Judul: ", "Kerja Sama Daerah", "Judul: Kerja Sama Daerah"},
	} {
		b, s := joinSubject(c.before, c.subject)
		if b+s != c.want {
			t.Errorf("%q + %q = %q, want %q", c.before, c.subject, b+s, c.want)
		}
	}
}
