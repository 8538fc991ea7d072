package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service/fake"
)

// everyday runs the everyday commands on one backend; do runs a command line
// and checks its exit code. It returns how many commands it ran.
func everyday(t *testing.T, dir string, do func(want int, args ...string) (stdout, stderr string)) int {
	t.Helper()
	ran := 0
	cmd := func(want int, args ...string) (string, string) {
		t.Helper()
		ran++
		return do(want, args...)
	}
	if _, stderr := cmd(0, "demo"); !strings.Contains(stderr, "3 perjanjian dan 3 instansi ditambahkan; register kini berisi 3 perjanjian") {
		t.Errorf("demo: %q", stderr)
	}
	if _, stderr := cmd(1, "demo"); !strings.Contains(stderr, "sudah dimuat") {
		t.Errorf("second demo: %q", stderr)
	}
	if stdout, _ := cmd(0, "list"); !strings.Contains(stdout, "Berbagi Informasi dan Inovasi Daerah") || !strings.Contains(stdout, "NOMOR KITA") {
		t.Errorf("list: %q", stdout)
	}
	stdout, _ := cmd(0, "list", "--json", "--kind", "pks")
	var sums []agreement.Summary
	if err := json.Unmarshal([]byte(stdout), &sums); err != nil || len(sums) != 1 || sums[0].ID != 3 {
		t.Fatalf("list --json --kind pks: %v %v", sums, err)
	}
	stdout, _ = cmd(0, "show", "3")
	for _, want := range []string{"Perjanjian Kerja Sama", "Rio Gismara", "Surat Kuasa", "Pasal 1"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("show lacks %q:\n%s", want, stdout)
		}
	}
	if stdout, _ := cmd(0, "search", "mal pelayanan publik"); !strings.HasPrefix(stdout, "3  PKS") || !strings.Contains(stdout, "[") {
		t.Errorf("search: %q", stdout)
	}
	if _, stderr := cmd(1, "show", "99"); !strings.Contains(stderr, "Data tidak ditemukan") {
		t.Errorf("show 99: %q", stderr)
	}
	exp := filepath.Join(dir, "ekspor.json")
	cmd(0, "export-json", exp)
	if data, err := os.ReadFile(exp); err != nil || !bytes.Contains(data, []byte(`"Berbagi Informasi dan Inovasi Daerah"`)) {
		t.Errorf("export: %v", err)
	}
	if stdout, _ := cmd(0, "check"); !strings.Contains(stdout, "3 perjanjian") {
		t.Errorf("check: %q", stdout)
	}
	if _, stderr := cmd(0, "pdf", "3", "-o", filepath.Join(dir, "pks.pdf")); !strings.Contains(stderr, "PKS-3") {
		t.Errorf("pdf: %q", stderr)
	}
	return ran
}

// TestCommandsOnBothBackends runs the everyday commands on a data file and on
// the in-memory fake: the commands go only through the seam.
func TestCommandsOnBothBackends(t *testing.T) {
	t.Run("store", func(t *testing.T) {
		dir := t.TempDir()
		db := filepath.Join(dir, "a.db")
		t.Cleanup(func() { checkFile(t, db) })
		everyday(t, dir, func(want int, args ...string) (string, string) {
			t.Helper()
			r := run(t, i18n.ID, append([]string{"--db", db}, args...)...)
			if r.code != want {
				t.Fatalf("%v: exit %d, want %d\n%s", args, r.code, want, r.stderr)
			}
			return r.stdout, r.stderr
		})
	})
	t.Run("fake", func(t *testing.T) {
		now := func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
		f, err := fake.New(fake.Options{Now: now, User: "staf1"})
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		db := filepath.Join(dir, "tidak-dibuat.db")
		opened := 0
		ran := everyday(t, dir, func(want int, args ...string) (string, string) {
			t.Helper()
			var out, errw bytes.Buffer
			e := Env{Stdout: &out, Stderr: &errw, Lang: i18n.ID, Now: now,
				Open: func(path string, _ func() time.Time) (Backend, error) {
					if path != db {
						t.Errorf("opened %q, want %q", path, db)
					}
					opened++
					return f, nil
				}}
			if code := Run(append([]string{"--db", db}, args...), e); code != want {
				t.Fatalf("%v: exit %d, want %d\n%s", args, code, want, errw.String())
			}
			return out.String(), errw.String()
		})
		if opened != ran {
			t.Errorf("%d opens for %d commands", opened, ran)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Errorf("a data file was made: %v", err)
		}
	})
}

// TestFileErrorsInWords checks that errors of the file system reach the user
// in the message table's words, with the path, and never as Go's strings.
func TestFileErrorsInWords(t *testing.T) {
	dir, db := demoFile(t)
	missing := filepath.Join(dir, "tidak-ada.json")
	into := filepath.Join(dir, "tidak", "ada", "ekspor.json")
	cases := []struct {
		lang      i18n.Lang
		args      []string
		want, not []string
	}{
		{i18n.ID, []string{"import-json", missing}, []string{"Berkas " + missing + " tidak dapat dibaca: Berkas atau folder tidak ditemukan."}, []string{"no such file", "Rincian"}},
		{i18n.EN, []string{"import-json", missing}, []string{"Cannot read file " + missing + ": File or folder not found."}, []string{"no such file"}},
		{i18n.ID, []string{"add", missing}, []string{"tidak dapat dibaca: Berkas atau folder tidak ditemukan."}, []string{"no such file"}},
		{i18n.ID, []string{"sinonim", "--set", missing}, []string{"tidak dapat dibaca: Berkas atau folder tidak ditemukan."}, []string{"no such file"}},
		{i18n.ID, []string{"import-json", dir}, []string{"Yang dipilih adalah folder"}, []string{"is a directory"}},
		{i18n.ID, []string{"export-json", into}, []string{"Berkas " + into + " tidak dapat ditulis: Berkas atau folder tidak ditemukan."}, []string{"no such file", ".sepakat-tmp"}},
		{i18n.ID, []string{"pdf", "2", "-o", into}, []string{"PDF tidak dibuat: Berkas atau folder tidak ditemukan.", "Rincian: " + into}, []string{"no such file", ".sepakat-tmp"}},
		{i18n.ID, []string{"list", "--limit", "abc"}, []string{"Pilihan tidak valid: -limit abc"}, []string{"parse error", "invalid value"}},
		{i18n.ID, []string{"list", "--entah"}, []string{"Pilihan tidak valid: -entah"}, []string{"not defined"}},
		{i18n.ID, []string{"search", "izin", "--from", "2025-02-30"}, []string{`Tanggal "2025-02-30" tidak valid`}, nil},
		{i18n.EN, []string{"search", "izin", "--to", "kemarin"}, []string{`Invalid date "kemarin"`}, nil},
	}
	for _, c := range cases {
		r := run(t, c.lang, append([]string{"--db", db}, c.args...)...)
		if r.code == 0 {
			t.Errorf("%v: exit 0", c.args)
		}
		for _, w := range c.want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%v: %q lacks %q", c.args, r.stderr, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(r.stderr, n) {
				t.Errorf("%v: %q has %q", c.args, r.stderr, n)
			}
		}
	}
	// A file that does not decode names the line and the field.
	bad := filepath.Join(dir, "rusak.json")
	os.WriteFile(bad, []byte("{\n  \"format\": \"sepakat\",\n  \"version\": 1,\n  \"agreements\": [{\"subjek\": 1}]\n}"), 0o600)
	r := run(t, i18n.EN, "--db", db, "import-json", bad)
	if r.code != 1 || !strings.Contains(r.stderr, `line 4, agreements[0], field subjek: Unknown field`) {
		t.Errorf("undecodable file: %+v", r)
	}
}
