package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// dayClock is a clock the test moves by days; each reading adds a second.
type dayClock struct{ t time.Time }

func (c *dayClock) now() time.Time {
	c.t = c.t.Add(time.Second)
	return c.t
}

// openWithExamples opens a data file in a fresh folder holding the three
// examples, on clock c; checked and closed on cleanup.
func openWithExamples(t *testing.T, c *dayClock) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sepakat.db")
	s := openAtTime(t, path, c.now)
	mustSave(t, s.LoadExamples())
	return s, path
}

func copyNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestDailyBackupOncePerDay(t *testing.T) {
	c := &dayClock{t: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	path := filepath.Join(t.TempDir(), "sepakat.db")
	s, err := Open(path, Options{Now: c.now, User: "staf1"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// An empty file has nothing to lose: no copy, and the day stays open.
	if _, made, err := s.DailyBackup(context.Background()); made || err != nil {
		t.Fatalf("empty file: made %v, %v", made, err)
	}
	mustSave(t, s.LoadExamples())
	info, made, err := s.DailyBackup(context.Background())
	if !made || err != nil || info.Reason != service.ReasonDaily || info.Agreements != 3 || !info.Verified {
		t.Fatalf("first of the day: %+v %v %v", info, made, err)
	}
	if !strings.HasSuffix(info.Path, "-harian.db") || filepath.Dir(info.Path) != filepath.Join(filepath.Dir(path), "cadangan") {
		t.Errorf("copy at %s", info.Path)
	}
	c.t = c.t.Add(5 * time.Hour)
	if _, made, err := s.DailyBackup(context.Background()); made || err != nil {
		t.Fatalf("second of the day: made %v, %v", made, err)
	}
	// Reopened the same day: still none (the day is kept in the file).
	s.Close()
	s, err = Open(path, Options{Now: c.now, User: "staf1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, made, _ := s.DailyBackup(context.Background()); made {
		t.Fatal("a second daily copy after reopening the same day")
	}
	c.t = c.t.AddDate(0, 0, 1)
	if _, made, err := s.DailyBackup(context.Background()); !made || err != nil {
		t.Fatalf("next day: made %v, %v", made, err)
	}
	if got := copyNames(t, BackupDir(path)); len(got) != 2 {
		t.Errorf("copies %v", got)
	}
	st, err := s.BackupStatus()
	if err != nil || st.LastDaily != "2026-03-03" || st.Last.IsZero() || st.Folder != BackupDir(path) {
		t.Errorf("status %+v %v", st, err)
	}

	// A copy of the file under another name carries the day's mark, and is
	// backed up all the same, into its own folder.
	s.Close()
	other := filepath.Join(t.TempDir(), "salinan.db")
	raw, err := os.ReadFile(path)
	mustSave(t, err)
	mustSave(t, os.WriteFile(other, raw, 0o600))
	s, err = Open(other, Options{Now: c.now, User: "staf1"})
	mustSave(t, err)
	t.Cleanup(func() { s.Close() })
	if info, made, err := s.DailyBackup(context.Background()); !made || err != nil || filepath.Dir(info.Path) != BackupDir(other) {
		t.Errorf("a copy under another name: made %v at %s, %v", made, info.Path, err)
	}
	if _, made, _ := s.DailyBackup(context.Background()); made {
		t.Error("the copy backed up twice the same day")
	}
}

// TestBackupRotationOverAYear: one daily copy a day for a year leaves the
// policy's set on disk, and the copies open with their record counts.
func TestBackupRotationOverAYear(t *testing.T) {
	c := &dayClock{t: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	s, path := openWithExamples(t, c)
	mustSave(t, s.SetBackupSettings(service.BackupSettings{Policy: service.BackupPolicy{Daily: 3, Weekly: 2, Monthly: 4}}))
	start := c.t
	for d := 0; d < 365; d++ {
		c.t = start.AddDate(0, 0, d)
		if _, made, err := s.DailyBackup(context.Background()); !made || err != nil {
			t.Fatalf("day %d: %v %v", d, made, err)
		}
	}
	var days []string
	for _, n := range copyNames(t, BackupDir(path)) {
		tm, _, ok := service.ParseBackupName(service.BackupStem(path), n, time.UTC)
		if !ok {
			t.Fatalf("foreign or temporary file left: %s", n)
		}
		days = append(days, tm.Format("01-02"))
	}
	// 31 Dec 2026 is a Thursday: the last 3 days, the Sunday of week 52 and
	// the month ends of September to November.
	want := []string{"09-30", "10-31", "11-30", "12-27", "12-29", "12-30", "12-31"}
	if !slices.Equal(days, want) {
		t.Errorf("kept %v, want %v", days, want)
	}
	list, err := s.Backups(context.Background())
	if err != nil || len(list) != len(want) {
		t.Fatalf("Backups: %d %v", len(list), err)
	}
	for i, b := range list {
		if b.Agreements != 3 || !b.Verified || b.Size == 0 || b.Reason != service.ReasonDaily || (i > 0 && !b.Time.Before(list[i-1].Time)) {
			t.Errorf("copy %d: %+v", i, b)
		}
	}
}

// TestBackupVerifyCatchesDamage: a copy damaged between write and check is
// not kept, the older copies stay, and the error is in words.
func TestBackupVerifyCatchesDamage(t *testing.T) {
	c := &dayClock{t: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	s, path := openWithExamples(t, c)
	good, err := s.BackupNow(context.Background(), service.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	damage := map[string]func(p string){
		"one byte flipped": func(p string) {
			raw, _ := os.ReadFile(p)
			raw[len(raw)/2] ^= 0x40
			os.WriteFile(p, raw, 0o600)
		},
		"truncated": func(p string) {
			fi, _ := os.Stat(p)
			os.Truncate(p, fi.Size()/2)
		},
		"first pages zeroed": func(p string) {
			f, _ := os.OpenFile(p, os.O_WRONLY, 0)
			f.WriteAt(make([]byte, 8192), 0)
			f.Close()
		},
	}
	for name, fn := range damage {
		t.Run(name, func(t *testing.T) {
			c.t = c.t.AddDate(0, 0, 40) // the old copy would be rotated away by a good copy
			s.backupHook = fn
			defer func() { s.backupHook = nil }()
			_, err := s.BackupNow(context.Background(), service.ReasonManual)
			if !errors.Is(err, service.ErrBackupVerify) {
				t.Fatalf("damaged copy: %v", err)
			}
			if got := copyNames(t, BackupDir(path)); !slices.Equal(got, []string{filepath.Base(good.Path)}) {
				t.Errorf("folder after a failed copy: %v", got)
			}
			if id, en := service.Message(err, i18n.ID), service.Message(err, i18n.EN); !strings.Contains(id, "tidak lolos pemeriksaan") || !strings.Contains(en, "failed its check") {
				t.Errorf("messages %q %q", id, en)
			}
		})
	}
}

func TestBackupsBeforeWholeFileChanges(t *testing.T) {
	c := &dayClock{t: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	s, path := openWithExamples(t, c)
	d, err := s.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "lain.db")
	o, err := Open(other, Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	// Importing into an empty file: nothing to lose, no copy.
	mustSave(t, o.Import(context.Background(), d))
	if got := copyNames(t, BackupDir(other)); len(got) != 0 {
		t.Errorf("copies of an empty file: %v", got)
	}
	o.Close()
	// Work marked as needing no copy (a synthetic corpus's batches) gets none.
	mustSave(t, s.Reindex(service.WithoutBackup(context.Background())))
	if got := copyNames(t, BackupDir(path)); len(got) != 0 {
		t.Errorf("copies of work without backup: %v", got)
	}
	mustSave(t, s.Reindex(context.Background()))
	mustSave(t, s.SetSynonyms(context.Background(), "RB, Reformasi Birokrasi"))
	c.t = c.t.Add(time.Minute)
	if err := s.Import(context.Background(), d); err == nil {
		t.Fatal("importing the same records again was accepted")
	}
	var reasons []service.BackupReason
	list, err := s.Backups(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range list {
		reasons = append(reasons, b.Reason)
		if b.Agreements != 3 {
			t.Errorf("%s holds %d agreements", b.Path, b.Agreements)
		}
	}
	if want := []service.BackupReason{service.ReasonImport, service.ReasonSynonyms, service.ReasonReindex}; !slices.Equal(reasons, want) {
		t.Errorf("reasons %v, want %v", reasons, want)
	}
}

func TestBackupSecondPlace(t *testing.T) {
	c := &dayClock{t: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	s, path := openWithExamples(t, c)
	usb := t.TempDir()
	if err := s.SetBackupSettings(service.BackupSettings{Policy: service.DefaultBackupPolicy, SecondPlace: filepath.Join(usb, "tidak-ada")}); err == nil {
		t.Fatal("a missing second place was accepted")
	}
	if err := s.SetBackupSettings(service.BackupSettings{Policy: service.DefaultBackupPolicy, SecondPlace: BackupDir(path)}); !errors.Is(err, service.ErrNotFolder) {
		t.Fatalf("the backup folder as second place: %v", err)
	}
	mustSave(t, s.SetBackupSettings(service.BackupSettings{Policy: service.BackupPolicy{Daily: 2}, SecondPlace: usb}))
	for range 4 {
		c.t = c.t.AddDate(0, 0, 1)
		if _, err := s.BackupNow(context.Background(), service.ReasonDaily); err != nil {
			t.Fatal(err)
		}
	}
	local, second := copyNames(t, BackupDir(path)), copyNames(t, usb)
	if len(second) != 2 || !slices.Equal(local, second) {
		t.Errorf("local %v, second place %v", local, second)
	}
	a, _ := os.ReadFile(filepath.Join(BackupDir(path), local[1]))
	b, _ := os.ReadFile(filepath.Join(usb, local[1]))
	if len(a) == 0 || string(a) != string(b) {
		t.Error("the copy in the second place differs")
	}
	st, _ := s.BackupStatus()
	if st.SecondPlace != usb || !st.LastSecond.Equal(c.t.Truncate(time.Second)) && st.LastSecond.Sub(c.t) > time.Minute {
		t.Errorf("status %+v", st)
	}
	list, _ := s.Backups(context.Background())
	places := map[service.BackupPlace]int{}
	for _, b := range list {
		places[b.Place]++
	}
	if places[service.PlaceLocal] != 2 || places[service.PlaceSecond] != 2 {
		t.Errorf("listed %v", places)
	}
	// The stick pulled out: the local copy is made, the error says so.
	if err := os.Rename(usb, usb+"-dicabut"); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.AddDate(0, 0, 1)
	info, err := s.BackupNow(context.Background(), service.ReasonManual)
	if !errors.Is(err, service.ErrSecondPlace) || info.Path == "" {
		t.Fatalf("second place gone: %+v %v", info, err)
	}
	if _, err := os.Stat(info.Path); err != nil {
		t.Error(err)
	}
}

func TestRestore(t *testing.T) {
	c := &dayClock{t: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	s, path := openWithExamples(t, c)
	copyInfo, err := s.BackupNow(context.Background(), service.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	// A change after the copy, which the restore takes back.
	a, err := s.Party(1)
	if err != nil {
		t.Fatal(err)
	}
	a.Name = "Diubah setelah cadangan"
	if err := s.SaveParty(&a); err != nil {
		t.Fatal(err)
	}
	// While the file is open, the restore is refused.
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	if _, _, err := Restore(context.Background(), path, copyInfo.Path, now); !errors.Is(err, service.ErrAlreadyOpen) {
		t.Fatalf("restore under an open store: %v", err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	aside, contents, err := Restore(context.Background(), path, copyInfo.Path, now)
	if err != nil {
		t.Fatal(err)
	}
	if contents.Agreements != 3 || contents.Parties == 0 || contents.Newest.IsZero() || contents.Schema != SchemaVersion {
		t.Errorf("contents %+v", contents)
	}
	if aside != path+".sebelum-pulih-20260302-100000" {
		t.Errorf("aside %s", aside)
	}
	if kept, _ := os.ReadFile(aside); string(kept) != string(before) {
		t.Error("the file kept aside is not the file before the restore")
	}
	r := openAt(t, path)
	got, err := r.Party(1)
	if err != nil || got.Name == "Diubah setelah cadangan" {
		t.Errorf("restored party 1: %q %v", got.Name, err)
	}
	if n, _ := r.Total(); n != 3 {
		t.Errorf("restored total %d", n)
	}
	if left := copyNames(t, filepath.Dir(path)); slices.ContainsFunc(left, func(n string) bool { return strings.HasPrefix(n, ".sepakat") }) {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestRestoreOverDamagedFile: the current file need not open.
func TestRestoreOverDamagedFile(t *testing.T) {
	c := &dayClock{t: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	s, path := openWithExamples(t, c)
	copyInfo, err := s.BackupNow(context.Background(), service.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for name, damage := range map[string]func(){
		"truncated": func() { fi, _ := os.Stat(path); os.Truncate(path, fi.Size()/2) },
		"empty":     func() { os.Truncate(path, 0) },
		"garbage":   func() { os.WriteFile(path, []byte(strings.Repeat("rusak ", 5000)), 0o600) },
		"missing":   func() { os.Remove(path) },
	} {
		t.Run(name, func(t *testing.T) {
			damage()
			c.t = c.t.Add(time.Hour)
			if _, _, err := Restore(context.Background(), path, copyInfo.Path, c.t); err != nil {
				t.Fatal(err)
			}
			r, err := Open(path, Options{Now: c.now})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if n, _ := r.Total(); n != 3 {
				t.Errorf("total %d", n)
			}
			if err := r.Check(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestRestoreRefusesForeignFiles(t *testing.T) {
	c := &dayClock{t: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	s, path := openWithExamples(t, c)
	good, err := s.BackupNow(context.Background(), service.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	dir := t.TempDir()
	raw, _ := os.ReadFile(good.Path)
	half := raw[:len(raw)/2]
	flipped := append([]byte{}, raw...)
	for i := 0; i < 8192; i++ { // both meta pages
		flipped[i] ^= 0xff
	}
	// A bbolt file that is not Sepakat's: no meta bucket.
	foreign := filepath.Join(dir, "lain.db")
	db, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	mustSave(t, db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("lain")); return err }))
	db.Close()
	files := map[string][]byte{
		"dokumen.pdf": []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n" + strings.Repeat("x", 9000)),
		"kosong.db":   {},
		"separuh.db":  half,
		"terbalik.db": flipped,
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, content, 0o600)
		if _, _, err := Restore(context.Background(), path, p, time.Now()); !errors.Is(err, service.ErrNotSepakatCopy) {
			t.Errorf("%s: %v", name, err)
		} else if msg := service.Message(err, i18n.EN); !strings.Contains(msg, "not a sound Sepakat data file") {
			t.Errorf("%s: message %q", name, msg)
		}
	}
	if _, _, err := Restore(context.Background(), path, foreign, time.Now()); !errors.Is(err, service.ErrNotSepakatCopy) {
		t.Errorf("another program's bbolt file: %v", err)
	}
	if _, _, err := Restore(context.Background(), path, filepath.Join(dir, "tidak-ada.db"), time.Now()); err == nil || !service.Known(err) {
		t.Errorf("missing copy: %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a refused restore changed the data file")
	}
	if left := copyNames(t, filepath.Dir(path)); len(left) != 2 { // sepakat.db and cadangan
		t.Errorf("beside the data file: %v", left)
	}
}

// TestBackupStreams: a copy of a file holding 48 MB of stored files is made,
// verified and listed with a few MB of allocations: nothing of the file is
// held in memory.
func TestBackupStreams(t *testing.T) {
	c := &dayClock{t: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	s, path := openWithExamples(t, c)
	blob := make([]byte, 16<<20)
	a, err := s.Agreement(1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		for j := range blob {
			blob[j] = byte(j*7 + i*13 + j>>11)
		}
		ref, err := s.PutFile("lampiran.bin", "application/octet-stream", blob)
		if err != nil {
			t.Fatal(err)
		}
		// A file enters the data file with the save that refers to it.
		a.Attachments = append(a.Attachments, agreement.Attachment{Kind: agreement.AttachLain, File: ref})
	}
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	blob = nil
	fi, _ := os.Stat(path)
	if fi.Size() < 48<<20 {
		t.Fatalf("data file %d bytes", fi.Size())
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	info, err := s.BackupNow(context.Background(), service.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backups(context.Background()); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if info.Size < 48<<20 {
		t.Fatalf("copy %d bytes", info.Size)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	if alloc > 8<<20 {
		t.Errorf("a backup of %d MB allocated %d MB", info.Size>>20, alloc>>20)
	}
	t.Logf("a backup of %d MB (written, verified, listed) allocated %.1f MB", info.Size>>20, float64(alloc)/(1<<20))
}

// TestRestoreCancelled: a cancelled restore leaves the data file and its
// folder as they were.
func TestRestoreCancelled(t *testing.T) {
	c := &dayClock{t: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	s, path := openWithExamples(t, c)
	good, err := s.BackupNow(context.Background(), service.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	names := copyNames(t, filepath.Dir(path))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Restore(ctx, path, good.Path, c.t); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled restore: %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a cancelled restore changed the data file")
	}
	if got := copyNames(t, filepath.Dir(path)); !slices.Equal(got, names) {
		t.Errorf("folder %v, was %v", got, names)
	}
}

// TestLeftoversSweptUnlessHeld: the temporary file of a killed copy is removed
// at the next run, that of a copy still being written is not.
func TestLeftoversSweptUnlessHeld(t *testing.T) {
	dir := t.TempDir()
	held, err := os.CreateTemp(dir, ".sepakat-cadangan-*")
	if err != nil {
		t.Fatal(err)
	}
	holdTemp(held)
	var orphans []string
	for _, p := range leftoverPrefixes {
		f, err := os.CreateTemp(dir, p+"*")
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		orphans = append(orphans, f.Name())
	}
	other := filepath.Join(dir, "sepakat-20260302-080000.db")
	if err := os.WriteFile(other, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	sweepLeftovers(dir)
	for _, o := range orphans {
		if _, err := os.Stat(o); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left: %v", filepath.Base(o), err)
		}
	}
	for _, keep := range []string{held.Name(), other} {
		if _, err := os.Stat(keep); err != nil {
			t.Errorf("%s removed: %v", filepath.Base(keep), err)
		}
	}
	held.Close()
	sweepLeftovers(dir)
	if _, err := os.Stat(held.Name()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("released temporary file left: %v", err)
	}
}

// Two data files in one folder: each lists and rotates only its own copies,
// however many the other makes.
func TestCopiesOfTwoDataFilesStayApart(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	a := openAtTime(t, filepath.Join(dir, "sepakat.db"), c.now)
	b := openAtTime(t, filepath.Join(dir, "sepakat-selamat.db"), c.now)
	mustSave(t, a.LoadExamples())
	ctx := context.Background()
	if err := a.SetBackupSettings(service.BackupSettings{Policy: service.BackupPolicy{Daily: 1}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.BackupNow(ctx, service.ReasonManual); err != nil {
		t.Fatal(err)
	}
	// Days of copies of the other file, which a's rotation (one day) must not touch.
	for d := 0; d < 5; d++ {
		c.t = c.t.Add(48 * time.Hour)
		if _, err := b.BackupNow(ctx, service.ReasonManual); err != nil {
			t.Fatal(err)
		}
	}
	c.t = c.t.Add(48 * time.Hour)
	if _, err := a.BackupNow(ctx, service.ReasonManual); err != nil {
		t.Fatal(err)
	}
	mine, err := a.Backups(ctx)
	mustSave(t, err)
	theirs, err := b.Backups(ctx)
	mustSave(t, err)
	if len(theirs) != 5 {
		t.Errorf("the other file's copies after a's rotation: %d, want 5", len(theirs))
	}
	for _, x := range mine {
		if !strings.HasPrefix(filepath.Base(x.Path), "sepakat-2") || x.Agreements != 3 {
			t.Errorf("a lists %s (%d agreements)", filepath.Base(x.Path), x.Agreements)
		}
	}
	for _, x := range theirs {
		if !strings.HasPrefix(filepath.Base(x.Path), "sepakat-selamat-") || x.Agreements != 0 {
			t.Errorf("b lists %s (%d agreements)", filepath.Base(x.Path), x.Agreements)
		}
	}
}
