package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
)

// ImportTarget is a backend's storage as ImportInto fills it, all inside the
// backend's one write: the backend undoes everything when ImportInto fails.
type ImportTarget interface {
	// PutRecord stores v, a pointer to a record of type t with its bookkeeping
	// set; exists reports that the ID is already in use, and then nothing is
	// stored. The highest ID stored of each type is where new IDs continue.
	PutRecord(t dataset.RecordType, v any) (exists bool, err error)
	// Directory answers references against what is stored so far.
	Directory() agreement.Directory
	// Counter returns the last number handed out under a counter key.
	Counter(key string) (last uint64, ok bool, err error)
	PutCounter(key string, c dataset.Counter) error
	// Issued reports whether a number was ever handed out.
	Issued(number string) (bool, error)
	PutIssued(n *dataset.IssuedNumber) error
	PutFile(f dataset.File) error
	// AppendHistory stores a history entry; a revision already recorded
	// is an error wrapping ErrDuplicate.
	AppendHistory(e *dataset.HistoryEntry) error
}

// importRecord is one record of a dataset, by pointer into it.
type importRecord struct {
	t    dataset.RecordType
	list string // its list's name in the file
	i    int
	v    any
}

func (r importRecord) name() string {
	id, _, _, _ := agreement.Meta(r.v)
	return RecordName(r.list, r.i, *id)
}

// recordsOf lists d's records in the order they are imported: parties,
// officials, mandates, agreements.
func recordsOf(d *dataset.Dataset) []importRecord {
	var out []importRecord
	for i := range d.Parties {
		out = append(out, importRecord{dataset.TypeParty, "parties", i, &d.Parties[i]})
	}
	for i := range d.Officials {
		out = append(out, importRecord{dataset.TypeOfficial, "officials", i, &d.Officials[i]})
	}
	for i := range d.Mandates {
		out = append(out, importRecord{dataset.TypeMandate, "mandates", i, &d.Mandates[i]})
	}
	for i := range d.Agreements {
		out = append(out, importRecord{dataset.TypeAgreement, "agreements", i, &d.Agreements[i]})
	}
	return out
}

// RecordName names a record of an exchange file as an ImportError does:
// "agreements[2] (id 3)".
func RecordName(list string, i int, id agreement.ID) string {
	return fmt.Sprintf("%s[%d] (id %d)", list, i, id)
}

// CheckUnique refuses records without an ID and IDs used twice in d.
func CheckUnique(d *dataset.Dataset) error {
	seen := map[dataset.RecordType]map[agreement.ID]string{}
	for _, r := range recordsOf(d) {
		id, _, _, _ := agreement.Meta(r.v)
		if *id == 0 {
			return &ImportError{Record: r.name(), Field: "id", Err: agreement.Errors{{Field: "id", Code: "required"}}}
		}
		if seen[r.t] == nil {
			seen[r.t] = map[agreement.ID]string{}
		}
		if first, dup := seen[r.t][*id]; dup {
			return &ImportError{Record: r.name(), Field: "id", Err: fmt.Errorf("%w: sama dengan %s", ErrDuplicate, first)}
		}
		seen[r.t][*id] = r.name()
	}
	return nil
}

// ImportInto adds every record of d to a backend, keeping IDs, revisions and
// history, with the checks every backend makes: an ID already in use, a
// reference to nothing (checked once everything is in, so references may
// point forwards), a counter behind the stored one, a number already issued,
// a file whose content does not match its SHA-256, history that belongs to no
// record of the file or is ahead of it. A record without history gets an
// "impor" entry by user at now. Records a hand-made file leaves without
// bookkeeping get revision 1, created now, changed when created.
// Call CheckUnique first. ctx is checked before each record and history
// entry; a cancel returns ctx.Err() and the backend undoes what was stored.
func ImportInto(ctx context.Context, to ImportTarget, d *dataset.Dataset, now time.Time, user string) error {
	recs := recordsOf(d)
	for _, r := range recs {
		if err := ctx.Err(); err != nil {
			return err
		}
		_, rev, created, updated := agreement.Meta(r.v)
		if *rev == 0 {
			*rev = 1
		}
		if created.IsZero() {
			*created = now
		}
		if updated.IsZero() {
			*updated = *created
		}
		exists, err := to.PutRecord(r.t, r.v)
		if err != nil {
			return err
		}
		if exists {
			return &ImportError{Record: r.name(), Field: "id", Err: fmt.Errorf("%w: sudah ada di berkas data", ErrDuplicate)}
		}
	}
	dir := to.Directory()
	for _, r := range recs {
		if es := agreement.ValidateRecord(r.v, dir); len(es) > 0 {
			return &ImportError{Record: r.name(), Field: es[0].Field, Err: es}
		}
	}
	if err := importBookkeeping(ctx, to, d); err != nil {
		return err
	}
	return importHistory(ctx, to, d, recs, now, user)
}

func importBookkeeping(ctx context.Context, to ImportTarget, d *dataset.Dataset) error {
	for i, c := range d.Counters {
		key := agreement.CounterKey(c.Office, c.Kind, c.Year)
		have, ok, err := to.Counter(key)
		if err != nil {
			return err
		}
		if ok && have > c.Last {
			return &ImportError{Record: fmt.Sprintf("counters[%d]", i), Field: "last",
				Err: fmt.Errorf("%w: penghitung di berkas data sudah %d", ErrDuplicate, have)}
		}
		if err := to.PutCounter(key, c); err != nil {
			return err
		}
	}
	for i := range d.Numbers {
		n := &d.Numbers[i]
		issued, err := to.Issued(n.Number)
		if err != nil {
			return err
		}
		if issued {
			return &ImportError{Record: fmt.Sprintf("issued_numbers[%d]", i), Field: "number",
				Err: fmt.Errorf("%w: nomor %q sudah pernah dikeluarkan", ErrDuplicate, n.Number)}
		}
		if err := to.PutIssued(n); err != nil {
			return err
		}
	}
	for i, f := range d.Files {
		if err := ctx.Err(); err != nil {
			return err
		}
		sum := sha256.Sum256(f.Data)
		if hex.EncodeToString(sum[:]) != f.SHA256 {
			return &ImportError{Record: fmt.Sprintf("files[%d]", i), Field: "sha256",
				Err: fmt.Errorf("%w: isi berkas tidak cocok dengan sidik SHA-256-nya", ErrCorrupt)}
		}
		if err := to.PutFile(f); err != nil {
			return err
		}
	}
	return nil
}

func importHistory(ctx context.Context, to ImportTarget, d *dataset.Dataset, recs []importRecord, now time.Time, user string) error {
	type key struct {
		t  dataset.RecordType
		id agreement.ID
	}
	revs := map[key]uint64{}
	for _, r := range recs {
		id, rev, _, _ := agreement.Meta(r.v)
		revs[key{r.t, *id}] = *rev
	}
	has := map[key]bool{}
	for i := range d.History {
		if err := ctx.Err(); err != nil {
			return err
		}
		h := &d.History[i]
		name := fmt.Sprintf("history[%d]", i)
		if !h.Type.Valid() {
			return &ImportError{Record: name, Field: "type", Err: agreement.Errors{{Field: "type", Code: "bad_value", Args: []any{string(h.Type)}}}}
		}
		// History must belong to a record of the file, at or before its revision,
		// or later saves would find their revision already taken.
		if rev, ok := revs[key{h.Type, h.ID}]; !ok || h.Rev == 0 || h.Rev > rev {
			return &ImportError{Record: name, Field: "rev",
				Err: fmt.Errorf("%w: riwayat %s %d revisi %d tidak cocok dengan data di berkas", ErrCorrupt, h.Type, h.ID, h.Rev)}
		}
		if err := to.AppendHistory(h); err != nil {
			return &ImportError{Record: name, Field: "rev", Err: err}
		}
		has[key{h.Type, h.ID}] = true
	}
	for _, r := range recs {
		id, rev, _, _ := agreement.Meta(r.v)
		if has[key{r.t, *id}] {
			continue
		}
		if err := to.AppendHistory(&dataset.HistoryEntry{Type: r.t, ID: *id, Rev: *rev, At: now, By: user, Action: "impor"}); err != nil {
			return err
		}
	}
	return nil
}
