//go:build !windows

package i18n

// System is the language of the system: LC_ALL, LC_MESSAGES or LANG.
func System() Lang { return FromEnv() }
