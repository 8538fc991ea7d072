package pgstore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
)

// ReserveNumber hands out the next number of office's scheme for kind, dated
// d, in one transaction holding the row lock of its counter, and records it
// as issued (a unique key), so it is never handed out again.
func (s *Store) ReserveNumber(office agreement.ID, kind agreement.Kind, d agreement.Date, forAgreement agreement.ID) (string, error) {
	ctx := bg()
	var out string
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		party := func(id agreement.ID) (agreement.Party, bool, error) {
			return get[agreement.Party](ctx, tx, dataset.TypeParty, id)
		}
		last := func(key string) (uint64, error) {
			if _, err := tx.Exec(ctx, "INSERT INTO counters (key, data) VALUES ($1, '{}') ON CONFLICT (key) DO NOTHING", key); err != nil {
				return 0, err
			}
			var raw []byte
			if err := tx.QueryRow(ctx, "SELECT data FROM counters WHERE key = $1 FOR UPDATE", key).Scan(&raw); err != nil {
				return 0, err
			}
			c, err := decode[dataset.Counter](raw)
			return c.Last, err
		}
		taken := func(n string) (bool, error) {
			var one int
			err := tx.QueryRow(ctx, "SELECT 1 FROM issued WHERE number = $1", n).Scan(&one)
			if err == nil {
				return true, nil
			}
			if !errors.Is(err, pgx.ErrNoRows) {
				return false, err
			}
			_, carried, err := carrier(ctx, tx, office, service.NumberKey(n), 0)
			return carried, err
		}
		rec, err := service.NextNumber(office, kind, d, party, last, taken)
		if err != nil {
			return err
		}
		key := agreement.CounterKey(office, kind, d.Year)
		c := dataset.Counter{Office: office, Kind: kind, Year: d.Year, Last: rec.Seq}
		if _, err := tx.Exec(ctx, "UPDATE counters SET data = $2 WHERE key = $1", key, encode(&c)); err != nil {
			return err
		}
		rec.AgreementID, rec.At, rec.By = forAgreement, s.now(), s.user
		if _, err := tx.Exec(ctx, "INSERT INTO issued (number, data) VALUES ($1, $2)", rec.Number, encode(&rec)); err != nil {
			return err
		}
		out = rec.Number
		return nil
	})
	return out, s.failed(err)
}

// PutFile stages data under its SHA-256 and returns a reference to it: the
// file is stored with the save that refers to it.
func (s *Store) PutFile(name, mediaType string, data []byte) (agreement.FileRef, error) {
	ref, err := service.NewFileRef(name, mediaType, data)
	if err != nil {
		return ref, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.staged == nil {
		s.staged = map[string]dataset.File{}
	}
	s.staged[ref.SHA256] = dataset.File{SHA256: ref.SHA256, MediaType: mediaType, Data: bytes.Clone(data)}
	return ref, nil
}

// File returns a stored or staged file's bytes.
func (s *Store) File(sha string) ([]byte, error) {
	var data []byte
	err := s.pool.QueryRow(bg(), "SELECT data FROM files WHERE sha = $1", sha).Scan(&data)
	if err == nil {
		return data, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return nil, s.failed(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.staged[sha]; ok {
		return bytes.Clone(f.Data), nil
	}
	return nil, service.ErrNotFound
}

// ExamplesLoaded reports whether the examples were loaded into this register.
func (s *Store) ExamplesLoaded() (bool, error) {
	var n int
	err := s.pool.QueryRow(bg(), "SELECT count(*) FROM meta WHERE key = 'examples'").Scan(&n)
	return n > 0, s.failed(err)
}

// LoadExamples adds the shipped examples, renumbered after the records already
// stored, once per register.
func (s *Store) LoadExamples() error {
	d, err := service.OurExamples(s)
	if err != nil {
		return err
	}
	return s.LoadDataset(d)
}

// LoadDataset adds d as examples: renumbered after the records already
// stored, once per register, in one transaction.
func (s *Store) LoadDataset(d *dataset.Dataset) error {
	ctx := bg()
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, "INSERT INTO meta (key, value) VALUES ('examples', 'true') ON CONFLICT (key) DO NOTHING")
		if err != nil {
			return err
		}
		off, err := offsets(ctx, tx)
		if err != nil {
			return err
		}
		d.Shift(off)
		if err := service.CheckUnique(d); err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return service.ErrExamplesLoaded
		}
		return s.importInTx(ctx, tx, func(t service.ImportTarget) error {
			return service.ImportInto(ctx, t, d, s.now(), s.user)
		})
	})
	return s.notify(s.failed(err), service.RegistryAll, 0)
}

// Offsets returns the highest ID each record type has used.
func (s *Store) Offsets() (dataset.Offsets, error) {
	o, err := offsets(bg(), s.pool)
	return o, s.failed(err)
}

func offsets(ctx context.Context, q querier) (dataset.Offsets, error) {
	var o dataset.Offsets
	rows, err := q.Query(ctx, "SELECT type, last FROM ids")
	if err != nil {
		return o, err
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		var last int64
		if err := rows.Scan(&t, &last); err != nil {
			return o, err
		}
		switch dataset.RecordType(t) {
		case dataset.TypeParty:
			o.Party = agreement.ID(last)
		case dataset.TypeOfficial:
			o.Official = agreement.ID(last)
		case dataset.TypeMandate:
			o.Mandate = agreement.ID(last)
		case dataset.TypeAgreement:
			o.Agreement = agreement.ID(last)
		}
	}
	return o, rows.Err()
}

// Export returns everything stored: records, counters, issued numbers, history
// and files, as ExportTo writes them.
func (s *Store) Export(ctx context.Context) (*dataset.Dataset, error) {
	var buf bytes.Buffer
	if _, err := s.ExportTo(ctx, &buf); err != nil {
		return nil, err
	}
	return dataset.Decode(&buf)
}

// ExportTo writes every record, counter, issued number, history entry and
// file to w as an exchange file, row by row from one snapshot of the server,
// so memory does not grow with the register. ctx is checked every 256 rows.
func (s *Store) ExportTo(ctx context.Context, w io.Writer) (dataset.Counts, error) {
	var counts dataset.Counts
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		out := dataset.NewWriter(w, s.now().UTC())
		n := 0
		each := func(list, sql string, value func() any) error {
			rows, err := tx.Query(ctx, sql)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				if n++; n%256 == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				var raw []byte
				if err := rows.Scan(&raw); err != nil {
					return err
				}
				v := value()
				if err := json.Unmarshal(raw, v); err != nil {
					return fmt.Errorf("%w: %s: %v", service.ErrCorrupt, list, err)
				}
				agreement.Fold(v)
				if err := out.Write(list, v); err != nil {
					return err
				}
			}
			return rows.Err()
		}
		steps := []struct {
			list, sql string
			value     func() any
		}{
			{"parties", "SELECT data FROM parties ORDER BY id", func() any { return new(agreement.Party) }},
			{"officials", "SELECT data FROM officials ORDER BY id", func() any { return new(agreement.Official) }},
			{"mandates", "SELECT data FROM mandates ORDER BY id", func() any { return new(agreement.Mandate) }},
			{"agreements", "SELECT data FROM agreements ORDER BY id", func() any { return new(agreement.Agreement) }},
			{"counters", `SELECT data FROM counters ORDER BY key COLLATE "C"`, func() any { return new(dataset.Counter) }},
			{"issued_numbers", `SELECT data FROM issued ORDER BY number COLLATE "C"`, func() any { return new(dataset.IssuedNumber) }},
			{"history", `SELECT entry FROM history ORDER BY (type <> 'agreement' OR seq > 0), CASE WHEN seq > 0 THEN 'cetak' ELSE type END COLLATE "C", id, seq, rev`, func() any { return new(dataset.HistoryEntry) }},
		}
		for _, st := range steps {
			if err := each(st.list, st.sql, st.value); err != nil {
				return err
			}
		}
		rows, err := tx.Query(ctx, `SELECT sha, media_type, data FROM files ORDER BY sha COLLATE "C"`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var f dataset.File
			if err := rows.Scan(&f.SHA256, &f.MediaType, &f.Data); err != nil {
				return err
			}
			if err := out.Write("files", &f); err != nil {
				return err
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		counts, err = out.Close()
		return err
	})
	if err != nil {
		return dataset.Counts{}, err
	}
	return counts, nil
}

// Import adds every record of d, keeping IDs, revisions and history, in one
// transaction: all of it or nothing.
func (s *Store) Import(ctx context.Context, d *dataset.Dataset) error {
	if err := service.CheckUnique(d); err != nil {
		return err
	}
	if err := s.backupBefore(ctx, service.ReasonImport); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		return s.importInTx(ctx, tx, func(t service.ImportTarget) error {
			return service.ImportInto(ctx, t, d, s.now(), s.user)
		})
	})
	return s.notify(s.failed(err), service.RegistryAll, 0)
}

// ImportFrom imports the exchange file open gives element by element, as
// it is read, in one transaction: all or nothing, a refusal naming the line.
// Memory holds one element and the import's bookkeeping, not the file.
func (s *Store) ImportFrom(ctx context.Context, open func() (io.ReadCloser, error)) (dataset.Counts, error) {
	if err := ctx.Err(); err != nil {
		return dataset.Counts{}, err
	}
	if err := s.backupBefore(ctx, service.ReasonImport); err != nil {
		return dataset.Counts{}, err
	}
	var counts dataset.Counts
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		return s.importInTx(ctx, tx, func(t service.ImportTarget) error {
			check := service.NewImportCheck(t, s.now(), s.user)
			check.Streaming()
			f, err := open()
			if err != nil {
				return err
			}
			defer f.Close()
			rd := dataset.NewReader(f)
			for {
				if err := ctx.Err(); err != nil {
					return err
				}
				it, err := rd.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					return err
				}
				if err := check.Check(it); err != nil {
					return err
				}
				if err := check.Write(it, t); err != nil {
					return err
				}
			}
			if err := check.Finish(); err != nil {
				return err
			}
			entries := check.ImportEntries()
			for i := range entries {
				if err := t.AppendHistory(&entries[i]); err != nil {
					return err
				}
			}
			counts = check.Counts
			return nil
		})
	})
	if err := s.notify(s.failed(err), service.RegistryAll, 0); err != nil {
		return dataset.Counts{}, err
	}
	return counts, nil
}

// importInTx runs an import into tx, then derives the ends and search index
// of the agreements it brought.
func (s *Store) importInTx(ctx context.Context, tx pgx.Tx, run func(service.ImportTarget) error) error {
	t := &importTarget{s: s, ctx: ctx, tx: tx, maxID: map[dataset.RecordType]agreement.ID{}}
	if err := run(t); err != nil {
		return err
	}
	if err := s.sendNotice(ctx, tx, service.RegistryAll, 0); err != nil {
		return err
	}
	return t.derive()
}

// derive raises the ID counters to the records written and makes the list
// rows, ends (theirs and their parents') and search entries of the
// agreements written, in t.tx; then forgets them.
func (t *importTarget) derive() error {
	if err := t.flush(); err != nil {
		return err
	}
	ctx, tx := t.ctx, t.tx
	for rt, id := range t.maxID {
		if _, err := tx.Exec(ctx, "UPDATE ids SET last = greatest(last, $2) WHERE type = $1", string(rt), int64(id)); err != nil {
			return err
		}
	}
	ends := map[agreement.ID]bool{}
	for _, id := range t.agreements {
		ends[id] = true
		if p := t.parents[id]; p != 0 {
			ends[p] = true
		}
	}
	ids := make([]agreement.ID, 0, len(ends))
	for id := range ends {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if err := refreshRows(ctx, tx, ids); err != nil {
		return err
	}
	if err := t.s.indexIDs(ctx, tx, t.agreements); err != nil {
		return err
	}
	t.agreements, t.parents = t.agreements[:0], nil
	clear(t.maxID)
	return nil
}

// importTarget is a transaction as service.ImportInto fills it.
type importTarget struct {
	s          *Store
	ctx        context.Context
	tx         pgx.Tx
	agreements []agreement.ID
	parents    map[agreement.ID]agreement.ID
	maxID      map[dataset.RecordType]agreement.ID
	// fresh marks a push: the register was empty when it began and only the
	// push writes to it (pushLock), so no record of the file is stored
	// before it writes it (the file's own repeats the checks refuse), and
	// the file's sealed history entries wait in queue until the batch is
	// sent (flush): one round trip for many.
	fresh  bool
	queue  pgx.Batch
	queued []*dataset.HistoryEntry
}

func (t *importTarget) Exists(rt dataset.RecordType, id agreement.ID) (bool, error) {
	if t.fresh {
		return false, nil
	}
	raw, err := getRaw(t.ctx, t.tx, rt, id, false)
	return raw != nil, err
}

// flush sends the queued history entries, each of which must be written.
func (t *importTarget) flush() error {
	if len(t.queued) == 0 {
		return nil
	}
	res := t.tx.SendBatch(t.ctx, &t.queue)
	for _, e := range t.queued {
		tag, err := res.Exec()
		if err == nil {
			err = historyWritten(tag, e)
		}
		if err != nil {
			res.Close()
			return err
		}
	}
	t.queue, t.queued = pgx.Batch{}, t.queued[:0]
	return res.Close()
}

func (t *importTarget) PutRecord(rt dataset.RecordType, v any) error {
	id, _, _, _ := agreement.Meta(v)
	t.maxID[rt] = max(t.maxID[rt], *id)
	if a, ok := v.(*agreement.Agreement); ok {
		if err := t.s.checkNumber(t.ctx, t.tx, nil, a); err != nil {
			return err
		}
		t.agreements = append(t.agreements, a.ID)
		if a.ParentID != 0 {
			if t.parents == nil {
				t.parents = map[agreement.ID]agreement.ID{}
			}
			t.parents[a.ID] = a.ParentID
		}
	}
	return t.s.write(t.ctx, t.tx, rt, v, encode(v), false, 0)
}

func (t *importTarget) Directory() agreement.Directory { return dir{t.ctx, t.tx, t.s, nil} }

func (t *importTarget) Counter(key string) (uint64, bool, error) {
	var raw []byte
	err := t.tx.QueryRow(t.ctx, "SELECT data FROM counters WHERE key = $1", key).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	c, err := decode[dataset.Counter](raw)
	return c.Last, err == nil, err
}

func (t *importTarget) PutCounter(key string, c dataset.Counter) error {
	_, err := t.tx.Exec(t.ctx, "INSERT INTO counters (key, data) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET data = $2", key, encode(&c))
	return err
}

func (t *importTarget) Issued(number string) (bool, error) {
	var one int
	err := t.tx.QueryRow(t.ctx, "SELECT 1 FROM issued WHERE number = $1", number).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

func (t *importTarget) PutIssued(n *dataset.IssuedNumber) error {
	_, err := t.tx.Exec(t.ctx, "INSERT INTO issued (number, data) VALUES ($1, $2)", n.Number, encode(n))
	return err
}

// PutFile stores a file an import brings when a record refers to it (the
// records come first), as the store does.
func (t *importTarget) PutFile(f dataset.File) error {
	used, err := referenced(t.ctx, t.tx, f.SHA256)
	if err != nil || !used {
		return err
	}
	_, err = t.tx.Exec(t.ctx, "INSERT INTO files (sha, media_type, data) VALUES ($1, $2, $3) ON CONFLICT (sha) DO NOTHING",
		f.SHA256, f.MediaType, f.Data)
	return err
}

func (t *importTarget) AppendHistory(e *dataset.HistoryEntry) error {
	if t.fresh && e.Hash != "" && (e.Seq == 0 || e.Type == dataset.TypeAgreement) {
		t.queue.Queue(historyInsert, historyArgs(e)...)
		t.queued = append(t.queued, e)
		return nil
	}
	if err := t.flush(); err != nil {
		return err
	}
	return appendHistory(t.ctx, t.tx, e)
}

// Reindex rebuilds the agreements' ends and the search index in one
// transaction; a cancel keeps the index it had.
func (s *Store) Reindex(ctx context.Context) error {
	if err := s.backupBefore(ctx, service.ReasonReindex); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		ids, err := allIDs(ctx, tx)
		if err != nil {
			return err
		}
		if err := refreshRows(ctx, tx, ids); err != nil {
			return err
		}
		an, err := s.analyzer(ctx, tx)
		if err != nil {
			return err
		}
		return s.rebuild(ctx, tx, an)
	})
	return s.failed(err)
}

// Check reads every record and history entry back and returns every problem
// found, checking ctx per row.
func (s *Store) Check(ctx context.Context) error {
	var errs []error
	err := s.readTx(ctx, func(tx pgx.Tx) error {
		for _, t := range []dataset.RecordType{dataset.TypeParty, dataset.TypeOfficial, dataset.TypeMandate, dataset.TypeAgreement} {
			rows, err := tx.Query(ctx, "SELECT id, rev, data FROM "+table[t]+" ORDER BY id")
			if err != nil {
				return err
			}
			for rows.Next() {
				if err := ctx.Err(); err != nil {
					rows.Close()
					return err
				}
				var id, rev int64
				var raw []byte
				if err := rows.Scan(&id, &rev, &raw); err != nil {
					rows.Close()
					return err
				}
				v := newRecord(t)
				if err := json.Unmarshal(raw, v); err != nil {
					errs = append(errs, fmt.Errorf("%w: %s %d: %v", service.ErrCorrupt, t, id, err))
					continue
				}
				gotID, gotRev, _, _ := agreement.Meta(v)
				if int64(*gotID) != id || int64(*gotRev) != rev {
					errs = append(errs, fmt.Errorf("%w: %s %d: kolom dan isi berbeda", service.ErrCorrupt, t, id))
				}
			}
			if err := rows.Err(); err != nil {
				return err
			}
		}
		if err := checkChains(ctx, tx, &errs); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, "SELECT type, id, rev, entry FROM history")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			var t string
			var id, rev int64
			var raw []byte
			if err := rows.Scan(&t, &id, &rev, &raw); err != nil {
				return err
			}
			if _, err := decode[dataset.HistoryEntry](raw); err != nil {
				errs = append(errs, fmt.Errorf("%s %d revisi %d: %w", t, id, rev, err))
			}
		}
		return rows.Err()
	})
	if err != nil {
		return err
	}
	return errors.Join(errs...)
}

func newRecord(t dataset.RecordType) any {
	switch t {
	case dataset.TypeParty:
		return new(agreement.Party)
	case dataset.TypeOfficial:
		return new(agreement.Official)
	case dataset.TypeMandate:
		return new(agreement.Mandate)
	}
	return new(agreement.Agreement)
}
