package version

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// The Makefile's LDFLAGS, with its variables filled in, stamp both variables.
func TestMakefileStampsVersion(t *testing.T) {
	mk, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^LDFLAGS\s*:=\s*(.+)$`).FindSubmatch(mk)
	if m == nil {
		t.Fatal("no LDFLAGS in the Makefile")
	}
	flags := strings.NewReplacer("$(VERSION)", "9.8.7", "$(BUILDNUM)", "42").Replace(string(m[1]))
	out, err := exec.Command("go", "run", "-ldflags", flags, "./testdata/print").CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "9.8.7 42" {
		t.Fatalf("stamped program printed %q, want %q", got, "9.8.7 42")
	}
}

func TestDefaults(t *testing.T) {
	if Version != "dev" || Build != "" {
		t.Fatalf("unstamped test binary has Version %q Build %q, want \"dev\" and \"\"", Version, Build)
	}
}
