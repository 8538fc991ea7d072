package pgtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissingProgramSaysWhatToInstall: without the server programs the
// helper's error names the package, so a test fails with a clear message.
func TestMissingProgramSaysWhatToInstall(t *testing.T) {
	_, err := Bin("sepakat-no-such-program")
	if err == nil || !strings.Contains(err.Error(), "postgresql-15") || !strings.Contains(err.Error(), "make test installs it") {
		t.Fatalf("missing program: %v", err)
	}
	if p, err := Bin("initdb"); err != nil || !strings.HasSuffix(p, "/initdb") {
		t.Fatalf("initdb: %q, %v", p, err)
	}
}

// TestLeftoverClusterIsReaped: the cluster of a test process that died is
// stopped and removed when the next cluster starts.
func TestLeftoverClusterIsReaped(t *testing.T) {
	c, err := startCluster(false)
	if err != nil {
		t.Fatal(err)
	}
	// As if its owner had died: a process ID no process has.
	if err := os.WriteFile(filepath.Join(c.dir, "owner.pid"), []byte("2147483646"), 0o644); err != nil {
		t.Fatal(err)
	}
	next := NewCluster(t)
	if _, err := os.Stat(c.dir); !os.IsNotExist(err) {
		c.remove()
		t.Fatalf("the leftover cluster %s is still there (%v)", c.dir, err)
	}
	if next.Conn == "" {
		t.Fatal("no connection string")
	}
}
