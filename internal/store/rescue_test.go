package store

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sepakat/internal/service"
)

// damagedWithBackups is a data file with the examples and one verified copy
// beside it and in a second place, then damaged by fn.
func damagedWithBackups(t *testing.T, fn func([]byte) []byte) (path, second string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "sepakat.db")
	second = t.TempDir()
	s, err := Open(path, Options{Now: newClock().now, User: "staf1"})
	mustSave(t, err)
	mustSave(t, s.LoadExamples())
	mustSave(t, s.SetBackupSettings(service.BackupSettings{Policy: service.DefaultBackupPolicy, SecondPlace: second}))
	if _, err := s.BackupNow(context.Background(), service.ReasonManual); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s.Close())
	b, err := os.ReadFile(path)
	mustSave(t, err)
	mustSave(t, os.WriteFile(path, fn(b), 0o600))
	return path, second
}

// TestRescueOfADamagedFile: whatever the damage, the copies of both places are
// listed without the data file, and a restore succeeds after a refused open
// in the same process (a refused open leaves no lock behind); salvage works
// where the file reads at all and says why not where it does not.
func TestRescueOfADamagedFile(t *testing.T) {
	for _, d := range damageKinds(0, 1) {
		t.Run(d.name, func(t *testing.T) {
			path, second := damagedWithBackups(t, d.fn)
			s, openErr := Open(path, Options{})
			if openErr == nil {
				s.Close()
			}
			copies, err := ListBackups(context.Background(), path, second)
			if err != nil || len(copies) != 2 {
				t.Fatalf("copies %+v, %v", copies, err)
			}
			for _, c := range copies {
				if c.Agreements != 3 || !c.Verified || c.Size == 0 {
					t.Errorf("copy %+v", c)
				}
			}
			if copies[0].Place == copies[1].Place {
				t.Errorf("places %v %v", copies[0].Place, copies[1].Place)
			}
			canErr := CanSalvage(path)
			out := filepath.Join(t.TempDir(), "selamat.db")
			rep, err := SalvageFile(context.Background(), path, out)
			if (err == nil) != (canErr == nil) {
				t.Errorf("CanSalvage %v, SalvageFile %v", canErr, err)
			}
			switch {
			case err == nil:
				t.Logf("salvaged %d records, %d damaged", rep.Copied, len(rep.Damaged))
				if rep.Copied == 0 {
					t.Error("salvage copied nothing")
				}
				got := openAt(t, out)
				if n, _ := got.Total(); n == 0 {
					t.Error("the salvaged file holds no agreement")
				}
			case errors.Is(err, service.ErrAlreadyOpen):
				t.Errorf("a refused open left the file locked: %v", err)
			case !errors.Is(err, service.ErrCorrupt) && !errors.Is(err, service.ErrNotSepakat):
				t.Errorf("salvage error in no words: %v", err)
			}
			if _, c, err := Restore(context.Background(), path, copies[0].Path, newClock().now()); err != nil || c.Agreements != 3 {
				t.Fatalf("restore: %+v %v (open was %v)", c, err, openErr)
			}
			r := openAt(t, path)
			if n, err := r.Total(); n != 3 || err != nil {
				t.Errorf("restored file: %d agreements, %v", n, err)
			}
		})
	}
}

// TestRecordedSecondPlace reads the second place from a file that opens
// read-only, and gives none for one that does not.
func TestRecordedSecondPlace(t *testing.T) {
	path, second := damagedWithBackups(t, func(b []byte) []byte { return b })
	if got := RecordedSecondPlace(path); got != second {
		t.Errorf("second place %q, want %q", got, second)
	}
	mustSave(t, os.WriteFile(path, []byte("%PDF-1.4"), 0o600))
	if got := RecordedSecondPlace(path); got != "" {
		t.Errorf("second place of a PDF: %q", got)
	}
}

// TestTruncatedFileIsRefusedBeforeBbolt: a file cut short is ErrCorrupt, with
// how short in the detail, and stays unlocked.
func TestTruncatedFileIsRefusedBeforeBbolt(t *testing.T) {
	path, _ := damagedWithBackups(t, func(b []byte) []byte { return b[:len(b)/2] })
	_, err := Open(path, Options{})
	if !errors.Is(err, service.ErrCorrupt) {
		t.Fatalf("open of a truncated file: %v", err)
	}
	// The sentinel, wrapped twice on its way up, is not repeated in the detail.
	if p := service.Explain(err, "id"); p.Message != "Berkas data rusak. Pulihkan dari cadangan." ||
		!strings.HasPrefix(p.Detail, "Rincian: berkas terpotong: ") || strings.Contains(p.Detail, "service:") {
		t.Errorf("words %+v", p)
	}
	if err := notHeld(path); err != nil {
		t.Errorf("after the refused open: %v", err)
	}
}

// TestSalvageOfAFileCutShort: a file cut after its root page is salvaged
// through a copy whose missing end reads as zeros: what lies before the cut
// is copied, what lay after it is named as lost, and no temporary file stays.
func TestSalvageOfAFileCutShort(t *testing.T) {
	whole, _ := damagedWithBackups(t, func(b []byte) []byte { return b })
	m, size, ok, err := currentMeta(whole)
	if err != nil || !ok {
		t.Fatalf("meta: %v", err)
	}
	b, err := os.ReadFile(whole)
	mustSave(t, err)
	cut := int64(m.root+1) * int64(m.pageSize)
	if cut >= size {
		t.Fatalf("the root page %d is the file's last: nothing to cut after it", m.root)
	}
	path := filepath.Join(t.TempDir(), "sepakat.db")
	mustSave(t, os.WriteFile(path, b[:cut], 0o600))
	if _, err := Open(path, Options{}); !errors.Is(err, service.ErrCorrupt) {
		t.Fatalf("open of the cut file: %v", err)
	}
	if err := CanSalvage(path); err != nil {
		t.Fatalf("CanSalvage: %v", err)
	}
	outDir := t.TempDir()
	out := filepath.Join(outDir, "selamat.db")
	rep, err := SalvageFile(context.Background(), path, out)
	if err != nil {
		t.Fatal(err)
	}
	got := openAt(t, out)
	n, _ := got.Total()
	t.Logf("cut at page %d of %d: %d agreements, %d records copied, %d named lost", cut/int64(m.pageSize), m.hwm, n, rep.Copied, len(rep.Damaged))
	if rep.Copied == 0 {
		t.Error("nothing salvaged before the cut")
	}
	if left, _ := filepath.Glob(filepath.Join(outDir, ".sepakat-terpotong-*")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	if after, _ := os.ReadFile(path); int64(len(after)) != cut {
		t.Error("the cut file was changed")
	}
}

// boltMeta is what the current meta page of a bbolt file says.
type boltMeta struct{ pageSize, root, freelist, hwm, txid uint64 }

// currentMeta reads the meta pages of the bbolt file at path as bbolt does
// and returns the valid one of the latest transaction, and the file's size;
// ok is false when neither is valid.
func currentMeta(path string) (m boltMeta, size int64, ok bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return m, 0, false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return m, 0, false, err
	}
	read := func(off int64) (boltMeta, bool) {
		var p [80]byte
		if _, err := f.ReadAt(p[:], off); err != nil {
			return boltMeta{}, false
		}
		h := fnv.New64a()
		h.Write(p[16:72])
		ne := binary.NativeEndian
		if ne.Uint32(p[16:20]) != boltMagic || ne.Uint32(p[20:24]) != 2 || ne.Uint64(p[72:80]) != h.Sum64() {
			return boltMeta{}, false
		}
		return boltMeta{pageSize: uint64(ne.Uint32(p[24:28])), root: ne.Uint64(p[32:40]), freelist: ne.Uint64(p[48:56]),
			hwm: ne.Uint64(p[56:64]), txid: ne.Uint64(p[64:72])}, true
	}
	var metas []boltMeta
	if m0, ok := read(0); ok {
		metas = append(metas, m0)
		if m1, ok := read(int64(m0.pageSize)); ok {
			metas = append(metas, m1)
		}
	} else {
		for i := range 15 {
			if m1, ok := read(1024 << i); ok && m1.pageSize == 1024<<i {
				metas = append(metas, m1)
				break
			}
		}
	}
	if len(metas) == 0 {
		return m, fi.Size(), false, nil
	}
	m = slices.MaxFunc(metas, func(a, b boltMeta) int { return cmp.Compare(a.txid, b.txid) })
	return m, fi.Size(), m.pageSize > 0, nil
}
