package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// Rescue: what the desktop's rescue screen needs about a data file that does
// not open. None of it opens the data file for writing, and none of it needs
// an open Store.

// ListBackups lists the copies in the backup folder beside the data file at
// dataPath and in secondPlace (when not empty), newest first, each opened
// read-only to count its agreements (Verified: it opens). Copies of the
// second place that cannot be listed give an error wrapping
// service.ErrSecondPlace, with the copies beside the data file.
func ListBackups(ctx context.Context, dataPath, secondPlace string) ([]service.BackupInfo, error) {
	out, err := listCopies(ctx, BackupDir(dataPath), service.BackupStem(dataPath), service.PlaceLocal, time.Local, true)
	if err != nil {
		return nil, err
	}
	if secondPlace == "" {
		return out, nil
	}
	second, err := listCopies(ctx, secondPlace, service.BackupStem(dataPath), service.PlaceSecond, time.Local, true)
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			err = fmt.Errorf("%w: %w", service.ErrSecondPlace, err)
		}
		return out, err
	}
	out = append(out, second...)
	slices.SortStableFunc(out, func(a, b service.BackupInfo) int { return b.Time.Compare(a.Time) })
	return out, nil
}

// RecordedSecondPlace reads the second place from the backup settings kept in
// the data file at dataPath, opened read-only; a file too damaged to tell
// gives "".
func RecordedSecondPlace(dataPath string) string {
	var settings service.BackupSettings
	err := withCopy(dataPath, func(tx *bolt.Tx, _ func()) error {
		meta := tx.Bucket(schema.Meta)
		if meta == nil {
			return service.ErrNotSepakatCopy
		}
		raw := meta.Get(schema.KeyBackupSettings)
		if raw == nil {
			return nil
		}
		return json.Unmarshal(raw, &settings)
	})
	if err != nil {
		return ""
	}
	return settings.SecondPlace
}

// CanSalvage says whether SalvageFile can read the data file at dataPath at
// all: nil, or why not (an error wrapping service.ErrNotSepakat or
// service.ErrCorrupt). A bbolt file with one sound meta page can be salvaged,
// in part when pages are lost.
func CanSalvage(dataPath string) error {
	f, err := os.Open(dataPath)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = salvageable(f)
	return err
}
