package store

import (
	"os"
	"path/filepath"
	"strings"
)

// The temporary files of a copy (.sepakat-cadangan-*), a restore
// (.sepakat-pulih-*) and a copy to the second place (.sepakat-salin-*) carry
// no backup name until they are verified; a killed program leaves them behind.
// While a program writes one it holds a lock on it (holdTemp); sweepLeftovers
// removes those no program holds.
var leftoverPrefixes = []string{".sepakat-cadangan-", ".sepakat-pulih-", ".sepakat-salin-"}

// sweepLeftovers removes the temporary files in dir that no running program
// is writing. Errors are ignored: a leftover wastes space, nothing more.
func sweepLeftovers(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !isLeftover(e.Name()) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if unheld(path) {
			os.Remove(path)
		}
	}
}

func isLeftover(name string) bool {
	for _, p := range leftoverPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
