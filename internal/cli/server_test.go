package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/i18n"
	"sepakat/internal/pgstore/pgtest"
)

// TestMain gives the commands a configuration folder of the run's own: a
// command with --server and no --db keeps the server's copies beside the
// default data file, which must never be the user's.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sepakat-cli-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir) // os.UserConfigDir on Linux and the BSDs
	os.Setenv("APPDATA", dir)         // on Windows
	code := func() int {
		defer os.RemoveAll(dir)
		return pgtest.Run(m)
	}()
	os.Exit(code)
}

// diffExports fails the test when two exchange files differ beyond their
// export time.
func diffExports(t *testing.T, a, b string) {
	t.Helper()
	read := func(p string) string {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var keep []string
		for _, l := range strings.Split(string(raw), "\n") {
			if !strings.Contains(l, `"exported_at"`) {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "\n")
	}
	if x, y := read(a), read(b); x != y {
		t.Fatalf("%s and %s differ (%d and %d bytes)", a, b, len(x), len(y))
	}
}

// TestServerSmoke is the CLI smoke run on the PostgreSQL backend: init, push
// a data file, the everyday commands through --server and SEPAKAT_SERVER,
// pull it back into a new data file that exports the same.
func TestServerSmoke(t *testing.T) {
	dir, db := demoFile(t)
	conn := pgtest.Fresh(t)
	staff := fmt.Sprintf("staf_uji_%d", os.Getpid())

	r := run(t, i18n.ID, "--server", conn, "server", "init", "--staff", staff)
	if r.code != 0 || !strings.Contains(r.stdout, "Peran staf "+staff+" dibuat") {
		t.Fatalf("server init: %+v", r)
	}
	if r = run(t, i18n.EN, "--server", conn, "server", "init", "--staff", staff); r.code != 0 || !strings.Contains(r.stdout, "0 migrations applied") || !strings.Contains(r.stdout, "existed") {
		t.Fatalf("server init again: %+v", r)
	}

	r = run(t, i18n.ID, "--server", conn, "server", "push", db)
	if r.code != 0 || !strings.Contains(r.stdout, "3 perjanjian") || !strings.Contains(r.stdout, "jumlah di kedua sisi sama") {
		t.Fatalf("push: %+v", r)
	}
	if r = run(t, i18n.ID, "--server", conn, "server", "push", db); r.code != 1 || !strings.Contains(r.stderr, "sudah berisi data (3 perjanjian") {
		t.Fatalf("push onto a register that holds data: %+v", r)
	}

	if r = run(t, i18n.ID, "--server", conn, "list"); r.code != 0 || !strings.Contains(r.stdout, "Berbagi Informasi dan Inovasi Daerah") {
		t.Fatalf("list on the server: %+v", r)
	}
	t.Setenv(EnvServer, conn)
	if r = run(t, i18n.ID, "show", "3"); r.code != 0 || !strings.Contains(r.stdout, "Lampung") {
		t.Fatalf("show through SEPAKAT_SERVER: %+v", r)
	}
	if r = run(t, i18n.ID, "search", "sumedang lampung timur"); r.code != 0 || !strings.Contains(r.stdout, "Lampung Timur") {
		t.Fatalf("search on the server: %+v", r)
	}
	if r = run(t, i18n.ID, "check"); r.code != 0 {
		t.Fatalf("check on the server: %+v", r)
	}
	fromFile, fromServer := filepath.Join(dir, "a.json"), filepath.Join(dir, "server.json")
	if r = run(t, i18n.ID, "--server", "", "--db", db, "export-json", fromFile); r.code != 0 {
		t.Fatalf("export the data file: %+v", r)
	}
	if r = run(t, i18n.ID, "export-json", fromServer); r.code != 0 {
		t.Fatalf("export the server: %+v", r)
	}
	diffExports(t, fromFile, fromServer)

	pulled := filepath.Join(dir, "pulled.db")
	if r = run(t, i18n.ID, "server", "pull", pulled); r.code != 0 || !strings.Contains(r.stdout, "3 perjanjian") {
		t.Fatalf("pull: %+v", r)
	}
	checkFile(t, pulled)
	back := filepath.Join(dir, "pulled.json")
	if r = run(t, i18n.ID, "--server", "", "--db", pulled, "export-json", back); r.code != 0 {
		t.Fatalf("export the pulled file: %+v", r)
	}
	diffExports(t, fromFile, back)
	if r = run(t, i18n.ID, "server", "pull", pulled); r.code != 1 || !strings.Contains(r.stderr, "sudah ada") {
		t.Fatalf("pull onto an existing file: %+v", r)
	}
}

// TestServerStaffAccount: a staff account in the role server init made
// works the register, is the name its history records, and cannot change
// or remove history.
func TestServerStaffAccount(t *testing.T) {
	_, db := demoFile(t)
	conn := pgtest.Fresh(t)
	staff := fmt.Sprintf("staf_akun_%d", os.Getpid())
	if r := run(t, i18n.ID, "--server", conn, "server", "init", "--staff", staff); r.code != 0 {
		t.Fatalf("server init: %+v", r)
	}
	if r := run(t, i18n.ID, "--server", conn, "server", "push", db); r.code != 0 {
		t.Fatalf("push: %+v", r)
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	user := fmt.Sprintf("rina_%d", os.Getpid())
	if _, err := admin.Exec(ctx, "CREATE ROLE "+user+" LOGIN IN ROLE "+staff); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec(context.Background(), "DROP OWNED BY "+user+"; DROP ROLE "+user) })
	as := strings.Replace(conn, "user=postgres", "user="+user, 1)
	if !strings.Contains(as, "user="+user) {
		t.Fatalf("no user in %q", conn)
	}
	r := run(t, i18n.ID, "--server", as, "show", "3", "--json")
	if r.code != 0 {
		t.Fatalf("show as staff: %+v", r)
	}
	// Change a party through the seam as the staff account.
	s, err := openForTest(as)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := s.Parties()
	if err != nil || len(ps) == 0 {
		t.Fatalf("parties as staff: %v", err)
	}
	p := ps[0]
	p.Seat = "Diubah oleh staf"
	err = s.SaveParty(&p)
	s.Close()
	if err != nil {
		t.Fatalf("save as staff: %v", err)
	}
	var dbUser, by string
	if err := admin.QueryRow(ctx, "SELECT db_user, entry->>'by' FROM history WHERE type = 'party' AND id = $1 AND rev = $2", int64(p.ID), int64(p.Rev)).Scan(&dbUser, &by); err != nil || dbUser != user || by != user {
		t.Fatalf("history's database user %q and name %q (%v), want %q", dbUser, by, err, user)
	}
	staffConn, err := pgx.Connect(ctx, as)
	if err != nil {
		t.Fatal(err)
	}
	defer staffConn.Close(ctx)
	for _, sql := range []string{"UPDATE history SET at = now()", "DELETE FROM history"} {
		if _, err := staffConn.Exec(ctx, sql); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("%s as staff: %v, want permission denied", sql, err)
		}
	}
	// Not even the owner changes history: the trigger refuses.
	if _, err := admin.Exec(ctx, "DELETE FROM history"); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("delete history as owner: %v", err)
	}
}

// openForTest opens the register on a server as the CLI does.
func openForTest(conn string) (Backend, error) {
	r := &runner{ctx: context.Background(), server: conn}
	return r.openServer("", time.Now)
}

// TestServerUnreachable: a server that does not answer, and a connection
// string that does not read, are said in plain words.
func TestServerUnreachable(t *testing.T) {
	dir := t.TempDir()
	r := run(t, i18n.ID, "--db", filepath.Join(dir, "a.db"), "--server", "host="+dir+" dbname=sepakat user=rina connect_timeout=2", "list")
	if r.code != 1 || !strings.Contains(r.stderr, "Register di server rina@"+dir+"/sepakat tidak dapat dibuka: Server data kantor tidak dapat dihubungi") {
		t.Errorf("unreachable: %+v", r)
	}
	r = run(t, i18n.EN, "--db", filepath.Join(dir, "a.db"), "--server", "host=x port=bukan-angka", "list")
	if r.code != 1 || !strings.Contains(r.stderr, "The server address cannot be read") {
		t.Errorf("bad connection string: %+v", r)
	}
	if r = run(t, i18n.ID, "--server", "", "server", "init"); r.code != 2 || !strings.Contains(r.stderr, "memerlukan --server") {
		t.Errorf("server without a connection: %+v", r)
	}
}
