package pgstore

// Derived implements search.Source: the derived words the index met are the
// table search_words.
func (src *source) Derived(words []string) map[string]bool {
	out := map[string]bool{}
	if len(words) == 0 {
		return out
	}
	rows, err := src.tx.Query(src.ctx, "SELECT word FROM search_words WHERE word = ANY($1)", words)
	if err != nil {
		src.fail(err)
		return out
	}
	defer rows.Close()
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			src.fail(err)
			return out
		}
		out[w] = true
	}
	src.fail(rows.Err())
	return out
}
