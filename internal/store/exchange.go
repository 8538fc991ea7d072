package store

import (
	"context"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// Export returns everything in the store: records, counters, issued numbers,
// history and files. ctx is checked before each bucket.
func (s *Store) Export(ctx context.Context) (*dataset.Dataset, error) {
	d, _, err := s.export(ctx, false)
	return d, err
}

// ExportReadable is Export that leaves out the records that cannot be read
// and names them.
func (s *Store) ExportReadable(ctx context.Context) (*dataset.Dataset, []service.RecordRef, error) {
	return s.export(ctx, true)
}

func (s *Store) export(ctx context.Context, salvage bool) (*dataset.Dataset, []service.RecordRef, error) {
	d := &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, ExportedAt: s.now().UTC()}
	var damaged *[]service.RecordRef
	if salvage {
		damaged = new([]service.RecordRef)
	}
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		steps := []func(){
			func() { d.Parties, err = allOr[agreement.Party](tx, schema.Parties, damaged) },
			func() { d.Officials, err = allOr[agreement.Official](tx, schema.Officials, damaged) },
			func() { d.Mandates, err = allOr[agreement.Mandate](tx, schema.Mandates, damaged) },
			func() { d.Agreements, err = allOr[agreement.Agreement](tx, schema.Agreements, damaged) },
			func() { d.Numbers, err = allOr[dataset.IssuedNumber](tx, schema.Numbers, damaged) },
			func() { d.History, err = exportHistory(tx, damaged) },
			func() { d.Files, err = allOr[dataset.File](tx, schema.Files, damaged) },
		}
		for _, step := range steps {
			if err := ctx.Err(); err != nil {
				return err
			}
			if step(); err != nil {
				return err
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		return tx.Bucket(schema.Counters).ForEach(func(k, v []byte) error {
			var c dataset.Counter
			var office uint64
			var year int
			var kind string
			parts := strings.Split(string(k), "/")
			if len(parts) != 3 || len(v) != 8 {
				if damaged != nil {
					*damaged = append(*damaged, service.RecordRef{Type: "counter", Key: string(k)})
					return nil
				}
				return fmt.Errorf("%w: kunci penghitung %q", service.ErrCorrupt, k)
			}
			fmt.Sscan(parts[0], &office)
			kind = parts[1]
			fmt.Sscan(parts[2], &year)
			c = dataset.Counter{Office: agreement.ID(office), Kind: agreement.Kind(kind), Year: year, Last: uint64(keyID(v))}
			d.Counters = append(d.Counters, c)
			return nil
		})
	})
	if err != nil {
		return nil, nil, err
	}
	if damaged != nil {
		dropOrphanHistory(d)
		return d, *damaged, nil
	}
	return d, nil, nil
}

// dropOrphanHistory leaves out the history of records left out as damaged, so
// that the salvaged export imports.
func dropOrphanHistory(d *dataset.Dataset) {
	have := map[dataset.RecordType]map[agreement.ID]bool{}
	mark := func(t dataset.RecordType, id agreement.ID) {
		if have[t] == nil {
			have[t] = map[agreement.ID]bool{}
		}
		have[t][id] = true
	}
	for _, a := range d.Agreements {
		mark(dataset.TypeAgreement, a.ID)
	}
	for _, p := range d.Parties {
		mark(dataset.TypeParty, p.ID)
	}
	for _, o := range d.Officials {
		mark(dataset.TypeOfficial, o.ID)
	}
	for _, m := range d.Mandates {
		mark(dataset.TypeMandate, m.ID)
	}
	kept := d.History[:0]
	for _, e := range d.History {
		if have[e.Type][e.ID] {
			kept = append(kept, e)
		}
	}
	d.History = kept
}

// Import adds every record of d in one transaction, keeping IDs, revisions and
// history: all of it or nothing. An ID already in use, in the file or the store, is
// an error that names the record. ctx is checked per record; a cancel rolls
// the transaction back.
func (s *Store) Import(ctx context.Context, d *dataset.Dataset) error {
	if err := service.CheckUnique(d); err != nil {
		return err
	}
	if err := s.backupBefore(ctx, service.ReasonImport); err != nil { // backup.go
		return err
	}
	err := s.update(func(tx *bolt.Tx) error { return s.importTx(ctx, tx, d) })
	if err == nil {
		s.afterWrite()
	}
	return err
}

func (s *Store) importTx(ctx context.Context, tx *bolt.Tx, d *dataset.Dataset) error {
	dir := s.dir(tx)
	if err := service.ImportInto(ctx, importTarget{dir}, d, s.now(), s.user); err != nil {
		return err
	}
	// Parents written before their children count them now.
	parents := map[agreement.ID]bool{}
	for i := range d.Agreements {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p := d.Agreements[i].ParentID; p != 0 && !parents[p] {
			parents[p] = true
			if err := refreshParents(dir, p); err != nil {
				return err
			}
		}
	}
	for i := range d.Agreements {
		if err := s.indexAgreement(dir, &d.Agreements[i]); err != nil {
			return err
		}
	}
	return nil
}

// importTarget is the store as service.ImportInto fills it, in one transaction.
type importTarget struct{ dir txDir }

var recordBuckets = map[dataset.RecordType][]byte{dataset.TypeAgreement: schema.Agreements,
	dataset.TypeParty: schema.Parties, dataset.TypeOfficial: schema.Officials, dataset.TypeMandate: schema.Mandates}

func (t importTarget) Exists(rt dataset.RecordType, id agreement.ID) (bool, error) {
	return t.dir.tx.Bucket(recordBuckets[rt]).Get(idKey(id)) != nil, nil
}

func (t importTarget) PutRecord(rt dataset.RecordType, v any) error {
	id, _, _, _ := agreement.Meta(v)
	b := t.dir.tx.Bucket(recordBuckets[rt])
	if uint64(*id) > b.Sequence() {
		if err := b.SetSequence(uint64(*id)); err != nil {
			return err
		}
	}
	if a, ok := v.(*agreement.Agreement); ok {
		return writeAgreement(t.dir, a)
	}
	return putRecord(t.dir.tx, recordBuckets[rt], *id, v)
}

func (t importTarget) Directory() agreement.Directory { return t.dir }

func (t importTarget) Counter(key string) (uint64, bool, error) {
	v := t.dir.tx.Bucket(schema.Counters).Get([]byte(key))
	if len(v) != 8 {
		return 0, false, nil
	}
	return uint64(keyID(v)), true, nil
}

func (t importTarget) PutCounter(key string, c dataset.Counter) error {
	return t.dir.tx.Bucket(schema.Counters).Put([]byte(key), u64(c.Last))
}

func (t importTarget) Issued(number string) (bool, error) {
	return t.dir.tx.Bucket(schema.Numbers).Get([]byte(number)) != nil, nil
}

func (t importTarget) PutIssued(n *dataset.IssuedNumber) error {
	raw, err := encode(n)
	if err != nil {
		return err
	}
	return t.dir.tx.Bucket(schema.Numbers).Put([]byte(n.Number), raw)
}

func (t importTarget) PutFile(f dataset.File) error { return putFile(t.dir.tx, f) }

func (t importTarget) AppendHistory(e *dataset.HistoryEntry) error { return appendHistory(t.dir.tx, e) }

// Offsets returns the highest ID of each record type, for shifting a dataset
// numbered from 1 so that it joins the store without clashes.
func (s *Store) Offsets() (dataset.Offsets, error) {
	var o dataset.Offsets
	err := s.view(func(tx *bolt.Tx) error {
		o.Party = agreement.ID(tx.Bucket(schema.Parties).Sequence())
		o.Official = agreement.ID(tx.Bucket(schema.Officials).Sequence())
		o.Mandate = agreement.ID(tx.Bucket(schema.Mandates).Sequence())
		o.Agreement = agreement.ID(tx.Bucket(schema.Agreements).Sequence())
		return nil
	})
	return o, err
}

// exportHistory lists agreements' history (beside each agreement), then the rest.
func exportHistory(tx *bolt.Tx, damaged *[]service.RecordRef) ([]dataset.HistoryEntry, error) {
	var out []dataset.HistoryEntry
	collect := func(keyLen int) func(k, raw []byte) error {
		return func(k, raw []byte) error {
			if len(k) != keyLen {
				return nil
			}
			var e dataset.HistoryEntry
			if err := decode(raw, &e); err != nil {
				ref := service.RecordRef{Type: "history", ID: uint64(keyID(k[keyLen-16 : keyLen-8]))}
				if damaged == nil {
					return &service.RecordDamageError{Record: ref}
				}
				*damaged = append(*damaged, ref)
				return nil
			}
			out = append(out, e)
			return nil
		}
	}
	if err := tx.Bucket(schema.Agreements).ForEach(collect(16)); err != nil {
		return nil, err
	}
	err := tx.Bucket(schema.History).ForEach(collect(17))
	return out, err
}
