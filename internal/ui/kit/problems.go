package kit

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// Lang is the user's language for texts made outside Fyne's translations
// (the service's messages), as the system asks for it.
func Lang() i18n.Lang { return i18n.FromEnv() }

// Explain is service.Explain in the user's language.
func Explain(err error) service.Problem { return service.Explain(err, Lang()) }

// Message is service.Message in the user's language: what is wrong and what
// to do, with a detail line for errors without words of their own.
// The driver's detail of a server that cannot be reached goes to the log, as
// in Failure.
func Message(err error) string {
	if serverDown(err) {
		fyne.LogError("server", err)
		return Explain(err).Message
	}
	return service.Message(err, Lang())
}

// Unsaved is what a form says when a save did not happen: "Belum tersimpan:",
// then why, as Failure says it.
func Unsaved(err error) string { return Failure(lang.L("Belum tersimpan:"), err) + keptTyped(err) }

// keptTyped reassures, after a save the server did not take, that the form
// still holds what was typed.
func keptTyped(err error) string {
	if errors.Is(err, service.ErrServerUnreachable) {
		return " " + lang.L("Yang sudah Anda ketik tidak hilang: simpan lagi setelah server dapat dihubungi.")
	}
	return ""
}
