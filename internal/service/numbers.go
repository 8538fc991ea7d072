package service

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
)

// NextNumber is the number an office's scheme gives the next agreement of
// kind dated d: the first after the last one counted that was never issued.
// office reads the office (found false when there is none), last reads its
// counter for kind and year, and issued reports a number handed out before.
// The caller stores the number (with who took it, when, for which agreement)
// and the counter (its Seq) in the same write, before it hands the number out.
func NextNumber(id agreement.ID, kind agreement.Kind, d agreement.Date,
	office func(agreement.ID) (agreement.Party, bool, error),
	last func(counterKey string) (uint64, error),
	issued func(number string) (bool, error)) (dataset.IssuedNumber, error) {
	var n dataset.IssuedNumber
	if !d.Valid() || !kind.Valid() {
		return n, agreement.Errors{{Field: "date", Code: "bad_date"}}
	}
	p, found, err := office(id)
	if err != nil {
		return n, err
	}
	if !found {
		return n, fmt.Errorf("instansi %d: %w", id, ErrNotFound)
	}
	if p.Numbering == nil {
		return n, ErrNoScheme
	}
	seq, err := last(agreement.CounterKey(id, kind, d.Year))
	if err != nil {
		return n, err
	}
	for {
		seq++
		number, err := p.Numbering.Format(kind, seq, d)
		if err != nil {
			return n, err
		}
		taken, err := issued(number)
		if err != nil {
			return n, err
		}
		if !taken {
			return dataset.IssuedNumber{Number: number, Office: id, Kind: kind, Year: d.Year, Seq: seq}, nil
		}
	}
}

// NewFileRef refers to data stored under its SHA-256, or refuses data larger
// than MaxFileSize.
func NewFileRef(name, mediaType string, data []byte) (agreement.FileRef, error) {
	if len(data) > MaxFileSize {
		return agreement.FileRef{}, fmt.Errorf("%s (%d MB, batas %d MB): %w", name, len(data)>>20, MaxFileSize>>20, ErrTooLarge)
	}
	sum := sha256.Sum256(data)
	return agreement.FileRef{Name: name, MediaType: mediaType, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}, nil
}

// NumberKey is an own number as uniqueness compares it: spaces trimmed and
// collapsed, letters in upper case. It is "" for a number not given yet: empty,
// without a letter or digit, or with dots to be filled in by hand at signing
// ("........../........../2026").
func NumberKey(n string) string {
	n = strings.ReplaceAll(strings.Join(strings.Fields(n), " "), "\x00", "")
	if strings.Contains(n, "...") || strings.Contains(n, "…") ||
		!strings.ContainsFunc(n, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return ""
	}
	return strings.ToUpper(n)
}

// OwnNumber is the office and number key (NumberKey) that make an agreement's
// own number unique, and the field path of the number; key is "" when the
// agreement has no own party or no own number yet.
func OwnNumber(a *agreement.Agreement) (office agreement.ID, key, field string) {
	for i, p := range a.Parties {
		if p.Own {
			return p.PartyID, NumberKey(p.Number), fmt.Sprintf("parties[%d].number", i)
		}
	}
	return 0, "", ""
}

// NumberTaken refuses a's own number, carried already by other (an agreement
// of the same office): at the number's field, naming the other agreement, and
// wrapping ErrNumberTaken.
func NumberTaken(a *agreement.Agreement, other agreement.Summary) error {
	_, _, field := OwnNumber(a)
	name := other.Kind.Title()
	if s := strings.TrimSpace(other.Subject); s != "" {
		if r := []rune(s); len(r) > 80 {
			s = string(r[:79]) + "…"
		}
		name += " tentang " + s
	}
	es := agreement.Errors{{Field: field, Code: "number_taken", Args: []any{a.OwnNumber(), name, other.ID}}}
	return fmt.Errorf("%w: %w", ErrNumberTaken, es)
}

// NumberChanged reports whether a save moves an agreement to another own
// number key or office than its stored version had: only then is the number
// checked against the others, so that two agreements that came to share a
// number before schema 7 can still be saved (check names them).
func NumberChanged(prev, next *agreement.Agreement) bool {
	if prev == nil {
		return true
	}
	po, pk, _ := OwnNumber(prev)
	no, nk, _ := OwnNumber(next)
	return po != no || pk != nk
}
