// Package agreement models regional cooperation agreements (Kerja Sama Daerah):
// parties, officials, mandates, agreements, signing records, their validation,
// life cycle and numbering. It does no I/O.
package agreement

import "strconv"

// ID identifies a record within its own kind. Zero means "not yet stored".
type ID uint64

func (id ID) String() string { return strconv.FormatUint(uint64(id), 10) }

// ParseID reads a decimal ID.
func ParseID(s string) (ID, error) {
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || n == 0 {
		return 0, ErrBadID
	}
	return ID(n), nil
}
