// Command sepakat-cli is Sepakat without a window: load, list, show, add, update,
// export, import and generate agreements in a Sepakat data file.
package main

import (
	"os"

	"sepakat/internal/cli"
	"sepakat/internal/i18n"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Lang: i18n.Preferred()}))
}
