package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sepakat/internal/i18n"
	"sepakat/internal/store"
)

// runAt runs the tool at a given time, with stdin and a terminal or not.
func runAt(t *testing.T, now time.Time, stdin string, terminal bool, lang i18n.Lang, args ...string) result {
	t.Helper()
	var out, errw bytes.Buffer
	code := Run(args, Env{Stdout: &out, Stderr: &errw, Lang: lang, Now: func() time.Time { return now },
		Stdin: strings.NewReader(stdin), Interactive: terminal})
	return result{code, out.String(), errw.String()}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	list, _ := os.ReadDir(dir)
	var out []string
	for _, e := range list {
		out = append(out, e.Name())
	}
	return out
}

// TestDailyBackupOnOpen: the first command of a day that opens a data file
// holding records leaves one copy; later commands that day add none.
func TestDailyBackupOnOpen(t *testing.T) {
	dir, db := demoFile(t)
	day := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	for i := range 3 {
		if r := runAt(t, day.Add(time.Duration(i)*time.Hour), "", false, i18n.ID, "--db", db, "list"); r.code != 0 {
			t.Fatalf("list: %+v", r)
		}
	}
	got := names(t, filepath.Join(dir, "cadangan"))
	if len(got) != 1 || got[0] != "a-20261123-090000-harian.db" {
		t.Fatalf("after three commands in a day: %v", got)
	}
	runAt(t, day.AddDate(0, 0, 1), "", false, i18n.ID, "--db", db, "list")
	if got := names(t, filepath.Join(dir, "cadangan")); len(got) != 2 {
		t.Errorf("next day: %v", got)
	}
}

func TestBackupCommands(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ID, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			dir, db := demoFile(t)
			now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
			words := map[i18n.Lang][]string{
				i18n.ID: {"Cadangan dibuat dan diperiksa", "3 perjanjian", "WAKTU", "manual", "Tempat kedua belum diatur", "Juga disalin ke tempat kedua", "salinan terakhir"},
				i18n.EN: {"Backup made and verified", "3 agreements", "TIME", "on demand", "No second place set", "Also copied to the second place", "last copy"},
			}[lang]
			r := runAt(t, now, "", false, lang, "--db", db, "backup")
			copyPath := filepath.Join(dir, "cadangan", "a-20261123-090000.db")
			if r.code != 0 || !strings.Contains(r.stdout, words[0]) || !strings.Contains(r.stdout, words[1]) || !strings.Contains(r.stdout, copyPath) {
				t.Fatalf("backup: %+v", r)
			}
			if got := names(t, filepath.Join(dir, "cadangan")); len(got) != 1 {
				t.Errorf("backup made %v (no daily copy beside the one asked for)", got)
			}
			r = runAt(t, now, "", false, lang, "--db", db, "backups")
			if r.code != 0 || !strings.Contains(r.stdout, words[2]) || !strings.Contains(r.stdout, words[3]) || !strings.Contains(r.stdout, words[4]) || !strings.Contains(r.stdout, copyPath) {
				t.Fatalf("backups: %+v", r)
			}
			// To a path of one's own.
			own := filepath.Join(dir, "salinan.db")
			if r := runAt(t, now, "", false, lang, "--db", db, "backup", own); r.code != 0 || !strings.Contains(r.stdout, own) {
				t.Fatalf("backup PATH: %+v", r)
			}
			checkFile(t, own)
			// The second place.
			usb := filepath.Join(dir, "usb")
			os.Mkdir(usb, 0o700)
			later := now.Add(time.Hour)
			r = runAt(t, later, "", false, lang, "--db", db, "backup", "--second-place", usb, "--keep", "5,2,6")
			if r.code != 0 || !strings.Contains(r.stdout, words[5]) || !strings.Contains(r.stderr, "5") {
				t.Fatalf("backup --second-place: %+v", r)
			}
			if got := names(t, usb); len(got) != 1 || got[0] != "a-20261123-100000.db" {
				t.Errorf("second place holds %v", got)
			}
			if r := runAt(t, later, "", false, lang, "--db", db, "backups"); !strings.Contains(r.stdout, words[6]) || strings.Count(r.stdout, "a-20261123-100000.db") != 2 {
				t.Errorf("backups with a second place: %+v", r)
			}
			for _, bad := range [][]string{{"backup", "--keep", "0,1,1"}, {"backup", "--keep", "x"}, {"backup", "--second-place", filepath.Join(dir, "tidak-ada")}} {
				r := runAt(t, later, "", false, lang, append([]string{"--db", db}, bad...)...)
				if r.code == 0 || r.stderr == "" || strings.Contains(r.stderr, "service:") {
					t.Errorf("%v: %+v", bad, r)
				}
			}
		})
	}
}

func TestRestoreCommand(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ID, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			dir, db := demoFile(t)
			now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
			if r := runAt(t, now, "", false, lang, "--db", db, "backup"); r.code != 0 {
				t.Fatalf("backup: %+v", r)
			}
			name := "a-20261123-090000.db"
			// A change after the copy.
			syn := filepath.Join(dir, "sinonim.txt")
			os.WriteFile(syn, []byte("RB, Reformasi Birokrasi\n"), 0o600)
			if r := runAt(t, now, "", false, lang, "--db", db, "sinonim", "--set", syn); r.code != 0 {
				t.Fatalf("sinonim: %+v", r)
			}
			before, _ := os.ReadFile(db)
			holds := map[i18n.Lang]string{i18n.ID: "berisi 3 perjanjian", i18n.EN: "holds 3 agreements"}[lang]

			// Without a terminal and without --yes: refused, nothing changed.
			r := runAt(t, now, "", false, lang, "--db", db, "restore", name)
			if r.code != ExitMisuse || !strings.Contains(r.stdout, holds) || !strings.Contains(r.stderr, "--yes") {
				t.Fatalf("restore without --yes: %+v", r)
			}
			// On a terminal, answered no.
			if r := runAt(t, now, "tidak\n", true, lang, "--db", db, "restore", name); r.code != ExitError {
				t.Fatalf("restore answered no: %+v", r)
			}
			if after, _ := os.ReadFile(db); !bytes.Equal(after, before) {
				t.Fatal("a restore not confirmed changed the data file")
			}
			// A foreign file is refused in words.
			pdf := filepath.Join(dir, "naskah.pdf")
			os.WriteFile(pdf, []byte("%PDF-1.4\n"+strings.Repeat("x", 5000)), 0o600)
			if r := runAt(t, now, "", false, lang, "--db", db, "restore", pdf, "--yes"); r.code != ExitError || strings.Contains(r.stderr, "service:") ||
				!strings.Contains(r.stderr, map[i18n.Lang]string{i18n.ID: "bukan berkas data Sepakat", i18n.EN: "not a sound Sepakat data file"}[lang]) {
				t.Fatalf("restore from a PDF: %+v", r)
			}
			// On a terminal, answered yes.
			later := now.Add(time.Hour)
			r = runAt(t, later, "ya\n", true, lang, "--db", db, "restore", name)
			aside := db + ".sebelum-pulih-20261123-100000"
			if r.code != 0 || !strings.Contains(r.stdout, aside) {
				t.Fatalf("restore: %+v", r)
			}
			if kept, _ := os.ReadFile(aside); !bytes.Equal(kept, before) {
				t.Error("the file kept aside is not the one before the restore")
			}
			if r := runAt(t, later, "", false, lang, "--db", db, "sinonim"); r.code != 0 || strings.Contains(r.stdout, "Reformasi Birokrasi") {
				t.Errorf("the synonyms set after the copy survived the restore: %+v", r)
			}
			// --yes over a damaged data file.
			os.WriteFile(db, []byte(strings.Repeat("rusak", 3000)), 0o600)
			r = runAt(t, later.Add(time.Minute), "", false, lang, "--db", db, "restore", filepath.Join(dir, "cadangan", name), "--yes")
			if r.code != 0 {
				t.Fatalf("restore --yes over a damaged file: %+v", r)
			}
			s, err := store.Open(db, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if n, _ := s.Total(); n != 3 {
				t.Errorf("restored total %d", n)
			}
		})
	}
}

// TestGenMakesNoCopies: a synthetic corpus goes into an empty file in
// batches, with no copy before each.
func TestGenMakesNoCopies(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "gen.db")
	if r := run(t, i18n.ID, "--db", db, "gen", "--n", "2100", "--seed", "2"); r.code != 0 {
		t.Fatalf("gen: %+v", r)
	}
	if got := names(t, filepath.Join(dir, "cadangan")); len(got) != 0 {
		t.Errorf("gen left copies: %v", got)
	}
}
