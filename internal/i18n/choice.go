package i18n

import (
	"os"
	"path/filepath"
	"strings"

	"sepakat/internal/places"
)

// Choice is the language the user picked in Pengaturan: Indonesian, English
// or whatever the system uses. The desktop and the CLI read the same choice.
type Choice string

const (
	ChoiceID     Choice = "id"
	ChoiceEN     Choice = "en"
	ChoiceSystem Choice = "system"
)

// ChoiceFileName is the file, in the data folder, that holds the choice.
const ChoiceFileName = "bahasa"

// ChoicePath is where the choice is kept: places.DataDir()/bahasa.
func ChoicePath() (string, error) {
	dir, err := places.DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, ChoiceFileName), nil
}

// ParseChoice reads a stored choice; anything unknown follows the system.
func ParseChoice(s string) Choice {
	switch c := Choice(strings.TrimSpace(strings.ToLower(s))); c {
	case ChoiceID, ChoiceEN:
		return c
	}
	return ChoiceSystem
}

// ReadChoice reads the choice kept at path; a missing or unreadable file
// follows the system.
func ReadChoice(path string) Choice {
	data, err := os.ReadFile(path)
	if err != nil {
		return ChoiceSystem
	}
	return ParseChoice(string(data))
}

// SaveChoice keeps c at path, creating its folder.
func SaveChoice(path string, c Choice) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(string(ParseChoice(string(c)))+"\n"), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// Resolve is the language choice c means on this system.
func (c Choice) Resolve(system func() Lang) Lang {
	switch c {
	case ChoiceID:
		return ID
	case ChoiceEN:
		return EN
	}
	return system()
}

// Preferred is the language the user chose (ChoicePath), or the system's:
// what both programs speak.
func Preferred() Lang {
	path, err := ChoicePath()
	if err != nil {
		return System()
	}
	return ReadChoice(path).Resolve(System)
}

// SavedChoice is the choice kept at ChoicePath.
func SavedChoice() Choice {
	path, err := ChoicePath()
	if err != nil {
		return ChoiceSystem
	}
	return ReadChoice(path)
}

// SavePreferred keeps c as the choice both programs read.
func SavePreferred(c Choice) error {
	path, err := ChoicePath()
	if err != nil {
		return err
	}
	return SaveChoice(path, c)
}
