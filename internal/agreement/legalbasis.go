package agreement

import (
	"regexp"
	"strconv"
	"strings"
)

// legalLine reads "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah".
var legalLine = regexp.MustCompile(`^(.+?)\s+Nomor\s+(\S+)\s+Tahun\s+(\d{4})(?:\s+tentang\s+(.+))?$`)

// ParseLegalBasis reads a legal basis as String writes it; a line of another
// shape is kept whole as its Kind, so it prints as typed.
func ParseLegalBasis(line string) LegalBasis {
	line = strings.Join(strings.Fields(line), " ")
	line = strings.TrimRight(line, ";., ")
	m := legalLine.FindStringSubmatch(line)
	if m == nil {
		return LegalBasis{Kind: line}
	}
	year, _ := strconv.Atoi(m[3])
	return LegalBasis{Kind: m[1], Number: m[2], Year: year, About: m[4]}
}
