// Package resources embeds what the program ships: the region list, the built-in
// examples, fonts, templates and translations.
package resources

import "embed"

// FS holds every shipped resource.
//
//go:embed wilayah/*.csv wilayah/*.md examples/*.json
var FS embed.FS

// ExamplesFile is the dataset of the three reference cases.
const ExamplesFile = "examples/contoh.json"
