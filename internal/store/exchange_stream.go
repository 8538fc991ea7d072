package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
	"sepakat/internal/store/fts"
	"sepakat/internal/store/schema"
)

// exportShedEvery is how many bytes of stored values an export reads between
// releases of the mapped pages it read (see shedPages): rarely enough that the
// pages every read needs (the branches) are not read again and again. A
// fault maps the neighbouring pages too, and a tree's leaves lie scattered
// in the file, so the mapped pages grow about seven times faster than the
// bytes read: 8 MB of values holds an export of 100 000 agreements near
// 140 MB of resident memory (64 MB: 650 MB), for the same CPU time.
const exportShedEvery = 8 << 20

// ExportTo writes every record, counter, issued number, history entry and
// file to w as an exchange file, record by record from the cursors of one read
// transaction (bbolt's read transactions copy nothing), so memory does not
// grow with the register. ctx is checked every few hundred records.
func (s *Store) ExportTo(ctx context.Context, w io.Writer) (dataset.Counts, error) {
	c, _, err := s.exportTo(ctx, w, false)
	return c, err
}

// ExportReadableTo is ExportTo that leaves out the records that cannot be
// read, and their history, and names them.
func (s *Store) ExportReadableTo(ctx context.Context, w io.Writer) (dataset.Counts, []service.RecordRef, error) {
	return s.exportTo(ctx, w, true)
}

func (s *Store) exportTo(ctx context.Context, w io.Writer, salvage bool) (dataset.Counts, []service.RecordRef, error) {
	var counts dataset.Counts
	var damaged []service.RecordRef
	err := s.view(func(tx *bolt.Tx) error {
		shed, stop := shedPages(tx, 0)
		stop() // released by hand, between batches
		e := &exporter{ctx: ctx, tx: tx, out: dataset.NewWriter(w, s.now().UTC()), shed: shed}
		if salvage {
			e.damaged, e.have = &damaged, map[recordKey]bool{}
		}
		if err := e.run(); err != nil {
			return err
		}
		var err error
		counts, err = e.out.Close()
		return err
	})
	if err != nil {
		return dataset.Counts{}, nil, err
	}
	return counts, damaged, nil
}

type recordKey struct {
	t  dataset.RecordType
	id agreement.ID
}

// exporter writes the lists of an exchange file from one read transaction.
type exporter struct {
	ctx     context.Context
	tx      *bolt.Tx
	out     *dataset.Writer
	shed    func()
	n       int
	read    int                  // bytes of values read since the last release
	damaged *[]service.RecordRef // salvage: what could not be read
	have    map[recordKey]bool   // salvage: the records written
}

// tick checks ctx every few hundred records and releases the pages read
// every exportShedEvery bytes.
func (e *exporter) tick(v []byte) error {
	e.n++
	if e.read += len(v); e.read >= exportShedEvery {
		e.read = 0
		e.shed()
	}
	if e.n%256 != 0 {
		return nil
	}
	return e.ctx.Err()
}

// skip names a value that does not read: an error, or in a salvage a note.
func (e *exporter) skip(err error) error {
	var de *service.RecordDamageError
	if e.damaged != nil && errors.As(err, &de) {
		*e.damaged = append(*e.damaged, de.Record)
		return nil
	}
	return err
}

func (e *exporter) run() error {
	if err := e.ctx.Err(); err != nil {
		return err
	}
	records := []struct {
		list   string
		bucket []byte
		value  func() any
	}{
		{"parties", schema.Parties, func() any { return new(agreement.Party) }},
		{"officials", schema.Officials, func() any { return new(agreement.Official) }},
		{"mandates", schema.Mandates, func() any { return new(agreement.Mandate) }},
		{"agreements", schema.Agreements, func() any { return new(agreement.Agreement) }},
	}
	for _, r := range records {
		t, _ := dataset.RecordTypeOf(r.list)
		err := e.each(r.bucket, 8, func(k, raw []byte) error {
			v := r.value()
			if err := decode(raw, v); err != nil {
				return e.skip(damagedKey(r.bucket, k))
			}
			if e.have != nil {
				e.have[recordKey{t, keyID(k)}] = true
			}
			return e.out.Write(r.list, v)
		})
		if err != nil {
			return err
		}
	}
	if err := e.counters(); err != nil {
		return err
	}
	err := e.each(schema.Numbers, -1, func(k, raw []byte) error {
		var n dataset.IssuedNumber
		if err := decode(raw, &n); err != nil {
			return e.skip(damagedKey(schema.Numbers, k))
		}
		return e.out.Write("issued_numbers", &n)
	})
	if err != nil {
		return err
	}
	// Agreements' history (beside each agreement), then the rest.
	for _, h := range []struct {
		bucket []byte
		keyLen int
	}{{schema.Agreements, 16}, {schema.History, 17}} {
		err := e.each(h.bucket, h.keyLen, func(k, raw []byte) error {
			var entry dataset.HistoryEntry
			if err := decode(raw, &entry); err != nil {
				return e.skip(&service.RecordDamageError{Record: service.RecordRef{Type: "history", ID: uint64(keyID(k[h.keyLen-16 : h.keyLen-8]))}})
			}
			if e.have != nil && !e.have[recordKey{entry.Type, entry.ID}] {
				return nil // the history of a record left out
			}
			return e.out.Write("history", &entry)
		})
		if err != nil {
			return err
		}
	}
	return e.each(schema.Files, -1, func(k, raw []byte) error {
		var f dataset.File
		if err := decode(raw, &f); err != nil {
			return e.skip(damagedKey(schema.Files, k))
		}
		return e.out.Write("files", &f)
	})
}

// each calls fn for every key of bucket of length keyLen (any when -1).
func (e *exporter) each(bucket []byte, keyLen int, fn func(k, v []byte) error) error {
	c := e.tx.Bucket(bucket).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		// A skipped value was read too: its bytes share the leaf page.
		if err := e.tick(v); err != nil {
			return err
		}
		if keyLen >= 0 && len(k) != keyLen {
			continue
		}
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return e.ctx.Err()
}

func (e *exporter) counters() error {
	return e.each(schema.Counters, -1, func(k, v []byte) error {
		c, ok := counterOf(k, v)
		if !ok {
			if e.damaged != nil {
				*e.damaged = append(*e.damaged, service.RecordRef{Type: "counter", Key: string(k)})
				return nil
			}
			return fmt.Errorf("%w: kunci penghitung %q", service.ErrCorrupt, k)
		}
		return e.out.Write("counters", &c)
	})
}

// counterOf reads a stored counter: its key is office/kind/year.
func counterOf(k, v []byte) (dataset.Counter, bool) {
	// Office and year are decimal, zero-padded (agreement.CounterKey): not
	// octal, as a scan of "…016" would read them.
	parts := strings.Split(string(k), "/")
	if len(parts) != 3 || len(v) != 8 {
		return dataset.Counter{}, false
	}
	office, err := strconv.ParseUint(parts[0], 10, 64)
	if err != nil {
		return dataset.Counter{}, false
	}
	year, err := strconv.Atoi(parts[2])
	if err != nil {
		return dataset.Counter{}, false
	}
	return dataset.Counter{Office: agreement.ID(office), Kind: agreement.Kind(parts[1]), Year: year, Last: uint64(keyID(v))}, true
}

// importBatch is how many elements of a file one write transaction of a
// streaming import holds: small enough that its dirty pages stay small.
const importBatch = 500

// swapLockTimeout bounds the wait for the lock of a file this store itself
// just closed or made.
const swapLockTimeout = 5 * time.Second

// importSuffix names, beside the data file, the copy an import fills.
const importSuffix = ".impor"

// ImportFrom adds every element of the exchange file open reads, keeping IDs,
// revisions and history: all of it or nothing, holding one element at a time.
//
// After the backup copy, the data file is copied beside itself, the file is
// read once into that copy in batches of write transactions, checked element
// by element (service.ImportCheck) as it goes, and what needs the whole file
// (references that point forwards, history ahead of its record) is checked
// at the end. Only then does the copy take the data file's place, in one
// rename. A refusal, a cancel, a failed write or a kill leaves the data file
// as it was. Nothing else may use the store while it runs.
func (s *Store) ImportFrom(ctx context.Context, open func() (io.ReadCloser, error)) (dataset.Counts, error) {
	if err := ctx.Err(); err != nil {
		return dataset.Counts{}, err
	}
	if err := s.backupBefore(ctx, service.ReasonImport); err != nil {
		return dataset.Counts{}, err
	}
	tmp := s.path + importSuffix
	check := service.NewImportCheck(nil, s.now(), s.user)
	check.Streaming()
	if err := s.importCopy(ctx, tmp, open, check); err != nil {
		os.Remove(tmp)
		return dataset.Counts{}, err
	}
	if err := s.swapIn(tmp); err != nil {
		return dataset.Counts{}, err
	}
	s.afterWrite()
	return check.Counts, nil
}

// readItems reads the file open gives, element by element.
func readItems(ctx context.Context, open func() (io.ReadCloser, error), fn func(dataset.Item) error) error {
	f, err := open()
	if err != nil {
		return err
	}
	defer f.Close()
	r := dataset.NewReader(f)
	for n := 0; ; n++ {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		it, err := r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(it); err != nil {
			return err
		}
	}
}

type readResult struct {
	it  dataset.Item
	err error
}

// readAhead reads the file open gives on a goroutine of its own, a batch or
// two ahead of the caller; the channel ends after the last element or an
// error. stop ends the reading early and waits for it.
func readAhead(ctx context.Context, open func() (io.ReadCloser, error), each func(dataset.Item)) (<-chan readResult, func()) {
	out := make(chan readResult, 2*importBatch)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		defer close(out)
		err := readItems(ctx, open, func(it dataset.Item) error {
			each(it)
			select {
			case out <- readResult{it: it}:
				return nil
			case <-done:
				return context.Canceled
			}
		})
		if err != nil {
			select {
			case out <- readResult{err: err}:
			case <-done:
			}
		}
	}()
	var once sync.Once
	return out, func() {
		once.Do(func() { close(done) })
		<-finished
	}
}

// importCopy copies the data file to tmp and writes the checked file into the
// copy in batches.
func (s *Store) importCopy(ctx context.Context, tmp string, open func() (io.ReadCloser, error), check *service.ImportCheck) error {
	os.Remove(tmp) // a leftover of a killed import
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	err = s.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(&ctxWriter{ctx: ctx, w: f})
		return err
	})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr // bbolt words the writer's error without wrapping it
		}
		return err
	}
	db, err := openBolt(tmp, &bolt.Options{Timeout: swapLockTimeout, NoSync: true, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return err
	}
	dst := &Store{db: db, path: tmp, now: s.now, user: s.user, regions: s.regions, cache: newDecodeCache(), stale: &staleKeys{}, fts: newIndex()}
	err = dst.importBatches(ctx, open, check)
	if err == nil {
		err = dst.db.Sync() // dst.db: a compaction may have put another file in its place
	}
	return errors.Join(err, dst.db.Close())
}

func (s *Store) importBatches(ctx context.Context, open func() (io.ReadCloser, error), check *service.ImportCheck) error {
	var batch []dataset.Item
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := s.update(func(tx *bolt.Tx) error {
			dir := s.dir(tx)
			to := importTarget{dir}
			check.Use(to)
			for _, it := range batch {
				if err := check.Check(it); err != nil {
					return err
				}
				if err := check.Write(it, to); err != nil {
					return err
				}
				if a, ok := it.Value.(*agreement.Agreement); ok {
					if err := s.indexAgreement(dir, a); err != nil {
						return err
					}
				}
			}
			return nil
		})
		batch = batch[:0]
		s.shedWritten()
		return err
	}
	// The file is decoded on another goroutine while batches are written;
	// that goroutine also writes the agreements' texts for the search index.
	names, err := s.namesOf()
	if err != nil {
		return err
	}
	texts := newImportTexts(s.path+textsSuffix, names)
	defer texts.close()
	items, stop := readAhead(ctx, open, texts.add)
	defer stop()
	for r := range items {
		if r.err != nil {
			return r.err
		}
		batch = append(batch, r.it)
		if len(batch) >= importBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	// What needs the whole file.
	if err := s.view(func(tx *bolt.Tx) error {
		check.Use(importTarget{s.dir(tx)})
		return check.Finish()
	}); err != nil {
		return err
	}
	// Records without history in the file get an "impor" entry.
	entries := check.ImportEntries()
	for from := 0; from < len(entries); from += importBatch {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := s.update(func(tx *bolt.Tx) error {
			for i := from; i < min(from+importBatch, len(entries)); i++ {
				if err := appendHistory(tx, &entries[i]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	// Agreements written before the parties they name get their list
	// entries again, now that the names are there.
	if check.DirectoryLate() {
		var ids []agreement.ID
		check.Agreements(func(id agreement.ID) error { ids = append(ids, id); return nil })
		if err := s.inBatches(ctx, ids, func(dir txDir, id agreement.ID) error {
			a, _, err := get[agreement.Agreement](dir.tx, schema.Agreements, id)
			if err != nil {
				return err
			}
			return writeSummary(dir, &a)
		}); err != nil {
			return err
		}
	}
	// Parents written before their children count them now.
	if err := s.inBatches(ctx, check.Parents(), func(dir txDir, id agreement.ID) error { return refreshParents(dir, id) }); err != nil {
		return err
	}
	if check.DirectoryLate() {
		texts.usable = false
	}
	return s.indexImported(ctx, texts.reader())
}

// rebuildFrom is how many agreements an import marks for the search index
// from which it rebuilds the index (in batches, fts/build.go) rather than
// merging them: merging many in one transaction costs far more.
var rebuildFrom = 4 * importBatch

// indexImported brings the agreements an import marked into the search index:
// a few are merged; many make the whole index rebuilt, a batch per
// transaction, into the copy the import writes (and compact it).
func (s *Store) indexImported(ctx context.Context, texts *textReader) error {
	pending := 0
	if err := s.view(func(tx *bolt.Tx) error { pending = fts.Pending(tx); return nil }); err != nil {
		return err
	}
	if pending < rebuildFrom {
		return s.merge()
	}
	if err := s.update(func(tx *bolt.Tx) error { return s.fts.Begin(tx, s.docs(tx)) }); err != nil {
		return err
	}
	if texts == nil {
		return s.FinishRebuild(ctx, nil)
	}
	return s.finishRebuild(ctx, nil, func(tx *bolt.Tx) fts.Docs { return textDocs{s.docs(tx), texts} })
}

// inBatches calls fn for every id, importBatch ids per write transaction.
func (s *Store) inBatches(ctx context.Context, ids []agreement.ID, fn func(txDir, agreement.ID) error) error {
	for from := 0; from < len(ids); from += importBatch {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := s.update(func(tx *bolt.Tx) error {
			dir := s.dir(tx)
			for _, id := range ids[from:min(from+importBatch, len(ids))] {
				if err := fn(dir, id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		s.shedWritten()
	}
	return ctx.Err()
}

// shedWritten releases the mapped pages a batch read, between transactions.
func (s *Store) shedWritten() { dropMapped(s.db) }

// swapIn puts the file at tmp in the data file's place: the data file is
// closed, tmp renamed over it, and the result opened again.
func (s *Store) swapIn(tmp string) error {
	s.background.Wait()
	noSync := s.db.NoSync
	if err := s.db.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	renamed := os.Rename(tmp, s.path)
	if renamed == nil {
		syncDir(filepath.Dir(s.path))
	} else {
		os.Remove(tmp)
	}
	db, err := openBolt(s.path, &bolt.Options{Timeout: swapLockTimeout, NoSync: noSync, FreelistType: bolt.FreelistMapType})
	if err != nil {
		s.closed = true
		return errors.Join(renamed, fmt.Errorf("%w: %v", service.ErrCorrupt, err))
	}
	s.db, s.cache, s.stale = db, newDecodeCache(), &staleKeys{}
	return renamed
}
