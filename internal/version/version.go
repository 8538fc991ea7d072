package version

// Version and Build are set at link time by make release.
var (
	Version = "dev"
	Build   = ""
)
