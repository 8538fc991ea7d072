package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"sepakat/internal/export"
	"sepakat/internal/pgstore"
	"sepakat/internal/service"
	"sepakat/internal/store"
	"sepakat/internal/ui"
)

// serverBackupFolder is the folder beside the default data file that keeps
// this computer's copies of the register on the server (as sepakat-cli's).
const serverBackupFolder = "cadangan-server"

// openServer connects to the register on the office's server; its daily
// copies go to serverBackupFolder.
func openServer(ctx context.Context, conn, password string) (*pgstore.Store, error) {
	return pgstore.Open(ctx, conn, pgstore.Options{Password: password, BackupDir: serverCopyDir(), SigningText: export.TextFingerprint})
}

// serverLink is ui.ServerLink over pgstore; adopt makes an opened register
// the current one (closing the one before).
type serverLink struct {
	adopt func(next closer)
}

func (l serverLink) Try(ctx context.Context, conn, password string) error {
	s, err := openServer(ctx, conn, password)
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = s.Total()
	return err
}

func (l serverLink) Open(ctx context.Context, conn, password string) (service.Service, service.Printer, error) {
	s, err := openServer(ctx, conn, password)
	if err != nil {
		return nil, nil, err
	}
	l.adopt(s)
	return s, export.Printer{Src: s}, nil
}

// startOnServer opens, at start, the register on the server the last run
// used, with the password kept for it; ok is false when none was chosen.
// A data file named on the command line comes first.
func startOnServer(a fyne.App, flagPath string, creds ui.Credentials) (s *pgstore.Store, prof ui.ServerProfile, pw string, ok bool, err error) {
	prof, chosen := ui.SavedServer(a)
	if !chosen || flagPath != "" {
		return nil, prof, "", false, nil
	}
	pw = ui.KeptPassword(creds, prof)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err = openServer(ctx, prof.ConnString(), pw)
	return s, prof, pw, true, err
}

// serverCopy is a local copy of the register on the server, read into a data
// file in a temporary folder that goes when it closes.
type serverCopy struct {
	*store.Store
	tmp string
}

func (c *serverCopy) Close() error {
	err := c.Store.Close()
	if rerr := os.RemoveAll(c.tmp); err == nil {
		err = rerr
	}
	return err
}

// openServerCopy opens the newest copy in the folder dir of this computer's
// copies of the register on the server (exchange files), to be read only.
func openServerCopy(ctx context.Context, dir string) (*serverCopy, service.BackupInfo, error) {
	info, err := pgstore.NewestCopy(dir)
	if err != nil {
		return nil, info, err
	}
	tmp, err := os.MkdirTemp("", "sepakat-salinan-")
	if err != nil {
		return nil, info, err
	}
	s, err := store.Open(filepath.Join(tmp, "salinan.db"), store.Options{})
	if err == nil {
		_, err = s.ImportFrom(ctx, func() (io.ReadCloser, error) { return os.Open(info.Path) })
		if err != nil {
			s.Close()
		}
	}
	if err != nil {
		os.RemoveAll(tmp)
		return nil, info, err
	}
	return &serverCopy{Store: s, tmp: tmp}, info, nil
}

// serverCopyDir is the folder of this computer's copies of the register on
// the server.
func serverCopyDir() string {
	p, err := store.DefaultPath()
	if err != nil {
		return ""
	}
	return filepath.Join(filepath.Dir(p), serverBackupFolder)
}
