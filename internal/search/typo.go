package search

// TrigramSource is a Source whose term dictionary has a trigram index (pg_trgm
// on the server): the terms one edit from a typo come from that index in one
// look-up, rather than from a look-up per candidate.
type TrigramSource interface {
	Source
	// Similar returns the indexed terms whose trigram similarity to word
	// (pg_trgm's measure: shared over all distinct trigrams of the words padded
	// with two spaces before and one after) is at least sim, and those of
	// exact that are indexed; for each, how many documents hold it. Terms no
	// document holds are left out.
	Similar(word string, sim float64, exact []string) map[string]int
}

// typoTerms lists the indexed terms a word of five letters or more stands for
// when it is a typo: the stems of the words one edit away (edits1), in that
// order. An edit the analyser changes counts only when the register has that
// very word: the stemmer takes affixes off words that are none, so without
// this "pendidkan" would stand for "pendidan" (dan) and "pendiikan" (ikan)
// beside "pendidikan" (didik). A TrigramSource finds them through its trigram index: an edit that
// is its own stem is one edit from the word and so shares enough trigrams
// with it; an edit the analyser changes ("pelayanan" → layan, "kerjasama" →
// kerja) is asked for by its stem. Either way the analyser's edits and stems
// decide, so both kinds of source find the same terms.
func typoTerms(src Source, an *Analyzer, raw string) []string {
	edits := edits1(raw)
	stems := make([]string, len(edits))
	stemmed := make([]bool, len(edits))
	var changed []string
	for i, e := range edits {
		if stems[i], stemmed[i] = an.stemWord(e); stemmed[i] {
			changed = append(changed, e)
		}
	}
	met := src.Derived(changed)
	out := stems[:0]
	var derived []string
	for i, e := range edits {
		switch s := stems[i]; {
		case s == "":
		case s == e:
			out = append(out, s)
		case !stemmed[i] || met[e]: // a compound's first part, or a word met
			out = append(out, s)
			derived = append(derived, s)
		}
	}
	stems = out
	ts, ok := src.(TrigramSource)
	if !ok || !trigramPlain(raw) {
		return stems
	}
	found := ts.Similar(raw, TypoSimilarity(raw), derived)
	out = stems[:0]
	for _, s := range stems {
		if _, ok := found[s]; ok {
			out = append(out, s)
		}
	}
	return out
}

// trigramPlain reports whether w is lower-case ASCII letters and digits only,
// the words whose trigrams TypoSimilarity counts as pg_trgm does.
func trigramPlain(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return w != ""
}

// TypoSimilarity is a trigram similarity that every word one edit from w
// reaches (w plain, see trigramPlain). Of w's d distinct trigrams, an edit
// changes those around it: at most four of w's go and four new ones come (a
// transposition; fewer for the other edits), so at least d-4 are shared out
// of at most d+4.
func TypoSimilarity(w string) float64 {
	padded := "  " + w + " "
	seen := map[string]bool{}
	for i := 0; i+3 <= len(padded); i++ {
		seen[padded[i:i+3]] = true
	}
	d := float64(len(seen))
	// A little below the bound: the server computes in single precision.
	return max(0, (d-4)/(d+4)-0.01)
}
