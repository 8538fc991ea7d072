package service

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
)

// sentinelsInSource finds every exported package-level Err variable of
// Sepakat's packages (internal/...), as "package.Name".
func sentinelsInSource(t *testing.T) []string {
	t.Helper()
	var out []string
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				for _, name := range spec.(*ast.ValueSpec).Names {
					if isSentinelName(name.Name) {
						out = append(out, f.Name.Name+"."+name.Name)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func isSentinelName(n string) bool {
	return strings.HasPrefix(n, "Err") && len(n) > 3 && n[3] >= 'A' && n[3] <= 'Z'
}

// tableInSource lists the errors the message table of errors.go names, as
// "package.Name", in table order.
func tableInSource(t *testing.T) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "errors.go", nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if len(vs.Names) != 1 || vs.Names[0].Name != "messages" || len(vs.Values) != 1 {
				continue
			}
			for _, el := range vs.Values[0].(*ast.CompositeLit).Elts {
				switch x := el.(*ast.CompositeLit).Elts[0].(type) {
				case *ast.Ident:
					out = append(out, f.Name.Name+"."+x.Name)
				case *ast.SelectorExpr:
					out = append(out, x.X.(*ast.Ident).Name+"."+x.Sel.Name)
				default:
					t.Fatalf("table entry %T: name the error by its variable", x)
				}
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no message table found in errors.go")
	}
	return out
}

func TestEverySentinelHasAMessage(t *testing.T) {
	found := sentinelsInSource(t)
	for _, want := range []string{"service.ErrNotFound", "agreement.ErrLocked", "dataset.ErrFormat", "bahasa.ErrTooLarge"} {
		if !slices.Contains(found, want) {
			t.Fatalf("the walk missed %s: found %v", want, found)
		}
	}
	table := tableInSource(t)
	for _, name := range found {
		if !slices.Contains(table, name) {
			t.Errorf("%s has no words in the message table of internal/service/errors.go", name)
		}
	}
	if len(table) != len(messages) {
		t.Fatalf("parsed %d table entries, the table has %d", len(table), len(messages))
	}
	general := map[i18n.Lang]string{i18n.ID: msgGeneral.In(i18n.ID), i18n.EN: msgGeneral.In(i18n.EN)}
	seen := map[string]string{}
	for i, e := range messages {
		name := table[i]
		id, en := Explain(e.err, i18n.ID), Explain(e.err, i18n.EN)
		switch {
		case strings.TrimSpace(id.Message) == "" || strings.TrimSpace(en.Message) == "":
			t.Errorf("%s: an empty message (%q, %q)", name, id.Message, en.Message)
		case id.Message == en.Message:
			t.Errorf("%s: the same words in both languages: %q", name, id.Message)
		case id.Message == general[i18n.ID] || en.Message == general[i18n.EN]:
			t.Errorf("%s: only the general message", name)
		case id.Detail != "" || en.Detail != "":
			t.Errorf("%s: a detail line for the bare sentinel: %q", name, id.Detail)
		case strings.Contains(id.Message, e.err.Error()):
			t.Errorf("%s: the Go error string in the message: %q", name, id.Message)
		}
		if other, dup := seen[id.Message]; dup {
			t.Errorf("%s and %s share the words %q", name, other, id.Message)
		}
		seen[id.Message] = name
		if !Known(e.err) {
			t.Errorf("%s: not Known", name)
		}
	}
}

func TestWrappedSentinelKeepsItsContextAsDetail(t *testing.T) {
	err := fmt.Errorf("instansi %d: %w", 7, ErrNotFound)
	p := Explain(err, i18n.ID)
	if p.Message != Explain(ErrNotFound, i18n.ID).Message || p.Detail != "Rincian: instansi 7" {
		t.Errorf("wrapped: %+v", p)
	}
	p = Explain(fmt.Errorf("%w: kunci rusak", ErrCorrupt), i18n.EN)
	if !strings.HasPrefix(p.Message, "The data file is damaged") || p.Detail != "Detail: kunci rusak" {
		t.Errorf("wrapped, English: %+v", p)
	}
	if got := Message(err, i18n.ID); got != p2s(Explain(err, i18n.ID)) || !strings.Contains(got, "\nRincian: instansi 7") {
		t.Errorf("Message %q", got)
	}
	conflict := &ConflictError{Type: "agreement", ID: 3, Have: 1, Want: 2}
	if p := Explain(conflict, i18n.ID); !strings.Contains(p.Message, "jendela lain") {
		t.Errorf("conflict: %+v", p)
	}
}

func p2s(p Problem) string { return p.String() }

func TestErrorsThatExplainThemselves(t *testing.T) {
	es := agreement.Errors{{Field: "term.end", Code: "bad_date"}}
	if p := Explain(fmt.Errorf("simpan: %w", es), i18n.EN); p.Message != "term.end: Invalid date." || p.Detail != "" {
		t.Errorf("agreement.Errors: %+v", p)
	}
	ie := &ImportError{Record: "agreements[2] (id 3)", Field: "id", Err: fmt.Errorf("%w: sudah ada", ErrDuplicate)}
	id, en := Message(ie, i18n.ID), Message(ie, i18n.EN)
	if !strings.Contains(id, "agreements[2] (id 3), isian id: ID data sudah dipakai.") || !strings.Contains(id, "Rincian: sudah ada") {
		t.Errorf("import error: %q", id)
	}
	if !strings.Contains(en, ", field id: The record ID is already in use.") {
		t.Errorf("import error, English: %q", en)
	}
	if !errors.Is(ie, ErrDuplicate) {
		t.Error("ImportError hides its cause")
	}
	se := &SynonymsError{Problems: []SynonymLine{{Line: 2, Text: "RB"}}}
	if m := Message(se, i18n.ID); !strings.Contains(m, "baris 2") || strings.Contains(m, "Rincian") {
		t.Errorf("synonyms error: %q", m)
	}
	if Explain(nil, i18n.ID) != (Problem{}) || Message(nil, i18n.ID) != "" {
		t.Error("nil error has words")
	}
}

func TestOperatingSystemErrorsHaveWordsAndThePath(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "tidak-ada.json")
	_, errMissing := os.Open(missing)
	_, errExist := os.OpenFile(dir, os.O_CREATE|os.O_EXCL, 0o600)
	cases := []osCase{
		{"not found", errMissing, missing, msgNotExist},
		{"not found, built", &fs.PathError{Op: "open", Path: "/data/a.db", Err: fs.ErrNotExist}, "/data/a.db", msgNotExist},
		{"permission", &fs.PathError{Op: "open", Path: "/data/b.db", Err: fs.ErrPermission}, "/data/b.db", msgPermission},
		{"exists", errExist, dir, msgExist},
	}
	cases = append(cases, osCases(t)...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.err == nil {
				t.Fatal("the operating system gave no error")
			}
			for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
				p := Explain(c.err, l)
				if p.Message != c.want.In(l) {
					t.Errorf("%s: %q, want %q (from %v)", l, p.Message, c.want.In(l), c.err)
				}
				if p.Detail != msgDetail.In(l, c.path) {
					t.Errorf("%s: detail %q, want the path %s", l, p.Detail, c.path)
				}
				if strings.Contains(p.String(), c.err.Error()) {
					t.Errorf("%s: the Go error string on screen: %q", l, p)
				}
			}
			if !Known(c.err) {
				t.Error("not Known")
			}
			// Wrapped, it keeps its words and its path.
			if p := Explain(fmt.Errorf("ekspor: %w", c.err), i18n.ID); p.Message != c.want.In(i18n.ID) || !strings.Contains(p.Detail, c.path) {
				t.Errorf("wrapped: %+v", p)
			}
		})
	}
}

type osCase struct {
	name string
	err  error
	path string
	want i18n.Text
}

func TestUnknownErrorGetsTheGeneralMessageAndADetailLine(t *testing.T) {
	err := errors.New("x: something odd at offset 42")
	if Known(err) {
		t.Error("an unknown error is Known")
	}
	for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
		p := Explain(err, l)
		if p.Message != msgGeneral.In(l) {
			t.Errorf("%s: message %q", l, p.Message)
		}
		if p.Detail != msgDetail.In(l, err.Error()) {
			t.Errorf("%s: detail %q", l, p.Detail)
		}
		text := Message(err, l)
		if text == err.Error() || !strings.HasPrefix(text, msgGeneral.In(l)+"\n") {
			t.Errorf("%s: %q", l, text)
		}
	}
	if got := Message(err, i18n.ID); !strings.HasSuffix(got, "\nRincian: x: something odd at offset 42") {
		t.Errorf("Indonesian detail line: %q", got)
	}
}

func TestUndecodableFileNamesWhere(t *testing.T) {
	_, err := dataset.Decode(strings.NewReader("{\n  \"format\": \"sepakat\",\n  \"version\": 1,\n  \"agreements\": [{\"subjek\": 1}]\n}"))
	var de *dataset.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("not a decode error: %v", err)
	}
	want := map[i18n.Lang]string{
		i18n.ID: `baris 4, agreements[0], isian subjek: ` + textOf(dataset.ErrUnknownField).ID,
		i18n.EN: `line 4, agreements[0], field subjek: ` + textOf(dataset.ErrUnknownField).EN,
	}
	for l, w := range want {
		if p := Explain(err, l); p.Message != w || p.Detail != "" {
			t.Errorf("%s: %+v", l, p)
		}
	}
	if p := Explain(fmt.Errorf("impor: %w", err), i18n.EN); p.Message != want[i18n.EN] {
		t.Errorf("wrapped: %+v", p)
	}
	// The offending value is the detail, in the user's language.
	_, err = dataset.Decode(strings.NewReader("{\"format\": \"sepakat\", \"version\": 1,\n\"parties\": [\n{\"id\": 1e30}]}"))
	if p := Explain(err, i18n.EN); p.Message != `line 3, parties[0], field id: `+textOf(dataset.ErrNumberRange).EN || p.Detail != "Detail: 1e30" {
		t.Errorf("range: %+v", p)
	}
}
