package fake

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
	"sepakat/resources"
)

// ReserveNumber hands out the next number of office's scheme for kind, dated d,
// and records it as issued, so it is never handed out again.
func (f *Fake) ReserveNumber(office agreement.ID, kind agreement.Kind, d agreement.Date, forAgreement agreement.ID) (string, error) {
	if !d.Valid() || !kind.Valid() {
		return "", agreement.Errors{{Field: "date", Code: "bad_date"}}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := get[agreement.Party](&f.st, kParty, office)
	if !ok {
		return "", fmt.Errorf("instansi %d: %w", office, service.ErrNotFound)
	}
	if p.Numbering == nil {
		return "", service.ErrNoScheme
	}
	key := agreement.CounterKey(office, kind, d.Year)
	last := f.st.counters[key].Last
	var number string
	for {
		last++
		var err error
		if number, err = p.Numbering.Format(kind, last, d); err != nil {
			return "", err
		}
		if _, issued := f.st.numbers[number]; !issued {
			break
		}
	}
	f.st.counters[key] = dataset.Counter{Office: office, Kind: kind, Year: d.Year, Last: last}
	f.st.numbers[number] = dataset.IssuedNumber{Number: number, Office: office, Kind: kind, Year: d.Year, Seq: last,
		AgreementID: forAgreement, At: f.now(), By: f.user}
	return number, nil
}

// PutFile stores data under its SHA-256 and returns a reference to it.
func (f *Fake) PutFile(name, mediaType string, data []byte) (agreement.FileRef, error) {
	if len(data) > service.MaxFileSize {
		return agreement.FileRef{}, fmt.Errorf("%s (%d MB, batas %d MB): %w", name, len(data)>>20, service.MaxFileSize>>20, service.ErrTooLarge)
	}
	sum := sha256.Sum256(data)
	ref := agreement.FileRef{Name: name, MediaType: mediaType, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.st.files[ref.SHA256] = dataset.File{SHA256: ref.SHA256, MediaType: mediaType, Data: bytes.Clone(data)}
	return ref, nil
}

// File returns a stored file's bytes.
func (f *Fake) File(sha string) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	file, ok := f.st.files[sha]
	if !ok {
		return nil, service.ErrNotFound
	}
	return bytes.Clone(file.Data), nil
}

// ExamplesLoaded reports whether LoadExamples has run on this instance.
func (f *Fake) ExamplesLoaded() (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.st.examples, nil
}

// LoadExamples adds the shipped examples, renumbered after the records already
// stored, once per instance.
func (f *Fake) LoadExamples() error {
	file, err := resources.FS.Open(resources.ExamplesFile)
	if err != nil {
		return err
	}
	defer file.Close()
	d, err := dataset.Decode(file)
	if err != nil {
		return err
	}
	return f.LoadDataset(d)
}

// LoadDataset adds d as examples: renumbered after the records already stored,
// once per instance.
func (f *Fake) LoadDataset(d *dataset.Dataset) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	d.Shift(f.offsets())
	if err := checkUnique(d); err != nil {
		return err
	}
	if f.st.examples {
		return service.ErrExamplesLoaded
	}
	if err := f.importAll(d); err != nil {
		return err
	}
	f.st.examples = true
	return nil
}

// Offsets returns the highest ID each record type has used.
func (f *Fake) Offsets() (dataset.Offsets, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.offsets(), nil
}

func (f *Fake) offsets() dataset.Offsets {
	return dataset.Offsets{Party: agreement.ID(f.st.seq[kParty]), Official: agreement.ID(f.st.seq[kOfficial]),
		Mandate: agreement.ID(f.st.seq[kMandate]), Agreement: agreement.ID(f.st.seq[kAgreement])}
}

// sortedHistory orders history as the store exports it: the agreements' first,
// then the other records' by type tag, each by ID and revision.
func (f *Fake) sortedHistory() []histKey {
	keys := make([]histKey, 0, len(f.st.history))
	for k := range f.st.history {
		keys = append(keys, k)
	}
	group := func(k histKey) int {
		if k.t == dataset.TypeAgreement {
			return 0
		}
		return 1
	}
	slices.SortFunc(keys, func(a, b histKey) int {
		return cmp.Or(cmp.Compare(group(a), group(b)), cmp.Compare(historyTag[a.t], historyTag[b.t]),
			cmp.Compare(a.id, b.id), cmp.Compare(a.rev, b.rev))
	})
	return keys
}

// Export returns everything stored: records, counters, issued numbers, history and files.
func (f *Fake) Export() (*dataset.Dataset, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.export()
}

func (f *Fake) export() (*dataset.Dataset, error) {
	d := &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, ExportedAt: f.now().UTC()}
	d.Parties = nilIfEmpty(all[agreement.Party](&f.st, kParty))
	d.Officials = nilIfEmpty(all[agreement.Official](&f.st, kOfficial))
	d.Mandates = nilIfEmpty(all[agreement.Mandate](&f.st, kMandate))
	d.Agreements = nilIfEmpty(all[agreement.Agreement](&f.st, kAgreement))
	for _, n := range sortedKeys(f.st.numbers) {
		d.Numbers = append(d.Numbers, f.st.numbers[n])
	}
	for _, k := range f.sortedHistory() {
		e, err := decode[dataset.HistoryEntry](f.st.history[k])
		if err != nil {
			return nil, err
		}
		d.History = append(d.History, e)
	}
	for _, sha := range sortedKeys(f.st.files) {
		file := f.st.files[sha]
		file.Data = bytes.Clone(file.Data)
		d.Files = append(d.Files, file)
	}
	for _, k := range sortedKeys(f.st.counters) {
		d.Counters = append(d.Counters, f.st.counters[k])
	}
	return d, nil
}

func nilIfEmpty[T any](list []T) []T {
	if len(list) == 0 {
		return nil
	}
	return list
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func recordName(kind string, i int, id agreement.ID) string {
	return fmt.Sprintf("%s[%d] (id %d)", kind, i, id)
}

// checkUnique refuses records without an ID and IDs used twice in d.
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

// Import adds every record of d, keeping IDs, revisions and history: all of it
// or nothing.
func (f *Fake) Import(d *dataset.Dataset) error {
	if err := checkUnique(d); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.importAll(d)
}

// importAll imports d, or restores the state it found and returns why not.
func (f *Fake) importAll(d *dataset.Dataset) error {
	before := f.st.clone()
	if err := f.importRecords(d); err != nil {
		f.st = before
		return err
	}
	f.stale()
	return nil
}

func (f *Fake) importRecords(d *dataset.Dataset) error {
	now := f.now()
	put := func(k kind, name string, i int, v any) error {
		// A hand-made file may leave out the bookkeeping; stored records always have it.
		id, rev, created, updated := meta(v)
		if *rev == 0 {
			*rev = 1
		}
		if created.IsZero() {
			*created = now
		}
		if updated.IsZero() {
			*updated = *created
		}
		if _, dup := f.st.recs[k][*id]; dup {
			return &service.ImportError{Record: recordName(name, i, *id), Field: "id", Err: fmt.Errorf("%w: sudah ada di berkas data", service.ErrDuplicate)}
		}
		f.st.seq[k] = max(f.st.seq[k], uint64(*id))
		f.st.recs[k][*id] = encode(v)
		return nil
	}
	for i := range d.Parties {
		if err := put(kParty, "parties", i, &d.Parties[i]); err != nil {
			return err
		}
	}
	for i := range d.Officials {
		if err := put(kOfficial, "officials", i, &d.Officials[i]); err != nil {
			return err
		}
	}
	for i := range d.Mandates {
		if err := put(kMandate, "mandates", i, &d.Mandates[i]); err != nil {
			return err
		}
	}
	for i := range d.Agreements {
		if err := put(kAgreement, "agreements", i, &d.Agreements[i]); err != nil {
			return err
		}
	}
	// Validate once everything is in, so references may point forwards.
	dr := dir{f}
	check := func(name string, i int, id agreement.ID, es agreement.Errors) error {
		if len(es) == 0 {
			return nil
		}
		return &service.ImportError{Record: recordName(name, i, id), Field: es[0].Field, Err: es}
	}
	for i := range d.Parties {
		if err := check("parties", i, d.Parties[i].ID, d.Parties[i].Validate(dr)); err != nil {
			return err
		}
	}
	for i := range d.Officials {
		if err := check("officials", i, d.Officials[i].ID, d.Officials[i].Validate(dr)); err != nil {
			return err
		}
	}
	for i := range d.Mandates {
		if err := check("mandates", i, d.Mandates[i].ID, d.Mandates[i].Validate(dr)); err != nil {
			return err
		}
	}
	for i := range d.Agreements {
		if err := check("agreements", i, d.Agreements[i].ID, d.Agreements[i].Validate(dr)); err != nil {
			return err
		}
	}
	if err := f.importBookkeeping(d); err != nil {
		return err
	}
	return f.importHistory(d)
}

func (f *Fake) importBookkeeping(d *dataset.Dataset) error {
	for i, c := range d.Counters {
		key := agreement.CounterKey(c.Office, c.Kind, c.Year)
		if have, ok := f.st.counters[key]; ok && have.Last > c.Last {
			return &service.ImportError{Record: fmt.Sprintf("counters[%d]", i), Field: "last",
				Err: fmt.Errorf("%w: penghitung di berkas data sudah %d", service.ErrDuplicate, have.Last)}
		}
		f.st.counters[key] = c
	}
	for i, n := range d.Numbers {
		if _, issued := f.st.numbers[n.Number]; issued {
			return &service.ImportError{Record: fmt.Sprintf("issued_numbers[%d]", i), Field: "number",
				Err: fmt.Errorf("%w: nomor %q sudah pernah dikeluarkan", service.ErrDuplicate, n.Number)}
		}
		f.st.numbers[n.Number] = n
	}
	for i, file := range d.Files {
		sum := sha256.Sum256(file.Data)
		if hex.EncodeToString(sum[:]) != file.SHA256 {
			return &service.ImportError{Record: fmt.Sprintf("files[%d]", i), Field: "sha256",
				Err: fmt.Errorf("%w: isi berkas tidak cocok dengan sidik SHA-256-nya", service.ErrCorrupt)}
		}
		file.Data = bytes.Clone(file.Data)
		f.st.files[file.SHA256] = file
	}
	return nil
}

func (f *Fake) importHistory(d *dataset.Dataset) error {
	type rec struct {
		t  dataset.RecordType
		id agreement.ID
	}
	revs := map[rec]uint64{}
	var order []rec
	add := func(t dataset.RecordType, id agreement.ID, rev uint64) {
		revs[rec{t, id}] = rev
		order = append(order, rec{t, id})
	}
	for _, p := range d.Parties {
		add(dataset.TypeParty, p.ID, p.Rev)
	}
	for _, o := range d.Officials {
		add(dataset.TypeOfficial, o.ID, o.Rev)
	}
	for _, m := range d.Mandates {
		add(dataset.TypeMandate, m.ID, m.Rev)
	}
	for _, a := range d.Agreements {
		add(dataset.TypeAgreement, a.ID, a.Rev)
	}
	has := map[rec]bool{}
	for i := range d.History {
		h := &d.History[i]
		if _, ok := historyTag[h.Type]; !ok {
			return &service.ImportError{Record: fmt.Sprintf("history[%d]", i), Field: "type", Err: agreement.Errors{{Field: "type", Code: "bad_value", Args: []any{string(h.Type)}}}}
		}
		// History must belong to a record of the file, at or before its revision,
		// or later saves would find their revision already taken.
		if rev, ok := revs[rec{h.Type, h.ID}]; !ok || h.Rev == 0 || h.Rev > rev {
			return &service.ImportError{Record: fmt.Sprintf("history[%d]", i), Field: "rev",
				Err: fmt.Errorf("%w: riwayat %s %d revisi %d tidak cocok dengan data di berkas", service.ErrCorrupt, h.Type, h.ID, h.Rev)}
		}
		if err := f.appendHistory(h); err != nil {
			return &service.ImportError{Record: fmt.Sprintf("history[%d]", i), Field: "rev", Err: err}
		}
		has[rec{h.Type, h.ID}] = true
	}
	at := f.now()
	for _, r := range order {
		if has[r] {
			continue
		}
		if err := f.appendHistory(&dataset.HistoryEntry{Type: r.t, ID: r.id, Rev: revs[r], At: at, By: f.user, Action: "impor"}); err != nil {
			return err
		}
	}
	return nil
}

// Reindex rebuilds the list rows and the search index.
func (f *Fake) Reindex() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.stale()
	return nil
}

// Check reads every record and history entry back and returns every problem found.
func (f *Fake) Check() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	var errs []error
	for k := range f.st.recs {
		for id, raw := range f.st.recs[k] {
			v := map[string]any{}
			if err := json.Unmarshal(raw, &v); err != nil {
				errs = append(errs, fmt.Errorf("%w: %s %d: %v", service.ErrCorrupt, recordTypes[k], id, err))
			}
		}
	}
	for key, raw := range f.st.history {
		if _, err := decode[dataset.HistoryEntry](raw); err != nil {
			errs = append(errs, fmt.Errorf("%s %d revisi %d: %w", key.t, key.id, key.rev, err))
		}
	}
	return errors.Join(errs...)
}

// Backup writes the instance's export to path; OpenBackup reads it.
func (f *Fake) Backup(path string) error {
	f.mu.Lock()
	d, err := f.export()
	f.mu.Unlock()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := dataset.Encode(&buf, d); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o600)
}
