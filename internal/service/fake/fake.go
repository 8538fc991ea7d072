// Package fake is an in-memory service.Service with the semantics of the
// bbolt store: the same validation, revisions, history, numbering, search and
// exchange, checked by the same conformance suite (internal/service/servicetest).
// It is for tests of the screens and the command-line tool; it is safe for
// concurrent use.
package fake

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/search"
	"sepakat/internal/search/searchtest"
	"sepakat/internal/service"
	"sepakat/internal/wilayah"
)

// Options configure New.
type Options struct {
	// SigningText keeps the fingerprint of an agreement's text in the history
	// entry of the save that signs it (export.TextFingerprint); nil keeps none.
	SigningText service.TextFingerprint
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// User is recorded in the history; "staf" when empty.
	User string
}

// kind numbers the record types.
type kind int

const (
	kAgreement kind = iota
	kParty
	kOfficial
	kMandate
	kinds
)

var recordTypes = [kinds]dataset.RecordType{dataset.TypeAgreement, dataset.TypeParty, dataset.TypeOfficial, dataset.TypeMandate}

// historyTag orders the history of parties, officials and mandates in an
// export as the store does (by its tag byte).
var historyTag = map[dataset.RecordType]byte{dataset.TypeAgreement: 'a', dataset.TypeParty: 'p', dataset.TypeOfficial: 'o', dataset.TypeMandate: 'm'}

type histKey struct {
	t   dataset.RecordType
	id  agreement.ID
	rev uint64
	seq uint64 // an agreement's print (the store's schema.PrintTag keys)
}

// state is everything stored. Records and history entries are kept as JSON, as
// the store keeps them, so that callers never share memory with it.
type state struct {
	recs     [kinds]map[agreement.ID][]byte
	seq      [kinds]uint64
	history  map[histKey][]byte
	counters map[string]dataset.Counter
	numbers  map[string]dataset.IssuedNumber
	files    map[string]dataset.File
	examples bool
	synonyms string
}

func newState() state {
	st := state{history: map[histKey][]byte{}, counters: map[string]dataset.Counter{},
		numbers: map[string]dataset.IssuedNumber{}, files: map[string]dataset.File{}}
	for k := range st.recs {
		st.recs[k] = map[agreement.ID][]byte{}
	}
	return st
}

// clone copies the maps; the values are never changed in place.
func (st state) clone() state {
	out := st
	for k := range st.recs {
		out.recs[k] = cloneMap(st.recs[k])
	}
	out.history = cloneMap(st.history)
	out.counters = cloneMap(st.counters)
	out.numbers = cloneMap(st.numbers)
	out.files = cloneMap(st.files)
	return out
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Fake is an in-memory data file.
type Fake struct {
	mu      sync.Mutex
	now     func() time.Time
	user    string
	signing service.TextFingerprint
	regions *wilayah.List
	st      state
	an      *search.Analyzer
	// index is the full-text index of the agreements, and rows their list rows
	// by ID; nil when a write made them stale.
	index *searchtest.MemIndex
	rows  map[agreement.ID]agreement.Summary
	// bk is the backup folder, kept in memory (backup.go).
	bk backups
	// staged are files PutFile received that no save has stored (kept.go).
	staged map[string]dataset.File
	// notes are the subscribers to registry changes.
	notes service.Notifier
}

// stale drops what is derived from the agreements and the names they show.
func (f *Fake) stale() {
	f.index = nil
	f.rows = nil
}

// New returns an empty instance.
func New(opt Options) (*Fake, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.User == "" {
		opt.User = "staf"
		if u, err := user.Current(); err == nil && u.Username != "" {
			opt.User = filepath.Base(u.Username)
		}
	}
	regions, err := wilayah.Load()
	if err != nil {
		return nil, err
	}
	an, err := search.Shipped()
	if err != nil {
		return nil, err
	}
	return &Fake{now: opt.Now, user: opt.User, signing: opt.SigningText, regions: regions, st: newState(), an: an}, nil
}

// OpenBackup reads a copy written by Backup into a new instance.
func OpenBackup(path string, opt Options) (*Fake, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	d, err := dataset.Decode(file)
	if err != nil {
		return nil, err
	}
	f, err := New(opt)
	if err != nil {
		return nil, err
	}
	return f, f.Import(context.Background(), d)
}

var _ service.Service = (*Fake)(nil)

func encode(v any) []byte {
	raw, err := json.Marshal(v)
	if err != nil {
		panic("fake: record does not encode: " + err.Error()) // records are plain data
	}
	return raw
}

func decode[T any](raw []byte) (T, error) {
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, fmt.Errorf("%w: %v", service.ErrCorrupt, err)
	}
	agreement.Fold(&v) // a record written before one number per party
	return v, nil
}

// get reads one record; ok is false when absent.
func get[T any](st *state, k kind, id agreement.ID) (T, bool) {
	raw, ok := st.recs[k][id]
	if !ok {
		var zero T
		return zero, false
	}
	v, err := decode[T](raw)
	return v, err == nil
}

func getOne[T any](f *Fake, k kind, id agreement.ID) (T, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	v, ok := get[T](&f.st, k, id)
	if !ok {
		return v, service.ErrNotFound
	}
	return v, nil
}

// all reads every record of a type in ID order.
func all[T any](st *state, k kind) []T {
	out := []T{}
	for _, id := range sortedIDs(st.recs[k]) {
		if v, ok := get[T](st, k, id); ok {
			out = append(out, v)
		}
	}
	return out
}

func allOf[T any](f *Fake, k kind) ([]T, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := all[T](&f.st, k)
	if len(out) == 0 {
		return nil, nil // as the store: no records, no list
	}
	return out, nil
}

// dir answers agreement.Directory from the current state.
type dir struct{ f *Fake }

func (d dir) Party(id agreement.ID) (agreement.Party, bool) {
	return get[agreement.Party](&d.f.st, kParty, id)
}

func (d dir) Official(id agreement.ID) (agreement.Official, bool) {
	return get[agreement.Official](&d.f.st, kOfficial, id)
}

func (d dir) Mandate(id agreement.ID) (agreement.Mandate, bool) {
	return get[agreement.Mandate](&d.f.st, kMandate, id)
}

func (d dir) AgreementKind(id agreement.ID) (agreement.Kind, bool) {
	a, ok := get[agreement.Agreement](&d.f.st, kAgreement, id)
	return a.Kind, ok
}

func (d dir) RegionName(code string) (string, bool) { return d.f.regions.Name(code) }

// save is the one write path: the rules every backend applies
// (service.PrepareSave), the type's own check against the stored version, the
// record and its history entry. Nothing changes unless all of it succeeds; v is
// updated only then.
func save[T agreement.Record](f *Fake, k kind, v *T, check func(prev func() (*T, error), next *T) error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	commit, err := saveLocked(f, k, v, check)
	if err == nil {
		commit()
	}
	return err
}

// saveLocked is save under f's lock; v takes the saved record when the
// returned commit runs.
func saveLocked[T agreement.Record](f *Fake, k kind, v *T, check func(prev func() (*T, error), next *T) error) (func(), error) {
	next := *v
	now := f.now()
	t := recordTypes[k]
	var prevRaw []byte
	newID := func() (agreement.ID, error) { return agreement.ID(f.st.seq[k] + 1), nil }
	stored := func(id agreement.ID) (uint64, time.Time, bool, error) {
		var ok bool
		if prevRaw, ok = f.st.recs[k][id]; !ok {
			return 0, time.Time{}, false, nil
		}
		prev, err := decode[T](prevRaw)
		_, rev, created, _ := agreement.Meta(&prev)
		return *rev, *created, true, err
	}
	if err := service.PrepareSave(t, &next, now, dir{f}, newID, stored); err != nil {
		return nil, err
	}
	if prevRaw != nil && check != nil {
		prev := func() (*T, error) {
			p, err := decode[T](prevRaw)
			return &p, err
		}
		if err := check(prev, &next); err != nil {
			return nil, err
		}
	}
	if a, ok := any(&next).(*agreement.Agreement); ok {
		var prev *agreement.Agreement
		if prevRaw != nil {
			p, err := decode[agreement.Agreement](prevRaw)
			if err != nil {
				return nil, err
			}
			prev = &p
		}
		if err := f.checkNumber(prev, a); err != nil {
			return nil, err
		}
	}
	raw := encode(&next)
	id, rev, _, _ := agreement.Meta(&next)
	entry := dataset.SaveEntry(t, *id, *rev, now, f.user, prevRaw, raw)
	entry.Text = service.SigningText(f.signing, prevRaw, &next, dir{f}, func(id agreement.ID) (agreement.Agreement, bool) {
		return get[agreement.Agreement](&f.st, kAgreement, id)
	})
	if err := f.appendHistory(&entry); err != nil {
		return nil, err
	}
	if prevRaw == nil {
		f.st.seq[k] = uint64(*id)
	}
	f.st.recs[k][*id] = raw
	f.moveFiles(k, prevRaw, raw)
	if k != kMandate {
		f.stale() // agreements, and the names they show
	}
	return func() { *v = next }, nil
}

// appendHistory stores e under its record and revision; a revision is written once.
func (f *Fake) appendHistory(e *dataset.HistoryEntry) error {
	if e.Seq > 0 && e.Type != dataset.TypeAgreement {
		return fmt.Errorf("%w: cetakan pada riwayat %s %d", service.ErrCorrupt, e.Type, e.ID)
	}
	if e.Hash == "" {
		// A new entry joins its record's chain; an imported one keeps its own.
		var last *histKey
		for k := range f.st.history {
			if k.t == e.Type && k.id == e.ID && (last == nil || k.rev > last.rev || k.rev == last.rev && k.seq > last.seq) {
				last = &k
			}
		}
		var prev *dataset.HistoryEntry
		if last != nil {
			p, err := decode[dataset.HistoryEntry](f.st.history[*last])
			if err != nil {
				return err
			}
			prev = &p
		}
		e.Seal(prev)
	}
	key := histKey{e.Type, e.ID, e.Rev, e.Seq}
	for k := range f.st.history { // prints are numbered per agreement, as the store keys them
		if e.Seq > 0 && k.t == e.Type && k.id == e.ID && k.seq == e.Seq {
			return fmt.Errorf("%w: riwayat %s %d cetakan %d sudah ada", service.ErrDuplicate, e.Type, e.ID, e.Seq)
		}
	}
	if _, dup := f.st.history[key]; dup {
		return fmt.Errorf("%w: riwayat %s %d revisi %d sudah ada", service.ErrDuplicate, e.Type, e.ID, e.Rev)
	}
	f.st.history[key] = encode(e)
	return nil
}

// Agreement returns one agreement.
func (f *Fake) Agreement(id agreement.ID) (agreement.Agreement, error) {
	return getOne[agreement.Agreement](f, kAgreement, id)
}

// SaveAgreement creates (ID 0) or updates an agreement, refusing a stale
// revision, a status move the life cycle does not allow, a change to a signed
// agreement's locked fields, and whatever fails validation.
func (f *Fake) SaveAgreement(a *agreement.Agreement) error {
	return save(f, kAgreement, a, f.checkAgreement)
}

func (f *Fake) checkAgreement(prev func() (*agreement.Agreement, error), next *agreement.Agreement) error {
	old, err := prev()
	if err != nil {
		return err
	}
	return agreement.CheckUpdate(old.Status, prev, next, dir{f})
}

// AgreementHistory lists an agreement's changes, oldest first.
func (f *Fake) AgreementHistory(id agreement.ID) ([]dataset.HistoryEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.historyOf(dataset.TypeAgreement, id)
}

func (f *Fake) historyOf(t dataset.RecordType, id agreement.ID) ([]dataset.HistoryEntry, error) {
	var out []dataset.HistoryEntry
	keys := f.sortedHistory()
	slices.SortStableFunc(keys, func(a, b histKey) int { return cmp.Or(cmp.Compare(a.rev, b.rev), cmp.Compare(a.seq, b.seq)) })
	for _, k := range keys {
		if k.t != t || k.id != id {
			continue
		}
		e, err := decode[dataset.HistoryEntry](f.st.history[k])
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// Party returns one party.
func (f *Fake) Party(id agreement.ID) (agreement.Party, error) {
	return getOne[agreement.Party](f, kParty, id)
}

// Official returns one official.
func (f *Fake) Official(id agreement.ID) (agreement.Official, error) {
	return getOne[agreement.Official](f, kOfficial, id)
}

// Mandate returns one mandate.
func (f *Fake) Mandate(id agreement.ID) (agreement.Mandate, error) {
	return getOne[agreement.Mandate](f, kMandate, id)
}

// Parties returns every party in ID order.
func (f *Fake) Parties() ([]agreement.Party, error) { return allOf[agreement.Party](f, kParty) }

// Officials returns every official in ID order.
func (f *Fake) Officials() ([]agreement.Official, error) {
	return allOf[agreement.Official](f, kOfficial)
}

// Mandates returns every mandate in ID order.
func (f *Fake) Mandates() ([]agreement.Mandate, error) { return allOf[agreement.Mandate](f, kMandate) }

// SaveParty creates or updates a party.
func (f *Fake) SaveParty(p *agreement.Party) error {
	return f.notify(save(f, kParty, p, nil), service.RegistryParties, p.ID)
}

// SaveOfficial creates or updates an official.
func (f *Fake) SaveOfficial(o *agreement.Official) error {
	return f.notify(save(f, kOfficial, o, nil), service.RegistryOfficials, o.ID)
}

// SaveMandate creates or updates a mandate.
func (f *Fake) SaveMandate(m *agreement.Mandate) error {
	return f.notify(save(f, kMandate, m, nil), service.RegistryMandates, m.ID)
}

// Subscribe tells fn of every registry record saved, until cancel.
func (f *Fake) Subscribe(fn func(service.Change)) (cancel func()) { return f.notes.Subscribe(fn) }

// notify tells the subscribers of a save that succeeded (err nil), outside f's lock.
func (f *Fake) notify(err error, r service.Registry, id agreement.ID) error {
	if err == nil {
		f.notes.Notify(service.Change{Registry: r, ID: id})
	}
	return err
}

// Close drops the staged files no save referred to; the instance itself
// lives as long as it is referenced.
func (f *Fake) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.staged = nil
	return nil
}
