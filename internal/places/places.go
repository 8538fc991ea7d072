// Package places says where Sepakat keeps its files and where it offers to
// save the user's: the data folder (beside the program in portable mode), the
// Documents folder, and paths written the way the system writes them. Pure Go.
package places

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// PortableMarker is the file that, beside the program, makes Sepakat portable.
const PortableMarker = "portable"

// PortableDir is the folder for data and preferences when a file named
// "portable" sits beside the program exe: a "data" folder beside it.
func PortableDir(exe string, exists func(path string) bool) (string, bool) {
	if exe == "" {
		return "", false
	}
	dir := filepath.Dir(exe)
	if !exists(filepath.Join(dir, PortableMarker)) {
		return "", false
	}
	return filepath.Join(dir, "data"), true
}

// DataDir is where the data file and the user's choices live: beside the
// program in portable mode, otherwise the user's config folder + "Sepakat".
func DataDir() (string, error) {
	if dir, ok := Portable(); ok {
		return dir, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "Sepakat"), nil
}

// Portable is PortableDir for the running program.
func Portable() (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	return PortableDir(exe, fileExists)
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}

func dirExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// System is what DocumentsDir needs to know of the machine.
type System struct {
	GOOS     string
	Home     string
	ReadFile func(path string) ([]byte, error)
	IsDir    func(path string) bool
}

// DocumentsDir is the user's Documents folder: on Linux XDG_DOCUMENTS_DIR from
// ~/.config/user-dirs.dirs, else ~/Documents, else home; elsewhere
// home/Documents when it exists, else home.
func DocumentsDir(s System) string {
	if s.Home == "" {
		return ""
	}
	join := func(parts ...string) string {
		if s.GOOS == "windows" {
			return strings.Join(append([]string{strings.TrimRight(s.Home, `\/`)}, parts...), `\`)
		}
		return filepath.Join(append([]string{s.Home}, parts...)...)
	}
	if s.GOOS != "windows" && s.GOOS != "darwin" && s.ReadFile != nil {
		if data, err := s.ReadFile(filepath.Join(s.Home, ".config", "user-dirs.dirs")); err == nil {
			if dir := xdgDocuments(data, s.Home); dir != "" && s.IsDir(dir) {
				return dir
			}
		}
	}
	if dir := join("Documents"); s.IsDir(dir) {
		return dir
	}
	return s.Home
}

// xdgDocuments reads XDG_DOCUMENTS_DIR="$HOME/Dokumen" from user-dirs.dirs.
func xdgDocuments(data []byte, home string) string {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		v, ok := strings.CutPrefix(line, "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
			v = filepath.Join(home, rest)
		}
		if !filepath.IsAbs(v) || filepath.Clean(v) == filepath.Clean(home) {
			return "" // "$HOME" alone means the folder is switched off
		}
		return filepath.Clean(v)
	}
	return ""
}

// Documents is DocumentsDir on this machine ("" when there is no home).
func Documents() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return DocumentsDir(System{GOOS: goos, Home: home, ReadFile: os.ReadFile, IsDir: dirExists})
}

// DisplayPath writes a file URI's path the way goos writes paths:
// "/C:/Users/x/PKS-3.pdf" becomes `C:\Users\x\PKS-3.pdf` on Windows.
func DisplayPath(uriPath, goos string) string {
	if goos != "windows" {
		return uriPath
	}
	p := uriPath
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:]
	}
	return strings.ReplaceAll(p, "/", `\`)
}
