package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/store"
)

func agreementDate(y int) agreement.Date { return agreement.NewDate(y, 3, 1) }

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, lang i18n.Lang, args ...string) result {
	t.Helper()
	var out, errw bytes.Buffer
	now := func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	code := Run(args, Env{Stdout: &out, Stderr: &errw, Lang: lang, Now: now})
	return result{code, out.String(), errw.String()}
}

func checkFile(t *testing.T, path string) {
	t.Helper()
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// TestExportImportRoundTrip: a data file exported and imported into another
// exports the same; importing it again names the clashing record.
// demoFile is a data file in a fresh folder with the examples loaded, checked
// on cleanup.
func demoFile(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "a.db")
	t.Cleanup(func() { checkFile(t, db) })
	if r := run(t, i18n.ID, "--db", db, "demo"); r.code != 0 {
		t.Fatalf("demo: %+v", r)
	}
	return dir, db
}

func TestExportImportRoundTrip(t *testing.T) {
	dir, db := demoFile(t)
	exp := filepath.Join(dir, "ekspor.json")
	if r := run(t, i18n.ID, "--db", db, "export-json", exp); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	db2 := filepath.Join(dir, "b.db")
	t.Cleanup(func() { checkFile(t, db2) })
	if r := run(t, i18n.ID, "--db", db2, "import-json", exp); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	exp2 := filepath.Join(dir, "ekspor2.json")
	run(t, i18n.ID, "--db", db2, "export-json", exp2)
	a, _ := os.ReadFile(exp)
	b, _ := os.ReadFile(exp2)
	if !bytes.Equal(a, b) {
		t.Error("export after import differs")
	}
	// Importing the same file again names the clashing record.
	r := run(t, i18n.ID, "--db", db2, "import-json", exp)
	if r.code != 1 || !strings.Contains(r.stderr, "parties[0] (id 1)") {
		t.Errorf("re-import: %+v", r)
	}
}

func TestShowAddUpdate(t *testing.T) {
	dir, db := demoFile(t)
	r := run(t, i18n.ID, "--db", db, "show", "1", "--json")
	if r.code != 0 {
		t.Fatal(r)
	}
	file := filepath.Join(dir, "ksb.json")
	// Tags may change on a signed agreement.
	edited := strings.Replace(r.stdout, `"copies": 2,`, `"copies": 2,`+"\n"+`    "tags": ["uji"],`, 1)
	edited = strings.Replace(edited, `"tags": [`, `"tags_lama": [`, 2)
	edited = strings.Replace(edited, `"tags_lama": [`, `"tags": [`, 1)
	os.WriteFile(file, []byte(edited), 0o600)
	r2 := run(t, i18n.ID, "--db", db, "update", "1", file)
	if r2.code != 1 || !strings.Contains(r2.stderr, "isian tags_lama") {
		t.Fatalf("unknown field: %+v", r2)
	}
	// The subject of a signed agreement is locked.
	os.WriteFile(file, []byte(strings.Replace(r.stdout, `"subject": "`, `"subject": "DIUBAH `, 1)), 0o600)
	r2 = run(t, i18n.ID, "--db", db, "update", "1", file)
	if r2.code != 1 || !strings.Contains(r2.stderr, "terkunci") {
		t.Fatalf("locked subject: %+v", r2)
	}
	// Notes may change; a second update with the same stale rev conflicts.
	os.WriteFile(file, []byte(strings.Replace(r.stdout, `"status": "ditandatangani",`, `"status": "ditandatangani",`+"\n"+`    "notes": "Catatan baru",`, 1)), 0o600)
	if r2 = run(t, i18n.ID, "--db", db, "update", "1", file); r2.code != 0 {
		t.Fatalf("update notes: %+v", r2)
	}
	r2 = run(t, i18n.ID, "--db", db, "update", "1", file)
	if r2.code != 1 || !strings.Contains(r2.stderr, "jendela lain") {
		t.Fatalf("stale update: %+v", r2)
	}
	// add: a new draft without id or rev.
	draft := `{"format":"sepakat","version":1,"agreement":{"kind":"KSB","subject":"Pengelolaan Sampah Regional","status":"konsep",
	  "parties":[{"party_id":3,"role":"pihak_pertama"},{"party_id":1,"role":"pihak_kedua","own":true}],
	  "term":{"length":5,"unit":"tahun","start":"","end":""},"funding":{},"dprd":{"date":""},"copies":2,
	  "created":"0001-01-01T00:00:00Z","updated":"0001-01-01T00:00:00Z"}}`
	os.WriteFile(file, []byte(draft), 0o600)
	r2 = run(t, i18n.ID, "--db", db, "add", file)
	if r2.code != 0 || strings.TrimSpace(r2.stdout) != "4" {
		t.Fatalf("add: %+v", r2)
	}
	// add with an impossible date names the field and line.
	os.WriteFile(file, []byte(strings.Replace(draft, `"start":""`, `"start":"2025-02-30"`, 1)), 0o600)
	r2 = run(t, i18n.ID, "--db", db, "add", file)
	if r2.code != 1 || !strings.Contains(r2.stderr, "isian start") || !strings.Contains(r2.stderr, "baris 3") {
		t.Fatalf("impossible date: %+v", r2)
	}
	// add with an end before start gets the field message.
	os.WriteFile(file, []byte(strings.Replace(draft, `"start":"","end":""`, `"start":"2025-07-04","end":"2024-07-03"`, 1)), 0o600)
	r2 = run(t, i18n.EN, "--db", db, "add", file)
	if r2.code != 1 || !strings.Contains(r2.stderr, "term.end: End date (2024-07-03) is before the start date (2025-07-04)") {
		t.Fatalf("end before start: %+v", r2)
	}
}

func TestMisuseAndErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Pemakaian"},
		{[]string{"--db", db, "terbang"}, 2, `"terbang" tidak dikenal`},
		{[]string{"--db", db, "show"}, 2, "memerlukan ID"},
		{[]string{"--db", db, "show", "abc"}, 2, `ID "abc" tidak valid`},
		{[]string{"--db", db, "show", "99"}, 1, "tidak ditemukan"},
		{[]string{"--db", db, "list", "--status", "entah"}, 2, "tidak valid"},
		{[]string{"--db", db, "import-json", "/tidak/ada.json"}, 1, "tidak dapat dibaca"},
		{[]string{"--db", db, "gen", "--n", "0"}, 2, "--n"},
		{[]string{"--nope"}, 2, "Pilihan tidak valid"},
	}
	for _, c := range cases {
		r := run(t, i18n.ID, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: code %d stderr %q", c.args, r.code, r.stderr)
		}
	}
	if r := run(t, i18n.EN, "--db", db, "show", "abc"); !strings.Contains(r.stderr, "Invalid ID") {
		t.Errorf("English: %q", r.stderr)
	}
	if r := run(t, i18n.ID, "--help"); r.code != 0 || !strings.Contains(r.stdout, "export-json") {
		t.Errorf("help: %+v", r)
	}
	// Help after a command is help: salvage does not write a file named --help.
	for _, h := range []string{"--help", "-h", "-help"} {
		r := run(t, i18n.ID, "--db", db, "salvage", h)
		if r.code != 0 || !strings.Contains(r.stdout, "salvage OUT.db") || strings.Contains(r.stderr, "flag:") {
			t.Errorf("salvage %s: %+v", h, r)
		}
		if r := run(t, i18n.ID, "--db", db, "restore", h); r.code != 0 || strings.Contains(r.stderr, "flag:") {
			t.Errorf("restore %s: %+v", h, r)
		}
	}
	if _, err := os.Stat("--help"); err == nil {
		t.Error("salvage wrote a file named --help")
	}
}

func TestSecondOpenIsRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := run(t, i18n.ID, "--db", db, "list")
	if r.code != 1 || !strings.Contains(r.stderr, "Sepakat sudah terbuka di jendela lain") {
		t.Fatalf("%+v", r)
	}
}

func TestGenSmallCorpus(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "gen.db")
	t.Cleanup(func() { checkFile(t, db) })
	if r := run(t, i18n.ID, "--db", db, "gen", "--n", "300", "--seed", "7"); r.code != 0 {
		t.Fatalf("gen: %+v", r)
	}
	r := run(t, i18n.ID, "--db", db, "list", "--json", "--limit", "1000")
	var sums []agreement.Summary
	if err := json.Unmarshal([]byte(r.stdout), &sums); err != nil || len(sums) != 300 {
		t.Fatalf("%d summaries, %v", len(sums), err)
	}
	kinds := map[string]bool{}
	for _, s := range sums {
		kinds[string(s.Kind)] = true
	}
	if len(kinds) != 5 {
		t.Errorf("kinds in corpus: %v", kinds)
	}
	// Same seed, same corpus.
	db2 := filepath.Join(dir, "gen2.db")
	t.Cleanup(func() { checkFile(t, db2) })
	run(t, i18n.ID, "--db", db2, "gen", "--n", "300", "--seed", "7")
	a := run(t, i18n.ID, "--db", db, "show", "123", "--json")
	b := run(t, i18n.ID, "--db", db2, "show", "123", "--json")
	if a.stdout != b.stdout || a.stdout == "" {
		t.Error("same seed gave different agreements")
	}
	// Only into an empty file; the numbers handed out next do not repeat the corpus's.
	if r := run(t, i18n.ID, "--db", db, "gen", "--n", "5"); r.code != 1 || !strings.Contains(r.stderr, "berkas data kosong") {
		t.Errorf("gen into a full file: %+v", r)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	parties, _ := s.Parties()
	var own agreement.PartyName
	for _, p := range parties {
		if p.Own {
			own = agreement.PartyName{ID: p.ID, Name: p.Name}
		}
	}
	used := map[string]bool{}
	for _, sum := range sums {
		used[sum.OwnNumber] = true
	}
	for _, y := range []int{2024, 2025, 2026} {
		n, err := s.ReserveNumber(own.ID, "PKS", agreementDate(y), 0)
		if err != nil {
			t.Fatal(err)
		}
		if used[n] {
			t.Errorf("reserved %q, already used by the corpus", n)
		}
	}
}

func TestPDFCommand(t *testing.T) {
	dir, db := demoFile(t)
	out := filepath.Join(dir, "ksb.pdf")
	r := run(t, i18n.ID, "--db", db, "pdf", "2", "-o", out)
	if r.code != 0 || !strings.Contains(r.stderr, "KSB-2") {
		t.Fatalf("pdf: %+v", r)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o644 {
		t.Errorf("PDF mode %v, want 0644", fi.Mode().Perm())
	}
	r = run(t, i18n.ID, "--db", db, "pdf", "3", "-o", filepath.Join(dir, "f4.pdf"), "--paper", "F4", "--konsep")
	if r.code != 0 {
		t.Fatalf("pdf F4: %+v", r)
	}
	for _, bad := range [][]string{{"pdf", "2"}, {"pdf", "-o", out}, {"pdf", "x", "-o", out}} {
		if r := run(t, i18n.ID, append([]string{"--db", db}, bad...)...); r.code != 2 {
			t.Errorf("%v: code %d", bad, r.code)
		}
	}
	if r := run(t, i18n.ID, "--db", db, "pdf", "2", "-o", out, "--paper", "Letter"); r.code != 1 || !strings.Contains(r.stderr, "A4 atau F4") {
		t.Errorf("bad paper: %+v", r)
	}
}

func TestSynonyms(t *testing.T) {
	dir, db := demoFile(t)
	bad := filepath.Join(dir, "bad.txt")
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(bad, []byte("RB\nRB, Reformasi Birokrasi\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, []byte("# kantor\nRB, Reformasi Birokrasi\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := run(t, i18n.ID, "--db", db, "sinonim", "--set", bad); r.code != 1 || !strings.Contains(r.stderr, `baris 1: "RB"`) {
		t.Errorf("bad list: %d %q", r.code, r.stderr)
	}
	if r := run(t, i18n.EN, "--db", db, "sinonim", "--set", bad); !strings.Contains(r.stderr, `line 1: "RB"`) {
		t.Errorf("bad list in English: %q", r.stderr)
	}
	if r := run(t, i18n.ID, "--db", db, "search", "RB"); strings.Contains(r.stdout, "Reformasi") {
		t.Errorf("RB found before it is a synonym: %q", r.stdout)
	}
	if r := run(t, i18n.ID, "--db", db, "sinonim", "--set", good); r.code != 0 || !strings.Contains(r.stderr, "dibangun ulang") {
		t.Errorf("good list: %d %q", r.code, r.stderr)
	}
	if r := run(t, i18n.ID, "--db", db, "search", "RB"); !strings.Contains(r.stdout, "Reformasi Birokrasi") {
		t.Errorf("RB after the synonym: %q", r.stdout)
	}
	if r := run(t, i18n.ID, "--db", db, "sinonim"); !strings.Contains(r.stdout, "MoU, Memorandum of Understanding") || !strings.Contains(r.stdout, "RB, Reformasi Birokrasi") {
		t.Errorf("listing: %q", r.stdout)
	}
	if r := run(t, i18n.ID, "--db", db, "sinonim", "--clear"); r.code != 0 {
		t.Errorf("clear: %q", r.stderr)
	}
	if r := run(t, i18n.ID, "--db", db, "sinonim"); !strings.Contains(r.stdout, "Belum ada sinonim kantor") {
		t.Errorf("after clearing: %q", r.stdout)
	}
}
