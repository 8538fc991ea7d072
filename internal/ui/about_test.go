package ui

import (
	"slices"
	"strings"
	"testing"
)

// Tentang names the register open as the title does: the data file's whole
// path, or the office server when the register is there.
func TestAboutNamesTheRegisterOpen(t *testing.T) {
	u, _, _ := withExamples(t)
	u.DataPath = "/data/kantor.db"
	u.showTitle()
	if got := u.Window().Title(); got != "Sepakat — kantor.db" {
		t.Errorf("title %q", got)
	}
	menuItem(t, u, "Bantuan", "Tentang Sepakat").Action()
	if shown := texts(u.Window().Canvas().Overlays().Top()); !slices.Contains(shown, "/data/kantor.db") {
		t.Errorf("Tentang on a data file shows %q", shown)
	}
	u.Window().Canvas().Overlays().Top().Hide()
	u.Window().Canvas().Overlays().Remove(u.Window().Canvas().Overlays().Top())

	u.Server = "db.kantor.local/sepakat"
	u.showTitle()
	if got := u.Window().Title(); !strings.Contains(got, "db.kantor.local/sepakat") {
		t.Errorf("title on the server %q", got)
	}
	menuItem(t, u, "Bantuan", "Tentang Sepakat").Action()
	shown := texts(u.Window().Canvas().Overlays().Top())
	if !slices.ContainsFunc(shown, func(s string) bool { return strings.Contains(s, "db.kantor.local/sepakat") }) {
		t.Errorf("Tentang on the server shows %q", shown)
	}
}
