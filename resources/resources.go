// Package resources embeds what the program ships: the region list, the built-in
// examples, fonts, templates and translations.
package resources

import "embed"

// FS holds every shipped resource.
//
//go:embed wilayah/*.csv wilayah/*.md
var FS embed.FS
