// Package i18n picks the user's language and holds bilingual texts for the
// packages that cannot use Fyne's lang package (domain, store, CLI).
package i18n

import (
	"fmt"
	"os"
	"strings"
)

// Lang is a user language. Indonesian is the default.
type Lang string

const (
	ID Lang = "id"
	EN Lang = "en"
)

// FromEnv returns EN when the first set of LC_ALL, LC_MESSAGES or LANG starts
// with "en", and ID otherwise (including unparseable values such as "C").
func FromEnv() Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return Parse(v)
		}
	}
	return ID
}

// Parse maps a locale string such as "en_US.UTF-8" to a Lang.
func Parse(locale string) Lang {
	if strings.HasPrefix(strings.ToLower(locale), "en") {
		return EN
	}
	return ID
}

// Text is a message in both languages; both are fmt formats taking the same arguments.
type Text struct {
	ID, EN string
}

// In formats the text in lang.
func (t Text) In(lang Lang, args ...any) string {
	f := t.ID
	if lang == EN && t.EN != "" {
		f = t.EN
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}
