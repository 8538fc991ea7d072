package store

import (
	"bufio"
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// Rescue: what the desktop's rescue screen needs about a data file that does
// not open. None of it opens the data file for writing, and none of it needs
// an open Store.

// ListBackups lists the copies in the backup folder beside the data file at
// dataPath and in secondPlace (when not empty), newest first, each opened
// read-only to count its agreements (Verified: it opens). Copies of the
// second place that cannot be listed give an error wrapping
// service.ErrSecondPlace, with the copies beside the data file.
func ListBackups(ctx context.Context, dataPath, secondPlace string) ([]service.BackupInfo, error) {
	out, err := listCopies(ctx, BackupDir(dataPath), service.PlaceLocal, time.Local, true)
	if err != nil {
		return nil, err
	}
	if secondPlace == "" {
		return out, nil
	}
	second, err := listCopies(ctx, secondPlace, service.PlaceSecond, time.Local, true)
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			err = fmt.Errorf("%w: %w", service.ErrSecondPlace, err)
		}
		return out, err
	}
	out = append(out, second...)
	slices.SortStableFunc(out, func(a, b service.BackupInfo) int { return b.Time.Compare(a.Time) })
	return out, nil
}

// RecordedSecondPlace reads the second place from the backup settings kept in
// the data file at dataPath, opened read-only; a file too damaged to tell
// gives "".
func RecordedSecondPlace(dataPath string) string {
	var settings service.BackupSettings
	err := withCopy(dataPath, func(tx *bolt.Tx, _ func()) error {
		meta := tx.Bucket(schema.Meta)
		if meta == nil {
			return service.ErrNotSepakatCopy
		}
		raw := meta.Get(schema.KeyBackupSettings)
		if raw == nil {
			return nil
		}
		return json.Unmarshal(raw, &settings)
	})
	if err != nil {
		return ""
	}
	return settings.SecondPlace
}

// CanSalvage says whether the data file at dataPath can be read at all, so
// that SalvageFile may copy its readable records: nil, or why not (an error
// wrapping service.ErrNotSepakat or service.ErrCorrupt). A file cut short can
// be salvaged while its root page is there.
func CanSalvage(dataPath string) error {
	if m, size, ok, err := currentMeta(dataPath); err == nil && ok && uint64(size) < m.hwm*m.pageSize {
		if (m.root+1)*m.pageSize > uint64(size) {
			return fmt.Errorf("%w: halaman akar %d hilang dari berkas yang terpotong", service.ErrCorrupt, m.root)
		}
		return nil
	}
	db, err := openForSalvage(dataPath)
	if err != nil {
		return err
	}
	return db.Close()
}

// SalvageFile copies every readable record of the data file at dataPath,
// opened read-only, into a new data file at outPath, as Store.Salvage does for
// an open store; it is for a file that Open refuses. A file cut short is read
// through a copy beside outPath whose missing end is zeros (sparse, removed
// afterwards); the records on the missing pages are named as lost. A file
// bbolt cannot open at all cannot be salvaged: its error wraps
// service.ErrNotSepakat or service.ErrCorrupt.
func SalvageFile(ctx context.Context, dataPath, outPath string, now func() time.Time) (service.SalvageReport, error) {
	if now == nil {
		now = time.Now
	}
	if err := CanSalvage(dataPath); err != nil {
		return service.SalvageReport{}, err
	}
	src := dataPath
	if m, size, ok, err := currentMeta(dataPath); err == nil && ok && uint64(size) < m.hwm*m.pageSize {
		padded, err := paddedCopy(ctx, dataPath, filepath.Dir(outPath), int64(m.hwm*m.pageSize))
		if err != nil {
			return service.SalvageReport{}, err
		}
		defer os.Remove(padded)
		src = padded
	}
	db, err := openForSalvage(src)
	if err != nil {
		return service.SalvageReport{}, err
	}
	defer db.Close()
	s := &Store{db: db, path: dataPath, now: now, user: osUser(), cache: newDecodeCache(), stale: &staleKeys{}}
	return s.Salvage(ctx, outPath)
}

// paddedCopy copies the file at path into dir, extended with zeros to size.
func paddedCopy(ctx context.Context, path, dir string, size int64) (string, error) {
	in, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(dir, ".sepakat-terpotong-*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(&ctxWriter{ctx: ctx, w: tmp}, bufio.NewReaderSize(in, 1<<20))
	if err == nil {
		err = tmp.Truncate(size) // the missing end reads as zeros, without taking disk space
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// openForSalvage opens the file at dataPath read-only (bbolt reads no free
// list then), refusing what is no bbolt file at all, and sees that its meta
// bucket reads.
func openForSalvage(dataPath string) (db *bolt.DB, err error) {
	fi, err := os.Stat(dataPath)
	if err != nil {
		return nil, err
	}
	if fi.Size() == 0 {
		return nil, fmt.Errorf("%w: %s", service.ErrNotSepakat, dataPath)
	}
	if ok, err := looksLikeBolt(dataPath); err != nil {
		return nil, err
	} else if !ok {
		return nil, fmt.Errorf("%w: %s", service.ErrNotSepakat, dataPath)
	}
	if m, size, ok, err := currentMeta(dataPath); err == nil && ok && uint64(size) < m.hwm*m.pageSize {
		return nil, fmt.Errorf("%w: berkas terpotong: %d byte, seharusnya %d", service.ErrCorrupt, size, m.hwm*m.pageSize)
	}
	db, err = func() (db *bolt.DB, err error) {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer guard(&err)
		return bolt.Open(dataPath, 0o600, &bolt.Options{ReadOnly: true, Timeout: 500 * time.Millisecond})
	}()
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, service.ErrAlreadyOpen
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", service.ErrCorrupt, err)
	}
	s := &Store{db: db}
	if err := s.view(func(tx *bolt.Tx) error {
		if tx.Bucket(schema.Meta) == nil {
			return fmt.Errorf("%w: %s", service.ErrCorrupt, schema.Meta)
		}
		return nil
	}); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
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

// preflight reads the meta pages of the bbolt file at path, as bbolt will, and
// refuses a file whose current meta page points past its end or at a free
// list that is not there: bbolt would panic on it while opening, and after a
// panic in bolt.Open its memory map keeps the file locked for as long as this
// program runs. A file that does not exist yet, or has no valid meta page
// (bbolt refuses it itself), passes.
func preflight(path string) error {
	m, size, ok, err := currentMeta(path)
	if errors.Is(err, os.ErrNotExist) || (err == nil && !ok) {
		return nil
	}
	if err != nil {
		return err
	}
	if need := m.hwm * m.pageSize; uint64(size) < need {
		return fmt.Errorf("%w: berkas terpotong: %d byte, seharusnya %d", service.ErrCorrupt, size, need)
	}
	if m.root >= m.hwm {
		return fmt.Errorf("%w: halaman akar %d di luar berkas", service.ErrCorrupt, m.root)
	}
	if m.freelist == ^uint64(0) {
		return nil
	}
	if m.freelist >= m.hwm {
		return fmt.Errorf("%w: halaman daftar kosong %d di luar berkas", service.ErrCorrupt, m.freelist)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var p [16]byte
	if _, err := f.ReadAt(p[:], int64(m.freelist*m.pageSize)); err != nil ||
		binary.NativeEndian.Uint64(p[0:8]) != m.freelist || binary.NativeEndian.Uint16(p[8:10])&0x10 == 0 {
		return fmt.Errorf("%w: halaman daftar kosong %d rusak", service.ErrCorrupt, m.freelist)
	}
	return nil
}
