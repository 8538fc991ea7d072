package store

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// Backups: consistent copies by bbolt's Tx.WriteTo, streamed through a
// temporary file, verified (read back against the checksum of what was
// written, opened read-only, checked and counted) before they get their name,
// then rotated by service.Prune. Settings live in the meta bucket.

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// BackupDir is the backup folder beside the data file at dataPath.
func BackupDir(dataPath string) string {
	return filepath.Join(filepath.Dir(dataPath), service.BackupFolder)
}

// BackupNow writes a verified copy into the backup folder and the second
// place, and rotates both; see service.Admin.
func (s *Store) BackupNow(ctx context.Context, reason service.BackupReason) (service.BackupInfo, error) {
	settings, err := s.BackupSettings()
	if err != nil {
		return service.BackupInfo{}, err
	}
	now := s.now().Truncate(time.Second) // as the copy's name keeps it
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return service.BackupInfo{}, err
	}
	info, err := s.copyVerified(ctx, filepath.Join(dir, service.BackupName(service.BackupStem(s.path), now, reason)))
	if err != nil {
		return service.BackupInfo{}, err
	}
	info.Time, info.Reason = now, reason
	if err := prune(dir, service.BackupStem(s.path), settings.Policy, now, service.PlaceLocal); err != nil {
		return info, err
	}
	if settings.SecondPlace == "" {
		return info, nil
	}
	if err := s.toSecondPlace(ctx, info, settings, now); err != nil {
		return info, fmt.Errorf("%w: %w", service.ErrSecondPlace, err)
	}
	return info, nil
}

func (s *Store) toSecondPlace(ctx context.Context, info service.BackupInfo, settings service.BackupSettings, now time.Time) error {
	dst := filepath.Join(settings.SecondPlace, filepath.Base(info.Path))
	if err := copyFile(ctx, info.Path, dst); err != nil {
		return err
	}
	if err := s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(schema.Meta).Put(schema.KeyBackupSecond, []byte(now.UTC().Format(time.RFC3339)))
	}); err != nil {
		return err
	}
	return prune(settings.SecondPlace, service.BackupStem(s.path), settings.Policy, now, service.PlaceSecond)
}

// DailyBackup makes the day's automatic copy once per day; see service.Admin.
func (s *Store) DailyBackup(ctx context.Context) (service.BackupInfo, bool, error) {
	s.sweepBackupLeftovers()
	today := s.now().Format("2006-01-02")
	var last []byte
	empty := true
	if err := s.view(func(tx *bolt.Tx) error {
		last = bytes.Clone(tx.Bucket(schema.Meta).Get(schema.KeyBackupDaily))
		for _, b := range [][]byte{schema.Agreements, schema.Parties} {
			if k, _ := tx.Bucket(b).Cursor().First(); k != nil {
				empty = false
			}
		}
		return nil
	}); err != nil {
		return service.BackupInfo{}, false, err
	}
	// The mark names the file it was made for: a copy of the file under
	// another name carries it, and is backed up all the same.
	mark := today + " " + s.absPath()
	if string(last) == mark || empty {
		return service.BackupInfo{}, false, nil
	}
	info, err := s.BackupNow(ctx, service.ReasonDaily)
	if err != nil && !errors.Is(err, service.ErrSecondPlace) {
		return service.BackupInfo{}, false, err
	}
	if merr := s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(schema.Meta).Put(schema.KeyBackupDaily, []byte(mark))
	}); merr != nil {
		return info, true, merr
	}
	return info, true, err
}

// backupBefore makes the copy taken before a change of the whole file
// (import, reindex, synonyms, migration); a file that holds no records yet
// has nothing to lose and gets none.
func (s *Store) backupBefore(ctx context.Context, reason service.BackupReason) error {
	if !service.BackupWanted(ctx) {
		return nil
	}
	empty := true
	if err := s.view(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{schema.Agreements, schema.Parties} {
			if bk := tx.Bucket(b); bk != nil {
				if k, _ := bk.Cursor().First(); k != nil {
					empty = false
				}
			}
		}
		return nil
	}); err != nil || empty {
		return err
	}
	_, err := s.BackupNow(ctx, reason)
	if errors.Is(err, service.ErrSecondPlace) {
		return nil // the copy beside the data file is there; the change may go on
	}
	return err
}

// Backups lists the copies of both places, newest first; see service.Admin.
func (s *Store) Backups(ctx context.Context) ([]service.BackupInfo, error) {
	s.sweepBackupLeftovers()
	settings, err := s.BackupSettings()
	if err != nil {
		return nil, err
	}
	loc := s.now().Location()
	out, err := listCopies(ctx, BackupDir(s.path), service.BackupStem(s.path), service.PlaceLocal, loc, true)
	if err != nil {
		return nil, err
	}
	if settings.SecondPlace != "" {
		second, err := listCopies(ctx, settings.SecondPlace, service.BackupStem(s.path), service.PlaceSecond, loc, true)
		if err != nil && !errors.Is(err, context.Canceled) {
			err = fmt.Errorf("%w: %w", service.ErrSecondPlace, err)
		}
		if err != nil {
			return out, err
		}
		out = append(out, second...)
	}
	slices.SortStableFunc(out, func(a, b service.BackupInfo) int { return b.Time.Compare(a.Time) })
	return out, nil
}

// BackupStatus says where copies go and when the last ones were made.
func (s *Store) BackupStatus() (service.BackupStatus, error) {
	st := service.BackupStatus{Folder: BackupDir(s.path)}
	err := s.view(func(tx *bolt.Tx) error {
		meta := tx.Bucket(schema.Meta)
		st.LastDaily, _, _ = strings.Cut(string(meta.Get(schema.KeyBackupDaily)), " ")
		if raw := meta.Get(schema.KeyBackupSecond); raw != nil {
			st.LastSecond, _ = time.Parse(time.RFC3339, string(raw))
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	settings, err := s.BackupSettings()
	if err != nil {
		return st, err
	}
	st.SecondPlace = settings.SecondPlace
	copies, err := listCopies(context.Background(), st.Folder, service.BackupStem(s.path), service.PlaceLocal, s.now().Location(), false)
	if err == nil && len(copies) > 0 {
		st.Last = copies[0].Time
	}
	return st, nil
}

// BackupSettings returns the stored settings, or the default rotation.
func (s *Store) BackupSettings() (service.BackupSettings, error) {
	out := service.BackupSettings{Policy: service.DefaultBackupPolicy}
	err := s.view(func(tx *bolt.Tx) error {
		raw := tx.Bucket(schema.Meta).Get(schema.KeyBackupSettings)
		if raw == nil {
			return nil
		}
		if err := json.Unmarshal(raw, &out); err != nil {
			return fmt.Errorf("%w: %s: %v", service.ErrCorrupt, schema.KeyBackupSettings, err)
		}
		return nil
	})
	return out, err
}

// SetBackupSettings stores valid settings; the second place must be an
// existing folder.
func (s *Store) SetBackupSettings(b service.BackupSettings) error {
	if err := b.Validate(); err != nil {
		return err
	}
	if b.SecondPlace != "" {
		if err := service.CheckSecondPlace(b.SecondPlace, BackupDir(s.path)); err != nil {
			return err
		}
	}
	raw, err := json.Marshal(b)
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error { return tx.Bucket(schema.Meta).Put(schema.KeyBackupSettings, raw) })
}

// copyVerified writes a consistent copy to path through a temporary file
// beside it, and gives it its name only once it reads back as written.
func (s *Store) copyVerified(ctx context.Context, path string) (service.BackupInfo, error) {
	if err := ctx.Err(); err != nil {
		return service.BackupInfo{}, err
	}
	sweepLeftovers(filepath.Dir(path))
	tmp, err := os.CreateTemp(filepath.Dir(path), ".sepakat-cadangan-*")
	if err != nil {
		return service.BackupInfo{}, service.NamePath(err, path)
	}
	holdTemp(tmp)
	defer os.Remove(tmp.Name()) // gone after the rename; removes a failed copy
	sum := crc32.New(castagnoli)
	var want int
	var size int64
	err = s.view(func(tx *bolt.Tx) error {
		want = snapshotCount(tx)
		bw := bufio.NewWriterSize(io.MultiWriter(tmp, sum), 1<<20)
		n, err := tx.WriteTo(&ctxWriter{ctx: ctx, w: bw})
		size = n
		if err != nil {
			return err
		}
		return bw.Flush()
	})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if ctx.Err() != nil {
			return service.BackupInfo{}, ctx.Err()
		}
		return service.BackupInfo{}, service.NamePath(err, path)
	}
	if s.backupHook != nil {
		s.backupHook(tmp.Name())
	}
	if err := verifyCopy(ctx, tmp.Name(), sum.Sum32(), size, want); err != nil {
		return service.BackupInfo{}, err
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return service.BackupInfo{}, service.NamePath(err, path)
	}
	if err := ctx.Err(); err != nil { // the last moment to cancel
		return service.BackupInfo{}, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return service.BackupInfo{}, service.NamePath(err, path)
	}
	syncDir(filepath.Dir(path))
	return service.BackupInfo{Path: path, Size: size, Agreements: want, Verified: true}, nil
}

// verifyCopy reads the copy back against the checksum and size of what was
// written, opens it read-only, runs bbolt's check and counts its agreements.
func verifyCopy(ctx context.Context, path string, want uint32, size int64, agreements int) error {
	got, n, err := checksum(ctx, path)
	if err != nil {
		return err
	}
	if n != size || got != want {
		return fmt.Errorf("%w: %d byte dibaca, %d ditulis; checksum %08x, %08x", service.ErrBackupVerify, n, size, got, want)
	}
	c, err := inspect(ctx, path)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		return fmt.Errorf("%w: %v", service.ErrBackupVerify, err)
	}
	if c.Agreements != agreements {
		return fmt.Errorf("%w: %d perjanjian dalam salinan, %d dalam berkas data", service.ErrBackupVerify, c.Agreements, agreements)
	}
	return nil
}

func checksum(ctx context.Context, path string) (uint32, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sum := crc32.New(castagnoli)
	n, err := io.Copy(&ctxWriter{ctx: ctx, w: sum}, f)
	return sum.Sum32(), n, err
}

// copyFile copies src to dst through a temporary file beside dst, and
// renames it only when it reads back with src's checksum.
func copyFile(ctx context.Context, src, dst string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	sweepLeftovers(filepath.Dir(dst))
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".sepakat-salin-*")
	if err != nil {
		return service.NamePath(err, dst)
	}
	holdTemp(tmp)
	defer os.Remove(tmp.Name())
	sum := crc32.New(castagnoli)
	n, err := io.Copy(&ctxWriter{ctx: ctx, w: io.MultiWriter(tmp, sum)}, bufio.NewReaderSize(in, 1<<20))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return service.NamePath(err, dst)
	}
	got, m, err := checksum(ctx, tmp.Name())
	if err != nil {
		return service.NamePath(err, dst)
	}
	if m != n || got != sum.Sum32() {
		return fmt.Errorf("%w: %s", service.ErrBackupVerify, dst)
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return service.NamePath(err, dst)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return service.NamePath(err, dst)
	}
	syncDir(filepath.Dir(dst))
	return nil
}

// prune removes the copies in dir that the policy drops; files with other
// names are never touched.
func prune(dir, stem string, p service.BackupPolicy, now time.Time, place service.BackupPlace) error {
	copies, err := listCopies(context.Background(), dir, stem, place, now.Location(), false)
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

// listCopies lists the copies in dir by their names, newest first; open also
// opens each to count its agreements. A missing folder holds no copies.
func listCopies(ctx context.Context, dir, stem string, place service.BackupPlace, loc *time.Location, open bool) ([]service.BackupInfo, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) && place == service.PlaceLocal {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []service.BackupInfo
	for _, e := range entries {
		t, reason, ok := service.ParseBackupName(stem, e.Name(), loc)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c := service.BackupInfo{Path: filepath.Join(dir, e.Name()), Time: t, Reason: reason, Place: place, Agreements: -1}
		if fi, err := e.Info(); err == nil {
			c.Size = fi.Size()
		}
		if open {
			if n, err := quickCount(c.Path); err == nil {
				c.Agreements, c.Verified = n, true
			}
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b service.BackupInfo) int { return b.Time.Compare(a.Time) })
	return out, nil
}

// quickCount opens a copy read-only and counts its agreements from the
// status counters (schema 5), or by their keys in older files.
func quickCount(path string) (n int, err error) {
	err = withCopy(path, func(tx *bolt.Tx, _ func()) error {
		meta := tx.Bucket(schema.Meta)
		if meta == nil {
			return service.ErrNotSepakatCopy
		}
		n = snapshotCount(tx)
		return nil
	})
	return n, err
}

// snapshotCount is the source's count of agreements for the check of its
// copy: its status counters (schema 5), which the copy's real count must
// match, so that the source's pages are not all read (and mapped) for it;
// older files are counted by their keys.
func snapshotCount(tx *bolt.Tx) int {
	meta := tx.Bucket(schema.Meta)
	if meta == nil || meta.Get(schema.KeyStatusCounts) == nil {
		return countAgreements(tx)
	}
	return counterSum(meta)
}

func counterSum(meta *bolt.Bucket) int {
	n := 0
	c := meta.Cursor()
	prefix := schema.CountKey("")
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(v) == 8 {
			n += int(getCounter(meta, k))
		}
	}
	return n
}

// countAgreements counts the agreements' own keys (8 bytes; their history
// entries have 16).
func countAgreements(tx *bolt.Tx) int {
	return countIDs(tx, schema.Agreements)
}

func countIDs(tx *bolt.Tx, bucket []byte) int {
	b := tx.Bucket(bucket)
	if b == nil {
		return 0
	}
	n := 0
	c := b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if len(k) == 8 {
			n++
		}
	}
	return n
}

// withCopy runs fn in a read transaction of the file at path, opened
// read-only, with shed to release the pages fn has read from memory; a file bbolt cannot read, or that makes it panic or fault, is
// service.ErrNotSepakatCopy.
func withCopy(path string, fn func(tx *bolt.Tx, shed func()) error) (err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() || fi.Size() == 0 {
		return fmt.Errorf("%w: %s", service.ErrNotSepakatCopy, path)
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", service.ErrNotSepakatCopy, r)
		}
	}()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second, PreLoadFreelist: true})
	if errors.Is(err, bolt.ErrTimeout) {
		return service.ErrAlreadyOpen
	}
	if err != nil {
		return fmt.Errorf("%w: %v", service.ErrNotSepakatCopy, err)
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		// The mapping of a read-only file is the file's length: a damaged
		// copy's meta may claim more pages than that.
		shed, stop := shedPages(tx, fi.Size())
		defer stop()
		return fn(tx, shed)
	})
}

// syncDir makes a rename in dir durable where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() // not supported on every system; the rename itself is done
		d.Close()
	}
}

// ctxWriter stops writing once ctx is cancelled.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// backupPath names a new copy in the backup folder, which it makes.
func (s *Store) backupPath(reason service.BackupReason) string {
	dir := BackupDir(s.path)
	os.MkdirAll(dir, 0o700) // a failure shows in the write that follows
	return filepath.Join(dir, service.BackupName(service.BackupStem(s.path), s.now(), reason))
}

// sweepBackupLeftovers removes what killed copies and restores left beside the
// data file, in the backup folder and in the second place.
func (s *Store) sweepBackupLeftovers() {
	sweepLeftovers(filepath.Dir(s.path))
	sweepLeftovers(BackupDir(s.path))
	if set, err := s.BackupSettings(); err == nil && set.SecondPlace != "" {
		sweepLeftovers(set.SecondPlace)
	}
}

// absPath is the data file's absolute path, or its path as opened.
func (s *Store) absPath() string {
	if abs, err := filepath.Abs(s.path); err == nil {
		return abs
	}
	return s.path
}
