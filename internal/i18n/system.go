package i18n

// Primary language ids of a Windows LANGID (its low ten bits).
const (
	langEnglish    = 0x09
	langIndonesian = 0x21
)

// FromLANGID maps a Windows LANGID to a Lang: English is EN, everything else ID.
func FromLANGID(id uint16) Lang {
	if id&0x3ff == langEnglish {
		return EN
	}
	return ID
}
