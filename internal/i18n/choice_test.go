package i18n

import (
	"os"
	"path/filepath"
	"testing"
)

func TestChoiceSavedAndReadBack(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_US.UTF-8")
	if SavedChoice() != ChoiceSystem || Preferred() != EN {
		t.Fatalf("no file: %q %q, want system and English from LANG", SavedChoice(), Preferred())
	}
	if err := SavePreferred(ChoiceID); err != nil {
		t.Fatal(err)
	}
	path, err := ChoicePath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "Sepakat", "bahasa"); path != want {
		t.Errorf("choice kept at %s, want %s", path, want)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "id\n" {
		t.Fatalf("file holds %q (%v)", data, err)
	}
	if SavedChoice() != ChoiceID || Preferred() != ID {
		t.Errorf("after choosing Indonesian under LANG=en: %q %q", SavedChoice(), Preferred())
	}
	if err := SavePreferred(ChoiceEN); err != nil {
		t.Fatal(err)
	}
	t.Setenv("LANG", "id_ID.UTF-8")
	if Preferred() != EN {
		t.Error("English chosen, system Indonesian: want English")
	}
	if err := SavePreferred(ChoiceSystem); err != nil {
		t.Fatal(err)
	}
	if SavedChoice() != ChoiceSystem || Preferred() != ID {
		t.Errorf("follow the system under LANG=id: %q %q", SavedChoice(), Preferred())
	}
}

func TestParseChoice(t *testing.T) {
	for in, want := range map[string]Choice{"id\n": ChoiceID, " EN ": ChoiceEN, "system": ChoiceSystem, "": ChoiceSystem, "fr": ChoiceSystem} {
		if got := ParseChoice(in); got != want {
			t.Errorf("ParseChoice(%q) = %q, want %q", in, got, want)
		}
	}
	if got := ReadChoice(filepath.Join(t.TempDir(), "missing")); got != ChoiceSystem {
		t.Errorf("missing file: %q", got)
	}
}

func TestFromLANGID(t *testing.T) {
	for id, want := range map[uint16]Lang{
		0x0409: EN, // en-US
		0x0809: EN, // en-GB
		0x0c09: EN, // en-AU
		0x0421: ID, // id-ID
		0x0407: ID, // de-DE: not English, so Indonesian
		0:      ID,
	} {
		if got := FromLANGID(id); got != want {
			t.Errorf("FromLANGID(%#04x) = %q, want %q", id, got, want)
		}
	}
}
