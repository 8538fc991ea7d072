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
	// Phrase holds the analysed words of a quoted phrase, in order.
	Phrase []string
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
			var phrase []string
			for _, t := range a.words(part) {
				phrase = append(phrase, t.Text)
			}
			if len(phrase) == 1 {
				q.Terms = append(q.Terms, QueryTerm{Text: phrase[0], Raw: phrase[0]})
			} else if len(phrase) > 1 {
				q.Terms = append(q.Terms, QueryTerm{Text: phrase[0], Phrase: phrase, Raw: strings.Join(phrase, " ")})
			}
			continue
		}
		raws := split(Fold(part))
		for j, raw := range raws {
			words++
			last := i == len(parts)-1 && j == len(raws)-1 && !endsWithSpace
			terms := a.words(raw.text)
			if len(terms) == 0 {
				continue // a stopword
			}
			// A code gives its whole form first; a compound gives its parts.
			for k, t := range terms {
				qt := QueryTerm{Text: t.Text, Raw: raw.text}
				if k == 0 && last && len(terms) == 1 {
					qt.Prefix = true
				}
				q.Terms = append(q.Terms, qt)
				if strings.IndexFunc(raw.text, isJoiner) >= 0 && !isHyphenatedWord(raw.text) {
					break // the whole code is enough; its parts match through the index
				}
			}
		}
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
		key := t.Text + "|" + strings.Join(t.Phrase, " ")
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
