package ui

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
)

// Preference keys and defaults: window and screen state only, never agreement data.
// The language choice is not here: both programs read it (i18n.Preferred).
const (
	prefLastTab      = "ui.last_tab"
	prefWindowWidth  = "ui.window.width"
	prefWindowHeight = "ui.window.height"
	prefWindowX      = "ui.window.x"
	prefWindowY      = "ui.window.y"
	prefWindowPlaced = "ui.window.placed"
	// prefLastDataFile is the data file "Buka data lain…" opened last; the
	// next start opens it again.
	prefLastDataFile = "ui.data_file"
	// prefSecondPlace, followed by a data file's path, is the second place
	// of its backups as last read, for the rescue screen when that file no
	// longer opens.
	prefSecondPlace = "ui.second_place:"
	// The server profile (settings_server.go): where the register on the
	// office's server is, and whether it was the register open last. Its
	// password is in the system's credential store, never here.
	prefServerChosen   = "data.server"
	prefServerHost     = "data.server.host"
	prefServerPort     = "data.server.port"
	prefServerDatabase = "data.server.database"
	prefServerUser     = "data.server.user"
	prefServerTLS      = "data.server.tls"
	prefServerCA       = "data.server.ca_file"
	// prefDialogFolder is where Fyne's file dialogs remember the last folder.
	prefDialogFolder = "fyne:fileDialogLastFolder"

	// The first window's content fits a 1366×768 screen under its title bar
	// and above the taskbar (together about 88 px).
	defaultWindowWidth  = 1280
	defaultWindowHeight = 680
)

// windowSize is the main window's size: the one remembered, or the default,
// kept within a screen of screenW×screenH when that is known (0 when not),
// less the title bar and taskbar.
func windowSize(rememberedW, rememberedH float64, screenW, screenH int) fyne.Size {
	w, h := rememberedW, rememberedH
	if w <= 0 || h <= 0 {
		w, h = defaultWindowWidth, defaultWindowHeight
	}
	if screenW > 0 && screenH > 0 {
		w = min(w, float64(screenW))
		h = min(h, float64(screenH-screenChrome))
	}
	return fyne.NewSize(float32(max(w, minWindowWidth)), float32(max(h, minWindowHeight)))
}

const (
	screenChrome    = 88 // title bar and taskbar
	minWindowWidth  = 640
	minWindowHeight = 400
)

// portablePrefs are the preferences a portable Sepakat carries beside its
// data, by kind. Fyne keeps its preferences under the user's config folder
// and has no other storage root, so in portable mode these are copied into
// a JSON file beside the data at start and written back at the end.
var portablePrefs = struct{ ints, floats, bools, strings []string }{
	ints:    []string{prefLastTab, prefWindowX, prefWindowY},
	floats:  []string{prefWindowWidth, prefWindowHeight},
	bools:   []string{prefWindowPlaced},
	strings: []string{prefLastDataFile, prefDialogFolder},
}

type prefsFile struct {
	Ints    map[string]int     `json:"ints,omitempty"`
	Floats  map[string]float64 `json:"floats,omitempty"`
	Bools   map[string]bool    `json:"bools,omitempty"`
	Strings map[string]string  `json:"strings,omitempty"`
}

// LoadPrefs copies the preferences kept in the JSON file at path into p; a
// missing file is no error.
func LoadPrefs(p fyne.Preferences, path string) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var f prefsFile
	if err := json.Unmarshal(data, &f); err != nil {
		return err
	}
	for k, v := range f.Ints {
		p.SetInt(k, v)
	}
	for k, v := range f.Floats {
		p.SetFloat(k, v)
	}
	for k, v := range f.Bools {
		p.SetBool(k, v)
	}
	for k, v := range f.Strings {
		p.SetString(k, v)
	}
	return nil
}

// SavePrefs writes the portable preferences of p to the JSON file at path.
func SavePrefs(p fyne.Preferences, path string) error {
	f := prefsFile{Ints: map[string]int{}, Floats: map[string]float64{}, Bools: map[string]bool{}, Strings: map[string]string{}}
	for _, k := range portablePrefs.ints {
		f.Ints[k] = p.Int(k)
	}
	for _, k := range portablePrefs.floats {
		f.Floats[k] = p.Float(k)
	}
	for _, k := range portablePrefs.bools {
		f.Bools[k] = p.Bool(k)
	}
	for _, k := range portablePrefs.strings {
		if v := p.String(k); v != "" {
			f.Strings[k] = v
		}
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// LastDataFile is the data file opened last through "Buka data lain…", when
// it still exists.
func LastDataFile(a fyne.App) string {
	path := a.Preferences().String(prefLastDataFile)
	if path == "" {
		return ""
	}
	if st, err := os.Stat(path); err != nil || st.IsDir() {
		return ""
	}
	return path
}

// ForgetDataFile drops the remembered data file (main calls it when that file
// cannot be opened, so the next start uses the default).
func ForgetDataFile(a fyne.App) { a.Preferences().RemoveValue(prefLastDataFile) }

// RememberedSecondPlace is the second place of the backups of the data file
// at path as Sepakat last read it, for when that file no longer opens.
func RememberedSecondPlace(a fyne.App, path string) string {
	return a.Preferences().String(prefSecondPlace + path)
}
