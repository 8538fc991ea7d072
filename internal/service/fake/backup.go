package fake

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"sepakat/internal/service"
)

// backups is the fake's backup folder: copies of the state in memory, with
// the store's names under the folder "cadangan". The second place is a real
// folder that receives the export (as Backup writes it) under the same names.
type backups struct {
	copies     []memCopy // newest first
	settings   *service.BackupSettings
	lastDaily  string
	lastSecond time.Time
}

type memCopy struct {
	info service.BackupInfo
	st   state
}

func (f *Fake) settings() service.BackupSettings {
	if f.bk.settings == nil {
		return service.BackupSettings{Policy: service.DefaultBackupPolicy}
	}
	return *f.bk.settings
}

// BackupNow keeps a copy of the state, writes the export to the second
// place and rotates both, as the store does.
func (f *Fake) BackupNow(ctx context.Context, reason service.BackupReason) (service.BackupInfo, error) {
	if err := ctx.Err(); err != nil {
		return service.BackupInfo{}, err
	}
	f.mu.Lock()
	now := f.now().Truncate(time.Second) // as the copy's name keeps it
	name := service.BackupName(backupStem, now, reason)
	size := int64(0)
	for k := range f.st.recs {
		for _, raw := range f.st.recs[k] {
			size += int64(len(raw))
		}
	}
	info := service.BackupInfo{Path: filepath.Join(service.BackupFolder, name), Time: now, Size: size,
		Agreements: len(f.st.recs[kAgreement]), Reason: reason, Verified: true, Place: service.PlaceLocal}
	f.bk.copies = slices.DeleteFunc(f.bk.copies, func(c memCopy) bool { return c.info.Path == info.Path })
	f.bk.copies = append(f.bk.copies, memCopy{info: info, st: f.st.clone()})
	slices.SortStableFunc(f.bk.copies, func(a, b memCopy) int { return b.info.Time.Compare(a.info.Time) })
	settings := f.settings()
	infos := make([]service.BackupInfo, len(f.bk.copies))
	for i, c := range f.bk.copies {
		infos[i] = c.info
	}
	keep, _ := service.Prune(infos, settings.Policy, now)
	f.bk.copies = slices.DeleteFunc(f.bk.copies, func(c memCopy) bool {
		return !slices.ContainsFunc(keep, func(k service.BackupInfo) bool { return k.Path == c.info.Path })
	})
	f.mu.Unlock()
	if settings.SecondPlace == "" {
		return info, nil
	}
	if err := f.toSecondPlace(ctx, name, settings, now); err != nil {
		return info, fmt.Errorf("%w: %w", service.ErrSecondPlace, err)
	}
	return info, nil
}

func (f *Fake) toSecondPlace(ctx context.Context, name string, settings service.BackupSettings, now time.Time) error {
	if err := f.Backup(ctx, filepath.Join(settings.SecondPlace, name)); err != nil {
		return err
	}
	f.mu.Lock()
	f.bk.lastSecond = now
	f.mu.Unlock()
	copies, err := secondCopies(settings.SecondPlace, now.Location())
	if err != nil {
		return err
	}
	_, drop := service.Prune(copies, settings.Policy, now)
	var errs []error
	for _, c := range drop {
		if err := os.Remove(c.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// backupStem names the fake's copies as the store names those of sepakat.db.
const backupStem = "sepakat"

func secondCopies(dir string, loc *time.Location) ([]service.BackupInfo, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []service.BackupInfo
	for _, e := range entries {
		t, reason, ok := service.ParseBackupName(backupStem, e.Name(), loc)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		c := service.BackupInfo{Path: filepath.Join(dir, e.Name()), Time: t, Reason: reason, Place: service.PlaceSecond, Agreements: -1}
		if fi, err := e.Info(); err == nil {
			c.Size = fi.Size()
		}
		if b, err := OpenBackup(c.Path, Options{}); err == nil {
			c.Agreements, c.Verified = len(b.st.recs[kAgreement]), true
		}
		out = append(out, c)
	}
	return out, nil
}

func (f *Fake) empty() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.st.recs[kAgreement]) == 0 && len(f.st.recs[kParty]) == 0
}

// DailyBackup makes the day's automatic copy once per day.
func (f *Fake) DailyBackup(ctx context.Context) (service.BackupInfo, bool, error) {
	f.mu.Lock()
	today := f.now().Format("2006-01-02")
	done := f.bk.lastDaily == today
	f.mu.Unlock()
	if done || f.empty() {
		return service.BackupInfo{}, false, nil
	}
	info, err := f.BackupNow(ctx, service.ReasonDaily)
	if err != nil && !errors.Is(err, service.ErrSecondPlace) {
		return service.BackupInfo{}, false, err
	}
	f.mu.Lock()
	f.bk.lastDaily = today
	f.mu.Unlock()
	return info, true, err
}

// backupBefore keeps a copy before a change of the whole instance, unless it
// holds nothing yet.
func (f *Fake) backupBefore(ctx context.Context, reason service.BackupReason) error {
	if !service.BackupWanted(ctx) || f.empty() {
		return nil
	}
	_, err := f.BackupNow(ctx, reason)
	if errors.Is(err, service.ErrSecondPlace) {
		return nil
	}
	return err
}

// Backups lists the copies in memory and in the second place, newest first.
func (f *Fake) Backups(ctx context.Context) ([]service.BackupInfo, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	var out []service.BackupInfo
	for _, c := range f.bk.copies {
		out = append(out, c.info)
	}
	settings := f.settings()
	loc := f.now().Location()
	f.mu.Unlock()
	if settings.SecondPlace != "" {
		second, err := secondCopies(settings.SecondPlace, loc)
		if err != nil {
			return out, fmt.Errorf("%w: %w", service.ErrSecondPlace, err)
		}
		out = append(out, second...)
	}
	slices.SortStableFunc(out, func(a, b service.BackupInfo) int { return b.Time.Compare(a.Time) })
	return out, nil
}

// BackupStatus says where copies go and when the last ones were made.
func (f *Fake) BackupStatus() (service.BackupStatus, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	st := service.BackupStatus{Folder: service.BackupFolder, SecondPlace: f.settings().SecondPlace,
		LastSecond: f.bk.lastSecond, LastDaily: f.bk.lastDaily}
	if len(f.bk.copies) > 0 {
		st.Last = f.bk.copies[0].info.Time
	}
	return st, nil
}

// BackupSettings returns the rotation and the second place.
func (f *Fake) BackupSettings() (service.BackupSettings, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.settings(), nil
}

// SetBackupSettings stores valid settings.
func (f *Fake) SetBackupSettings(b service.BackupSettings) error {
	if err := b.Validate(); err != nil {
		return err
	}
	if b.SecondPlace != "" {
		if err := service.CheckSecondPlace(b.SecondPlace, service.BackupFolder); err != nil {
			return err
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.bk.settings = &b
	return nil
}
