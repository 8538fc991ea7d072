package service

import (
	"bufio"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes a file through a temporary one beside it, so that path
// holds either what it held before or the whole new content. fill writes the
// content; each of its writes checks ctx. On a cancel or any failure the
// temporary file is removed and the error returned; an error of the file
// system names path, not the temporary file.
func WriteFile(ctx context.Context, path string, mode os.FileMode, fill func(io.Writer) error) error {
	err := writeThroughTemp(ctx, path, mode, fill)
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
	tmp, err := os.CreateTemp(filepath.Dir(path), ".sepakat-tmp-*")
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
