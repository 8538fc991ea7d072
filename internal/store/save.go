package store

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
	"sepakat/internal/store/fts"
	"sepakat/internal/store/schema"
)

// SaveAgreement creates (ID 0) or updates an agreement in one transaction with its
// summary, indexes and history. It fails without writing when the revision is stale,
// a signed agreement's locked fields change, the status move is not allowed, or
// validation fails; a is updated only on success.
func (s *Store) SaveAgreement(a *agreement.Agreement) error {
	return s.Together(func(w service.Saver) error { return w.SaveAgreement(a) })
}

// SaveAgreement is Store.SaveAgreement inside w's transaction.
func (w *txSaver) SaveAgreement(a *agreement.Agreement) error {
	s := w.s
	return txSave(w, schema.Agreements, a, storedAgreementHead, func(dir txDir, next *agreement.Agreement, prevRaw, raw []byte) error {
		var stale []indexEntry
		var prev *agreement.Agreement
		if prevRaw != nil {
			h, _, _, ok := parseAgreementValue(prevRaw, true)
			if !ok {
				return fmt.Errorf("%w: perjanjian %d tidak terbaca; jalankan reindex", service.ErrCorrupt, next.ID)
			}
			stale = h.Keys
			prev = new(agreement.Agreement)
			if err := decode(prevRaw, prev); err != nil {
				return err
			}
			if err := agreement.CheckUpdate(h.Status, func() (*agreement.Agreement, error) { return prev, nil }, next, dir); err != nil {
				return err
			}
		}
		if err := keepAgreement(dir, prev, next); err != nil { // kept.go
			return err
		}
		oldParent := parentIn(stale)
		if err := writeAgreementRaw(dir, next, stale, raw); err != nil {
			return err
		}
		// A parent's summary counts its children (a MoU with a PKS is not sleeping).
		if next.ParentID != oldParent {
			if err := refreshParents(dir, oldParent, next.ParentID); err != nil {
				return err
			}
		} else if agreement.ChangesParentEnd(prev, next) {
			// A signed or cancelled Adendum moves its parent's end (family.go).
			if err := refreshParents(dir, next.ParentID); err != nil {
				return err
			}
		}
		if agreement.ChangesEndGiven(prev, next) {
			// A new end, or a cancellation, ends the Adenda that end with it anew.
			if err := refreshHeirs(dir, next.ID); err != nil {
				return err
			}
		}
		return s.indexAgreement(dir, next)
	}, func() {
		s.staged.forget(attachmentFiles(a))
		s.afterWrite()
	})
}

// parentIn finds the parent among an agreement's stored index entries.
func parentIn(list []indexEntry) agreement.ID {
	for _, e := range list {
		if bytes.Equal(e.bucket, schema.IdxParent) && len(e.key) == 16 {
			return keyID(e.key[:8])
		}
	}
	return 0
}

// afterWrite does the deferred housekeeping of committed saves: deleting
// superseded list keys and merging pending search entries. Either may fail
// without harm: lists skip superseded keys, and searches read pending entries.
func (s *Store) afterWrite() {
	_ = s.sweepAtLeast(sweepEvery)
	pending := 0
	_ = s.view(func(tx *bolt.Tx) error {
		pending = fts.Pending(tx)
		return nil
	})
	if pending < mergeEvery || !s.merging.CompareAndSwap(false, true) {
		return
	}
	// The merge analyses and rewrites postings for a while: not on the saver's time.
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		defer s.merging.Store(false)
		_ = s.merge()
	}()
}

// storedAgreementHead reads an agreement's revision and creation time from its binary head.
func storedAgreementHead(dir txDir, id agreement.ID) (uint64, time.Time, error) {
	h, _, _, ok := parseAgreementValue(dir.tx.Bucket(schema.Agreements).Get(idKey(id)), true)
	if !ok {
		return 0, time.Time{}, fmt.Errorf("%w: perjanjian %d tidak terbaca; jalankan reindex", service.ErrCorrupt, id)
	}
	return h.Rev, h.Created, nil
}

// recordHead reads revision and creation time by decoding the whole (small) record.
func recordHead[T agreement.Record](bucket []byte) headFunc {
	return func(dir txDir, id agreement.ID) (uint64, time.Time, error) {
		v, _, err := get[T](dir.tx, bucket, id)
		_, rev, created, _ := agreement.Meta(&v)
		return *rev, *created, err
	}
}

// SaveParty creates or updates a party; list summaries naming it follow a new name.
func (s *Store) SaveParty(p *agreement.Party) error {
	return s.Together(func(w service.Saver) error { return w.SaveParty(p) })
}

// SaveParty is Store.SaveParty inside w's transaction.
func (w *txSaver) SaveParty(p *agreement.Party) error {
	s := w.s
	return txSave(w, schema.Parties, p, recordHead[agreement.Party](schema.Parties), func(dir txDir, next *agreement.Party, prevRaw, raw []byte) error {
		if err := dir.tx.Bucket(schema.Parties).Put(idKey(next.ID), raw); err != nil {
			return err
		}
		if prevRaw == nil {
			return keepParty(dir, nil, next) // kept.go
		}
		var prev agreement.Party
		if err := decode(prevRaw, &prev); err != nil {
			return err
		}
		if err := keepParty(dir, &prev, next); err != nil {
			return err
		}
		// The list rows show the names, and when the monev falls due under
		// the office's rounds (Summary.MonevDue).
		rounds := func(p *agreement.Party) int { return agreement.OfficeProcedure([]agreement.Party{*p}).MonevPerYear }
		if prev.Name == next.Name && prev.ShortName == next.ShortName && rounds(&prev) == rounds(next) {
			return nil
		}
		return refreshSummariesOf(dir, next.ID)
	}, func() {
		s.staged.forget(lambangFiles(p))
		s.notes.Notify(service.Change{Registry: service.RegistryParties, ID: p.ID})
	})
}

// SaveOfficial creates or updates an official; a new name or jabatan reaches the
// search entries of the agreements the official signs.
func (s *Store) SaveOfficial(o *agreement.Official) error {
	return s.Together(func(w service.Saver) error { return w.SaveOfficial(o) })
}

// SaveOfficial is Store.SaveOfficial inside w's transaction.
func (w *txSaver) SaveOfficial(o *agreement.Official) error {
	s := w.s
	return txSave(w, schema.Officials, o, recordHead[agreement.Official](schema.Officials), func(dir txDir, next *agreement.Official, prevRaw, raw []byte) error {
		if err := dir.tx.Bucket(schema.Officials).Put(idKey(next.ID), raw); err != nil {
			return err
		}
		if prevRaw == nil {
			return nil
		}
		var prev agreement.Official
		if err := decode(prevRaw, &prev); err != nil {
			return err
		}
		if prev.Name == next.Name && prev.Jabatan == next.Jabatan {
			return nil
		}
		return reindexSignedBy(dir, next)
	}, func() {
		s.afterWrite()
		s.notes.Notify(service.Change{Registry: service.RegistryOfficials, ID: o.ID})
	})
}

// reindexSignedBy refreshes the search entries of the agreements o signs for its
// party, or that are signed under a surat kuasa o gave or holds.
func reindexSignedBy(dir txDir, o *agreement.Official) error {
	c := dir.tx.Bucket(schema.IdxParty).Cursor()
	p := idKey(o.PartyID)
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
		a, ok, err := get[agreement.Agreement](dir.tx, schema.Agreements, keyID(k[len(k)-8:]))
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		for _, ap := range a.Parties {
			m, _ := dir.Mandate(ap.MandateID)
			if ap.SignerID == o.ID || (ap.MandateID != 0 && (m.GrantorID == o.ID || m.GranteeID == o.ID)) {
				if err := dir.store.indexAgreement(dir, &a); err != nil {
					return err
				}
				break
			}
		}
	}
	return nil
}

// SaveMandate creates or updates a mandate.
func (s *Store) SaveMandate(m *agreement.Mandate) error {
	return s.Together(func(w service.Saver) error { return w.SaveMandate(m) })
}

// SaveMandate is Store.SaveMandate inside w's transaction.
func (w *txSaver) SaveMandate(m *agreement.Mandate) error {
	return txSave(w, schema.Mandates, m, recordHead[agreement.Mandate](schema.Mandates), putRaw[agreement.Mandate](schema.Mandates), func() {
		w.s.notes.Notify(service.Change{Registry: service.RegistryMandates, ID: m.ID})
	})
}

func putRaw[T agreement.Record](bucket []byte) func(dir txDir, next *T, _, raw []byte) error {
	return func(dir txDir, next *T, _, raw []byte) error {
		id, _, _, _ := agreement.Meta(next)
		return dir.tx.Bucket(bucket).Put(idKey(*id), raw)
	}
}

// putRecord stores a new record that is not an agreement (an import's); a
// party's lambang is recorded as referred to (kept.go), so that the import's
// file joins it.
func putRecord(tx *bolt.Tx, bucket []byte, id agreement.ID, v any) error {
	raw, err := encode(v)
	if err != nil {
		return err
	}
	if p, ok := v.(*agreement.Party); ok {
		if err := moveRefsTx(tx, nil, schema.RecordTag["party"], id, nil, lambangFiles(p)); err != nil {
			return err
		}
	}
	return tx.Bucket(bucket).Put(idKey(id), raw)
}

// headFunc reads a stored record's revision and creation time.
type headFunc func(dir txDir, id agreement.ID) (rev uint64, created time.Time, err error)

// saveIn is the one write path for records: the rules every backend applies
// (service.PrepareSave), the type's own writes of the encoded record, and the
// history entry, in transaction tx. write gets the previous encoding (nil
// for a new record).
func saveIn[T agreement.Record](s *Store, tx *bolt.Tx, bucket []byte, v *T, head headFunc, write func(dir txDir, next *T, prevRaw, raw []byte) error) (T, func(), error) {
	next := *v
	now := s.now()
	t := typeOf(bucket)
	dir := s.dir(tx)
	var prevRaw []byte
	b := tx.Bucket(bucket)
	newID := func() (agreement.ID, error) {
		seq, err := b.NextSequence()
		return agreement.ID(seq), err
	}
	stored := func(id agreement.ID) (uint64, time.Time, bool, error) {
		if prevRaw = b.Get(idKey(id)); prevRaw == nil {
			return 0, time.Time{}, false, nil
		}
		rev, created, err := head(dir, id)
		return rev, created, true, err
	}
	if err := service.PrepareSave(t, &next, now, dir, newID, stored); err != nil {
		return next, nil, err
	}
	raw, err := encode(&next)
	if err != nil {
		return next, nil, err
	}
	if err := write(dir, &next, prevRaw, raw); err != nil {
		return next, nil, err
	}
	id, rev, _, _ := agreement.Meta(&next)
	entry := dataset.SaveEntry(t, *id, *rev, now, s.user, recordJSON(prevRaw), recordJSON(raw))
	entry.Text = service.SigningText(s.signing, recordJSON(prevRaw), &next, dir, func(id agreement.ID) (agreement.Agreement, bool) {
		a, ok, err := get[agreement.Agreement](tx, schema.Agreements, id)
		return a, ok && err == nil
	})
	if err := appendHistory(tx, &entry); err != nil {
		return next, nil, err
	}
	superseded := dir.superseded
	return next, func() { s.stale.add(*superseded) }, nil
}

// txSaver saves records inside one write transaction (Together). Each saved
// record takes its ID and revision at once, so that later saves can name it;
// undo puts them back when the transaction fails, and after waits for its
// commit.
type txSaver struct {
	s     *Store
	tx    *bolt.Tx
	undo  []func()
	after []func()
}

// txSave saves v in w's transaction (saveIn); done runs after the commit.
func txSave[T agreement.Record](w *txSaver, bucket []byte, v *T, head headFunc, write func(dir txDir, next *T, prevRaw, raw []byte) error, done func()) error {
	next, after, err := saveIn(w.s, w.tx, bucket, v, head, write)
	if err != nil {
		return err
	}
	was := *v
	*v = next
	w.undo = append(w.undo, func() { *v = was })
	w.after = append(w.after, after, done)
	return nil
}

// Together saves what fn saves through its Saver as one write transaction:
// all of it, or nothing when fn or one of its saves fails; the records
// handed to the Saver are then as they were given.
func (s *Store) Together(fn func(service.Saver) error) error {
	w := &txSaver{s: s}
	err := s.update(func(tx *bolt.Tx) error {
		w.tx = tx
		return fn(w)
	})
	if err != nil {
		for i := len(w.undo) - 1; i >= 0; i-- {
			w.undo[i]()
		}
		return err
	}
	for _, f := range w.after {
		f()
	}
	return nil
}

func refreshSummariesOf(dir txDir, party agreement.ID) error {
	tx := dir.tx
	c := tx.Bucket(schema.IdxParty).Cursor()
	p := idKey(party)
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
		raw := tx.Bucket(schema.Agreements).Get(k[len(k)-8:])
		if raw == nil {
			continue
		}
		var a agreement.Agreement
		if err := decode(raw, &a); err != nil {
			return err
		}
		if err := writeSummary(dir, &a); err != nil {
			return err
		}
		// Party names are searched too.
		if err := dir.store.indexAgreement(dir, &a); err != nil {
			return err
		}
	}
	return nil
}

// historyPlace is where a record's history lives: an agreement's beside the
// agreement, the others' in the history bucket.
func historyPlace(tx *bolt.Tx, t dataset.RecordType, id agreement.ID) (*bolt.Bucket, []byte) {
	if t == dataset.TypeAgreement {
		return tx.Bucket(schema.Agreements), idKey(id)
	}
	return tx.Bucket(schema.History), cat([]byte{schema.RecordTag[string(t)]}, idKey(id))
}

// entryKey is where e is stored: a change under its record and revision, an
// agreement's print in the history bucket under its number.
func entryKey(tx *bolt.Tx, e *dataset.HistoryEntry) (*bolt.Bucket, []byte) {
	if e.Seq > 0 {
		return tx.Bucket(schema.History), cat(printPrefix(e.ID), u64(e.Seq))
	}
	b, prefix := historyPlace(tx, e.Type, e.ID)
	return b, cat(prefix, u64(e.Rev))
}

// appendHistory stores e under its record and revision (a print under its
// number); each is written once.
func appendHistory(tx *bolt.Tx, e *dataset.HistoryEntry) error {
	if e.Seq > 0 && e.Type != dataset.TypeAgreement {
		return fmt.Errorf("%w: cetakan pada riwayat %s %d", service.ErrCorrupt, e.Type, e.ID)
	}
	b, key := entryKey(tx, e)
	if b.Get(key) != nil {
		return fmt.Errorf("%w: riwayat %s %d revisi %d sudah ada", service.ErrDuplicate, e.Type, e.ID, e.Rev)
	}
	if e.Hash == "" {
		// A new entry joins its record's chain; an imported one keeps its own.
		last, err := lastEntry(tx, e.Type, e.ID)
		if err != nil {
			return err
		}
		e.Seal(last)
	}
	raw, err := encode(e)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

// History returns every change to one record, oldest first.
func (s *Store) History(t dataset.RecordType, id agreement.ID) ([]dataset.HistoryEntry, error) {
	var out []dataset.HistoryEntry
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = historyTx(tx, t, id)
		return err
	})
	return out, err
}

// historyTx reads one record's history, oldest first: its changes and, for
// an agreement, its prints.
func historyTx(tx *bolt.Tx, t dataset.RecordType, id agreement.ID) ([]dataset.HistoryEntry, error) {
	var out []dataset.HistoryEntry
	b, p := historyPlace(tx, t, id)
	c := b.Cursor()
	for k, raw := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, raw = c.Next() {
		if len(k) != len(p)+8 {
			continue // the agreement itself
		}
		var e dataset.HistoryEntry
		if err := decode(raw, &e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if t == dataset.TypeAgreement {
		prints, err := printsOf(tx, id)
		if err != nil {
			return nil, err
		}
		out = mergeHistory(out, prints)
	}
	return out, nil
}

// AgreementHistory lists an agreement's changes, oldest first.
func (s *Store) AgreementHistory(id agreement.ID) ([]dataset.HistoryEntry, error) {
	return s.History(dataset.TypeAgreement, id)
}

// ReserveNumber hands out the next number of office's scheme for kind, dated d,
// and records it as issued before returning, so it is never handed out again.
func (s *Store) ReserveNumber(office agreement.ID, kind agreement.Kind, d agreement.Date, forAgreement agreement.ID) (string, error) {
	var number string
	err := s.update(func(tx *bolt.Tx) error {
		counters, issued := tx.Bucket(schema.Counters), tx.Bucket(schema.Numbers)
		party := func(id agreement.ID) (agreement.Party, bool, error) {
			return get[agreement.Party](tx, schema.Parties, id)
		}
		last := func(key string) (uint64, error) {
			if v := counters.Get([]byte(key)); len(v) == 8 {
				return uint64(keyID(v)), nil
			}
			return 0, nil
		}
		// Taken: handed out before, or carried by an agreement of the office
		// however it got there (typed, imported, an example).
		taken := func(n string) (bool, error) {
			if issued.Get([]byte(n)) != nil {
				return true, nil
			}
			_, carried := carrier(tx, office, service.NumberKey(n), 0)
			return carried, nil
		}
		rec, err := service.NextNumber(office, kind, d, party, last, taken)
		if err != nil {
			return err
		}
		if err := counters.Put([]byte(agreement.CounterKey(office, kind, d.Year)), u64(rec.Seq)); err != nil {
			return err
		}
		rec.AgreementID, rec.At, rec.By = forAgreement, s.now(), s.user
		raw, err := encode(rec)
		if err != nil {
			return err
		}
		number = rec.Number
		return issued.Put([]byte(number), raw)
	})
	return number, err
}

// PutFile keeps data under its SHA-256 and returns a reference to it. The
// bytes are staged in memory: they enter the data file with the save of the
// agreement or party that refers to them (in its transaction), and are
// dropped on Close when no save did.
func (s *Store) PutFile(name, mediaType string, data []byte) (agreement.FileRef, error) {
	ref, err := service.NewFileRef(name, mediaType, data)
	if err != nil {
		return ref, err
	}
	s.staged.put(dataset.File{SHA256: ref.SHA256, MediaType: mediaType, Data: bytes.Clone(data)})
	return ref, nil
}

// putFile stores a file an import brings, when a record refers to it (the
// import's records are written first): a file nothing refers to stays out.
func putFile(tx *bolt.Tx, f dataset.File) error {
	if !referenced(tx, f.SHA256) {
		return nil
	}
	return storeFile(tx, f)
}

func storeFile(tx *bolt.Tx, f dataset.File) error {
	raw, err := encode(f)
	if err != nil {
		return err
	}
	return tx.Bucket(schema.Files).Put([]byte(f.SHA256), raw)
}

// File returns a stored or staged file's bytes.
func (s *Store) File(sha string) ([]byte, error) {
	var f dataset.File
	err := s.view(func(tx *bolt.Tx) error {
		raw := tx.Bucket(schema.Files).Get([]byte(sha))
		if raw == nil {
			return service.ErrNotFound
		}
		return decode(raw, &f)
	})
	if errors.Is(err, service.ErrNotFound) {
		if staged, ok := s.staged.get(sha); ok {
			return bytes.Clone(staged.Data), nil
		}
	}
	return f.Data, err
}
