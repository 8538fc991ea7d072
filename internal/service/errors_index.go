package service

import (
	"errors"
	"fmt"

	"sepakat/internal/i18n"
)

// ErrRebuilding: the search index is being rebuilt and cannot answer yet; the
// register's lists still work. Backends return it as a *RebuildingError with
// the progress figure. Its words are in the table of errors.go.
var ErrRebuilding = errors.New("service: search index is being rebuilt")

// RebuildingError is ErrRebuilding with how far the rebuild got.
type RebuildingError struct {
	// Percent is how far the rebuild got, 0–99.
	Percent int
}

func (e *RebuildingError) Error() string {
	return fmt.Sprintf("%v (%d%%)", ErrRebuilding, e.Percent)
}

func (e *RebuildingError) Unwrap() error { return ErrRebuilding }

var msgRebuilding = i18n.Text{
	ID: "Indeks pencarian sedang dibangun ulang, %d %%. Pencarian dapat dipakai lagi setelah selesai; daftar perjanjian tetap dapat dibuka dan disaring.",
	EN: "The search index is being rebuilt, %d %%. Search works again when it is done; the list of agreements can still be opened and filtered.",
}

// Message is the error in lang, with the progress figure.
func (e *RebuildingError) Message(l i18n.Lang) string { return msgRebuilding.In(l, e.Percent) }
