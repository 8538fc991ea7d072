package service

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
)

// This file holds the rules of an import, for every backend: ImportCheck
// checks a file element by element (dataset.Reader hands them over, or
// dataset.Items for a whole Dataset), then writes them to an ImportTarget.

// MaxImportNumber bounds an imported ID, counter or sequence: the largest
// whole number every JSON reader keeps exactly (2^53), far beyond any register.
const MaxImportNumber = 1 << 53

// ImportLookup answers what the rules ask of what is already stored.
type ImportLookup interface {
	// Exists reports whether a record of type t has ID id.
	Exists(t dataset.RecordType, id agreement.ID) (bool, error)
	// Directory answers references to stored records.
	Directory() agreement.Directory
	// Counter returns the last number handed out under a counter key.
	Counter(key string) (last uint64, ok bool, err error)
	// Issued reports whether a number was ever handed out.
	Issued(number string) (bool, error)
}

// ImportTarget is a backend's storage as an import fills it. The backend
// makes the whole import one write: it undoes everything when a write fails.
type ImportTarget interface {
	ImportLookup
	// PutRecord stores v, a pointer to a record of type t with its
	// bookkeeping set; new IDs of its type continue after the highest stored.
	PutRecord(t dataset.RecordType, v any) error
	PutCounter(key string, c dataset.Counter) error
	PutIssued(n *dataset.IssuedNumber) error
	PutFile(f dataset.File) error
	// AppendHistory stores a history entry; a revision already recorded
	// is an error wrapping ErrDuplicate.
	AppendHistory(e *dataset.HistoryEntry) error
}

// RecordName names a record of an exchange file as an ImportError does:
// "agreements[2] (id 3)".
func RecordName(list string, i int, id agreement.ID) string {
	return fmt.Sprintf("%s[%d] (id %d)", list, i, id)
}

// CheckUnique refuses records without an ID and IDs used twice in d.
func CheckUnique(d *dataset.Dataset) error {
	c := NewImportCheck(nil, time.Time{}, "")
	for _, it := range dataset.Items(d) {
		if _, ok := dataset.RecordTypeOf(it.List); !ok {
			continue
		}
		if err := c.identity(it); err != nil {
			return err
		}
	}
	return nil
}

// ImportInto adds every record of d to a backend, keeping IDs, revisions and
// history, with the rules of ImportCheck. ctx is checked before each element;
// a cancel returns ctx.Err() and the backend undoes what was stored.
func ImportInto(ctx context.Context, to ImportTarget, d *dataset.Dataset, now time.Time, user string) error {
	return ImportItems(ctx, to, dataset.Items(d), now, user)
}

// ImportItems is ImportInto for the elements of a file read whole; the
// directory records go first, wherever the file has them.
func ImportItems(ctx context.Context, to ImportTarget, items []dataset.Item, now time.Time, user string) error {
	c := NewImportCheck(to, now, user)
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := c.Check(it); err != nil {
			return err
		}
	}
	if err := c.Finish(); err != nil {
		return err
	}
	for _, first := range []bool{true, false} {
		for _, it := range items {
			if err := ctx.Err(); err != nil {
				return err
			}
			if IsDirectoryList(it.List) != first {
				continue
			}
			if err := c.Write(it, to); err != nil {
				return err
			}
		}
	}
	return nil
}

// IsDirectoryList reports whether list holds parties, officials or mandates:
// what agreements' list entries name, so written before them.
func IsDirectoryList(list string) bool {
	return list == "parties" || list == "officials" || list == "mandates"
}

type recKey struct {
	t  dataset.RecordType
	id agreement.ID
}

type histKey struct {
	recKey
	rev uint64
}

// place is where an element was in the file, for messages.
type place struct {
	name string
	line int
}

// ImportCheck holds what the rules of an import need to remember of a file:
// the IDs and revisions of its records, the directory records (parties,
// officials, mandates) and the kinds of its agreements, so that references may
// point forwards, and what is left to check at the end. It holds no agreement
// itself, except one whose references are not yet resolved.
type ImportCheck struct {
	look ImportLookup
	now  time.Time
	user string

	recs      map[recKey]uint64 // revision of each record of the file
	streaming bool
	dirLate   bool // a directory record came after an agreement
	where     map[recKey]place
	parties   map[agreement.ID]agreement.Party
	officials map[agreement.ID]agreement.Official
	mandates  map[agreement.ID]agreement.Mandate
	kinds     map[agreement.ID]agreement.Kind
	parents   []agreement.ID
	parentSet map[agreement.ID]bool

	deferred    []deferredRecord // records that refer to something not yet read
	history     map[histKey]bool
	prints      map[histKey]bool // an agreement's prints by number (HistoryEntry.Seq)
	hasHistory  map[recKey]bool
	lateHistory []lateEntry // history read before its record
	counters    map[string]place
	numbers     map[string]place

	// Counts counts the records checked, by type.
	Counts dataset.Counts
}

type deferredRecord struct {
	at place
	v  any
}

type lateEntry struct {
	at  place
	key histKey
}

// NewImportCheck starts the checks of one import against what look finds
// stored; now and user fill the bookkeeping a hand-made file leaves out.
func NewImportCheck(look ImportLookup, now time.Time, user string) *ImportCheck {
	return &ImportCheck{look: look, now: now, user: user,
		recs: map[recKey]uint64{}, where: map[recKey]place{},
		parties: map[agreement.ID]agreement.Party{}, officials: map[agreement.ID]agreement.Official{},
		mandates: map[agreement.ID]agreement.Mandate{}, kinds: map[agreement.ID]agreement.Kind{},
		parentSet: map[agreement.ID]bool{}, history: map[histKey]bool{}, prints: map[histKey]bool{}, hasHistory: map[recKey]bool{},
		counters: map[string]place{}, numbers: map[string]place{}}
}

func fail(it dataset.Item, field string, err error) error {
	return &ImportError{Record: it.Name(), Line: it.Line, Field: field, Err: err}
}

// named gives a backend's refusal of a record (a rule of its own write path,
// such as a number already carried) the record's name, line and field.
func named(it dataset.Item, err error) error {
	var ie *ImportError
	var es agreement.Errors
	switch {
	case errors.As(err, &ie), !Known(err):
		return err
	case errors.As(err, &es) && len(es) > 0:
		return fail(it, es[0].Field, err) // err keeps its sentinel (ErrNumberTaken)
	}
	return fail(it, "", err)
}

// refuse is fail with a sentinel and what is wrong in words of both languages.
func refuse(it dataset.Item, field string, sentinel error, why i18n.Text, args ...any) error {
	return &ImportError{Record: it.Name(), Line: it.Line, Field: field, Err: &importWhy{sentinel, why, args}}
}

// importWhy is a sentinel with what is wrong, in words.
type importWhy struct {
	sentinel error
	why      i18n.Text
	args     []any
}

func (e *importWhy) Error() string { return e.sentinel.Error() + ": " + e.why.In(i18n.EN, e.args...) }
func (e *importWhy) Unwrap() error { return e.sentinel }

// The words of import refusals.
var (
	whySameAs      = i18n.Text{ID: "sama dengan %s", EN: "same as %s"}
	whyInDataFile  = i18n.Text{ID: "sudah ada di berkas data", EN: "already in the data file"}
	whyCounter     = i18n.Text{ID: "penghitung di berkas data sudah %d", EN: "the data file's counter is already at %d"}
	whyIssued      = i18n.Text{ID: "nomor %q sudah pernah dikeluarkan", EN: "number %q was already issued"}
	whyNumberSame  = i18n.Text{ID: "nomor %q sama dengan %s", EN: "number %q same as %s"}
	whyHistorySame = i18n.Text{ID: "riwayat %s %d revisi %d muncul dua kali", EN: "history of %s %d revision %d appears twice"}
	whyPrintSame   = i18n.Text{ID: "riwayat %s %d cetakan %d muncul dua kali", EN: "history of %s %d print %d appears twice"}
	whyHistory     = i18n.Text{ID: "riwayat %s %d revisi %d", EN: "history of %s %d revision %d"}
	whyValue       = i18n.Text{ID: "nilai %d", EN: "value %d"}
	whySize        = i18n.Text{ID: "%d MB, batas %d MB", EN: "%d MB, limit %d MB"}
)

// fillBookkeeping gives a record a hand-made file left without bookkeeping
// revision 1, created now, changed when created.
func (c *ImportCheck) fillBookkeeping(v any) {
	_, rev, created, updated := agreement.Meta(v)
	if *rev == 0 {
		*rev = 1
	}
	if created.IsZero() {
		*created = c.now
	}
	if updated.IsZero() {
		*updated = *created
	}
}

// identity checks a record's ID: present, in range, once in the file.
func (c *ImportCheck) identity(it dataset.Item) error {
	t, _ := dataset.RecordTypeOf(it.List)
	id, rev, _, _ := agreement.Meta(it.Value)
	switch {
	case *id == 0:
		return fail(it, "id", agreement.Errors{{Field: "id", Code: "required"}})
	case uint64(*id) > MaxImportNumber:
		return refuse(it, "id", ErrImportRange, whyValue, uint64(*id))
	case *rev > MaxImportNumber:
		return refuse(it, "rev", ErrImportRange, whyValue, *rev)
	}
	k := recKey{t, *id}
	if first, dup := c.where[k]; dup {
		return refuse(it, "id", ErrDuplicate, whySameAs, first.name)
	}
	c.where[k] = place{it.Name(), it.Line}
	c.recs[k] = *rev
	return nil
}

// Check applies the rules to one element of the file, in file order.
func (c *ImportCheck) Check(it dataset.Item) error {
	switch v := it.Value.(type) {
	case *dataset.Counter:
		return c.checkCounter(it, v)
	case *dataset.IssuedNumber:
		return c.checkNumber(it, v)
	case *dataset.HistoryEntry:
		return c.checkHistory(it, v)
	case *dataset.File:
		return checkFile(it, v)
	}
	t, ok := dataset.RecordTypeOf(it.List)
	if !ok {
		return fail(it, "", ErrImportRange)
	}
	c.fillBookkeeping(it.Value)
	if err := c.identity(it); err != nil {
		return err
	}
	id, _, _, _ := agreement.Meta(it.Value)
	exists, err := c.look.Exists(t, *id)
	if err != nil {
		return err
	}
	if exists {
		return refuse(it, "id", ErrDuplicate, whyInDataFile)
	}
	if err := checkFileRefs(it); err != nil {
		return err
	}
	if IsDirectoryList(it.List) && c.Counts.Agreements > 0 {
		c.dirLate = true
	}
	switch v := it.Value.(type) {
	case *agreement.Party:
		c.parties[v.ID] = *v
		c.Counts.Parties++
	case *agreement.Official:
		c.officials[v.ID] = *v
		c.Counts.Officials++
	case *agreement.Mandate:
		c.mandates[v.ID] = *v
		c.Counts.Mandates++
	case *agreement.Agreement:
		c.kinds[v.ID] = v.Kind
		if p := v.ParentID; p != 0 && !c.parentSet[p] {
			c.parentSet[p] = true
			c.parents = append(c.parents, p)
		}
		c.Counts.Agreements++
	}
	if es := agreement.ValidateRecord(it.Value, c.dir()); len(es) > 0 {
		// It may refer to a record further down the file: it is checked
		// again at the end, when the file is read.
		c.deferred = append(c.deferred, deferredRecord{place{it.Name(), it.Line}, it.Value})
	}
	return nil
}

// checkFileRefs applies the desktop's rules to the files a record names.
func checkFileRefs(it dataset.Item) error {
	var refs []struct {
		field string
		ref   agreement.FileRef
	}
	switch v := it.Value.(type) {
	case *agreement.Party:
		if v.Lambang != nil {
			refs = append(refs, struct {
				field string
				ref   agreement.FileRef
			}{"lambang.name", *v.Lambang})
		}
	case *agreement.Agreement:
		for i, a := range v.Attachments {
			refs = append(refs, struct {
				field string
				ref   agreement.FileRef
			}{fmt.Sprintf("attachments[%d].file.name", i), a.File})
		}
	}
	for _, r := range refs {
		if err := CheckFileName(r.ref.Name); err != nil {
			return fail(it, r.field, err)
		}
		if r.ref.Size > MaxFileSize || r.ref.Size < 0 {
			return refuse(it, strings.TrimSuffix(r.field, "name")+"size", ErrTooLarge, whySize, r.ref.Size>>20, MaxFileSize>>20)
		}
	}
	return nil
}

// CheckFileName refuses a name a stored file may not have: empty, "." or
// "..", with a path separator or a drive (so no absolute path), with NUL or
// another control character, or longer than 255 bytes.
func CheckFileName(name string) error {
	bad := strings.TrimSpace(name) == "" || name == "." || name == ".." ||
		strings.ContainsAny(name, `/\:`) || len(name) > 255
	for _, r := range name {
		bad = bad || unicode.IsControl(r)
	}
	if bad {
		return &importWhy{ErrFileName, i18n.Text{ID: "nama %q", EN: "name %q"}, []any{name}}
	}
	return nil
}

func (c *ImportCheck) checkCounter(it dataset.Item, n *dataset.Counter) error {
	if n.Last > MaxImportNumber {
		return refuse(it, "last", ErrImportRange, whyValue, n.Last)
	}
	key := agreement.CounterKey(n.Office, n.Kind, n.Year)
	if first, dup := c.counters[key]; dup {
		return refuse(it, "kind", ErrDuplicate, whySameAs, first.name)
	}
	c.counters[key] = place{it.Name(), it.Line}
	have, ok, err := c.look.Counter(key)
	if err != nil {
		return err
	}
	if ok && have > n.Last {
		return refuse(it, "last", ErrDuplicate, whyCounter, have)
	}
	return nil
}

func (c *ImportCheck) checkNumber(it dataset.Item, n *dataset.IssuedNumber) error {
	if n.Seq > MaxImportNumber {
		return refuse(it, "seq", ErrImportRange, whyValue, n.Seq)
	}
	if first, dup := c.numbers[n.Number]; dup {
		return refuse(it, "number", ErrDuplicate, whyNumberSame, n.Number, first.name)
	}
	c.numbers[n.Number] = place{it.Name(), it.Line}
	issued, err := c.look.Issued(n.Number)
	if err != nil {
		return err
	}
	if issued {
		return refuse(it, "number", ErrDuplicate, whyIssued, n.Number)
	}
	return nil
}

func (c *ImportCheck) checkHistory(it dataset.Item, h *dataset.HistoryEntry) error {
	if !h.Type.Valid() {
		return fail(it, "type", agreement.Errors{{Field: "type", Code: "bad_value", Args: []any{string(h.Type)}}})
	}
	k := histKey{recKey{h.Type, h.ID}, h.Rev}
	if h.Seq > 0 {
		// An agreement's print, numbered per agreement, at a revision of it.
		if h.Type != dataset.TypeAgreement {
			return fail(it, "seq", agreement.Errors{{Field: "seq", Code: "bad_value", Args: []any{h.Seq}}})
		}
		pk := histKey{k.recKey, h.Seq}
		if c.prints[pk] {
			return refuse(it, "seq", ErrDuplicate, whyPrintSame, h.Type, h.ID, h.Seq)
		}
		c.prints[pk] = true
	} else {
		if c.history[k] {
			return refuse(it, "rev", ErrDuplicate, whyHistorySame, h.Type, h.ID, h.Rev)
		}
		c.history[k] = true
		c.hasHistory[k.recKey] = true
	}
	if _, ok := c.recs[k.recKey]; !ok {
		c.lateHistory = append(c.lateHistory, lateEntry{place{it.Name(), it.Line}, k})
		return nil
	}
	return c.historyFits(place{it.Name(), it.Line}, k)
}

// historyFits: history must belong to a record of the file, at or before its
// revision, or later saves would find their revision already taken.
func (c *ImportCheck) historyFits(at place, k histKey) error {
	if rev, ok := c.recs[k.recKey]; !ok || k.rev == 0 || k.rev > rev {
		return &ImportError{Record: at.name, Line: at.line, Field: "rev",
			Err: &importWhy{ErrImportHistory, whyHistory, []any{k.t, k.id, k.rev}}}
	}
	return nil
}

func checkFile(it dataset.Item, f *dataset.File) error {
	if len(f.Data) > MaxFileSize {
		return refuse(it, "data", ErrTooLarge, whySize, len(f.Data)>>20, MaxFileSize>>20)
	}
	sum := sha256.Sum256(f.Data)
	if hex.EncodeToString(sum[:]) != f.SHA256 {
		return fail(it, "sha256", ErrImportHash)
	}
	return nil
}

// Finish makes the checks that need the whole file: references that point
// forwards, and history read before its record.
func (c *ImportCheck) Finish() error {
	dir := c.dir()
	for _, d := range c.deferred {
		if es := agreement.ValidateRecord(d.v, dir); len(es) > 0 {
			return &ImportError{Record: d.at.name, Line: d.at.line, Field: es[0].Field, Err: es}
		}
	}
	c.deferred = nil
	for _, h := range c.lateHistory {
		if err := c.historyFits(h.at, h.key); err != nil {
			return err
		}
	}
	return nil
}

// Parents are the agreements the file's agreements name as their parent.
func (c *ImportCheck) Parents() []agreement.ID { return c.parents }

// Use makes the checks look things up in look from now on: the same stored
// records, seen through another transaction.
func (c *ImportCheck) Use(look ImportLookup) { c.look = look }

// Agreements calls fn with the ID of every agreement of the file.
func (c *ImportCheck) Agreements(fn func(agreement.ID) error) error {
	for id := range c.kinds {
		if err := fn(id); err != nil {
			return err
		}
	}
	return nil
}

// DirectoryLate reports whether the file has parties, officials or mandates
// after an agreement: then they must be written in a pass of their own first.
func (c *ImportCheck) DirectoryLate() bool { return c.dirLate }

// Write stores one checked element, and for a record without history in the
// file an "impor" entry by the user at now; the bookkeeping a hand-made file
// left out is filled as Check filled it.
func (c *ImportCheck) Write(it dataset.Item, to ImportTarget) error {
	switch v := it.Value.(type) {
	case *dataset.Counter:
		return to.PutCounter(agreement.CounterKey(v.Office, v.Kind, v.Year), *v)
	case *dataset.IssuedNumber:
		return to.PutIssued(v)
	case *dataset.HistoryEntry:
		if err := to.AppendHistory(v); err != nil {
			return fail(it, "rev", err)
		}
		return nil
	case *dataset.File:
		return to.PutFile(*v)
	}
	t, _ := dataset.RecordTypeOf(it.List)
	c.fillBookkeeping(it.Value)
	if err := to.PutRecord(t, it.Value); err != nil {
		return named(it, err)
	}
	id, rev, _, _ := agreement.Meta(it.Value)
	if c.streaming || c.hasHistory[recKey{t, *id}] {
		return nil
	}
	return to.AppendHistory(&dataset.HistoryEntry{Type: t, ID: *id, Rev: *rev, At: c.now, By: c.user, Action: "impor"})
}

// Streaming makes Write leave the "impor" entries of records without history
// to ImportEntries: an element is written before the file's history is read.
func (c *ImportCheck) Streaming() { c.streaming = true }

// ImportEntries are the "impor" history entries of the records the file
// gives no history, once the whole file is checked.
func (c *ImportCheck) ImportEntries() []dataset.HistoryEntry {
	var out []dataset.HistoryEntry
	for k, rev := range c.recs {
		if !c.hasHistory[k] {
			out = append(out, dataset.HistoryEntry{Type: k.t, ID: k.id, Rev: rev, At: c.now, By: c.user, Action: "impor"})
		}
	}
	slices.SortFunc(out, func(a, b dataset.HistoryEntry) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// dir answers references against the store and the file's records read so far.
func (c *ImportCheck) dir() agreement.Directory { return overlay{c} }

type overlay struct{ c *ImportCheck }

func (o overlay) Party(id agreement.ID) (agreement.Party, bool) {
	if p, ok := o.c.parties[id]; ok {
		return p, true
	}
	return o.c.look.Directory().Party(id)
}

func (o overlay) Official(id agreement.ID) (agreement.Official, bool) {
	if v, ok := o.c.officials[id]; ok {
		return v, true
	}
	return o.c.look.Directory().Official(id)
}

func (o overlay) Mandate(id agreement.ID) (agreement.Mandate, bool) {
	if v, ok := o.c.mandates[id]; ok {
		return v, true
	}
	return o.c.look.Directory().Mandate(id)
}

func (o overlay) AgreementKind(id agreement.ID) (agreement.Kind, bool) {
	if k, ok := o.c.kinds[id]; ok {
		return k, true
	}
	return o.c.look.Directory().AgreementKind(id)
}

func (o overlay) RegionName(code string) (string, bool) {
	return o.c.look.Directory().RegionName(code)
}
