package places

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestPortableDir(t *testing.T) {
	for _, c := range []struct {
		exe, marker string
		want        string
		ok          bool
	}{
		{"/media/usb/Sepakat/sepakat", "/media/usb/Sepakat/portable", "/media/usb/Sepakat/data", true},
		{"/usr/bin/sepakat", "/media/usb/Sepakat/portable", "", false},
		{"", "portable", "", false},
	} {
		exists := func(p string) bool { return p == filepath.FromSlash(c.marker) }
		got, ok := PortableDir(filepath.FromSlash(c.exe), exists)
		if got != filepath.FromSlash(c.want) || ok != c.ok {
			t.Errorf("%s: %q %v, want %q %v", c.exe, got, ok, c.want, c.ok)
		}
	}
}

func TestPortableDirOnDisk(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "sepakat")
	if _, ok := PortableDir(exe, fileExists); ok {
		t.Fatal("portable without the marker")
	}
	if err := os.WriteFile(filepath.Join(dir, PortableMarker), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	got, ok := PortableDir(exe, fileExists)
	if !ok || got != filepath.Join(dir, "data") {
		t.Errorf("%q %v", got, ok)
	}
}

func TestDocumentsDir(t *testing.T) {
	noFile := func(string) ([]byte, error) { return nil, errors.New("none") }
	dirs := func(ds ...string) func(string) bool {
		return func(p string) bool {
			for _, d := range ds {
				if p == d {
					return true
				}
			}
			return false
		}
	}
	xdg := func(content string) func(string) ([]byte, error) {
		return func(p string) ([]byte, error) {
			if p != filepath.Join("/home/ani", ".config", "user-dirs.dirs") {
				return nil, errors.New("none")
			}
			return []byte(content), nil
		}
	}
	for _, c := range []struct {
		name string
		s    System
		want string
	}{
		{"windows Documents", System{"windows", `C:\Users\ani`, noFile, dirs(`C:\Users\ani\Documents`)}, `C:\Users\ani\Documents`},
		{"windows no Documents", System{"windows", `C:\Users\ani`, noFile, dirs()}, `C:\Users\ani`},
		{"linux xdg", System{"linux", "/home/ani", xdg("# comment\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumen\"\n"), dirs("/home/ani/Dokumen", "/home/ani/Documents")}, "/home/ani/Dokumen"},
		{"linux xdg absolute", System{"linux", "/home/ani", xdg(`XDG_DOCUMENTS_DIR="/data/ani/docs"`), dirs("/data/ani/docs")}, "/data/ani/docs"},
		{"linux xdg missing folder", System{"linux", "/home/ani", xdg(`XDG_DOCUMENTS_DIR="$HOME/Dokumen"`), dirs("/home/ani/Documents")}, "/home/ani/Documents"},
		{"linux xdg switched off", System{"linux", "/home/ani", xdg(`XDG_DOCUMENTS_DIR="$HOME/"`), dirs("/home/ani")}, "/home/ani"},
		{"linux no xdg", System{"linux", "/home/ani", noFile, dirs("/home/ani/Documents")}, "/home/ani/Documents"},
		{"linux nothing", System{"linux", "/home/ani", noFile, dirs()}, "/home/ani"},
		{"no home", System{"linux", "", noFile, dirs()}, ""},
	} {
		if c.s.GOOS != "windows" && filepath.Separator != '/' {
			continue // Unix paths are built with this system's separator
		}
		if got := DocumentsDir(c.s); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestDisplayPath(t *testing.T) {
	for _, c := range []struct{ in, goos, want string }{
		{"/C:/Users/ani/Documents/PKS-3.pdf", "windows", `C:\Users\ani\Documents\PKS-3.pdf`},
		{"C:/Users/ani/PKS-3.pdf", "windows", `C:\Users\ani\PKS-3.pdf`},
		{"/home/ani/Dokumen/PKS-3.pdf", "linux", "/home/ani/Dokumen/PKS-3.pdf"},
		{"/Users/ani/PKS-3.pdf", "darwin", "/Users/ani/PKS-3.pdf"},
	} {
		if got := DisplayPath(c.in, c.goos); got != c.want {
			t.Errorf("DisplayPath(%q, %s) = %q, want %q", c.in, c.goos, got, c.want)
		}
	}
}
