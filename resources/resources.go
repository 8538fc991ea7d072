// Package resources embeds what the program ships: the region list, the built-in
// examples, fonts, templates and translations.
package resources

import "embed"

// FS holds every shipped resource.
//
//go:embed icon.png wilayah/*.csv wilayah/*.md examples/*.json translations/*.json naskah/*.json fonts/*.ttf fonts/*.txt search/*.txt search/*.md panduan/*.md
var FS embed.FS

// ExamplesFile is the dataset of the three reference cases.
const ExamplesFile = "examples/contoh.json"

// IconFile is the application icon, also named in FyneApp.toml.
const IconFile = "icon.png"
