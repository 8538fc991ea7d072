package main

import (
	"sepakat/internal/relevance"
	"sepakat/internal/service"
)

// caseQuery is the search a relevance case asks for, as typed (our engine takes
// a last word without a trailing space as a prefix, as on the search screen).
func caseQuery(c relevance.Case) service.SearchQuery {
	return service.SearchQuery{Text: c.Query, Filter: c.Filter()}
}
