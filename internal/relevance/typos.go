package relevance

import _ "embed"

//go:embed typos.json
var typosJSON []byte

// TypoCases are queries with a typo as staff make them (a letter left out or
// swapped), over the same corpus as Cases, each reached only through the typo
// tolerance: every backend, whichever way it finds the words one edit away,
// meets them.
func TypoCases() ([]Case, error) { return parse("typos.json", typosJSON) }
