package store

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// Inspect says what the copy at path holds, after bbolt's check of every
// page; a file that is not a sound Sepakat data file is service.ErrNotSepakatCopy,
// one from a newer Sepakat service.ErrNewerSchema. It needs no open Store.
func Inspect(ctx context.Context, path string) (service.CopyContents, error) {
	return inspect(ctx, path)
}

func inspect(ctx context.Context, path string) (c service.CopyContents, err error) {
	err = withCopy(path, func(tx *bolt.Tx, shed func()) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		// Every page is read here first, where a panic on a damaged page is
		// recovered (withCopy); bbolt's check runs in its own goroutine.
		if err := walk(ctx, tx, shed); err != nil {
			return err
		}
		var problems []error
		for err := range tx.Check() {
			problems = append(problems, err)
		}
		if len(problems) > 0 {
			return fmt.Errorf("%w: %v", service.ErrNotSepakatCopy, errors.Join(problems...))
		}
		meta := tx.Bucket(schema.Meta)
		if meta == nil {
			return fmt.Errorf("%w: %s", service.ErrNotSepakatCopy, path)
		}
		v := meta.Get(schema.KeySchemaVersion)
		if len(v) != 8 {
			return fmt.Errorf("%w: %s", service.ErrNotSepakatCopy, path)
		}
		c.Schema = int(binary.BigEndian.Uint64(v))
		if c.Schema > SchemaVersion {
			return service.ErrNewerSchema
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		c.Agreements = countAgreements(tx)
		c.Parties = countIDs(tx, schema.Parties)
		if b := tx.Bucket(schema.IdxChanged); b != nil {
			if k, _ := b.Cursor().Last(); len(k) >= 8 {
				c.Newest = time.Unix(0, int64(binary.BigEndian.Uint64(k[:8])))
			}
		}
		return nil
	})
	return c, err
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
	tmp, err := os.CreateTemp(dir, ".sepakat-pulih-*")
	if err != nil {
		return "", c, namePath(err, dataPath)
	}
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
		return "", c, namePath(err, dataPath)
	}
	if err := verifyCopy(ctx, tmp.Name(), sum.Sum32(), n, c.Agreements); err != nil {
		return "", c, err
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return "", c, namePath(err, dataPath)
	}
	if current {
		aside = dataPath + ".sebelum-pulih-" + now.Format("20060102-150405")
		if err := keepAside(ctx, dataPath, aside); err != nil {
			return "", c, err
		}
	}
	if err := ctx.Err(); err != nil {
		return aside, c, err
	}
	if err := os.Rename(tmp.Name(), dataPath); err != nil {
		return aside, c, namePath(err, dataPath)
	}
	syncDir(dir)
	return aside, c, nil
}

// keepAside keeps the current file's content at aside: a hard link where the
// file system has them (the data file never goes missing), else a copy.
func keepAside(ctx context.Context, dataPath, aside string) error {
	if err := os.Link(dataPath, aside); err == nil {
		syncDir(filepath.Dir(aside))
		return nil
	}
	in, err := os.Open(dataPath)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(aside, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
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
	}
	return err
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

// walk reads every key of every bucket, nested ones too, shedding the pages
// read every 1024 keys.
func walk(ctx context.Context, tx *bolt.Tx, shed func()) error {
	var visit func(b *bolt.Bucket) error
	n := 0
	visit = func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if n++; n%1024 == 0 {
				shed()
				if n%4096 == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
			}
			if v == nil {
				if nb := b.Bucket(k); nb != nil {
					return visit(nb)
				}
			}
			return nil
		})
	}
	return tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return visit(b) })
}
