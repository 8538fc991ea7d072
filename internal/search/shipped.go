package search

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"

	"sepakat/resources"
)

var (
	shippedOnce sync.Once
	shipped     *Analyzer
	shippedErr  error
)

// shippedText is the text of the lists under resources/search, read but not
// analysed: enough for the fingerprint.
type shippedText struct {
	roots, notRoots, compounds []string
	synonyms                   []byte
	raw                        []byte // all lists, for the fingerprint
}

var (
	textOnce sync.Once
	text     shippedText
	textErr  error
)

func loadText() (shippedText, error) {
	textOnce.Do(func() {
		var all bytes.Buffer
		read := func(name string) []string {
			if textErr != nil {
				return nil
			}
			var out []string
			out, textErr = lines(name)
			all.WriteString(strings.Join(out, "\n") + "\f")
			return out
		}
		roots, not, compounds := read("search/kata-dasar.txt"), read("search/bukan-kata-dasar.txt"), read("search/kata-majemuk.txt")
		raw, err := resources.FS.ReadFile("search/sinonim.txt")
		if textErr == nil && err != nil {
			textErr = err
		}
		if textErr != nil {
			return
		}
		all.Write(raw)
		text = shippedText{roots: roots, notRoots: not, compounds: compounds, synonyms: raw, raw: all.Bytes()}
	})
	return text, textErr
}

// shippedLists are the lists under resources/search, ready for analysis.
type shippedLists struct {
	roots     RootSet
	compounds []string
	synonyms  [][]string
}

var (
	listsOnce sync.Once
	lists     shippedLists
	listsErr  error
)

func loadLists() (shippedLists, error) {
	listsOnce.Do(func() {
		t, err := loadText()
		if err != nil {
			listsErr = err
			return
		}
		set := make(RootSet, len(t.roots))
		for _, w := range t.roots {
			set[Fold(w)] = true
		}
		for _, w := range t.notRoots {
			delete(set, Fold(w))
		}
		lists = shippedLists{roots: set, compounds: t.compounds, synonyms: ParseSynonyms(t.synonyms)}
	})
	return lists, listsErr
}

// Shipped returns the analyzer built from resources/search: the root-word list,
// compounds and the synonym list.
func Shipped() (*Analyzer, error) {
	shippedOnce.Do(func() { shipped, shippedErr = WithUserSynonyms("") })
	return shipped, shippedErr
}

// WithUserSynonyms returns the shipped analyzer with a user's synonym list added
// (in the format of ParseSynonyms).
func WithUserSynonyms(user string) (*Analyzer, error) {
	l, err := loadLists()
	if err != nil {
		return nil, err
	}
	groups := append(append([][]string{}, l.synonyms...), ParseSynonyms([]byte(user))...)
	t, err := loadText()
	if err != nil {
		return nil, err
	}
	a := NewAnalyzer(l.roots, l.compounds, groups)
	sum := sha256.Sum256(append(append([]byte(analysisVersion+"\f"), t.raw...), "\f"+user...))
	a.fingerprint = hex.EncodeToString(sum[:8])
	return a, nil
}

// FingerprintFor is the Fingerprint of the analyzer WithUserSynonyms(user)
// returns, computed from the lists' bytes without building it or keeping their
// words: opening a data file compares it with the index's.
func FingerprintFor(user string) (string, error) {
	prefix, err := fingerprintPrefix()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	h.Write(prefix)
	h.Write([]byte("\f" + user))
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}

var fingerprintPrefix = sync.OnceValues(func() ([]byte, error) {
	out := []byte(analysisVersion + "\f")
	for _, name := range []string{"search/kata-dasar.txt", "search/bukan-kata-dasar.txt", "search/kata-majemuk.txt"} {
		raw, err := resources.FS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = appendLines(out, raw)
	}
	raw, err := resources.FS.ReadFile("search/sinonim.txt")
	return append(out, raw...), err
})

// appendLines appends the entries of a list as lines reads them, joined by
// newlines, then a form feed.
func appendLines(out, raw []byte) []byte {
	first := true
	for len(raw) > 0 {
		l := raw
		if i := bytes.IndexByte(raw, '\n'); i >= 0 {
			l, raw = raw[:i], raw[i+1:]
		} else {
			raw = nil
		}
		l = bytes.TrimSpace(l)
		if len(l) == 0 || l[0] == '#' {
			continue
		}
		if !first {
			out = append(out, '\n')
		}
		first = false
		out = append(out, l...)
	}
	return append(out, '\f')
}

// ShippedSynonyms is the synonym list that comes with the program.
func ShippedSynonyms() string {
	raw, _ := resources.FS.ReadFile("search/sinonim.txt")
	return string(raw)
}

// analysisVersion changes whenever analysis changes what a text indexes as, so
// that indexes built before are rebuilt.
const analysisVersion = "5.1"

// Fingerprint identifies the analysis: the algorithm's version and every list.
// An index built with another fingerprint must be rebuilt.
func (a *Analyzer) Fingerprint() string { return a.fingerprint }

// CheckSynonyms says what is wrong with a user's synonym list, line by line, in
// Indonesian and English; nil when it can be used.
func CheckSynonyms(text string) []SynonymProblem {
	var out []SynonymProblem
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		n := 0
		for _, p := range strings.Split(l, ",") {
			if strings.TrimSpace(p) != "" {
				n++
			}
		}
		if n < 2 {
			out = append(out, SynonymProblem{Line: i + 1, Text: l})
		}
	}
	return out
}

// SynonymProblem is a line of a synonym list with fewer than two names.
type SynonymProblem struct {
	Line int
	Text string
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
