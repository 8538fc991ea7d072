package search

import (
	"bufio"
	"bytes"
	"strings"
	"sync"

	"sepakat/resources"
)

var (
	shippedOnce sync.Once
	shipped     *Analyzer
	shippedErr  error
)

// Shipped returns the analyzer built from resources/search: the root-word list,
// compounds and the synonym list.
func Shipped() (*Analyzer, error) {
	shippedOnce.Do(func() {
		roots, err := lines("search/kata-dasar.txt")
		if err != nil {
			shippedErr = err
			return
		}
		not, err := lines("search/bukan-kata-dasar.txt")
		if err != nil {
			shippedErr = err
			return
		}
		set := make(RootSet, len(roots))
		for _, w := range roots {
			set[Fold(w)] = true
		}
		for _, w := range not {
			delete(set, Fold(w))
		}
		compounds, err := lines("search/kata-majemuk.txt")
		if err != nil {
			shippedErr = err
			return
		}
		raw, err := resources.FS.ReadFile("search/sinonim.txt")
		if err != nil {
			shippedErr = err
			return
		}
		shipped = NewAnalyzer(set, compounds, ParseSynonyms(raw))
	})
	return shipped, shippedErr
}

// lines reads a shipped list: one entry per line, # comments and blanks skipped.
func lines(name string) ([]string, error) {
	raw, err := resources.FS.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, sc.Err()
}

// ParseSynonyms reads a synonym list: one comma-separated group per line.
func ParseSynonyms(raw []byte) [][]string {
	var groups [][]string
	for _, l := range strings.Split(string(raw), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		var g []string
		for _, p := range strings.Split(l, ",") {
			if p = strings.TrimSpace(p); p != "" {
				g = append(g, p)
			}
		}
		if len(g) > 1 {
			groups = append(groups, g)
		}
	}
	return groups
}
