package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"sepakat/internal/dataset"
	"sepakat/internal/export"
	"sepakat/internal/i18n"
	"sepakat/internal/pgstore"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

// EnvServer names the environment variable that selects the register on the
// office's PostgreSQL server, as --server does: a connection string
// ("host=server.kantor dbname=sepakat user=nama") or URL.
const EnvServer = "SEPAKAT_SERVER"

// serverBackupFolder is the folder beside the default data file that keeps
// this computer's copies of the register on the server.
const serverBackupFolder = "cadangan-server"

func init() {
	for k, v := range serverMsg {
		msg[k] = v
	}
}

var serverMsg = map[string]i18n.Text{
	"server_usage": {ID: `Pemakaian: sepakat-cli --server KONEKSI server PERINTAH
  init [--staff PERAN]   buat atau perbarui skema dan peran staf (bawaan sepakat_staf)
  push BERKAS.db         pindahkan berkas data satu komputer ke server (server kosong)
  pull BERKAS.db         buat berkas data baru dari isi server
KONEKSI: mis. "host=server.kantor dbname=sepakat user=nama", atau variabel SEPAKAT_SERVER.
`, EN: `Usage: sepakat-cli --server CONNECTION server COMMAND
  init [--staff ROLE]    create or update the schema and the staff role (default sepakat_staf)
  push FILE.db           move a single computer's data file onto the server (an empty server)
  pull FILE.db           make a new data file from what the server holds
CONNECTION: e.g. "host=server.office dbname=sepakat user=name", or the variable SEPAKAT_SERVER.
`},
	"server_open_failed": {ID: "Register di server %s tidak dapat dibuka: %s", EN: "Cannot open the register on server %s: %s"},
	"server_none":        {ID: "Perintah server memerlukan --server KONEKSI atau variabel SEPAKAT_SERVER.", EN: "The server command needs --server CONNECTION or the variable SEPAKAT_SERVER."},
	"server_init":        {ID: "Skema di server %s siap (versi %d, %d migrasi dijalankan). Peran staf %s %s.\nBuat akun staf: CREATE ROLE nama LOGIN PASSWORD '...' IN ROLE %s;", EN: "The schema on server %s is ready (version %d, %d migrations applied). Staff role %s %s.\nCreate a staff account: CREATE ROLE name LOGIN PASSWORD '...' IN ROLE %s;"},
	"role_created":       {ID: "dibuat", EN: "created"},
	"role_renewed":       {ID: "sudah ada; haknya diperbarui", EN: "existed; its grants were renewed"},
	"server_not_empty":   {ID: "Server %s sudah berisi data (%d perjanjian, %d instansi). Push hanya ke server yang kosong; tarik dulu isinya (server pull) bila perlu.", EN: "Server %s already holds data (%d agreements, %d parties). Push only to an empty server; pull what it holds first (server pull) if needed."},
	"push_again":         {ID: "Server %s berisi sebagian pemindahan dari %s yang terhenti (%d perjanjian); pemindahan dimulai lagi dari awal.", EN: "Server %s holds part of a push from %s that stopped (%d agreements); the push starts again from the beginning."},
	"push_progress":      {ID: "… %d perjanjian, %d instansi terkirim (%s)", EN: "… %d agreements, %d parties sent (%s)"},
	"pull_exists":        {ID: "Berkas %s sudah ada. Pull membuat berkas baru; pilih nama lain.", EN: "File %s already exists. Pull makes a new file; choose another name."},
	"transfer_done":      {ID: "%s → %s: %d perjanjian, %d instansi, %d pejabat, %d surat kuasa; jumlah di kedua sisi sama (%s).", EN: "%s → %s: %d agreements, %d parties, %d officials, %d mandates; the counts on both sides agree (%s)."},
	"transfer_differs":   {ID: "%s → %s: jumlah berbeda (sumber %+v, tujuan %+v).", EN: "%s → %s: counts differ (source %+v, destination %+v)."},
}

// openServer opens the register on the server for one command; the copies
// BackupNow makes go to the folder cadangan-server beside the data file.
func (r *runner) openServer(_ string, now func() time.Time) (Backend, error) {
	return pgstore.Open(r.ctx, r.server, pgstore.Options{Now: now, BackupDir: filepath.Join(filepath.Dir(r.db), serverBackupFolder),
		SigningText: export.TextFingerprint})
}

// openFailed says that the data file or the register on the server did not open.
func (r *runner) openFailed(err error) error {
	if r.server != "" {
		return r.fail("server_open_failed", r.where(), service.Message(err, r.Lang))
	}
	return r.fail("open_failed", r.db, service.Message(err, r.Lang))
}

// where names the register a command works on: the data file, or the server.
func (r *runner) where() string {
	if r.server != "" {
		return pgstore.Describe(r.server)
	}
	return r.db
}

// serverCmd: sepakat-cli --server CONN server init|push|pull.
func (r *runner) serverCmd(args []string) error {
	if len(args) == 0 {
		return &exitError{ExitMisuse, msg["server_usage"].In(r.Lang)}
	}
	if r.server == "" {
		return r.misuse("server_none")
	}
	switch args[0] {
	case "init":
		return r.serverInit(args[1:])
	case "push":
		return r.serverPush(args[1:])
	case "pull":
		return r.serverPull(args[1:])
	}
	return &exitError{ExitMisuse, msg["unknown_command"].In(r.Lang, "server "+args[0]) + "\n\n" + msg["server_usage"].In(r.Lang)}
}

func (r *runner) serverInit(args []string) error {
	fs := flag.NewFlagSet("server init", flag.ContinueOnError)
	staff := fs.String("staff", pgstore.DefaultStaffRole, "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return &exitError{ExitMisuse, msg["server_usage"].In(r.Lang)}
	}
	res, err := pgstore.Init(r.ctx, r.server, *staff)
	if err != nil {
		return r.openFailed(err)
	}
	how := msg["role_renewed"].In(r.Lang)
	if res.RoleCreated {
		how = msg["role_created"].In(r.Lang)
	}
	fmt.Fprintln(r.Stdout, msg["server_init"].In(r.Lang, r.where(), res.Version, len(res.Applied), *staff, how, *staff))
	return nil
}

// onePath is the single FILE.db argument of push and pull.
func (r *runner) onePath(args []string) (string, error) {
	pos, err := r.flags(flag.NewFlagSet("server", flag.ContinueOnError), args)
	if err != nil {
		return "", err
	}
	if len(pos) != 1 {
		return "", &exitError{ExitMisuse, msg["server_usage"].In(r.Lang)}
	}
	return pos[0], nil
}

// streamFrom is an open function for ImportFrom that streams src's export
// through a pipe, anew on every call: nothing is held whole in memory.
func streamFrom(ctx context.Context, src service.Admin, counts *dataset.Counts) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) {
		pr, pw := io.Pipe()
		go func() {
			c, err := src.ExportTo(ctx, pw)
			if err == nil {
				*counts = c
			}
			pw.CloseWithError(err)
		}()
		return pr, nil
	}
}

// serverPush moves a bbolt data file onto an empty server, streaming, a
// batch of records per transaction (pgstore.Push), and compares the counts
// at the end. A push that stopped before its end is started again.
func (r *runner) serverPush(args []string) error {
	path, err := r.onePath(args)
	if err != nil {
		return err
	}
	src, err := store.Open(path, store.Options{Now: r.Now})
	if err != nil {
		return r.fail("open_failed", path, service.Message(err, r.Lang))
	}
	defer src.Close()
	dst, err := pgstore.Open(r.ctx, r.server, pgstore.Options{Now: r.Now})
	if err != nil {
		return r.openFailed(err)
	}
	defer dst.Close()
	before, err := dst.Counts(r.ctx)
	if err != nil {
		return err
	}
	from, unfinished, err := dst.UnfinishedPush(r.ctx)
	if err != nil {
		return err
	}
	switch {
	case unfinished:
		fmt.Fprintln(r.Stderr, msg["push_again"].In(r.Lang, r.where(), from, before.Agreements))
	case before != (dataset.Counts{}):
		return r.fail("server_not_empty", r.where(), before.Agreements, before.Parties)
	}
	start := time.Now()
	var sent dataset.Counts
	said := start
	progress := func(c dataset.Counts) {
		if time.Since(said) >= 15*time.Second {
			said = time.Now()
			fmt.Fprintln(r.Stderr, msg["push_progress"].In(r.Lang, c.Agreements, c.Parties, time.Since(start).Round(time.Second)))
		}
	}
	if _, err := dst.Push(r.ctx, path, streamFrom(r.ctx, src, &sent), progress); err != nil {
		return err
	}
	after, err := dst.Counts(r.ctx)
	if err != nil {
		return err
	}
	return r.compared(path, r.where(), sent, after, time.Since(start))
}

// serverPull makes a new bbolt data file from the server.
func (r *runner) serverPull(args []string) error {
	path, err := r.onePath(args)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(path); err == nil {
		return r.fail("pull_exists", path)
	}
	src, err := pgstore.Open(r.ctx, r.server, pgstore.Options{Now: r.Now})
	if err != nil {
		return r.openFailed(err)
	}
	defer src.Close()
	dst, err := store.Open(path, store.Options{Now: r.Now})
	if err != nil {
		return r.fail("open_failed", path, service.Message(err, r.Lang))
	}
	start := time.Now()
	var sent dataset.Counts
	_, err = dst.ImportFrom(r.ctx, streamFrom(r.ctx, src, &sent))
	var after dataset.Counts
	if err == nil {
		after, err = countsOf(dst)
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil && after != sent {
		err = service.ErrTransferCount
	}
	if err != nil {
		os.Remove(path) // a file that is not the server's whole register is no use
		if errors.Is(err, service.ErrTransferCount) {
			return r.fail("transfer_differs", r.where(), path, sent, after)
		}
		return err
	}
	return r.compared(r.where(), path, sent, after, time.Since(start))
}

func (r *runner) compared(from, to string, sent, got dataset.Counts, took time.Duration) error {
	if sent != got {
		return r.fail("transfer_differs", from, to, sent, got)
	}
	fmt.Fprintln(r.Stdout, msg["transfer_done"].In(r.Lang, from, to, got.Agreements, got.Parties, got.Officials, got.Mandates, took.Round(time.Millisecond)))
	return nil
}

// countsOf counts a register's records through the seam.
func countsOf(s service.Service) (dataset.Counts, error) {
	var c dataset.Counts
	var err error
	if c.Agreements, err = s.Total(); err != nil {
		return c, err
	}
	ps, err := s.Parties()
	if err != nil {
		return c, err
	}
	offs, err := s.Officials()
	if err != nil {
		return c, err
	}
	ms, err := s.Mandates()
	if err != nil {
		return c, err
	}
	c.Parties, c.Officials, c.Mandates = len(ps), len(offs), len(ms)
	return c, nil
}
