package service_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/service/fake"
)

// TestReadOnlyRefusesEveryWrite: a register opened for reading answers every
// write with ErrReadOnlyCopy and stays as it was; reads work.
func TestReadOnlyRefusesEveryWrite(t *testing.T) {
	f, err := fake.New(fake.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	ro := service.ReadOnly(f)
	a, err := ro.Agreement(1)
	if err != nil {
		t.Fatal(err)
	}
	before := a.Subject
	a.Subject = "Diubah di salinan"
	parties, err := ro.Parties()
	if err != nil || len(parties) == 0 {
		t.Fatal(err)
	}
	p := parties[0]
	ctx := context.Background()
	writes := map[string]func() error{
		"SaveAgreement": func() error { return ro.SaveAgreement(&a) },
		"SaveParty":     func() error { return ro.SaveParty(&p) },
		"SaveOfficial":  func() error { return ro.SaveOfficial(&agreement.Official{Name: "Rina"}) },
		"SaveMandate":   func() error { return ro.SaveMandate(&agreement.Mandate{}) },
		"Together": func() error {
			return ro.Together(func(w service.Saver) error { return w.SaveParty(&agreement.Party{Name: "Kota Baru"}) })
		},
		"PutFile": func() error { _, err := ro.PutFile("a.pdf", "application/pdf", []byte("%PDF")); return err },
		"ReserveNumber": func() error {
			_, err := ro.ReserveNumber(p.ID, agreement.KindKSB, agreement.Date{Year: 2026, Month: 1, Day: 5}, 0)
			return err
		},
		"LoadExamples":      ro.LoadExamples,
		"Import":            func() error { return ro.Import(ctx, nil) },
		"Reindex":           func() error { return ro.Reindex(ctx) },
		"SetBackupSettings": func() error { return ro.SetBackupSettings(service.BackupSettings{}) },
		"SetSynonyms":       func() error { return ro.SetSynonyms(ctx, "kab = kabupaten") },
		"FinishRebuild":     func() error { return ro.FinishRebuild(ctx, nil) },
		"ImportFrom": func() error {
			_, err := ro.ImportFrom(ctx, func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(nil)), nil })
			return err
		},
		"BackupNow": func() error { _, err := ro.BackupNow(ctx, service.ReasonManual); return err },
	}
	for name, w := range writes {
		if err := w(); !errors.Is(err, service.ErrReadOnlyCopy) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, made, err := ro.DailyBackup(ctx); made || err != nil {
		t.Errorf("daily copy of a copy: %v, %v", made, err)
	}
	if got, _ := f.Agreement(1); got.Subject != before {
		t.Errorf("the copy changed: %q", got.Subject)
	}
	if n, err := ro.Total(); n != 3 || err != nil {
		t.Errorf("reading: %d, %v", n, err)
	}
	if m := service.Message(service.ErrReadOnlyCopy, "id"); m == "" || m == service.Message(errors.New("x"), "id") {
		t.Errorf("no words: %q", m)
	}
}
