package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/jackc/pgx/v5"
	"github.com/zalando/go-keyring"

	"sepakat/internal/export"
	"sepakat/internal/pgstore"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/service"
)

// pgLink is the main program's ServerLink over pgstore, for tests: the
// registers it opens close on the test's cleanup.
type pgLink struct {
	t *testing.T
	// copies is the folder of this seat's copies of the register on the server.
	copies string
}

func (l pgLink) Try(ctx context.Context, conn, pw string) error {
	s, err := pgstore.Open(ctx, conn, pgstore.Options{Password: pw})
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = s.Total()
	return err
}

func (l pgLink) Open(ctx context.Context, conn, pw string) (service.Service, service.Printer, error) {
	s, err := pgstore.Open(ctx, conn, pgstore.Options{Password: pw, BackupDir: l.copies})
	if err != nil {
		return nil, nil, err
	}
	l.t.Cleanup(func() { s.Close() })
	return s, export.Printer{Src: s}, nil
}

// socketDir is the Unix-socket folder a pgtest connection string names.
func socketDir(t *testing.T, conn string) string {
	for _, f := range strings.Fields(conn) {
		if v, ok := strings.CutPrefix(f, "host="); ok {
			return v
		}
	}
	t.Fatalf("no host in %q", conn)
	return ""
}

// onServerExamples puts the three examples on a fresh cluster and returns it.
func onServerExamples(t *testing.T) *pgtest.Cluster {
	t.Helper()
	c := pgtest.NewCluster(t)
	s, err := pgstore.Open(context.Background(), c.Conn, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	return c
}

// serverDesk is the main window on an empty local data file, with the
// server link and the credential store wired as the desktop wires them.
func serverDesk(t *testing.T) (*App, *loop) {
	t.Helper()
	a, st := newTestApp(t)
	u := New(a, st, export.Printer{Src: st}, fixedNow)
	u.DataPath = filepath.Join(t.TempDir(), "kantor.db")
	u.ServerLink = pgLink{t, t.TempDir()}
	u.Credentials = SystemCredentials{}
	u.OpenOther = func(string) (service.Service, service.Printer, error) { return st, export.Printer{Src: st}, nil }
	l := useLoop(t, u)
	u.Window().Show()
	u.Start()
	return u, l
}

// fillProfile types a profile into the page as a person would.
func fillProfile(p *serverPage, host, db, user, pw string) {
	for _, e := range []struct {
		set  func(string)
		text string
	}{{p.host.SetText, ""}, {p.database.SetText, ""}, {p.user.SetText, ""}, {p.password.SetText, ""}} {
		e.set(e.text)
	}
	test.Type(p.host, host)
	test.Type(p.database, db)
	test.Type(p.user, user)
	test.Type(p.password, pw)
}

// TestServerPageConnectsAndSwitches: Pengaturan → Data di server kantor
// tests a profile in plain words, opens the register on a real server
// (the title bar says so), keeps the password in the credential store and
// not in the preferences, and goes back to the data file.
func TestServerPageConnectsAndSwitches(t *testing.T) {
	keyring.MockInit()
	c := onServerExamples(t)
	u, l := serverDesk(t)
	if got := u.win.Title(); got != "Sepakat — kantor.db" {
		t.Errorf("title on the data file: %q", got)
	}
	u.settingsServerShown()
	p := u.serverPage
	if !strings.Contains(p.where.Text, "berkas data") || !p.local.Disabled() {
		t.Errorf("where: %q, back button enabled: %v", p.where.Text, !p.local.Disabled())
	}

	// Nothing typed: the page says what is missing, and tries nothing.
	test.Tap(p.test)
	if p.answer.Text != "Isi alamat server." {
		t.Errorf("empty profile: %q", p.answer.Text)
	}

	// A server that is not there.
	var outcome error
	finished := false
	p.done = func(err error) { outcome, finished = err, true }
	fillProfile(p, filepath.Join(t.TempDir(), "tidak-ada"), "sepakat_test", "postgres", "rahasia")
	test.Tap(p.test)
	l.until("the failed test", func() bool { return finished })
	if !errors.Is(outcome, service.ErrServerUnreachable) || !strings.HasPrefix(p.answer.Text, "Sambungan gagal: Server data kantor tidak dapat dihubungi.") ||
		strings.Contains(p.answer.Text, "Rincian") || strings.Contains(p.answer.Text, "dial") {
		t.Errorf("unreachable: %v, %q", outcome, p.answer.Text)
	}

	// The real server.
	dir := socketDir(t, c.Conn)
	fillProfile(p, dir, "sepakat_test", "postgres", "rahasia")
	finished = false
	test.Tap(p.test)
	l.until("the test", func() bool { return finished })
	if outcome != nil || p.answer.Text != "Sambungan berhasil: register di "+dir+"/sepakat_test dapat dipakai." {
		t.Fatalf("test: %v, %q", outcome, p.answer.Text)
	}
	if u.Server != "" {
		t.Error("a test switched the register")
	}

	test.Tap(p.use)
	l.until("the server's register", func() bool { return u.Server != "" && u.serverPage != p })
	l.drain()
	if got, want := u.win.Title(), "Sepakat — server kantor: "+dir+"/sepakat_test"; got != want {
		t.Errorf("title: %q, want %q", got, want)
	}
	if total, _ := u.svc.Total(); total != 3 || u.status.Text != "3 perjanjian" {
		t.Errorf("the register shows %d, status %q", total, u.status.Text)
	}
	np := u.serverPage
	if !strings.Contains(np.answer.Text, "Kata sandi disimpan di penyimpan kata sandi sistem.") || !strings.Contains(np.where.Text, "server kantor "+dir) {
		t.Errorf("after the switch: %q / %q", np.answer.Text, np.where.Text)
	}
	if np.password.Text != "" || np.host.Text != dir || np.local.Disabled() {
		t.Errorf("the page after the switch: password %q, host %q", np.password.Text, np.host.Text)
	}
	prof, chosen := SavedServer(u.app)
	if !chosen || prof.Host != dir || prof.Database != "sepakat_test" || prof.User != "postgres" || prof.TLS != "prefer" {
		t.Errorf("saved profile: %+v, chosen %v", prof, chosen)
	}
	if pw, err := keyring.Get(keyringService, "postgres@"+dir+":5432/sepakat_test"); err != nil || pw != "rahasia" {
		t.Errorf("credential store: %q, %v", pw, err)
	}
	prefs := u.app.Preferences()
	for _, k := range []string{prefServerHost, prefServerDatabase, prefServerUser, prefServerTLS, prefServerCA, prefLastDataFile} {
		if strings.Contains(prefs.String(k), "rahasia") {
			t.Errorf("the password is in the preference %s", k)
		}
	}
	if KeptPassword(u.Credentials, prof) != "rahasia" {
		t.Error("the next start would not find the password")
	}

	// Back to the data file.
	test.Tap(np.local)
	l.drain()
	if u.Server != "" || u.win.Title() != "Sepakat — kantor.db" {
		t.Errorf("back: server %q, title %q", u.Server, u.win.Title())
	}
	if _, chosen := SavedServer(u.app); chosen {
		t.Error("the next start would open the server")
	}
}

// TestServerWithoutCredentialStore: where the system keeps no passwords
// (headless Linux), the switch works and says the password will be asked
// for at each start; a refused login asks for it in the start dialog.
func TestServerWithoutCredentialStore(t *testing.T) {
	keyring.MockInitWithError(errors.New("org.freedesktop.secrets was not provided"))
	c := onServerExamples(t)
	dir := socketDir(t, c.Conn)
	// rina logs in with a password only.
	ctx := context.Background()
	admin, err := pgstore.Open(ctx, c.Conn, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	admin.Close()
	if out, err := runSQL(c.Conn, "CREATE ROLE rina LOGIN SUPERUSER PASSWORD 'benar'"); err != nil {
		t.Fatal(err, out)
	}
	hba := filepath.Join(dir, "data", "pg_hba.conf")
	old, err := os.ReadFile(hba)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(hba, append([]byte("local all rina scram-sha-256\n"), old...), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := runSQL(c.Conn, "SELECT pg_reload_conf()"); err != nil {
		t.Fatal(err, out)
	}

	u, l := serverDesk(t)
	prof := ServerProfile{Host: dir, Database: "sepakat_test", User: "rina"}
	if err := (pgLink{t, ""}).Try(ctx, prof.ConnString(), "salah"); !errors.Is(err, service.ErrServerLogin) {
		t.Fatalf("a wrong password: %v", err)
	}
	// The start found no password: the dialog asks for it.
	_, _, err = pgLink{t, t.TempDir()}.Open(ctx, prof.ConnString(), KeptPassword(u.Credentials, prof))
	u.ServerUnavailable(prof, err)
	x := u.unreachable
	if !strings.HasPrefix(x.message.Text, "Register di server kantor "+dir+"/sepakat_test tidak dapat dibuka: Server menolak nama pengguna atau kata sandi.") ||
		!strings.Contains(x.message.Text, "kantor.db di komputer ini.") || strings.Contains(x.message.Text, "SQLSTATE") || !x.login.Visible() {
		t.Fatalf("dialog: %q, password field shown %v", x.message.Text, x.login.Visible())
	}
	test.Type(x.password, "benar")
	test.Tap(x.retry)
	l.until("the server's register", func() bool { return u.Server != "" })
	l.drain()
	if total, _ := u.svc.Total(); total != 3 || !strings.Contains(u.win.Title(), "server kantor: "+dir) {
		t.Errorf("total %d, title %q", total, u.win.Title())
	}
	if a := u.serverPage.answer.Text; !strings.Contains(a, "tidak punya penyimpan kata sandi") {
		t.Errorf("answer: %q", a)
	}
	if KeptPassword(u.Credentials, prof) != "" {
		t.Error("a password was kept without a store")
	}
}

// runSQL runs one statement as the cluster's superuser.
func runSQL(conn, sql string) (string, error) {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, conn)
	if err != nil {
		return "", err
	}
	defer c.Close(ctx)
	tag, err := c.Exec(ctx, sql)
	return tag.String(), err
}
