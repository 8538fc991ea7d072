package store

import (
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
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
// wrapping service.ErrNotSepakat or service.ErrCorrupt).
func CanSalvage(dataPath string) error {
	db, err := openForSalvage(dataPath)
	if err != nil {
		return err
	}
	return db.Close()
}

// SalvageFile copies every readable record of the data file at dataPath,
// opened read-only, into a new data file at outPath, as Store.Salvage does for
// an open store; it is for a file that Open refuses. A file bbolt cannot open
// at all cannot be salvaged: its error wraps service.ErrNotSepakat or
// service.ErrCorrupt.
func SalvageFile(ctx context.Context, dataPath, outPath string, now func() time.Time) (service.SalvageReport, error) {
	if now == nil {
		now = time.Now
	}
	db, err := openForSalvage(dataPath)
	if err != nil {
		return service.SalvageReport{}, err
	}
	src := &Store{db: db, path: dataPath, now: now, user: osUser(), cache: newDecodeCache(), stale: &staleKeys{}}
	defer db.Close()
	return src.Salvage(ctx, outPath)
}

// openForSalvage opens the file at dataPath read-only, refusing what is no
// bbolt file at all, and reads its root page to see that it is there.
func openForSalvage(dataPath string) (*bolt.DB, error) {
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
	db, err := openBolt(dataPath, &bolt.Options{ReadOnly: true, Timeout: 500 * time.Millisecond})
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

// preflight reads the meta pages of the bbolt file at path, as bbolt will, and
// refuses a file whose current meta page points past its end or at a free
// list that is not there: bbolt would panic on it while opening, and after a
// panic in bolt.Open its memory map keeps the file locked for as long as this
// program runs. A file that does not exist yet, or has no valid meta page
// (bbolt refuses it itself), passes.
func preflight(path string) error {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	type meta struct{ pageSize, root, freelist, hwm, txid uint64 }
	read := func(off int64) (meta, bool) {
		var p [80]byte
		if _, err := f.ReadAt(p[:], off); err != nil {
			return meta{}, false
		}
		h := fnv.New64a()
		h.Write(p[16:72])
		ne := binary.NativeEndian
		if ne.Uint32(p[16:20]) != boltMagic || ne.Uint32(p[20:24]) != 2 || ne.Uint64(p[72:80]) != h.Sum64() {
			return meta{}, false
		}
		return meta{pageSize: uint64(ne.Uint32(p[24:28])), root: ne.Uint64(p[32:40]), freelist: ne.Uint64(p[48:56]),
			hwm: ne.Uint64(p[56:64]), txid: ne.Uint64(p[64:72])}, true
	}
	var metas []meta
	if m, ok := read(0); ok {
		metas = append(metas, m)
		if m1, ok := read(int64(m.pageSize)); ok {
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
		return nil
	}
	m := slices.MaxFunc(metas, func(a, b meta) int { return cmp.Compare(a.txid, b.txid) })
	if m.pageSize == 0 {
		return nil
	}
	if need := m.hwm * m.pageSize; uint64(fi.Size()) < need {
		return fmt.Errorf("%w: berkas terpotong: %d byte, seharusnya %d", service.ErrCorrupt, fi.Size(), need)
	}
	if m.root >= m.hwm {
		return fmt.Errorf("%w: halaman akar %d di luar berkas", service.ErrCorrupt, m.root)
	}
	if m.freelist == ^uint64(0) {
		return nil
	}
	var p [16]byte
	if m.freelist >= m.hwm {
		return fmt.Errorf("%w: halaman daftar kosong %d di luar berkas", service.ErrCorrupt, m.freelist)
	}
	if _, err := f.ReadAt(p[:], int64(m.freelist*m.pageSize)); err != nil ||
		binary.NativeEndian.Uint64(p[0:8]) != m.freelist || binary.NativeEndian.Uint16(p[8:10])&0x10 == 0 {
		return fmt.Errorf("%w: halaman daftar kosong %d rusak", service.ErrCorrupt, m.freelist)
	}
	return nil
}
