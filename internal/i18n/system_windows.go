//go:build windows

package i18n

import "syscall"

var procGetUserDefaultUILanguage = syscall.NewLazyDLL("kernel32.dll").NewProc("GetUserDefaultUILanguage")

// System is the Windows display language (GetUserDefaultUILanguage); Windows
// sets no LANG.
func System() Lang {
	if procGetUserDefaultUILanguage.Find() != nil {
		return ID
	}
	id, _, _ := procGetUserDefaultUILanguage.Call()
	return FromLANGID(uint16(id))
}
