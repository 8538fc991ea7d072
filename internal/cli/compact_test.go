package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sepakat/internal/i18n"
	"sepakat/internal/store"
)

// compact says the sizes before and after in the user's language, the file
// shrinks, and every record is still there.
func TestCompactCommand(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ID, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "a.db")
			if r := run(t, lang, "--db", db, "gen", "--n", "600"); r.code != 0 {
				t.Fatalf("gen: %+v", r)
			}
			// Free pages: the indexes rebuilt from scratch twice.
			for range 2 {
				if r := run(t, lang, "--db", db, "reindex"); r.code != 0 {
					t.Fatalf("reindex: %+v", r)
				}
			}
			before := run(t, lang, "--db", db, "export-json", "-")
			info, err := os.Stat(db)
			if err != nil {
				t.Fatal(err)
			}
			r := run(t, lang, "--db", db, "compact")
			want := map[i18n.Lang]string{i18n.ID: `^Berkas data dipadatkan: ([\d.]+ [KM]B) → ([\d.]+ [KM]B)\.\n$`, i18n.EN: `^Data file compacted: ([\d.]+ [KM]B) → ([\d.]+ [KM]B)\.\n$`}[lang]
			m := regexp.MustCompile(want).FindStringSubmatch(r.stdout)
			if r.code != 0 || m == nil {
				t.Fatalf("compact: %+v", r)
			}
			after, err := os.Stat(db)
			if err != nil {
				t.Fatal(err)
			}
			if after.Size() >= info.Size() || m[1] == m[2] {
				t.Errorf("file %d → %d bytes; said %s → %s", info.Size(), after.Size(), m[1], m[2])
			}
			stamp := regexp.MustCompile(`"exported_at": "[^"]*"`)
			if again := run(t, lang, "--db", db, "export-json", "-"); stamp.ReplaceAllString(again.stdout, "") != stamp.ReplaceAllString(before.stdout, "") || len(before.stdout) < 1000 {
				t.Error("the records differ after compact")
			}
		})
	}
}

// A search while the data file holds an unfinished rebuild of the search
// index says so, with the figure, finishes it with its progress, and answers.
func TestSearchFinishesRebuild(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ID, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			_, db := demoFile(t)
			s, err := store.Open(db, store.Options{RebuildLater: true})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.BeginRebuild(); err != nil {
				t.Fatal(err)
			}
			s.Close()
			// The list works meanwhile.
			if r := run(t, lang, "--db", db, "list"); r.code != 0 || strings.Count(r.stdout, "\n") < 3 {
				t.Fatalf("list during the rebuild: %+v", r)
			}
			r := run(t, lang, "--db", db, "search", "sumedang")
			words := map[i18n.Lang][]string{
				i18n.ID: {"Indeks pencarian sedang dibangun ulang, 0 %", "Indeks pencarian selesai dibangun ulang."},
				i18n.EN: {"The search index is being rebuilt, 0 %", "The search index has been rebuilt."},
			}[lang]
			for _, w := range words {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("search: %q not in %q", w, r.stderr)
				}
			}
			if r.code != 0 || !strings.Contains(strings.ToLower(r.stdout), "sumedang") {
				t.Errorf("search after the rebuild: %+v", r)
			}
			// Done: the next search says nothing of it.
			if r := run(t, lang, "--db", db, "search", "sumedang"); r.code != 0 || r.stderr != "" {
				t.Errorf("second search: %+v", r)
			}
		})
	}
}
