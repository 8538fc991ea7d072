package ui

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/test"

	"sepakat/internal/service"
	"sepakat/internal/store"
)

func TestBackupNowFromTheMenuMakesAVerifiedCopy(t *testing.T) {
	u, s, l := withExamples(t)
	item := menuItem(t, u, "Berkas", "Cadangkan sekarang")
	item.Action()
	if !item.Disabled {
		t.Error("the menu item stays on while a copy is made")
	}
	l.until("the copy", func() bool { return !item.Disabled })
	copies, err := filepath.Glob(filepath.Join(filepath.Dir(s.Path()), "cadangan", "sepakat-*.db"))
	if err != nil || len(copies) != 1 {
		t.Fatalf("copies in cadangan/: %v %v", copies, err)
	}
	st, err := os.Stat(copies[0])
	if err != nil {
		t.Fatal(err)
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog says the copy was made")
	}
	shown := texts(u.win.Canvas().Overlays().Top())
	if want := "Cadangan dibuat dan sudah diperiksa: 3 perjanjian, " + megabytes(st.Size()) + "."; !slices.Contains(shown, want) {
		t.Errorf("dialog %q, want %q", shown, want)
	}
	if !slices.Contains(shown, copies[0]) {
		t.Errorf("the dialog does not name the copy %s: %q", copies[0], shown)
	}
	test.Tap(dialogButtons(t, u.win, "no dialog")["Tutup"])
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Tutup leaves the dialog open")
	}
}

// noSpace fails every copy as a full disk does.
type noSpace struct {
	service.Service
	err error
}

func (n noSpace) BackupNow(context.Context, service.BackupReason) (service.BackupInfo, error) {
	return service.BackupInfo{}, n.err
}

func TestBackupNowSaysWhyNoCopyWasMade(t *testing.T) {
	full := &fs.PathError{Op: "write", Path: "/data/cadangan/sepakat.tmp", Err: syscall.ENOSPC}
	u, l := withExamplesIn(t, func(s *store.Store) service.Service { return noSpace{s, full} })
	item := menuItem(t, u, "Berkas", "Cadangkan sekarang")
	item.Action()
	l.until("the failed copy", func() bool { return !item.Disabled })
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog says the copy failed")
	}
	got := strings.Join(texts(top), "\n")
	want := "Cadangan tidak dibuat: Disk penuh. Kosongkan ruang pada disk atau pilih disk lain, lalu coba lagi.\nRincian: /data/cadangan/sepakat.tmp"
	if !strings.Contains(got, want) || strings.Contains(got, "no space left") {
		t.Errorf("dialog %q, want %q", got, want)
	}
}

func TestMegabytes(t *testing.T) {
	for n, want := range map[int64]string{0: "0,0 MB", 1 << 20: "1,0 MB", 13002342: "12,4 MB", 2905862144: "2,7 GB"} {
		if got := megabytes(n); got != want {
			t.Errorf("megabytes(%d) = %q, want %q", n, got, want)
		}
	}
}
