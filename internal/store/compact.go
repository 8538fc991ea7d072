package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/service"
)

// compactSuffix names the copy a compaction writes beside the data file.
const compactSuffix = ".ringkas"

// compactTxSize bounds the bytes the copy writes per transaction.
const compactTxSize = 64 << 20

// compactFrom is the share of free pages from which a file is compacted.
const compactFrom = 0.25

// Compact rewrites the data file without its free pages (bbolt's own
// bolt.Compact into a copy beside it), checks the copy, and puts it in the
// file's place by a rename, all or nothing. Without force it does so only when
// more than a quarter of the file is free. Nothing else may use the store
// while it runs.
func (s *Store) Compact(ctx context.Context, force bool) (service.CompactResult, error) {
	s.background.Wait()
	s.rebuildMu.Lock()
	defer s.rebuildMu.Unlock()
	return s.compact(ctx, force)
}

var _ service.Compactor = (*Store)(nil)

// freeShare is the file's size and the share of it that is free pages.
func (s *Store) freeShare() (int64, float64, error) {
	info, err := os.Stat(s.path)
	if err != nil {
		return 0, 0, err
	}
	var free int64
	err = s.view(func(tx *bolt.Tx) error {
		st := s.db.Stats()
		free = int64(st.FreeAlloc)
		return nil
	})
	if info.Size() == 0 {
		return 0, 0, err
	}
	return info.Size(), float64(free) / float64(info.Size()), err
}

func (s *Store) compact(ctx context.Context, force bool) (res service.CompactResult, err error) {
	size, share, err := s.freeShare()
	if err != nil {
		return res, err
	}
	res.Before, res.After = size, size
	if !force && share <= compactFrom {
		return res, nil
	}
	tmp := s.path + compactSuffix
	os.Remove(tmp) // a leftover of a killed compaction
	var txid int
	if err := s.view(func(tx *bolt.Tx) error { txid = tx.ID(); return nil }); err != nil {
		return res, err
	}
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{NoSync: true, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return res, err
	}
	keep := false
	defer func() {
		if !keep {
			dst.Close()
			os.Remove(tmp)
		}
	}()
	if err := s.copyCompact(ctx, dst); err != nil {
		return res, err
	}
	if err := s.checkCompacted(dst); err != nil {
		return res, err
	}
	if err := dst.Sync(); err != nil {
		return res, err
	}
	// A write since the copy began (none should come: the caller holds the
	// store) leaves the file as it is.
	var now int
	if err := s.view(func(tx *bolt.Tx) error { now = tx.ID(); return nil }); err != nil || now != txid {
		return res, err
	}
	keep = true // from here swapCompacted closes or keeps it
	if err := s.swapCompacted(dst, tmp); err != nil {
		return res, err
	}
	if info, err := os.Stat(s.path); err == nil {
		res.After = info.Size()
	}
	res.Done = true
	return res, nil
}

// copyCompact is bolt.Compact from the open file into dst, with the source's
// pages released from this process's memory as they are read (shedPages).
// bolt.Compact cannot be stopped half-way: ctx is checked before and after.
func (s *Store) copyCompact(ctx context.Context, dst *bolt.DB) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := s.view(func(tx *bolt.Tx) error {
		// bolt.Compact reads in transactions of its own; this one keeps
		// the mapping where it is while the pages are released.
		_, stop := shedPages(tx, 0)
		defer stop()
		return bolt.Compact(dst, s.db, compactTxSize)
	})
	if err != nil {
		return err
	}
	return ctx.Err()
}

// checkCompacted is sameContents with both files' pages released from this
// process's memory as they are read.
func (s *Store) checkCompacted(dst *bolt.DB) error {
	var err error
	func() {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer guard(&err)
		err = sameContents(s.db, dst)
	}()
	return err
}

// sameContents checks the copy page by page and compares every key and value
// of every bucket with the source, in one read transaction of each.
func sameContents(src, dst *bolt.DB) error {
	return src.View(func(stx *bolt.Tx) error {
		_, stop := shedPages(stx, 0)
		defer stop()
		return dst.View(func(dtx *bolt.Tx) error {
			_, dstop := shedPages(dtx, 0)
			defer dstop()
			// The check reads on a goroutine of its own until its channel
			// closes: it is drained, so that nothing reads the copy after
			// this transaction.
			var bad error
			for err := range dtx.Check() {
				if bad == nil {
					bad = fmt.Errorf("%w: %v", service.ErrBackupVerify, err)
				}
			}
			if bad != nil {
				return bad
			}
			return stx.ForEach(func(name []byte, sb *bolt.Bucket) error {
				db := dtx.Bucket(name)
				if db == nil {
					return fmt.Errorf("%w: bucket %s", service.ErrBackupVerify, name)
				}
				return sameBucket(sb, db)
			})
		})
	})
}

func sameBucket(sb, db *bolt.Bucket) error {
	sc, dc := sb.Cursor(), db.Cursor()
	sk, sv := sc.First()
	dk, dv := dc.First()
	for ; sk != nil; sk, sv = sc.Next() {
		if dk == nil || !bytes.Equal(sk, dk) || !bytes.Equal(sv, dv) || (sv == nil) != (dv == nil) {
			return fmt.Errorf("%w: key %x", service.ErrBackupVerify, sk)
		}
		if sv == nil { // a nested bucket
			if err := sameBucket(sb.Bucket(sk), db.Bucket(dk)); err != nil {
				return err
			}
		}
		dk, dv = dc.Next()
	}
	if dk != nil {
		return fmt.Errorf("%w: key %x", service.ErrBackupVerify, dk)
	}
	if sb.Sequence() != db.Sequence() {
		return fmt.Errorf("%w: sequence", service.ErrBackupVerify)
	}
	return nil
}

// swapCompacted puts the checked copy in the data file's place. Where a file
// can be renamed while open, the copy (already locked by this process) is
// renamed over the data file before the old one is closed, so that no other
// program can open the file in between; elsewhere (Windows) as an import
// does: closed, renamed, opened again.
func (s *Store) swapCompacted(dst *bolt.DB, tmp string) error {
	noSync := s.db.NoSync
	if runtime.GOOS == "windows" {
		if err := dst.Close(); err != nil {
			os.Remove(tmp)
			return err
		}
		return s.swapIn(tmp)
	}
	if err := os.Rename(tmp, s.path); err != nil {
		dst.Close()
		os.Remove(tmp)
		return err
	}
	syncDir(filepath.Dir(s.path))
	old := s.db
	dst.NoSync = noSync
	s.db, s.cache, s.stale = dst, newDecodeCache(), &staleKeys{}
	return errors.Join(old.Close())
}
