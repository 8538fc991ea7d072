package pick

import (
	"slices"
	"strings"
	"testing"

	"sepakat/internal/wilayah"
)

// governments is the real region list as the pick lists show it.
func governments(t *testing.T) []string {
	t.Helper()
	l, err := wilayah.Load()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range append(append([]wilayah.Region(nil), l.Provinces...), l.Regencies...) {
		out = append(out, r.GovernmentName())
	}
	if len(out) < 550 {
		t.Fatalf("region list has %d entries, want the whole Kemendagri list", len(out))
	}
	return out
}

func names(texts []string, idx []int) []string {
	out := make([]string, len(idx))
	for i, k := range idx {
		out[i] = texts[k]
	}
	return out
}

func TestShortNamesFindTheirRegionFirst(t *testing.T) {
	texts := governments(t)
	ix := New(texts)
	for _, c := range []struct {
		query, first string
		most         int // at most this many matches in all
	}{
		{"lamsel", "Pemerintah Kabupaten Lampung Selatan", 1},
		{"Lamtim", "Pemerintah Kabupaten Lampung Timur", 1},
		{"jakbar", "Pemerintah Kota Administrasi Jakarta Barat", 1},
		{"jabar", "Pemerintah Provinsi Jawa Barat", 2}, // and Jakarta Barat
		{"jateng", "Pemerintah Provinsi Jawa Tengah", 1},
		{"sumut", "Pemerintah Provinsi Sumatera Utara", 1},
		{"kalbar", "Pemerintah Provinsi Kalimantan Barat", 1},
		{"tanjabbar", "Pemerintah Kabupaten Tanjung Jabung Barat", 1},
		{"ntb", "Pemerintah Provinsi Nusa Tenggara Barat", 1},
		{"oki", "Pemerintah Kabupaten Ogan Komering Ilir", 1},
		{"kab lamsel", "Pemerintah Kabupaten Lampung Selatan", 1},
		{"pemkab lamsel", "Pemerintah Kabupaten Lampung Selatan", 1},
		{"dki", "Pemerintah Provinsi Daerah Khusus Ibukota Jakarta", 1},
	} {
		got := names(texts, ix.Match(c.query, 0))
		if len(got) == 0 || got[0] != c.first || len(got) > c.most {
			t.Errorf("%q: got %q, want %q first of at most %d", c.query, got, c.first, c.most)
		}
	}
}

func TestWordsAndAbbreviations(t *testing.T) {
	texts := governments(t)
	ix := New(texts)
	every := func(query string, ok func(string) bool, want int) {
		t.Helper()
		got := names(texts, ix.Match(query, 0))
		if len(got) != want {
			t.Errorf("%q: %d matches %q, want %d", query, len(got), got, want)
		}
		for _, g := range got {
			if !ok(g) {
				t.Errorf("%q matched %q", query, g)
			}
		}
	}
	has := func(s ...string) func(string) bool {
		return func(g string) bool {
			for _, x := range s {
				if !strings.Contains(g, x) {
					return false
				}
			}
			return true
		}
	}
	every("pemkot bandung", has("Kota Bandung"), 1)
	every("kab bandung", has("Kabupaten Bandung"), 2) // Bandung and Bandung Barat
	every("Kab. Sumedang", has("Kabupaten Sumedang"), 1)
	every("SUMEDANG", has("Sumedang"), 1)
	every("prov jawa", has("Provinsi Jawa"), 3)
	every("pemprov lampung", has("Provinsi Lampung"), 1)
	every("selatan lampung", has("Lampung Selatan"), 1) // any order
	every("kota", has("Kota"), 102)                     // 98 cities, Kotawaringin Barat and Timur, Kotabaru, Lima Puluh Kota
	for i, g := range names(texts, ix.Match("kota", 98)) {
		if !strings.HasPrefix(g, "Pemerintah Kota ") {
			t.Errorf("kota: %q ranked %d, before a city", g, i+1)
		}
	}
	every("xyz", nil, 0)
	if n := len(ix.Match("", 0)); n != len(texts) {
		t.Errorf("empty query: %d matches, want all %d", n, len(texts))
	}
	if n := len(ix.Match("kab", 8)); n != 8 {
		t.Errorf("limit 8: %d matches", n)
	}
}

// The entries that start with what was typed come first, then those whose
// words start with the typed words in order, then any other match.
func TestRanking(t *testing.T) {
	texts := governments(t)
	ix := New(texts)
	got := names(texts, ix.Match("bandung", 0))
	want := []string{"Pemerintah Kabupaten Bandung", "Pemerintah Kabupaten Bandung Barat", "Pemerintah Kota Bandung"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bandung: %q, want %q", got, want)
	}
	got = names(texts, ix.Match("pemerintah kota b", 3))
	for _, g := range got {
		if !strings.HasPrefix(g, "Pemerintah Kota B") {
			t.Errorf("pemerintah kota b: %q ranked before the entries that start so", g)
		}
	}
	// A name that starts with what was typed comes before a short name.
	mixed := New([]string{"Kabupaten Lampung Selatan", "Dinas Lampu Selatan", "Koperasi Lamsel Jaya", "Lamsel Jaya"})
	if got := mixed.Match("lamsel", 0); len(got) != 3 || got[0] != 3 || got[1] != 2 || got[2] != 0 {
		t.Errorf("lamsel: %v, want [3 2 0]", got)
	}
}

// A short name made by the rule of every two-word region name finds that
// region, and never more than a handful of others; no query of the test list
// puts a short-name match above a region whose words start so.
func TestRuleShortNamesOverTheWholeList(t *testing.T) {
	texts := governments(t)
	ix := New(texts)
	worst, worstQ := 0, ""
	for i, tx := range texts {
		core := ix.entries[i].coreWs
		if len(core) != 2 {
			continue
		}
		q := ""
		for _, w := range core {
			ps := pieces(w)
			q += ps[min(2, len(ps)-1)] // first syllable and the consonant after it
		}
		if len(q) < 5 {
			continue
		}
		got := ix.Match(q, 0)
		found := false
		for _, k := range got {
			found = found || k == i
		}
		if !found {
			t.Errorf("%q does not find %q", q, tx)
		}
		if len(got) > worst {
			worst, worstQ = len(got), q
		}
	}
	if worst > 4 {
		t.Errorf("short name %q matches %d entries", worstQ, worst)
	}
	t.Logf("the widest rule short name, %q, matches %d entries", worstQ, worst)
}

func TestFoldAndWords(t *testing.T) {
	if got := strings.Join(Words("Dr. Ir. Andi Sé, M.Si."), " "); got != "dr ir andi se m si" {
		t.Errorf("Words: %q", got)
	}
	if !Matches("H. Muh. Rifa'i Éffendi", "effen") || !Matches("Kabupaten Lampung Selatan", "LAMSEL") {
		t.Error("a fold or a short name did not match")
	}
	if Matches("Kabupaten Lampung Selatan", "lamtim") {
		t.Error("lamtim matched Lampung Selatan")
	}
}

// BenchmarkMatch is one keystroke over the whole region list.
func BenchmarkMatch(b *testing.B) {
	l, err := wilayah.Load()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	for _, r := range append(append([]wilayah.Region(nil), l.Provinces...), l.Regencies...) {
		texts = append(texts, r.GovernmentName())
	}
	ix := New(texts)
	b.ResetTimer()
	for b.Loop() {
		ix.Match("kab lamsel", 0)
	}
}

// An entry is found by its other names too (an instansi's short name), and
// ranks by the name that matches best.
func TestOtherNames(t *testing.T) {
	ix := New([]string{"Kementerian Dalam Negeri", "Badan Pusat Statistik", "Kementerian Keuangan"})
	ix.Also(0, "Kemendagri")
	ix.Also(1, "BPS", "")
	for q, want := range map[string][]int{
		"kemendagri":  {0},
		"kemen":       {0, 2},
		"bps":         {1},
		"kementerian": {0, 2},
		"statistik":   {1},
		"kemenkeu":    nil,
	} {
		if got := ix.Match(q, 0); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", q, got, want)
		}
	}
}
