// Command print prints the stamped version and build, for version_test.go.
package main

import (
	"fmt"

	"sepakat/internal/version"
)

func main() { fmt.Println(version.Version, version.Build) }
