package fake

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
)

// ReserveNumber hands out the next number of office's scheme for kind, dated d,
// and records it as issued, so it is never handed out again.
func (f *Fake) ReserveNumber(office agreement.ID, kind agreement.Kind, d agreement.Date, forAgreement agreement.ID) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	party := func(id agreement.ID) (agreement.Party, bool, error) {
		p, ok := get[agreement.Party](&f.st, kParty, id)
		return p, ok, nil
	}
	last := func(key string) (uint64, error) { return f.st.counters[key].Last, nil }
	// Taken: handed out before, or carried by an agreement of the office
	// however it got there.
	taken := func(n string) (bool, error) {
		if _, ok := f.st.numbers[n]; ok {
			return true, nil
		}
		_, carried := f.carrier(office, service.NumberKey(n), 0)
		return carried, nil
	}
	rec, err := service.NextNumber(office, kind, d, party, last, taken)
	if err != nil {
		return "", err
	}
	f.st.counters[agreement.CounterKey(office, kind, d.Year)] = dataset.Counter{Office: office, Kind: kind, Year: d.Year, Last: rec.Seq}
	rec.AgreementID, rec.At, rec.By = forAgreement, f.now(), f.user
	f.st.numbers[rec.Number] = rec
	return rec.Number, nil
}

// PutFile stages data under its SHA-256 and returns a reference to it: the
// file is stored with the save that refers to it.
func (f *Fake) PutFile(name, mediaType string, data []byte) (agreement.FileRef, error) {
	ref, err := service.NewFileRef(name, mediaType, data)
	if err != nil {
		return ref, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.stage(dataset.File{SHA256: ref.SHA256, MediaType: mediaType, Data: bytes.Clone(data)})
	return ref, nil
}

// File returns a stored or staged file's bytes.
func (f *Fake) File(sha string) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	file, ok := f.st.files[sha]
	if !ok {
		if file, ok = f.staged[sha]; !ok {
			return nil, service.ErrNotFound
		}
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
	d, err := service.OurExamples(f)
	if err != nil {
		return err
	}
	return f.LoadDataset(d)
}

// LoadDataset adds d as examples: renumbered after the records already stored,
// once per instance.
func (f *Fake) LoadDataset(d *dataset.Dataset) error {
	return f.notify(f.loadDataset(d), service.RegistryAll, 0)
}

func (f *Fake) loadDataset(d *dataset.Dataset) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	d.Shift(f.offsets())
	if err := service.CheckUnique(d); err != nil {
		return err
	}
	if f.st.examples {
		return service.ErrExamplesLoaded
	}
	if err := f.importAll(context.Background(), d); err != nil {
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
		if k.t == dataset.TypeAgreement && k.seq == 0 {
			return 0
		}
		return 1
	}
	tag := func(k histKey) byte {
		if k.seq > 0 {
			return 'c' // prints, as the store keys them
		}
		return historyTag[k.t]
	}
	slices.SortFunc(keys, func(a, b histKey) int {
		return cmp.Or(cmp.Compare(group(a), group(b)), cmp.Compare(tag(a), tag(b)),
			cmp.Compare(a.id, b.id), cmp.Compare(a.seq, b.seq), cmp.Compare(a.rev, b.rev))
	})
	return keys
}

// Export returns everything stored: records, counters, issued numbers, history
// and files. ctx is checked before each kind of record.
func (f *Fake) Export(ctx context.Context) (*dataset.Dataset, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.export(ctx)
}

func (f *Fake) export(ctx context.Context) (*dataset.Dataset, error) {
	d := &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, ExportedAt: f.now().UTC()}
	steps := []func(){
		func() { d.Parties = nilIfEmpty(all[agreement.Party](&f.st, kParty)) },
		func() { d.Officials = nilIfEmpty(all[agreement.Official](&f.st, kOfficial)) },
		func() { d.Mandates = nilIfEmpty(all[agreement.Mandate](&f.st, kMandate)) },
		func() { d.Agreements = nilIfEmpty(all[agreement.Agreement](&f.st, kAgreement)) },
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		step()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
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

// Import adds every record of d, keeping IDs, revisions and history: all of it
// or nothing: a refusal or a cancel leaves the state as it was.
func (f *Fake) Import(ctx context.Context, d *dataset.Dataset) error {
	if err := service.CheckUnique(d); err != nil {
		return err
	}
	if err := f.backupBefore(ctx, service.ReasonImport); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.importAll(ctx, d)
}

// ExportTo writes Export to w as an exchange file.
func (f *Fake) ExportTo(ctx context.Context, w io.Writer) (dataset.Counts, error) {
	d, err := f.Export(ctx)
	if err != nil {
		return dataset.Counts{}, err
	}
	return dataset.WriteDataset(w, d)
}

// ImportFrom reads the exchange file open gives whole, then imports it as
// Import does, naming the line of a refused element.
func (f *Fake) ImportFrom(ctx context.Context, open func() (io.ReadCloser, error)) (dataset.Counts, error) {
	r, err := open()
	if err != nil {
		return dataset.Counts{}, err
	}
	defer r.Close()
	var items []dataset.Item
	var counts dataset.Counts
	rd := dataset.NewReader(r)
	for {
		it, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return dataset.Counts{}, err
		}
		items = append(items, it)
		switch it.List {
		case "agreements":
			counts.Agreements++
		case "parties":
			counts.Parties++
		case "officials":
			counts.Officials++
		case "mandates":
			counts.Mandates++
		}
	}
	if err := f.backupBefore(ctx, service.ReasonImport); err != nil {
		return dataset.Counts{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	before := f.st.clone()
	if err := service.ImportItems(ctx, importTarget{f}, items, f.now(), f.user); err != nil {
		f.st = before
		f.stale()
		return dataset.Counts{}, err
	}
	f.stale()
	return counts, nil
}

// importAll imports d, or restores the state it found and returns why not.
func (f *Fake) importAll(ctx context.Context, d *dataset.Dataset) error {
	before := f.st.clone()
	if err := service.ImportInto(ctx, importTarget{f}, d, f.now(), f.user); err != nil {
		f.st = before
		f.stale() // rows read during the import may show what was undone
		return err
	}
	f.stale()
	return nil
}

// importTarget is the fake's state as service.ImportInto fills it.
type importTarget struct{ f *Fake }

func (t importTarget) Exists(rt dataset.RecordType, id agreement.ID) (bool, error) {
	_, ok := t.f.st.recs[kind(slices.Index(recordTypes[:], rt))][id]
	return ok, nil
}

func (t importTarget) PutRecord(rt dataset.RecordType, v any) error {
	k := kind(slices.Index(recordTypes[:], rt))
	id, _, _, _ := agreement.Meta(v)
	if a, ok := v.(*agreement.Agreement); ok {
		if err := t.f.checkNumber(nil, a); err != nil {
			return err
		}
	}
	t.f.st.seq[k] = max(t.f.st.seq[k], uint64(*id))
	t.f.st.recs[k][*id] = encode(v)
	return nil
}

func (t importTarget) Directory() agreement.Directory { return dir{t.f} }

func (t importTarget) Counter(key string) (uint64, bool, error) {
	c, ok := t.f.st.counters[key]
	return c.Last, ok, nil
}

func (t importTarget) PutCounter(key string, c dataset.Counter) error {
	t.f.st.counters[key] = c
	return nil
}

func (t importTarget) Issued(number string) (bool, error) {
	_, ok := t.f.st.numbers[number]
	return ok, nil
}

func (t importTarget) PutIssued(n *dataset.IssuedNumber) error {
	t.f.st.numbers[n.Number] = *n
	return nil
}

// PutFile stores a file an import brings when a record refers to it (the
// records come first), as the store does.
func (t importTarget) PutFile(file dataset.File) error {
	if !t.f.referenced(file.SHA256) {
		return nil
	}
	file.Data = bytes.Clone(file.Data)
	t.f.st.files[file.SHA256] = file
	return nil
}

func (t importTarget) AppendHistory(e *dataset.HistoryEntry) error { return t.f.appendHistory(e) }

// Reindex rebuilds the list rows and the search index, checking ctx per
// agreement; a cancel keeps the index it had.
func (f *Fake) Reindex(ctx context.Context) error {
	if err := f.backupBefore(ctx, service.ReasonReindex); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	idx, err := f.buildIndex(ctx, f.an)
	if err != nil {
		return err
	}
	f.rows = nil
	if _, err := f.listRows(); err != nil {
		return err
	}
	f.index = idx
	return nil
}

// Check reads every record and history entry back and returns every problem
// found, checking ctx per record.
func (f *Fake) Check(ctx context.Context) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	var errs []error
	for k := range f.st.recs {
		for id, raw := range f.st.recs[k] {
			if err := ctx.Err(); err != nil {
				return err
			}
			v := map[string]any{}
			if err := json.Unmarshal(raw, &v); err != nil {
				errs = append(errs, fmt.Errorf("%w: %s %d: %v", service.ErrCorrupt, recordTypes[k], id, err))
			}
		}
	}
	for key, raw := range f.st.history {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := decode[dataset.HistoryEntry](raw); err != nil {
			errs = append(errs, fmt.Errorf("%s %d revisi %d: %w", key.t, key.id, key.rev, err))
		}
	}
	if err := f.chainProblems(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Backup writes the instance's export to path; OpenBackup reads it. A cancel
// or a failure leaves no file.
func (f *Fake) Backup(ctx context.Context, path string) error {
	f.mu.Lock()
	d, err := f.export(ctx)
	f.mu.Unlock()
	if err != nil {
		return err
	}
	return service.WriteFile(ctx, path, 0o600, func(w io.Writer) error { return dataset.Encode(w, d) })
}
