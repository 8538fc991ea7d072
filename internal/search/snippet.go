package search

import (
	"strings"
	"unicode/utf8"
)

// Snippet picks the line of text (high field first on a tie) with the most matched
// terms and marks the matched words with [ and ], cut to about width characters
// around the first match.
func Snippet(a *Analyzer, text [2]string, matched []string, width int) string {
	want := map[string]bool{}
	for _, m := range matched {
		want[m] = true
	}
	best, bestN := "", 0
	for _, field := range text {
		for _, line := range strings.Split(field, "\n") {
			if n := a.countMatches(line, want); n > bestN {
				best, bestN = line, n
			}
		}
	}
	if bestN == 0 {
		return ""
	}
	return mark(a, best, want, width)
}

// Covers reports whether lines hold, for every group, at least one of its terms.
func (a *Analyzer) Covers(lines []string, groups [][]string) bool {
	have := map[string]bool{}
	for _, l := range lines {
		for _, t := range a.lineTerms(l) {
			have[t] = true
		}
	}
	for _, g := range groups {
		found := false
		for _, t := range g {
			found = found || have[t]
		}
		if !found {
			return false
		}
	}
	return true
}

func (a *Analyzer) countMatches(line string, want map[string]bool) int {
	n := 0
	for _, t := range a.lineTerms(line) {
		if want[t] {
			n++
		}
	}
	return n
}

// lineTermsMax bounds the shared memo of analysed lines.
const lineTermsMax = 50_000

// lineTerms is Analyze of one line, as term texts, with a memo shared by all
// goroutines: snippets look at the same template paragraphs again and again.
func (a *Analyzer) lineTerms(line string) []string {
	if line == "" {
		return nil
	}
	a.mu.RLock()
	ts, ok := a.lineMemo[line]
	a.mu.RUnlock()
	if ok {
		return ts
	}
	terms := a.Analyze(line)
	ts = make([]string, len(terms))
	for i, t := range terms {
		ts[i] = t.Text
	}
	a.mu.Lock()
	if a.lineMemo == nil || len(a.lineMemo) >= lineTermsMax {
		a.lineMemo = map[string][]string{}
	}
	a.lineMemo[strings.Clone(line)] = ts
	a.mu.Unlock()
	return ts
}

// mark wraps the matched words of line in brackets, keeping the original spelling.
func mark(a *Analyzer, line string, want map[string]bool, width int) string {
	rs := []rune(line)
	folded := []rune(Fold(line))
	if len(folded) != len(rs) {
		return line
	}
	var b strings.Builder
	last, first := 0, -1
	for _, tok := range split(string(folded)) {
		hit := false
		for _, t := range a.Analyze(tok.text) {
			if want[t.Text] {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		if first < 0 {
			first = tok.start
		}
		b.WriteString(string(rs[last:tok.start]))
		b.WriteString("[" + string(rs[tok.start:tok.end]) + "]")
		last = tok.end
	}
	b.WriteString(string(rs[last:]))
	out := b.String()
	if utf8.RuneCountInString(out) <= width {
		return out
	}
	// Cut around the first match, on word boundaries.
	ro := []rune(out)
	start := max(0, first-width/3)
	end := min(len(ro), start+width)
	for start > 0 && ro[start-1] != ' ' {
		start--
	}
	for end < len(ro) && ro[end] != ' ' && ro[end] != ']' {
		end++
	}
	s := strings.TrimSpace(string(ro[start:end]))
	if start > 0 {
		s = "… " + s
	}
	if end < len(ro) {
		s += " …"
	}
	return s
}
