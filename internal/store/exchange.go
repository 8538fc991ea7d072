package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// Export returns everything in the store: records, counters, issued numbers, history and files.
func (s *Store) Export() (*dataset.Dataset, error) {
	d := &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, ExportedAt: s.now().UTC()}
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		if d.Parties, err = all[agreement.Party](tx, schema.Parties); err != nil {
			return err
		}
		if d.Officials, err = all[agreement.Official](tx, schema.Officials); err != nil {
			return err
		}
		if d.Mandates, err = all[agreement.Mandate](tx, schema.Mandates); err != nil {
			return err
		}
		if d.Agreements, err = all[agreement.Agreement](tx, schema.Agreements); err != nil {
			return err
		}
		if d.Numbers, err = all[dataset.IssuedNumber](tx, schema.Numbers); err != nil {
			return err
		}
		if d.History, err = exportHistory(tx); err != nil {
			return err
		}
		if d.Files, err = all[dataset.File](tx, schema.Files); err != nil {
			return err
		}
		return tx.Bucket(schema.Counters).ForEach(func(k, v []byte) error {
			var c dataset.Counter
			var office uint64
			var year int
			var kind string
			parts := strings.Split(string(k), "/")
			if len(parts) != 3 || len(v) != 8 {
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
	return d, err
}

func recordName(kind string, i int, id agreement.ID) string {
	return fmt.Sprintf("%s[%d] (id %d)", kind, i, id)
}

// Import adds every record of d in one transaction, keeping IDs, revisions and
// history: all of it or nothing. An ID already in use, in the file or the store, is
// an error that names the record.
func (s *Store) Import(d *dataset.Dataset) error {
	if err := checkUnique(d); err != nil {
		return err
	}
	err := s.db.Update(func(tx *bolt.Tx) error { return s.importTx(tx, d) })
	if err == nil {
		s.afterWrite()
	}
	return err
}

func checkUnique(d *dataset.Dataset) error {
	type list struct {
		name string
		ids  []agreement.ID
	}
	lists := []list{{name: "parties"}, {name: "officials"}, {name: "mandates"}, {name: "agreements"}}
	for _, p := range d.Parties {
		lists[0].ids = append(lists[0].ids, p.ID)
	}
	for _, o := range d.Officials {
		lists[1].ids = append(lists[1].ids, o.ID)
	}
	for _, m := range d.Mandates {
		lists[2].ids = append(lists[2].ids, m.ID)
	}
	for _, a := range d.Agreements {
		lists[3].ids = append(lists[3].ids, a.ID)
	}
	for _, l := range lists {
		seen := map[agreement.ID]int{}
		for i, id := range l.ids {
			if id == 0 {
				return &service.ImportError{Record: recordName(l.name, i, id), Field: "id", Err: agreement.Errors{{Field: "id", Code: "required"}}}
			}
			if j, dup := seen[id]; dup {
				return &service.ImportError{Record: recordName(l.name, i, id), Field: "id",
					Err: fmt.Errorf("%w: sama dengan %s", service.ErrDuplicate, recordName(l.name, j, id))}
			}
			seen[id] = i
		}
	}
	return nil
}

func (s *Store) importTx(tx *bolt.Tx, d *dataset.Dataset) error {
	now := s.now()
	put := func(bucket []byte, name string, i int, id agreement.ID, v any) error {
		// A hand-made file may leave out the bookkeeping; stored records always have it.
		_, rev, created, updated := meta(v)
		if *rev == 0 {
			*rev = 1
		}
		if created.IsZero() {
			*created = now
		}
		if updated.IsZero() {
			*updated = *created
		}
		b := tx.Bucket(bucket)
		if b.Get(idKey(id)) != nil {
			return &service.ImportError{Record: recordName(name, i, id), Field: "id", Err: fmt.Errorf("%w: sudah ada di berkas data", service.ErrDuplicate)}
		}
		if uint64(id) > b.Sequence() {
			if err := b.SetSequence(uint64(id)); err != nil {
				return err
			}
		}
		if a, ok := v.(*agreement.Agreement); ok {
			if err := writeAgreement(s.dir(tx), a); err != nil {
				return err
			}
			return nil
		}
		return putRecord(tx, bucket, id, v)
	}
	for i := range d.Parties {
		if err := put(schema.Parties, "parties", i, d.Parties[i].ID, &d.Parties[i]); err != nil {
			return err
		}
	}
	for i := range d.Officials {
		if err := put(schema.Officials, "officials", i, d.Officials[i].ID, &d.Officials[i]); err != nil {
			return err
		}
	}
	for i := range d.Mandates {
		if err := put(schema.Mandates, "mandates", i, d.Mandates[i].ID, &d.Mandates[i]); err != nil {
			return err
		}
	}
	for i := range d.Agreements {
		if err := put(schema.Agreements, "agreements", i, d.Agreements[i].ID, &d.Agreements[i]); err != nil {
			return err
		}
	}
	// Parents written before their children count them now.
	parents := map[agreement.ID]bool{}
	for i := range d.Agreements {
		if p := d.Agreements[i].ParentID; p != 0 && !parents[p] {
			parents[p] = true
			if err := refreshParents(s.dir(tx), p); err != nil {
				return err
			}
		}
	}
	// Validate once everything is in, so references may point forwards.
	dir := s.dir(tx)
	check := func(name string, i int, id agreement.ID, es agreement.Errors) error {
		if len(es) == 0 {
			return nil
		}
		return &service.ImportError{Record: recordName(name, i, id), Field: es[0].Field, Err: es}
	}
	for i := range d.Parties {
		if err := check("parties", i, d.Parties[i].ID, d.Parties[i].Validate(dir)); err != nil {
			return err
		}
	}
	for i := range d.Officials {
		if err := check("officials", i, d.Officials[i].ID, d.Officials[i].Validate(dir)); err != nil {
			return err
		}
	}
	for i := range d.Mandates {
		if err := check("mandates", i, d.Mandates[i].ID, d.Mandates[i].Validate(dir)); err != nil {
			return err
		}
	}
	for i := range d.Agreements {
		if err := check("agreements", i, d.Agreements[i].ID, d.Agreements[i].Validate(dir)); err != nil {
			return err
		}
	}
	if err := importBookkeeping(tx, d); err != nil {
		return err
	}
	for i := range d.Agreements {
		if err := s.indexAgreement(dir, &d.Agreements[i]); err != nil {
			return err
		}
	}
	return s.importHistory(tx, d)
}

func importBookkeeping(tx *bolt.Tx, d *dataset.Dataset) error {
	counters, issued := tx.Bucket(schema.Counters), tx.Bucket(schema.Numbers)
	for i, c := range d.Counters {
		key := []byte(agreement.CounterKey(c.Office, c.Kind, c.Year))
		if v := counters.Get(key); len(v) == 8 && uint64(keyID(v)) > c.Last {
			return &service.ImportError{Record: fmt.Sprintf("counters[%d]", i), Field: "last",
				Err: fmt.Errorf("%w: penghitung di berkas data sudah %d", service.ErrDuplicate, keyID(v))}
		}
		if err := counters.Put(key, u64(c.Last)); err != nil {
			return err
		}
	}
	for i := range d.Numbers {
		n := &d.Numbers[i]
		if issued.Get([]byte(n.Number)) != nil {
			return &service.ImportError{Record: fmt.Sprintf("issued_numbers[%d]", i), Field: "number",
				Err: fmt.Errorf("%w: nomor %q sudah pernah dikeluarkan", service.ErrDuplicate, n.Number)}
		}
		raw, err := encode(n)
		if err != nil {
			return err
		}
		if err := issued.Put([]byte(n.Number), raw); err != nil {
			return err
		}
	}
	for i, f := range d.Files {
		sum := sha256.Sum256(f.Data)
		if hex.EncodeToString(sum[:]) != f.SHA256 {
			return &service.ImportError{Record: fmt.Sprintf("files[%d]", i), Field: "sha256",
				Err: fmt.Errorf("%w: isi berkas tidak cocok dengan sidik SHA-256-nya", service.ErrCorrupt)}
		}
		if err := putFile(tx, f); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) importHistory(tx *bolt.Tx, d *dataset.Dataset) error {
	type rec struct {
		t  dataset.RecordType
		id agreement.ID
	}
	has := map[rec]bool{}
	revs := map[rec]uint64{}
	for _, p := range d.Parties {
		revs[rec{dataset.TypeParty, p.ID}] = p.Rev
	}
	for _, o := range d.Officials {
		revs[rec{dataset.TypeOfficial, o.ID}] = o.Rev
	}
	for _, m := range d.Mandates {
		revs[rec{dataset.TypeMandate, m.ID}] = m.Rev
	}
	for _, a := range d.Agreements {
		revs[rec{dataset.TypeAgreement, a.ID}] = a.Rev
	}
	for i := range d.History {
		h := &d.History[i]
		if _, ok := schema.RecordTag[string(h.Type)]; !ok {
			return &service.ImportError{Record: fmt.Sprintf("history[%d]", i), Field: "type", Err: agreement.Errors{{Field: "type", Code: "bad_value", Args: []any{string(h.Type)}}}}
		}
		// History must belong to a record of the file, at or before its revision,
		// or later saves would find their revision already taken.
		if rev, ok := revs[rec{h.Type, h.ID}]; !ok || h.Rev == 0 || h.Rev > rev {
			return &service.ImportError{Record: fmt.Sprintf("history[%d]", i), Field: "rev",
				Err: fmt.Errorf("%w: riwayat %s %d revisi %d tidak cocok dengan data di berkas", service.ErrCorrupt, h.Type, h.ID, h.Rev)}
		}
		if err := appendHistory(tx, h); err != nil {
			return &service.ImportError{Record: fmt.Sprintf("history[%d]", i), Field: "rev", Err: err}
		}
		has[rec{h.Type, h.ID}] = true
	}
	now := s.now()
	note := func(t dataset.RecordType, id agreement.ID, rev uint64) error {
		if has[rec{t, id}] {
			return nil
		}
		return appendHistory(tx, &dataset.HistoryEntry{Type: t, ID: id, Rev: rev, At: now, By: s.user, Action: "impor"})
	}
	for _, p := range d.Parties {
		if err := note(dataset.TypeParty, p.ID, p.Rev); err != nil {
			return err
		}
	}
	for _, o := range d.Officials {
		if err := note(dataset.TypeOfficial, o.ID, o.Rev); err != nil {
			return err
		}
	}
	for _, m := range d.Mandates {
		if err := note(dataset.TypeMandate, m.ID, m.Rev); err != nil {
			return err
		}
	}
	for _, a := range d.Agreements {
		if err := note(dataset.TypeAgreement, a.ID, a.Rev); err != nil {
			return err
		}
	}
	return nil
}

// Offsets returns the highest ID of each record type, for shifting a dataset
// numbered from 1 so that it joins the store without clashes.
func (s *Store) Offsets() (dataset.Offsets, error) {
	var o dataset.Offsets
	err := s.db.View(func(tx *bolt.Tx) error {
		o.Party = agreement.ID(tx.Bucket(schema.Parties).Sequence())
		o.Official = agreement.ID(tx.Bucket(schema.Officials).Sequence())
		o.Mandate = agreement.ID(tx.Bucket(schema.Mandates).Sequence())
		o.Agreement = agreement.ID(tx.Bucket(schema.Agreements).Sequence())
		return nil
	})
	return o, err
}

// exportHistory lists agreements' history (beside each agreement), then the rest.
func exportHistory(tx *bolt.Tx) ([]dataset.HistoryEntry, error) {
	var out []dataset.HistoryEntry
	collect := func(keyLen int) func(k, raw []byte) error {
		return func(k, raw []byte) error {
			if len(k) != keyLen {
				return nil
			}
			var e dataset.HistoryEntry
			if err := decode(raw, &e); err != nil {
				return err
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
