package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/dataset"
	"sepakat/internal/service"
)

// Backups of a register on the server: each seat keeps copies of the whole
// register (exchange files, as Backup writes them) in its local backup
// folder, Options.BackupDir, named and rotated as the store's; the server's
// own backups (pg_dump) are the server administrator's (docs/server.md). The
// settings and the day of the last automatic copy live on the server.

// backupStem names the copies of a register on the server.
const backupStem = "sepakat-server"

// Backup writes the register to path as an exchange file (ExportTo); a cancel
// or a failure leaves no file.
func (s *Store) Backup(ctx context.Context, path string) error {
	return service.WriteFile(ctx, path, 0o600, func(w io.Writer) error {
		_, err := s.ExportTo(ctx, w)
		return err
	})
}

func (s *Store) metaGet(ctx context.Context, key string, v any) (bool, error) {
	var raw []byte
	err := s.pool.QueryRow(ctx, "SELECT value FROM meta WHERE key = $1", key).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, s.failed(err)
	}
	return true, json.Unmarshal(raw, v)
}

func (s *Store) metaPut(ctx context.Context, key string, v any) error {
	_, err := s.pool.Exec(ctx, "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2", key, encode(v))
	return s.failed(err)
}

func (s *Store) settings(ctx context.Context) (service.BackupSettings, error) {
	b := service.BackupSettings{Policy: service.DefaultBackupPolicy}
	_, err := s.metaGet(ctx, "backup_settings", &b)
	return b, err
}

func (s *Store) folder() (string, error) {
	if s.bkDir == "" {
		return "", fmt.Errorf("%w: pgstore: no backup folder (Options.BackupDir)", service.ErrNotFolder)
	}
	return s.bkDir, os.MkdirAll(s.bkDir, 0o700)
}

// BackupNow writes a verified copy into the backup folder (and the second
// place, when one is set), then rotates the older copies.
func (s *Store) BackupNow(ctx context.Context, reason service.BackupReason) (service.BackupInfo, error) {
	if err := ctx.Err(); err != nil {
		return service.BackupInfo{}, err
	}
	dir, err := s.folder()
	if err != nil {
		return service.BackupInfo{}, err
	}
	settings, err := s.settings(ctx)
	if err != nil {
		return service.BackupInfo{}, err
	}
	now := s.now().Truncate(time.Second)
	name := service.BackupName(backupStem, now, reason)
	path := filepath.Join(dir, name)
	if err := s.Backup(ctx, path); err != nil {
		return service.BackupInfo{}, err
	}
	info, err := describe(path, now, reason, service.PlaceLocal)
	if err != nil || !info.Verified {
		_ = os.Remove(path)
		return service.BackupInfo{}, fmt.Errorf("%w: %v", service.ErrBackupVerify, err)
	}
	if err := rotate(dir, settings.Policy, now); err != nil {
		return info, err
	}
	if settings.SecondPlace == "" {
		return info, nil
	}
	if err := s.toSecondPlace(ctx, path, name, settings, now); err != nil {
		return info, fmt.Errorf("%w: %w", service.ErrSecondPlace, err)
	}
	return info, nil
}

// describe reads a copy back: its agreements counted, Verified when it reads whole.
func describe(path string, t time.Time, reason service.BackupReason, place service.BackupPlace) (service.BackupInfo, error) {
	info := service.BackupInfo{Path: path, Time: t, Reason: reason, Place: place, Agreements: -1}
	fi, err := os.Stat(path)
	if err != nil {
		return info, err
	}
	info.Size = fi.Size()
	f, err := os.Open(path)
	if err != nil {
		return info, err
	}
	defer f.Close()
	rd := dataset.NewReader(f)
	n := 0
	for {
		it, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return info, err
		}
		if it.List == "agreements" {
			n++
		}
	}
	info.Agreements, info.Verified = n, true
	return info, nil
}

// copiesIn lists the copies in dir by their names; read also reads each one
// through, for its count of agreements, which only the list of copies shows:
// a copy of a large register is a gigabyte.
func copiesIn(dir string, loc *time.Location, place service.BackupPlace, read bool) ([]service.BackupInfo, error) {
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
		path := filepath.Join(dir, e.Name())
		c := service.BackupInfo{Path: path, Time: t, Reason: reason, Place: place, Agreements: -1}
		if read {
			c, _ = describe(path, t, reason, place)
		} else if fi, err := e.Info(); err == nil {
			c.Size = fi.Size()
		}
		out = append(out, c)
	}
	return out, nil
}

func rotate(dir string, p service.BackupPolicy, now time.Time) error {
	copies, err := copiesIn(dir, now.Location(), service.PlaceLocal, false)
	if err != nil {
		return err
	}
	_, drop := service.Prune(copies, p, now)
	var errs []error
	for _, c := range drop {
		if err := os.Remove(c.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (s *Store) toSecondPlace(ctx context.Context, from, name string, settings service.BackupSettings, now time.Time) error {
	err := service.WriteFile(ctx, filepath.Join(settings.SecondPlace, name), 0o600, func(w io.Writer) error {
		f, err := os.Open(from)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	})
	if err != nil {
		return err
	}
	if err := s.metaPut(ctx, "last_second", now); err != nil {
		return err
	}
	return rotate(settings.SecondPlace, settings.Policy, now)
}

func (s *Store) empty(ctx context.Context) (bool, error) {
	var n int
	err := s.pool.QueryRow(ctx, "SELECT (SELECT count(*) FROM agreements) + (SELECT count(*) FROM parties)").Scan(&n)
	return n == 0, s.failed(err)
}

// DailyBackup makes the day's automatic copy once per day.
func (s *Store) DailyBackup(ctx context.Context) (service.BackupInfo, bool, error) {
	today := s.now().Format("2006-01-02")
	var last string
	if _, err := s.metaGet(ctx, "last_daily", &last); err != nil {
		return service.BackupInfo{}, false, err
	}
	empty, err := s.empty(ctx)
	if err != nil {
		return service.BackupInfo{}, false, err
	}
	if last == today || empty {
		return service.BackupInfo{}, false, nil
	}
	info, err := s.BackupNow(ctx, service.ReasonDaily)
	if err != nil && !errors.Is(err, service.ErrSecondPlace) {
		return service.BackupInfo{}, false, err
	}
	if perr := s.metaPut(ctx, "last_daily", today); perr != nil {
		return info, true, perr
	}
	return info, true, err
}

// backupBefore keeps a copy before a change of the whole register, unless it
// holds nothing yet or no backup folder is set.
func (s *Store) backupBefore(ctx context.Context, reason service.BackupReason) error {
	if !service.BackupWanted(ctx) || s.bkDir == "" {
		return nil
	}
	if empty, err := s.empty(ctx); err != nil || empty {
		return err
	}
	_, err := s.BackupNow(ctx, reason)
	if errors.Is(err, service.ErrSecondPlace) {
		return nil
	}
	return err
}

// Backups lists the copies in the backup folder and the second place, newest first.
func (s *Store) Backups(ctx context.Context) ([]service.BackupInfo, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	loc := s.now().Location()
	var out []service.BackupInfo
	if s.bkDir != "" {
		local, err := copiesIn(s.bkDir, loc, service.PlaceLocal, true)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		out = local
	}
	settings, err := s.settings(ctx)
	if err != nil {
		return out, err
	}
	if settings.SecondPlace != "" {
		second, err := copiesIn(settings.SecondPlace, loc, service.PlaceSecond, true)
		if err != nil {
			return out, fmt.Errorf("%w: %w", service.ErrSecondPlace, err)
		}
		out = append(out, second...)
	}
	slices.SortStableFunc(out, func(a, b service.BackupInfo) int { return b.Time.Compare(a.Time) })
	return out, nil
}

// BackupStatus says where copies go and when the last ones were made.
func (s *Store) BackupStatus() (service.BackupStatus, error) {
	ctx := bg()
	settings, err := s.settings(ctx)
	if err != nil {
		return service.BackupStatus{}, err
	}
	st := service.BackupStatus{Folder: s.bkDir, SecondPlace: settings.SecondPlace}
	if _, err := s.metaGet(ctx, "last_second", &st.LastSecond); err != nil {
		return st, err
	}
	if _, err := s.metaGet(ctx, "last_daily", &st.LastDaily); err != nil {
		return st, err
	}
	if s.bkDir != "" {
		local, _ := copiesIn(s.bkDir, s.now().Location(), service.PlaceLocal, false)
		for _, c := range local {
			if c.Time.After(st.Last) {
				st.Last = c.Time
			}
		}
	}
	return st, nil
}

// BackupSettings returns the rotation and the second place.
func (s *Store) BackupSettings() (service.BackupSettings, error) { return s.settings(bg()) }

// SetBackupSettings stores valid settings.
func (s *Store) SetBackupSettings(b service.BackupSettings) error {
	if err := b.Validate(); err != nil {
		return err
	}
	if b.SecondPlace != "" {
		if err := service.CheckSecondPlace(b.SecondPlace, s.bkDir); err != nil {
			return err
		}
	}
	return s.metaPut(bg(), "backup_settings", b)
}

// NewestCopy is the newest copy of a register on the server in the local
// backup folder dir (Options.BackupDir), which reads without the server;
// fs.ErrNotExist when there is none.
func NewestCopy(dir string) (service.BackupInfo, error) {
	copies, err := copiesIn(dir, time.Local, service.PlaceLocal, false)
	if err != nil {
		return service.BackupInfo{}, err
	}
	var newest service.BackupInfo
	for _, c := range copies {
		if c.Time.After(newest.Time) {
			newest = c
		}
	}
	if newest.Path == "" {
		return newest, fs.ErrNotExist
	}
	return newest, nil
}
