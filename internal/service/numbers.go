package service

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

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
