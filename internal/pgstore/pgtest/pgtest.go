// Package pgtest starts a throwaway PostgreSQL cluster for tests: initdb and
// pg_ctl of Debian's postgresql-15 in a temporary directory, listening on a
// Unix socket only. Tests without the binaries fail with a message naming the
// package to install; they never skip. For tests only.
package pgtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvServer, when set, is the connection string of a running server (a
// superuser's) that tests use instead of starting their own cluster.
const EnvServer = "SEPAKAT_TEST_PG"

var (
	once     sync.Once
	base     string // connection string of the test database
	startErr error
	shared   *Cluster // the cluster this process started
	schemas  atomic.Int64
)

// Bin finds a PostgreSQL server program: on PATH, or in Debian's
// /usr/lib/postgresql/<version>/bin (15 first).
func Bin(name string) (string, error) {
	for _, v := range []string{"15", "16", "17", "14"} {
		p := filepath.Join("/usr/lib/postgresql", v, "bin", name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("pgtest: PostgreSQL server program %q not found (looked in /usr/lib/postgresql/15/bin and PATH): install the Debian package postgresql-15 (make test installs it)", name)
}

// asServerUser runs a command as the user "postgres" when this process is
// root (initdb refuses root).
func asServerUser(name string, args ...string) *exec.Cmd {
	if os.Geteuid() == 0 {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	}
	return exec.Command(name, args...)
}

// Cluster is a PostgreSQL cluster in a temporary directory, on a Unix socket.
type Cluster struct {
	dir, data string
	// Conn is the connection string of its database sepakat_test (with pg_trgm).
	Conn string
}

// startCluster makes a cluster and the database sepakat_test. durable keeps
// synchronous_commit on, so that a commit survives the server being killed.
func startCluster(durable bool) (*Cluster, error) {
	initdb, err := Bin("initdb")
	if err != nil {
		return nil, err
	}
	reapLeftovers()
	dir, err := os.MkdirTemp("", "sepakat-pg-")
	if err != nil {
		return nil, err
	}
	// The owner's process ID, so that a later run stops the cluster of a
	// test process that died (a timeout) before it could.
	if err := os.WriteFile(filepath.Join(dir, "owner.pid"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		return nil, err
	}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("pgtest: running as root needs the user postgres (from the postgresql package): %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
	}
	c := &Cluster{dir: dir, data: filepath.Join(dir, "data")}
	if out, err := asServerUser(initdb, "-D", c.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pgtest: initdb: %v\n%s", err, out)
	}
	conf := "\nlisten_addresses = ''\nunix_socket_directories = '" + dir + "'\nfsync = off\nfull_page_writes = off\nmax_connections = 200\n"
	if !durable {
		conf += "synchronous_commit = off\n"
	}
	f, err := os.OpenFile(filepath.Join(c.data, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return nil, err
	}
	_, err = f.WriteString(conf)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	if err := c.Start(); err != nil {
		return nil, err
	}
	admin := fmt.Sprintf("host=%s user=postgres dbname=postgres", dir)
	ctx := context.Background()
	pc, err := pgx.Connect(ctx, admin)
	if err != nil {
		return nil, err
	}
	defer pc.Close(ctx)
	if _, err := pc.Exec(ctx, "CREATE DATABASE sepakat_test"); err != nil {
		return nil, err
	}
	c.Conn = fmt.Sprintf("host=%s user=postgres dbname=sepakat_test", dir)
	db, err := pgx.Connect(ctx, c.Conn)
	if err != nil {
		return nil, err
	}
	defer db.Close(ctx)
	if _, err := db.Exec(ctx, "CREATE EXTENSION IF NOT EXISTS pg_trgm"); err != nil {
		return nil, err
	}
	return c, nil
}

// reapLeftovers stops and removes the clusters of test processes that are gone.
func reapLeftovers() {
	if _, err := os.Stat("/proc/self"); err != nil {
		return // no /proc to tell a live owner from a dead one
	}
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "sepakat-pg-*"))
	for _, dir := range dirs {
		raw, err := os.ReadFile(filepath.Join(dir, "owner.pid"))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(raw)))
		if err != nil || processAlive(pid) {
			continue
		}
		(&Cluster{dir: dir, data: filepath.Join(dir, "data")}).remove()
	}
}

// processAlive reports whether a process with that ID runs (Linux: /proc).
func processAlive(pid int) bool {
	_, err := os.Stat(filepath.Join("/proc", strconv.Itoa(pid)))
	return err == nil
}

// Start starts the cluster's server and waits until it accepts connections.
func (c *Cluster) Start() error {
	pgctl, err := Bin("pg_ctl")
	if err != nil {
		return err
	}
	if out, err := asServerUser(pgctl, "-D", c.data, "-l", filepath.Join(c.dir, "log"), "-w", "start").CombinedOutput(); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.dir, "log"))
		return fmt.Errorf("pgtest: pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	return nil
}

// Kill stops the server at once, as a power cut stops it (mode immediate:
// no checkpoint; it recovers from its log on the next start).
func (c *Cluster) Kill() error {
	pgctl, err := Bin("pg_ctl")
	if err != nil {
		return err
	}
	if out, err := asServerUser(pgctl, "-D", c.data, "-m", "immediate", "-w", "stop").CombinedOutput(); err != nil {
		return fmt.Errorf("pgtest: pg_ctl stop: %v\n%s", err, out)
	}
	return nil
}

// remove stops the server and removes the cluster.
func (c *Cluster) remove() {
	_ = c.Kill()
	_ = os.RemoveAll(c.dir)
}

// NewCluster starts a cluster of the test's own (durable commits), removed
// on its cleanup: for tests that stop and start the server.
func NewCluster(t testing.TB) *Cluster {
	t.Helper()
	c, err := startCluster(true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.remove)
	return c
}

// Stop stops the cluster this process started, and removes it.
func Stop() {
	if shared != nil {
		shared.remove()
		shared = nil
	}
}

// Main runs a package's tests and stops the cluster they started:
// func TestMain(m *testing.M) { pgtest.Main(m) }.
func Main(m *testing.M) { os.Exit(Run(m)) }

// Run is Main that returns the tests' exit code instead of exiting, for a
// TestMain with more to do after.
func Run(m *testing.M) int {
	code := m.Run()
	Stop()
	return code
}

// Server returns the connection string of the test database, starting the
// cluster on the first call; a missing binary fails the test.
func Server(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		if s := os.Getenv(EnvServer); s != "" {
			base = s
			return
		}
		if shared, startErr = startCluster(false); startErr == nil {
			base = shared.Conn
		}
	})
	if startErr != nil {
		t.Fatal(startErr)
	}
	ctx := context.Background()
	c, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "CREATE EXTENSION IF NOT EXISTS pg_trgm"); err != nil && !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("pgtest: pg_trgm: %v", err)
	}
	return base
}

// Fresh returns the connection string of an empty schema of its own, dropped
// on the test's cleanup.
func Fresh(t testing.TB) string {
	t.Helper()
	srv := Server(t)
	name := fmt.Sprintf("t%d_%d", os.Getpid(), schemas.Add(1))
	ctx := context.Background()
	c, err := pgx.Connect(ctx, srv)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, srv)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		_, _ = c.Exec(ctx, "DROP SCHEMA "+name+" CASCADE")
	})
	return srv + " search_path=" + name + ",public"
}
