package servicetest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// dayClock is a clock the suite moves by days; each reading adds a second.
type dayClock struct{ t time.Time }

func (c *dayClock) now() time.Time {
	c.t = c.t.Add(time.Second)
	return c.t
}

func testBackups(t *testing.T, c Config) {
	open := func(t *testing.T) (service.Service, *dayClock) {
		ck := &dayClock{t: Start}
		s := c.Open(t, ck.now)
		return s, ck
	}
	ctx := context.Background()

	t.Run("BackupNowAndList", func(t *testing.T) {
		s, ck := open(t)
		must(t, s.LoadExamples())
		first, err := s.BackupNow(ctx, service.ReasonManual)
		must(t, err)
		if first.Agreements != 3 || !first.Verified || first.Place != service.PlaceLocal || first.Reason != service.ReasonManual ||
			!strings.HasSuffix(filepath.Base(first.Path), first.Time.Format("-20060102-150405")+".db") {
			t.Fatalf("first copy %+v", first)
		}
		ck.t = ck.t.Add(time.Hour)
		second, err := s.BackupNow(ctx, service.ReasonDaily)
		must(t, err)
		list, err := s.Backups(ctx)
		must(t, err)
		if len(list) != 2 || list[0].Path != second.Path || list[1].Path != first.Path || !list[0].Time.Equal(second.Time) {
			t.Fatalf("Backups, newest first: %+v", list)
		}
		for _, b := range list {
			if b.Agreements != 3 || b.Size <= 0 || !b.Verified {
				t.Errorf("listed %+v", b)
			}
		}
		st, err := s.BackupStatus()
		must(t, err)
		if !st.Last.Equal(second.Time) || st.Folder == "" || st.SecondPlace != "" || !st.LastSecond.IsZero() {
			t.Errorf("status %+v", st)
		}
		// A cancelled copy adds nothing.
		_, err = s.BackupNow(CancelAfter(0), service.ReasonManual)
		wantCancelled(t, "backup now", err)
		if again, _ := s.Backups(ctx); len(again) != 2 {
			t.Errorf("%d copies after a cancelled one", len(again))
		}
	})

	t.Run("CancelAtEveryCheck", func(t *testing.T) {
		s, ck := open(t)
		must(t, s.LoadExamples())
		count := Counting()
		_, err := s.BackupNow(count, service.ReasonManual)
		must(t, err)
		calls := count.Calls()
		st, err := s.BackupStatus()
		must(t, err)
		leftovers := func() []string {
			entries, _ := os.ReadDir(st.Folder)
			var out []string
			for _, e := range entries {
				out = append(out, e.Name())
			}
			return out
		}
		before := leftovers()
		for _, n := range cancelPoints(calls) {
			ck.t = ck.t.Add(time.Minute)
			_, err := s.BackupNow(CancelAfter(n), service.ReasonManual)
			wantCancelled(t, "backup now", err)
			if list, _ := s.Backups(ctx); len(list) != 1 {
				t.Fatalf("backup cancelled after %d of %d checks: %d copies", n, calls, len(list))
			}
			if got := leftovers(); !slices.Equal(got, before) {
				t.Fatalf("backup cancelled after %d of %d checks left %v (was %v)", n, calls, got, before)
			}
		}
	})

	t.Run("Rotation", func(t *testing.T) {
		s, ck := open(t)
		must(t, s.LoadExamples())
		must(t, s.SetBackupSettings(service.BackupSettings{Policy: service.BackupPolicy{Daily: 3}}))
		for range 6 {
			ck.t = ck.t.AddDate(0, 0, 1)
			_, err := s.BackupNow(ctx, service.ReasonDaily)
			must(t, err)
		}
		list, err := s.Backups(ctx)
		must(t, err)
		if len(list) != 3 || list[0].Time.Sub(list[2].Time) > 49*time.Hour {
			t.Errorf("kept %+v", list)
		}
	})

	t.Run("Daily", func(t *testing.T) {
		s, ck := open(t)
		if _, made, err := s.DailyBackup(ctx); made || err != nil {
			t.Fatalf("an empty instance: %v %v", made, err)
		}
		must(t, s.LoadExamples())
		if info, made, err := s.DailyBackup(ctx); !made || err != nil || info.Reason != service.ReasonDaily || info.Agreements != 3 {
			t.Fatalf("first of the day: %+v %v %v", info, made, err)
		}
		ck.t = ck.t.Add(3 * time.Hour)
		if _, made, err := s.DailyBackup(ctx); made || err != nil {
			t.Fatalf("second of the day: %v %v", made, err)
		}
		ck.t = ck.t.AddDate(0, 0, 1)
		if _, made, err := s.DailyBackup(ctx); !made || err != nil {
			t.Fatalf("next day: %v %v", made, err)
		}
		st, err := s.BackupStatus()
		must(t, err)
		if st.LastDaily != ck.t.Format("2006-01-02") {
			t.Errorf("last daily %q", st.LastDaily)
		}
	})

	t.Run("BeforeWholeFileChanges", func(t *testing.T) {
		s, _ := open(t)
		must(t, s.LoadExamples())
		must(t, s.Import(ctx, &dataset.Dataset{Format: dataset.Format, Version: dataset.Version}))
		must(t, s.Reindex(ctx))
		must(t, s.SetSynonyms(ctx, "RB, Reformasi Birokrasi"))
		list, err := s.Backups(ctx)
		must(t, err)
		var reasons []service.BackupReason
		for _, b := range list {
			reasons = append(reasons, b.Reason)
		}
		if want := []service.BackupReason{service.ReasonSynonyms, service.ReasonReindex, service.ReasonImport}; !slices.Equal(reasons, want) {
			t.Errorf("copies %v, want %v", reasons, want)
		}
	})

	t.Run("Settings", func(t *testing.T) {
		s, ck := open(t)
		must(t, s.LoadExamples())
		got, err := s.BackupSettings()
		must(t, err)
		if got.Policy != service.DefaultBackupPolicy || got.SecondPlace != "" {
			t.Errorf("defaults %+v", got)
		}
		usb := t.TempDir()
		for _, bad := range []service.BackupSettings{
			{Policy: service.BackupPolicy{}},
			{Policy: service.BackupPolicy{Daily: 7, Weekly: -1}},
			{Policy: service.DefaultBackupPolicy, SecondPlace: filepath.Join(usb, "tidak-ada")},
		} {
			if err := s.SetBackupSettings(bad); err == nil || !service.Known(err) {
				t.Errorf("%+v: %v", bad, err)
			}
		}
		if got, _ := s.BackupSettings(); got.Policy != service.DefaultBackupPolicy {
			t.Errorf("a refused setting changed them: %+v", got)
		}
		want := service.BackupSettings{Policy: service.BackupPolicy{Daily: 2, Weekly: 1, Monthly: 1}, SecondPlace: usb}
		must(t, s.SetBackupSettings(want))
		if got, _ := s.BackupSettings(); got != want {
			t.Errorf("settings %+v, want %+v", got, want)
		}
		ck.t = ck.t.Add(time.Hour)
		info, err := s.BackupNow(ctx, service.ReasonManual)
		must(t, err)
		if _, err := os.Stat(filepath.Join(usb, filepath.Base(info.Path))); err != nil {
			t.Fatalf("copy in the second place: %v", err)
		}
		st, err := s.BackupStatus()
		must(t, err)
		if st.SecondPlace != usb || st.LastSecond.IsZero() {
			t.Errorf("status %+v", st)
		}
		list, err := s.Backups(ctx)
		must(t, err)
		if len(list) != 2 || list[0].Place == list[1].Place {
			t.Errorf("listed %+v", list)
		}
		// The second place gone: the copy is made beside the data file and
		// the error says where it did not go.
		must(t, os.Rename(usb, usb+"-dicabut"))
		ck.t = ck.t.Add(time.Hour)
		info, err = s.BackupNow(ctx, service.ReasonManual)
		if !errors.Is(err, service.ErrSecondPlace) || info.Path == "" || info.Agreements != 3 {
			t.Fatalf("second place gone: %+v %v", info, err)
		}
		if msg := service.Message(err, i18n.ID); !strings.Contains(msg, "tempat kedua") {
			t.Errorf("message %q", msg)
		}
	})
}
