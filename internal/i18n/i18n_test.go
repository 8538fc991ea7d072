package i18n

import "testing"

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"en_US.UTF-8": EN, "en": EN, "EN_gb": EN, "id_ID.UTF-8": ID, "C": ID, "POSIX": ID, "": ID, "de_DE": ID} {
		if got := Parse(in); got != want {
			t.Errorf("Parse(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFromEnv(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	if FromEnv() != EN {
		t.Error("LANG=en_GB should give English")
	}
	t.Setenv("LC_ALL", "C")
	if FromEnv() != ID {
		t.Error("LC_ALL=C should win and fall back to Indonesian")
	}
}

func TestTextIn(t *testing.T) {
	m := Text{ID: "Berkas %s tidak ada", EN: "File %s does not exist"}
	if got := m.In(EN, "a.json"); got != "File a.json does not exist" {
		t.Error(got)
	}
	if got := m.In(ID, "a.json"); got != "Berkas a.json tidak ada" {
		t.Error(got)
	}
}
