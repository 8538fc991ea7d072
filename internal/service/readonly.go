package service

import (
	"context"
	"io"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
)

// ReadOnly is s for reading only: every write answers ErrReadOnlyCopy and
// changes nothing. The desktop opens the newest local copy of the register
// on the server this way while the server cannot be reached.
func ReadOnly(s Service) Service { return readingOnly{s} }

type readingOnly struct{ Service }

func (readingOnly) SaveAgreement(*agreement.Agreement) error { return ErrReadOnlyCopy }
func (readingOnly) SaveParty(*agreement.Party) error         { return ErrReadOnlyCopy }
func (readingOnly) SaveOfficial(*agreement.Official) error   { return ErrReadOnlyCopy }
func (readingOnly) SaveMandate(*agreement.Mandate) error     { return ErrReadOnlyCopy }
func (readingOnly) Together(func(Saver) error) error         { return ErrReadOnlyCopy }
func (readingOnly) PutFile(string, string, []byte) (agreement.FileRef, error) {
	return agreement.FileRef{}, ErrReadOnlyCopy
}
func (readingOnly) ReserveNumber(agreement.ID, agreement.Kind, agreement.Date, agreement.ID) (string, error) {
	return "", ErrReadOnlyCopy
}
func (readingOnly) LoadExamples() error                                   { return ErrReadOnlyCopy }
func (readingOnly) Import(context.Context, *dataset.Dataset) error        { return ErrReadOnlyCopy }
func (readingOnly) Reindex(context.Context) error                         { return ErrReadOnlyCopy }
func (readingOnly) SetBackupSettings(BackupSettings) error                { return ErrReadOnlyCopy }
func (readingOnly) SetSynonyms(context.Context, string) error             { return ErrReadOnlyCopy }
func (readingOnly) FinishRebuild(context.Context, func(IndexState)) error { return ErrReadOnlyCopy }
func (readingOnly) ImportFrom(context.Context, func() (io.ReadCloser, error)) (dataset.Counts, error) {
	return dataset.Counts{}, ErrReadOnlyCopy
}
func (readingOnly) BackupNow(context.Context, BackupReason) (BackupInfo, error) {
	return BackupInfo{}, ErrReadOnlyCopy
}

// DailyBackup makes no copy of a copy.
func (readingOnly) DailyBackup(context.Context) (BackupInfo, bool, error) {
	return BackupInfo{}, false, nil
}
