package main

import (
	"context"
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
	dir := ""
	if p, err := store.DefaultPath(); err == nil {
		dir = filepath.Join(filepath.Dir(p), serverBackupFolder)
	}
	return pgstore.Open(ctx, conn, pgstore.Options{Password: password, BackupDir: dir})
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
