package store

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// Inspect says what the copy at path holds, after a check of every page as
// bbolt's check does (every tree, the free list, no page lost), read with
// plain reads; a file that is not a sound Sepakat data file is
// service.ErrNotSepakatCopy, one from a newer Sepakat service.ErrNewerSchema.
// It needs no open Store.
func Inspect(ctx context.Context, path string) (service.CopyContents, error) {
	return inspect(ctx, path)
}

func inspect(ctx context.Context, path string) (c service.CopyContents, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return c, err
	}
	if !fi.Mode().IsRegular() || fi.Size() == 0 {
		return c, fmt.Errorf("%w: %s", service.ErrNotSepakatCopy, path)
	}
	// With plain reads, not through a memory map: the check of a copy of a
	// large register then holds only what it reads at a time.
	f, err := os.Open(path)
	if err != nil {
		return c, err
	}
	defer f.Close()
	notCopy := func(err error) (service.CopyContents, error) {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return service.CopyContents{}, err
		}
		// What is wrong with the copy, without the words for a damaged data file.
		detail := strings.TrimPrefix(err.Error(), service.ErrCorrupt.Error()+": ")
		return service.CopyContents{}, fmt.Errorf("%w: %s: %s", service.ErrNotSepakatCopy, path, detail)
	}
	pf, err := openPages(f)
	if err != nil {
		return service.CopyContents{}, fmt.Errorf("%w: %s", service.ErrNotSepakatCopy, path)
	}
	pf.lazy = true
	var version []byte
	var newest []byte
	n := 0
	damaged, err := pf.walkFile(func(top, k, v []byte) error {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		switch string(top) {
		case string(schema.Meta):
			if bytes.Equal(k, schema.KeySchemaVersion) {
				version = bytes.Clone(v)
			}
		case string(schema.Agreements):
			if len(k) == 8 {
				c.Agreements++
			}
		case string(schema.Parties):
			if len(k) == 8 {
				c.Parties++
			}
		case string(schema.IdxChanged):
			newest = append(newest[:0], k...) // keys come in order: the last is the newest
		}
		return nil
	})
	if err != nil {
		return notCopy(err)
	}
	if damaged != nil {
		return notCopy(fmt.Errorf("%s", damaged.Words(i18n.ID)))
	}
	if err := pf.checkReachable(); err != nil {
		return notCopy(err)
	}
	if len(version) != 8 {
		return notCopy(fmt.Errorf("%s", "schema_version"))
	}
	c.Schema = int(binary.BigEndian.Uint64(version))
	if c.Schema > SchemaVersion {
		return service.CopyContents{}, service.ErrNewerSchema
	}
	if len(newest) >= 8 {
		c.Newest = time.Unix(0, int64(binary.BigEndian.Uint64(newest[:8])))
	}
	return c, ctx.Err()
}

// Restore puts the copy at copyPath in place of the data file at dataPath in
// one step: the copy is checked (Inspect), written to a temporary file beside
// the data file and synced, the current file is kept aside as
// dataPath.sebelum-pulih-YYYYMMDD-HHMMSS (aside; empty when there was none),
// and the temporary file is renamed over the data file. It needs no open
// Store, so it works when the current file is damaged; a current file that
// another program holds open is service.ErrAlreadyOpen.
func Restore(ctx context.Context, dataPath, copyPath string, now time.Time) (aside string, c service.CopyContents, err error) {
	c, err = inspect(ctx, copyPath)
	if err != nil {
		return "", c, err
	}
	_, statErr := os.Stat(dataPath)
	current := statErr == nil
	if current {
		if err := notHeld(dataPath); err != nil {
			return "", c, err
		}
	}
	dir := filepath.Dir(dataPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", c, err
	}
	sweepLeftovers(dir)
	tmp, err := os.CreateTemp(dir, ".sepakat-pulih-*")
	if err != nil {
		return "", c, service.NamePath(err, dataPath)
	}
	holdTemp(tmp)
	defer os.Remove(tmp.Name()) // gone after the rename
	in, err := os.Open(copyPath)
	if err != nil {
		tmp.Close()
		return "", c, err
	}
	sum := crc32.New(castagnoli)
	n, err := io.Copy(&ctxWriter{ctx: ctx, w: io.MultiWriter(tmp, sum)}, bufio.NewReaderSize(in, 1<<20))
	in.Close()
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if ctx.Err() != nil {
			return "", c, ctx.Err()
		}
		return "", c, service.NamePath(err, dataPath)
	}
	if err := verifyCopy(ctx, tmp.Name(), sum.Sum32(), n, c.Agreements); err != nil {
		return "", c, err
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return "", c, service.NamePath(err, dataPath)
	}
	if current {
		aside, err = keepAside(ctx, dataPath, dataPath+".sebelum-pulih-"+now.Format("20060102-150405"))
		if err != nil {
			return "", c, err
		}
	}
	if err := ctx.Err(); err != nil {
		return aside, c, err
	}
	if err := os.Rename(tmp.Name(), dataPath); err != nil {
		return aside, c, service.NamePath(err, dataPath)
	}
	syncDir(dir)
	return aside, c, nil
}

// keepAside keeps the current file's content under the name aside (with -2,
// -3… when a file has that name already, as after two restores in one
// second) and returns the name: a hard link where the file system has them
// (the data file never goes missing), else a copy.
func keepAside(ctx context.Context, dataPath, aside string) (string, error) {
	name := func(i int) string {
		if i == 1 {
			return aside
		}
		return fmt.Sprintf("%s-%d", aside, i)
	}
	linked := true
	for i := 1; i < 1000; i++ {
		err := os.Link(dataPath, name(i))
		if err == nil {
			syncDir(filepath.Dir(aside))
			return name(i), nil
		}
		if !errors.Is(err, os.ErrExist) {
			linked = false
			break
		}
	}
	if linked {
		return "", &os.PathError{Op: "link", Path: aside, Err: os.ErrExist}
	}
	in, err := os.Open(dataPath)
	if err != nil {
		return "", err
	}
	defer in.Close()
	var out *os.File
	for i := 1; i < 1000; i++ {
		if out, err = os.OpenFile(name(i), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600); !errors.Is(err, os.ErrExist) {
			aside = name(i)
			break
		}
	}
	if err != nil {
		return "", err
	}
	_, err = io.Copy(&ctxWriter{ctx: ctx, w: out}, bufio.NewReaderSize(in, 1<<20))
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(aside)
		return "", err
	}
	syncDir(filepath.Dir(aside))
	return aside, nil
}

// notHeld returns service.ErrAlreadyOpen when another program holds the data
// file at path. A file bbolt cannot read is not held by Sepakat: the restore
// may replace it.
func notHeld(path string) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = nil
		}
	}()
	fi, err := os.Stat(path)
	if err != nil || fi.Size() == 0 {
		return nil
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 500 * time.Millisecond})
	if errors.Is(err, bolt.ErrTimeout) {
		return service.ErrAlreadyOpen
	}
	if err == nil {
		db.Close()
	}
	return nil
}
