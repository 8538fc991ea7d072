package search

import (
	"strings"
	"unicode/utf8"
)

// Limits keep any query quick to answer.
const (
	MaxQueryRunes = 500
	MaxQueryTerms = 16
)

// QueryTerm is one thing a query looks for.
type QueryTerm struct {
	// Text is the analysed term: a stem, a whole code, or a phrase's first word.
	Text string
	// Phrase holds the analysed words of a quoted phrase, positions counted
	// from its first word.
	Phrase []Term
	// Prefix marks the last word typed without a trailing space: it matches any
	// term that starts with it, for search as you type.
	Prefix bool
	// Raw is the word as typed, folded, for the prefix and typo expansions.
	Raw string
}

// Query is a parsed search query.
type Query struct {
	Terms []QueryTerm
	// Truncated says the query was longer than MaxQueryRunes or MaxQueryTerms.
	Truncated bool
	// OnlyStopwords says every word was a stopword ("yang dan di"): nothing to find.
	OnlyStopwords bool
	// Pairs are the adjacent word pairs typed (see Analyzer.Pairs): documents
	// that hold them rank higher, documents without them still match.
	Pairs []string
}

// Empty reports whether there is nothing to search for.
func (q Query) Empty() bool { return len(q.Terms) == 0 }

// ParseQuery reads what a person typed. Quoted text is a phrase (an unbalanced
// quote runs to the end); other characters that are not letters, digits or the
// joiners of a number are spaces; the last word is a prefix unless followed by a
// space. It never fails: the worst input gives an empty query.
func ParseQuery(a *Analyzer, input string) Query {
	var q Query
	if utf8.RuneCountInString(input) > MaxQueryRunes {
		input = string([]rune(input)[:MaxQueryRunes])
		if i := strings.LastIndexAny(input, " \t\n"); i > 0 {
			input = input[:i+1] // not a word cut in two
		}
		q.Truncated = true
	}
	if !utf8.ValidString(input) {
		input = strings.ToValidUTF8(input, " ")
	}
	endsWithSpace := strings.TrimRight(input, " \t\n") != input
	words := 0
	parts := strings.Split(input, `"`)
	for i, part := range parts {
		quoted := i%2 == 1
		if quoted {
			phrase := a.words(part)
			if len(phrase) > 0 && phrase[len(phrase)-1].Pos == phrase[0].Pos {
				// One word (a code with its parts): no phrase to check.
				q.Terms = append(q.Terms, QueryTerm{Text: phrase[0].Text, Raw: phrase[0].Text})
			} else if len(phrase) > 1 {
				first := phrase[0].Pos
				for i := range phrase {
					phrase[i].Pos -= first
				}
				q.Terms = append(q.Terms, QueryTerm{Text: phrase[0].Text, Phrase: phrase, Raw: phraseText(phrase)})
			}
			continue
		}
		raws := split(Fold(part))
		words += len(raws)
		last := i == len(parts)-1 && !endsWithSpace && len(raws) > 0
		q.Terms = append(q.Terms, a.queryTerms(part, raws, last)...)
		q.Pairs = append(q.Pairs, a.Pairs(a.words(part))...)
	}
	q.Terms = dedupe(q.Terms)
	if len(q.Terms) > MaxQueryTerms {
		q.Terms = q.Terms[:MaxQueryTerms]
		q.Truncated = true
	}
	q.OnlyStopwords = len(q.Terms) == 0 && words > 0
	return q
}

func dedupe(ts []QueryTerm) []QueryTerm {
	seen := map[string]bool{}
	out := ts[:0]
	for _, t := range ts {
		key := t.Text + "|" + phraseText(t.Phrase)
		if t.Prefix {
			key += "*"
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, t)
		}
	}
	return out
}

// queryTerms analyses unquoted query text: one term per word position (a code by
// its whole form), synonym phrases collapsed into their group term, and the last
// word a prefix when last is set.
func (a *Analyzer) queryTerms(text string, raws []rawToken, last bool) []QueryTerm {
	terms := a.words(text)
	var out []QueryTerm
	for i := 0; i < len(terms); i++ {
		t := terms[i]
		if i > 0 && terms[i-1].Pos == t.Pos {
			continue // the parts of a code: its whole form stands for them
		}
		if g, span, ok := a.synonymAt(terms, i); ok {
			out = append(out, QueryTerm{Text: g, Raw: t.Text})
			for i+1 < len(terms) && terms[i+1].Pos < t.Pos+span {
				i++
			}
			continue
		}
		raw := t.Text
		if t.Pos < len(raws) {
			raw = raws[t.Pos].text
		}
		out = append(out, QueryTerm{Text: t.Text, Raw: raw})
	}
	if last && len(out) > 0 {
		lt := &out[len(out)-1]
		if !strings.HasPrefix(lt.Text, "=") && strings.IndexFunc(lt.Raw, isJoiner) < 0 {
			lt.Prefix = true
		}
	}
	return out
}

// synonymAt finds the longest synonym phrase starting at terms[i] and returns its
// group term and how many positions it covers.
func (a *Analyzer) synonymAt(terms []Term, i int) (string, int, bool) {
	best, span := "", 0
	for _, ref := range a.byFirst[terms[i].Text] {
		g := a.synonyms[ref.group]
		ph := g.phrases[ref.phrase]
		if matchAt(terms, i, ph) {
			if n := ph[len(ph)-1].Pos + 1; n > span {
				best, span = g.canonical, n
			}
		}
	}
	return best, span, span > 0
}

func phraseText(ts []Term) string {
	words := make([]string, len(ts))
	for i, t := range ts {
		words[i] = t.Text
	}
	return strings.Join(words, " ")
}

// ContainsPhrase reports whether text holds phrase, word after word.
func (a *Analyzer) ContainsPhrase(text string, phrase []Term) bool {
	if len(phrase) == 0 {
		return true
	}
	terms := a.words(text)
	for i := range terms {
		if terms[i].Text == phrase[0].Text && matchAt(terms, i, phrase) {
			return true
		}
	}
	return false
}
