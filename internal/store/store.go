// Package store keeps Sepakat's records in one bbolt file: records, list indexes,
// history, numbering counters and stored files. It is the only package that imports bbolt.
package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/places"
	"sepakat/internal/service"
	"sepakat/internal/store/fts"
	"sepakat/internal/wilayah"
)

// Options configure Open.
type Options struct {
	// SigningText keeps the fingerprint of an agreement's text in the history
	// entry of the save that signs it (export.TextFingerprint); nil keeps none.
	SigningText service.TextFingerprint
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// User is recorded in the history; the OS user when empty.
	User string
	// LockTimeout is how long to wait for another program to release the file.
	LockTimeout time.Duration
	// NoSync skips fsync; only for bulk generation and benchmarks of the baseline.
	NoSync bool
	// RebuildLater: when the search index must be rebuilt (the word lists
	// changed with an upgrade, or a rebuild was interrupted), Open only records
	// it and returns at once; search answers service.ErrRebuilding until the
	// caller's FinishRebuild (in the background) ends it, and the file is
	// compacted at Close. Otherwise Open finishes the rebuild itself.
	RebuildLater bool
}

// Store is an open data file.
type Store struct {
	db      *bolt.DB
	path    string
	now     func() time.Time
	user    string
	signing service.TextFingerprint
	regions *wilayah.List
	fts     *fts.Index // its analysis loads when a search, merge or rebuild needs it
	cache   *decodeCache
	stale   *staleKeys
	// merging is set while a background merge runs; Close waits for it.
	merging    atomic.Bool
	background sync.WaitGroup
	// Migrated names the backup made before a migration in this Open, if any.
	Migrated   string
	backupHook func(path string) // tests: runs on a written copy before it is verified
	closed     bool
	// staged are files PutFile received that no save has written yet (kept.go).
	staged stagedFiles
	// notes are the subscribers to registry changes (notify.go).
	notes service.Notifier
	// The search index's rebuild (rebuild.go): one runs at a time.
	rebuildMu      sync.Mutex
	rebuildLater   bool
	rebuildSteps   atomic.Int64
	compactAtClose atomic.Bool
	// closing is closed by Close: a rebuild under way stops after its batch.
	closing chan struct{}
}

// DefaultPath is Sepakat's data file: in the user's configuration folder, or
// beside the program in portable mode (places.DataDir).
func DefaultPath() (string, error) {
	dir, err := places.DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "sepakat.db"), nil
}

// Open opens or creates the data file at path, migrating an older schema after a
// backup copy. A file held by another process gives service.ErrAlreadyOpen.
func Open(path string, opt Options) (*Store, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.User == "" {
		opt.User = osUser()
	}
	if opt.LockTimeout == 0 {
		opt.LockTimeout = 500 * time.Millisecond
	}
	regions, err := wilayah.Load()
	if err != nil {
		return nil, err
	}
	// Only a path that does not exist becomes a new store: an existing empty
	// or foreign file is refused, never initialised.
	if info, err := os.Stat(path); err == nil {
		if info.Size() == 0 {
			return nil, fmt.Errorf("%w: %s", service.ErrNotSepakat, path)
		}
		if ok, err := looksLikeBolt(path); err != nil {
			return nil, err
		} else if !ok {
			return nil, fmt.Errorf("%w: %s", service.ErrNotSepakat, path)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	db, err := openBolt(path, &bolt.Options{Timeout: opt.LockTimeout, NoSync: opt.NoSync, FreelistType: bolt.FreelistMapType})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, service.ErrAlreadyOpen
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", service.ErrCorrupt, err)
	}
	s := &Store{db: db, path: path, now: opt.Now, user: opt.User, signing: opt.SigningText, regions: regions, cache: newDecodeCache(), stale: &staleKeys{}, fts: newIndex(),
		rebuildLater: opt.RebuildLater, closing: make(chan struct{})}
	if err := s.prepare(); err != nil {
		db.Close()
		return nil, err
	}
	// The copy a killed import left (ImportFrom); one an import under way
	// holds stays.
	leftover := path + importSuffix
	whileUnheld(leftover, 0, func() error { return errors.Join(os.Remove(leftover), os.Remove(leftover+textsSuffix)) })
	// A killed compaction's copy (compact.go) and a killed reindex's texts
	// (Reindex); the data file is the one held.
	os.Remove(path + compactSuffix)
	os.Remove(path + textsSuffix)
	return s, nil
}

func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return filepath.Base(u.Username) // DOMAIN\name on Windows
	}
	for _, k := range []string{"USER", "USERNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "tidak diketahui"
}

// Close sweeps superseded index keys and closes the data file; closing twice is harmless.
func (s *Store) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	close(s.closing)
	s.rebuildMu.Lock() // a rebuild under way ends its batch; the next open resumes it
	defer s.rebuildMu.Unlock()
	s.staged.drop()
	s.background.Wait()
	err := s.sweep()
	if s.compactAtClose.Load() {
		// After a rebuild in the background: nothing else uses the store now.
		_, cerr := s.compact(context.Background(), false)
		err = errors.Join(err, cerr)
	}
	return errors.Join(err, s.db.Close())
}

// Path returns the data file's path.
func (s *Store) Path() string { return s.path }

// User returns the name recorded in the history.
func (s *Store) User() string { return s.user }

// Backup writes a consistent copy of the data file to path while the store
// stays open, through a temporary file: a cancel or a failure leaves no copy.
func (s *Store) Backup(ctx context.Context, path string) error {
	_, err := s.copyVerified(ctx, path) // backup.go: verified before it gets its name
	return err
}

var _ service.Service = (*Store)(nil)
