package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/store"
)

// cancelOnCall is a data file whose slow work first cancels the command's
// context, as Ctrl+C pressed once the command is under way would, then runs
// with the context the command handed it.
type cancelOnCall struct {
	Backend
	cancel context.CancelFunc
}

func (c cancelOnCall) Import(ctx context.Context, d *dataset.Dataset) error {
	c.cancel()
	return c.Backend.Import(ctx, d)
}

func (c cancelOnCall) ImportFrom(ctx context.Context, open func() (io.ReadCloser, error)) (dataset.Counts, error) {
	c.cancel()
	return c.Backend.ImportFrom(ctx, open)
}

func (c cancelOnCall) ExportTo(ctx context.Context, w io.Writer) (dataset.Counts, error) {
	c.cancel()
	return c.Backend.ExportTo(ctx, w)
}

func (c cancelOnCall) Reindex(ctx context.Context) error {
	c.cancel()
	return c.Backend.Reindex(ctx)
}

func (c cancelOnCall) SetSynonyms(ctx context.Context, text string) error {
	c.cancel()
	return c.Backend.SetSynonyms(ctx, text)
}

func (c cancelOnCall) Export(ctx context.Context) (*dataset.Dataset, error) {
	c.cancel()
	return c.Backend.Export(ctx)
}

func (c cancelOnCall) Check(ctx context.Context) error {
	c.cancel()
	return c.Backend.Check(ctx)
}

// TestCancelledCommands: a command whose context is cancelled, before it
// starts or while it works, says "Dibatalkan." (in the user's language), exits
// with 1 and leaves the data file and the output file as they were.
func TestCancelledCommands(t *testing.T) {
	dir, db := demoFile(t)
	exp := filepath.Join(dir, "ekspor.json")
	if r := run(t, i18n.ID, "--db", db, "export-json", exp); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	empty := filepath.Join(dir, "kosong.db")
	t.Cleanup(func() { checkFile(t, empty) })
	if r := run(t, i18n.ID, "--db", empty, "check"); r.code != 0 {
		t.Fatalf("empty data file: %+v", r)
	}
	syn := filepath.Join(dir, "sinonim.txt")
	if err := os.WriteFile(syn, []byte("RB, Reformasi Birokrasi\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "keluar.json")
	// state is what a data file holds, as export and the synonym listing show it.
	state := func(path string) string {
		t.Helper()
		exported := run(t, i18n.ID, "--db", path, "export-json", "-")
		listed := run(t, i18n.ID, "--db", path, "sinonim")
		if exported.code != 0 || listed.code != 0 {
			t.Fatalf("reading %s: %+v %+v", path, exported, listed)
		}
		return exported.stdout + listed.stdout
	}
	files := func() []string {
		t.Helper()
		list, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range list {
			names = append(names, e.Name())
		}
		return names
	}
	commands := []struct {
		db   string
		args []string
	}{
		{empty, []string{"import-json", exp}},
		{db, []string{"reindex"}},
		{db, []string{"sinonim", "--set", syn}},
		{db, []string{"export-json", out}},
		{db, []string{"check"}},
	}
	for _, when := range []string{"before", "during"} {
		for _, lang := range []i18n.Lang{i18n.ID, i18n.EN} {
			for _, c := range commands {
				before, listed := state(c.db), files()
				ctx, cancel := context.WithCancel(context.Background())
				env := Env{Lang: lang, Context: ctx, Now: func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }}
				called := false
				if when == "before" {
					cancel()
				} else {
					env.Open = func(path string, now func() time.Time) (Backend, error) {
						s, err := store.Open(path, store.Options{Now: now})
						return cancelOnCall{s, func() { called = true; cancel() }}, err
					}
				}
				var stdout, stderr bytes.Buffer
				env.Stdout, env.Stderr = &stdout, &stderr
				code := Run(append([]string{"--db", c.db}, c.args...), env)
				cancel()
				want := map[i18n.Lang]string{i18n.ID: "Dibatalkan.\n", i18n.EN: "Cancelled.\n"}[lang]
				if code != ExitError || stderr.String() != want || stdout.Len() != 0 {
					t.Errorf("%s cancelled %s (%s): exit %d, stdout %q, stderr %q; want exit 1 and %q", c.args[0], when, lang, code, stdout.String(), stderr.String(), want)
				}
				if when == "during" && !called {
					t.Errorf("%s: the slow work was not reached", c.args[0])
				}
				if state(c.db) != before {
					t.Errorf("%s cancelled %s changed the data file", c.args[0], when)
				}
				if got := files(); !slices.Equal(got, listed) {
					t.Errorf("%s cancelled %s: files %v, were %v", c.args[0], when, got, listed)
				}
			}
		}
	}
	// Not cancelled, the same commands do their work.
	if r := run(t, i18n.ID, "--db", empty, "import-json", exp); r.code != 0 {
		t.Errorf("import after the cancelled ones: %+v", r)
	}
	if r := run(t, i18n.ID, "--db", db, "export-json", out); r.code != 0 {
		t.Errorf("export after the cancelled ones: %+v", r)
	}
}
