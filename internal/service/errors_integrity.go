package service

import "errors"

// ErrNotSepakat is a file that exists but is no Sepakat data file: an empty
// file, or another kind of file. It is refused, never initialised.
var ErrNotSepakat = errors.New("service: not a Sepakat data file")
