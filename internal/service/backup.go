package service

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// BackupReason says why a copy was made; it ends the copy's file name.
type BackupReason string

// The reasons for a copy. A copy made on demand has no suffix.
const (
	ReasonManual   BackupReason = ""
	ReasonDaily    BackupReason = "harian"
	ReasonImport   BackupReason = "impor"
	ReasonMigrate  BackupReason = "migrasi"
	ReasonRestore  BackupReason = "pulih"
	ReasonSynonyms BackupReason = "sinonim"
	ReasonReindex  BackupReason = "indeks"
)

var reasons = []BackupReason{ReasonDaily, ReasonImport, ReasonMigrate, ReasonRestore, ReasonSynonyms, ReasonReindex}

// BackupPlace is where a copy lies.
type BackupPlace int

const (
	// PlaceLocal is the backup folder beside the data file.
	PlaceLocal BackupPlace = iota
	// PlaceSecond is the second place the user chose (a USB stick, a share).
	PlaceSecond
)

// BackupFolder is the name of the backup folder beside the data file.
const BackupFolder = "cadangan"

// BackupInfo describes one copy of the data file.
type BackupInfo struct {
	Path string
	Time time.Time
	Size int64
	// Agreements is how many agreements the copy holds; -1 when it cannot be read.
	Agreements int
	Reason     BackupReason
	// Verified: the copy was checked after it was written (a copy that fails
	// the check never gets its name) and it opens now.
	Verified bool
	Place    BackupPlace
}

// BackupPolicy is how many copies rotation keeps: the newest of each of the
// last Daily days, Weekly weeks and Monthly months that have copies.
type BackupPolicy struct {
	Daily, Weekly, Monthly int
}

// DefaultBackupPolicy keeps a week of days, a month of weeks and a year of months.
var DefaultBackupPolicy = BackupPolicy{Daily: 7, Weekly: 4, Monthly: 12}

// MaxBackupKeep bounds each count of a policy.
const MaxBackupKeep = 400

// Validate refuses a policy that keeps nothing or counts out of range.
func (p BackupPolicy) Validate() error {
	for _, n := range []int{p.Daily, p.Weekly, p.Monthly} {
		if n < 0 || n > MaxBackupKeep {
			return fmt.Errorf("%w: %d", ErrBackupPolicy, n)
		}
	}
	if p.Daily < 1 {
		return fmt.Errorf("%w: harian %d", ErrBackupPolicy, p.Daily)
	}
	return nil
}

// BackupSettings are the office's backup choices, kept in the data file.
type BackupSettings struct {
	Policy BackupPolicy `json:"policy"`
	// SecondPlace is a folder that also receives every copy; empty: none.
	SecondPlace string `json:"second_place,omitempty"`
}

// BackupStatus is what the Beranda and Pengaturan show about backups.
type BackupStatus struct {
	// Folder is the backup folder beside the data file.
	Folder      string
	SecondPlace string
	// Last is when the newest copy was made; zero: never.
	Last time.Time
	// LastSecond is when a copy last reached the second place; zero: never.
	LastSecond time.Time
	// LastDaily is the day of the last automatic copy (YYYY-MM-DD); empty: never.
	LastDaily string
}

// CopyContents is what a copy of the data file holds, shown before a restore.
type CopyContents struct {
	Agreements int
	Parties    int
	// Newest is the newest change to an agreement; zero when there is none.
	Newest time.Time
	Schema int
}

// BackupStem is what the copies of the data file at dataPath are named
// after: its file name without ".db" ("sepakat" for sepakat.db). Copies of
// two data files in one folder never mix, in a list or in a rotation.
func BackupStem(dataPath string) string {
	stem := strings.TrimSuffix(filepath.Base(dataPath), filepath.Ext(dataPath))
	if stem == "" || stem == "." || stem == string(filepath.Separator) {
		return "sepakat"
	}
	return stem
}

// BackupName is the file name of a copy of the data file named stem (see
// BackupStem) made at t (local time) for reason:
// STEM-YYYYMMDD-HHMMSS[-reason].db.
func BackupName(stem string, t time.Time, r BackupReason) string {
	name := stem + "-" + t.Format("20060102-150405")
	if r != ReasonManual {
		name += "-" + string(r)
	}
	return name + ".db"
}

// ParseBackupName reads the time (in loc) and reason from the file name of a
// copy of the data file named stem; ok is false for any other name,
// including the copies of another data file.
func ParseBackupName(stem, name string, loc *time.Location) (t time.Time, r BackupReason, ok bool) {
	rest, found := strings.CutPrefix(name, stem+"-")
	if !found {
		return time.Time{}, "", false
	}
	rest, found = strings.CutSuffix(rest, ".db")
	if !found || len(rest) < 15 {
		return time.Time{}, "", false
	}
	t, err := time.ParseInLocation("20060102-150405", rest[:15], loc)
	if err != nil {
		return time.Time{}, "", false
	}
	switch suffix := rest[15:]; {
	case suffix == "":
		return t, ReasonManual, true
	case strings.HasPrefix(suffix, "-") && slices.Contains(reasons, BackupReason(suffix[1:])):
		return t, BackupReason(suffix[1:]), true
	}
	return time.Time{}, "", false
}

// Prune splits copies into those rotation keeps and those it drops: copies
// of the last 24 hours (and any dated after now) are kept, and of the older
// ones the newest of each of the last p.Daily days, p.Weekly ISO weeks and
// p.Monthly months that have a copy. Days are counted in now's location.
// Both results are newest first.
func Prune(copies []BackupInfo, p BackupPolicy, now time.Time) (keep, drop []BackupInfo) {
	sorted := slices.Clone(copies)
	slices.SortStableFunc(sorted, func(a, b BackupInfo) int { return b.Time.Compare(a.Time) })
	loc := now.Location()
	day := func(t time.Time) string { return t.In(loc).Format("2006-01-02") }
	week := func(t time.Time) string { y, w := t.In(loc).ISOWeek(); return fmt.Sprintf("%d-W%02d", y, w) }
	month := func(t time.Time) string { return t.In(loc).Format("2006-01") }
	kept := make([]bool, len(sorted))
	for _, rule := range []struct {
		n   int
		key func(time.Time) string
	}{{p.Daily, day}, {p.Weekly, week}, {p.Monthly, month}} {
		seen := map[string]bool{}
		for i, c := range sorted {
			if len(seen) >= rule.n {
				break
			}
			k := rule.key(c.Time)
			if !seen[k] {
				seen[k] = true
				kept[i] = true
			}
		}
	}
	for i, c := range sorted {
		if kept[i] || c.Time.After(now.Add(-24*time.Hour)) {
			keep = append(keep, c)
		} else {
			drop = append(drop, c)
		}
	}
	return keep, drop
}

// Validate checks the rotation; the second place is checked where it is set,
// with CheckSecondPlace.
func (b BackupSettings) Validate() error { return b.Policy.Validate() }

// CheckSecondPlace refuses a second place that is not an existing folder, or
// that is the backup folder itself.
func CheckSecondPlace(dir, backupFolder string) error {
	if a, err := filepath.Abs(dir); err == nil {
		if b, err := filepath.Abs(backupFolder); err == nil && a == b {
			return fmt.Errorf("%w: %s", ErrNotFolder, dir)
		}
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%w: %s", ErrNotFolder, dir)
	}
	return nil
}

type noBackupKey struct{}

// WithoutBackup marks ctx for work that needs no copy before it: the
// batches of one synthetic corpus going into an empty data file.
func WithoutBackup(ctx context.Context) context.Context {
	return context.WithValue(ctx, noBackupKey{}, true)
}

// BackupWanted says whether a copy is made before a change of the whole
// file under ctx.
func BackupWanted(ctx context.Context) bool { return ctx.Value(noBackupKey{}) == nil }
