package editor

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sepakat/resources"
)

// TestEveryStringTranslated finds each lang.L key in the editor's and the
// widget kit's sources and checks that both shipped translations have it.
func TestEveryStringTranslated(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	kit, _ := filepath.Glob("../kit/*.go")
	key := regexp.MustCompile(`lang\.L\(("(?:[^"\\]|\\.)*")`)
	tables := map[string]map[string]any{}
	for _, lang := range []string{"id", "en"} {
		raw, err := resources.FS.ReadFile("translations/" + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		tables[lang] = m
	}
	n := 0
	for _, f := range append(files, kit...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllSubmatch(src, -1) {
			k, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatal(err)
			}
			n++
			for lang, table := range tables {
				if v, _ := table[k].(string); v == "" {
					t.Errorf("%s: %q has no %s translation", f, k, lang)
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d strings found", n)
	}
}
