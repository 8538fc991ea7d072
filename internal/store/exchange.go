package store

import (
	"bytes"
	"context"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// Export returns everything in the store: records, counters, issued numbers,
// history and files, as ExportTo writes them. It holds the whole register;
// ExportTo does not.
func (s *Store) Export(ctx context.Context) (*dataset.Dataset, error) {
	var buf bytes.Buffer
	if _, err := s.ExportTo(ctx, &buf); err != nil {
		return nil, err
	}
	return dataset.Decode(&buf)
}

// ExportReadable is Export that leaves out the records that cannot be read
// and names them.
func (s *Store) ExportReadable(ctx context.Context) (*dataset.Dataset, []service.RecordRef, error) {
	var buf bytes.Buffer
	_, damaged, err := s.ExportReadableTo(ctx, &buf)
	if err != nil {
		return nil, nil, err
	}
	d, err := dataset.Decode(&buf)
	return d, damaged, err
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
