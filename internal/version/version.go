// Package version holds Sepakat's version and build number. The Makefile sets both
// from FyneApp.toml with -ldflags -X; a plain `go build` leaves the defaults.
package version

var (
	// Version is the release, e.g. "0.1.0" ("dev" outside a Makefile build).
	Version = "dev"
	// Build is the build number from FyneApp.toml ("" outside a Makefile build).
	Build = ""
)
