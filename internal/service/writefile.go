package service

import (
	"bufio"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// tempPrefix names WriteFile's temporary files: only files with it are ever
// removed as leftovers.
const tempPrefix = ".sepakat-tmp-"

// LeftoverAge is how old a temporary file must be before a later write in the
// same folder takes it for the leftover of a killed run: a write of another
// program running now is younger.
const LeftoverAge = time.Minute

// RemoveLeftovers removes from dir the temporary files of writes that never
// finished (a killed run): regular files named with WriteFile's prefix, last
// changed before before. Nothing else is touched; what cannot be removed stays.
func RemoveLeftovers(dir string, before time.Time) (removed int) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.ModTime().Before(before) {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			removed++
		}
	}
	return removed
}

// WriteFile writes a file through a temporary one beside it, so that path
// holds either what it held before or the whole new content. fill writes the
// content; each of its writes checks ctx. On a cancel or any failure the
// temporary file is removed and the error returned; an error of the file
// system names path, not the temporary file.
func WriteFile(ctx context.Context, path string, mode os.FileMode, fill func(io.Writer) error) error {
	return NamePath(writeThroughTemp(ctx, path, mode, fill), path)
}

// NamePath makes a file system error about a temporary file name the file
// the user knows, path.
func NamePath(err error, path string) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return &fs.PathError{Op: pe.Op, Path: path, Err: pe.Err}
	case errors.As(err, &le):
		return &fs.PathError{Op: le.Op, Path: path, Err: le.Err}
	}
	return err
}

func writeThroughTemp(ctx context.Context, path string, mode os.FileMode, fill func(io.Writer) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	RemoveLeftovers(filepath.Dir(path), time.Now().Add(-LeftoverAge))
	tmp, err := os.CreateTemp(filepath.Dir(path), tempPrefix+"*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; removes a partial copy
	bw := bufio.NewWriterSize(tmp, 1<<20)
	cw := &ctxWriter{ctx: ctx, w: bw}
	if err := fill(cw); err != nil {
		tmp.Close()
		if cw.stopped != nil {
			return cw.stopped // fill may have flattened it into its own error
		}
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	// The last moment to cancel: after the rename the file is in place.
	if err := ctx.Err(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// ctxWriter stops writing once ctx is cancelled, and remembers why.
type ctxWriter struct {
	ctx     context.Context
	w       io.Writer
	stopped error
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		c.stopped = err
		return 0, err
	}
	return c.w.Write(p)
}
