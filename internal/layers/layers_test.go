package layers

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "sepakat"

// imports maps each package of the module (by import path) to what its
// non-test files import; testImports to what its _test.go files import.
func readImports(t *testing.T) (imports, testImports map[string]map[string]bool) {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	imports, testImports = map[string]map[string]bool{}, map[string]map[string]bool{}
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "bin" || name == "out") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := module
		if rel != "." {
			pkg += "/" + filepath.ToSlash(rel)
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		into := imports
		if strings.HasSuffix(path, "_test.go") {
			into = testImports
		}
		if into[pkg] == nil {
			into[pkg] = map[string]bool{}
		}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			into[pkg][p] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 20 {
		t.Fatalf("read only %d packages from %s", len(imports), root)
	}
	return imports, testImports
}

func under(pkg, prefix string) bool { return pkg == prefix || strings.HasPrefix(pkg, prefix+"/") }

func TestDirectionOfFlow(t *testing.T) {
	imports, testImports := readImports(t)
	var pkgs []string
	for p := range imports {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)

	// Only these packages may import a dependency (bench tools aside).
	only := map[string][]string{
		"go.etcd.io/bbolt":            {module + "/internal/store", module + "/bench"},
		"github.com/jung-kurt/gofpdf": {module + "/internal/pdf"},
		"github.com/jackc/pgx/v5":     {module + "/internal/pgstore", module + "/bench"},
		"fyne.io/fyne/v2":             {module + "/internal/ui", module + "/cmd/sepakat"},
		"github.com/xuri/excelize/v2": {module + "/internal/sheet", module + "/internal/report"},
	}
	// What the pure and lower packages must never import.
	forbidden := map[string][]string{
		module + "/internal/agreement": {module + "/internal/service", module + "/internal/store", module + "/internal/search", module + "/internal/ui"},
		module + "/internal/bahasa":    {module + "/internal/agreement", module + "/internal/service", module + "/internal/store"},
		module + "/internal/naskah":    {module + "/internal/service", module + "/internal/store", module + "/internal/pdf", module + "/internal/ui"},
		module + "/internal/search":    {module + "/internal/service", module + "/internal/store", module + "/internal/ui"},
		module + "/internal/service":   {module + "/internal/store", module + "/internal/ui", module + "/internal/cli", module + "/internal/export"},
		module + "/internal/store":     {module + "/internal/ui", module + "/internal/cli", module + "/internal/export"},
		module + "/internal/ui":        {module + "/internal/store", module + "/internal/pgstore", module + "/internal/cli", module + "/internal/gen"},
		module + "/internal/cli":       {module + "/internal/ui"},
		module + "/internal/ui/kit":    {module + "/internal/ui/editor"},
	}
	// Test support: imported by tests and by each other, never by programs.
	testOnly := []string{module + "/internal/service/fake", module + "/internal/service/servicetest", module + "/internal/search/searchtest"}

	for _, p := range pkgs {
		for im := range imports[p] {
			for dep, allowed := range only {
				if !under(im, dep) {
					continue
				}
				ok := false
				for _, a := range allowed {
					ok = ok || under(p, a)
				}
				if !ok {
					t.Errorf("%s imports %s; only %v may", p, im, allowed)
				}
			}
			for prefix, bad := range forbidden {
				if !under(p, prefix) {
					continue
				}
				// A package's own sub-packages are its to use (internal/ui/kit, internal/store/fts).
				for _, b := range bad {
					if under(im, b) && !under(im, prefix) {
						t.Errorf("%s imports %s, against the direction of flow", p, im)
					}
				}
			}
			for _, to := range testOnly {
				if under(im, to) && !isTestSupport(p, testOnly) {
					t.Errorf("%s imports the test support %s", p, im)
				}
			}
		}
	}
	// The checks must see the rules' subjects, or they prove nothing.
	for _, want := range []string{module + "/internal/ui", module + "/internal/store", module + "/internal/service/fake"} {
		if imports[want] == nil {
			t.Errorf("package %s not found", want)
		}
	}
	if !testImports[module+"/internal/store"][module+"/internal/service/servicetest"] {
		t.Error("the store's tests do not run the conformance suite")
	}
}

func isTestSupport(p string, testOnly []string) bool {
	for _, to := range testOnly {
		if under(p, to) {
			return true
		}
	}
	return false
}

// TestWalkReadsImports makes sure the walk reads imports at all: this
// file's own package imports go/parser.
func TestWalkReadsImports(t *testing.T) {
	_, testImports := readImports(t)
	if !testImports[module+"/internal/layers"]["go/parser"] {
		t.Fatal("the walk did not read this test's own imports")
	}
	if _, err := os.Stat("../../go.mod"); err != nil {
		t.Fatal(err)
	}
}
